/**
 * MongoDB connection strings, built and read the same way for every service so the app
 * receives one format: credentials percent-encoded, TLS always on, and retryable writes
 * stated explicitly (DocumentDB and Cosmos DB vCore reject them; Atlas supports them).
 */

export interface MongoUri {
    /** `mongodb+srv` resolves the member list from DNS (Atlas, vCore); `mongodb` lists hosts. */
    readonly srv: boolean;
    readonly username: string;
    readonly password: string;
    /** `host` for SRV, `host:port` otherwise. */
    readonly hosts: readonly string[];
    /** Query options in the order given; `tls=true` is added first when absent. */
    readonly options: Readonly<Record<string, string>>;
}

export function buildMongoUri(uri: MongoUri): string {
    if (uri.hosts.length === 0) throw new RangeError("a connection string needs at least one host");
    if (uri.srv && uri.hosts.length !== 1) throw new RangeError("a mongodb+srv connection string names exactly one host");
    const options = { tls: "true", ...uri.options };
    if (options.tls !== "true") throw new RangeError("connection strings always require TLS");
    const query = Object.entries(options)
        .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
        .join("&");
    const credentials = `${encodeURIComponent(uri.username)}:${encodeURIComponent(uri.password)}`;
    return `${uri.srv ? "mongodb+srv" : "mongodb"}://${credentials}@${uri.hosts.join(",")}/?${query}`;
}

/** The host part of a connection string without credentials, e.g. the SRV name Atlas returns. */
export function uriHost(uri: string): string {
    const match = /^mongodb(?:\+srv)?:\/\/(?:[^@/]*@)?([^/?]+)/.exec(uri);
    if (!match) throw new RangeError(`not a MongoDB connection string: ${uri.replace(/\/\/[^@]*@/, "//…@")}`);
    return match[1];
}

/** The `replicaSet` option of a connection string, if it names one. */
export function uriReplicaSet(uri: string): string | undefined {
    const query = uri.split("?")[1];
    if (!query) return undefined;
    const value = new URLSearchParams(query).get("replicaSet");
    return value ?? undefined;
}

/**
 * What the app running in the DR region connects to: `dr` on every Database and Cache, built
 * one component at a time with a DR region. Present exactly where the service has a running
 * copy reachable from the DR network; its host is that copy's own endpoint (as the plan mocks
 * compute it from the DR resource), its connection string a secret naming that host.
 */
import { describe, expect, it } from "vitest";
import { AtlasDatabase, privateSrvConnectionString } from "../components/atlas/database";
import { awsAtlasSide } from "../components/aws/atlas";
import { AwsCache } from "../components/aws/cache";
import { AwsDocumentDb } from "../components/aws/database";
import { azureAtlasSide } from "../components/azure/atlas";
import { AzureCache } from "../components/azure/cache";
import { AzureCosmosMongo } from "../components/azure/database";
import type { CloudTypes } from "../components/contracts/cloud";
import type { DataEndpoint, Database, DatabaseArgs } from "../components/contracts/database";
import { gcpAtlasSide } from "../components/gcp/atlas";
import { GcpCache } from "../components/gcp/cache";
import { DATABASE_VERSIONS } from "../domain/capabilities/database";
import type { RegionPlacement } from "../domain/stack-config";
import { mockPrivateIp } from "../tools/plan/mocks/common";
import type { Plan } from "../tools/plan/types";
import { buildComponent, cacheArgs, type HarnessOptions, type Spine, settled } from "./support/component";
import { input, one } from "./support/plan";

const DR: Readonly<Record<"aws" | "gcp" | "azure", RegionPlacement>> = {
    aws: { region: "us-west-2", zones: ["us-west-2a", "us-west-2b", "us-west-2c"], cidr: "10.1.0.0/16" },
    gcp: { region: "us-east1", zones: ["us-east1-b", "us-east1-c", "us-east1-d"], cidr: "10.1.0.0/16" },
    azure: { region: "westus2", zones: ["1", "2", "3"], cidr: "10.1.0.0/16" },
};
const WITH_DR = (cloud: keyof typeof DR): HarnessOptions => ({ environment: "prod", dr: DR[cloud] });
const AZURE_SP = "22f1d2a6-d0e9-482a-83a4-b8dd7dddc2c1";

/** A database's own settings on top of its spine. */
function databaseArgs<T extends CloudTypes>(spine: Spine<T>, own: Partial<DatabaseArgs<T>> = {}): DatabaseArgs<T> {
    return {
        ...spine,
        alertEmails: ["oncall@gravitypm.example.com"],
        engine: "native",
        version: DATABASE_VERSIONS.documentdb,
        size: "medium",
        nodes: 3,
        readReplicas: 0,
        shards: 1,
        storageGb: 128,
        backupRetentionDays: 7,
        pointInTimeRecovery: true,
        logRetentionDays: 365,
        protect: false,
        ...own,
    };
}

const ATLAS = { engine: "atlas", version: DATABASE_VERSIONS.atlas, atlasOrgId: "0123456789abcdef01234567", atlasAzureServicePrincipalId: AZURE_SP } as const;

/** The resolved DR endpoint, after checking what every one must hold: a plain host and port,
 * and a secret connection string that names the host. */
async function endpoint(dr: DataEndpoint | undefined) {
    if (!dr) throw new Error("no DR endpoint");
    const [host, port, connection] = await Promise.all([settled(dr.host), settled(dr.port), settled(dr.connectionString)]);
    expect(host.secret).toBe(false);
    expect(port.secret).toBe(false);
    expect(connection.secret).toBe(true);
    expect(connection.value).toContain(host.value);
    return { host: host.value, port: port.value, connectionString: connection.value, readOnlyUntilFailover: dr.readOnlyUntilFailover, note: dr.note };
}

/** Runs a `buildComponent` whose build hands its component to `keep`; returns the plan and the component. */
async function withComponent<R>(run: (keep: (component: R) => R) => Promise<Plan>): Promise<{ p: Plan; component: R }> {
    let component: R | undefined;
    const p = await run((c) => (component = c));
    if (component === undefined) throw new Error("the component was not built");
    return { p, component };
}

describe("DocumentDB", () => {
    it("hands the DR region the global cluster secondary's own cluster endpoint, read-only until a failover", async () => {
        const { p, component } = await withComponent<AwsDocumentDb>((keep) => buildComponent("aws", (spine) => keep(new AwsDocumentDb("database", databaseArgs(spine))), WITH_DR("aws")));
        const secondary = one(p, "aws:docdb/cluster:Cluster", "database-dr-cluster");
        const dr = await endpoint(component.dr);
        expect(dr.host).toMatch(new RegExp(`^${String(input(secondary, "clusterIdentifier"))}\\.cluster-c[0-9a-f]+\\.us-west-2\\.docdb\\.amazonaws\\.com$`));
        expect(dr.port).toBe(27017);
        expect(dr.connectionString).toMatch(/^mongodb:\/\/gravitypm:[^@]+@.+:27017\/\?tls=true&replicaSet=rs0&readPreference=secondaryPreferred&retryWrites=false$/);
        expect(dr.connectionString).toContain(`@${dr.host}:27017/`);
        expect(dr.readOnlyUntilFailover).toBe(true);
        expect(dr.note).toContain("us-west-2");
        // The same login as the primary's string: only the host differs.
        const primary = await settled(component.connectionString);
        expect(dr.connectionString.replace(dr.host, "")).toBe(primary.value.replace((await settled(component.host)).value, ""));
    });

    it("has none without a DR region", async () => {
        const { component } = await withComponent<AwsDocumentDb>((keep) => buildComponent("aws", (spine) => keep(new AwsDocumentDb("database", databaseArgs(spine)))));
        expect(component.dr).toBeUndefined();
    });
});

describe("ElastiCache", () => {
    it("hands the DR region the global datastore secondary's primary endpoint with the shared AUTH token", async () => {
        const { p, component } = await withComponent<AwsCache>((keep) =>
            buildComponent("aws", (spine) => keep(new AwsCache("cache", cacheArgs("aws", spine, { environment: "prod", size: "medium" }))), WITH_DR("aws")),
        );
        const secondary = one(p, "aws:elasticache/replicationGroup:ReplicationGroup", "cache-dr-group");
        const dr = await endpoint(component.dr);
        expect(dr.host).toBe(`master.${String(input(secondary, "replicationGroupId"))}.abc123.usw2.cache.amazonaws.com`);
        expect(dr.connectionString).toMatch(new RegExp(`^rediss://:[^@]+@${dr.host.replace(/\./g, "\\.")}:6379$`));
        expect(dr.readOnlyUntilFailover).toBe(true);
        const primary = await settled(component.connectionString);
        expect(dr.connectionString.replace(dr.host, "")).toBe(primary.value.replace((await settled(component.host)).value, ""));
    });

    it("uses the secondary's configuration endpoint when sharded", async () => {
        const { p, component } = await withComponent<AwsCache>((keep) =>
            buildComponent("aws", (spine) => keep(new AwsCache("cache", cacheArgs("aws", spine, { environment: "prod", size: "medium", shards: 2 }))), WITH_DR("aws")),
        );
        const secondary = one(p, "aws:elasticache/replicationGroup:ReplicationGroup", "cache-dr-group");
        expect((await endpoint(component.dr)).host).toBe(`clustercfg.${String(input(secondary, "replicationGroupId"))}.abc123.usw2.cache.amazonaws.com`);
    });

    it("has none without a DR region, and says the cache lives in one region", async () => {
        const { component } = await withComponent<AwsCache>((keep) => buildComponent("aws", (spine) => keep(new AwsCache("cache", cacheArgs("aws", spine)))));
        expect(component.dr).toBeUndefined();
        expect(component.crossRegion.note).toMatch(/^no DR region/);
    });
});

describe("Cosmos DB vCore", () => {
    const vcore = { version: DATABASE_VERSIONS["cosmos-vcore"], nodes: 2 };

    it("hands the DR region the geo-replica's own host, read-only until it is promoted", async () => {
        const { p, component } = await withComponent<AzureCosmosMongo>((keep) =>
            buildComponent("azure", (spine) => keep(new AzureCosmosMongo("database", databaseArgs(spine, vcore))), WITH_DR("azure")),
        );
        const replica = one(p, "azure-native:mongocluster:MongoCluster", "database-dr-cluster");
        const dr = await endpoint(component.dr);
        expect(dr.host).toBe(`${String(input(replica, "mongoClusterName"))}.global.mongocluster.cosmos.azure.com`);
        expect(dr.host).toMatch(/-mongo-dr-/);
        expect(dr.port).toBe(10260);
        expect(dr.connectionString).toMatch(/^mongodb\+srv:\/\/gravitypm:[^@]+@[^/]+\/\?tls=true&authMechanism=SCRAM-SHA-256&retryWrites=false&maxIdleTimeMS=120000$/);
        expect(dr.readOnlyUntilFailover).toBe(true);
        expect((await settled(component.host)).value).not.toBe(dr.host);
    });

    it("has none without a DR region", async () => {
        const { component } = await withComponent<AzureCosmosMongo>((keep) => buildComponent("azure", (spine) => keep(new AzureCosmosMongo("database", databaseArgs(spine, vcore)))));
        expect(component.dr).toBeUndefined();
    });
});

describe("Azure Managed Redis", () => {
    it("hands the DR region its geo-replication member, writable now, with that member's own access key", async () => {
        const { p, component } = await withComponent<AzureCache>((keep) =>
            buildComponent("azure", (spine) => keep(new AzureCache("cache", cacheArgs("azure", spine, { environment: "prod", size: "medium", persistence: "none" }))), WITH_DR("azure")),
        );
        const member = one(p, "azure-native:redisenterprise:RedisEnterprise", "cache-dr-cluster");
        const dr = await endpoint(component.dr);
        expect(dr.host).toBe(`${String(input(member, "clusterName"))}.westus2.redis.azure.net`);
        expect(dr.port).toBe(10000);
        expect(dr.connectionString).toMatch(new RegExp(`^rediss://.*${dr.host.replace(/\./g, "\\.")}:10000$`));
        expect(dr.readOnlyUntilFailover).toBe(false);
        expect((await settled(component.host)).value).not.toBe(dr.host);
    });

    it("has none without a DR region", async () => {
        const { component } = await withComponent<AzureCache>((keep) => buildComponent("azure", (spine) => keep(new AzureCache("cache", cacheArgs("azure", spine)))));
        expect(component.dr).toBeUndefined();
        expect(component.crossRegion.note).toMatch(/^no DR region/);
    });
});

describe("Memorystore", () => {
    it("hands the DR region a cluster's secondary discovery endpoint (IAM, no credential in the URL) and its CA", async () => {
        const { component } = await withComponent<GcpCache>((keep) =>
            buildComponent("gcp", (spine) => keep(new GcpCache("cache", cacheArgs("gcp", spine, { environment: "prod", size: "medium", shards: 3, persistence: "aof" }))), WITH_DR("gcp")),
        );
        const dr = await endpoint(component.dr);
        // The mock gives each cluster's discovery endpoint an address derived from its logical name.
        expect(dr.host).toBe(mockPrivateIp("cache-dr-cluster-discovery"));
        expect(dr.host).not.toBe((await settled(component.host)).value);
        expect(dr.connectionString).toBe(`rediss://${dr.host}:6379`);
        expect(dr.readOnlyUntilFailover).toBe(true);
        expect(component.drServerCaCertificates).toBeDefined();
    });

    it("has none for an instance, whose DR copy is an export, and the cross-region note says so", async () => {
        const { component } = await withComponent<GcpCache>((keep) =>
            buildComponent("gcp", (spine) => keep(new GcpCache("cache", cacheArgs("gcp", spine, { environment: "prod", size: "medium" }))), WITH_DR("gcp")),
        );
        expect(component.dr).toBeUndefined();
        expect(component.drServerCaCertificates).toBeUndefined();
        expect(component.crossRegion.mode).toBe("scheduled-export");
        expect(component.crossRegion.note).toContain("no cache endpoint");
    });
});

/** Atlas with one cloud's side on that cloud's spine. */
type AtlasBuild = (own: Partial<DatabaseArgs<CloudTypes>>, options?: HarnessOptions) => Promise<Database>;
const ATLAS_ON: Readonly<Record<"aws" | "gcp" | "azure", AtlasBuild>> = {
    aws: async (own, options) =>
        (await withComponent<Database>((keep) => buildComponent("aws", (spine) => keep(new AtlasDatabase("database", databaseArgs(spine, { ...ATLAS, ...own }), awsAtlasSide)), options))).component,
    gcp: async (own, options) =>
        (await withComponent<Database>((keep) => buildComponent("gcp", (spine) => keep(new AtlasDatabase("database", databaseArgs(spine, { ...ATLAS, ...own }), gcpAtlasSide)), options))).component,
    azure: async (own, options) =>
        (await withComponent<Database>((keep) => buildComponent("azure", (spine) => keep(new AtlasDatabase("database", databaseArgs(spine, { ...ATLAS, ...own }), azureAtlasSide)), options))).component,
};

describe.each(["aws", "gcp", "azure"] as const)("Atlas on %s", (cloud) => {
    it("hands the DR region the replica set's SRV name, served there by the DR private endpoint, reading until a reconfiguration", async () => {
        const database = await ATLAS_ON[cloud]({}, WITH_DR(cloud));
        const dr = await endpoint(database.dr);
        // One SRV name for every region: each member's host resolves to the endpoint in its own region.
        expect(dr.host).toBe((await settled(database.host)).value);
        expect(dr.host).toMatch(/-pl-0\./);
        expect(dr.connectionString).toMatch(/^mongodb\+srv:\/\/gravitypm:[^@]+@[^/]+\/\?tls=true&authSource=admin&retryWrites=true&w=majority&readPreference=primaryPreferred$/);
        expect(dr.readOnlyUntilFailover).toBe(true);
        expect(dr.note).toContain(DR[cloud].region);
    });

    it("has none without a DR region", async () => {
        expect((await ATLAS_ON[cloud]({})).dr).toBeUndefined();
    });
});

describe("Atlas sharded across regions", () => {
    it("hands the DR region its mongos, which take writes before any failover", async () => {
        const database = await ATLAS_ON.aws({ shards: 2 }, WITH_DR("aws"));
        const dr = await endpoint(database.dr);
        expect(dr.readOnlyUntilFailover).toBe(false);
        expect(dr.connectionString).not.toContain("readPreference");
    });

    it("picks the string Atlas lists for the DR region's endpoint, and the one shared string of a replica set", () => {
        const entry = (ids: string[], srv: string) => ({ srvConnectionString: srv, srvShardOptimizedConnectionString: "", endpoints: ids.map((endpointId) => ({ endpointId })) });
        const regionalized = [entry(["vpce-primary"], "mongodb+srv://primary-pl-0.x.mongodb.net"), entry(["vpce-dr"], "mongodb+srv://dr-pl-1.x.mongodb.net")];
        expect(privateSrvConnectionString(regionalized, "vpce-dr")).toBe("mongodb+srv://dr-pl-1.x.mongodb.net");
        expect(privateSrvConnectionString(regionalized, "vpce-primary")).toBe("mongodb+srv://primary-pl-0.x.mongodb.net");
        const replicaSet = [entry(["vpce-primary", "vpce-dr"], "mongodb+srv://rs-pl-0.x.mongodb.net")];
        expect(privateSrvConnectionString(replicaSet, "vpce-dr")).toBe(privateSrvConnectionString(replicaSet, "vpce-primary"));
    });
});

/**
 * Cache: the platform's Redis (sessions, rate-limit counters, caching), private, encrypted
 * at rest with the stack key, TLS-only and authenticated, with the same outputs on every
 * cloud so the cluster and the app never know which cloud they run on.
 *
 * What each cloud can and cannot combine (AOF, valkey, shards, replicas, persistence with
 * geo-replication) is checked at config time by `cacheConfigProblems` in
 * src/cache-capabilities.ts; docs/cache.md explains the choice of service per cloud.
 */
import * as pulumi from "@pulumi/pulumi";
import type { CacheCrossRegionMode } from "../../domain/capabilities/cache";
import type { CacheEngine, CachePersistence, CacheSettings, Size } from "../../domain/stack-config";
import type { CloudTypes } from "./cloud";

export const CACHE_TYPE = "gravitypm:components:Cache";

/** Where the cross-region copy lives (prod): the DR site with its own key and network. */
export interface CacheDrArgs<T extends CloudTypes> {
    readonly site: T["site"];
    readonly keys: T["keys"];
    readonly network: T["network"];
}

export interface CacheArgs<T extends CloudTypes> {
    readonly site: T["site"];
    /** Encrypts the cache at rest, its snapshots, logs and stored connection secret. */
    readonly keys: T["keys"];
    /** The cache lives in the data tier; only the app tier (the cluster's workloads) reaches it. */
    readonly network: T["network"];
    /** Every cache alarm notifies it. */
    readonly alerts: T["alerts"];
    /** The DR region's site, key and network: prod replicates the cache there where the
     * chosen service can (see `Cache.crossRegion`). @default none (no cross-region copy) */
    readonly dr?: CacheDrArgs<T>;
    /** @default "redis" */
    readonly engine?: CacheEngine;
    /** Engine version. @default the newest version the cloud's service runs for the engine
     * (see `defaultCacheVersion` in src/cache-capabilities.ts) */
    readonly version?: string;
    /** Node (or SKU) size; each cloud maps it to a concrete node type. @default "small" */
    readonly size?: Size;
    /** More than one shard runs the engine in cluster mode. @default 1 */
    readonly shards?: number;
    /** Replicas of each shard; at least one gives automatic failover across zones. @default 1 */
    readonly replicasPerShard?: number;
    /** @default "rdb" */
    readonly persistence?: CachePersistence;
    /** Days automatic snapshots are kept where the service keeps them. @default 7 */
    readonly snapshotRetentionDays?: number;
    /** Days each cross-region backup copy is kept where the DR copy is a backup rather than a
     * replica (the daily export of a Memorystore instance). @default 7 */
    readonly backupRetentionDays?: number;
    /** Days engine and slow logs are kept where the service ships them to a log store. @default 365 */
    readonly logRetentionDays?: number;
    /** Protect the cache (and its cross-region copy) from deletion. Prod: true. */
    readonly protect: boolean;
}

export const CACHE_DEFAULTS = {
    engine: "redis",
    size: "small",
    shards: 1,
    replicasPerShard: 1,
    persistence: "rdb",
    snapshotRetentionDays: 7,
    backupRetentionDays: 7,
    logRetentionDays: 365,
} as const satisfies Partial<Record<keyof CacheArgs<CloudTypes>, unknown>>;

/**
 * The settings a cache is validated and built from: the args with the contract defaults filled
 * in. A cloud whose service cannot run the default persistence in some shape (Azure Managed
 * Redis with geo-replication) passes its own `defaultPersistence`.
 */
export function cacheSettings<T extends CloudTypes>(args: CacheArgs<T>, defaultPersistence: CachePersistence = CACHE_DEFAULTS.persistence): CacheSettings {
    return {
        engine: args.engine ?? CACHE_DEFAULTS.engine,
        size: args.size ?? CACHE_DEFAULTS.size,
        shards: args.shards ?? CACHE_DEFAULTS.shards,
        replicasPerShard: args.replicasPerShard ?? CACHE_DEFAULTS.replicasPerShard,
        persistence: args.persistence ?? defaultPersistence,
        snapshotRetentionDays: args.snapshotRetentionDays ?? CACHE_DEFAULTS.snapshotRetentionDays,
    };
}

export interface CacheCrossRegion {
    readonly mode: CacheCrossRegionMode;
    /** The DR region holding the copy, when there is one. */
    readonly region?: string;
    /** One line for plans and comparisons: what the copy is, or why there is none. */
    readonly note: string;
}

export interface Cache {
    /** The endpoint clients connect to (primary endpoint, or the cluster's discovery endpoint). */
    readonly host: pulumi.Output<string>;
    readonly port: pulumi.Output<number>;
    /** Always true: no cache accepts plaintext connections. */
    readonly tls: true;
    /** True when the engine runs sharded: clients must speak the Redis Cluster protocol. */
    readonly clusterMode: boolean;
    /** `rediss://` URL with the credential; a Pulumi secret, also stored in the cloud's secret store. */
    readonly connectionString: pulumi.Output<string>;
    readonly crossRegion: CacheCrossRegion;
}

/**
 * A `rediss://` URL. The credential is percent-encoded so any character it holds survives
 * URL parsing; Redis AUTH with a password only uses an empty user name (`rediss://:pw@…`).
 */
export function redisConnectionString(host: string, port: number, password?: string, username?: string): string {
    const user = username === undefined ? "" : encodeURIComponent(username);
    const credential = password === undefined ? (username === undefined ? "" : `${user}@`) : `${user}:${encodeURIComponent(password)}@`;
    return `rediss://${credential}${host}:${port}`;
}

/** `Cache.connectionString`: the `rediss://` URL as a secret output, built once the endpoint
 * and the credential (if the service uses one in the URL) resolve. */
export function secretRedisConnectionString(host: pulumi.Input<string>, port: pulumi.Input<number>, password?: pulumi.Input<string>): pulumi.Output<string> {
    return pulumi.secret(pulumi.all([host, port, password]).apply(([h, p, pw]) => redisConnectionString(h, p, pw)));
}

/**
 * Cache: the platform's Redis (sessions, rate-limit counters, caching), private, encrypted
 * at rest with the stack key, TLS-only and authenticated, with the same outputs on every
 * cloud so the cluster and the app never know which cloud they run on.
 *
 * What each cloud can and cannot combine (AOF, valkey, shards, replicas, persistence with
 * geo-replication) is checked at config time by `cacheConfigProblems` in
 * domain/capabilities/cache.ts, and again by each implementation; docs/cache.md explains
 * the choice of service per cloud.
 */
import * as pulumi from "@pulumi/pulumi";
import type { CacheCrossRegionMode } from "../../domain/capabilities/cache";
import type { CacheEngine, CachePersistence, CacheSettings, Environment, Size } from "../../domain/stack-config";
import type { CloudTypes } from "./cloud";
import type { DataEndpoint } from "./database";
import type { DataRegion } from "./region";

export const CACHE_TYPE = "gravitypm:components:Cache";

export interface CacheArgs<T extends CloudTypes> extends DataRegion<T> {
    /** Decides what only prod must have (snapshots that survive a restore, hourly rather than
     * daily snapshots), never inferred from the presence of a DR region. */
    readonly environment: Environment;
    /** Every cache alarm notifies it. */
    readonly alerts: T["alerts"];
    /** The DR region's site, key and network: prod replicates the cache there where the
     * chosen service can (see `Cache.crossRegion`); absent, the cache lives in one region. */
    readonly dr?: DataRegion<T>;
    readonly engine: CacheEngine;
    /** Engine version: what the cloud's service runs for the engine (`defaultCacheVersion`). */
    readonly version: string;
    /** Node (or SKU) size; each cloud maps it to a concrete node type. */
    readonly size: Size;
    /** More than one shard runs the engine in cluster mode. */
    readonly shards: number;
    /** Replicas of each shard; at least one gives automatic failover across zones. */
    readonly replicasPerShard: number;
    readonly persistence: CachePersistence;
    /** Days automatic snapshots are kept where the service keeps them. */
    readonly snapshotRetentionDays: number;
    /** Days each cross-region backup copy is kept where the DR copy is a backup rather than a
     * replica (the daily export of a Memorystore instance). */
    readonly backupRetentionDays: number;
    /** Days engine and slow logs are kept where the service ships them to a log store. */
    readonly logRetentionDays: number;
    /** Protect the cache (and its cross-region copy) from deletion. Prod: true. */
    readonly protect: boolean;
}

/** The settings a cache is validated and built from, as the capability tables take them. */
export function cacheSettings<T extends CloudTypes>(args: CacheArgs<T>): CacheSettings {
    const { engine, size, shards, replicasPerShard, persistence, snapshotRetentionDays } = args;
    return { engine, size, shards, replicasPerShard, persistence, snapshotRetentionDays };
}

export interface CacheCrossRegion {
    readonly mode: CacheCrossRegionMode;
    /** The DR region holding the copy, when there is one. */
    readonly region?: string;
    /** One line for plans and comparisons: what the copy is, or why there is none. */
    readonly note: string;
}

export interface Cache {
    /** What the cloud's metrics name the store by, for dashboards: the ElastiCache replication
     * group id, the Memorystore instance or cluster path, the Managed Redis cluster's ARM id. */
    readonly metricsId: pulumi.Output<string>;
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
    /**
     * What the app running in the DR region connects to: the cache's member or secondary in
     * the DR region (its `rediss://` URL in `connectionString`). Undefined where the DR copy
     * is no running cache (a Memorystore instance's export) or there is no DR region;
     * `crossRegion.note` then says so.
     */
    readonly dr?: DataEndpoint;
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

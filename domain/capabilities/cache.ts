/**
 * What each cloud's managed Redis can do, as plain tables: the config validator reads them
 * (so an impossible combination fails before any resource exists, naming the key) and the
 * Cache implementations read the same tables to size and shape their resources. No SDK is
 * imported here, so validating config never loads a cloud SDK.
 *
 * Service per cloud (docs/cache.md has the reasoning):
 *   aws    ElastiCache replication group (redis or valkey), global datastore for DR
 *   gcp    Memorystore for Redis: an instance for one shard, a Redis Cluster for more
 *   azure  Azure Managed Redis (Microsoft.Cache/redisEnterprise), active geo-replication
 *
 * Node sizes are matched on usable memory, so `medium` buys roughly the same cache on every
 * cloud: ~1.4 GB (small), ~6 GB (medium), ~13 GB (large), ~26 GB (xlarge) per shard
 * (Memorystore Cluster node types: domain/catalogs/gcp.ts, with their sources).
 * Sources, taken 2026-11: ElastiCache "Supported node types", Memorystore for Redis
 * "Capacity tiers" and Redis Cluster "Node types", Azure Managed Redis "SKUs and tiers".
 */
import { GCP_CLUSTER_NODE_TYPES, GCP_REDIS_READ_REPLICAS_MIN_GB } from "../catalogs/gcp";
import type { Cloud } from "../clouds";
import type { CacheEngine, CachePersistence, CacheSettings, Size } from "../stack-config";

/** How prod keeps a cache copy in the DR region: a replica, or (`scheduled-export`) a daily
 * backup file there to restore from. */
export type CacheCrossRegionMode = "global-datastore" | "cross-cluster-replication" | "active-geo-replication" | "scheduled-export" | "none";

/** One managed Redis offering and the settings it accepts. */
export interface CacheService {
    readonly name: string;
    readonly engines: readonly CacheEngine[];
    readonly persistence: readonly CachePersistence[];
    /** Persistence modes allowed in prod (where a restore or the DR copy depends on them). */
    readonly prodPersistence: readonly CachePersistence[];
    readonly maxShards: number;
    readonly maxReplicasPerShard: number;
    /** How prod reaches the DR region with this service. */
    readonly crossRegion: CacheCrossRegionMode;
}

export const ELASTICACHE: CacheService = {
    name: "ElastiCache",
    engines: ["redis", "valkey"],
    // ElastiCache has no AOF: Multi-AZ replicas plus daily RDB snapshots are its durability.
    persistence: ["none", "rdb"],
    prodPersistence: ["rdb"],
    maxShards: 500,
    maxReplicasPerShard: 5,
    crossRegion: "global-datastore",
};

export const MEMORYSTORE_INSTANCE: CacheService = {
    name: "Memorystore for Redis (instance)",
    // Memorystore for Valkey is a separate product (memorystore.Instance) with IAM-only auth
    // and Private Service Connect networking; this component uses Memorystore for Redis.
    engines: ["redis"],
    persistence: ["none", "rdb"],
    prodPersistence: ["rdb"],
    maxShards: 1,
    maxReplicasPerShard: 5,
    // A Memorystore for Redis instance has no cross-region replication: prod exports its RDB
    // snapshot daily to a bucket in the DR region instead.
    crossRegion: "scheduled-export",
};

export const MEMORYSTORE_CLUSTER: CacheService = {
    name: "Memorystore for Redis Cluster",
    engines: ["redis"],
    persistence: ["none", "rdb", "aof"],
    prodPersistence: ["rdb", "aof"],
    maxShards: 250,
    maxReplicasPerShard: 2,
    crossRegion: "cross-cluster-replication",
};

export const AZURE_MANAGED_REDIS: CacheService = {
    name: "Azure Managed Redis",
    engines: ["redis"],
    persistence: ["none", "rdb", "aof"],
    // Active geo-replication cannot be combined with persistence on Azure Managed Redis: the
    // DR copy in another region is prod's durability instead.
    prodPersistence: ["none"],
    // Shards follow the SKU; there is no shard-count setting.
    maxShards: 1,
    // High availability keeps exactly one replica of each shard; off means none.
    maxReplicasPerShard: 1,
    crossRegion: "active-geo-replication",
};

/** The service a cloud uses for the given shard count. */
export function cacheService(cloud: Cloud, shards: number): CacheService {
    switch (cloud) {
        case "aws":
            return ELASTICACHE;
        case "gcp":
            return shards > 1 ? MEMORYSTORE_CLUSTER : MEMORYSTORE_INSTANCE;
        case "azure":
            return AZURE_MANAGED_REDIS;
    }
}

// ---------------------------------------------------------------------------------------
// AWS: ElastiCache node types. Graviton (g) nodes: the cheapest per GB in every family.

export interface AwsCacheNode {
    readonly nodeType: string;
    readonly memoryGib: number;
    /** Burstable (t-class) nodes run neither global datastores nor sustained load. */
    readonly burstable: boolean;
}

export const AWS_CACHE_NODES: Readonly<Record<Size, AwsCacheNode>> = {
    // Staging-sized: burstable CPU credits are fine for a quiet cache.
    small: { nodeType: "cache.t4g.small", memoryGib: 1.37, burstable: true },
    // General purpose: the smallest node a global datastore accepts.
    medium: { nodeType: "cache.m7g.large", memoryGib: 6.38, burstable: false },
    // Memory optimized: twice the memory of m7g.large for ~40% more.
    large: { nodeType: "cache.r7g.large", memoryGib: 13.07, burstable: false },
    xlarge: { nodeType: "cache.r7g.xlarge", memoryGib: 26.32, burstable: false },
};

// ---------------------------------------------------------------------------------------
// GCP: Memorystore for Redis capacity (instance) and node types (cluster, per shard).

export const GCP_INSTANCE_MEMORY_GB: Readonly<Record<Size, number>> = { small: 1, medium: 5, large: 13, xlarge: 26 };
/** Memorystore serves read replicas only from instances of 5 GB or more. */
export const GCP_READ_REPLICAS_MIN_GB = GCP_REDIS_READ_REPLICAS_MIN_GB.value;

export type { GcpClusterNodeType as GcpClusterNode } from "../catalogs/gcp";

/** Per shard, matched on total node memory (writable keyspace is 80% of it). Shared-core nano
 * nodes have no SLA: prod rejects `small` for a cluster. */
export const GCP_CLUSTER_NODES = {
    small: GCP_CLUSTER_NODE_TYPES.sharedCoreNano.value,
    medium: GCP_CLUSTER_NODE_TYPES.standardSmall.value,
    large: GCP_CLUSTER_NODE_TYPES.highmemMedium.value,
    xlarge: GCP_CLUSTER_NODE_TYPES.standardLarge.value,
} as const satisfies Readonly<Record<Size, (typeof GCP_CLUSTER_NODE_TYPES)[keyof typeof GCP_CLUSTER_NODE_TYPES]["value"]>>;

// ---------------------------------------------------------------------------------------
// Azure: Azure Managed Redis SKUs. Balanced is the general-purpose line (memory and vCPUs
// in step), the right default for sessions and rate-limit counters.

export interface AzureRedisSku {
    readonly sku: string;
    readonly memoryGb: number;
}

export const AZURE_REDIS_SKUS: Readonly<Record<Size, AzureRedisSku>> = {
    small: { sku: "Balanced_B1", memoryGb: 1 },
    medium: { sku: "Balanced_B5", memoryGb: 6 },
    large: { sku: "Balanced_B10", memoryGb: 12 },
    xlarge: { sku: "Balanced_B20", memoryGb: 24 },
};
/** SKUs active geo-replication does not run on. */
export const AZURE_NO_GEO_REPLICATION_SKUS: readonly string[] = ["Balanced_B0", "Balanced_B1"];

// ---------------------------------------------------------------------------------------

/**
 * The newest version each service runs for an engine (ElastiCache wants major.minor). Not a
 * config key: the composition (program/platform.ts) passes it as `CacheArgs.version`;
 * implementations never default it.
 */
export function defaultCacheVersion(cloud: Cloud, engine: CacheEngine): string {
    switch (cloud) {
        case "aws":
            return engine === "valkey" ? "8.0" : "7.1";
        case "gcp":
            return "7.2";
        case "azure":
            return "7.4";
    }
}

export interface CacheConfigProblem {
    /** The config key without namespace, e.g. `cachePersistence`. */
    readonly key: "cacheEngine" | "cacheSize" | "cacheShards" | "cacheReplicasPerShard" | "cachePersistence";
    readonly message: string;
}

const list = (values: readonly (string | number)[]) => values.join(", ");

/** The sizes whose entry in a per-size table passes `ok`, in size order: the check that
 * rejects a size and the list of allowed ones then use the same rule. */
function sizesWhere<E>(table: Readonly<Record<Size, E>>, ok: (entry: E) => boolean): Size[] {
    return (Object.keys(table) as Size[]).filter((s) => ok(table[s]));
}
/** ElastiCache global datastores (AWS prod's DR) do not run on burstable nodes. */
const runsGlobalDatastore = (node: AwsCacheNode) => !node.burstable;
/** Azure Managed Redis active geo-replication (Azure prod's DR) does not run on every SKU. */
const runsGeoReplication = (sku: AzureRedisSku) => !AZURE_NO_GEO_REPLICATION_SKUS.includes(sku.sku);

/**
 * Why these cache settings cannot run on the cloud, one problem per key, each naming what
 * is allowed. Empty when they can.
 */
export function cacheConfigProblems(settings: CacheSettings, cloud: Cloud, isProd: boolean): CacheConfigProblem[] {
    const problems: CacheConfigProblem[] = [];
    const service = cacheService(cloud, settings.shards);
    const on = `on ${cloud}`;

    if (!service.engines.includes(settings.engine)) {
        problems.push({ key: "cacheEngine", message: `${service.name} does not run ${settings.engine}; allowed ${on}: ${list(service.engines)}` });
    }
    if (settings.shards > service.maxShards) {
        const hint = cloud === "azure" ? " (the SKU sets the shard count: raise cacheSize for more)" : "";
        problems.push({ key: "cacheShards", message: `${service.name} has no shard-count setting${hint}; allowed ${on}: 1 to ${service.maxShards}` });
    }
    if (settings.replicasPerShard > service.maxReplicasPerShard) {
        problems.push({
            key: "cacheReplicasPerShard",
            message: `${service.name} keeps at most ${service.maxReplicasPerShard} replica${service.maxReplicasPerShard === 1 ? "" : "s"} per shard; allowed ${on}: 0 to ${service.maxReplicasPerShard}`,
        });
    }
    if (!service.persistence.includes(settings.persistence)) {
        const hint = service === MEMORYSTORE_INSTANCE ? " (cacheShards 2 or more selects Memorystore for Redis Cluster, which has AOF)" : "";
        problems.push({ key: "cachePersistence", message: `${service.name} has no ${settings.persistence.toUpperCase()} persistence${hint}; allowed ${on}: ${list(service.persistence)}` });
    } else if (isProd && !service.prodPersistence.includes(settings.persistence)) {
        const why =
            cloud === "azure"
                ? "prod geo-replicates to azureDrRegion with active geo-replication, which Azure Managed Redis cannot combine with persistence"
                : "prod keeps snapshots so a lost cache can be restored";
        problems.push({ key: "cachePersistence", message: `${why}; allowed in prod ${on}: ${list(service.prodPersistence)}` });
    }

    if (cloud === "aws" && isProd && !runsGlobalDatastore(AWS_CACHE_NODES[settings.size])) {
        problems.push({
            key: "cacheSize",
            message: `prod replicates to awsDrRegion through an ElastiCache global datastore, which does not run on burstable nodes (${settings.size} is ${AWS_CACHE_NODES[settings.size].nodeType}); allowed in prod ${on}: ${list(sizesWhere(AWS_CACHE_NODES, runsGlobalDatastore))}`,
        });
    }
    if (service === MEMORYSTORE_INSTANCE && settings.replicasPerShard > 1 && GCP_INSTANCE_MEMORY_GB[settings.size] < GCP_READ_REPLICAS_MIN_GB) {
        problems.push({
            key: "cacheReplicasPerShard",
            message: `more than one replica means read replicas, which Memorystore serves only from instances of ${GCP_READ_REPLICAS_MIN_GB} GB or more (cacheSize ${settings.size} is ${GCP_INSTANCE_MEMORY_GB[settings.size]} GB); allowed ${on} with this size: 0 to 1`,
        });
    }
    if (service === MEMORYSTORE_CLUSTER && isProd && !GCP_CLUSTER_NODES[settings.size].production) {
        problems.push({
            key: "cacheSize",
            message: `Memorystore for Redis Cluster runs cacheSize ${settings.size} on ${GCP_CLUSTER_NODES[settings.size].nodeType}, a shared-core node with no SLA that Google calls unsuitable for production; allowed in prod ${on} with cacheShards ${settings.shards}: ${list(sizesWhere(GCP_CLUSTER_NODES, (n) => n.production))}`,
        });
    }
    if (cloud === "azure" && isProd && !runsGeoReplication(AZURE_REDIS_SKUS[settings.size])) {
        problems.push({
            key: "cacheSize",
            message: `prod geo-replicates to azureDrRegion, which Azure Managed Redis does not offer on ${AZURE_REDIS_SKUS[settings.size].sku} (cacheSize ${settings.size}); allowed in prod ${on}: ${list(sizesWhere(AZURE_REDIS_SKUS, runsGeoReplication))}`,
        });
    }
    return problems;
}

/**
 * The persistence default when the environment profile's default cannot run in this
 * environment on the cloud's service: Azure prod geo-replicates its cache, which rules out
 * persistence, so there the default becomes `none`. Undefined keeps the profile default.
 */
export function cloudDefaultCachePersistence(cloud: Cloud, shards: number, isProd: boolean, profileDefault: CachePersistence): CachePersistence | undefined {
    const allowed = cacheService(cloud, shards).prodPersistence;
    return isProd && !allowed.includes(profileDefault) ? allowed[0] : undefined;
}

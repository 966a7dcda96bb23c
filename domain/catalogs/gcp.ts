/**
 * Google Cloud constants the config checks and the GCP components read, each with the page it
 * was read on (2026-12-03 review, notes in docs/deploy-readiness.md). SDK-free: the tests
 * check plans against these entries.
 */
import { sourced, UNVERIFIED, type Sourced } from "./entry";

const METRICS_LIST = "https://docs.cloud.google.com/monitoring/api/metrics_gcp_p_z";
const CLUSTER_NODE_SPEC = "https://docs.cloud.google.com/memorystore/docs/cluster/cluster-node-specification";

// ---------------------------------------------------------------------------------------
// Cloud Monitoring: monitored resources, metric types, and the limits of alert conditions.

export const GCP_MONITORED_RESOURCES = {
    redisInstance: sourced("redis_instance", METRICS_LIST, undefined, "monitored resource of every redis.googleapis.com/stats/* and replication/* metric"),
    redisCluster: sourced("redis.googleapis.com/Cluster", METRICS_LIST, undefined, "monitored resource of the redis.googleapis.com/cluster/* metrics"),
} as const;

export type GcpMetricKind = "GAUGE" | "DELTA" | "CUMULATIVE";

export interface GcpMetric {
    readonly type: string;
    /** GAUGE: a value at a time (align with MAX/MEAN); DELTA: a count per interval (align with SUM/RATE). */
    readonly kind: GcpMetricKind;
    readonly resourceType: string;
}

const metric = (type: string, kind: GcpMetricKind, resourceType: string, note: string): Sourced<GcpMetric> =>
    sourced({ type, kind, resourceType }, METRICS_LIST, undefined, note);
const INSTANCE = GCP_MONITORED_RESOURCES.redisInstance.value;
const CLUSTER = GCP_MONITORED_RESOURCES.redisCluster.value;

/** Memorystore for Redis metrics the cache alerts use (list generated 2026-04-10). */
export const GCP_METRICS = {
    redisSystemMemoryUsageRatio: metric("redis.googleapis.com/stats/memory/system_memory_usage_ratio", "GAUGE", INSTANCE, "memory usage as a ratio of the VM's system memory: what an export's fork needs headroom in"),
    redisMemoryUsageRatio: metric("redis.googleapis.com/stats/memory/usage_ratio", "GAUGE", INSTANCE, "memory usage as a ratio of maxmemory (not of system memory): near 1 means eviction"),
    redisMainThreadCpu: metric("redis.googleapis.com/stats/cpu_utilization_main_thread", "DELTA", INSTANCE, "CPU-seconds per node, labels role, space, relationship: ALIGN_RATE gives cores used"),
    redisEvictedKeys: metric("redis.googleapis.com/stats/evicted_keys", "DELTA", INSTANCE, "keys evicted per interval"),
    redisReplicationOffsetDiff: metric("redis.googleapis.com/replication/offset_diff", "GAUGE", INSTANCE, "largest number of bytes not replicated across all replicas"),
    redisClusterMemoryMaxUtilization: metric("redis.googleapis.com/cluster/memory/maximum_utilization", "GAUGE", CLUSTER, "0-1, the fullest node"),
    redisClusterCpuMaxUtilization: metric("redis.googleapis.com/cluster/cpu/maximum_utilization", "GAUGE", CLUSTER, "0-1, the busiest node"),
    redisClusterEvictedKeysCount: metric(
        "redis.googleapis.com/cluster/stats/total_evicted_keys_count",
        "DELTA",
        CLUSTER,
        "evictions per interval; cluster/stats/maximum_evicted_keys is a GAUGE of the node's running total, which stays above 0 once any key was evicted",
    ),
    redisClusterReplicationMaxAckLag: metric("redis.googleapis.com/cluster/replication/maximum_ack_lag", "GAUGE", CLUSTER, "seconds, the most-lagging replica"),
} as const;

/** Log-based metrics a project defines are published under this prefix. */
export const GCP_USER_LOG_METRIC_PREFIX = sourced(
    "logging.googleapis.com/user/",
    UNVERIFIED,
    undefined,
    "the metric type of a user-defined log-based metric; not on a page read in this review",
);

/** Longest alignment period an alert condition takes: 90,000 s (25 h). */
export const GCP_ALERT_MAX_ALIGNMENT_SECONDS = sourced(
    90_000,
    "https://pub.dev/documentation/googleapis/latest/monitoring_v3/Aggregation/alignmentPeriod.html",
    undefined,
    "Monitoring API Aggregation.alignment_period: at most 104 weeks for charts and 90,000 seconds (25 hours) for alerting policies (generated from Google's API discovery document)",
);

/** A metric-absence condition waits at most 23.5 h, and at least 120 s. */
export const GCP_ALERT_ABSENCE_SECONDS = {
    max: sourced(84_600, "https://docs.cloud.google.com/monitoring/alerts/metric-absence.md.txt", undefined, "trigger absence time up to 23.5 hours; the series must have written a point after the policy was created"),
    min: sourced(120, "https://pub.dev/documentation/pulumi_google_native/latest/monitoring/MetricAbsence-class.html", undefined, "MetricAbsence.duration: the minimum value is 120 seconds"),
} as const;

// ---------------------------------------------------------------------------------------
// Memorystore for Redis (instance): memory headroom for forks (RDB snapshots, exports).

export const GCP_REDIS_MEMORY = {
    /** An export forks like BGSAVE: system memory should be at or below half before it starts. */
    exportSystemMemoryRatio: sourced(
        0.5,
        "https://docs.cloud.google.com/memorystore/docs/redis/memory-management-best-practices?hl=ko",
        undefined,
        "system memory usage ratio at or below 50% during maintenance and for an export; under write load an export can need up to 2x memory and fail (import-export-overview)",
    ),
    /** Above this the instance is under memory pressure and can crash if usage keeps growing. */
    pressureSystemMemoryRatio: sourced(
        0.8,
        "https://cloud.google.com/memorystore/docs/redis/memory-management-best-practices?hl=tr",
        undefined,
        "system memory usage ratio above 80% is memory pressure",
    ),
    /** maxmemory for resource-intensive operations (import/export, scaling): 80% of capacity. */
    maxmemoryFraction: sourced(
        0.8,
        "https://cloud.google.com/memorystore/docs/redis/general-best-practices",
        undefined,
        "lower maxmemory to 80% of capacity for import/export, scaling, upgrade and failover; 50% if an export must run under a high write rate",
    ),
    /** The lowest maxmemory-gb Memorystore accepts, as a fraction of capacity. */
    maxmemoryFloorFraction: sourced(0.2, "https://cloud.google.com/memorystore/docs/redis/redis-configs?hl=zh_cn", undefined, "maxmemory-gb may not go below 20% of the instance capacity"),
    /** The redisConfigs key that sets it (decimal GB as a string). */
    maxmemoryConfig: sourced("maxmemory-gb", "https://cloud.google.com/memorystore/docs/redis/redis-configs?hl=zh_cn", undefined, "shown as maxmemory-percent in the console"),
} as const;

/** The audit-log method of an export: ADMIN_WRITE, so always logged (start and end of the LRO). */
export const GCP_REDIS_EXPORT_AUDIT_METHOD = sourced(
    "google.cloud.redis.v1.CloudRedis.ExportInstance",
    "https://docs.cloud.google.com/memorystore/docs/redis/audit-logs",
    undefined,
    "listed as ADMIN_WRITE (Admin Activity), long-running; whether the final entry of a failed operation has severity ERROR is unverified",
);

/** Read replicas only from instances of this size or more. */
export const GCP_REDIS_READ_REPLICAS_MIN_GB = sourced(5, "https://docs.cloud.google.com/memorystore/docs/redis/read-replicas", undefined, "read replicas for instance sizes with nodes >= 5 GB");

// ---------------------------------------------------------------------------------------
// Memorystore for Redis Cluster node types.

export interface GcpClusterNodeType {
    readonly nodeType: string;
    /** Total memory per node. */
    readonly memoryGb: number;
    /** Default writable keyspace per node (80% of total). */
    readonly writableGb: number;
    /** Shared-core nodes have no SLA and are "unsuitable for production". */
    readonly production: boolean;
}

const node = (nodeType: string, memoryGb: number, writableGb: number, production: boolean, note?: string): Sourced<GcpClusterNodeType> =>
    sourced({ nodeType, memoryGb, writableGb, production }, CLUSTER_NODE_SPEC, undefined, note);

export const GCP_CLUSTER_NODE_TYPES = {
    sharedCoreNano: node("REDIS_SHARED_CORE_NANO", 1.4, 1.12, false, "variable performance, no SLA, unsuitable for production"),
    standardSmall: node("REDIS_STANDARD_SMALL", 6.5, 5.2, true),
    highmemMedium: node("REDIS_HIGHMEM_MEDIUM", 13, 10.4, true),
    standardLarge: node("REDIS_STANDARD_LARGE", 26, 20.8, true, "also in the @pulumi/gcp 9.37 redis.Cluster nodeType enum"),
    highmemXlarge: node("REDIS_HIGHMEM_XLARGE", 58, 46.4, true),
} as const;

/** Memorystore for Redis Cluster's Private Service Connect service class. */
export const GCP_REDIS_CLUSTER_SERVICE_CLASS = sourced(
    "gcp-memorystore-redis",
    UNVERIFIED,
    undefined,
    "as in the @pulumi/gcp 9.37 redis.Cluster example (local SDK docs); no Google page read",
);

// ---------------------------------------------------------------------------------------
// IAM roles.

export const GCP_ROLES = {
    kmsEncrypterDecrypter: sourced(
        "roles/cloudkms.cryptoKeyEncrypterDecrypter",
        "https://docs.cloud.google.com/memorystore/docs/redis/about-cmek",
        undefined,
        "what the Memorystore (cloud-redis) agent needs on the key before create; also Atlas's service account (provider GCP KMS example)",
    ),
    kmsViewer: sourced(
        "roles/cloudkms.viewer",
        "https://github.com/mongodb/terraform-provider-mongodbatlas/blob/master/examples/mongodbatlas_encryption_at_rest/gcp/gcp-kms.tf",
        undefined,
        "Atlas's service account reads the key's metadata to validate it",
    ),
} as const;

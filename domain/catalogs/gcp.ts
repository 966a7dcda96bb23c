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

// ---------------------------------------------------------------------------------------
// GKE (components/gcp/cluster*.ts).

const GKE_MAINTENANCE_PAGE = "https://cloud.google.com/kubernetes-engine/docs/maintenance-window";
const GKE_ON_AZURE_METRICS = "https://docs.cloud.google.com/kubernetes-engine/multi-cloud/docs/azure/reference/versions/v1.24.8-gke.1300/metrics?hl=it";

export const GKE = {
    /** Node machine type per size tier (Shielded VM capable, CMEK boot disks). */
    machineTypes: sourced(
        { small: "e2-standard-2", medium: "e2-standard-4", large: "e2-standard-8", xlarge: "e2-standard-16" } as const,
        UNVERIFIED,
        "2026-12-03",
        "E2 general-purpose shapes (2/4/8/16 vCPU, 4 GB per vCPU); the machine-type page was not read here",
    ),
    bootDiskType: sourced("pd-balanced", UNVERIFIED, "2026-12-03", "NodeConfig.diskType; pd-balanced is the GKE default for new pools (not read here)"),
    bootDiskSizeGb: sourced(100, UNVERIFIED, "2026-12-03", "the GKE default boot disk size"),
    imageType: sourced("COS_CONTAINERD", UNVERIFIED, "2026-12-03", "as in the local @pulumi/gcp 9.37 container schema docs (no Google page read): Container-Optimized OS with containerd: read-only root, no package manager"),
    releaseChannel: sourced("REGULAR", UNVERIFIED, "2026-12-03", "as in the local @pulumi/gcp 9.37 container schema docs (no Google page read): ReleaseChannel.channel accepts UNSPECIFIED, RAPID, REGULAR, STABLE, EXTENDED; whether 1.34/1.35 are offered in REGULAR on a given day is not verified"),
    datapathProvider: sourced("ADVANCED_DATAPATH", UNVERIFIED, "2026-12-03", "as in the local @pulumi/gcp 9.37 container schema docs (no Google page read): Dataplane V2: enforces NetworkPolicy without Calico"),
    /** Cloud Logging components: every control-plane log type plus system and workload logs. */
    loggingComponents: sourced(
        ["SYSTEM_COMPONENTS", "APISERVER", "CONTROLLER_MANAGER", "SCHEDULER", "WORKLOADS"] as const,
        UNVERIFIED,
        "2026-12-03",
        "as in the local @pulumi/gcp 9.37 container schema docs (no Google page read): ClusterLoggingConfig.enableComponents supports SYSTEM_COMPONENTS, KCP_VPA, APISERVER, CONTROLLER_MANAGER, SCHEDULER, WORKLOADS",
    ),
    monitoringComponents: sourced(
        ["SYSTEM_COMPONENTS", "APISERVER", "CONTROLLER_MANAGER", "SCHEDULER"] as const,
        UNVERIFIED,
        "2026-12-03",
        "as in the local @pulumi/gcp 9.37 container schema docs (no Google page read): ClusterMonitoringConfig.enableComponents; WORKLOADS monitoring is deprecated in favour of Managed Prometheus (not read here)",
    ),
    /** GKE refuses a maintenance policy with less availability than this per 32 days. */
    maintenanceMinHoursPer32Days: sourced(48, GKE_MAINTENANCE_PAGE, "2026-12-03", "at least 48 hours of maintenance availability in a 32-day rolling window; only contiguous windows of at least four hours count"),
    maintenanceMinContiguousHours: sourced(4, GKE_MAINTENANCE_PAGE, "2026-12-03", "only contiguous availability windows of at least four hours are considered"),
    workloadIdentityAnnotation: sourced("iam.gke.io/gcp-service-account", UNVERIFIED, "2026-12-03", "the KSA annotation naming the Google service account; not read here"),
} as const;

/** Roles of the dedicated node service account: what GKE's hardening guide lists for a least-privilege node identity. */
export const GKE_NODE_ROLES = sourced(
    ["roles/logging.logWriter", "roles/monitoring.metricWriter", "roles/monitoring.viewer", "roles/stackdriver.resourceMetadata.writer", "roles/artifactregistry.reader"] as const,
    UNVERIFIED,
    "2026-12-03",
    "the hardening guide's minimal node roles plus image pulls; newer GKE docs name roles/container.defaultNodeServiceAccount instead (not read here)",
);

export const GKE_ROLES = {
    workloadIdentityUser: sourced("roles/iam.workloadIdentityUser", UNVERIFIED, "2026-12-03", "granted on the Google service account to <project>.svc.id.goog[namespace/ksa]"),
    logBucketWriter: sourced("roles/logging.bucketWriter", UNVERIFIED, "2026-12-03", "lets a sink's writer identity write into a log bucket"),
} as const;

/** Service-agent domains of services whose agent the cluster grants the key to by address. */
export const GCP_SERVICE_AGENT_DOMAINS = {
    compute: sourced("compute-system", UNVERIFIED, "2026-12-03", "service-<projectNumber>@compute-system.iam.gserviceaccount.com encrypts CMEK persistent disks, GKE boot disks included"),
    container: sourced("container-engine-robot", UNVERIFIED, "2026-12-03", "service-<projectNumber>@container-engine-robot.iam.gserviceaccount.com: the GKE service agent"),
} as const;

/** GKE system metrics: written by GKE itself, no in-cluster agent. */
export const GKE_MONITORED_RESOURCES = {
    node: sourced("k8s_node", GKE_ON_AZURE_METRICS, "2026-12-03", "the page lists GKE on Azure's metrics; GKE system metrics use the same resource and names"),
    container: sourced("k8s_container", GKE_ON_AZURE_METRICS, "2026-12-03"),
} as const;

export const GKE_METRICS = {
    nodeCpuUsageTime: sourced(
        { type: "kubernetes.io/node/cpu/core_usage_time", kind: "CUMULATIVE", resourceType: "k8s_node" } satisfies GcpMetric,
        GKE_ON_AZURE_METRICS,
        "2026-12-03",
        "every running node reports it; its absence means no node is up. Kind CUMULATIVE not read on the page",
    ),
    nodeCpuAllocatableUtilization: sourced(
        { type: "kubernetes.io/node/cpu/allocatable_utilization", kind: "GAUGE", resourceType: "k8s_node" } satisfies GcpMetric,
        UNVERIFIED,
        "2026-12-03",
        "fraction of allocatable CPU in use (0-1); not on the page read, which was cut before it",
    ),
    containerRestartCount: sourced(
        { type: "kubernetes.io/container/restart_count", kind: "CUMULATIVE", resourceType: "k8s_container" } satisfies GcpMetric,
        GKE_ON_AZURE_METRICS,
        "2026-12-03",
        "restarts of a container; ALIGN_DELTA gives restarts per period. Kind CUMULATIVE not read on the page",
    ),
} as const;

const GKE_AUDIT_SCHEMA = "https://github.com/GoogleCloudPlatform/gke-mcp/blob/main/pkg/tools/logging/schemas/k8s_audit_logs.md";

/**
 * How a Kubernetes API write appears in Cloud Logging: an Admin Activity audit entry (always
 * written, cannot be disabled) on the cluster's `k8s_cluster` resource, named by method and
 * resource, with the caller in the standard AuditLog authentication info.
 */
export const GKE_AUDIT_LOG = {
    resourceType: sourced("k8s_cluster", GKE_AUDIT_SCHEMA, "2026-12-03", "Google's GKE MCP server's schema of Kubernetes audit logs: resource.type is always k8s_cluster, labels cluster_name, project_id, location"),
    /** The log id of writes, as it appears (URL-encoded) in `logName`. */
    adminActivityLogId: sourced(
        "cloudaudit.googleapis.com%2Factivity",
        GKE_AUDIT_SCHEMA,
        "2026-12-03",
        "logName is projects/<project>/logs/cloudaudit.googleapis.com%2Factivity for writes, %2Fdata_access for reads; the GKE audit-logging page says Admin Activity logs cannot be disabled",
    ),
    configMapWriteMethods: sourced(
        ["io.k8s.core.v1.configmaps.create", "io.k8s.core.v1.configmaps.update", "io.k8s.core.v1.configmaps.patch"] as const,
        GKE_AUDIT_SCHEMA,
        "2026-12-03",
        "methodName is io.k8s.<api_group>.<api_version>.<resource>.<verb>, e.g. io.k8s.core.v1.configmaps.get; .update and .create seen in real entries through the code search, .patch follows the format",
    ),
    /** `core/v1/namespaces/{namespace}/configmaps/{name}`: see gkeConfigMapResourceName. */
    configMapResourceName: sourced(
        "core/v1/namespaces/{namespace}/configmaps/{name}",
        GKE_AUDIT_SCHEMA,
        "2026-12-03",
        "resourceName is <api_group>/<api_version>/namespaces/<namespace>/<resource>/<name>, e.g. core/v1/namespaces/foo/configmaps/my-configmap; that a create carries the object's name (the Kubernetes apiserver fills objectRef.name from the object) is unverified on GKE",
    ),
    principal: sourced("protoPayload.authenticationInfo.principalEmail", UNVERIFIED, "2026-12-03", "the AuditLog AuthenticationInfo field naming the caller; seen in GKE entries through the code search, no Google page read"),
} as const;

/** The audit resource name of a ConfigMap, in GKE_AUDIT_LOG.configMapResourceName's format. */
export function gkeConfigMapResourceName(namespace: string, name: string): string {
    return GKE_AUDIT_LOG.configMapResourceName.value.replace("{namespace}", namespace).replace("{name}", name);
}

/**
 * A log-match alert policy notifies at most once per 5 minutes and 20 times a day; it must set
 * `alertStrategy.notificationRateLimit`, and its incidents close after `autoClose`.
 */
export const GCP_LOG_ALERT_LIMITS = sourced(
    { notificationRateLimitSeconds: 300, maxNotificationsPerDay: 20, autoCloseSeconds: 1800 } as const,
    "https://cloud.google.com/monitoring/alerts/log-based-incidents",
    "2026-12-03",
    "'1 notification every 5 minutes for each log-based alerting policy', '20 notifications a day'; notificationRateLimit is 'required for alert policies with a LogMatch condition' (monitoring_v3 AlertStrategy). The 30-minute autoClose is the platform's choice; its minimum for log-based policies was not read",
);

/** The ingress controller chart (every cloud pins the same). */
export const INGRESS_NGINX_CHART = {
    name: sourced("ingress-nginx", "https://kubernetes.github.io/ingress-nginx", "2026-12-03"),
    repo: sourced("https://kubernetes.github.io/ingress-nginx", "https://kubernetes.github.io/ingress-nginx", "2026-12-03"),
    version: sourced(
        "4.13.4",
        UNVERIFIED,
        "2026-12-03",
        "a chart CHANGELOG excerpt (code search, repository not named) lists 4.13.4 = controller v1.13.4; newer patch releases may exist. The ingress-nginx project announced its retirement (best-effort maintenance ended March 2026): plan a move to Gateway API",
    ),
} as const;

/** Artifact Registry repository settings. */
export const GCP_ARTIFACT_REGISTRY = {
    format: sourced("DOCKER", UNVERIFIED, "2026-12-03", "as in the local @pulumi/gcp 9.37 artifactregistry.Repository docs"),
    scanning: sourced(
        "INHERITED",
        UNVERIFIED,
        "2026-12-03",
        "as in the local @pulumi/gcp 9.37 artifactregistry.Repository docs: vulnerabilityScanningConfig.enablementConfig INHERITED | DISABLED: INHERITED scans when the Container Scanning API is on (site.ts enables it)",
    ),
    keepRecentVersions: sourced(20, UNVERIFIED, "2026-12-03", "our choice: the 20 newest versions of each image stay (rollback room)"),
    untaggedMaxAge: sourced("1209600s", UNVERIFIED, "2026-12-03", "our choice: untagged versions older than 14 days are deleted; the condition takes a duration"),
} as const;

/**
 * Where pods reach the GKE metadata server for Workload Identity tokens: the metadata address
 * on port 80, and on Dataplane V2 clusters the metadata server's own address on port 988. An
 * app under a default-deny egress policy must be allowed to reach both.
 */
export const GKE_METADATA_SERVER_ENDPOINTS = sourced(
    [
        { cidr: "169.254.169.254/32", port: 80 },
        { cidr: "169.254.169.252/32", port: 988 },
    ] as const,
    UNVERIFIED,
    "2026-12-03",
    "from GKE's network-policy guidance for Workload Identity Federation (allow egress to the metadata server); the page could not be read here",
);

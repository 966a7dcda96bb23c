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
    nodeMemoryAllocatableUtilization: sourced(
        { type: "kubernetes.io/node/memory/allocatable_utilization", kind: "GAUGE", resourceType: "k8s_node" } satisfies GcpMetric,
        UNVERIFIED,
        "2026-12-08",
        "fraction of allocatable memory in use (0-1), labelled memory_type (evictable, non-evictable) like container/memory/used_bytes; the memory twin of node/cpu/allocatable_utilization, not read on a page here",
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

// ---------------------------------------------------------------------------------------
// Security baseline (components/gcp/security-baseline.ts): audit configs, the audit log
// store, and log-match alerts on Admin Activity audit entries (always written, cannot be
// turned off, so a project detects these events without Security Command Center).

const KMS_AUDIT_PAGE = "https://docs.cloud.google.com/kms/docs/audit-logging";
const GKE_AUDIT_POLICY = "https://cloud.google.com/kubernetes-engine/docs/concepts/audit-policy";

/** The Data Access log types an IAM audit config turns on (Admin Activity is always on). */
export const GCP_DATA_ACCESS_LOG_TYPES = sourced(
    ["ADMIN_READ", "DATA_READ", "DATA_WRITE"] as const,
    KMS_AUDIT_PAGE,
    "2026-12-03",
    "methods that check DATA_READ, DATA_WRITE or ADMIN_READ write Data Access audit logs; ADMIN_WRITE methods write Admin Activity logs. The same three are what projects.IAMAuditConfig.auditLogConfigs.logType accepts (@pulumi/gcp 9.37 docs)",
);

/**
 * Services whose Data Access audit logs the stack turns on: the APIs site.ts enables that hold
 * data or guard it (keys, secrets, the cache, the clusters, disks, buckets, images,
 * identities, and reads of the logs themselves). tests/security-gcp.test.ts holds every API in
 * GCP_APIS to exactly one of this list and GCP_DATA_ACCESS_UNAUDITED_SERVICES.
 */
export const GCP_DATA_ACCESS_AUDITED_SERVICES = sourced(
    [
        "cloudkms.googleapis.com",
        "secretmanager.googleapis.com",
        "redis.googleapis.com",
        "container.googleapis.com",
        "compute.googleapis.com",
        "storage.googleapis.com",
        "iam.googleapis.com",
        "artifactregistry.googleapis.com",
        "logging.googleapis.com",
    ] as const,
    GKE_AUDIT_POLICY,
    "2026-12-03",
    "Data Access logs are off by default and billed at Cloud Logging prices (Admin Activity is free). For GKE they carry Kubernetes API traffic: ADMIN_READ such as listing Pods, DATA_READ such as reading Pod logs, DATA_WRITE such as updating Pod status, the largest volume here. Cloud KMS's DATA_READ is every Encrypt/Decrypt (kms audit-logging page)",
);

/** APIs the stack enables whose Data Access logs stay off, each with why. */
export const GCP_DATA_ACCESS_UNAUDITED_SERVICES = sourced(
    {
        "servicenetworking.googleapis.com": "a peering to the private-services range; its changes are Admin Activity",
        "monitoring.googleapis.com": "metric and dashboard reads by every console view and alert evaluation: volume without security value",
        "networkconnectivity.googleapis.com": "the Private Service Connect policy; its changes are Admin Activity",
        "cloudscheduler.googleapis.com": "the export job's definition; the export it triggers is audited under redis.googleapis.com",
        "containerscanning.googleapis.com": "scan results of images, which artifactregistry.googleapis.com already audits",
    } as const,
    UNVERIFIED,
    "2026-12-03",
    "our choice, read against each service's audit page only for KMS, VPC and GKE",
);

/** The four audit logs of a project: what the audit sink routes, by log id. */
export const GCP_AUDIT_LOG_IDS = sourced(
    ["cloudaudit.googleapis.com%2Factivity", "cloudaudit.googleapis.com%2Fdata_access", "cloudaudit.googleapis.com%2Fsystem_event", "cloudaudit.googleapis.com%2Fpolicy"] as const,
    "https://docs.cloud.google.com/appengine/docs/flexible/audit-logging",
    "2026-12-03",
    "projects/PROJECT_ID/logs/cloudaudit.googleapis.com%2F{activity,data_access,system_event,policy}; the part after /logs/ is URL-encoded. Every one contains cloudaudit.googleapis.com, which the sink filter matches with logName:",
);

/** A sink into a log bucket of its own project needs no grant to its writer identity. */
export const GCP_SAME_PROJECT_SINK_AUTHORIZED = sourced(
    true,
    "https://cloud.google.com/logging/docs/export/configure_export_v2#dest-auth",
    "2026-12-03",
    "'When the destination is a log bucket in the same project as the sink, the sink is automatically authorized'",
);

/** Log bucket CMEK: the Logging service agent from getCmekSettings holds the key before the bucket is created. */
export const GCP_LOG_BUCKET_CMEK = sourced(
    { agentRole: "roles/cloudkms.cryptoKeyEncrypterDecrypter", keyInBucketLocation: true } as const,
    "https://cloud.google.com/logging/docs/routing/managed-encryption-storage",
    "2026-12-03",
    "the role and the service account (getCmekSettings serviceAccountId) are in the @pulumi/gcp 9.37 ProjectBucketConfigCmekSettings docs; the page says CMEK cannot be changed or removed once the bucket exists. That the key must be in the bucket's region is from the page's Limitations, which were not in the excerpt read",
);

/** Retention a log bucket accepts. */
export const GCP_LOG_BUCKET_RETENTION_DAYS = sourced({ min: 1, max: 3650 } as const, UNVERIFIED, "2026-12-03", "min 1 day in the @pulumi/gcp 9.37 ProjectBucketConfig docs; the 3650-day maximum is from a third-party summary, not a Google page");

export interface GcpAuditAlertSpec {
    readonly id: string;
    readonly title: string;
    /** Logging query language over the project's audit entries. */
    readonly filter: string;
    readonly severity: "WARNING" | "ERROR" | "CRITICAL";
}

const CIS_OWNERSHIP = "https://www.tenable.com/audits/items/CIS_Google_Cloud_Platform_v2.0.0_L1.audit:b6ee02f1fa9f22239bbe564dfdf45acb";
const CIS_AUDIT_CONFIG = "https://docs.kics.io/latest/queries/terraform-queries/gcp/39d83c5a-2df4-4a2c-8ffb-b96b1bc3a813";
const CIS_VPC = "https://www.tenable.com/policies/cloud-security/AC_GCP_0279";
const VPC_AUDIT_PAGE = "https://cloud.google.com/vpc/docs/audit-logging";

/** The alerts every stack has: who can own the project, the key, the network edge, the audit trail. */
export const GCP_AUDIT_ALERTS = {
    ownerGrant: sourced<GcpAuditAlertSpec>(
        {
            id: "owner-grant",
            title: "roles/owner or roles/editor granted on the project",
            filter: [
                'protoPayload.serviceName="cloudresourcemanager.googleapis.com"',
                'protoPayload.methodName="SetIamPolicy"',
                'protoPayload.serviceData.policyDelta.bindingDeltas.action="ADD"',
                'protoPayload.serviceData.policyDelta.bindingDeltas.role=("roles/owner" OR "roles/editor")',
            ].join(" AND "),
            severity: "CRITICAL",
        },
        CIS_OWNERSHIP,
        "2026-12-03",
        "CIS GCP 2.4 matches bindingDeltas.action=ADD with bindingDeltas.role=roles/owner under protoPayload.serviceData.policyDelta; editor added here. Repeated deltas match independently, so one policy change adding any role and removing editor also fires (the CIS filter has the same property)",
    ),
    keyDisabled: sourced<GcpAuditAlertSpec>(
        {
            id: "key-disabled",
            title: "a Cloud KMS key version disabled or scheduled for destruction",
            filter: [
                'protoPayload.serviceName="cloudkms.googleapis.com"',
                '(protoPayload.methodName="DestroyCryptoKeyVersion" OR (protoPayload.methodName="UpdateCryptoKeyVersion" AND protoPayload.request.cryptoKeyVersion.state="DISABLED"))',
            ].join(" AND "),
            severity: "CRITICAL",
        },
        KMS_AUDIT_PAGE,
        "2026-12-03",
        "DestroyCryptoKeyVersion and UpdateCryptoKeyVersion are ADMIN_WRITE (Admin Activity), filter protoPayload.methodName=\"<Method>\". The request path cryptoKeyVersion.state (UpdateCryptoKeyVersionRequest as logged) was seen in public alert code, not on a Google page",
    ),
    firewallOpen: sourced<GcpAuditAlertSpec>(
        {
            id: "firewall-open",
            title: "a firewall rule opened to the internet",
            filter: [
                'resource.type="gce_firewall_rule"',
                '(protoPayload.methodName:"compute.firewalls.insert" OR protoPayload.methodName:"compute.firewalls.patch" OR protoPayload.methodName:"compute.firewalls.update")',
                '(protoPayload.request.sourceRanges="0.0.0.0/0" OR protoPayload.request.sourceRanges="::/0")',
            ].join(" AND "),
            severity: "CRITICAL",
        },
        VPC_AUDIT_PAGE,
        "2026-12-03",
        "v1.compute.firewalls.insert/patch/update are ADMIN_WRITE, with beta and alpha variants (hence the : substring match, as CIS 2.7 does); Compute audit logs record the request body (compute/docs/audit-logging), so sourceRanges is matched on the request. A patch that leaves sourceRanges out is not seen",
    ),
    auditTrailChanged: sourced<GcpAuditAlertSpec>(
        {
            id: "audit-trail-changed",
            title: "audit configuration, a log sink or a log bucket changed",
            filter: [
                '(protoPayload.methodName="SetIamPolicy" AND protoPayload.serviceData.policyDelta.auditConfigDeltas:*)',
                '(protoPayload.serviceName="logging.googleapis.com" AND protoPayload.methodName=("google.logging.v2.ConfigServiceV2.DeleteSink" OR "google.logging.v2.ConfigServiceV2.UpdateSink" OR "google.logging.v2.ConfigServiceV2.DeleteBucket" OR "google.logging.v2.ConfigServiceV2.UpdateBucket"))',
            ].join(" OR "),
            severity: "CRITICAL",
        },
        CIS_AUDIT_CONFIG,
        "2026-12-03",
        "CIS GCP 2.5: protoPayload.methodName=SetIamPolicy AND protoPayload.serviceData.policyDelta.auditConfigDeltas:*. The ConfigServiceV2 method names are the gRPC names seen in public detection code; Logging's audit page was not read. A pulumi up that changes the sink or bucket fires it too: expected",
    ),
} as const;

/** Added when config `threatDetection` is on: what a project can detect from its own audit logs. */
export const GCP_THREAT_ALERTS = {
    networkChanged: sourced<GcpAuditAlertSpec>(
        {
            id: "network-changed",
            title: "a VPC network created, changed, deleted or peered",
            filter: [
                'resource.type="gce_network"',
                '(protoPayload.methodName:"compute.networks.insert" OR protoPayload.methodName:"compute.networks.patch" OR protoPayload.methodName:"compute.networks.delete" OR protoPayload.methodName:"compute.networks.removePeering" OR protoPayload.methodName:"compute.networks.addPeering")',
            ].join(" AND "),
            severity: "WARNING",
        },
        CIS_VPC,
        "2026-12-03",
        "CIS GCP 2.9's filter as given; the method names are on the VPC audit-logging page",
    ),
    customRoleChanged: sourced<GcpAuditAlertSpec>(
        {
            id: "custom-role-changed",
            title: "a custom IAM role created, changed or deleted",
            filter: 'resource.type="iam_role" AND protoPayload.methodName=("google.iam.admin.v1.CreateRole" OR "google.iam.admin.v1.DeleteRole" OR "google.iam.admin.v1.UpdateRole")',
            severity: "WARNING",
        },
        UNVERIFIED,
        "2026-12-03",
        "CIS GCP 2.6's filter as widely quoted; not read on a Google or CIS page in this review",
    ),
    serviceAccountKeyCreated: sourced<GcpAuditAlertSpec>(
        {
            id: "sa-key-created",
            title: "a service account key created",
            filter: 'protoPayload.serviceName="iam.googleapis.com" AND protoPayload.methodName="google.iam.admin.v1.CreateServiceAccountKey"',
            severity: "ERROR",
        },
        UNVERIFIED,
        "2026-12-03",
        "the stack uses Workload Identity and creates no keys, so any key is a long-lived credential someone made by hand; method name from public detection code, IAM's audit page not read",
    ),
    bucketIamChanged: sourced<GcpAuditAlertSpec>(
        {
            id: "bucket-iam-changed",
            title: "a Cloud Storage bucket's IAM policy changed",
            filter: 'resource.type="gcs_bucket" AND protoPayload.methodName="storage.setIamPermissions"',
            severity: "WARNING",
        },
        UNVERIFIED,
        "2026-12-03",
        "CIS GCP 2.10's filter as widely quoted (also in public detection code); not read on a Google or CIS page in this review",
    ),
} as const;

/** Security Command Center is switched on outside any project's API surface. */
export const GCP_SCC_ACTIVATION = sourced(
    "organization or project level, from the console",
    "https://cloud.google.com/security-command-center/docs/how-to-programmatic-access",
    "2026-12-03",
    "the page names two activation levels, project and organization; activation is not a resource @pulumi/gcp 9.37 offers (securitycenter has notification configs, custom modules, mute configs and exports only)",
);

/** What GKE's security posture offers now: workload configuration auditing; its vulnerability scanning was removed. */
export const GKE_SECURITY_POSTURE = sourced(
    { mode: "BASIC", vulnerabilityMode: "VULNERABILITY_DISABLED" } as const,
    "https://cloud.google.com/kubernetes-engine/docs/deprecations/posture-management-deprecation",
    "2026-12-03",
    "standard-tier workload configuration auditing stays; workload vulnerability scanning standard tier was removed 2025-07-31, Advanced Vulnerability Insights 2026-06-16, GKE threat detection (advanced tier) 2025-03-31. The API marks VULNERABILITY_BASIC deprecated. Modes per @pulumi/gcp 9.37 ClusterSecurityPostureConfig",
);

// ---------------------------------------------------------------------------------------
// Identity Platform (components/gcp/identity.ts): the project-level config, the browser API
// key the web app identifies itself with, and the issuer and keys its ID tokens carry.

const IDP_VERIFY_ID_TOKENS = "https://firebase.google.com/docs/auth/admin/verify-id-tokens";
const IDP_TOTP = "https://cloud.google.com/identity-platform/docs/admin/enabling-totp-mfa";
const FIREBASE_API_KEYS = "https://firebase.google.com/docs/projects/api-keys";

/** The APIs a native identity on GCP needs, enabled by the Identity component itself (only a
 * stack on the native provider uses them). */
export const GCP_IDENTITY_APIS = sourced(
    {
        identityToolkit: "identitytoolkit.googleapis.com",
        tokenService: "securetoken.googleapis.com",
        apiKeys: "apikeys.googleapis.com",
    } as const,
    FIREBASE_API_KEYS,
    "2026-12-08",
    "the page lists the Identity Toolkit API and the Token Service API among the APIs a restricted Firebase key must allow for Authentication (the Token Service API exchanges refresh tokens for ID tokens); apikeys.googleapis.com is the API Keys API projects.ApiKey creates keys through (@pulumi/gcp 9.37 ApiKey docs)",
);

/** The OpenID issuer of Identity Platform ID tokens, per project: `iss`, with `aud` the project id. */
export const GCP_IDENTITY_ISSUER_PREFIX = sourced(
    "https://securetoken.google.com/",
    IDP_VERIFY_ID_TOKENS,
    "2026-12-08",
    "an ID token's iss must be https://securetoken.google.com/<projectId> and its aud must be <projectId>; tokens expire after one hour and are signed RS256",
);

/** Where the keys that sign Identity Platform ID tokens are published, as a JWK set. */
export const GCP_IDENTITY_JWKS_URL = sourced(
    "https://www.googleapis.com/service_accounts/v1/jwk/securetoken@system.gserviceaccount.com",
    IDP_VERIFY_ID_TOKENS,
    "2026-12-08",
    "the page publishes the same keys as X.509 certificates at https://www.googleapis.com/robot/v1/metadata/x509/securetoken@system.gserviceaccount.com; this JWK form is the jwks_uri of the issuer's OpenID discovery document (securetoken.google.com/<project>/.well-known/openid-configuration), which could not be read here",
);

/** The values identityplatform.Config's mfa.state and mfa.providerConfigs[].state take. */
export const GCP_IDENTITY_MFA_STATES = sourced(
    { required: "MANDATORY", optional: "ENABLED", off: "DISABLED" } as const,
    "https://cloud.google.com/identity-platform/docs/reference/rest/v2/projects.tenants",
    "2026-12-08",
    "DISABLED, ENABLED, MANDATORY per the @pulumi/gcp 9.37 ConfigMfa docs and the REST State enum; MFA needs users with verified email addresses (enabling-totp-mfa page)",
);

/** TOTP second factor: the adjacent 30-second windows a code is accepted in (0-10, default 5). */
export const GCP_IDENTITY_TOTP_ADJACENT_INTERVALS = sourced(
    { value: 1, min: 0, max: 10, default: 5 } as const,
    IDP_TOTP,
    "2026-12-08",
    "the page gives 0-10 adjacent intervals, default 5 (±2.5 min); one window either side is RFC 6238's recommended skew allowance and keeps a code from staying good for minutes. TOTP is enabled through mfa.providerConfigs with state ENABLED beside the project-level mfa.state",
);

/** The endpoints the web SDK signs in through; there is no hosted sign-in page for a custom app. */
export const GCP_IDENTITY_TOOLKIT_ENDPOINT = sourced(
    "https://identitytoolkit.googleapis.com/v1/accounts:signInWithPassword",
    "https://cloud.google.com/identity-platform/docs/reference/rest/v1/accounts/signInWithPassword",
    "2026-12-08",
    "POST with the email and password; an API key identifies the project; a new ID token and refresh token are issued on success. The web SDK calls it for email/password sign-in; it is an API, not a page the browser is sent to",
);

// ---------------------------------------------------------------------------------------
// Observability (components/gcp/observability*.ts): the stack's log bucket and its masking,
// Managed Service for Prometheus on each cluster, the dashboard, uptime checks and SLOs.

const UPTIME_REST = "https://cloud.google.com/monitoring/api/ref_v3/rest/v3/projects.uptimeCheckConfigs";
const SLO_ALERTING = "https://cloud.google.com/stackdriver/docs/solutions/slo-monitoring/alerting-on-budget-burn-rate";
const DLP_INFOTYPES = "https://cloud.google.com/dlp/docs/infotypes-reference";

/** Managed Service for Prometheus: managed collection on a GKE cluster (monitoringConfig.managedPrometheus). */
export const GKE_MANAGED_PROMETHEUS = sourced(
    { enabled: true } as const,
    "https://cloud.google.com/stackdriver/docs/managed-prometheus/setup-managed",
    "2026-12-08",
    "managed collection runs collectors GKE operates; it is on by default on new Standard clusters from 1.27 and set explicitly here so a drift is a diff. Its samples land in Cloud Monitoring (Monarch) as prometheus.googleapis.com/* metrics, queryable with PromQL next to the kubernetes.io system metrics (ClusterMonitoringConfigManagedPrometheus.enabled in @pulumi/gcp 9.37)",
);

/** The API Sensitive Data Protection templates are created through. */
export const GCP_DLP_API = sourced("dlp.googleapis.com", "https://cloud.google.com/sensitive-data-protection/docs/reference/rest", "2026-12-08", "the Cloud Data Loss Prevention API: inspect and de-identify templates, jobs and triggers");

/** Built-in infoTypes for each kind of MASKED_DATA. */
export const GCP_DLP_INFO_TYPES = sourced(
    { "email-address": "EMAIL_ADDRESS", "bearer-token": "AUTH_TOKEN", password: "PASSWORD", "credit-card-number": "CREDIT_CARD_NUMBER" } as const,
    DLP_INFOTYPES,
    "2026-12-08",
    "EMAIL_ADDRESS and CREDIT_CARD_NUMBER read in the reference's global table; AUTH_TOKEN (authentication tokens such as Bearer headers) and PASSWORD (clear-text passwords in configs and code) are further down the same table, not in the excerpt read",
);

/**
 * Patterns a log entry's text is matched against (Logging query language, RE2 through `=~`) to
 * keep it out of the log buckets: Cloud Logging cannot rewrite an entry on its way in, so the
 * only thing a filter can do with a secret is drop the entry that carries it.
 */
export const GCP_LOG_MASK_PATTERNS = sourced(
    {
        "email-address": "[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\\\.[A-Za-z]{2,}",
        "bearer-token": "(?i)(bearer\\\\s+[A-Za-z0-9._~+/=-]{16,}|eyJ[A-Za-z0-9_-]{8,}\\\\.[A-Za-z0-9_-]{8,}\\\\.)",
        password: "(?i)(password|passwd|pwd|secret)[\\\"']?\\\\s*[:=]\\\\s*[^\\\\s,;]+",
        "credit-card-number": "\\\\b(?:\\\\d[ -]?){12,18}\\\\d\\\\b",
    } as const,
    "https://cloud.google.com/logging/docs/view/logging-query-language#regular-expressions",
    "2026-12-08",
    "the query language takes RE2 regular expressions with =~ on a field, string comparisons are case-insensitive but regexes are not (hence (?i)); backslashes are escaped once for the filter string. Patterns are the platform's: the card pattern does no Luhn check, so long digit runs (ids) are dropped too",
);

/** A project has at most this many exclusions on its _Default sink (ProjectExclusion). */
export const GCP_DEFAULT_SINK_EXCLUSIONS_MAX = sourced(
    10,
    "https://cloud.google.com/logging/docs/reference/v2/rest/v2/projects.exclusions/create",
    "2026-12-08",
    "'Creates a new exclusion in the _Default sink in a specified parent resource. Only log entries belonging to that resource can be excluded. You can have up to 10 exclusions in a resource'",
);

/** Uptime check regions: each names one or more checker locations. */
export const GCP_UPTIME_REGIONS = sourced(
    ["USA_OREGON", "USA_IOWA", "USA_VIRGINIA", "EUROPE", "SOUTH_AMERICA", "ASIA_PACIFIC"] as const,
    UPTIME_REST,
    "2026-12-08",
    "UptimeCheckRegion values; selectedRegions must include at least 3 locations (@pulumi/gcp 9.37 UptimeCheckConfig docs). The three USA_* regions are one location each, so the six give at least six probes per period",
);

/** An uptime check's timeout: at most the period, at most 60 s. */
export const GCP_UPTIME_TIMEOUT_SECONDS = sourced(10, UPTIME_REST, "2026-12-08", "timeout accepts 1-60 s; 10 s is the platform's: a page slower than that is down to a user");

/** The metrics an uptime check writes, on the uptime_url resource, labelled check_id and checker_location. */
export const GCP_UPTIME_METRICS = {
    checkPassed: sourced(
        { type: "monitoring.googleapis.com/uptime_check/check_passed", kind: "GAUGE", resourceType: "uptime_url" } satisfies GcpMetric,
        "https://cloud.google.com/monitoring/api/metrics_gcp_i_o#gcp-monitoring",
        "2026-12-08",
        "BOOL per checker location; Google's uptime alert counts false values (ALIGN_NEXT_OLDER, REDUCE_COUNT_FALSE grouped by resource.label.*)",
    ),
    requestLatency: sourced(
        { type: "monitoring.googleapis.com/uptime_check/request_latency", kind: "GAUGE", resourceType: "uptime_url" } satisfies GcpMetric,
        "https://cloud.google.com/monitoring/api/metrics_gcp_i_o#gcp-monitoring",
        "2026-12-08",
        "DOUBLE in milliseconds, per checker location",
    ),
} as const;

/** The SLO burn-rate time-series selector an alert condition filters on. */
export const GCP_SLO_BURN_RATE_SELECTOR = sourced(
    'select_slo_burn_rate("{slo}", "{lookback}")',
    "https://cloud.google.com/stackdriver/docs/solutions/slo-monitoring/api/create-policy-api",
    "2026-12-08",
    "'the filter in the MetricThreshold specification of the condition uses a time-series selector'; select_slo_burn_rate takes the SLO's resource name projects/P/services/S/serviceLevelObjectives/O and a lookback period; only filter is read (no aggregations), with comparison COMPARISON_GT, thresholdValue, duration and trigger. The lookback written as \"60m\" is from the selector's page (" + SLO_ALERTING + "), of which only the overview was read",
);

/** GKE system metrics of the app's containers the dashboard charts. */
export const GKE_CONTAINER_METRICS = {
    containerCpuUsageTime: sourced(
        { type: "kubernetes.io/container/cpu/core_usage_time", kind: "CUMULATIVE", resourceType: "k8s_container" } satisfies GcpMetric,
        GKE_ON_AZURE_METRICS,
        "2026-12-08",
        "CPU seconds per container; ALIGN_RATE gives cores",
    ),
    containerMemoryUsed: sourced(
        { type: "kubernetes.io/container/memory/used_bytes", kind: "GAUGE", resourceType: "k8s_container" } satisfies GcpMetric,
        GKE_ON_AZURE_METRICS,
        "2026-12-08",
        "bytes in use per container, labelled memory_type (evictable, non-evictable)",
    ),
} as const;

/** MongoDB Atlas publishes no metrics to Cloud Monitoring: its charts are in the Atlas UI. */
export const ATLAS_CLUSTER_CONSOLE_URL = sourced(
    "https://cloud.mongodb.com/v2/{projectId}#/clusters/detail/{clusterName}",
    UNVERIFIED,
    "2026-12-08",
    "the Atlas UI's cluster page, whose Metrics tab has the cluster's charts; the URL form is what the UI shows, not a documented API. Atlas's own integrations push to Datadog, Prometheus (scrape) and others, none to Cloud Monitoring",
);

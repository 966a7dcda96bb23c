/**
 * Azure constants the config checks and the Azure components read, each with its source.
 * Tests compare plans with these entries (`entry.value`), never with a copied constant.
 */
import { sourced, UNVERIFIED } from "./entry";

const BUILT_IN_ROLES_SECURITY = "https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/security";
const PRIVATE_ENDPOINT_DNS = "https://learn.microsoft.com/en-us/azure/private-link/private-endpoint-dns";
const VCORE_COMPUTE_STORAGE = "https://learn.microsoft.com/en-us/azure/cosmos-db/mongodb/vcore/compute-storage";
const VCORE_METRICS = "https://learn.microsoft.com/en-us/azure/azure-monitor/reference/supported-metrics/microsoft-documentdb-mongoclusters-metrics";
const REDIS_ENTERPRISE_METRICS = "https://learn.microsoft.com/ga-ie/azure/azure-monitor/reference/supported-metrics/microsoft-cache-redisenterprise-metrics";
const REDIS_GEO_REPLICATION = "https://learn.microsoft.com/azure/redis/how-to-active-geo-replication";
const NETWORK_WATCHER_CREATE = "https://learn.microsoft.com/azure/network-watcher/network-watcher-create";
const ATLAS_AZURE_KMS = "https://www.mongodb.com/docs/atlas/security-azure-kms/";

/** The longest flow-log retention the config allows on Azure. */
export const AZURE_FLOW_LOG_MAX_RETENTION_DAYS = sourced(
    365,
    UNVERIFIED,
    "2026-12-03",
    "the Network Watcher retention-policy limit as the earlier review knew it; no Microsoft page stating it could be read here",
);
export const AZURE_MAX_FLOW_LOG_RETENTION_DAYS = AZURE_FLOW_LOG_MAX_RETENTION_DAYS.value;

/** A built-in role: its display name and the role definition id ARM assignments reference. */
export interface AzureBuiltInRole {
    readonly name: string;
    readonly id: string;
}

/**
 * Built-in roles the stack assigns. A role assignment naming an id that is no built-in role
 * fails at deploy time, and the offline engine cannot tell: the id comes from here, and tests
 * compare the planned `roleDefinitionId` with these entries.
 */
export const AZURE_BUILT_IN_ROLES = {
    /** keys/read, keys/wrap/action, keys/unwrap/action: what a service's customer-managed-key identity needs. */
    keyVaultCryptoServiceEncryptionUser: sourced<AzureBuiltInRole>(
        { name: "Key Vault Crypto Service Encryption User", id: "e147488a-f6f5-4113-8e2d-b22465e65bf6" },
        BUILT_IN_ROLES_SECURITY,
        "2026-12-03",
        "dataActions keys/read, keys/wrap/action, keys/unwrap/action (read in MicrosoftDocs/azure-docs built-in-roles/security.md, ms.date 02/23/2026); the id e7422401-… used before is no built-in role",
    ),
    /** keys/read, encrypt, decrypt (and wrap, unwrap, sign, verify, update, backup). */
    keyVaultCryptoUser: sourced<AzureBuiltInRole>({ name: "Key Vault Crypto User", id: "12338af0-0e69-4776-bea7-57ae8d297424" }, BUILT_IN_ROLES_SECURITY),
    /** Control-plane vault reads and data-plane metadata reads, no key material. */
    keyVaultReader: sourced<AzureBuiltInRole>({ name: "Key Vault Reader", id: "21090545-7ca7-4776-b22c-e363652d74d2" }, BUILT_IN_ROLES_SECURITY),
} as const;

/** `/subscriptions/<sub>/providers/Microsoft.Authorization/roleDefinitions/<id>`: the form a RoleAssignment takes. */
export function azureRoleDefinitionId(subscriptionId: string, role: AzureBuiltInRole): string {
    return `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${role.id}`;
}

/**
 * How long Azure RBAC may take to honour a new role assignment: Microsoft's troubleshooting
 * page says "up to 10 minutes" (older revisions said 30). Services that start using a key
 * right after the grant (Managed Redis, Storage, Atlas) wait this long on creation.
 */
export const AZURE_RBAC_PROPAGATION_SECONDS = sourced(
    600,
    "https://learn.microsoft.com/azure/role-based-access-control/troubleshooting",
    "2026-12-03",
    "symptom 'Role assignment changes are not being detected': up to 10 minutes (ms.date 09/20/2023)",
);

/** A Private Link sub-resource and the private DNS zone its endpoints register in. */
export interface AzurePrivateLinkTarget {
    readonly groupId: string;
    readonly dnsZone: string;
}

/**
 * Private endpoint group ids and private DNS zones, per Microsoft's "Azure Private Endpoint
 * private DNS zone values". Zones are created only under these names for the records to be
 * found, and one zone holds one service's records.
 */
export const AZURE_PRIVATE_LINK = {
    mongoCluster: sourced<AzurePrivateLinkTarget>({ groupId: "MongoCluster", dnsZone: "privatelink.mongocluster.cosmos.azure.com" }, PRIVATE_ENDPOINT_DNS),
    /** Azure Managed Redis, not Azure Cache for Redis (`privatelink.redis.cache.windows.net`) nor the retired Enterprise zone. */
    redisEnterprise: sourced<AzurePrivateLinkTarget>({ groupId: "redisEnterprise", dnsZone: "privatelink.redis.azure.net" }, PRIVATE_ENDPOINT_DNS),
    keyVault: sourced<AzurePrivateLinkTarget>({ groupId: "vault", dnsZone: "privatelink.vaultcore.azure.net" }, PRIVATE_ENDPOINT_DNS),
} as const;

/** Cosmos DB for MongoDB vCore (Azure DocumentDB) storage per shard, GiB: only these sizes exist. */
export const AZURE_VCORE_STORAGE_SIZES_GB = sourced<readonly number[]>(
    [32, 64, 128, 256, 512, 1024, 2048, 4095, 8192, 16384, 32767],
    VCORE_COMPUTE_STORAGE,
    "2026-12-03",
    "ms.date 05/30/2025; 4095 and 32767 are deliberate (an older revision listed 4096 and 32768)",
);

/** Size tier → vCore compute tier: M30 is the smallest tier with HA and geo-replicas (no burstable CPU). */
export const AZURE_VCORE_TIERS = sourced(
    { small: "M30", medium: "M40", large: "M50", xlarge: "M60" } as const,
    VCORE_COMPUTE_STORAGE,
    "2026-12-03",
    "M30 2 vCores/8 GiB, M40 4/16, M50 8/32, M60 16/64; M10-M25 are burstable without HA or replicas",
);

/** vCore clusters listen on 10260 (not MongoDB's 27017). */
export const AZURE_VCORE_PORT = sourced(
    10260,
    "https://docs.azure.cn/ja-jp/cosmos-db/mongodb/vcore/troubleshoot-common-issues",
    "2026-12-03",
    "the connectivity check is `nc -v <cluster>.mongocluster… 10260`",
);

/** Azure Monitor metrics of Microsoft.DocumentDB/mongoClusters the alerts watch. */
export const AZURE_VCORE_METRICS = {
    namespace: sourced("Microsoft.DocumentDB/mongoClusters", VCORE_METRICS),
    cpuPercent: sourced("CpuPercent", VCORE_METRICS),
    memoryPercent: sourced("MemoryPercent", VCORE_METRICS),
    storagePercent: sourced("StoragePercent", VCORE_METRICS),
    requestDurationMs: sourced("MongoRequestDurationMs", VCORE_METRICS),
} as const;

/** Azure Monitor metrics of Microsoft.Cache/redisEnterprise (Azure Managed Redis) the alerts watch. */
export const AZURE_MANAGED_REDIS_METRICS = {
    namespace: sourced("Microsoft.Cache/redisEnterprise", REDIS_ENTERPRISE_METRICS),
    usedMemoryPercentage: sourced("usedmemorypercentage", REDIS_ENTERPRISE_METRICS),
    percentProcessorTime: sourced("percentProcessorTime", REDIS_ENTERPRISE_METRICS),
    evictedKeys: sourced("evictedkeys", REDIS_ENTERPRISE_METRICS),
    /** 1 healthy, 0 unhealthy; default aggregation Maximum. */
    geoReplicationHealthy: sourced("geoReplicationHealthy", REDIS_ENTERPRISE_METRICS, "2026-12-03", "generated reference ms.date 07/13/2026"),
} as const;

/**
 * Microsoft recommends alerting on an unhealthy geo-replication link only when it stays
 * unhealthy for 60 minutes: maintenance and scaling make it briefly unhealthy.
 */
export const AZURE_MANAGED_REDIS_GEO_REPLICATION_ALERT_WINDOW = sourced("PT1H", REDIS_GEO_REPLICATION);

/** Azure Managed Redis serves its database on port 10000 with TLS. */
export const AZURE_MANAGED_REDIS_PORT = sourced(10000, UNVERIFIED, "2026-12-03", "no Microsoft page stating the port was read in this review");

/**
 * The region's Network Watcher as Azure enables it automatically (portal and automatic
 * enablement): `NetworkWatcher_<region>` in `NetworkWatcherRG`. The CLI names it
 * `<region>-watcher`; opted-out subscriptions (feature DisableNetworkWatcherAutocreation,
 * permanent) have none; there is at most one per region and subscription
 * (NetworkWatcherCountLimitReached), so the stack looks it up and never creates one.
 */
export const AZURE_NETWORK_WATCHER = sourced(
    { resourceGroup: "NetworkWatcherRG", namePrefix: "NetworkWatcher_" },
    NETWORK_WATCHER_CREATE,
    "2026-12-03",
    "ms.date 05/24/2023: automatic enablement creates NetworkWatcher_<region> in NetworkWatcherRG",
);

/** The operations a key used only through wrap/unwrap allows (Storage and Managed Redis customer-managed keys). */
export const AZURE_SERVICE_KEY_OPS = sourced<readonly string[]>(
    ["wrapKey", "unwrapKey"],
    "https://learn.microsoft.com/azure/redis/how-to-encryption",
    "2026-12-03",
    "services with customer-managed keys get/wrap/unwrap through Key Vault Crypto Service Encryption User",
);

/**
 * MongoDB Atlas encrypts and decrypts its master keys with the Azure key (not wrap/unwrap),
 * and Key Vault refuses any operation outside the key's `key_ops` (KeyOperationForbidden).
 */
export const AZURE_ATLAS_KEY_OPS = sourced<readonly string[]>(
    ["encrypt", "decrypt"],
    ATLAS_AZURE_KMS,
    "2026-12-03",
    "Required Access: RBAC dataActions keys/read, keys/encrypt/action, keys/decrypt/action; action vaults/read",
);

/** MongoDB Atlas's multi-tenant Entra application, whose service principal reaches the vault. */
export const AZURE_ATLAS_ENTRA_APP_ID = sourced(
    "9f2deb0d-be22-4524-a403-df531868bac0",
    UNVERIFIED,
    "2026-12-03",
    "seen only in the mongodbatlas provider's cloud_provider_access_setup example and public Atlas modules; no MongoDB page read states it",
);

const AKS_METRICS_PAGE = "https://learn.microsoft.com/en-in/azure/azure-monitor/reference/supported-metrics/microsoft-containerservice-managedclusters-metrics";
const AKS_CONTROL_PLANE_METRICS = "https://techcommunity.microsoft.com/blog/appsonazureblog/azure-platform-metrics-for-aks-control-plane-monitoring/4385770";
const AKS_KMS = "https://learn.microsoft.com/en-us/azure/aks/use-kms-etcd-encryption";

/** Built-in roles the cluster component assigns (ids compared by the cluster test). */
export const AZURE_CLUSTER_ROLES = {
    /** Microsoft.ContainerRegistry/registries/pull/read: the kubelet identity pulls images. */
    acrPull: sourced<AzureBuiltInRole>(
        { name: "AcrPull", id: "7f951dda-4ed3-4680-a7ca-43fe172d538d" },
        "https://azure-rbac-catalog.org/roles/7f951dda-4ed3-4680-a7ca-43fe172d538d/acrpull",
        "2026-12-03",
        "third-party mirror of the role definition JSON (roleName AcrPull, BuiltInRole); the Microsoft containers roles page was not read",
    ),
    /** dataActions Microsoft.ContainerService/managedClusters/*: cluster-admin through Entra ID. */
    aksRbacClusterAdmin: sourced<AzureBuiltInRole>(
        { name: "Azure Kubernetes Service RBAC Cluster Admin", id: "b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b" },
        "https://www.azadvertizer.net/azrolesadvertizer/b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b.html",
        "2026-12-03",
        "third-party mirror (AzAdvertizer, synced 2025-04-29); dataActions Microsoft.ContainerService/managedClusters/*",
    ),
    /** Microsoft.Network/*: the cluster identity binds the ingress public IP in the site's resource group and joins the node subnet. */
    networkContributor: sourced<AzureBuiltInRole>(
        { name: "Network Contributor", id: "4d97b98b-1d4f-4787-a291-c67834d212e7" },
        "https://azure-rbac-catalog.org/roles/4d97b98b-1d4f-4787-a291-c67834d212e7/network-contributor",
        "2026-12-03",
        "third-party mirror of the role definition JSON; actions Microsoft.Network/*",
    ),
} as const;

/** Size tier → AKS node VM size of the app (user) pool; every one supports encryption at host and premium disks. */
export const AKS_NODE_VM_SIZES = sourced(
    { small: "Standard_D2s_v5", medium: "Standard_D4s_v5", large: "Standard_D8s_v5", xlarge: "Standard_D16s_v5" } as const,
    UNVERIFIED,
    "2026-12-03",
    "Dsv5 2/4/8/16 vCPUs, 8/16/32/64 GiB; encryption-at-host support per size and regional availability not read here (az vm list-skus --query \"[?capabilities[?name=='EncryptionAtHostSupported']]\")",
);

/** The system pool runs only critical add-ons (tainted CriticalAddonsOnly): AKS asks for at least 2 vCPUs and 4 GiB. */
export const AKS_SYSTEM_VM_SIZE = sourced("Standard_D2s_v5", UNVERIFIED, "2026-12-03", "AKS system node pool minimum (2 vCPU / 4 GiB) as documented for system pools; not read here");

/** AKS pricing tier: Standard carries the uptime SLA (prod); Free has none (staging). */
export const AKS_SKU_TIERS = sourced({ prod: "Standard", staging: "Free" } as const, UNVERIFIED, "2026-12-03", "ManagedClusterSKUTier enum of azure-native 3.28.0 (Free, Standard, Premium); SLA terms not read here");

/**
 * Auto-upgrade channels: `patch` keeps the configured minor version and takes its patches (a
 * minor upgrade stays a reviewed config change); `NodeImage` refreshes node images weekly.
 * Both run only inside their maintenance configurations, whose names AKS fixes.
 */
export const AKS_UPGRADE = sourced(
    {
        upgradeChannel: "patch",
        nodeOSUpgradeChannel: "NodeImage",
        autoUpgradeConfigName: "aksManagedAutoUpgradeSchedule",
        nodeOSUpgradeConfigName: "aksManagedNodeOSUpgradeSchedule",
    } as const,
    UNVERIFIED,
    "2026-12-03",
    "channel values from the azure-native 3.28.0 UpgradeChannel/NodeOSUpgradeChannel enums; the two configuration names from the AKS planned-maintenance docs as remembered, not read here (any other name is a legacy 'default' window)",
);

/**
 * The application id of the AKS-managed Entra server application: the audience kubelogin asks
 * tokens for (`--server-id`) on every managed-Entra cluster.
 */
export const AKS_ENTRA_SERVER_APP_ID = sourced(
    "6dae42f8-4368-4678-94ff-3960e28e3630",
    UNVERIFIED,
    "2026-12-03",
    "the id kubelogin's convert-kubeconfig writes for AKS; the kubelogin pages read (azure.github.io/kubelogin) do not state it",
);

/** A platform metric of Microsoft.ContainerService/managedClusters, with the dimensions an alert filters on. */
export interface AksMetric {
    readonly name: string;
    readonly dimensions: readonly string[];
}

/**
 * AKS platform metrics: collected by Azure for every cluster without an in-cluster agent, so
 * their alerts keep working when Container insights does not.
 */
export const AKS_METRICS = {
    namespace: sourced("Microsoft.ContainerService/managedClusters", AKS_METRICS_PAGE),
    /** Nodes per condition and status (kube-state-metrics semantics): Ready=false/unknown counts failed nodes. */
    nodeStatusCondition: sourced<AksMetric>(
        { name: "kube_node_status_condition", dimensions: ["condition", "status", "status2", "node"] },
        AKS_METRICS_PAGE,
        "2026-12-03",
        "the name is listed; the dimension names (condition, status, status2, node) were not visible in the excerpt read: check in Metrics Explorer",
    ),
    /** Emitted only while pods are unschedulable, so absence means healthy. */
    unschedulablePods: sourced<AksMetric>({ name: "cluster_autoscaler_unschedulable_pods_count", dimensions: [] }, AKS_METRICS_PAGE, "2026-12-03", "Cluster Autoscaler category; Total/Average; no dimensions"),
    apiServerCpu: sourced<AksMetric>({ name: "apiserver_cpu_usage_percentage", dimensions: [] }, AKS_CONTROL_PLANE_METRICS, "2026-12-03", "Maximum CPU percentage of the API server pods; Maximum/Average; no dimensions"),
    etcdDatabaseUsage: sourced<AksMetric>({ name: "etcd_database_usage_percentage", dimensions: [] }, AKS_CONTROL_PLANE_METRICS, "2026-12-03", "maximum utilisation of the etcd database across instances; a full etcd refuses every write"),
} as const;

/** Azure Container Registry's Private Link sub-resource and zone (the data endpoints register in the same zone). */
export const AZURE_PRIVATE_LINK_REGISTRY = sourced<AzurePrivateLinkTarget>({ groupId: "registry", dnsZone: "privatelink.azurecr.io" }, PRIVATE_ENDPOINT_DNS);

/**
 * KMS etcd encryption with a private key vault (this stack's vault accepts no public traffic)
 * needs API Server VNet Integration, with a subnet delegated to the API server; Konnectivity is no
 * longer supported for private vaults on new subscriptions. KMS also needs encrypt/decrypt on the
 * key, which the stack key (wrap/unwrap only) does not allow.
 */
export const AKS_KMS_PRIVATE_VAULT = sourced(
    { keyVaultNetworkAccess: "Private", requires: "apiServerAccessProfile.enableVnetIntegration with a delegated subnet" } as const,
    AKS_KMS,
    "2026-12-03",
    "'If the cluster has KMS enabled with a private key vault, it must use API Server VNet Integration'; 'Konnectivity is no longer supported for private key vaults for new subscriptions' (from 2024-09-15)",
);

/**
 * Where AKS's Kubernetes audit log lands in Log Analytics when the diagnostic setting sets no
 * destination type (Azure diagnostics mode, as the cluster's does): the AzureDiagnostics table,
 * one row per audit event with the event as JSON in `log_s`. `kube-audit-admin` is `kube-audit`
 * without get and list, which is every write.
 */
export const AKS_AUDIT_LOG = sourced(
    { table: "AzureDiagnostics", category: "kube-audit-admin", eventColumn: "log_s", configMapWriteVerbs: ["create", "update", "patch"] } as const,
    "https://learn.microsoft.com/en-us/azure/aks/monitor-apiserver",
    "2026-12-03",
    "the page (ms.date 05/08/2023) queries AzureDiagnostics | where Category == \"kube-audit\" | extend event = parse_json(log_s) with event.verb and event.user.username, says kube-audit-admin excludes get and list (so it holds every create, update and patch; the event is the audit.k8s.io/v1 Event with objectRef, verb, user, responseStatus), and that an event can take up to 15 minutes to reach the workspace; the category name is in the supported-logs list for Microsoft.ContainerService/managedClusters. Resource-specific mode would write AKSAuditAdmin instead",
);

/** Azure Monitor alert severities: 0 Critical, 1 Error, 2 Warning, 3 Informational, 4 Verbose. */
export const AZURE_ALERT_SEVERITY = {
    informational: sourced(3, "https://learn.microsoft.com/en-us/javascript/api/@azure/arm-cloudhealth/knownalertseverity?view=azure-node-preview", "2026-12-03", "KnownAlertSeverity: Sev3 = Informational"),
} as const;

/** The ingress-nginx Helm chart, pinned: an unpinned chart changes the controller on any `up`. */
export const AZURE_INGRESS_NGINX_CHART = sourced(
    { chart: "ingress-nginx", repo: "https://kubernetes.github.io/ingress-nginx", version: "4.14.0" },
    UNVERIFIED,
    "2026-12-03",
    "the chart repository's index could not be read here; the upstream project announced its retirement (best-effort maintenance ended March 2026), so plan a Gateway API controller",
);

/** Service annotations of the AKS cloud provider that bind a LoadBalancer Service to a public IP this program owns. */
export const AKS_LOAD_BALANCER_ANNOTATIONS = sourced(
    {
        resourceGroup: "service.beta.kubernetes.io/azure-load-balancer-resource-group",
        pipName: "service.beta.kubernetes.io/azure-pip-name",
        healthProbePath: "service.beta.kubernetes.io/azure-load-balancer-health-probe-request-path",
    } as const,
    UNVERIFIED,
    "2026-12-03",
    "cloud-provider-azure service annotations as documented for AKS static public IPs; not read here. The cluster identity needs Network Contributor on the IP's resource group",
);

/** What AKS workload identity reads: the token audience, the service-account annotation and the pod label. */
export const AKS_WORKLOAD_IDENTITY = sourced(
    { audience: "api://AzureADTokenExchange", clientIdAnnotation: "azure.workload.identity/client-id", podLabel: "azure.workload.identity/use" } as const,
    UNVERIFIED,
    "2026-12-03",
    "the Azure Workload Identity webhook's documented annotation, label and audience; not read here",
);

/** Log Analytics (PerGB2018) retention bounds, days. */
export const AZURE_LOG_ANALYTICS_RETENTION_DAYS = sourced({ min: 30, max: 730 } as const, UNVERIFIED, "2026-12-03", "interactive retention range of a PerGB2018 workspace; not read here");

/**
 * Container insights with Entra ID authentication collects through a data collection rule
 * associated with the cluster; `az aks enable-addons` creates it, an ARM deployment must.
 */
export const AKS_CONTAINER_INSIGHTS_DCR = sourced(
    { extensionName: "ContainerInsights", dataSourceName: "ContainerInsightsExtension", stream: "Microsoft-ContainerInsights-Group-Default", associationName: "ContainerInsightsExtension" } as const,
    UNVERIFIED,
    "2026-12-03",
    "the same values in several public Bicep and Terraform modules; Microsoft's 'Configure log collection in Container insights' page (read) names the CLI-made DCR MSCI-<region>-<cluster> but its excerpt does not show the stream",
);

/**
 * API Server VNet Integration projects the API server into a subnet of the cluster's VNet
 * delegated to AKS; KMS with a private vault needs it (AKS_KMS_PRIVATE_VAULT).
 */
export const AKS_API_SERVER_SUBNET = sourced(
    { delegation: "Microsoft.ContainerService/managedClusters", minPrefixLength: 28 } as const,
    "https://learn.microsoft.com/en-us/azure/aks/api-server-vnet-integration",
    "2026-12-03",
    "the API server sits behind an internal load balancer VIP in the delegated subnet; delegation and the /28 minimum from the page's bring-your-own-VNet steps, not seen in the excerpt read",
);

/** The operations the AKS KMS plugin performs with its key (Key Vault Crypto User grants them). */
export const AKS_KMS_KEY_OPS = sourced<readonly string[]>(
    ["encrypt", "decrypt"],
    AKS_KMS,
    "2026-12-03",
    "the KMS plugin encrypts and decrypts the data encryption keys with the Key Vault key; the page's steps grant encrypt/decrypt key permissions",
);

const SUPPORTED_LOGS = "https://learn.microsoft.com/en-us/azure/azure-monitor/reference/supported-logs";
const LOG_ANALYTICS_RETENTION = "https://learn.microsoft.com/zh-tw/azure/azure-monitor/logs/data-retention-configure";
const DEFENDER_PRICINGS_GET = "https://learn.microsoft.com/en-us/rest/api/defenderforcloud/pricings/get";
const CIS_ACTIVITY_LOG_ALERTS = "https://hub.steampipe.io/mods/turbot/azure_compliance/controls/control.cis_v200_5_2_2";

/**
 * Log Analytics retention: an Analytics table is queryable ("interactive") up to two years,
 * and its total retention (the rest kept at low cost, reached by search jobs) up to twelve.
 */
export const AZURE_LOG_ANALYTICS_TOTAL_RETENTION_DAYS = sourced(
    { interactiveMax: 730, totalMax: 4383 } as const,
    LOG_ANALYTICS_RETENTION,
    "2026-12-03",
    "'extend the interactive retention of Analytics tables up to two years'; 'extend the total retention of the table up to 12 years' (4383 days as the API counts them is the 12-year figure; the page read gives years, not days). Total retention is a table setting (Table.totalRetentionInDays), not a workspace one",
);

/** What a diagnostic setting sends from one kind of resource: the log categories (a group where the type has one), and whether it has platform metrics to export. */
export interface AzureDiagnosticProfile {
    /** The azure-native type whose resources this profile covers: the plan's diagnosable resources. */
    readonly pulumiType: string;
    /** Appended to the resource id: a storage account's request logs live on its blob service. */
    readonly uriSuffix: string;
    /** `undefined`: the type has no resource logs, only metrics. */
    readonly logs: { readonly categoryGroup: "allLogs" | "audit" } | { readonly categories: readonly string[] } | undefined;
    /** Whether the type exports platform metrics (`AllMetrics`); NSGs have none. */
    readonly metrics: boolean;
    /** Also kept in the region's immutable archive: the record of who used keys and images. */
    readonly record: boolean;
}

/**
 * Per resource type of the stack, what the security baseline's diagnostic settings send to the
 * audit workspace. Every type the plan holds that Azure Monitor can take resource logs from
 * is here; tests derive "diagnosable" from this list, so a new type needs an entry first.
 */
export const AZURE_DIAGNOSTICS = {
    keyVault: sourced<AzureDiagnosticProfile>(
        { pulumiType: "azure-native:keyvault:Vault", uriSuffix: "", logs: { categoryGroup: "audit" }, metrics: true, record: true },
        `${SUPPORTED_LOGS}/microsoft-keyvault-vaults-logs`,
        "2026-12-03",
        "AuditEvent (every authenticated request, key and vault operations) and AzurePolicyEvaluationDetails; the page links a supported-metrics page for the type. That AuditEvent is in the `audit` group is not on the page read",
    ),
    blobService: sourced<AzureDiagnosticProfile>(
        { pulumiType: "azure-native:storage:StorageAccount", uriSuffix: "/blobServices/default", logs: { categoryGroup: "allLogs" }, metrics: false, record: false },
        `${SUPPORTED_LOGS}/microsoft-storage-storageaccounts-blobservices-logs`,
        "2026-12-03",
        "StorageRead, StorageWrite, StorageDelete on Microsoft.Storage/storageAccounts/blobServices (the account itself has no resource logs). Blob metrics are left to Azure Monitor's platform metrics: the blob service's metric category is not named on the page read",
    ),
    networkSecurityGroup: sourced<AzureDiagnosticProfile>(
        { pulumiType: "azure-native:network:NetworkSecurityGroup", uriSuffix: "", logs: { categoryGroup: "allLogs" }, metrics: false, record: false },
        `${SUPPORTED_LOGS}/microsoft-network-networksecuritygroups-logs`,
        "2026-12-03",
        "NetworkSecurityGroupEvent, NetworkSecurityGroupRuleCounter (and the retired NetworkSecurityGroupFlowEvent); the page links no supported-metrics page: NSGs have no metrics",
    ),
    virtualNetwork: sourced<AzureDiagnosticProfile>(
        { pulumiType: "azure-native:network:VirtualNetwork", uriSuffix: "", logs: { categoryGroup: "allLogs" }, metrics: true, record: false },
        "https://github.com/MicrosoftDocs/azure-reference-other/blob/main/azure-monitor-ref/supported-metrics/microsoft-network-virtualnetworks-metrics.md",
        "2026-12-03",
        "the supported-metrics page exists and links a supported-logs page for the type; the log category itself (VMProtectionAlerts, DDoS) was not read, so allLogs takes whatever the type has",
    ),
    publicIp: sourced<AzureDiagnosticProfile>(
        { pulumiType: "azure-native:network:PublicIPAddress", uriSuffix: "", logs: { categoryGroup: "allLogs" }, metrics: true, record: false },
        `${SUPPORTED_LOGS}/microsoft-network-publicipaddresses-logs`,
        "2026-12-03",
        "DDoSProtectionNotifications, DDoSMitigationFlowLogs, DDoSMitigationReports; the page links the type's supported metrics",
    ),
    containerRegistry: sourced<AzureDiagnosticProfile>(
        { pulumiType: "azure-native:containerregistry:Registry", uriSuffix: "", logs: { categoryGroup: "allLogs" }, metrics: true, record: true },
        `${SUPPORTED_LOGS}/microsoft-containerregistry-registries-logs`,
        "2026-12-03",
        "ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents (login and push/pull/delete audit); the page links the type's supported metrics",
    ),
    redisEnterpriseCluster: sourced<AzureDiagnosticProfile>(
        { pulumiType: "azure-native:redisenterprise:RedisEnterprise", uriSuffix: "", logs: undefined, metrics: true, record: false },
        "https://learn.microsoft.com/ga-ie/azure/azure-monitor/reference/supported-metrics/microsoft-cache-redisenterprise-metrics",
        "2026-12-03",
        "metrics on the cluster; its connection logs live on the database (redisEnterpriseDatabase)",
    ),
    redisEnterpriseDatabase: sourced<AzureDiagnosticProfile>(
        { pulumiType: "azure-native:redisenterprise:Database", uriSuffix: "", logs: { categoryGroup: "allLogs" }, metrics: false, record: false },
        `${SUPPORTED_LOGS}/microsoft-cache-redisenterprise-databases-logs`,
        "2026-12-03",
        "ConnectionEvents (new connection, authentication, disconnection) into REDConnectionEvents; the page links no metrics for databases",
    ),
    mongoCluster: sourced<AzureDiagnosticProfile>(
        { pulumiType: "azure-native:mongocluster:MongoCluster", uriSuffix: "", logs: { categoryGroup: "allLogs" }, metrics: true, record: false },
        UNVERIFIED,
        "2026-12-03",
        "the vCore metrics page (AZURE_VCORE_METRICS) was read; its supported-logs page (vCoreMongoRequests) was not, so allLogs takes whatever the type has. The data store's own setting already archives them",
    ),
    /** Not allLogs: kube-audit (every get and list) is the cluster workspace's; the audit trail wants writes and authentication decisions. */
    aksCluster: sourced<AzureDiagnosticProfile>(
        { pulumiType: "azure-native:containerservice:ManagedCluster", uriSuffix: "", logs: { categories: ["kube-audit-admin", "guard"] }, metrics: false, record: false },
        "https://learn.microsoft.com/en-us/azure/aks/monitor-apiserver",
        "2026-12-03",
        "kube-audit-admin is kube-audit without get and list (AKS_AUDIT_LOG); guard (Entra ID and Azure RBAC authorisation decisions) is in the type's supported-logs list as the earlier review knew it, not read here. The cluster's own setting sends allLogs and AllMetrics elsewhere, so metrics are not repeated",
    ),
    logAnalyticsWorkspace: sourced<AzureDiagnosticProfile>(
        { pulumiType: "azure-native:operationalinsights:Workspace", uriSuffix: "", logs: { categoryGroup: "audit" }, metrics: false, record: false },
        UNVERIFIED,
        "2026-12-03",
        "LAQueryLogs (who queried the workspace) as the workspace's audit category; the supported-logs page for Microsoft.OperationalInsights/workspaces was not read",
    ),
    /** Observability's collection rules: their errors say when masking or collection stops. */
    dataCollectionRule: sourced<AzureDiagnosticProfile>(
        { pulumiType: "azure-native:monitor:DataCollectionRule", uriSuffix: "", logs: { categoryGroup: "allLogs" }, metrics: false, record: false },
        `${SUPPORTED_LOGS}/microsoft-insights-datacollectionrules-logs`,
        "2026-12-08",
        "LogErrors into DCRLogErrors: errors of DCR-based collection and transformation; the page links the type's supported metrics",
    ),
    /** Workspace-based: its telemetry is already in the stack's workspace, so only the metrics are exported. */
    applicationInsights: sourced<AzureDiagnosticProfile>(
        { pulumiType: "azure-native:applicationinsights:Component", uriSuffix: "", logs: undefined, metrics: true, record: false },
        UNVERIFIED,
        "2026-12-08",
        "a workspace-based component writes its tables (AppAvailabilityResults, …) into its workspace; repeating them through a diagnostic setting would store them twice",
    ),
} as const;
export type AzureDiagnosticKind = keyof typeof AZURE_DIAGNOSTICS;

/** The activity log's categories: the subscription export sends every one. */
export const AZURE_ACTIVITY_LOG_CATEGORIES = sourced<readonly string[]>(
    ["Administrative", "Security", "ServiceHealth", "Alert", "Recommendation", "Policy", "Autoscale", "ResourceHealth"],
    "https://learn.microsoft.com/en-gb/powershell/module/az.monitor/get-azeventcategory?view=azps-15.6.0",
    "2026-12-03",
    "Get-AzEventCategory lists these eight, 'also supported diagnostic setting categories for subscription'; Security holds every Microsoft Defender for Cloud alert (activity log schema, docs.azure.cn/azure-monitor/platform/activity-log-schema)",
);

/** A Defender for Cloud plan: the pricing's name and its sub-plan, where the plan has several. */
export interface DefenderPlan {
    readonly name: string;
    readonly subPlan?: string;
    /** What it protects in this stack. */
    readonly covers: string;
}

/**
 * Defender plans for the resource types the stack runs. Not enabled: CosmosDbs (Defender for
 * Azure Cosmos DB protects the NoSQL API, not MongoDB vCore), ContainerRegistry and
 * KubernetesService (deprecated, folded into Containers), OpenSourceRelationalDatabases (unused).
 */
export const AZURE_DEFENDER_PLANS = sourced<readonly DefenderPlan[]>(
    [
        { name: "Containers", covers: "AKS runtime threat detection and registry image scanning" },
        { name: "KeyVaults", subPlan: "PerKeyVault", covers: "unusual access to the stack's vaults" },
        { name: "StorageAccounts", subPlan: "DefenderForStorageV2", covers: "malicious access to the log and audit storage accounts" },
        { name: "Arm", subPlan: "PerSubscription", covers: "suspicious Resource Manager operations (the control plane)" },
    ],
    DEFENDER_PRICINGS_GET,
    "2026-12-03",
    "the Pricings Get examples name the Containers and StorageAccounts plans (and CloudPosture, Dns, VirtualMachines); KeyVaults and Arm, the sub-plans DefenderForStorageV2, PerKeyVault and PerSubscription, and the Cosmos DB plan's API coverage are as Defender for Cloud documents them but were not read here",
);

/** One activity log alert: an operation (or a whole category) that should never pass unnoticed. */
export interface AzureAuditAlert {
    readonly id: string;
    readonly description: string;
    readonly category: "Administrative" | "Security";
    /** Undefined: every event of the category. */
    readonly operationName?: string;
}

/**
 * CIS Microsoft Azure Foundations Benchmark activity log alerts (section 5.2 in v2.0: policy
 * assignments, NSGs and their rules, security solutions, public IPs), plus role assignments,
 * Key Vault changes (deletion, and writes: purge protection and network rules are vault
 * properties) and every Defender for Cloud alert (the Security category).
 */
export const AZURE_AUDIT_ALERTS = sourced<readonly AzureAuditAlert[]>(
    [
        { id: "role-assignment-write", description: "a role assignment was created or changed", category: "Administrative", operationName: "Microsoft.Authorization/roleAssignments/write" },
        { id: "role-assignment-delete", description: "a role assignment was deleted", category: "Administrative", operationName: "Microsoft.Authorization/roleAssignments/delete" },
        { id: "policy-assignment-write", description: "a policy assignment was created (CIS 5.2.1)", category: "Administrative", operationName: "Microsoft.Authorization/policyAssignments/write" },
        { id: "policy-assignment-delete", description: "a policy assignment was deleted (CIS 5.2.2)", category: "Administrative", operationName: "Microsoft.Authorization/policyAssignments/delete" },
        { id: "nsg-write", description: "a network security group was created or updated (CIS 5.2.3)", category: "Administrative", operationName: "Microsoft.Network/networkSecurityGroups/write" },
        { id: "nsg-delete", description: "a network security group was deleted (CIS 5.2.4)", category: "Administrative", operationName: "Microsoft.Network/networkSecurityGroups/delete" },
        { id: "nsg-rule-write", description: "a network security group rule was created or updated: a firewall may be open to the internet", category: "Administrative", operationName: "Microsoft.Network/networkSecurityGroups/securityRules/write" },
        { id: "nsg-rule-delete", description: "a network security group rule was deleted", category: "Administrative", operationName: "Microsoft.Network/networkSecurityGroups/securityRules/delete" },
        { id: "security-solution-write", description: "a security solution was created or updated (CIS 5.2.5)", category: "Administrative", operationName: "Microsoft.Security/securitySolutions/write" },
        { id: "security-solution-delete", description: "a security solution was deleted (CIS 5.2.6)", category: "Administrative", operationName: "Microsoft.Security/securitySolutions/delete" },
        { id: "public-ip-write", description: "a public IP address was created or updated (CIS 5.2.9)", category: "Administrative", operationName: "Microsoft.Network/publicIPAddresses/write" },
        { id: "public-ip-delete", description: "a public IP address was deleted (CIS 5.2.10)", category: "Administrative", operationName: "Microsoft.Network/publicIPAddresses/delete" },
        { id: "key-vault-write", description: "a Key Vault's properties changed (purge protection, soft delete, network rules)", category: "Administrative", operationName: "Microsoft.KeyVault/vaults/write" },
        { id: "key-vault-delete", description: "a Key Vault was deleted: its keys are scheduled for purge", category: "Administrative", operationName: "Microsoft.KeyVault/vaults/delete" },
        { id: "defender-alert", description: "Microsoft Defender for Cloud raised a security alert", category: "Security" },
    ],
    CIS_ACTIVITY_LOG_ALERTS,
    "2026-12-03",
    "CIS v2.0.0 5.2.2 with its CLI remediation (category=Administrative and operationName=Microsoft.Authorization/policyAssignments/delete) on the Steampipe compliance mod; the public IP operation names from Tenable AC_AZURE_0070 and KICS; the benchmark PDF itself was not read. Key Vault key deletions are data-plane events (AuditEvent in the workspace), not in the activity log",
);

/* ── Microsoft Entra External ID (the Azure identity service) ─────────────────────────────── */

const CIAM_DIRECTORIES_TEMPLATE = "https://learn.microsoft.com/en-us/azure/templates/microsoft.azureactivedirectory/ciamdirectories";
const B2C_DATA_RESIDENCY = "https://learn.microsoft.com/en-us/azure/active-directory-b2c/data-residency";
const EXTERNAL_TENANT_FEATURES = "https://learn.microsoft.com/en-us/entra/external-id/customers/concept-supported-features-customers";
const EXTERNAL_TENANT_MFA = "https://learn.microsoft.com/en-us/entra/external-id/customers/how-to-multifactor-authentication-customers";
const GRAPH_PERMISSIONS = "https://learn.microsoft.com/en-us/graph/permissions-reference";
/** The day the Entra External ID entries below were read. */
const ENTRA_REVIEWED = "2026-12-08";

/** Where an external tenant keeps its directory: the CIAM resource's `location` and the tenant's country. */
export interface EntraDataLocation {
    /** One of the data-residency locations ARM accepts for the tenant ('United States', 'Europe', 'Asia Pacific', 'Australia'). */
    readonly location: "United States" | "Europe" | "Asia Pacific";
    /** ISO 3166 country code, from the country list of that location. */
    readonly countryCode: string;
}

/**
 * Per Azure region of the stack: the external tenant's data location and country, so the
 * users are kept in the geography the rest of the stack runs in. The country is the one the
 * region is in; its data location is the one Microsoft's country list assigns it.
 *
 * Regions without an entry are refused: australiaeast (the Australia geo-location is "not
 * currently available for external tenants" on Microsoft's Entra data-residency page, ms.date
 * 2024-08-25, although the ARM schema lists it) and brazilsouth (Brazil is "in the process of
 * being added"; any other location would move the users' data to another continent, a residency
 * decision the stack must make explicitly).
 */
export const ENTRA_EXTERNAL_ID_DATA_LOCATIONS = sourced<Readonly<Record<string, EntraDataLocation>>>(
    {
        eastus: { location: "United States", countryCode: "US" },
        eastus2: { location: "United States", countryCode: "US" },
        centralus: { location: "United States", countryCode: "US" },
        southcentralus: { location: "United States", countryCode: "US" },
        westus: { location: "United States", countryCode: "US" },
        westus2: { location: "United States", countryCode: "US" },
        westus3: { location: "United States", countryCode: "US" },
        northcentralus: { location: "United States", countryCode: "US" },
        canadacentral: { location: "United States", countryCode: "CA" },
        northeurope: { location: "Europe", countryCode: "IE" },
        westeurope: { location: "Europe", countryCode: "NL" },
        uksouth: { location: "Europe", countryCode: "GB" },
        ukwest: { location: "Europe", countryCode: "GB" },
        francecentral: { location: "Europe", countryCode: "FR" },
        germanywestcentral: { location: "Europe", countryCode: "DE" },
        swedencentral: { location: "Europe", countryCode: "SE" },
        centralindia: { location: "Asia Pacific", countryCode: "IN" },
        southeastasia: { location: "Asia Pacific", countryCode: "SG" },
        japaneast: { location: "Asia Pacific", countryCode: "JP" },
    },
    B2C_DATA_RESIDENCY,
    ENTRA_REVIEWED,
    "the country lists per data location (US and Canada → United States; IE, NL, GB, FR, DE, SE → Europe; IN, SG, JP → Asia Pacific) are read on the Azure AD B2C data-residency page (ms.date 2024-11-27): the CIAM create API takes the same location values and points to aka.ms/ciam-data-location, which could not be read here. The Entra data-residency page says the Japan and Australia geo-locations are not available to external tenants, so JP is kept on Asia Pacific and Australia is not offered",
);

/**
 * The external tenant's SKU: `Standard` is the MAU-billed core offer (the first 50,000 MAU a
 * month free; Conditional Access and email one-time-passcode MFA are in it), tier `A0` the only
 * tier. `PremiumP1`/`PremiumP2` are the Azure AD B2C-era names of the CIAMResourceSKUName enum.
 */
export const ENTRA_CIAM_SKU = sourced(
    { name: "Standard", tier: "A0" } as const,
    CIAM_DIRECTORIES_TEMPLATE,
    ENTRA_REVIEWED,
    "azure-native 3.28.0's CIAMResourceSKUName (Standard, PremiumP1, PremiumP2) and CIAMResourceSKUTier (A0: 'the SKU tier used for all Azure AD for customers tenants')",
);

/** The initial domain of the tenant (`<prefix>.onmicrosoft.com`, `<prefix>.ciamlogin.com`): the CIAM resource's name. */
export const ENTRA_CIAM_DOMAIN_PREFIX = sourced(
    { maxLength: 26, pattern: /^[a-zA-Z0-9]{1,26}$/ } as const,
    CIAM_DIRECTORIES_TEMPLATE,
    ENTRA_REVIEWED,
    "Microsoft.AzureActiveDirectory/ciamDirectories@2023-05-17-preview: name Max length = 26, Pattern = ^[a-zA-Z0-9]{1,26}; the domain is global, so it must be unique across every Entra tenant",
);

/**
 * The OpenID Connect endpoints of an external tenant, `{tenantId}` the tenant's GUID. The
 * issuer is the tenant-GUID host (`iss` of every v2.0 token the tenant signs) and its keys are
 * published at the same host; the authorization and logout endpoints answer there too.
 */
export const ENTRA_CIAM_ENDPOINTS = sourced(
    {
        issuer: "https://{tenantId}.ciamlogin.com/{tenantId}/v2.0",
        jwks: "https://{tenantId}.ciamlogin.com/{tenantId}/discovery/v2.0/keys",
        authorize: "https://{tenantId}.ciamlogin.com/{tenantId}/oauth2/v2.0/authorize",
        logout: "https://{tenantId}.ciamlogin.com/{tenantId}/oauth2/v2.0/logout",
    } as const,
    EXTERNAL_TENANT_FEATURES,
    ENTRA_REVIEWED,
    "the page states the authority host form (<tenant>.ciamlogin.com); the issuer, JWKS and endpoint paths are those of the tenant's discovery document (https://{tenantId}.ciamlogin.com/{tenantId}/v2.0/.well-known/openid-configuration) as published integrations quote it: no Microsoft page listing them was read",
);

/** An endpoint of ENTRA_CIAM_ENDPOINTS for one tenant. */
export function entraCiamEndpoint(template: string, tenantId: string): string {
    return template.replaceAll("{tenantId}", tenantId);
}

/**
 * Microsoft Graph, whose `openid` and `offline_access` delegated permissions a sign-in client of
 * an external tenant must request, with admin consent: customers cannot consent themselves.
 */
export const MICROSOFT_GRAPH = sourced(
    {
        appId: "00000003-0000-0000-c000-000000000000",
        scopes: { openid: "37f7f235-527c-4136-accd-4a02d197296e", offline_access: "7427e0e9-2fba-42fe-b0c0-848c9e6a8182" },
    } as const,
    GRAPH_PERMISSIONS,
    ENTRA_REVIEWED,
    "the ids as every published app manifest requesting these scopes carries them; the reference page itself was not read here. External tenants allow only openid, offline_access, User.Read and the tenant's own APIs, admin-consented (concept-supported-features-customers)",
);

/**
 * What Conditional Access can do in an external tenant: include all users (exclude some), target
 * selected apps, grant by MFA or block; no session controls. Email one-time passcode is the
 * second factor (SMS is a paid add-on), and only for users whose first factor is email with
 * password.
 */
export const ENTRA_EXTERNAL_ID_MFA = sourced(
    { users: "All", grant: "mfa", operator: "OR", clientAppTypes: ["all"] } as const,
    EXTERNAL_TENANT_MFA,
    ENTRA_REVIEWED,
    "how-to-multifactor-authentication-customers: a Conditional Access policy (All users, selected apps, Grant access → Require multifactor authentication, On) plus the Email OTP authentication method enabled for all users; the Conditional Access table of concept-supported-features-customers lists no premium licence for it",
);

// Observability (components/azure/observability.ts).

const CONTAINER_INSIGHTS_DCR = "https://learn.microsoft.com/en-us/azure/azure-monitor/containers/container-insights-data-collection-configure";
const AVAILABILITY_TESTS = "https://github.com/MicrosoftDocs/azure-monitor-docs/blob/main/articles/azure-monitor/app/availability.md";
const LOG_ANALYTICS_CMK = "https://learn.microsoft.com/en-us/azure/azure-monitor/logs/customer-managed-keys";

/**
 * Container insights' streams, each landing in the table of the same name without the
 * `Microsoft-` prefix. Transformations need the streams named one by one: the Default group
 * stream cannot carry a transformKql.
 */
export const CONTAINER_INSIGHTS_STREAMS = sourced(
    {
        containerLogs: "Microsoft-ContainerLogV2",
        others: [
            "Microsoft-KubeEvents",
            "Microsoft-KubePodInventory",
            "Microsoft-KubeNodeInventory",
            "Microsoft-KubePVInventory",
            "Microsoft-KubeServices",
            "Microsoft-KubeMonAgentEvents",
            "Microsoft-InsightsMetrics",
            "Microsoft-ContainerInventory",
            "Microsoft-ContainerNodeInventory",
            "Microsoft-Perf",
        ],
    } as const,
    CONTAINER_INSIGHTS_DCR,
    "2026-12-08",
    "the stream list of the ContainerInsights extension as the page's DCR example and the transformations page give it; the page itself was not re-read in this session, so check the list against the DCR the portal creates",
);

/** The table a Container insights stream lands in. */
export function containerInsightsTable(stream: string): string {
    return stream.replace(/^Microsoft-/, "");
}

/**
 * Container insights settings of the extension: ContainerLogV2 (the schema transformations
 * work on), a one-minute interval, every namespace.
 */
export const CONTAINER_INSIGHTS_SETTINGS = sourced(
    { dataCollectionSettings: { interval: "1m", namespaceFilteringMode: "Off", enableContainerLogV2: true } } as const,
    CONTAINER_INSIGHTS_DCR,
    "2026-12-08",
    "extensionSettings.dataCollectionSettings of the ContainerInsights extension; not re-read in this session",
);

/**
 * Transformations run a restricted KQL: these are the functions the masking uses, all in the
 * supported list; replace_regex and replace_string are not in it.
 */
export const AZURE_TRANSFORM_KQL = sourced(
    { functions: ["tostring", "extract", "isempty", "iif", "indexof", "substring", "strcat", "parse_json"], operators: ["extend", "project-away"] } as const,
    "https://github.com/MicrosoftDocs/azure-monitor-docs/blob/main/articles/azure-monitor/data-collection/data-collection-transformations-kql.md",
    "2026-12-08",
    "the page's supported tabular operators and scalar functions; only single-row operators. Container insights transformations act on ContainerLogV2 only (container-insights-transformations)",
);

/**
 * Managed Prometheus for AKS, as Microsoft's onboarding template creates it: a data collection
 * endpoint and rule in the Azure Monitor workspace's region (the rule forwards the Prometheus
 * stream to the workspace) and the rule associated with the cluster. The cluster's
 * configuration endpoint association must be named `configurationAccessEndpoint`; the private
 * link setup puts that endpoint in the cluster's region.
 */
export const AKS_MANAGED_PROMETHEUS = sourced(
    {
        stream: "Microsoft-PrometheusMetrics",
        dataSourceName: "PrometheusDataSource",
        ruleAssociationName: "ContainerInsightsMetricsExtension",
        endpointAssociationName: "configurationAccessEndpoint",
    } as const,
    "https://github.com/Azure/prometheus-collector/blob/main/AddonBicepTemplate/FullAzureMonitorMetricsProfile.bicep",
    "2026-12-08",
    "the template: DCE and DCR MSProm-<workspace region>-<cluster> in the workspace's region, kind Linux, prometheusForwarder PrometheusDataSource on Microsoft-PrometheusMetrics to a monitoringAccounts destination; its rule association is named MSProm-<cluster region>-<cluster> (any name works for a rule association; ContainerInsightsMetricsExtension is the CLI's, not read here). configurationAccessEndpoint from Microsoft's private-link page for managed Prometheus",
);

/** Recording and alert rules of managed Prometheus evaluate every minute at the finest. */
export const PROMETHEUS_RULE_GROUP_INTERVAL = sourced(
    "PT1M",
    "https://github.com/Azure/prometheus-collector/blob/main/AddonBicepTemplate/FullAzureMonitorMetricsProfile.bicep",
    "2026-12-08",
    "the template's recording rule groups evaluate at PT1M, scoped to the Azure Monitor workspace with the cluster's name",
);

/**
 * Application Insights standard tests: every 5, 10 or 15 minutes (no 1-minute option), a
 * timeout of 30 to 120 seconds; with retries a location reports a failure only after three
 * successive failed attempts.
 */
export const AZURE_STANDARD_TEST = sourced(
    { frequencySeconds: [300, 600, 900], timeoutSeconds: 30, kind: "standard", failedAttemptsPerReport: 3 } as const,
    AVAILABILITY_TESTS,
    "2026-12-08",
    "retries: 'a failure is reported only if three successive attempts fail', applied at each location; default frequency five minutes; SSL certificate validity and proactive lifetime check are standard-test options. The 300/600/900 choices are the portal's and were not on the page read",
);

/**
 * Probe locations of availability tests (population ids, not region names), in North America
 * and Europe: five, the minimum Microsoft recommends; an alert fires when all but two fail.
 */
export const AZURE_AVAILABILITY_LOCATIONS = sourced<readonly { readonly id: string; readonly name: string }[]>(
    [
        { id: "us-va-ash-azr", name: "East US" },
        { id: "us-tx-sn1-azr", name: "South Central US" },
        { id: "us-il-ch1-azr", name: "North Central US" },
        { id: "emea-nl-ams-azr", name: "West Europe" },
        { id: "emea-gb-db3-azr", name: "North Europe" },
    ],
    AVAILABILITY_TESTS,
    "2026-12-08",
    "the page's 'Location population tags' table; 'minimum number of recommended test locations is five'; 'alert location threshold = number of test locations - 2, with a minimum of five test locations'",
);

/** Locations that may fail before the uptime alert fires: Microsoft's rule of all but two. */
export const AZURE_AVAILABILITY_LOCATIONS_SPARED = sourced(2, AVAILABILITY_TESTS, "2026-12-08", "alert location threshold = number of test locations - 2");

/** Application Insights metrics the SLO and uptime alerts read. */
export const APPLICATION_INSIGHTS_METRICS = {
    namespace: sourced("microsoft.insights/components", "https://learn.microsoft.com/en-us/azure/azure-monitor/reference/supported-metrics/microsoft-insights-components-metrics"),
    availabilityPercent: sourced("availabilityResults/availabilityPercentage", "https://learn.microsoft.com/en-us/azure/azure-monitor/reference/supported-metrics/microsoft-insights-components-metrics"),
    testNameDimension: sourced("availabilityResult/name", "https://learn.microsoft.com/en-us/azure/azure-monitor/reference/supported-metrics/microsoft-insights-components-metrics"),
} as const;

/** AKS platform metrics the dashboard charts (AKS_METRICS holds those the alarms read). */
export const AKS_DASHBOARD_METRICS = sourced(
    { nodeCpuPercent: "node_cpu_usage_percentage", nodeMemoryPercent: "node_memory_working_set_percentage", podsReady: "kube_pod_status_ready" } as const,
    "https://learn.microsoft.com/en-us/azure/azure-monitor/reference/supported-metrics/microsoft-containerservice-managedclusters-metrics",
    "2026-12-08",
    "listed names of the managedClusters platform metrics; not re-read in this session",
);

/**
 * Workbook items: 10 a metrics chart, 3 a log query; a metrics item's aggregation 4 is Average.
 * The gallery schema is not published as a reference: read from workbooks exported by the portal.
 */
export const AZURE_WORKBOOK_SCHEMA = sourced(
    { version: "Notebook/1.0", metricsItem: 10, queryItem: 3, metricsItemVersion: "MetricsItem/2.0", queryItemVersion: "KqlItem/1.0", averageAggregation: 4, maxAggregation: 3 } as const,
    UNVERIFIED,
    "2026-12-08",
    "from portal-exported workbook JSON seen in public templates; Microsoft does not document the item type numbers",
);

/**
 * Log Analytics encrypts with Microsoft-managed keys; a customer-managed key needs a dedicated
 * cluster (a commitment tier from 100 GB a day). Azure Monitor workspaces have no customer-managed key option.
 */
export const LOG_ANALYTICS_CUSTOMER_KEY = sourced(
    { dedicatedClusterMinimumGbPerDay: 100 } as const,
    LOG_ANALYTICS_CMK,
    "2026-12-08",
    "customer-managed keys are configured on a Log Analytics dedicated cluster, whose commitment tiers start at 100 GB/day; not re-read in this session",
);

/** Container insights transformation limits that shape the masking (ContainerLogV2 only). */
export const CONTAINER_INSIGHTS_MASKING = sourced(
    { table: "ContainerLogV2", column: "LogMessage" } as const,
    "https://learn.microsoft.com/en-us/azure/azure-monitor/reference/tables/containerlogv2",
    "2026-12-08",
    "the table reference: ingestion-time transformation supported; LogMessage is dynamic, so the transform masks its text form and converts back",
);

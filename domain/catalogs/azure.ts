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

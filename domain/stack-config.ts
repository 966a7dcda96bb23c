/**
 * The vocabulary of a stack and the typed, validated stack config the program runs on.
 * SDK-free: config/ produces a StackConfig, program/ hands parts of it to components, and
 * the capability tables and components speak these types.
 */
import type { IdentitySettings } from "./capabilities/identity";
import type { ObservabilitySettings } from "./capabilities/observability";
import type { AppColour, AppHosts, AppImages, AppService, ProbePaths, ReplicaBounds } from "./capabilities/app";
import type { Cloud } from "./clouds";

export const PROJECT = "gravitypm";
export const ENVIRONMENTS = ["staging", "prod"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];
export const SIZES = ["small", "medium", "large", "xlarge"] as const;
export type Size = (typeof SIZES)[number];
export const DATABASE_ENGINES = ["native", "atlas"] as const;
export type DatabaseEngine = (typeof DATABASE_ENGINES)[number];
export const EDGE_PROVIDERS = ["native", "cloudflare"] as const;
export type EdgeProvider = (typeof EDGE_PROVIDERS)[number];
export const CACHE_ENGINES = ["redis", "valkey"] as const;
export type CacheEngine = (typeof CACHE_ENGINES)[number];
export const CACHE_PERSISTENCE = ["none", "rdb", "aof"] as const;
export type CachePersistence = (typeof CACHE_PERSISTENCE)[number];

/** Every key of the `gravitypm:` namespace; Pulumi.yaml declares the same keys, config/schema.ts
 * gives each its schema and stacks/profiles.ts the defaults. */
export const CONFIG_KEYS = [
    "cloud",
    "environment",
    "awsRegion",
    "awsDrRegion",
    "gcpRegion",
    "gcpDrRegion",
    "azureRegion",
    "azureDrRegion",
    "gcpProject",
    "zoneCount",
    "networkCidr",
    "drNetworkCidr",
    "databaseEngine",
    "edgeProvider",
    "domain",
    "alertEmails",
    "alertWebhookUrl",
    "backupRetentionDays",
    "logRetentionDays",
    "rpoMinutes",
    "rtoMinutes",
    "owner",
    "costCentre",
    "databaseSize",
    "databaseNodes",
    "databaseReadReplicas",
    "databaseShards",
    "databaseStorageGb",
    "databasePointInTimeRecovery",
    "cacheEngine",
    "cacheSize",
    "cacheShards",
    "cacheReplicasPerShard",
    "cachePersistence",
    "cacheSnapshotRetentionDays",
    "clusterNodeSize",
    "clusterMinNodes",
    "clusterMaxNodes",
    "clusterDrMinNodes",
    "clusterKubernetesVersion",
    "clusterEndpoint",
    "clusterAuthorizedCidrs",
    "clusterMaintenanceWindow",
    "auditLogRetentionDays",
    "threatDetection",
    "ownsAccountSingletons",
    "appActiveColour",
    "appImages",
    "appBackendMinReplicas",
    "appBackendMaxReplicas",
    "appFrontendMinReplicas",
    "appFrontendMaxReplicas",
    "appDrMinReplicas",
    "appBackendReadinessPath",
    "appBackendLivenessPath",
    "appFrontendReadinessPath",
    "appFrontendLivenessPath",
    "appHostname",
    "apiHostname",
    "staticHostname",
    "dnsZone",
    "identityProvider",
    "identityMfa",
    "identityPasswordMinLength",
    "identityPasswordComplexity",
    "identityLockoutThreshold",
    "identityAccessTokenMinutes",
    "identityRefreshTokenDays",
    "identityCallbackUrls",
    "identityLogoutUrls",
    "identityHostname",
    "auth0Domain",
    "sloAvailabilityPercent",
    "sloLatencyP95Ms",
    "sentryOrganization",
    "sentryTeam",
    "atlasOrgId",
    "atlasAzureServicePrincipalId",
    "cloudflareAccountId",
    "cloudflareZoneId",
    "usageLogGbPerMonth",
    "usageFlowLogGbPerMonth",
    "usageAuditLogGbPerMonth",
    "usageAuditEventsPerMonth",
    "usageNatGbPerMonth",
    "usageEdgeGbPerMonth",
    "usageEdgeRequestsPerMonth",
    "usageMonthlyActiveUsers",
] as const;
export type ConfigKey = (typeof CONFIG_KEYS)[number];

/**
 * What setting a key does, declared once: "plan" when the key shapes the plan (on the cloud,
 * engine or edge provider it belongs to); "compare" when it only feeds the cost estimate of
 * `compare` (a usage assumption: the plan is the same whatever its value); or why it has no
 * effect yet. A stack that sets a not-yet key is told so in a plan note rather than left to
 * believe it took effect (tests/config-keys.test.ts holds every key to its declaration).
 */
export type ConfigKeyEffect = "plan" | "compare" | { readonly notYet: string };

const NO_EDGE = "the Edge component (CDN, DNS records, certificate) is not built";

export const CONFIG_KEY_EFFECTS: Readonly<Record<ConfigKey, ConfigKeyEffect>> = {
    cloud: "plan",
    environment: "plan",
    awsRegion: "plan",
    awsDrRegion: "plan",
    gcpRegion: "plan",
    gcpDrRegion: "plan",
    azureRegion: "plan",
    azureDrRegion: "plan",
    gcpProject: "plan",
    zoneCount: "plan",
    networkCidr: "plan",
    drNetworkCidr: "plan",
    databaseEngine: "plan",
    edgeProvider: { notYet: NO_EDGE },
    domain: "plan",
    alertEmails: "plan",
    alertWebhookUrl: "plan",
    backupRetentionDays: "plan",
    logRetentionDays: "plan",
    rpoMinutes: "plan",
    rtoMinutes: "plan",
    owner: "plan",
    costCentre: "plan",
    databaseSize: "plan",
    databaseNodes: "plan",
    databaseReadReplicas: "plan",
    databaseShards: "plan",
    databaseStorageGb: "plan",
    databasePointInTimeRecovery: "plan",
    cacheEngine: "plan",
    cacheSize: "plan",
    cacheShards: "plan",
    cacheReplicasPerShard: "plan",
    cachePersistence: "plan",
    cacheSnapshotRetentionDays: "plan",
    clusterNodeSize: "plan",
    clusterMinNodes: "plan",
    clusterMaxNodes: "plan",
    clusterDrMinNodes: "plan",
    clusterKubernetesVersion: "plan",
    clusterEndpoint: "plan",
    clusterAuthorizedCidrs: "plan",
    clusterMaintenanceWindow: "plan",
    auditLogRetentionDays: "plan",
    threatDetection: "plan",
    ownsAccountSingletons: "plan",
    appActiveColour: "plan",
    appImages: "plan",
    appBackendMinReplicas: "plan",
    appBackendMaxReplicas: "plan",
    appFrontendMinReplicas: "plan",
    appFrontendMaxReplicas: "plan",
    appDrMinReplicas: "plan",
    appBackendReadinessPath: "plan",
    appBackendLivenessPath: "plan",
    appFrontendReadinessPath: "plan",
    appFrontendLivenessPath: "plan",
    appHostname: "plan",
    apiHostname: "plan",
    staticHostname: "plan",
    dnsZone: "plan",
    identityProvider: "plan",
    identityMfa: "plan",
    identityPasswordMinLength: "plan",
    identityPasswordComplexity: "plan",
    identityLockoutThreshold: "plan",
    identityAccessTokenMinutes: "plan",
    identityRefreshTokenDays: "plan",
    identityCallbackUrls: "plan",
    identityLogoutUrls: "plan",
    identityHostname: "plan",
    auth0Domain: "plan",
    sloAvailabilityPercent: "plan",
    sloLatencyP95Ms: "plan",
    sentryOrganization: "plan",
    sentryTeam: "plan",
    atlasOrgId: "plan",
    atlasAzureServicePrincipalId: "plan",
    cloudflareAccountId: { notYet: NO_EDGE },
    cloudflareZoneId: { notYet: NO_EDGE },
    usageLogGbPerMonth: "compare",
    usageFlowLogGbPerMonth: "compare",
    usageAuditLogGbPerMonth: "compare",
    usageAuditEventsPerMonth: "compare",
    usageNatGbPerMonth: "compare",
    usageEdgeGbPerMonth: "compare",
    usageEdgeRequestsPerMonth: "compare",
    usageMonthlyActiveUsers: "compare",
};

/** The plan notes for the keys a stack sets that have no effect yet: one per reason. */
export function noEffectNotes(keys: Iterable<ConfigKey>): string[] {
    const byReason = new Map<string, string[]>();
    for (const key of new Set(keys)) {
        const effect = CONFIG_KEY_EFFECTS[key];
        if (typeof effect === "object") byReason.set(effect.notYet, [...(byReason.get(effect.notYet) ?? []), `${PROJECT}:${key}`]);
    }
    return [...byReason].map(([why, names]) =>
        names.length === 1 ? `${names[0]} has no effect yet: ${why}` : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]} have no effect yet: ${why}`,
    );
}

/** Backup retention bounds: 7 days is the floor we promise; 35 is the longest point-in-time
 * window DocumentDB and Cosmos DB vCore keep, and the AWS Backup vault lock maximum we use. */
export const MIN_BACKUP_RETENTION_DAYS = 7;
export const MAX_BACKUP_RETENTION_DAYS = 35;

/** The fewest zones prod may span: three where the region has them, never fewer than two. */
export const PROD_MIN_ZONES = 3;

/** A placement of the platform: one region, its zones and its network range. */
export interface RegionPlacement {
    readonly region: string;
    /** The zones used, in order; at least two. */
    readonly zones: readonly string[];
    readonly cidr: string;
}

export interface DatabaseSettings {
    readonly engine: DatabaseEngine;
    readonly size: Size;
    /** Voting members (instances) in the primary region. */
    readonly nodes: number;
    readonly readReplicas: number;
    /** 1 = a replica set; more = a sharded cluster. */
    readonly shards: number;
    readonly storageGb: number;
    readonly pointInTimeRecovery: boolean;
}

export interface CacheSettings {
    readonly engine: CacheEngine;
    readonly size: Size;
    readonly shards: number;
    readonly replicasPerShard: number;
    readonly persistence: CachePersistence;
    readonly snapshotRetentionDays: number;
}

export const CLUSTER_ENDPOINTS = ["private", "restricted"] as const;
/** `private`: the Kubernetes API answers only inside the network; `restricted`: it also answers
 * on a public endpoint, to the authorised CIDRs only. */
export type ClusterEndpoint = (typeof CLUSTER_ENDPOINTS)[number];

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A weekly maintenance window in UTC; its length comes from the cluster capability table. */
export interface MaintenanceWindow {
    readonly day: Weekday;
    readonly startHourUtc: number;
}

export interface ClusterSettings {
    readonly nodeSize: Size;
    /** Node-count bounds of the app node pool, totals across its zones. */
    readonly minNodes: number;
    readonly maxNodes: number;
    /** The DR standby's minimum (prod); it scales to `maxNodes` on failover. */
    readonly drMinNodes: number;
    /** Kubernetes minor version, e.g. "1.33". */
    readonly kubernetesVersion: string;
    readonly endpoint: ClusterEndpoint;
    /** Who may reach a `restricted` endpoint; empty for `private`. */
    readonly authorizedCidrs: readonly string[];
    readonly maintenanceWindow: MaintenanceWindow;
}

/** The platform's audit trail and threat detection. */
export interface SecuritySettings {
    /** Days audit logs are kept; at least {@link PROD_MIN_AUDIT_RETENTION_DAYS} in prod. */
    readonly auditLogRetentionDays: number;
    readonly threatDetection: boolean;
    /** Whether this stack creates the account- or subscription-wide singletons (GuardDuty
     * detector, Defender plans, the subscription's activity-log export). */
    readonly ownsAccountSingletons: boolean;
}

/** A year of audit history: what incident investigations and most audit regimes ask for. */
export const PROD_MIN_AUDIT_RETENTION_DAYS = 365;

/** GravityPM on the cluster: what is released, where it answers, and how far it scales. */
export interface AppSettings {
    /** The colour the stable Services select; the other is the preview. */
    readonly activeColour: AppColour;
    /** Each service's repository and each colour's image (an idle colour without one runs the active's). */
    readonly images: AppImages;
    /** Autoscaling bounds per service, identical for both colours so the idle one can take all traffic at once. */
    readonly replicas: Readonly<Record<AppService, ReplicaBounds>>;
    /** The DR cluster's minimum per service and colour (prod); it scales to the primary's maximum on failover. */
    readonly drMinReplicas: number;
    readonly probes: Readonly<Record<AppService, ProbePaths>>;
    readonly hosts: AppHosts;
}

/**
 * Usage the cost estimate cannot read from a plan, the same on every cloud so the clouds are
 * compared on one workload. Feeds `compare` only: no resource depends on it.
 */
export interface UsageSettings {
    /** Logs ingested a month across the stack (cluster, database, cache and audit logs). */
    readonly logGbPerMonth: number;
    /** Flow logs each network produces a month. */
    readonly flowLogGbPerMonth: number;
    /** Audit trail written to archive storage a month. */
    readonly auditLogGbPerMonth: number;
    /** Cloud and Kubernetes API calls audited a month. */
    readonly auditEventsPerMonth: number;
    /** Traffic through each NAT gateway a month. */
    readonly natGbPerMonth: number;
    /** Traffic and requests served at the edge a month. */
    readonly edgeGbPerMonth: number;
    readonly edgeRequestsPerMonth: number;
    /** Users who sign in at least once a month. */
    readonly monthlyActiveUsers: number;
}

export interface StackConfig {
    readonly project: string;
    readonly stack: string;
    readonly cloud: Cloud;
    readonly environment: Environment;
    readonly isProd: boolean;
    readonly primary: RegionPlacement;
    /** The disaster-recovery region; always present in prod. */
    readonly dr?: RegionPlacement;
    /** GCP project that hosts the stack (GCP only). */
    readonly gcpProject?: string;
    readonly edgeProvider: EdgeProvider;
    readonly domain: string;
    readonly alertEmails: readonly string[];
    readonly alertWebhookUrl?: string;
    readonly backupRetentionDays: number;
    readonly logRetentionDays: number;
    readonly rpoMinutes: number;
    readonly rtoMinutes: number;
    readonly owner: string;
    readonly costCentre: string;
    readonly database: DatabaseSettings;
    readonly cache: CacheSettings;
    readonly cluster: ClusterSettings;
    readonly app: AppSettings;
    readonly security: SecuritySettings;
    /** Usage assumptions for `compare`'s cost estimate. */
    readonly usage: UsageSettings;
    readonly identity: IdentitySettings;
    readonly observability: ObservabilitySettings;
    readonly atlasOrgId?: string;
    /** Object id of MongoDB Atlas's service principal in the stack's Azure tenant (Atlas on Azure). */
    readonly atlasAzureServicePrincipalId?: string;
    readonly cloudflareAccountId?: string;
    readonly cloudflareZoneId?: string;
    /** The standard tags every taggable resource carries (see domain/tags.ts). */
    readonly tags: Readonly<Record<string, string>>;
}

/**
 * Capability parity: for each operations capability, how each cloud provides it — natively,
 * through a provider-neutral service (MongoDB Atlas, Cloudflare, Sentry), only by building
 * it ourselves, or not at all — and whether this plan actually contains it.
 *
 * The availability column is what the clouds offer (capability-map.md, checked against the
 * SDKs); `inPlan` is read from the plan, so it grows as components land.
 */
import type { Cloud } from "../../domain/clouds";
import type { Plan } from "../plan/types";
import { atlasRegionConfigs, countOf, hasManagedRedisGeoReplication, hasMemorystoreCrossClusterReplication } from "./plan-queries";

export type Availability = "native" | "neutral" | "self-built" | "none";

export interface Capability {
    readonly id: string;
    readonly label: string;
    readonly availability: Readonly<Record<Cloud, Availability>>;
    /** Any of these type tokens in a plan means the plan delivers the capability. */
    readonly evidence: readonly string[];
    /** A finer check on the plan when a token alone does not prove it. */
    readonly inPlan?: (plan: Plan) => boolean;
    readonly note?: string;
}

function atlasRegions(plan: Plan): number {
    const regions = new Set<string>();
    for (const cluster of plan.resources.filter((x) => x.type === "mongodbatlas:index/advancedCluster:AdvancedCluster")) {
        for (const rc of atlasRegionConfigs(cluster)) {
            if (typeof rc.regionName === "string") regions.add(rc.regionName);
        }
    }
    return regions.size;
}

/** Each cloud runs it as a managed service of its own. */
const NATIVE_EVERYWHERE: Readonly<Record<Cloud, Availability>> = { aws: "native", gcp: "native", azure: "native" };

/** The edge security policy of each cloud (and Cloudflare's rulesets): one policy carries both
 * the WAF's managed rules and the rate limits. */
const EDGE_SECURITY_POLICIES = ["aws:wafv2/webAcl:WebAcl", "gcp:compute/securityPolicy:SecurityPolicy", "azure-native:frontdoor:Policy", "cloudflare:index/ruleset:Ruleset"];

export const CAPABILITIES: readonly Capability[] = [
    {
        id: "db-ha",
        label: "MongoDB-compatible database, multi-zone HA",
        availability: { aws: "native", gcp: "neutral", azure: "native" },
        evidence: ["aws:docdb/clusterInstance:ClusterInstance", "azure-native:mongocluster:MongoCluster", "mongodbatlas:index/advancedCluster:AdvancedCluster"],
        inPlan: (p) =>
            countOf(p, "aws:docdb/clusterInstance:ClusterInstance") >= 2 ||
            p.resources.some((r) => r.type === "azure-native:mongocluster:MongoCluster" && JSON.stringify(r.inputs).includes("ZoneRedundant")) ||
            countOf(p, "mongodbatlas:index/advancedCluster:AdvancedCluster") > 0,
        note: "GCP has no managed MongoDB: Atlas on GCP",
    },
    {
        id: "db-dr",
        label: "Database replica in the DR region",
        availability: { aws: "native", gcp: "neutral", azure: "native" },
        evidence: ["aws:docdb/globalCluster:GlobalCluster", "azure-native:mongocluster:MongoCluster", "mongodbatlas:index/advancedCluster:AdvancedCluster"],
        inPlan: (p) => countOf(p, "aws:docdb/globalCluster:GlobalCluster") > 0 || countOf(p, "azure-native:mongocluster:MongoCluster") >= 2 || atlasRegions(p) >= 2,
    },
    {
        id: "db-sharding",
        label: "Database sharding",
        availability: { aws: "native", gcp: "neutral", azure: "native" },
        evidence: ["aws:docdb/elasticCluster:ElasticCluster", "azure-native:mongocluster:MongoCluster", "mongodbatlas:index/advancedCluster:AdvancedCluster"],
        inPlan: (p) =>
            countOf(p, "aws:docdb/elasticCluster:ElasticCluster") > 0 ||
            p.resources.some((r) => JSON.stringify(r.inputs).includes('"clusterType":"SHARDED"') || /"shardCount":([2-9]|\d\d)/.test(JSON.stringify(r.inputs))),
        note: "DocumentDB shards only as an Elastic cluster (a different resource)",
    },
    {
        id: "cache-ha",
        label: "Redis with automatic failover",
        availability: NATIVE_EVERYWHERE,
        evidence: [
            "aws:elasticache/replicationGroup:ReplicationGroup",
            "gcp:redis/instance:Instance",
            "gcp:redis/cluster:Cluster",
            "azure-native:redis:Redis",
            "azure-native:redisenterprise:RedisEnterprise",
        ],
        inPlan: (p) =>
            p.resources.some(
                (r) =>
                    r.inputs.automaticFailoverEnabled === true ||
                    r.inputs.tier === "STANDARD_HA" ||
                    r.type === "gcp:redis/cluster:Cluster" ||
                    (r.type === "azure-native:redis:Redis" && Array.isArray(r.inputs.zones)) ||
                    (r.type === "azure-native:redisenterprise:RedisEnterprise" && r.inputs.highAvailability === "Enabled"),
            ),
    },
    {
        id: "cache-cluster",
        label: "Redis cluster mode (sharding)",
        availability: NATIVE_EVERYWHERE,
        evidence: ["gcp:redis/cluster:Cluster"],
        inPlan: (p) => p.resources.some((r) => r.inputs.clusterMode === "enabled" || r.type === "gcp:redis/cluster:Cluster" || (typeof r.inputs.shardCount === "number" && r.inputs.shardCount > 1)),
    },
    {
        id: "cache-dr",
        label: "Redis replica in the DR region",
        availability: NATIVE_EVERYWHERE,
        evidence: [
            "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup",
            "azure-native:redis:LinkedServer",
            "azure-native:redisenterprise:Database",
            "gcp:redis/cluster:Cluster",
        ],
        inPlan: (p) =>
            countOf(p, "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup") > 0 ||
            countOf(p, "azure-native:redis:LinkedServer") > 0 ||
            hasManagedRedisGeoReplication(p) ||
            hasMemorystoreCrossClusterReplication(p),
        note: "GCP: only Memorystore Cluster replicates across regions, not a Memorystore instance",
    },
    {
        id: "cmk",
        label: "Customer-managed keys with rotation",
        availability: NATIVE_EVERYWHERE,
        evidence: ["aws:kms/key:Key", "gcp:kms/cryptoKey:CryptoKey", "azure-native:keyvault:Key"],
    },
    {
        id: "flow-logs",
        label: "Network flow logs",
        availability: NATIVE_EVERYWHERE,
        evidence: ["aws:ec2/flowLog:FlowLog", "gcp:compute/subnetwork:Subnetwork", "azure-native:network:FlowLog"],
        inPlan: (p) => p.resources.some((r) => r.type === "aws:ec2/flowLog:FlowLog" || r.type === "azure-native:network:FlowLog" || (r.type === "gcp:compute/subnetwork:Subnetwork" && r.inputs.logConfig !== undefined)),
    },
    {
        id: "k8s",
        label: "Managed Kubernetes with node autoscaling",
        availability: NATIVE_EVERYWHERE,
        evidence: ["aws:eks/cluster:Cluster", "gcp:container/cluster:Cluster", "azure-native:containerservice:ManagedCluster"],
    },
    {
        id: "cdn",
        label: "CDN with caching and compression",
        availability: NATIVE_EVERYWHERE,
        evidence: ["aws:cloudfront/distribution:Distribution", "gcp:compute/backendBucket:BackendBucket", "azure-native:cdn:AFDEndpoint", "cloudflare:index/ruleset:Ruleset"],
    },
    {
        id: "waf",
        label: "WAF with managed rules",
        availability: NATIVE_EVERYWHERE,
        evidence: EDGE_SECURITY_POLICIES,
    },
    {
        id: "rate-limit",
        label: "Edge rate limiting",
        availability: NATIVE_EVERYWHERE,
        evidence: EDGE_SECURITY_POLICIES,
    },
    {
        id: "backup-vault",
        label: "Immutable backup vault with cross-region copy",
        availability: NATIVE_EVERYWHERE,
        evidence: ["aws:backup/vault:Vault", "gcp:backupdisasterrecovery/backupVault:BackupVault", "azure-native:dataprotection:BackupVault", "mongodbatlas:index/cloudBackupSchedule:CloudBackupSchedule"],
    },
    {
        id: "restore-testing",
        label: "Scheduled restore testing",
        availability: { aws: "native", gcp: "self-built", azure: "self-built" },
        evidence: ["aws:backup/restoreTestingPlan:RestoreTestingPlan", "mongodbatlas:index/cloudBackupSnapshotRestoreJob:CloudBackupSnapshotRestoreJob"],
        note: "GCP and Azure: a scheduled job (Cloud Run job, Container Apps job) that restores and checks, to be built by the backup component",
    },
    {
        id: "identity",
        label: "User identity: OAuth 2.0, MFA, password policy, lockout",
        availability: NATIVE_EVERYWHERE,
        evidence: ["aws:cognito/userPool:UserPool", "gcp:identityplatform/config:Config", "azure-native:azureactivedirectory:CIAMTenant"],
        note: "GCP Identity Platform has no password-policy field",
    },
    {
        id: "alerts",
        label: "Alert routing to email and webhook",
        availability: NATIVE_EVERYWHERE,
        evidence: ["aws:sns/topic:Topic", "gcp:monitoring/notificationChannel:NotificationChannel", "azure-native:monitor:ActionGroup"],
    },
];

export interface ParityCell {
    readonly availability: Availability;
    readonly inPlan: boolean;
    /** How the plan delivers it: through the cloud's own service or a neutral provider. */
    readonly via?: "native" | "neutral";
}

const NEUTRAL_PACKAGES = ["mongodbatlas:", "cloudflare:", "sentry:"];

export function parity(capability: Capability, cloud: Cloud, plan: Plan): ParityCell {
    const evidence = plan.resources.filter((r) => capability.evidence.includes(r.type));
    const inPlan = evidence.length > 0 && (capability.inPlan ? capability.inPlan(plan) : true);
    const neutral = evidence.some((r) => NEUTRAL_PACKAGES.some((n) => r.type.startsWith(n)));
    return { availability: capability.availability[cloud], inPlan, via: inPlan ? (neutral ? "neutral" : "native") : undefined };
}

/**
 * Monthly cost estimate of a plan, from list prices kept here with their source and date.
 *
 * Assumptions (stated in every report): on-demand list prices in the reference regions
 * (AWS us-east-1, GCP us-central1, Azure eastus, Atlas on the stack's cloud) — other
 * regions differ by roughly ±10–30 %; 730 hours a month; per network 100 GB a month through
 * NAT and 20 GB a month of flow logs; database storage as configured; no reserved or
 * committed-use discounts; no data transfer to the internet. A price we do not know is
 * reported as unknown, never as 0; resources that carry no charge of their own are listed
 * in NO_CHARGE with the reason.
 *
 * `checked` says how far a figure was verified: "stored copy" = read on the provider's or
 * a billing analyst's published page on the date given; "list price" = the provider's
 * published rate as last known to us on that date and not re-read since: verify before a
 * purchase decision.
 */
import type { PlannedResource } from "../plan/types";

export const HOURS_PER_MONTH = 730;
export const NAT_GB_PER_MONTH = 100;
export const FLOW_LOG_GB_PER_MONTH = 20;
/** Images kept per registry repository (two app images, a few releases each). */
export const REGISTRY_GB = 10;
/** Control-plane and container logs a cluster sends to its log store each month. */
export const CLUSTER_LOG_GB_PER_MONTH = 20;
/** Traffic through each interface endpoint (secrets, keys, tokens, logs, image pulls). */
export const VPC_ENDPOINT_GB_PER_MONTH = 10;
/** Size of the stored cache exports (one RDB a day, versions kept for the retention). */
export const CACHE_EXPORT_GB = 10;

export interface Price {
    readonly usd: number;
    readonly per: "hour" | "month" | "GB" | "GB-month" | "GB-hour";
    readonly source: string;
    readonly asOf: string;
    readonly checked: "stored copy" | "list price";
}

const p = (usd: number, per: Price["per"], source: string, asOf: string, checked: Price["checked"] = "list price"): Price => ({ usd, per, source, asOf, checked });

const AWS_VPC = "https://aws.amazon.com/vpc/pricing/";
const AWS_DOCDB = "https://aws.amazon.com/documentdb/pricing/";
const AWS_CACHE = "https://aws.amazon.com/elasticache/pricing/";
const GCP_NAT = "https://cloud.google.com/nat/pricing";
const GCP_REDIS = "https://cloud.google.com/memorystore/docs/redis/pricing";
const AZ_NAT = "https://azure.microsoft.com/pricing/details/azure-nat-gateway/";
const AZ_IP = "https://azure.microsoft.com/pricing/details/ip-addresses/";
const AZ_REDIS = "https://azure.microsoft.com/pricing/details/cache/";
const ATLAS = "https://www.mongodb.com/pricing";

export const PRICES = {
    awsNatHour: p(0.045, "hour", AWS_VPC, "2025-01"),
    awsNatGb: p(0.045, "GB", AWS_VPC, "2025-01"),
    awsPublicIpv4Hour: p(0.005, "hour", AWS_VPC, "2024-02"),
    awsKmsKeyMonth: p(1, "month", "https://aws.amazon.com/kms/pricing/", "2025-01"),
    /** Per interface endpoint per zone it has a network interface in; data processed is billed per GB. */
    awsInterfaceEndpointHour: p(0.01, "hour", "https://aws.amazon.com/privatelink/pricing/", "2026-12"),
    awsInterfaceEndpointGb: p(0.01, "GB", "https://aws.amazon.com/privatelink/pricing/", "2026-12", "stored copy"),
    awsLogsIngestGb: p(0.5, "GB", "https://aws.amazon.com/cloudwatch/pricing/", "2025-01"),
    awsLogsStoreGbMonth: p(0.03, "GB-month", "https://aws.amazon.com/cloudwatch/pricing/", "2025-01"),
    awsAlarmMonth: p(0.1, "month", "https://aws.amazon.com/cloudwatch/pricing/", "2025-01"),
    /** A custom metric (what a log metric filter publishes), first 10,000 metrics tier. */
    awsCustomMetricMonth: p(0.3, "month", "https://aws.amazon.com/cloudwatch/pricing/", "2025-01"),
    awsSecretMonth: p(0.4, "month", "https://aws.amazon.com/secrets-manager/pricing/", "2025-01"),
    awsEksClusterHour: p(0.1, "hour", "https://aws.amazon.com/eks/pricing/", "2025-01"),
    /** EKS node instances (on-demand, Linux, us-east-1). */
    awsEc2InstanceHour: {
        "m7i.large": p(0.1008, "hour", "https://aws.amazon.com/ec2/pricing/on-demand/", "2026-12"),
        "m7i.xlarge": p(0.2016, "hour", "https://aws.amazon.com/ec2/pricing/on-demand/", "2026-12"),
        "m7i.2xlarge": p(0.4032, "hour", "https://aws.amazon.com/ec2/pricing/on-demand/", "2026-12"),
        "m7i.4xlarge": p(0.8064, "hour", "https://aws.amazon.com/ec2/pricing/on-demand/", "2026-12"),
    } as Record<string, Price>,
    awsEcrStorageGbMonth: p(0.1, "GB-month", "https://aws.amazon.com/ecr/pricing/", "2026-12"),
    awsDocdbStorageGbMonth: p(0.1, "GB-month", AWS_DOCDB, "2026-06", "stored copy"),
    awsDocdbInstanceHour: {
        "db.t4g.medium": p(0.073, "hour", AWS_DOCDB, "2025-01"),
        "db.r6g.large": p(0.277, "hour", AWS_DOCDB, "2025-01"),
        "db.r6g.xlarge": p(0.554, "hour", AWS_DOCDB, "2025-01"),
        "db.r6g.2xlarge": p(1.108, "hour", AWS_DOCDB, "2025-01"),
        "db.r6g.4xlarge": p(2.216, "hour", AWS_DOCDB, "2025-01"),
    } as Record<string, Price>,
    awsCacheNodeHour: {
        "cache.t4g.micro": p(0.016, "hour", AWS_CACHE, "2025-01"),
        "cache.t4g.small": p(0.032, "hour", AWS_CACHE, "2025-01"),
        "cache.t4g.medium": p(0.065, "hour", AWS_CACHE, "2025-01"),
        "cache.m7g.large": p(0.158, "hour", AWS_CACHE, "2025-01"),
        "cache.r7g.large": p(0.219, "hour", AWS_CACHE, "2025-01"),
        "cache.r7g.xlarge": p(0.437, "hour", AWS_CACHE, "2025-01"),
        "cache.r7g.2xlarge": p(0.873, "hour", AWS_CACHE, "2025-01"),
        "cache.r7g.4xlarge": p(1.745, "hour", AWS_CACHE, "2025-01"),
    } as Record<string, Price>,
    gcpNatVmHour: p(0.0014, "hour", GCP_NAT, "2025-01"),
    gcpNatGb: p(0.045, "GB", GCP_NAT, "2025-01"),
    gcpExternalIpHour: p(0.005, "hour", "https://cloud.google.com/vpc/network-pricing", "2025-01"),
    gcpKmsKeyVersionMonth: p(0.06, "month", "https://cloud.google.com/kms/pricing", "2025-01"),
    gcpLoggingGb: p(0.5, "GB", "https://cloud.google.com/stackdriver/pricing", "2025-01"),
    gcpSecretVersionMonth: p(0.06, "month", "https://cloud.google.com/secret-manager/pricing", "2025-01"),
    gcpRedisGbHour: {
        BASIC: p(0.049, "GB-hour", GCP_REDIS, "2025-01"),
        STANDARD_HA: p(0.064, "GB-hour", GCP_REDIS, "2025-01"),
    } as Record<string, Price>,
    gcpGkeClusterHour: p(0.1, "hour", "https://cloud.google.com/kubernetes-engine/pricing", "2025-01"),
    /** GKE node machines (on-demand, us-central1). */
    gcpMachineHour: {
        "e2-standard-2": p(0.067006, "hour", "https://cloud.google.com/compute/vm-instance-pricing", "2026-12"),
        "e2-standard-4": p(0.134012, "hour", "https://cloud.google.com/compute/vm-instance-pricing", "2026-12"),
        "e2-standard-8": p(0.268024, "hour", "https://cloud.google.com/compute/vm-instance-pricing", "2026-12"),
        "e2-standard-16": p(0.536048, "hour", "https://cloud.google.com/compute/vm-instance-pricing", "2026-12"),
    } as Record<string, Price>,
    gcpArtifactStorageGbMonth: p(0.1, "GB-month", "https://cloud.google.com/artifact-registry/pricing", "2026-12"),
    gcpLoggingIngestGb: p(0.5, "GB", "https://cloud.google.com/stackdriver/pricing", "2026-12"),
    gcpPscEndpointHour: p(0.01, "hour", "https://cloud.google.com/vpc/pricing#psc-forwarding-rules", "2025-01"),
    gcpStorageGbMonth: p(0.02, "GB-month", "https://cloud.google.com/storage/pricing", "2025-01"),
    gcpSchedulerJobMonth: p(0.1, "month", "https://cloud.google.com/scheduler/pricing", "2025-01"),
    azNatHour: p(0.045, "hour", AZ_NAT, "2025-01"),
    azNatGb: p(0.045, "GB", AZ_NAT, "2025-01"),
    azPublicIpHour: p(0.005, "hour", AZ_IP, "2025-01"),
    azHsmKeyMonth: p(1, "month", "https://azure.microsoft.com/pricing/details/key-vault/", "2025-01"),
    azStorageGbMonth: p(0.0208, "GB-month", "https://azure.microsoft.com/pricing/details/storage/blobs/", "2025-01"),
    azPrivateEndpointHour: p(0.01, "hour", "https://azure.microsoft.com/pricing/details/private-link/", "2025-01"),
    azMetricAlertMonth: p(0.1, "month", "https://azure.microsoft.com/pricing/details/monitor/", "2025-01"),
    /** A log search alert rule evaluated every 5 minutes (15 min: $0.50, 1 min: $3.00), per monitored time series. */
    azLogAlertFiveMinuteMonth: p(1.5, "month", "https://azure.microsoft.com/pricing/details/monitor/", "2025-01"),
    azAksStandardHour: p(0.1, "hour", "https://azure.microsoft.com/pricing/details/kubernetes-service/", "2025-01"),
    /** AKS node VMs (pay as you go, Linux, East US). */
    azVmHour: {
        Standard_D2s_v5: p(0.096, "hour", "https://azure.microsoft.com/pricing/details/virtual-machines/linux/", "2026-12"),
        Standard_D4s_v5: p(0.192, "hour", "https://azure.microsoft.com/pricing/details/virtual-machines/linux/", "2026-12"),
        Standard_D8s_v5: p(0.384, "hour", "https://azure.microsoft.com/pricing/details/virtual-machines/linux/", "2026-12"),
        Standard_D16s_v5: p(0.768, "hour", "https://azure.microsoft.com/pricing/details/virtual-machines/linux/", "2026-12"),
    } as Record<string, Price>,
    /** ACR Premium: a daily rate per registry, and the same per geo-replicated region. */
    azAcrPremiumMonth: p(50.0, "month", "https://azure.microsoft.com/pricing/details/container-registry/", "2026-12"),
    azLogAnalyticsIngestGb: p(2.3, "GB", "https://azure.microsoft.com/pricing/details/monitor/", "2026-12"),
    azRedisHour: {
        P1: p(0.554, "hour", AZ_REDIS, "2025-01"),
        P2: p(1.108, "hour", AZ_REDIS, "2025-01"),
        P3: p(2.216, "hour", AZ_REDIS, "2025-01"),
        P4: p(4.432, "hour", AZ_REDIS, "2025-01"),
        C1: p(0.137, "hour", AZ_REDIS, "2025-01"),
        C2: p(0.225, "hour", AZ_REDIS, "2025-01"),
    } as Record<string, Price>,
    /** Atlas lists an hourly price per cluster tier for a three-node replica set. */
    atlasTierHour: {
        M10: p(0.08, "hour", ATLAS, "2025-01"),
        M20: p(0.2, "hour", ATLAS, "2025-01"),
        M30: p(0.54, "hour", ATLAS, "2025-01"),
        M40: p(1.04, "hour", ATLAS, "2025-01"),
        M50: p(2.0, "hour", ATLAS, "2025-01"),
    } as Record<string, Price>,
} as const;

/** Types with no charge of their own, and why. */
export const NO_CHARGE: ReadonlyArray<readonly [prefix: string, reason: string]> = [
    ["pulumi:", "Pulumi bookkeeping"],
    ["pulumi-nodejs:dynamic/", "runs in the Pulumi program (the Azure RBAC propagation wait): no cloud resource"],
    ["kubernetes:", "runs on the cluster's nodes, which are priced"],
    ["aws:eks/addon:", "EKS add-ons cost nothing beyond the nodes they run on"],
    ["aws:eks/accessEntry:", "free"],
    ["aws:eks/accessPolicyAssociation:", "free"],
    ["aws:eks/podIdentityAssociation:", "free"],
    ["aws:kms/grant:", "free"],
    ["aws:ecr/lifecyclePolicy:", "free"],
    ["aws:ec2/launchTemplate:", "free"],
    ["gcp:logging/projectSink:", "free (ingestion is billed on the destination bucket)"],
    ["azure-native:containerservice:MaintenanceConfiguration", "free"],
    ["azure-native:monitor:DataCollectionRule", "free (ingestion is billed on the workspace)"],
    ["azure-native:compute:DiskEncryptionSet", "free (key operations are billed by Key Vault)"],
    ["gravitypm:", "component: cost is its children's"],
    ["random:", "generated locally"],
    ["aws:ec2/vpc:", "VPC is free"],
    ["aws:ec2/subnet:", "free"],
    ["aws:ec2/routeTable", "free"],
    ["aws:ec2/internetGateway:", "free (traffic is billed as data transfer)"],
    ["aws:ec2/defaultSecurityGroup:", "free"],
    ["aws:ec2/securityGroup", "free"],
    ["aws:vpc/securityGroup", "free"],
    ["aws:ec2/flowLog:", "billed as CloudWatch Logs ingestion on its log group"],
    ["aws:iam/", "free"],
    ["aws:kms/alias:", "free"],
    ["aws:sns/", "first million publishes and 1,000 emails a month are free"],
    ["aws:docdb/subnetGroup:", "free"],
    ["aws:docdb/clusterParameterGroup:", "free"],
    ["aws:docdb/globalCluster:", "billed through its member clusters"],
    ["aws:elasticache/subnetGroup:", "free"],
    ["aws:elasticache/parameterGroup:", "free"],
    ["aws:elasticache/globalReplicationGroup:", "billed through its member replication groups"],
    ["aws:secretsmanager/secretVersion:", "billed per secret"],
    ["gcp:compute/network:", "free"],
    ["gcp:compute/subnetwork:", "free (flow logs billed as Cloud Logging ingestion)"],
    ["gcp:compute/router:", "free"],
    ["gcp:compute/firewall:", "free"],
    ["gcp:compute/globalAddress:", "internal range reservation is free"],
    ["gcp:servicenetworking/", "free"],
    ["gcp:kms/keyRing:", "free"],
    ["gcp:kms/cryptoKeyIAM", "free"],
    ["gcp:projects/", "free"],
    ["gcp:monitoring/notificationChannel:", "free"],
    ["gcp:secretmanager/secretIamMember", "free"],
    ["gcp:secretmanager/secretVersion:", "billed per secret version on the secret"],
    ["gcp:serviceaccount/", "free"],
    ["gcp:compute/address:", "internal addresses are free"],
    ["gcp:storage/bucketIAM", "free"],
    ["azure-native:resources:", "free"],
    ["azure-native:network:VirtualNetwork", "free"],
    ["azure-native:network:Subnet", "free"],
    ["azure-native:network:NetworkSecurityGroup", "free"],
    ["azure-native:network:SecurityRule", "free"],
    ["azure-native:network:FlowLog", "billed as storage on its storage account"],
    ["azure-native:privatedns:", "private zones are cents a month"],
    ["azure-native:keyvault:Vault", "billed per key and operation"],
    ["azure-native:keyvault:Secret", "software secrets are billed per 10,000 operations"],
    ["azure-native:managedidentity:", "free"],
    ["azure-native:authorization:", "free"],
    ["azure-native:monitor:ActionGroup", "first 1,000 emails a month are free"],
    ["azure-native:monitor:DiagnosticSetting", "billed as ingestion and storage at its destination"],
    ["azure-native:network:PrivateDnsZoneGroup", "free"],
    ["azure-native:redisenterprise:Database", "billed through its cluster"],
    ["mongodbatlas:index/project:", "free"],
    ["mongodbatlas:index/projectIpAccessList", "free"],
    ["mongodbatlas:index/alertConfiguration", "free"],
    ["mongodbatlas:index/auditing", "included in M10+"],
    ["mongodbatlas:index/encryptionAtRest", "included; the key is billed by the cloud"],
    ["mongodbatlas:index/cloudBackupSchedule", "snapshot storage billed per GB, not estimated"],
    ["mongodbatlas:index/cloudProviderAccess", "free"],
    ["mongodbatlas:index/privateLinkEndpoint", "Atlas side free; the cloud endpoint is billed by the cloud"],
    ["mongodbatlas:index/databaseUser", "free"],
    ["mongodbatlas:index/networkContainer", "free"],
];

export interface Estimate {
    /** Monthly USD, or undefined when the price is unknown. */
    readonly usd?: number;
    /** How it was computed, or why it is unknown. */
    readonly basis: string;
    readonly prices: readonly Price[];
}

/** What the estimate assumes about the stack (from its config). */
export interface CostAssumptions {
    readonly databaseStorageGb: number;
    /** VMs behind NAT on GCP (billed per VM). */
    readonly clusterNodes: number;
}

const monthly = (price: Price) => price.usd * (price.per === "hour" || price.per === "GB-hour" ? HOURS_PER_MONTH : 1);
const known = (usd: number, basis: string, ...prices: Price[]): Estimate => ({ usd: Math.round(usd * 100) / 100, basis, prices });
const unknown = (basis: string): Estimate => ({ basis, prices: [] });

function str(v: unknown): string | undefined {
    return typeof v === "string" ? v : undefined;
}
function num(v: unknown): number | undefined {
    return typeof v === "number" ? v : undefined;
}

type Rule = (r: PlannedResource, a: CostAssumptions, plan: readonly PlannedResource[]) => Estimate;

const RULES: Record<string, Rule> = {
    "aws:ec2/natGateway:NatGateway": () =>
        known(monthly(PRICES.awsNatHour) + NAT_GB_PER_MONTH * PRICES.awsNatGb.usd, `730 h + ${NAT_GB_PER_MONTH} GB processed`, PRICES.awsNatHour, PRICES.awsNatGb),
    "aws:ec2/eip:Eip": () => known(monthly(PRICES.awsPublicIpv4Hour), "public IPv4 address, 730 h", PRICES.awsPublicIpv4Hour),
    "aws:kms/key:Key": () => known(PRICES.awsKmsKeyMonth.usd, "one customer-managed key", PRICES.awsKmsKeyMonth),
    "aws:kms/replicaKey:ReplicaKey": () => known(PRICES.awsKmsKeyMonth.usd, "one replica key", PRICES.awsKmsKeyMonth),
    "aws:cloudwatch/logGroup:LogGroup": () =>
        known(
            FLOW_LOG_GB_PER_MONTH * PRICES.awsLogsIngestGb.usd + FLOW_LOG_GB_PER_MONTH * PRICES.awsLogsStoreGbMonth.usd,
            `${FLOW_LOG_GB_PER_MONTH} GB ingested and stored a month`,
            PRICES.awsLogsIngestGb,
            PRICES.awsLogsStoreGbMonth,
        ),
    "aws:cloudwatch/metricAlarm:MetricAlarm": () => known(PRICES.awsAlarmMonth.usd, "standard-resolution alarm", PRICES.awsAlarmMonth),
    "aws:cloudwatch/logMetricFilter:LogMetricFilter": () => known(PRICES.awsCustomMetricMonth.usd, "the one custom metric it publishes", PRICES.awsCustomMetricMonth),
    "azure-native:monitor:ScheduledQueryRule": (r) =>
        str(r.inputs.evaluationFrequency) === "PT5M"
            ? known(PRICES.azLogAlertFiveMinuteMonth.usd, "log search alert every 5 minutes, one time series", PRICES.azLogAlertFiveMinuteMonth)
            : unknown(`no price for evaluation frequency ${str(r.inputs.evaluationFrequency) ?? "(unset)"}`),
    "aws:secretsmanager/secret:Secret": (r) => {
        const replicas = Array.isArray(r.inputs.replicas) ? r.inputs.replicas.length : 0;
        return known(PRICES.awsSecretMonth.usd * (1 + replicas), `${1 + replicas} secret copies`, PRICES.awsSecretMonth);
    },
    "aws:ec2/vpcEndpoint:VpcEndpoint": (r) => {
        // Gateway endpoints (S3) cost nothing; an interface endpoint bills per zone it sits in.
        if (str(r.inputs.vpcEndpointType) !== "Interface") return known(0, "gateway endpoint: free");
        const zones = Array.isArray(r.inputs.subnetIds) ? r.inputs.subnetIds.length : 1;
        return known(
            monthly(PRICES.awsInterfaceEndpointHour) * zones + VPC_ENDPOINT_GB_PER_MONTH * PRICES.awsInterfaceEndpointGb.usd,
            `${zones} zone${zones === 1 ? "" : "s"} × 730 h + ${VPC_ENDPOINT_GB_PER_MONTH} GB processed`,
            PRICES.awsInterfaceEndpointHour,
            PRICES.awsInterfaceEndpointGb,
        );
    },
    "aws:eks/cluster:Cluster": () => known(monthly(PRICES.awsEksClusterHour), "EKS control plane, 730 h", PRICES.awsEksClusterHour),
    "aws:docdb/clusterInstance:ClusterInstance": (r) => {
        const cls = str(r.inputs.instanceClass);
        const price = cls ? PRICES.awsDocdbInstanceHour[cls] : undefined;
        return price ? known(monthly(price), `${cls}, 730 h`, price) : unknown(`no price for instance class ${cls ?? "(unset)"}`);
    },
    "aws:elasticache/replicationGroup:ReplicationGroup": (r, _a, plan) => {
        // A global datastore's secondary takes its node type from the primary group.
        const nodeType =
            str(r.inputs.nodeType) ??
            (r.inputs.globalReplicationGroupId !== undefined
                ? plan.map((g) => (g.type === r.type ? str(g.inputs.nodeType) : undefined)).find((t) => t !== undefined)
                : undefined);
        const price = nodeType ? PRICES.awsCacheNodeHour[nodeType] : undefined;
        const shards = num(r.inputs.numNodeGroups);
        const nodes = shards !== undefined ? shards * (1 + (num(r.inputs.replicasPerNodeGroup) ?? 0)) : (num(r.inputs.numCacheClusters) ?? 1);
        return price ? known(monthly(price) * nodes, `${nodes} × ${nodeType}, 730 h`, price) : unknown(`no price for node type ${nodeType ?? "(unset)"}`);
    },
    "gcp:compute/routerNat:RouterNat": (_r, a) =>
        known(
            PRICES.gcpNatVmHour.usd * Math.min(a.clusterNodes, 32) * HOURS_PER_MONTH + NAT_GB_PER_MONTH * PRICES.gcpNatGb.usd + monthly(PRICES.gcpExternalIpHour),
            `${a.clusterNodes} VMs × 730 h, ${NAT_GB_PER_MONTH} GB processed, one NAT IP`,
            PRICES.gcpNatVmHour,
            PRICES.gcpNatGb,
            PRICES.gcpExternalIpHour,
        ),
    "gcp:kms/cryptoKey:CryptoKey": () =>
        known(PRICES.gcpKmsKeyVersionMonth.usd * 4, "4 active key versions (a year of 90-day rotation)", PRICES.gcpKmsKeyVersionMonth),
    "gcp:secretmanager/secret:Secret": () => known(PRICES.gcpSecretVersionMonth.usd * 2, "2 active versions", PRICES.gcpSecretVersionMonth),
    "gcp:redis/instance:Instance": (r) => {
        const tier = str(r.inputs.tier) ?? "BASIC";
        const gb = num(r.inputs.memorySizeGb);
        const price = PRICES.gcpRedisGbHour[tier];
        const readReplicas = Math.max(0, (num(r.inputs.replicaCount) ?? 1) - 1);
        return price && gb !== undefined
            ? known(monthly(price) * gb * (1 + readReplicas), `${tier} ${gb} GB${readReplicas ? ` + ${readReplicas} extra read replicas` : ""}, 730 h (M1 capacity band)`, price)
            : unknown(`no price for tier ${tier}`);
    },
    "gcp:compute/forwardingRule:ForwardingRule": (r) =>
        // A Private Service Connect endpoint is the forwarding rule with an empty scheme.
        r.inputs.loadBalancingScheme === ""
            ? known(monthly(PRICES.gcpPscEndpointHour), "Private Service Connect endpoint, 730 h (data processing not estimated)", PRICES.gcpPscEndpointHour)
            : unknown("load-balancer forwarding rules are priced per rule and traffic, not estimated"),
    "gcp:storage/bucket:Bucket": () => known(CACHE_EXPORT_GB * PRICES.gcpStorageGbMonth.usd, `${CACHE_EXPORT_GB} GB stored`, PRICES.gcpStorageGbMonth),
    "gcp:cloudscheduler/job:Job": () => known(PRICES.gcpSchedulerJobMonth.usd, "one job (the first three per account are free)", PRICES.gcpSchedulerJobMonth),
    "azure-native:network:PrivateEndpoint": () =>
        known(monthly(PRICES.azPrivateEndpointHour), "private endpoint, 730 h (data processing not estimated)", PRICES.azPrivateEndpointHour),
    "gcp:container/cluster:Cluster": () => known(monthly(PRICES.gcpGkeClusterHour), "GKE cluster fee, 730 h", PRICES.gcpGkeClusterHour),
    "azure-native:network:NatGateway": () =>
        known(monthly(PRICES.azNatHour) + NAT_GB_PER_MONTH * PRICES.azNatGb.usd, `730 h + ${NAT_GB_PER_MONTH} GB processed`, PRICES.azNatHour, PRICES.azNatGb),
    "azure-native:network:PublicIPAddress": () => known(monthly(PRICES.azPublicIpHour), "Standard static IP, 730 h", PRICES.azPublicIpHour),
    "azure-native:keyvault:Key": () => known(PRICES.azHsmKeyMonth.usd + (4 * PRICES.azHsmKeyMonth.usd) / 12, "HSM key + 4 rotations a year", PRICES.azHsmKeyMonth),
    "azure-native:storage:StorageAccount": () =>
        known(FLOW_LOG_GB_PER_MONTH * PRICES.azStorageGbMonth.usd, `${FLOW_LOG_GB_PER_MONTH} GB of flow logs`, PRICES.azStorageGbMonth),
    "azure-native:monitor:MetricAlert": () => known(PRICES.azMetricAlertMonth.usd, "one monitored time series", PRICES.azMetricAlertMonth),
    "azure-native:containerservice:ManagedCluster": (r) => {
        // Nodes at their pools' minimum; the Standard tier (prod) adds the uptime-SLA fee, Free costs nothing.
        const pools = Array.isArray(r.inputs.agentPoolProfiles) ? (r.inputs.agentPoolProfiles as Record<string, unknown>[]) : [];
        const priced = pools.map((pool) => ({ size: str(pool.vmSize), nodes: num(pool.minCount) ?? num(pool.count) ?? 0 }));
        const missing = priced.find((pool) => pool.size === undefined || PRICES.azVmHour[pool.size] === undefined);
        if (missing) return unknown(`no price for VM size ${missing.size ?? "(unset)"}`);
        const standard = str((r.inputs.sku as Record<string, unknown> | undefined)?.tier) === "Standard";
        const nodesUsd = priced.reduce((sum, pool) => sum + pool.nodes * monthly(PRICES.azVmHour[pool.size!]), 0);
        return known(
            nodesUsd + (standard ? monthly(PRICES.azAksStandardHour) : 0),
            `${priced.map((pool) => `${pool.nodes} × ${pool.size}`).join(" + ")} at the pools' minimum, 730 h${standard ? "; Standard tier" : "; Free tier"}`,
            ...priced.map((pool) => PRICES.azVmHour[pool.size!]),
            ...(standard ? [PRICES.azAksStandardHour] : []),
        );
    },
    "azure-native:containerregistry:Registry": () => known(PRICES.azAcrPremiumMonth.usd, "Premium registry", PRICES.azAcrPremiumMonth),
    "azure-native:containerregistry:Replication": () => known(PRICES.azAcrPremiumMonth.usd, "Premium geo-replica", PRICES.azAcrPremiumMonth),
    "azure-native:operationalinsights:Workspace": () =>
        known(CLUSTER_LOG_GB_PER_MONTH * PRICES.azLogAnalyticsIngestGb.usd, `${CLUSTER_LOG_GB_PER_MONTH} GB ingested a month`, PRICES.azLogAnalyticsIngestGb),
    "aws:eks/nodeGroup:NodeGroup": (r) => {
        const type = Array.isArray(r.inputs.instanceTypes) ? str(r.inputs.instanceTypes[0]) : undefined;
        const price = type ? PRICES.awsEc2InstanceHour[type] : undefined;
        const nodes = num((r.inputs.scalingConfig as Record<string, unknown> | undefined)?.minSize) ?? 0;
        return price ? known(nodes * monthly(price), `${nodes} × ${type} at the group's minimum, 730 h`, price) : unknown(`no price for instance type ${type ?? "(unset)"}`);
    },
    "aws:ecr/repository:Repository": () => known(REGISTRY_GB * PRICES.awsEcrStorageGbMonth.usd, `${REGISTRY_GB} GB of images`, PRICES.awsEcrStorageGbMonth),
    "gcp:container/nodePool:NodePool": (r) => {
        const type = str((r.inputs.nodeConfig as Record<string, unknown> | undefined)?.machineType);
        const price = type ? PRICES.gcpMachineHour[type] : undefined;
        const nodes = num((r.inputs.autoscaling as Record<string, unknown> | undefined)?.totalMinNodeCount) ?? num(r.inputs.nodeCount) ?? 0;
        return price ? known(nodes * monthly(price), `${nodes} × ${type} at the pool's minimum, 730 h`, price) : unknown(`no price for machine type ${type ?? "(unset)"}`);
    },
    "gcp:artifactregistry/repository:Repository": () => known(REGISTRY_GB * PRICES.gcpArtifactStorageGbMonth.usd, `${REGISTRY_GB} GB of images`, PRICES.gcpArtifactStorageGbMonth),
    "gcp:logging/projectBucketConfig:ProjectBucketConfig": () =>
        known(CLUSTER_LOG_GB_PER_MONTH * PRICES.gcpLoggingIngestGb.usd, `${CLUSTER_LOG_GB_PER_MONTH} GB ingested a month`, PRICES.gcpLoggingIngestGb),
    "azure-native:redis:Redis": (r) => {
        const sku = (r.inputs.sku ?? {}) as Record<string, unknown>;
        const key = `${str(sku.family) ?? "?"}${num(sku.capacity) ?? "?"}`;
        const price = PRICES.azRedisHour[key];
        const shards = num(r.inputs.shardCount) ?? 1;
        const extraReplicas = Math.max(0, (num(r.inputs.replicasPerPrimary) ?? 1) - 1);
        // A Premium shard's price covers one primary and one replica; each further replica
        // per primary adds half a shard's price.
        return price ? known(monthly(price) * shards * (1 + extraReplicas / 2), `${key} × ${shards} shard(s), 730 h`, price) : unknown(`no price for SKU ${key}`);
    },
    "mongodbatlas:index/advancedCluster:AdvancedCluster": (r) => {
        let nodes = 0;
        let size: string | undefined;
        for (const spec of (Array.isArray(r.inputs.replicationSpecs) ? r.inputs.replicationSpecs : []) as Record<string, unknown>[]) {
            for (const rc of (Array.isArray(spec.regionConfigs) ? spec.regionConfigs : []) as Record<string, unknown>[]) {
                for (const key of ["electableSpecs", "readOnlySpecs"]) {
                    const s = (rc[key] ?? {}) as Record<string, unknown>;
                    nodes += num(s.nodeCount) ?? 0;
                    size ??= str(s.instanceSize);
                }
            }
        }
        const price = size ? PRICES.atlasTierHour[size] : undefined;
        return price && nodes > 0 ? known((monthly(price) * nodes) / 3, `${size}, ${nodes} nodes (list price is per 3 nodes), 730 h`, price) : unknown(`no price for Atlas tier ${size ?? "(unset)"}`);
    },
};

/** The docdb cluster's storage is the one cost that comes from config, not from the plan. */
function docdbStorage(a: CostAssumptions): Estimate {
    return known(a.databaseStorageGb * PRICES.awsDocdbStorageGbMonth.usd, `${a.databaseStorageGb} GB storage`, PRICES.awsDocdbStorageGbMonth);
}

/** `plan` is the plan the resource belongs to, for prices that depend on a sibling. */
export function estimateResource(r: PlannedResource, a: CostAssumptions, plan: readonly PlannedResource[] = []): Estimate {
    if (r.type === "aws:docdb/cluster:Cluster") return docdbStorage(a);
    const rule = RULES[r.type];
    if (rule) return rule(r, a, plan);
    const free = NO_CHARGE.find(([prefix]) => r.type.startsWith(prefix));
    if (free) return known(0, free[1]);
    return unknown(`no price known for ${r.type}`);
}

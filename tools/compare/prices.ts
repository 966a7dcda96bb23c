/**
 * Monthly cost estimate of a plan, priced from the price snapshot (prices/snapshot.json) for
 * each resource's own region.
 *
 * What is assumed (printed with every report): on-demand list prices; 730 hours a month; the
 * usage assumptions from config (usage* keys: logs, flow logs, audit trail, NAT traffic, edge
 * traffic, monthly active users), the same on every cloud; stored logs and archives at their
 * steady state (a month's volume times the months they are kept); no reserved or
 * committed-use discounts; no data transfer to the internet. A price the snapshot lacks makes
 * the resource unknown, never 0; resources that carry no charge of their own are listed in
 * NO_CHARGE with the reason.
 */
import type { UsageSettings } from "../../domain/stack-config";
import type { PlannedResource } from "../plan/types";
import { lookup, type Price } from "./prices/snapshot";

export type { Price } from "./prices/snapshot";

export const HOURS_PER_MONTH = 730;
const DAYS_PER_MONTH = 365 / 12;
/** Images kept per registry repository (two app images, a few releases each). */
export const REGISTRY_GB = 10;
/** Traffic through each interface endpoint (secrets, keys, tokens, logs, image pulls). */
export const VPC_ENDPOINT_GB_PER_MONTH = 10;
/** Size of the stored cache exports (one RDB a day, versions kept for the retention). */
export const CACHE_EXPORT_GB = 10;
/** An alert condition or log-based metric is evaluated or sampled once a minute. */
const EVALUATIONS_PER_MONTH = HOURS_PER_MONTH * 60;
/** A metric point as Cloud Monitoring bills its volume. */
const BYTES_PER_METRIC_POINT = 8;
/** Logs kept forever are counted at a year's volume: what the estimate's first year holds. */
const MONTHS_KEPT_WHEN_UNBOUNDED = 12;
/**
 * Prometheus series each cluster sends to its managed Prometheus (AWS AMP, Azure Monitor
 * workspace, GKE Managed Prometheus): node-exporter, kube-state-metrics and the kubelet for a
 * small cluster and its app, with the default scrape jobs. A stated assumption, the same on
 * every cloud (no config key: it is a property of the platform's scrape setup, not of traffic).
 */
export const PROMETHEUS_SERIES_PER_CLUSTER = 5000;
/** The managed collectors' default scrape interval. */
export const PROMETHEUS_SCRAPE_SECONDS = 30;
/** Samples one cluster's Prometheus series produce a month. */
export const PROMETHEUS_SAMPLES_PER_CLUSTER_MONTH = PROMETHEUS_SERIES_PER_CLUSTER * (60 / PROMETHEUS_SCRAPE_SECONDS) * HOURS_PER_MONTH * 60;
/** Bytes a stored sample takes in AMP with its share of series metadata (AWS: 1-2 bytes a sample plus metadata). */
const AMP_BYTES_PER_SAMPLE = 2;
/** AMP keeps samples 150 days by default: stored at that steady state. */
const AMP_RETENTION_DAYS = 150;
/**
 * Samples a Prometheus alert rule reads at each evaluation: a 15-minute window of a few dozen
 * series at the scrape interval (the rule groups' `increase(...[15m])` and status checks).
 */
const PROMETHEUS_SAMPLES_PER_RULE_EVALUATION = 1000;
/**
 * Container Insights (enhanced observability) observations each node reports a minute: the
 * node, its pods and containers, about a dozen metrics each, for a node running ~10 pods.
 */
export const CONTAINER_INSIGHTS_OBSERVATIONS_PER_NODE_MINUTE = 150;

/** Usage the estimate cannot read from the plan: the usage* config keys (feed compare only), as config parses them. */
export type Usage = UsageSettings;

/** What the estimate assumes about the stack (from its config). */
export interface CostAssumptions {
    readonly databaseStorageGb: number;
    /** VMs behind NAT on GCP (billed per VM). */
    readonly clusterNodes: number;
    /** Where resources that name no region of its own sit; without it they are priced unknown. */
    readonly primaryRegion?: string;
    readonly drRegion?: string;
    /** The stack owns the account's singletons, so its trail is the account's first (free) copy. */
    readonly ownsAccountSingletons?: boolean;
    /** The usage* config keys; without them the usage-driven prices are unknown. */
    readonly usage?: Usage;
}

export interface Estimate {
    /** Monthly USD, or undefined when a price is unknown. */
    readonly usd?: number;
    /** How it was computed, or why it is unknown. */
    readonly basis: string;
    readonly prices: readonly Price[];
}

/** Types with no charge of their own, and why. */
export const NO_CHARGE: ReadonlyArray<readonly [prefix: string, reason: string]> = [
    ["pulumi:", "Pulumi bookkeeping"],
    ["pulumi-nodejs:dynamic/", "runs in the Pulumi program (the Azure RBAC propagation wait): no cloud resource"],
    ["kubernetes:", "runs on the cluster's nodes, which are priced"],
    ["aws:eks/accessEntry:", "free"],
    ["aws:eks/accessPolicyAssociation:", "free"],
    ["aws:eks/podIdentityAssociation:", "free"],
    ["aws:kms/grant:", "free"],
    ["aws:ecr/lifecyclePolicy:", "free"],
    ["aws:ec2/launchTemplate:", "free"],
    ["aws:cloudwatch/eventRule:", "events from AWS services on the default event bus are free, and so are rules"],
    ["aws:cloudwatch/eventTarget:", "delivery to an SNS topic is free; the topic's publishes are priced with SNS"],
    ["aws:s3/bucket", "bucket configuration (ownership, public access block, versioning, encryption, policy, lock, lifecycle): billed through the bucket's storage"],
    ["aws:guardduty/publishingDestination:", "free"],
    ["gcp:logging/projectSink:", "free (ingestion is billed on the destination bucket)"],
    ["azure-native:containerservice:MaintenanceConfiguration", "free"],
    [
        "azure-native:monitor:DataCollectionRule",
        "free (ingestion is billed on the workspace; a transformation's data processing is billed only when it drops more than half the data, and masking keeps every row)",
    ],
    ["azure-native:monitor:DataCollectionEndpoint", "free (ingestion through it is billed on its destination)"],
    ["azure-native:applicationinsights:Component", "workspace-based: its telemetry (availability results) is billed as ingestion and retention on its Log Analytics workspace"],
    ["azure-native:applicationinsights:Workbook", "workbooks are free (the queries behind them read data already billed)"],
    ["gcp:logging/projectExclusion:", "exclusions are free, and entries they exclude are not billed for ingestion (the masking exclusions keep matching entries out of the _Default bucket)"],
    ["gcp:monitoring/genericService:", "services and SLOs carry no Cloud Monitoring charge (their SLIs read metrics already billed, here the free uptime-check metrics)"],
    ["gcp:monitoring/slo:", "services and SLOs carry no Cloud Monitoring charge (their SLIs read metrics already billed, here the free uptime-check metrics)"],
    ["gcp:monitoring/dashboard:", "Cloud Monitoring dashboards are free"],
    [
        "gcp:dataloss/",
        "Sensitive Data Protection templates are free; inspection is billed per GB by the jobs or content calls that use them, and this stack runs none (its log masking is exclusions)",
    ],
    [
        "sentry:",
        "Sentry is billed on the Sentry organisation's subscription, outside this cloud bill (plans from $0 Developer to $26/month Team and up, billed annually, plus events past the plan's quota; https://sentry.io/pricing/, not re-read): not in this cloud's total",
    ],
    ["azure-native:monitor:ActivityLogAlert", "activity log alerts are free"],
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
    ["aws:cognito/userPoolClient:", "billed per monthly active user on the user pool"],
    ["aws:cognito/userPoolDomain:", "billed per monthly active user on the user pool"],
    ["aws:cognito/resourceServer:", "billed per monthly active user on the user pool"],
    ["aws:cognito/riskConfiguration:", "threat protection is in the Plus tier's per-MAU price on the user pool"],
    ["aws:cognito/managedLoginBranding:", "billed per monthly active user on the user pool"],
    ["gcp:compute/network:", "free"],
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
    ["gcp:identityplatform/", "billed per monthly active user on the project's Identity Platform config"],
    ["azure-native:resources:", "free"],
    ["azure-native:network:VirtualNetwork", "free"],
    ["azure-native:network:Subnet", "free"],
    ["azure-native:network:NetworkSecurityGroup", "free"],
    ["azure-native:network:SecurityRule", "free"],
    ["azure-native:privatedns:VirtualNetworkLink", "free (the zone and its queries are billed)"],
    ["azure-native:privatedns:", "records are free; the zone and its queries are billed"],
    ["azure-native:keyvault:Vault", "billed per key and operation"],
    ["azure-native:keyvault:Secret", "software secrets are billed per 10,000 operations"],
    ["azure-native:managedidentity:", "free"],
    ["azure-native:authorization:", "free"],
    ["azure-native:monitor:ActionGroup", "first 1,000 emails a month are free"],
    ["azure-native:monitor:DiagnosticSetting", "billed as ingestion and storage at its destination"],
    ["azure-native:network:PrivateDnsZoneGroup", "free"],
    ["azure-native:redisenterprise:Database", "billed through its cluster"],
    ["azure-native:azureactivedirectory:", "billed per monthly active user on the CIAM tenant"],
    ["azuread:", "directory objects (applications, service principals, grants, conditional access) carry no charge of their own: the External ID tenant bills per monthly active user (SMS one-time codes, if used, are billed per message: not estimated)"],
    ["auth0:", "tenant configuration: billed per monthly active user on the tenant"],
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
    ["mongodbatlas:index/privateEndpointRegionalMode", "a project setting: free"],
];

/** One resource in its plan, with the region its prices are looked up for. */
interface Ctx {
    readonly r: PlannedResource;
    readonly a: CostAssumptions;
    readonly plan: readonly PlannedResource[];
    readonly region: string;
}

type Rule = (ctx: Ctx) => Estimate;

/** A rule that needs the usage assumptions: unknown without them, never a guess. */
function withUsage(rule: (ctx: Ctx, u: Usage) => Estimate): Rule {
    return (ctx) => (ctx.a.usage ? rule(ctx, ctx.a.usage) : unknown("needs the usage assumptions (usage* config keys), which were not given"));
}

const round = (usd: number) => Math.round(usd * 100) / 100;
const known = (usd: number, basis: string, ...prices: Price[]): Estimate => ({ usd: round(usd), basis, prices });
const unknown = (basis: string): Estimate => ({ basis, prices: [] });
/** A price per hour (or GB-hour) over the month; any other unit as it stands. */
const monthly = (price: Price) => price.usd * (price.entry.unit === "hour" || price.entry.unit === "GB-hour" ? HOURS_PER_MONTH : 1);

function str(v: unknown): string | undefined {
    return typeof v === "string" ? v : undefined;
}
function num(v: unknown): number | undefined {
    return typeof v === "number" ? v : undefined;
}
function record(v: unknown): Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
function list(v: unknown): unknown[] {
    return Array.isArray(v) ? v : [];
}

/** A price request: the snapshot id and, for banded rates, the quantity that picks the band. */
type Need = string | readonly [id: string, quantity: number];

/**
 * Looks up every price a rule needs in the resource's region and hands them to `compute`;
 * any missing one makes the estimate unknown, naming the ids and the region.
 */
function withPrices(ctx: Ctx, needs: readonly Need[], compute: (prices: Price[]) => Estimate): Estimate {
    const found = needs.map((n) => (typeof n === "string" ? lookup(n, ctx.region) : lookup(n[0], ctx.region, n[1])));
    const missing = needs.filter((_, i) => found[i] === undefined).map((n) => (typeof n === "string" ? n : `${n[0]} (${n[1]})`));
    if (missing.length) return unknown(`no price in the snapshot for ${missing.join(", ")} in ${ctx.region}`);
    return compute(found as Price[]);
}

/** Months a log or archive holds at its steady state: its retention, or a year when unbounded. */
function monthsKept(retentionDays: number | undefined): number {
    return retentionDays === undefined || retentionDays <= 0 ? MONTHS_KEPT_WHEN_UNBOUNDED : retentionDays / DAYS_PER_MONTH;
}

/**
 * Key versions billed on average over a key's first year when it rotates every `rotationDays`
 * (one version at creation, one more per rotation), at most `cap` extra versions billed.
 */
export function averageKeyVersionsFirstYear(rotationDays: number | undefined, cap = Number.POSITIVE_INFINITY): number {
    if (!rotationDays || rotationDays <= 0) return 1;
    let sum = 0;
    for (let month = 0; month < 12; month++) sum += 1 + Math.min(cap, Math.floor((month * DAYS_PER_MONTH) / rotationDays));
    return sum / 12;
}

/** The region a resource's prices are looked up for: its provider's, its own location, or its site's. */
export function regionOf(r: PlannedResource, plan: readonly PlannedResource[], a: CostAssumptions): string | undefined {
    if (r.provider) {
        const provider = plan.find((p) => p.urn === r.provider);
        const region = str(provider?.inputs.region);
        if (region) return region;
    }
    const own = str(r.inputs.location) ?? str(r.inputs.region);
    if (own) {
        // A GCP zone (us-central1-a) prices as its region; bucket locations arrive upper-case.
        return own.toLowerCase().replace(/^([a-z]+-[a-z]+\d)-[a-z]$/, "$1");
    }
    const nested = JSON.stringify(r.inputs).match(/\/locations\/([a-z]+-[a-z]+\d)\//);
    if (nested) return nested[1];
    // Resources of the DR site are named dr-* or *-dr-*, as the components name them.
    return /(^|-)dr-/.test(r.name) && a.drRegion ? a.drRegion : a.primaryRegion;
}

/** The log stores a stack's logs land in: they share the stack's log volume evenly. */
function isFlowLogGroup(r: PlannedResource, plan: readonly PlannedResource[]): boolean {
    const name = str(r.inputs.name);
    return name !== undefined && plan.some((f) => f.type === "aws:ec2/flowLog:FlowLog" && str(f.inputs.logDestination)?.endsWith(`:log-group:${name}`) === true);
}
const LOG_STORE_TYPES = ["aws:cloudwatch/logGroup:LogGroup", "gcp:logging/projectBucketConfig:ProjectBucketConfig", "azure-native:operationalinsights:Workspace"];
function logStores(plan: readonly PlannedResource[]): number {
    return plan.filter((r) => LOG_STORE_TYPES.includes(r.type) && !isFlowLogGroup(r, plan)).length;
}
function logShare(ctx: Ctx, u: Usage): number {
    return u.logGbPerMonth / Math.max(1, logStores(ctx.plan));
}
function logShareBasis(ctx: Ctx, u: Usage): string {
    return `${round(logShare(ctx, u))} GB a month (usageLogGbPerMonth ${u.logGbPerMonth} GB shared by ${logStores(ctx.plan)} log stores)`;
}

/** vCPUs of a node size: AWS `*.large` 2, `*.xlarge` 4, `*.Nxlarge` 4N; Azure `Standard_D4s_v5` 4; GCP `e2-standard-4` 4. */
export function vcpusOf(size: string): number | undefined {
    const aws = size.match(/\.(\d*)x?large$/);
    if (aws) return size.endsWith(".large") ? 2 : 4 * (aws[1] ? Number(aws[1]) : 1);
    const azure = size.match(/^Standard_[A-Z]+(\d+)/);
    if (azure) return Number(azure[1]);
    const gcp = size.match(/-(\d+)$/);
    return gcp ? Number(gcp[1]) : undefined;
}

/** Nodes at the pools' minimum and their vCPUs, for the region given (every region when undefined). */
function clusterVcpus(ctx: Ctx, region?: string): number | undefined {
    let total = 0;
    for (const r of ctx.plan) {
        if (region !== undefined && regionOf(r, ctx.plan, ctx.a) !== region) continue;
        if (r.type === "aws:eks/nodeGroup:NodeGroup") {
            const size = str(list(r.inputs.instanceTypes)[0]);
            const cpus = size ? vcpusOf(size) : undefined;
            if (cpus === undefined) return undefined;
            total += cpus * (num(record(r.inputs.scalingConfig).minSize) ?? 0);
        }
        if (r.type === "azure-native:containerservice:ManagedCluster") {
            for (const pool of list(r.inputs.agentPoolProfiles).map(record)) {
                const size = str(pool.vmSize);
                const cpus = size ? vcpusOf(size) : undefined;
                if (cpus === undefined) return undefined;
                total += cpus * (num(pool.minCount) ?? num(pool.count) ?? 0);
            }
        }
    }
    return total;
}

/** Per-MAU pricing with a free allowance: users up to the band's start are free. */
function perMau(ctx: Ctx, u: Usage, id: string, who: string): Estimate {
    const mau = u.monthlyActiveUsers;
    return withPrices(ctx, [id], ([p]) => {
        const free = p.entry.band?.from ?? 0;
        const upTo = p.entry.band?.to;
        if (upTo !== undefined && mau > upTo) return unknown(`${mau} MAU is past the snapshot's ${who} band (up to ${upTo})`);
        const billable = Math.max(0, mau - free);
        return known(billable * p.usd, `${mau} MAU (usageMonthlyActiveUsers)${free ? `, the first ${free} free` : ""}`, p);
    });
}

function cloudwatchLogGroup(ctx: Ctx, u: Usage): Estimate {
    const months = monthsKept(num(ctx.r.inputs.retentionInDays));
    if (isFlowLogGroup(ctx.r, ctx.plan)) {
        // Flow-log ingestion is billed as vended logs on the flow log; the group holds them.
        const gb = u.flowLogGbPerMonth;
        return withPrices(ctx, ["aws.logs.store.gbMonth"], ([store]) =>
            known(gb * months * store.usd, `flow logs stored: ${gb} GB a month kept ${months.toFixed(1)} months`, store),
        );
    }
    const share = logShare(ctx, u);
    return withPrices(ctx, ["aws.logs.ingest.gb", "aws.logs.store.gbMonth"], ([ingest, store]) =>
        known(share * ingest.usd + share * months * store.usd, `${logShareBasis(ctx, u)} ingested and kept ${months.toFixed(1)} months`, ingest, store),
    );
}

function guarddutyFeature(ctx: Ctx, u: Usage): Estimate {
    const feature = str(ctx.r.inputs.name) ?? "";
    const detectors = Math.max(1, ctx.plan.filter((d) => d.type === "aws:guardduty/detector:Detector").length);
    const events = u.auditEventsPerMonth / detectors;
    switch (feature) {
        case "EKS_AUDIT_LOGS":
            return withPrices(ctx, [["aws.guardduty.eksAuditLogs.million", events / 1e6]], ([p]) =>
                known((events / 1e6) * p.usd, `${round(events / 1e6)} million Kubernetes audit events a month (usageAuditEventsPerMonth across ${detectors} detectors)`, p),
            );
        case "RUNTIME_MONITORING": {
            const vcpus = clusterVcpus(ctx, ctx.region);
            if (vcpus === undefined) return unknown("the node size's vCPUs are not known");
            return withPrices(ctx, [["aws.guardduty.runtime.vcpuMonth", vcpus]], ([p]) => known(vcpus * p.usd, `${vcpus} node vCPUs in ${ctx.region} monitored at the pools' minimum`, p));
        }
        case "EBS_MALWARE_PROTECTION":
            return known(0, "GuardDuty-initiated scans run only when a finding suggests malware: none assumed (each scan is billed per GB scanned)");
        default:
            return unknown(`no price rule for GuardDuty feature ${feature || "(unset)"}`);
    }
}

function s3Bucket(ctx: Ctx, u: Usage): Estimate {
    const bucket = str(ctx.r.inputs.bucket);
    const isTrailBucket = ctx.plan.some((t) => t.type === "aws:cloudtrail/trail:Trail" && str(t.inputs.s3BucketName) === bucket);
    if (!isTrailBucket) return unknown("no usage assumption for this bucket's contents");
    const lifecycle = ctx.plan.find((l) => l.type === "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration" && str(l.inputs.bucket) === bucket);
    const expiry = list(lifecycle?.inputs.rules).map((rule) => num(record(record(rule).expiration).days)).find((d) => d !== undefined);
    const months = monthsKept(expiry);
    const gb = u.auditLogGbPerMonth * months;
    return withPrices(ctx, [["aws.s3.standard.gbMonth", gb]], ([p]) =>
        known(gb * p.usd, `audit archive: ${u.auditLogGbPerMonth} GB a month (usageAuditLogGbPerMonth) kept ${months.toFixed(1)} months (PUT requests not estimated)`, p),
    );
}

function azureStorageAccount(ctx: Ctx, u: Usage): Estimate {
    const account = str(ctx.r.inputs.accountName) ?? "";
    const named = (id: unknown) => str(id)?.endsWith(`/storageAccounts/${account}`) === true;
    const flowLog = ctx.plan.find((f) => f.type === "azure-native:network:FlowLog" && named(f.inputs.storageId));
    const archive = ctx.plan.some((d) => d.type === "azure-native:monitor:SubscriptionDiagnosticSetting" && named(d.inputs.storageAccountId)) || /-archive$/.test(ctx.r.name);
    const rate = (gb: number, basis: string) => withPrices(ctx, [["azure.storage.hotZrs.gbMonth", gb]], ([p]) => known(gb * p.usd, basis, p));
    if (flowLog) {
        const months = monthsKept(num(record(flowLog.inputs.retentionPolicy).days));
        const gb = u.flowLogGbPerMonth * months;
        return rate(gb, `flow logs: ${u.flowLogGbPerMonth} GB a month kept ${months.toFixed(1)} months (operations not estimated)`);
    }
    if (archive) {
        const months = MONTHS_KEPT_WHEN_UNBOUNDED;
        const gb = u.auditLogGbPerMonth * months;
        return rate(gb, `audit archive: ${u.auditLogGbPerMonth} GB a month (usageAuditLogGbPerMonth) kept ${months} months (operations not estimated)`);
    }
    return unknown("no usage assumption for this storage account's contents");
}

function defenderPlan(ctx: Ctx): Estimate {
    const plan = str(ctx.r.inputs.pricingName) ?? "";
    if (str(ctx.r.inputs.pricingTier) !== "Standard") return known(0, `Defender ${plan} on the Free tier`);
    const count = (type: string) => ctx.plan.filter((x) => x.type === type).length;
    switch (plan) {
        case "Containers": {
            const vcores = clusterVcpus(ctx);
            if (vcores === undefined) return unknown("the node size's vCores are not known");
            return withPrices(ctx, ["azure.defender.containers.vcoreMonth"], ([p]) => known(vcores * p.usd, `${vcores} AKS node vCores at the pools' minimum`, p));
        }
        case "KeyVaults": {
            const vaults = count("azure-native:keyvault:Vault");
            return withPrices(ctx, ["azure.defender.keyVaults.vaultMonth"], ([p]) => known(vaults * p.usd, `${vaults} key vaults (per-vault plan)`, p));
        }
        case "StorageAccounts": {
            const accounts = count("azure-native:storage:StorageAccount");
            return withPrices(ctx, ["azure.defender.storage.accountMonth"], ([p]) => known(accounts * p.usd, `${accounts} storage accounts (per-account plan, malware scanning off)`, p));
        }
        case "Arm":
            return withPrices(ctx, ["azure.defender.arm.subscriptionMonth"], ([p]) => known(p.usd, "one subscription (per-subscription plan)", p));
        default:
            return unknown(`no price rule for Defender plan ${plan || "(unset)"}`);
    }
}

function mongoVcore(ctx: Ctx): Estimate {
    const props = record(ctx.r.inputs.properties);
    // A geo replica takes its tier and storage from the cluster it replicates.
    const source = props.createMode === "GeoReplica" ? ctx.plan.find((m) => m.type === ctx.r.type && record(m.inputs.properties).createMode !== "GeoReplica") : ctx.r;
    const sourceProps = record(source?.inputs.properties);
    const tier = str(record(sourceProps.compute).tier);
    const storageGb = num(record(sourceProps.storage).sizeGb);
    const shards = num(record(sourceProps.sharding).shardCount) ?? 1;
    const mode = str(record(props.highAvailability).targetMode);
    const copies = mode !== undefined && mode !== "Disabled" ? 2 : 1;
    if (!tier || storageGb === undefined) return unknown("the cluster's tier or storage is not in the plan");
    return withPrices(ctx, [`azure.mongoVcore.${tier}.hour`, "azure.mongoVcore.storage.gbMonth"], ([compute, storage]) =>
        known(
            (monthly(compute) + storageGb * storage.usd) * shards * copies,
            `${tier}, ${storageGb} GB × ${shards} shard(s)${copies === 2 ? ", zone-redundant HA replica billed again" : ""}${props.createMode === "GeoReplica" ? " (geo replica)" : ""}, 730 h`,
            compute,
            storage,
        ),
    );
}

/** Atlas's default disk per tier (AWS; GCP and Azure give the same or more); a larger disk is custom storage. */
const ATLAS_DEFAULT_DISK_GB: Readonly<Record<string, number>> = { M10: 10, M20: 20, M30: 40, M40: 80, M50: 160, M60: 320 };

function atlasCluster(ctx: Ctx): Estimate {
    let nodes = 0;
    let size: string | undefined;
    let disk: number | undefined;
    let provider: string | undefined;
    let region: string | undefined;
    let priority = -1;
    for (const spec of list(ctx.r.inputs.replicationSpecs).map(record)) {
        for (const rc of list(spec.regionConfigs).map(record)) {
            for (const key of ["electableSpecs", "readOnlySpecs"]) {
                const s = record(rc[key]);
                nodes += num(s.nodeCount) ?? 0;
                size ??= str(s.instanceSize);
                disk ??= num(s.diskSizeGb);
            }
            // The preferred (highest-priority) region sets the price of every node.
            if ((num(rc.priority) ?? 0) > priority) {
                priority = num(rc.priority) ?? 0;
                provider = str(rc.providerName);
                region = str(rc.regionName);
            }
        }
    }
    if (!size || !provider || !region || nodes === 0) return unknown("the cluster's tier, provider or region is not in the plan");
    const included = ATLAS_DEFAULT_DISK_GB[size];
    if (disk !== undefined && (included === undefined || disk > included)) {
        return unknown(`a ${disk} GB disk on ${size} is custom storage, billed in full at a rate the snapshot lacks for Atlas on ${provider}`);
    }
    return withPrices({ ...ctx, region }, [`atlas.${provider}.${size}.hour`], ([p]) => known((monthly(p) * nodes) / 3, `${provider} ${size} in ${region}, ${nodes} nodes (list price is per 3 nodes), default storage, 730 h`, p));
}


/** How many resources of `types` the plan holds in `region` (in every region when undefined). */
function clustersIn(ctx: Ctx, types: readonly string[], region?: string): number {
    return ctx.plan.filter((c) => types.includes(c.type) && (region === undefined || regionOf(c, ctx.plan, ctx.a) === region)).length;
}

function ampWorkspace(ctx: Ctx): Estimate {
    // Each workspace takes the samples of the EKS clusters in its region (one per site).
    const clusters = Math.max(1, clustersIn(ctx, ["aws:eks/cluster:Cluster"], ctx.region));
    const samples = clusters * PROMETHEUS_SAMPLES_PER_CLUSTER_MONTH;
    const storedGb = (samples * AMP_BYTES_PER_SAMPLE * (AMP_RETENTION_DAYS / DAYS_PER_MONTH)) / 2 ** 30;
    return withPrices(ctx, [["aws.amp.ingest.tenMillionSamples", samples], "aws.amp.storage.gbMonth"], ([ingest, store]) =>
        known(
            (samples / 1e7) * ingest.usd + storedGb * store.usd,
            `${clusters} cluster(s) × ${PROMETHEUS_SERIES_PER_CLUSTER} series scraped every ${PROMETHEUS_SCRAPE_SECONDS} s: ${round(samples / 1e6)} million samples a month, ${round(storedGb)} GB stored at ${AMP_RETENTION_DAYS} days' retention (queries and the free tier not counted)`,
            ingest,
            store,
        ),
    );
}

function route53HealthCheck(ctx: Ctx): Estimate {
    const type = str(ctx.r.inputs.type) ?? "";
    if (type === "CALCULATED" || type === "CLOUDWATCH_METRIC") {
        return withPrices({ ...ctx, region: "global" }, ["aws.route53.healthCheck.aws.month"], ([p]) => known(p.usd, `${type} health check`, p));
    }
    // A check on a domain name is billed at the AWS-endpoint rate only when it resolves to a
    // resource in this account; the app hosts may sit behind an edge, so the non-AWS rate is taken (an upper bound).
    const options = [
        type.startsWith("HTTPS") ? "HTTPS" : undefined,
        type.endsWith("STR_MATCH") ? "string matching" : undefined,
        num(ctx.r.inputs.requestInterval) === 10 ? "fast interval" : undefined,
        ctx.r.inputs.measureLatency === true ? "latency measurement" : undefined,
    ].filter((o) => o !== undefined);
    return withPrices({ ...ctx, region: "global" }, ["aws.route53.healthCheck.nonAws.month", "aws.route53.healthCheck.optionNonAws.month"], ([base, option]) =>
        known(
            base.usd + options.length * option.usd,
            `${type || "(unset)"} check of an endpoint taken as outside AWS${options.length ? ` with ${options.join(", ")}` : ""}`,
            base,
            option,
        ),
    );
}

function logDataProtection(ctx: Ctx, u: Usage): Estimate {
    // The policy is free; every GB its log group ingests is scanned for the identifiers.
    const share = logShare(ctx, u);
    return withPrices(ctx, ["aws.logs.dataProtection.gb"], ([p]) => known(share * p.usd, `its log group's ${logShareBasis(ctx, u)} scanned`, p));
}

function cloudwatchDashboard(ctx: Ctx): Estimate {
    // An account's first three dashboards are free: this stack has them only when it owns the account.
    const ordinal = ctx.plan.filter((d) => d.type === ctx.r.type).findIndex((d) => d.urn === ctx.r.urn);
    if (ctx.a.ownsAccountSingletons === true && ordinal >= 0 && ordinal < 3) return known(0, "one of the account's three free dashboards (this stack owns the account)");
    return withPrices(ctx, ["aws.cloudwatch.dashboard.month"], ([p]) =>
        known(p.usd, ctx.a.ownsAccountSingletons === true ? "past the account's three free dashboards" : "the account's three free dashboards are taken as used by its owner's stack", p),
    );
}

function eksAddon(ctx: Ctx): Estimate {
    if (str(ctx.r.inputs.addonName) !== "amazon-cloudwatch-observability") return known(0, "EKS add-ons cost nothing beyond the nodes they run on");
    // Container Insights metrics, billed per observation; its log groups are priced as log stores.
    const cluster = str(ctx.r.inputs.clusterName);
    const groups = ctx.plan.filter((g) => g.type === "aws:eks/nodeGroup:NodeGroup" && str(g.inputs.clusterName) === cluster);
    const nodes = groups.length ? groups.reduce((sum, g) => sum + (num(record(g.inputs.scalingConfig).minSize) ?? 0), 0) : ctx.a.clusterNodes;
    const millions = (nodes * CONTAINER_INSIGHTS_OBSERVATIONS_PER_NODE_MINUTE * HOURS_PER_MONTH * 60) / 1e6;
    return withPrices(ctx, ["aws.containerInsights.observations.million"], ([p]) =>
        known(
            millions * p.usd,
            `Container Insights metrics: ${nodes} node(s) at the minimum × ${CONTAINER_INSIGHTS_OBSERVATIONS_PER_NODE_MINUTE} observations a minute = ${round(millions)} million a month (its logs are priced on their log groups)`,
            p,
        ),
    );
}

function gcpUptimeCheck(ctx: Ctx): Estimate {
    const executions = (check: PlannedResource) => {
        const period = Number(str(check.inputs.period)?.replace(/s$/, "") ?? "60");
        // No regions selected means every checker region (six).
        const regions = list(check.inputs.selectedRegions).length || 6;
        return regions * ((HOURS_PER_MONTH * 3600) / (Number.isFinite(period) && period > 0 ? period : 60));
    };
    const checks = ctx.plan.filter((c) => c.type === ctx.r.type);
    const total = checks.reduce((sum, c) => sum + executions(c), 0);
    const own = executions(ctx.r);
    // The rate's band starts past the free million: a plan within it still reads the rate to say so.
    return withPrices({ ...ctx, region: "global" }, ["gcp.monitoring.uptimeCheck.thousandExecutions"], ([p]) => {
        const free = p.entry.band?.from ?? 0;
        const billable = total > free ? (own / total) * (total - free) : 0;
        return known(
            (billable / 1000) * p.usd,
            `${round(own)} executions a month (its regions × its period); the plan's ${checks.length} checks run ${round(total)}, ${total > free ? "past" : "within"} the free ${free}`,
            p,
        );
    });
}

function azureMonitorWorkspace(ctx: Ctx): Estimate {
    // One workspace takes every AKS cluster's Prometheus samples (each site has its own endpoint and rule).
    const clusters = Math.max(1, clustersIn(ctx, ["azure-native:containerservice:ManagedCluster"]));
    const samples = clusters * PROMETHEUS_SAMPLES_PER_CLUSTER_MONTH;
    return withPrices(ctx, ["azure.monitor.prometheus.ingest.tenMillionSamples"], ([p]) =>
        known(
            (samples / 1e7) * p.usd,
            `${clusters} cluster(s) × ${PROMETHEUS_SERIES_PER_CLUSTER} series scraped every ${PROMETHEUS_SCRAPE_SECONDS} s: ${round(samples / 1e6)} million samples a month (retention included; queries priced on the rule groups)`,
            p,
        ),
    );
}

function prometheusRuleGroup(ctx: Ctx): Estimate {
    const rules = list(ctx.r.inputs.rules).length;
    const minutes = Number(str(ctx.r.inputs.interval)?.match(/^PT(\d+)M$/)?.[1] ?? "1");
    const billions = (rules * ((HOURS_PER_MONTH * 60) / minutes) * PROMETHEUS_SAMPLES_PER_RULE_EVALUATION) / 1e9;
    return withPrices(ctx, ["azure.monitor.prometheus.query.billionSamples"], ([p]) =>
        known(billions * p.usd, `${rules} rule(s) evaluated every ${minutes} min, ${PROMETHEUS_SAMPLES_PER_RULE_EVALUATION} samples read each time`, p),
    );
}

function azureWebTest(ctx: Ctx): Estimate {
    const kind = str(ctx.r.inputs.kind) ?? str(ctx.r.inputs.webTestKind);
    if (kind !== "standard") return unknown(`no price rule for ${kind ?? "(unset)"} availability tests`);
    const locations = list(ctx.r.inputs.locations).length;
    const frequency = num(ctx.r.inputs.frequency) ?? 300;
    const executions = (locations * HOURS_PER_MONTH * 3600) / frequency;
    return withPrices(ctx, ["azure.appInsights.standardTest.execution"], ([p]) =>
        known(executions * p.usd, `standard test from ${locations} locations every ${frequency} s: ${round(executions)} executions a month (retries after failures not counted)`, p),
    );
}

function logAnalyticsTable(ctx: Ctx): Estimate {
    // A table's retention is billed on its workspace's volume; the workspace is priced at its own retention.
    const workspace = ctx.plan.find((w) => w.type === "azure-native:operationalinsights:Workspace" && str(w.inputs.workspaceName) === str(ctx.r.inputs.workspaceName));
    const tableDays = num(ctx.r.inputs.totalRetentionInDays) ?? num(ctx.r.inputs.retentionInDays);
    const workspaceDays = num(workspace?.inputs.retentionInDays);
    if (tableDays === undefined || (workspaceDays !== undefined && tableDays <= workspaceDays)) {
        return known(0, `keeps its rows ${tableDays ?? "as long as"} ${tableDays === undefined ? "its workspace" : "days"}, no longer than its workspace (${workspaceDays ?? "?"} days), whose ingestion and retention are priced`);
    }
    return unknown(`keeps rows ${tableDays} days, past its workspace's ${workspaceDays ?? "unknown"} days: the extra retention of this table's share is not estimated`);
}

const RULES: Record<string, Rule> = {
    "aws:ec2/natGateway:NatGateway": withUsage((ctx, u) =>
        withPrices(ctx, ["aws.nat.hour", "aws.nat.gb"], ([hour, gb]) =>
            known(monthly(hour) + u.natGbPerMonth * gb.usd, `730 h + ${u.natGbPerMonth} GB processed (usageNatGbPerMonth)`, hour, gb),
        )),
    "aws:ec2/eip:Eip": (ctx) => withPrices(ctx, ["aws.publicIpv4.hour"], ([p]) => known(monthly(p), "public IPv4 address, 730 h", p)),
    "aws:kms/key:Key": (ctx) => {
        const rotation = ctx.r.inputs.enableKeyRotation === true ? (num(ctx.r.inputs.rotationPeriodInDays) ?? 365) : undefined;
        const versions = averageKeyVersionsFirstYear(rotation, 2);
        return withPrices(ctx, ["aws.kms.key.month", "aws.kms.rotation.month"], ([key, rotated]) =>
            known(
                key.usd + (versions - 1) * rotated.usd,
                rotation ? `one key rotated every ${rotation} days: ${versions.toFixed(2)} billed key versions on average over its first year (its first two rotations are billed)` : "one key, not rotated",
                key,
                rotated,
            ),
        );
    },
    "aws:kms/replicaKey:ReplicaKey": (ctx) => withPrices(ctx, ["aws.kms.key.month"], ([p]) => known(p.usd, "one replica key", p)),
    "aws:cloudwatch/logGroup:LogGroup": withUsage(cloudwatchLogGroup),
    "aws:ec2/flowLog:FlowLog": withUsage((ctx, u) =>
        withPrices(ctx, [["aws.logs.vended.gb", u.flowLogGbPerMonth]], ([p]) =>
            known(u.flowLogGbPerMonth * p.usd, `${u.flowLogGbPerMonth} GB of flow logs delivered a month (usageFlowLogGbPerMonth); stored on its log group`, p),
        )),
    "aws:cloudwatch/metricAlarm:MetricAlarm": (ctx) => withPrices(ctx, ["aws.alarm.month"], ([p]) => known(p.usd, "standard-resolution alarm", p)),
    "aws:cloudwatch/logMetricFilter:LogMetricFilter": (ctx) => withPrices(ctx, ["aws.metric.month"], ([p]) => known(p.usd, "the one custom metric it publishes", p)),
    "aws:secretsmanager/secret:Secret": (ctx) => {
        const replicas = list(ctx.r.inputs.replicas).length;
        return withPrices(ctx, ["aws.secret.month"], ([p]) => known(p.usd * (1 + replicas), `${1 + replicas} secret copies`, p));
    },
    "aws:ec2/vpcEndpoint:VpcEndpoint": (ctx) => {
        // Gateway endpoints (S3) cost nothing; an interface endpoint bills per zone it sits in.
        if (str(ctx.r.inputs.vpcEndpointType) !== "Interface") return known(0, "gateway endpoint: free");
        const zones = Array.isArray(ctx.r.inputs.subnetIds) ? ctx.r.inputs.subnetIds.length : 1;
        return withPrices(ctx, ["aws.endpoint.hour", "aws.endpoint.gb"], ([hour, gb]) =>
            known(monthly(hour) * zones + VPC_ENDPOINT_GB_PER_MONTH * gb.usd, `${zones} zone${zones === 1 ? "" : "s"} × 730 h + ${VPC_ENDPOINT_GB_PER_MONTH} GB processed`, hour, gb),
        );
    },
    "aws:eks/cluster:Cluster": (ctx) => withPrices(ctx, ["aws.eks.hour"], ([p]) => known(monthly(p), "EKS control plane, 730 h", p)),
    "aws:docdb/cluster:Cluster": (ctx) =>
        withPrices(ctx, ["aws.docdb.storage.gbMonth"], ([p]) => known(ctx.a.databaseStorageGb * p.usd, `${ctx.a.databaseStorageGb} GB storage (databaseStorageGb)`, p)),
    "aws:docdb/clusterInstance:ClusterInstance": (ctx) => {
        const cls = str(ctx.r.inputs.instanceClass);
        if (!cls) return unknown("no instance class in the plan");
        return withPrices(ctx, [`aws.docdb.${cls}.hour`], ([p]) => known(monthly(p), `${cls}, 730 h`, p));
    },
    "aws:elasticache/replicationGroup:ReplicationGroup": (ctx) => {
        // A global datastore's secondary takes its node type from the primary group.
        const nodeType =
            str(ctx.r.inputs.nodeType) ??
            (ctx.r.inputs.globalReplicationGroupId !== undefined ? ctx.plan.map((g) => (g.type === ctx.r.type ? str(g.inputs.nodeType) : undefined)).find((t) => t !== undefined) : undefined);
        if (!nodeType) return unknown("no node type in the plan");
        const shards = num(ctx.r.inputs.numNodeGroups);
        const nodes = shards !== undefined ? shards * (1 + (num(ctx.r.inputs.replicasPerNodeGroup) ?? 0)) : (num(ctx.r.inputs.numCacheClusters) ?? 1);
        return withPrices(ctx, [`aws.elasticache.${nodeType}.hour`], ([p]) => known(monthly(p) * nodes, `${nodes} × ${nodeType}, 730 h`, p));
    },
    "aws:eks/nodeGroup:NodeGroup": (ctx) => {
        const type = str(list(ctx.r.inputs.instanceTypes)[0]);
        const nodes = num(record(ctx.r.inputs.scalingConfig).minSize) ?? 0;
        if (!type) return unknown("no instance type in the plan");
        return withPrices(ctx, [`aws.ec2.${type}.hour`], ([p]) => known(nodes * monthly(p), `${nodes} × ${type} at the group's minimum, 730 h`, p));
    },
    "aws:ecr/repository:Repository": (ctx) => withPrices(ctx, ["aws.ecr.gbMonth"], ([p]) => known(REGISTRY_GB * p.usd, `${REGISTRY_GB} GB of images`, p)),
    "aws:cloudtrail/trail:Trail": withUsage((ctx, u) => {
        const dataEvents = list(ctx.r.inputs.eventSelectors).some((s) => list(record(s).dataResources).length > 0) || list(ctx.r.inputs.advancedEventSelectors).length > 0;
        if (dataEvents) return unknown("data events are billed per event: no usage assumption for them");
        // The first copy of management events in each region is free; a second trail pays.
        if (ctx.a.ownsAccountSingletons === undefined) return unknown("whether this stack owns the account's first trail is not given");
        if (ctx.a.ownsAccountSingletons) return known(0, "the account's first copy of management events: free (delivery is priced on its log group and bucket)");
        const millions = u.auditEventsPerMonth / 1e6;
        return withPrices(ctx, ["aws.cloudtrail.paidManagementEvents.million"], ([p]) =>
            known(millions * p.usd, `another stack owns the account's first trail, so this one is a paid copy: ${round(millions)} million management events a month (usageAuditEventsPerMonth)`, p),
        );
    }),
    "aws:s3/bucket:Bucket": withUsage(s3Bucket),
    "aws:amp/workspace:Workspace": ampWorkspace,
    "aws:route53/healthCheck:HealthCheck": route53HealthCheck,
    "aws:cloudwatch/logDataProtectionPolicy:LogDataProtectionPolicy": withUsage(logDataProtection),
    "aws:cloudwatch/dashboard:Dashboard": cloudwatchDashboard,
    "aws:eks/addon:Addon": eksAddon,
    "gcp:monitoring/uptimeCheckConfig:UptimeCheckConfig": gcpUptimeCheck,
    "azure-native:monitor:AzureMonitorWorkspace": azureMonitorWorkspace,
    "azure-native:alertsmanagement:PrometheusRuleGroup": prometheusRuleGroup,
    "azure-native:applicationinsights:WebTest": azureWebTest,
    "azure-native:operationalinsights:Table": logAnalyticsTable,
    "aws:s3/bucketV2:BucketV2": withUsage(s3Bucket),
    "aws:guardduty/detector:Detector": withUsage((ctx, u) => {
        const detectors = Math.max(1, ctx.plan.filter((d) => d.type === ctx.r.type).length);
        const millions = u.auditEventsPerMonth / detectors / 1e6;
        const flowGb = u.flowLogGbPerMonth;
        return withPrices(ctx, [["aws.guardduty.managementEvents.million", millions], ["aws.guardduty.flowDnsLogs.gb", flowGb]], ([events, logs]) =>
            known(
                millions * events.usd + flowGb * logs.usd,
                `${round(millions)} million management events (usageAuditEventsPerMonth across ${detectors} detectors) and the region's ${flowGb} GB of flow logs analysed a month`,
                events,
                logs,
            ),
        );
    }),
    "aws:guardduty/detectorFeature:DetectorFeature": withUsage(guarddutyFeature),
    "aws:cognito/userPool:UserPool": withUsage((ctx, u) => {
        const tier = str(ctx.r.inputs.userPoolTier) ?? "ESSENTIALS";
        return perMau(ctx, u, `aws.cognito.${tier}.mau`, `Cognito ${tier}`);
    }),
    "gcp:compute/routerNat:RouterNat": withUsage((ctx, u) =>
        withPrices(ctx, ["gcp.nat.vmHour", "gcp.nat.gb", "gcp.externalIp.hour"], ([vm, gb, ip]) =>
            known(
                vm.usd * Math.min(ctx.a.clusterNodes, 32) * HOURS_PER_MONTH + u.natGbPerMonth * gb.usd + monthly(ip),
                `${ctx.a.clusterNodes} VMs × 730 h, ${u.natGbPerMonth} GB processed (usageNatGbPerMonth), one NAT IP`,
                vm,
                gb,
                ip,
            ),
        )),
    "gcp:kms/cryptoKey:CryptoKey": (ctx) => {
        const seconds = Number(str(ctx.r.inputs.rotationPeriod)?.replace(/s$/, ""));
        const days = Number.isFinite(seconds) && seconds > 0 ? seconds / 86400 : undefined;
        const versions = averageKeyVersionsFirstYear(days);
        return withPrices(ctx, ["gcp.kms.softwareKeyVersion.month"], ([p]) =>
            known(p.usd * versions, days ? `rotated every ${days} days: ${versions.toFixed(2)} active key versions on average over its first year` : "one key version", p),
        );
    },
    "gcp:secretmanager/secret:Secret": (ctx) => withPrices(ctx, ["gcp.secret.version.month"], ([p]) => known(p.usd * 2, "2 active versions", p)),
    "gcp:redis/instance:Instance": (ctx) => {
        const tier = str(ctx.r.inputs.tier) ?? "BASIC";
        const gb = num(ctx.r.inputs.memorySizeGb);
        if (gb === undefined) return unknown("no memory size in the plan");
        const readReplicas = Math.max(0, (num(ctx.r.inputs.replicaCount) ?? 1) - 1);
        return withPrices(ctx, [[`gcp.redis.${tier}.gbHour`, gb]], ([p]) =>
            known(
                monthly(p) * gb * (1 + readReplicas),
                `${tier} ${gb} GB${readReplicas ? ` + ${readReplicas} extra read replicas` : ""}, 730 h (capacity band ${p.entry.band?.name ?? "?"}: ${p.entry.band?.from}-${p.entry.band?.to} GB)`,
                p,
            ),
        );
    },
    "gcp:compute/forwardingRule:ForwardingRule": (ctx) =>
        // A Private Service Connect endpoint is the forwarding rule with an empty scheme.
        ctx.r.inputs.loadBalancingScheme === ""
            ? withPrices(ctx, ["gcp.psc.hour"], ([p]) => known(monthly(p), "Private Service Connect endpoint, 730 h (data processing not estimated)", p))
            : unknown("load-balancer forwarding rules are priced per rule and traffic, not estimated"),
    "gcp:storage/bucket:Bucket": (ctx) => withPrices(ctx, ["gcp.storage.standard.gbMonth"], ([p]) => known(CACHE_EXPORT_GB * p.usd, `${CACHE_EXPORT_GB} GB stored`, p)),
    "gcp:cloudscheduler/job:Job": (ctx) => withPrices(ctx, ["gcp.scheduler.job.month"], ([p]) => known(p.usd, "one job (the first three per account are free)", p)),
    "gcp:container/cluster:Cluster": (ctx) => {
        // Managed Prometheus bills the samples it ingests (GKE's system metrics are free).
        if (record(record(ctx.r.inputs.monitoringConfig).managedPrometheus).enabled !== true) {
            return withPrices(ctx, ["gcp.gke.hour"], ([p]) => known(monthly(p), "GKE cluster fee, 730 h", p));
        }
        const samples = PROMETHEUS_SAMPLES_PER_CLUSTER_MONTH;
        return withPrices(ctx, ["gcp.gke.hour", ["gcp.managedPrometheus.samples.million", samples]], ([fee, ingest]) =>
            known(
                monthly(fee) + (samples / 1e6) * ingest.usd,
                `GKE cluster fee, 730 h; Managed Prometheus: ${PROMETHEUS_SERIES_PER_CLUSTER} series scraped every ${PROMETHEUS_SCRAPE_SECONDS} s, ${round(samples / 1e6)} million samples a month`,
                fee,
                ingest,
            ),
        );
    },
    "gcp:container/nodePool:NodePool": (ctx) => {
        const type = str(record(ctx.r.inputs.nodeConfig).machineType);
        const nodes = num(record(ctx.r.inputs.autoscaling).totalMinNodeCount) ?? num(ctx.r.inputs.nodeCount) ?? 0;
        if (!type) return unknown("no machine type in the plan");
        return withPrices(ctx, [`gcp.machine.${type}.hour`], ([p]) => known(nodes * monthly(p), `${nodes} × ${type} at the pool's minimum, 730 h`, p));
    },
    "gcp:artifactregistry/repository:Repository": (ctx) =>
        withPrices(ctx, ["gcp.artifactRegistry.gbMonth"], ([p]) => known(REGISTRY_GB * p.usd, `${REGISTRY_GB} GB of images`, p)),
    "gcp:logging/projectBucketConfig:ProjectBucketConfig": withUsage((ctx, u) => {
        const share = logShare(ctx, u);
        const extraMonths = Math.max(0, monthsKept(num(ctx.r.inputs.retentionDays)) - 30 / DAYS_PER_MONTH);
        return withPrices(ctx, ["gcp.logging.ingest.gb", "gcp.logging.retention.gbMonth"], ([ingest, retention]) =>
            known(share * ingest.usd + share * extraMonths * retention.usd, `${logShareBasis(ctx, u)} ingested, kept ${extraMonths.toFixed(1)} months past the included 30 days`, ingest, retention),
        );
    }),
    "gcp:compute/subnetwork:Subnetwork": withUsage((ctx, u) => {
        if (ctx.r.inputs.logConfig === undefined) return known(0, "free (no flow logs on this subnet)");
        // A network's flow-log volume is shared by its subnets that log.
        const networks = Math.max(1, ctx.plan.filter((n) => n.type === "gcp:compute/network:Network").length);
        const logging = Math.max(1, ctx.plan.filter((s) => s.type === ctx.r.type && s.inputs.logConfig !== undefined).length);
        const gb = (u.flowLogGbPerMonth * networks) / logging;
        return withPrices(ctx, [["gcp.logging.vendedNetwork.gb", gb]], ([p]) =>
            known(gb * p.usd, `${round(gb)} GB of flow logs a month (usageFlowLogGbPerMonth per network, shared by its logging subnets)`, p),
        );
    }),
    "gcp:monitoring/alertPolicy:AlertPolicy": (ctx) => {
        const conditions = list(ctx.r.inputs.conditions).map(record);
        const metric = conditions.filter((c) => c.conditionMatchedLog === undefined).length;
        const series = (metric * EVALUATIONS_PER_MONTH) / 1e6;
        return withPrices(ctx, ["gcp.monitoring.condition.month", "gcp.monitoring.timeSeries.million"], ([condition, returned]) =>
            known(
                conditions.length * condition.usd + series * returned.usd,
                `${conditions.length} condition${conditions.length === 1 ? "" : "s"}${metric ? `; ${metric} metric condition(s) returning one time series a minute` : ""}`,
                condition,
                returned,
            ),
        );
    },
    "gcp:logging/metric:Metric": (ctx) => {
        const mib = (EVALUATIONS_PER_MONTH * BYTES_PER_METRIC_POINT) / (1024 * 1024);
        return withPrices(ctx, [["gcp.monitoring.metricIngest.mib", 150]], ([p]) =>
            known(mib * p.usd, `one time series, a point a minute (${mib.toFixed(2)} MiB a month; the billing account's free 150 MiB not deducted)`, p),
        );
    },
    "gcp:identityplatform/config:Config": withUsage((ctx, u) => perMau({ ...ctx, region: "global" }, u, "gcp.identityPlatform.mau", "Identity Platform")),
    "azure-native:network:PrivateEndpoint": (ctx) =>
        withPrices(ctx, ["azure.privateEndpoint.hour"], ([p]) => known(monthly(p), "private endpoint, 730 h (data processing not estimated)", p)),
    "azure-native:network:NatGateway": withUsage((ctx, u) =>
        withPrices(ctx, ["azure.nat.hour", "azure.nat.gb"], ([hour, gb]) =>
            known(monthly(hour) + u.natGbPerMonth * gb.usd, `730 h + ${u.natGbPerMonth} GB processed (usageNatGbPerMonth)`, hour, gb),
        )),
    "azure-native:network:PublicIPAddress": (ctx) => withPrices(ctx, ["azure.publicIp.hour"], ([p]) => known(monthly(p), "Standard static IP, 730 h", p)),
    "azure-native:keyvault:Key": (ctx) => {
        const props = record(ctx.r.inputs.properties);
        const kty = str(props.kty) ?? "";
        const bits = num(props.keySize) ?? 2048;
        const rotate = list(record(props.rotationPolicy).lifetimeActions).map(record).find((a) => record(a.action).type === "rotate");
        const days = Number(str(record(rotate?.trigger).timeAfterCreate)?.match(/^P(\d+)D$/)?.[1]);
        const versions = averageKeyVersionsFirstYear(Number.isFinite(days) ? days : undefined);
        if (!kty.endsWith("-HSM")) return unknown(`no price rule for ${kty || "(unset)"} keys`);
        // RSA 3072/4096-bit and EC HSM keys are the "advanced" meter, banded by how many the vault holds.
        const advanced = kty === "EC-HSM" || bits > 2048;
        const advancedKeys = ctx.plan.filter((k) => k.type === ctx.r.type && (record(k.inputs.properties).kty === "EC-HSM" || (num(record(k.inputs.properties).keySize) ?? 2048) > 2048)).length;
        const need: Need = advanced ? ["azure.keyvault.hsmAdvanced.keyMonth", Math.ceil(advancedKeys * versions)] : "azure.keyvault.hsmRsa2048.keyMonth";
        return withPrices(ctx, [need], ([p]) =>
            known(
                p.usd * versions,
                `${kty} ${bits}-bit${days ? `, rotated every ${days} days: ${versions.toFixed(2)} key versions on average over its first year (each version is billed as a key)` : ""}`,
                p,
            ),
        );
    },
    "azure-native:storage:StorageAccount": withUsage(azureStorageAccount),
    "azure-native:monitor:MetricAlert": (ctx) => withPrices(ctx, ["azure.monitor.metricAlert.month"], ([p]) => known(p.usd, "one monitored time series", p)),
    "azure-native:monitor:ScheduledQueryRule": (ctx) =>
        str(ctx.r.inputs.evaluationFrequency) === "PT5M"
            ? withPrices(ctx, ["azure.monitor.logAlert5m.month"], ([p]) => known(p.usd, "log search alert every 5 minutes, one time series", p))
            : unknown(`no price for evaluation frequency ${str(ctx.r.inputs.evaluationFrequency) ?? "(unset)"}`),
    "azure-native:monitor:SubscriptionDiagnosticSetting": () =>
        known(0, "the activity log ingests into Log Analytics free; its archive copy is priced on the storage account"),
    "azure-native:network:FlowLog": withUsage((ctx, u) =>
        withPrices(ctx, ["azure.vnetFlowLogs.gb"], ([p]) =>
            known(u.flowLogGbPerMonth * p.usd, `${u.flowLogGbPerMonth} GB of flow logs collected a month (usageFlowLogGbPerMonth); stored on its storage account`, p),
        )),
    "azure-native:privatedns:PrivateZone": (ctx) => {
        const zones = ctx.plan.filter((z) => z.type === ctx.r.type).length;
        return withPrices({ ...ctx, region: "global" }, [["azure.privateDns.zone.month", zones]], ([p]) => known(p.usd, "one private zone (queries not estimated)", p));
    },
    "azure-native:containerservice:ManagedCluster": (ctx) => {
        // Nodes at their pools' minimum; the Standard tier (prod) adds the uptime-SLA fee, Free costs nothing.
        const pools = list(ctx.r.inputs.agentPoolProfiles).map(record).map((pool) => ({ size: str(pool.vmSize), nodes: num(pool.minCount) ?? num(pool.count) ?? 0 }));
        const unsized = pools.find((pool) => pool.size === undefined);
        if (unsized) return unknown("a node pool has no VM size in the plan");
        const standard = str(record(ctx.r.inputs.sku).tier) === "Standard";
        const needs = [...pools.map((pool) => `azure.vm.${pool.size}.hour`), ...(standard ? ["azure.aks.standard.hour"] : [])];
        return withPrices(ctx, needs, (prices) =>
            known(
                pools.reduce((sum, pool, i) => sum + pool.nodes * monthly(prices[i]), 0) + (standard ? monthly(prices[prices.length - 1]) : 0),
                `${pools.map((pool) => `${pool.nodes} × ${pool.size}`).join(" + ")} at the pools' minimum, 730 h${standard ? "; Standard tier" : "; Free tier"}`,
                ...prices,
            ),
        );
    },
    "azure-native:containerregistry:Registry": (ctx) => withPrices(ctx, ["azure.acr.premium.month"], ([p]) => known(p.usd, "Premium registry", p)),
    "azure-native:containerregistry:Replication": (ctx) => withPrices(ctx, ["azure.acr.premium.month"], ([p]) => known(p.usd, "Premium geo-replica", p)),
    "azure-native:operationalinsights:Workspace": withUsage((ctx, u) => {
        const share = logShare(ctx, u);
        const extraMonths = Math.max(0, monthsKept(num(ctx.r.inputs.retentionInDays)) - 31 / DAYS_PER_MONTH);
        return withPrices(ctx, ["azure.logAnalytics.ingest.gb", "azure.logAnalytics.retention.gbMonth"], ([ingest, retention]) =>
            known(share * ingest.usd + share * extraMonths * retention.usd, `${logShareBasis(ctx, u)} ingested, kept ${extraMonths.toFixed(1)} months past the included 31 days`, ingest, retention),
        );
    }),
    "azure-native:redis:Redis": (ctx) => {
        const sku = record(ctx.r.inputs.sku);
        const key = `${str(sku.family) ?? "?"}${num(sku.capacity) ?? "?"}`;
        const shards = num(ctx.r.inputs.shardCount) ?? 1;
        const extraReplicas = Math.max(0, (num(ctx.r.inputs.replicasPerPrimary) ?? 1) - 1);
        // A Premium shard's price covers one primary and one replica; each further replica
        // per primary adds half a shard's price.
        return withPrices(ctx, [`azure.redis.${key}.hour`], ([p]) => known(monthly(p) * shards * (1 + extraReplicas / 2), `${key} × ${shards} shard(s), 730 h`, p));
    },
    "azure-native:redisenterprise:RedisEnterprise": (ctx) => {
        const sku = str(record(ctx.r.inputs.sku).name);
        if (!sku) return unknown("no SKU in the plan");
        // The listed rate includes high availability (a replica); without it the cluster is half.
        const ha = ctx.r.inputs.highAvailability !== "Disabled";
        return withPrices(ctx, [`azure.managedRedis.${sku}.hour`], ([p]) => known(monthly(p) * (ha ? 1 : 0.5), `${sku}${ha ? " with high availability" : " without high availability (half the listed rate)"}, 730 h`, p));
    },
    "azure-native:mongocluster:MongoCluster": mongoVcore,
    "azure-native:security:Pricing": defenderPlan,
    "azure-native:azureactivedirectory:CIAMTenant": withUsage((ctx, u) => perMau({ ...ctx, region: "global" }, u, "azure.entraExternalId.mau", "Entra External ID")),
    "auth0:index/tenant:Tenant": withUsage((ctx, u) => perMau({ ...ctx, region: "global" }, u, "auth0.mau", "Auth0")),
    "mongodbatlas:index/advancedCluster:AdvancedCluster": atlasCluster,
};

/** `plan` is the plan the resource belongs to, for prices that depend on a sibling. */
export function estimateResource(r: PlannedResource, a: CostAssumptions, plan: readonly PlannedResource[] = []): Estimate {
    const rule = RULES[r.type];
    if (rule) {
        const region = regionOf(r, plan, a);
        return region ? rule({ r, a, plan, region }) : unknown("the resource's region is not known");
    }
    const free = NO_CHARGE.find(([prefix]) => r.type.startsWith(prefix));
    if (free) return known(0, free[1]);
    return unknown(`no price known for ${r.type}`);
}

/**
 * The price snapshot and what compare makes of it: every figure a test checks is read from
 * the snapshot entry (never a constant repeated here), and the refresh script's readers are
 * run on fixtures built by hand from each price API's documented response format (labelled
 * so in the fixture files; they are not recorded responses).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseStackConfig } from "../config/parse";
import { costAssumptions } from "../tools/compare/compare";
import {
    averageKeyVersionsFirstYear,
    CONTAINER_INSIGHTS_OBSERVATIONS_PER_NODE_MINUTE,
    estimateResource,
    HOURS_PER_MONTH,
    NO_CHARGE,
    PROMETHEUS_SAMPLES_PER_CLUSTER_MONTH,
} from "../tools/compare/prices";
import { applyPrices, refresh } from "../tools/compare/prices/refresh";
import { lookup, snapshot, SNAPSHOT, type PriceEntry, type Snapshot } from "../tools/compare/prices/snapshot";
import { awsOfferPrice, azureRetailPrice, convertUnit, gcpCatalogPrice, gcpServiceId } from "../tools/compare/prices/sources";
import type { PlannedResource } from "../tools/plan/types";
import { prod } from "./support/config";

const FIXTURES = path.resolve(__dirname, "../tools/compare/prices/fixtures");
const fixture = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), "utf8"));
const A = costAssumptions(parseStackConfig(prod("aws"), "prod"));
const U = A.usage!;
const PROVIDER = "urn:pulumi:prod::gravitypm::pulumi:providers:aws::aws-dr";

function r(name: string, type: string, inputs: Record<string, unknown> = {}, extra: Partial<PlannedResource> = {}): PlannedResource {
    return { urn: `urn:pulumi:prod::gravitypm::${type}::${name}`, type, name, custom: true, protect: false, retainOnDelete: false, dependencies: [], inputs, secretInputs: [], aliases: 0, ...extra };
}
const rate = (id: string, region: string, quantity?: number) => {
    const found = lookup(id, region, quantity);
    if (!found) throw new Error(`the snapshot has no ${id} in ${region}`);
    return found;
};

describe("the price snapshot", () => {
    it("holds every price with its SKU, regions, unit, date and source; manual entries say how far they were checked", () => {
        expect(SNAPSHOT.parse(snapshot).entries.length).toBeGreaterThan(90);
        for (const e of snapshot.entries) {
            expect(e.url, e.id).toMatch(/^https:\/\//);
            expect(e.sku.length, e.id).toBeGreaterThan(0);
            if (e.origin === "manual") expect(e.checked.length, e.id).toBeGreaterThan(10);
            // Every cloud's own price is reachable by the refresh script; only Atlas and Auth0 have no API.
            if (e.cloud === "aws" || e.cloud === "gcp" || e.cloud === "azure") expect(e.lookup, e.id).toBeDefined();
            else expect(e.lookup, e.id).toBeUndefined();
        }
    });

    it("has one rate per id, region and band", () => {
        const seen = new Set<string>();
        for (const e of snapshot.entries) {
            for (const region of e.regions) {
                const key = `${e.id}@${region}#${e.band?.from ?? "-"}`;
                expect(seen.has(key), key).toBe(false);
                seen.add(key);
            }
        }
    });
});

describe("prices corrected against the snapshot (issue 18)", () => {
    it("prices a 5 GB Memorystore instance in the M2 capacity band", () => {
        const instance = r("cache", "gcp:redis/instance:Instance", { tier: "STANDARD_HA", memorySizeGb: 5, locationId: "us-central1-a", region: "us-central1" });
        const m2 = rate("gcp.redis.STANDARD_HA.gbHour", "us-central1", 5);
        expect(m2.entry.band?.name).toBe("M2");
        expect(m2.usd).not.toBe(rate("gcp.redis.STANDARD_HA.gbHour", "us-central1", 4).usd);
        expect(estimateResource(instance, A).usd).toBeCloseTo(m2.usd * HOURS_PER_MONTH * 5, 2);
    });

    it("prices RSA-HSM 3072 keys at the advanced-key rate, 2048-bit at the standard HSM rate", () => {
        const key = (bits: number) => r("key", "azure-native:keyvault:Key", { keyName: "k", properties: { kty: "RSA-HSM", keySize: bits }, vaultName: "v" }, { name: "primary-key" });
        const plan = [{ ...r("v", "azure-native:keyvault:Vault", { location: "eastus" }) }];
        const a = { ...A, primaryRegion: "eastus" };
        const advanced = rate("azure.keyvault.hsmAdvanced.keyMonth", "eastus", 1);
        expect(estimateResource(key(3072), a, [...plan, key(3072)]).usd).toBe(advanced.usd);
        expect(estimateResource(key(2048), a, [...plan, key(2048)]).usd).toBe(rate("azure.keyvault.hsmRsa2048.keyMonth", "eastus").usd);
        expect(advanced.usd).toBeGreaterThan(rate("azure.keyvault.hsmRsa2048.keyMonth", "eastus").usd);
    });

    it("prices DocumentDB r6g instances from the r6g rows", () => {
        const entry = rate("aws.docdb.db.r6g.large.hour", "us-east-1");
        expect(entry.entry.sku).toBe("InstanceUsage:db.r6g.large");
        expect(estimateResource(r("db", "aws:docdb/clusterInstance:ClusterInstance", { instanceClass: "db.r6g.large" }), A).usd).toBeCloseTo(entry.usd * HOURS_PER_MONTH, 2);
    });

    it("prices Atlas by the cluster's own provider and region, and says when a custom disk has no rate", () => {
        const cluster = (provider: string, region: string, diskSizeGb: number) =>
            r("database-cluster", "mongodbatlas:index/advancedCluster:AdvancedCluster", {
                replicationSpecs: [{ regionConfigs: [{ providerName: provider, regionName: region, priority: 7, electableSpecs: { instanceSize: "M30", nodeCount: 3, diskSizeGb } }] }],
            });
        expect(estimateResource(cluster("AWS", "US_EAST_1", 40), A).usd).toBeCloseTo(rate("atlas.AWS.M30.hour", "US_EAST_1").usd * HOURS_PER_MONTH, 2);
        // Atlas on GCP is not priced at AWS's rates: the snapshot has none for GCP, so it is unknown.
        const gcp = estimateResource(cluster("GCP", "CENTRAL_US", 40), A);
        expect(gcp.usd).toBeUndefined();
        expect(gcp.basis).toContain("atlas.GCP.M30.hour in CENTRAL_US");
        expect(estimateResource(cluster("AWS", "US_EAST_1", 128), A).basis).toMatch(/a 128 GB disk on M30 is custom storage/);
    });

    it("charges GCP flow logs, Azure VNet flow-log collection and Azure private DNS zones", () => {
        const network = r("primary-network-vpc", "gcp:compute/network:Network");
        const subnet = r("primary-network-app", "gcp:compute/subnetwork:Subnetwork", { region: "us-central1", logConfig: { aggregationInterval: "INTERVAL_5_SEC" } });
        expect(estimateResource(subnet, A, [network, subnet]).usd).toBeCloseTo(U.flowLogGbPerMonth * rate("gcp.logging.vendedNetwork.gb", "us-central1", U.flowLogGbPerMonth).usd, 2);
        const flowLog = r("primary-network-flow-log", "azure-native:network:FlowLog", { location: "eastus" });
        expect(estimateResource(flowLog, A).usd).toBeCloseTo(U.flowLogGbPerMonth * rate("azure.vnetFlowLogs.gb", "eastus").usd, 2);
        const zone = r("cache-dns-zone", "azure-native:privatedns:PrivateZone", { location: "Global" });
        expect(estimateResource(zone, A, [zone]).usd).toBe(rate("azure.privateDns.zone.month", "global", 1).usd);
    });

    it("charges an AWS KMS key's rotated backing keys (its first two rotations)", () => {
        const key = (rotation: boolean) => r("primary-keys-key", "aws:kms/key:Key", { enableKeyRotation: rotation, rotationPeriodInDays: 90 });
        const base = rate("aws.kms.key.month", "us-east-1").usd;
        const rotated = rate("aws.kms.rotation.month", "us-east-1").usd;
        expect(estimateResource(key(false), A).usd).toBe(base);
        expect(estimateResource(key(true), A).usd).toBeCloseTo(base + (averageKeyVersionsFirstYear(90, 2) - 1) * rotated, 2);
        expect(averageKeyVersionsFirstYear(90, 2)).toBeGreaterThan(1);
        expect(averageKeyVersionsFirstYear(90, 2)).toBeLessThan(averageKeyVersionsFirstYear(90));
    });

    it("shares the stack's log volume among its log stores, so ten log groups cost what one does", () => {
        const groups = (n: number) => Array.from({ length: n }, (_, i) => r(`logs-${i}`, "aws:cloudwatch/logGroup:LogGroup", { name: `/g/${i}`, retentionInDays: 365 }));
        const total = (plan: PlannedResource[]) => plan.reduce((sum, g) => sum + (estimateResource(g, A, plan).usd ?? Number.NaN), 0);
        expect(total(groups(10))).toBeCloseTo(total(groups(1)), 1);
        const months = 365 / (365 / 12);
        expect(total(groups(1))).toBeCloseTo(U.logGbPerMonth * (rate("aws.logs.ingest.gb", "us-east-1").usd + months * rate("aws.logs.store.gbMonth", "us-east-1").usd), 1);
    });

    it("looks a price up for the resource's own region and does not guess one it lacks", () => {
        const provider = (region: string) => r("aws-dr", "pulumi:providers:aws", { region }, { urn: PROVIDER });
        const nat = r("dr-network-nat", "aws:ec2/natGateway:NatGateway", {}, { provider: PROVIDER });
        const priced = estimateResource(nat, A, [provider("us-west-2"), nat]);
        expect(priced.prices.map((p) => p.region)).toEqual(["us-west-2", "us-west-2"]);
        const elsewhere = estimateResource(nat, A, [provider("ap-south-1"), nat]);
        expect(elsewhere.usd).toBeUndefined();
        expect(elsewhere.basis).toMatch(/no price in the snapshot for aws\.nat\.hour, aws\.nat\.gb in ap-south-1/);
    });

    it("prices the security baseline's usage-based services from the usage assumptions, and lists the free ones with a reason", () => {
        const detector = r("security-guardduty", "aws:guardduty/detector:Detector");
        const events = rate("aws.guardduty.managementEvents.million", "us-east-1", 1).usd;
        const logs = rate("aws.guardduty.flowDnsLogs.gb", "us-east-1", 1).usd;
        expect(estimateResource(detector, A, [detector]).usd).toBeCloseTo((U.auditEventsPerMonth / 1e6) * events + U.flowLogGbPerMonth * logs, 2);
        const policy = r("cache-cpu", "gcp:monitoring/alertPolicy:AlertPolicy", { project: "p", conditions: [{ conditionMatchedLog: {} }, { conditionMatchedLog: {} }] });
        expect(estimateResource(policy, { ...A, primaryRegion: "us-central1" }).usd).toBe(2 * rate("gcp.monitoring.condition.month", "us-central1").usd);
        for (const type of ["aws:cloudwatch/eventRule:EventRule", "aws:cloudwatch/eventTarget:EventTarget", "azure-native:monitor:ActivityLogAlert", "aws:s3/bucketPolicy:BucketPolicy"]) {
            const reason = NO_CHARGE.find(([prefix]) => type.startsWith(prefix))?.[1];
            expect(reason, type).toBeDefined();
            expect(estimateResource(r("x", type), A)).toMatchObject({ usd: 0, basis: reason });
        }
    });

    it("prices identity per monthly active user past the free allowance", () => {
        const pool = (tier: string) => r("identity-pool", "aws:cognito/userPool:UserPool", { userPoolTier: tier });
        const essentials = rate("aws.cognito.ESSENTIALS.mau", "us-east-1");
        expect(estimateResource(pool("ESSENTIALS"), A).usd).toBeCloseTo(Math.max(0, U.monthlyActiveUsers - (essentials.entry.band?.from ?? 0)) * essentials.usd, 2);
        expect(estimateResource(pool("PLUS"), A).usd).toBeCloseTo(U.monthlyActiveUsers * rate("aws.cognito.PLUS.mau", "us-east-1").usd, 2);
        expect(estimateResource(pool("ESSENTIALS"), { ...A, usage: undefined }).basis).toMatch(/needs the usage assumptions/);
    });
});

describe("the Observability component and error tracking (prices from their snapshot entries)", () => {
    const AWS_PROVIDER = "urn:pulumi:prod::gravitypm::pulumi:providers:aws::aws-primary";
    const awsProvider = r("aws-primary", "pulumi:providers:aws", { region: "us-east-1" }, { urn: AWS_PROVIDER });

    it("prices AMP from the stated series count, Route 53 checks by their options, masking by the GB it scans, dashboards past the free three", () => {
        const cluster = r("cluster", "aws:eks/cluster:Cluster", {}, { provider: AWS_PROVIDER });
        const amp = r("observability-primary-prometheus", "aws:amp/workspace:Workspace", {}, { provider: AWS_PROVIDER });
        const ingest = rate("aws.amp.ingest.tenMillionSamples", "us-east-1", PROMETHEUS_SAMPLES_PER_CLUSTER_MONTH);
        const store = rate("aws.amp.storage.gbMonth", "us-east-1");
        const ampUsd = estimateResource(amp, A, [awsProvider, cluster, amp]).usd ?? 0;
        expect(ampUsd).toBeGreaterThan((PROMETHEUS_SAMPLES_PER_CLUSTER_MONTH / 1e7) * ingest.usd);
        expect(ampUsd).toBeLessThan((PROMETHEUS_SAMPLES_PER_CLUSTER_MONTH / 1e7) * ingest.usd + 100 * store.usd);

        const check = r("observability-app-check", "aws:route53/healthCheck:HealthCheck", { type: "HTTPS", measureLatency: true, requestInterval: 30 });
        const base = rate("aws.route53.healthCheck.nonAws.month", "global").usd;
        const option = rate("aws.route53.healthCheck.optionNonAws.month", "global").usd;
        expect(estimateResource(check, A).usd).toBeCloseTo(base + 2 * option, 2);
        expect(estimateResource({ ...check, inputs: { type: "HTTPS_STR_MATCH", measureLatency: true, requestInterval: 10 } }, A).usd).toBeCloseTo(base + 4 * option, 2);

        const group = r("logs", "aws:cloudwatch/logGroup:LogGroup", { name: "/aws/containerinsights/c/application" });
        const masking = r("masking", "aws:cloudwatch/logDataProtectionPolicy:LogDataProtectionPolicy", { logGroupName: "/aws/containerinsights/c/application" });
        expect(estimateResource(masking, A, [group, masking]).usd).toBeCloseTo(U.logGbPerMonth * rate("aws.logs.dataProtection.gb", "us-east-1").usd, 2);
        expect(estimateResource(masking, { ...A, usage: undefined }, [group, masking]).basis).toMatch(/needs the usage assumptions/);

        const dashboards = [1, 2, 3, 4].map((i) => r(`dashboard-${i}`, "aws:cloudwatch/dashboard:Dashboard"));
        const dashboard = rate("aws.cloudwatch.dashboard.month", "us-east-1").usd;
        expect(dashboards.map((d) => estimateResource(d, { ...A, ownsAccountSingletons: true }, dashboards).usd)).toEqual([0, 0, 0, dashboard]);
        expect(estimateResource(dashboards[0], { ...A, ownsAccountSingletons: false }, dashboards).usd).toBe(dashboard);
    });

    it("prices Container Insights observations on the CloudWatch observability add-on and keeps other add-ons free", () => {
        const nodes = r("nodes", "aws:eks/nodeGroup:NodeGroup", { clusterName: "c", instanceTypes: ["m7g.large"], scalingConfig: { minSize: 3 } });
        const addon = r("observability-addon", "aws:eks/addon:Addon", { addonName: "amazon-cloudwatch-observability", clusterName: "c" });
        const observations = rate("aws.containerInsights.observations.million", "us-east-1").usd;
        expect(estimateResource(addon, A, [nodes, addon]).usd).toBeCloseTo(((3 * CONTAINER_INSIGHTS_OBSERVATIONS_PER_NODE_MINUTE * HOURS_PER_MONTH * 60) / 1e6) * observations, 2);
        expect(estimateResource(r("cni", "aws:eks/addon:Addon", { addonName: "vpc-cni" }), A).usd).toBe(0);
    });

    it("prices GCP uptime checks past the free executions and Managed Prometheus samples on the cluster", () => {
        const G = { ...A, primaryRegion: "us-central1" };
        const uptime = rate("gcp.monitoring.uptimeCheck.thousandExecutions", "global", Number.MAX_SAFE_INTEGER);
        const free = uptime.entry.band?.from ?? 0;
        const check = (name: string, period: string) => r(name, "gcp:monitoring/uptimeCheckConfig:UptimeCheckConfig", { period, selectedRegions: ["USA_OREGON", "USA_IOWA", "USA_VIRGINIA"] });
        const slow = [check("a", "60s"), check("b", "60s")];
        expect(slow.map((c) => estimateResource(c, G, slow).usd)).toEqual([0, 0]);
        const executions = 3 * HOURS_PER_MONTH * 60;
        const many = Array.from({ length: 10 }, (_, i) => check(`c${i}`, "60s"));
        expect(estimateResource(many[0], G, many).usd).toBeCloseTo(((10 * executions - free) / 10 / 1000) * uptime.usd, 2);

        const gke = r("cluster", "gcp:container/cluster:Cluster", { location: "us-central1", monitoringConfig: { managedPrometheus: { enabled: true } } });
        const fee = rate("gcp.gke.hour", "us-central1").usd * HOURS_PER_MONTH;
        const samples = rate("gcp.managedPrometheus.samples.million", "us-central1", PROMETHEUS_SAMPLES_PER_CLUSTER_MONTH).usd;
        expect(estimateResource(gke, G).usd).toBeCloseTo(fee + (PROMETHEUS_SAMPLES_PER_CLUSTER_MONTH / 1e6) * samples, 2);
        expect(estimateResource({ ...gke, inputs: { location: "us-central1" } }, G).usd).toBeCloseTo(fee, 2);
    });

    it("prices the Azure Monitor workspace per sample, standard tests per execution, and Managed Redis B1", () => {
        const Z = { ...A, primaryRegion: "eastus" };
        const aks = (name: string) => r(name, "azure-native:containerservice:ManagedCluster", { location: "eastus", agentPoolProfiles: [] });
        const workspace = r("observability-prometheus", "azure-native:monitor:AzureMonitorWorkspace", { location: "eastus" });
        const plan = [aks("cluster"), aks("dr-cluster"), workspace];
        expect(estimateResource(workspace, Z, plan).usd).toBeCloseTo(((2 * PROMETHEUS_SAMPLES_PER_CLUSTER_MONTH) / 1e7) * rate("azure.monitor.prometheus.ingest.tenMillionSamples", "eastus").usd, 2);

        const test = r("observability-app-test", "azure-native:applicationinsights:WebTest", { kind: "standard", location: "eastus", frequency: 300, locations: [{}, {}, {}, {}, {}] });
        expect(estimateResource(test, Z).usd).toBeCloseTo(((5 * HOURS_PER_MONTH * 3600) / 300) * rate("azure.appInsights.standardTest.execution", "eastus").usd, 2);
        expect(estimateResource({ ...test, inputs: { ...test.inputs, kind: "multistep" } }, Z).usd).toBeUndefined();

        const redis = r("cache-cluster", "azure-native:redisenterprise:RedisEnterprise", { location: "eastus2", sku: { name: "Balanced_B1" } });
        expect(estimateResource(redis, Z).usd).toBeCloseTo(rate("azure.managedRedis.Balanced_B1.hour", "eastus2").usd * HOURS_PER_MONTH, 2);

        const ws = r("logs", "azure-native:operationalinsights:Workspace", { workspaceName: "w", retentionInDays: 90 });
        const table = (days: number) => r("t", "azure-native:operationalinsights:Table", { workspaceName: "w", totalRetentionInDays: days, location: "eastus" });
        expect(estimateResource(table(90), Z, [ws]).usd).toBe(0);
        expect(estimateResource(table(365), Z, [ws]).usd).toBeUndefined();
    });

    it("lists the free observability types and Sentry with a reason, and every new entry says how far it was checked", () => {
        for (const type of [
            "gcp:logging/projectExclusion:ProjectExclusion",
            "gcp:monitoring/genericService:GenericService",
            "gcp:monitoring/slo:Slo",
            "gcp:monitoring/dashboard:Dashboard",
            "gcp:dataloss/preventionInspectTemplate:PreventionInspectTemplate",
            "azure-native:monitor:DataCollectionEndpoint",
            "azure-native:monitor:DataCollectionRuleAssociation",
            "azure-native:applicationinsights:Component",
            "azure-native:applicationinsights:Workbook",
            "sentry:index/sentryProject:SentryProject",
        ]) {
            const reason = NO_CHARGE.find(([prefix]) => type.startsWith(prefix))?.[1];
            expect(reason, type).toBeDefined();
            expect(estimateResource(r("x", type), A)).toMatchObject({ usd: 0, basis: reason });
        }
        expect(NO_CHARGE.find(([prefix]) => prefix === "sentry:")?.[1]).toMatch(/outside this cloud bill.*sentry\.io\/pricing/);
        for (const id of ["aws.amp.ingest.tenMillionSamples", "aws.route53.healthCheck.nonAws.month", "aws.logs.dataProtection.gb", "azure.appInsights.standardTest.execution"]) {
            const [entry] = snapshot.entries.filter((e) => e.id === id);
            expect(entry.checked, id).toMatch(/not re-read/);
        }
    });
});

describe("price API readers (on documented-format fixtures, not recorded responses)", () => {
    it("labels every fixture as built from the documented format", () => {
        for (const file of fs.readdirSync(FIXTURES)) expect(fs.readFileSync(path.join(FIXTURES, file), "utf8"), file).toMatch(/Built by hand from the documented .*NOT a recorded response/);
    });

    it("reads an AWS offer file: the usage type with its region prefix, the attributes asked for, the band's begin range", () => {
        const ec2 = fixture("aws-offer-AmazonEC2-us-east-2.json");
        expect(awsOfferPrice(ec2, { source: "aws-price-list", offer: "AmazonEC2", usagetype: "NatGateway-Hours" }, "us-east-2")).toMatchObject({ usd: 0.047, unit: "Hrs", asOf: "2026-12-01" });
        expect(awsOfferPrice(ec2, { source: "aws-price-list", offer: "AmazonEC2", usagetype: "BoxUsage:m7i.large", attributes: { operatingSystem: "Linux" } }, "us-east-2")?.usd).toBe(0.11);
        expect(awsOfferPrice(ec2, { source: "aws-price-list", offer: "AmazonEC2", usagetype: "NatGateway-Hours" }, "us-west-2")).toBeUndefined();
        const cw = fixture("aws-offer-AmazonCloudWatch-us-east-1.json");
        expect(awsOfferPrice(cw, { source: "aws-price-list", offer: "AmazonCloudWatch", usagetype: "VendedLog-Bytes", beginRange: 0 }, "us-east-1")?.usd).toBe(0.52);
        expect(awsOfferPrice(cw, { source: "aws-price-list", offer: "AmazonCloudWatch", usagetype: "VendedLog-Bytes", beginRange: 10240 }, "us-east-1")?.usd).toBe(0.26);
    });

    it("reads Azure retail prices across pages: consumption meters only, by region and tier", () => {
        const pages = fixture("azure-retail-prices-pages.json") as unknown[];
        const amr = { source: "azure-retail-prices" as const, serviceName: "Azure Managed Redis", productName: "Azure Managed Redis Balanced", meterName: "B5 Cache Instance" };
        expect(azureRetailPrice(pages, amr, "eastus")).toMatchObject({ usd: 0.32, unit: "1 Hour", sku: "fixture-amr-b5-eastus" });
        expect(azureRetailPrice(pages, amr, "westus2")?.usd).toBe(0.35);
        const kv = { source: "azure-retail-prices" as const, serviceName: "Key Vault", productName: "Key Vault", meterName: "Premium HSM-protected Advanced Key" };
        expect(azureRetailPrice(pages, { ...kv, tierMinimumUnits: 250 }, "eastus")?.usd).toBe(2.55);
        expect(azureRetailPrice(pages, kv, "eastus")?.usd).toBe(5.1);
    });

    it("reads the GCP billing catalog: the service id by name, on-demand SKUs in the region, the first paid tier", () => {
        expect(gcpServiceId(fixture("gcp-billing-services-pages.json") as unknown[], "Cloud Memorystore for Redis")).toBe("FIXT-0000-0001");
        const skus = fixture("gcp-billing-skus-pages.json") as unknown[];
        const m2 = { source: "gcp-billing-catalog" as const, service: "Cloud Memorystore for Redis", description: "Redis Capacity Standard M2" };
        expect(gcpCatalogPrice(skus, m2, "us-central1")).toMatchObject({ usd: 0.055, unit: "GiBy.h", sku: "FIXT-SKU-0002" });
        const logs = { source: "gcp-billing-catalog" as const, service: "Cloud Logging", description: "Log Storage cost" };
        expect(gcpCatalogPrice(skus, logs, "global")?.usd).toBe(0.5);
        expect(gcpCatalogPrice(skus, { ...logs, startUsageAmount: 0 }, "global")?.usd).toBe(0);
    });

    it("converts only units it knows to agree", () => {
        expect(convertUnit({ usd: 0.000004, unit: "Events", sku: "s", asOf: "" }, "million events")).toBe(4);
        expect(convertUnit({ usd: 0.045, unit: "Hrs", sku: "s", asOf: "" }, "hour")).toBe(0.045);
        expect(convertUnit({ usd: 0.045, unit: "Hrs", sku: "s", asOf: "" }, "GB")).toBeUndefined();
    });
});

describe("refresh", () => {
    afterEach(() => {
        vi.unstubAllGlobals();
        vi.unstubAllEnvs();
    });

    const manual = (over: Partial<PriceEntry>): PriceEntry => ({
        id: "x",
        cloud: "azure",
        service: "s",
        sku: "manual sku",
        regions: ["eastus", "westus2", "eastus2"],
        unit: "hour",
        usd: 0.31,
        asOf: "2026-12",
        origin: "manual",
        url: "https://example.com/pricing",
        checked: "not re-read",
        lookup: { source: "azure-retail-prices", serviceName: "Azure Managed Redis", productName: "Azure Managed Redis Balanced", meterName: "B5 Cache Instance" },
        ...over,
    });

    it("splits an entry by region when the regions' prices differ, and keeps regions it found no price for", () => {
        const next = applyPrices(manual({}), [{ region: "eastus", usd: 0.32, sku: "m1", url: "https://a" }, { region: "westus2", usd: 0.35, sku: "m2", url: "https://b" }], "2026-12-08");
        expect(next.map((e) => [e.regions, e.usd, e.origin, e.asOf])).toEqual([
            [["eastus"], 0.32, "azure-retail-prices", "2026-12-08"],
            [["westus2"], 0.35, "azure-retail-prices", "2026-12-08"],
            [["eastus2"], 0.31, "manual", "2026-12"],
        ]);
    });

    it("rewrites entries from the APIs' answers, and keeps GCP's without an API key", async () => {
        const responses: Record<string, unknown> = {
            "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/current/us-east-2/index.json": fixture("aws-offer-AmazonEC2-us-east-2.json"),
        };
        const azurePages = fixture("azure-retail-prices-pages.json") as unknown[];
        vi.stubGlobal("fetch", async (url: string) => {
            const body = url.startsWith("https://prices.azure.com/") ? (url.includes("$skip=100") ? azurePages[1] : azurePages[0]) : responses[url];
            return { ok: body !== undefined, status: body === undefined ? 404 : 200, json: async () => body };
        });
        vi.stubEnv("GCP_BILLING_API_KEY", "");
        const current: Snapshot = {
            about: "test",
            generated: "2026-12-01",
            entries: [
                manual({ id: "aws.nat.hour", cloud: "aws", regions: ["us-east-2"], usd: 0.045, lookup: { source: "aws-price-list", offer: "AmazonEC2", usagetype: "NatGateway-Hours" } }),
                manual({ id: "azure.managedRedis.Balanced_B5.hour", regions: ["eastus", "westus2"] }),
                manual({ id: "gcp.redis.STANDARD_HA.gbHour", cloud: "gcp", unit: "GB-hour", regions: ["us-central1"], usd: 0.054, lookup: { source: "gcp-billing-catalog", service: "Cloud Memorystore for Redis", description: "Redis Capacity Standard M2" } }),
            ],
        };
        const lines: string[] = [];
        const next = await refresh(current, ["aws-price-list", "azure-retail-prices", "gcp-billing-catalog"], "2026-12-08", (l) => lines.push(l));
        expect(next.entries.map((e) => [e.id, e.regions, e.usd, e.origin])).toEqual([
            ["aws.nat.hour", ["us-east-2"], 0.047, "aws-price-list"],
            ["azure.managedRedis.Balanced_B5.hour", ["eastus"], 0.32, "azure-retail-prices"],
            ["azure.managedRedis.Balanced_B5.hour", ["westus2"], 0.35, "azure-retail-prices"],
            ["gcp.redis.STANDARD_HA.gbHour", ["us-central1"], 0.054, "manual"],
        ]);
        expect(next.entries[0].url).toBe("https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/current/us-east-2/index.json");
        expect(lines).toContain("kept gcp.redis.STANDARD_HA.gbHour in us-central1: GCP_BILLING_API_KEY is not set");
    });
});

/**
 * The mock outputs place every value where its resource lives: the resource's own region
 * (project, location), else its explicit provider's, else the mock default. Plans are checked
 * on their inputs (which carry other resources' outputs), and each resource's own outputs
 * are checked by replaying it through fresh mocks that know the plan's providers.
 */
import { describe, expect, it } from "vitest";
import { MOCK_SUBSCRIPTION_ID, PlanMocks } from "../tools/plan/mocks";
import { awsRegionCode } from "../tools/plan/mocks/aws";
import { awsPlacement, azurePlacement, gcpPlacement, ProviderConfigs, providerUrn } from "../tools/plan/mocks/placement";
import type { Plan, PlannedResource } from "../tools/plan/types";
import { one, plan } from "./support/plan";

const AWS_PROVIDER = "urn:pulumi:prod::gravitypm::pulumi:pulumi:Stack$pulumi:providers:aws::aws-dr";
const GCP_PROVIDER = "urn:pulumi:prod::gravitypm::pulumi:pulumi:Stack$pulumi:providers:gcp::gcp-dr";
const AZURE_PROVIDER = "urn:pulumi:prod::gravitypm::pulumi:pulumi:Stack$pulumi:providers:azure-native::azure-dr";
const ref = (urn: string) => `${urn}::0f1e2d3c`;

/** Every string anywhere in a value. */
function strings(value: unknown): string[] {
    if (typeof value === "string") return [value];
    if (Array.isArray(value)) return value.flatMap(strings);
    if (typeof value === "object" && value !== null) return Object.values(value).flatMap(strings);
    return [];
}

/** Every match of a pattern's first group, across every string of a value (JSON documents included). */
function captures(value: unknown, pattern: RegExp): string[] {
    return strings(value).flatMap((s) => [...s.matchAll(new RegExp(pattern.source, "g"))].map((m) => m[1]));
}

function provider(p: Plan, type: string, name: string): PlannedResource {
    return one(p, `pulumi:providers:${type}`, name);
}

function onProvider(p: Plan, providerResource: PlannedResource): PlannedResource[] {
    return p.resources.filter((r) => r.provider === providerResource.urn);
}

/** Fresh mocks that know the plan's providers, as the engine's did. */
function replayer(p: Plan): PlanMocks {
    const mocks = new PlanMocks();
    for (const r of p.resources) mocks.registered(r.urn, r.type, r.inputs);
    return mocks;
}

/** The outputs the mocks give a planned resource. */
function outputsOf(mocks: PlanMocks, r: PlannedResource): Record<string, unknown> {
    const { id, state } = mocks.newResource({ type: r.type, name: r.name, inputs: r.inputs, provider: r.provider ? ref(r.provider) : undefined, custom: r.custom });
    return { ...state, id };
}

// The region inside an ARN: arn:partition:service:REGION:account:resource.
const ARN_REGION = /arn:aws:[a-z0-9-]+:([a-z0-9-]*):/;

describe("placement resolution", () => {
    const providers = new ProviderConfigs();
    providers.record(AWS_PROVIDER, "pulumi:providers:aws", { region: "us-west-2", defaultTags: "{}" });
    providers.record(GCP_PROVIDER, "pulumi:providers:gcp", { region: "us-east1", project: "gravitypm-prod" });
    providers.record(AZURE_PROVIDER, "pulumi:providers:azure-native", { location: "westus2", subscriptionId: "22222222-2222-2222-2222-222222222222" });
    providers.record("urn:pulumi:prod::gravitypm::aws:kms/key:Key::k", "aws:kms/key:Key", { region: "eu-west-1" });

    it("finds a provider's settings by the reference later resources carry", () => {
        expect(providerUrn(ref(AWS_PROVIDER))).toBe(AWS_PROVIDER);
        expect(providers.lookup(ref(AWS_PROVIDER))).toEqual({ region: "us-west-2" });
        expect(providers.lookup(ref(GCP_PROVIDER))).toEqual({ region: "us-east1", project: "gravitypm-prod" });
        expect(providers.lookup(ref(AZURE_PROVIDER))).toEqual({ location: "westus2", subscriptionId: "22222222-2222-2222-2222-222222222222" });
        // No provider, an unregistered one, or a resource that is not a provider: nothing known.
        expect(providers.lookup(undefined)).toEqual({});
        expect(providers.lookup(ref("urn:pulumi:prod::gravitypm::pulumi:providers:aws::other"))).toEqual({});
        expect(providers.lookup(ref("urn:pulumi:prod::gravitypm::aws:kms/key:Key::k"))).toEqual({});
    });

    it("prefers the resource's own setting, then its provider's, then the default", () => {
        const aws = providers.lookup(ref(AWS_PROVIDER));
        expect(awsPlacement({ region: "eu-central-1" }, aws)).toEqual({ region: "eu-central-1" });
        expect(awsPlacement({}, aws)).toEqual({ region: "us-west-2" });
        expect(awsPlacement({}, {})).toEqual({ region: "us-east-1" });
        expect(awsPlacement({ region: "" }, {}, "us-west-2")).toEqual({ region: "us-west-2" });

        const gcp = providers.lookup(ref(GCP_PROVIDER));
        expect(gcpPlacement({ region: "europe-west1", project: "other" }, gcp)).toEqual({ region: "europe-west1", project: "other" });
        expect(gcpPlacement({ location: "us-east4" }, gcp)).toEqual({ region: "us-east4", project: "gravitypm-prod" });
        expect(gcpPlacement({}, gcp)).toEqual({ region: "us-east1", project: "gravitypm-prod" });
        expect(gcpPlacement({}, {})).toEqual({ region: "us-central1", project: "mock-project" });

        const azure = providers.lookup(ref(AZURE_PROVIDER));
        expect(azurePlacement({ location: "northeurope" }, azure)).toEqual({ location: "northeurope", subscriptionId: "22222222-2222-2222-2222-222222222222" });
        expect(azurePlacement({}, azure)).toEqual({ location: "westus2", subscriptionId: "22222222-2222-2222-2222-222222222222" });
        expect(azurePlacement({}, {})).toEqual({ location: "eastus", subscriptionId: MOCK_SUBSCRIPTION_ID });
    });

    it("writes AWS region codes the way hostnames do", () => {
        expect(awsRegionCode("us-east-1")).toBe("use1");
        expect(awsRegionCode("us-west-2")).toBe("usw2");
        expect(awsRegionCode("eu-central-1")).toBe("euc1");
    });

    it("gives resources and provider functions their provider's placement", () => {
        const mocks = new PlanMocks();
        mocks.registered(AWS_PROVIDER, "pulumi:providers:aws", { region: "us-west-2" });
        mocks.registered(AZURE_PROVIDER, "pulumi:providers:azure-native", { location: "westus2", subscriptionId: "22222222-2222-2222-2222-222222222222" });
        const key = mocks.newResource({ type: "aws:kms/key:Key", name: "k", inputs: {}, provider: ref(AWS_PROVIDER) });
        expect(key.state.arn).toMatch(/^arn:aws:kms:us-west-2:/);
        expect(mocks.newResource({ type: "aws:kms/key:Key", name: "k", inputs: {} }).state.arn).toMatch(/^arn:aws:kms:us-east-1:/);
        expect(mocks.call({ token: "aws:index/getRegion:getRegion", inputs: {}, provider: ref(AWS_PROVIDER) }).name).toBe("us-west-2");
        const group = mocks.newResource({ type: "azure-native:resources:ResourceGroup", name: "rg", inputs: { resourceGroupName: "dr" }, provider: ref(AZURE_PROVIDER) });
        expect(group.id).toBe("/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/dr");
        expect(mocks.call({ token: "azure-native:authorization:getClientConfig", inputs: {}, provider: ref(AZURE_PROVIDER) }).subscriptionId).toBe(
            "22222222-2222-2222-2222-222222222222",
        );
    });
});

describe("prod AWS: the DR region's values", () => {
    it("names the DR region in every ARN a DR resource takes or returns", async () => {
        const p = await plan("prod", "aws");
        const dr = provider(p, "aws", "aws-dr");
        const drRegion = dr.inputs.region;
        expect(drRegion).toBe("us-west-2");
        expect(provider(p, "aws", "aws-primary").inputs.region).not.toBe(drRegion);
        const resources = onProvider(p, dr);
        expect(resources.length).toBeGreaterThan(20);
        const mocks = replayer(p);
        for (const r of resources) {
            // IAM and other global services leave the region empty.
            for (const region of captures(r.inputs, ARN_REGION)) expect(["", drRegion], `${r.name} input`).toContain(region);
            for (const region of captures(outputsOf(mocks, r), ARN_REGION)) expect(["", drRegion], `${r.name} output`).toContain(region);
        }
        // The checks above saw ARNs, in inputs and outputs both.
        expect(resources.flatMap((r) => captures(r.inputs, ARN_REGION)).filter((x) => x === drRegion).length).toBeGreaterThan(10);
    });

    it("encrypts the DR DocumentDB cluster with the DR region's key", async () => {
        const p = await plan("prod", "aws");
        const dr = provider(p, "aws", "aws-dr");
        const cluster = one(p, "aws:docdb/cluster:Cluster", "database-dr-cluster");
        expect(cluster.provider).toBe(dr.urn);
        const drKey = p.resources.find((r) => r.type === "aws:kms/key:Key" && r.provider === dr.urn)!;
        const keyArn = outputsOf(replayer(p), drKey).arn;
        expect(keyArn).toMatch(/^arn:aws:kms:us-west-2:123456789012:key\//);
        expect(cluster.inputs.kmsKeyId).toBe(keyArn);
        // And its endpoints are in the DR region.
        expect(outputsOf(replayer(p), cluster).endpoint).toMatch(/\.us-west-2\.docdb\.amazonaws\.com$/);
    });
});

describe("prod GCP: the DR region's values", () => {
    it("names the DR region and the project in every self link and key id of a DR resource", async () => {
        const p = await plan("prod", "gcp");
        const dr = provider(p, "gcp", "gcp-dr");
        const { region: drRegion, project } = dr.inputs;
        expect(drRegion).toBe("us-east1");
        expect(project).toBe("gravitypm-prod");
        const resources = onProvider(p, dr);
        expect(resources.length).toBeGreaterThan(10);
        const mocks = replayer(p);
        const regional = /\/(?:regions|locations)\/([a-z0-9-]+)\//;
        const projects = /projects\/([a-z0-9-]+)\//;
        // Except the Atlas service attachment a Private Service Connect endpoint targets: Atlas's project.
        const ours = (value: unknown) => strings(value).filter((s) => !s.includes("/serviceAttachments/"));
        let seen = 0;
        for (const r of resources) {
            const outputs = outputsOf(mocks, r);
            for (const value of [r.inputs, outputs]) {
                for (const region of captures(value, regional)) expect(region, r.name).toBe(drRegion);
                for (const id of captures(ours(value), projects)) expect(id, r.name).toBe(project);
                seen += captures(value, regional).length;
            }
            expect(outputs.project, r.name).toBe(project);
        }
        expect(seen).toBeGreaterThan(10);
        // The DR key is in the DR key ring, in the DR region.
        const keyRingId = outputsOf(mocks, one(p, "gcp:kms/keyRing:KeyRing", "dr-keys-ring")).id;
        expect(keyRingId).toBe("projects/gravitypm-prod/locations/us-east1/keyRings/dr-keys-ring");
        const key = one(p, "gcp:kms/cryptoKey:CryptoKey", "dr-keys-key");
        expect(key.inputs.keyRing).toBe(keyRingId);
        expect(outputsOf(mocks, key).id).toBe(`${String(keyRingId)}/cryptoKeys/dr-keys-key`);
    });
});

describe("prod Azure: the DR location's values", () => {
    it("puts every DR resource's id in the DR resource group and its hostnames in the DR location", async () => {
        const p = await plan("prod", "azure");
        const dr = provider(p, "azure-native", "azure-dr");
        const drLocation = dr.inputs.location;
        expect(drLocation).toBe("westus2");
        const drGroup = one(p, "azure-native:resources:ResourceGroup", "dr-resource-group").inputs.resourceGroupName;
        const resources = onProvider(p, dr);
        expect(resources.length).toBeGreaterThan(20);
        const mocks = replayer(p);
        // A flow log belongs to the region's Network Watcher, in Azure's own NetworkWatcherRG; a
        // vCore geo-replica must share its source's resource group (Azure refuses another one), and
        // a registry's geo-replica is a child of the primary registry, in the registry's group.
        const primaryGroup = one(p, "azure-native:resources:ResourceGroup", "primary-resource-group").inputs.resourceGroupName;
        const replicas = [one(p, "azure-native:mongocluster:MongoCluster", "database-dr-cluster"), one(p, "azure-native:containerregistry:Replication", "dr-cluster-registry-replica")];
        for (const replica of replicas) expect(replica.inputs.resourceGroupName, replica.name).toBe(primaryGroup);
        const inGroup = resources.filter((r) => "resourceGroupName" in r.inputs && r.type !== "azure-native:network:FlowLog" && !replicas.includes(r));
        expect(inGroup.length).toBeGreaterThan(20);
        for (const r of inGroup) {
            expect(r.inputs.resourceGroupName, r.name).toBe(drGroup);
            expect(outputsOf(mocks, r).id, r.name).toMatch(new RegExp(`^/subscriptions/${MOCK_SUBSCRIPTION_ID}/resourceGroups/${String(drGroup)}(/|$)`));
        }
        // Private DNS zones and metric alerts are global resources by Azure's design.
        const global = ["azure-native:privatedns:PrivateZone", "azure-native:privatedns:VirtualNetworkLink", "azure-native:monitor:MetricAlert"];
        for (const r of resources.filter((x) => "location" in x.inputs && !global.includes(x.type))) {
            expect(r.inputs.location, r.name).toBe(drLocation);
        }
        const cache = one(p, "azure-native:redisenterprise:RedisEnterprise", "cache-dr-cluster");
        expect(outputsOf(mocks, cache).hostName).toMatch(new RegExp(`\\.${String(drLocation)}\\.redis\\.azure\\.net$`));
        // Every resource id a DR resource takes is in the provider's subscription.
        for (const sub of resources.flatMap((r) => captures(r.inputs, /\/subscriptions\/([0-9a-f-]+)\//))) expect(sub).toBe(MOCK_SUBSCRIPTION_ID);
    });
});

/**
 * Every config key the project accepts either changes the plan or is announced as having no
 * effect yet, exactly as domain/stack-config.ts declares it: no key is accepted silently.
 * Each key is set to another valid value on staging (on its own cloud, engine or with a DR
 * region where it only applies there) and the plan is compared with the same context's plan
 * without it. Baselines are planned once and reused.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { CONFIG_KEY_EFFECTS, CONFIG_KEYS, PROJECT, type ConfigKey } from "../domain/stack-config";
import { runPlan } from "../tools/plan/engine";
import type { Plan } from "../tools/plan/types";

const ROOT = path.resolve(__dirname, "..");

/** The contexts a key is tried in: overrides on top of Pulumi.staging.yaml. */
const CONTEXTS = {
    aws: {},
    // DocumentDB global clusters and Atlas sharding need a memory-optimized size.
    awsDr: { awsDrRegion: "us-west-2", databaseSize: "medium" },
    awsAtlas: { databaseEngine: "atlas", databaseSize: "medium" },
    gcp: { cloud: "gcp" },
    azure: { cloud: "azure" },
    azureAtlas: { cloud: "azure", databaseEngine: "atlas", atlasAzureServicePrincipalId: "00000000-0000-0000-0000-000000000000" },
    awsAuth0: { identityProvider: "auth0", auth0Domain: "gravitypm-staging.eu.auth0.com" },
} as const satisfies Record<string, Record<string, string>>;
type Context = keyof typeof CONTEXTS;

/** For each key: the context it applies in, a different valid value, and any key that value needs beside it. */
const VARIANTS: Readonly<Record<ConfigKey, readonly [Context, string, Readonly<Record<string, string>>?]>> = {
    cloud: ["aws", "gcp"],
    environment: ["awsDr", "prod"],
    awsRegion: ["aws", "us-east-1"],
    awsDrRegion: ["awsDr", "us-west-1"],
    gcpRegion: ["gcp", "us-central1"],
    gcpDrRegion: ["gcp", "us-central1"],
    azureRegion: ["azure", "eastus"],
    azureDrRegion: ["azure", "westus2"],
    gcpProject: ["gcp", "another-project"],
    zoneCount: ["aws", "3"],
    networkCidr: ["aws", "10.30.0.0/16"],
    drNetworkCidr: ["awsDr", "10.31.0.0/16"],
    databaseEngine: ["aws", "atlas"],
    edgeProvider: ["aws", "cloudflare"],
    domain: ["aws", "other.gravitypm.example.com"],
    alertEmails: ["aws", JSON.stringify(["someone-else@gravitypm.example.com"])],
    alertWebhookUrl: ["aws", "https://hooks.example.com/gravitypm"],
    backupRetentionDays: ["aws", "14"],
    logRetentionDays: ["aws", "90"],
    rpoMinutes: ["aws", "60"],
    rtoMinutes: ["aws", "120"],
    owner: ["aws", "another-team"],
    costCentre: ["aws", "another-centre"],
    databaseSize: ["aws", "medium"],
    databaseNodes: ["aws", "2"],
    databaseReadReplicas: ["aws", "1"],
    databaseShards: ["awsAtlas", "2"],
    databaseStorageGb: ["awsAtlas", "64"],
    databasePointInTimeRecovery: ["awsAtlas", "false"],
    cacheEngine: ["aws", "valkey"],
    cacheSize: ["aws", "medium"],
    cacheShards: ["aws", "2"],
    cacheReplicasPerShard: ["aws", "1"],
    cachePersistence: ["aws", "none"],
    cacheSnapshotRetentionDays: ["aws", "3"],
    clusterNodeSize: ["aws", "large"],
    clusterMinNodes: ["aws", "3"],
    clusterMaxNodes: ["aws", "8"],
    clusterDrMinNodes: ["awsDr", "3"],
    clusterKubernetesVersion: ["aws", "1.34"],
    clusterEndpoint: ["aws", "restricted", { clusterAuthorizedCidrs: "203.0.113.0/24" }],
    clusterAuthorizedCidrs: ["aws", "198.51.100.0/24", { clusterEndpoint: "restricted" }],
    // EKS has no maintenance window (its control plane upgrades on its own schedule); GKE and AKS do.
    clusterMaintenanceWindow: ["gcp", "sat 04:00"],
    auditLogRetentionDays: ["aws", "120"],
    threatDetection: ["aws", "true", { ownsAccountSingletons: "true" }],
    ownsAccountSingletons: ["azure", "true"],
    appActiveColour: ["aws", "green"],
    appImages: ["aws", JSON.stringify({ backend: { blue: "1.0.1" }, frontend: { repository: "web", blue: "1.0.1" } })],
    appBackendMinReplicas: ["aws", "2"],
    appBackendMaxReplicas: ["aws", "5"],
    appFrontendMinReplicas: ["aws", "2"],
    appFrontendMaxReplicas: ["aws", "4"],
    appDrMinReplicas: ["awsDr", "2"],
    appBackendReadinessPath: ["aws", "/ready"],
    appBackendLivenessPath: ["aws", "/live"],
    appFrontendReadinessPath: ["aws", "/ready"],
    appFrontendLivenessPath: ["aws", "/live"],
    appHostname: ["aws", "web.gravitypm.example.com"],
    apiHostname: ["aws", "backend.gravitypm.example.com"],
    staticHostname: ["aws", "assets.gravitypm.example.com"],
    // The zone matters where records go in it: a custom sign-in host on Cognito.
    dnsZone: ["aws", "gravitypm.example.com", { identityHostname: "auth.staging.gravitypm.example.com" }],
    identityProvider: ["aws", "auth0", { auth0Domain: "gravitypm-staging.eu.auth0.com" }],
    identityMfa: ["aws", "required"],
    identityPasswordMinLength: ["aws", "16"],
    identityPasswordComplexity: ["aws", "strict"],
    // Cognito's lockout is fixed: the key is tried where it applies.
    identityLockoutThreshold: ["awsAuth0", "8"],
    identityAccessTokenMinutes: ["aws", "30"],
    identityRefreshTokenDays: ["aws", "7"],
    identityCallbackUrls: ["aws", JSON.stringify(["https://staging.gravitypm.example.com/signed-in"])],
    identityLogoutUrls: ["aws", JSON.stringify(["https://staging.gravitypm.example.com/goodbye"])],
    identityHostname: ["aws", "auth.staging.gravitypm.example.com"],
    auth0Domain: ["awsAuth0", "gravitypm-other.us.auth0.com"],
    sloAvailabilityPercent: ["aws", "99.95"],
    sloLatencyP95Ms: ["aws", "750"],
    sentryOrganization: ["aws", "gravitypm", { sentryTeam: "platform" }],
    sentryTeam: ["aws", "sre", { sentryOrganization: "gravitypm" }],
    atlasOrgId: ["awsAtlas", "0123456789abcdef01234567"],
    atlasAzureServicePrincipalId: ["azureAtlas", "6f1a0c52-3b7e-4d2a-9c1f-2b8e5d7a4c90"],
    cloudflareAccountId: ["aws", "0123456789abcdef0123456789abcdef"],
    cloudflareZoneId: ["aws", "fedcba9876543210fedcba9876543210"],
    usageLogGbPerMonth: ["aws", "400"],
    usageFlowLogGbPerMonth: ["aws", "70"],
    usageAuditLogGbPerMonth: ["aws", "9"],
    usageAuditEventsPerMonth: ["aws", "9000000"],
    usageNatGbPerMonth: ["aws", "900"],
    usageEdgeGbPerMonth: ["aws", "5000"],
    usageEdgeRequestsPerMonth: ["aws", "90000000"],
    usageMonthlyActiveUsers: ["aws", "70000"],
};

/** What a plan does: every resource with its inputs, parent, provider and protect, and the outputs. */
function fingerprint(plan: Plan): string {
    return JSON.stringify({
        resources: plan.resources.map((r) => [r.urn, r.parent, r.provider, r.protect, r.dependencies, r.inputs]),
        outputs: plan.outputs,
    });
}

const baselines = new Map<Context, Promise<Plan>>();
function baseline(context: Context): Promise<Plan> {
    if (!baselines.has(context)) baselines.set(context, runPlan({ stack: "staging", set: CONTEXTS[context] }));
    return baselines.get(context)!;
}

const notYet = CONFIG_KEYS.filter((k) => typeof CONFIG_KEY_EFFECTS[k] === "object");
const inPlan = CONFIG_KEYS.filter((k) => CONFIG_KEY_EFFECTS[k] === "plan");
const compareOnly = CONFIG_KEYS.filter((k) => CONFIG_KEY_EFFECTS[k] === "compare");

describe("every config key", () => {
    it("has a variant here and an effect declared in domain/stack-config.ts", () => {
        expect(Object.keys(VARIANTS).sort()).toEqual([...CONFIG_KEYS].sort());
        expect(Object.keys(CONFIG_KEY_EFFECTS).sort()).toEqual([...CONFIG_KEYS].sort());
    });

    it("is declared in Pulumi.yaml, and a key with no effect yet says so there", () => {
        const declared = (parse(fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8")) as { config: Record<string, { description: string }> }).config;
        expect(Object.keys(declared).sort()).toEqual([...CONFIG_KEYS].sort());
        for (const key of notYet) expect(declared[key].description, key).toMatch(/No effect yet/);
    });

    it.each(inPlan)("%s changes the plan when set to another valid value", async (key) => {
        const [context, value, needs] = VARIANTS[key];
        const before = await baseline(context);
        const after = await runPlan({ stack: "staging", set: { ...CONTEXTS[context], ...needs, [key]: value } });
        expect(fingerprint(after), `${key}=${value} on ${context} left the plan unchanged`).not.toBe(fingerprint(before));
        expect(after.notes.join("\n")).not.toContain(`${PROJECT}:${key} `);
    });

    it("with no effect yet is announced in a note and truly leaves the plan unchanged", async () => {
        // With a DR region, so that DR-only keys are valid too.
        const set = Object.assign({}, ...notYet.map((k) => ({ ...VARIANTS[k][2], [k]: VARIANTS[k][1] }))) as Record<string, string>;
        const before = await baseline("awsDr");
        const after = await runPlan({ stack: "staging", set: { ...CONTEXTS.awsDr, ...set } });
        expect(fingerprint(after)).toBe(fingerprint(before));
        const notes = after.notes.join("\n");
        for (const key of notYet) expect(notes, key).toMatch(new RegExp(`${PROJECT}:${key}\\b[^\\n]*ha(s|ve) no effect yet: `));
    });

    it("that feeds compare only leaves the plan unchanged, is not announced, and says so in Pulumi.yaml", async () => {
        const declared = (parse(fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8")) as { config: Record<string, { description: string }> }).config;
        const set = Object.fromEntries(compareOnly.map((k) => [k, VARIANTS[k][1]]));
        const before = await baseline("aws");
        const after = await runPlan({ stack: "staging", set: { ...CONTEXTS.aws, ...set } });
        expect(compareOnly.length).toBeGreaterThan(0);
        expect(fingerprint(after)).toBe(fingerprint(before));
        for (const key of compareOnly) {
            expect(after.notes.join("\n"), key).not.toContain(`${PROJECT}:${key}`);
            expect(declared[key].description, key).toMatch(/Feeds compare only/);
        }
    });

    it("is announced whether the stack file or --set sets it, and not when only the profile does", async () => {
        const plain = await baseline("aws");
        // Pulumi.staging.yaml sets the Cloudflare ids; the profile sets edgeProvider and cluster*.
        expect(plain.notes.join("\n")).toMatch(/gravitypm:cloudflareAccountId and gravitypm:cloudflareZoneId have no effect yet/);
        expect(plain.notes.join("\n")).not.toMatch(/edgeProvider|cluster/);
    });
});

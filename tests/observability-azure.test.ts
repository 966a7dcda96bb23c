/**
 * Azure Observability built on the harness's spine with real clusters: a staging-like stack
 * (one cluster, Observability then the security baseline, as the composition orders them) and
 * a prod-like stack with the DR standby. Asserts the one shared workspace, table retention from
 * args, the masking transformation, managed Prometheus per cluster, the workbook's sources,
 * the standard tests and every alert's target.
 */
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import type { AzureTypes } from "../components/azure";
import { AzureCluster } from "../components/azure/cluster";
import { LOG_WORKSPACE_TYPE, logWorkspaceNames } from "../components/azure/log-workspace";
import {
    AzureObservability,
    azureObservabilityProblems,
    containerLogMaskingKql,
    fastBurnAvailabilityThreshold,
    maskLine,
    maskMarker,
    MASKING_PATTERNS,
    OBSERVABILITY_TABLES,
    standardTestFrequencySeconds,
    uptimeAlertFailedLocations,
} from "../components/azure/observability";
import type { Workbook } from "../components/azure/observability-dashboard";
import { AzureSecurityBaseline } from "../components/azure/security-baseline";
import type { Cache } from "../components/contracts/cache";
import type { ObservabilityArgs } from "../components/contracts/observability";
import type { Database } from "../components/contracts/database";
import { MASKED_DATA, UPTIME_FAILURES_BEFORE_ALERT, UPTIME_MIN_LOCATIONS } from "../domain/capabilities/observability";
import {
    AKS_CONTAINER_INSIGHTS_DCR,
    AKS_MANAGED_PROMETHEUS,
    APPLICATION_INSIGHTS_METRICS,
    AZURE_AVAILABILITY_LOCATIONS,
    AZURE_MANAGED_REDIS_METRICS,
    AZURE_STANDARD_TEST,
    AZURE_TRANSFORM_KQL,
    AZURE_VCORE_METRICS,
    CONTAINER_INSIGHTS_STREAMS,
} from "../domain/catalogs/azure";
import type { Plan, PlannedResource } from "../tools/plan/types";
import { buildComponent, clusterArgs, type Spine } from "./support/component";
import { descendants, input, ofType, one } from "./support/plan";

const OBSERVABILITY = "gravitypm:components:Observability";
const WORKSPACE = "azure-native:operationalinsights:Workspace";
const TABLE = "azure-native:operationalinsights:Table";
const DCR = "azure-native:monitor:DataCollectionRule";
const DCRA = "azure-native:monitor:DataCollectionRuleAssociation";
const DCE = "azure-native:monitor:DataCollectionEndpoint";
const AMW = "azure-native:monitor:AzureMonitorWorkspace";
const WEB_TEST = "azure-native:applicationinsights:WebTest";
const METRIC_ALERT = "azure-native:monitor:MetricAlert";
const QUERY_RULE = "azure-native:monitor:ScheduledQueryRule";
const PROM_RULES = "azure-native:alertsmanagement:PrometheusRuleGroup";
const WORKBOOK = "azure-native:applicationinsights:Workbook";

const PRIMARY_WORKSPACE = logWorkspaceNames("primary").workspace;
const SUBSCRIPTION_RG = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers";
const VCORE_ID = `${SUBSCRIPTION_RG}/Microsoft.DocumentDB/mongoClusters/gravitypm-db`;
const REDIS_ID = `${SUBSCRIPTION_RG}/Microsoft.Cache/redisEnterprise/gravitypm-cache`;
const SLO = { availabilityPercent: 99.9, latencyP95Ms: 800 };
const UPTIME_TARGETS = [
    { name: "app", host: "app.gravitypm.example.com", path: "/" },
    { name: "api", host: "api.gravitypm.example.com", path: "/health/ready" },
];

function database(metricsId: string): Database {
    const host = pulumi.output("db.example.internal");
    return {
        metricsId: pulumi.output(metricsId),
        host,
        port: pulumi.output(10260),
        readerHost: host,
        replicaSetName: pulumi.output(undefined),
        connectionString: pulumi.secret("mongodb+srv://u:p@db.example.internal"),
        connectionSecretId: pulumi.output("https://vault.example/secrets/db"),
    };
}

function cache(metricsId: string): Cache {
    return {
        metricsId: pulumi.output(metricsId),
        host: pulumi.output("cache.example.internal"),
        port: pulumi.output(10000),
        tls: true,
        clusterMode: false,
        connectionString: pulumi.secret("rediss://:p@cache.example.internal:10000"),
        crossRegion: { mode: "none", note: "test cache" },
    };
}

function observabilityArgs(spine: Spine<AzureTypes>, clusters: ObservabilityArgs<AzureTypes>["clusters"], prod: boolean): ObservabilityArgs<AzureTypes> {
    return {
        site: spine.site,
        keys: spine.keys,
        alerts: spine.alerts,
        environment: prod ? "prod" : "staging",
        clusters,
        database: database(VCORE_ID),
        cache: cache(REDIS_ID),
        appNamespace: "gravitypm",
        uptimeTargets: UPTIME_TARGETS,
        settings: { slo: SLO },
        logRetentionDays: prod ? 400 : 90,
        protect: prod,
    };
}

let stagingSpine: Spine<AzureTypes> | undefined;
let stagingNotes: readonly string[] = [];
const staging = buildComponent("azure", (spine) => {
    stagingSpine = spine;
    const cluster = new AzureCluster("primary-cluster", clusterArgs(spine, { environment: "staging", protect: false }));
    stagingNotes = new AzureObservability("observability", observabilityArgs(spine, [{ role: "primary", site: spine.site, keys: spine.keys, cluster }], false)).notes;
    new AzureSecurityBaseline("security", {
        site: spine.site,
        keys: spine.keys,
        alerts: spine.alerts,
        environment: "staging",
        retentionDays: 365,
        lock: false,
        threatDetection: false,
        ownsAccountSingletons: false,
        protect: false,
    });
});

const prod = buildComponent(
    "azure",
    (spine) => {
        const dr = spine.dr;
        if (!dr) throw new Error("the harness was asked for a DR region");
        const primary = new AzureCluster("primary-cluster", clusterArgs(spine));
        const standby = new AzureCluster(
            "dr-cluster",
            clusterArgs({ ...spine, ...dr }, { role: "standby", endpoint: "private", authorizedCidrs: [], nodePool: { size: "medium", minNodes: 1, maxNodes: 9 }, primaryRegistry: primary.registry }),
        );
        new AzureObservability(
            "observability",
            observabilityArgs(
                spine,
                [
                    { role: "primary", site: spine.site, keys: spine.keys, cluster: primary },
                    { role: "standby", site: dr.site, keys: dr.keys, cluster: standby },
                ],
                true,
            ),
        );
    },
    { environment: "prod", primary: { region: "eastus", zones: ["1", "2", "3"], cidr: "10.0.0.0/16" }, dr: { region: "westus2", zones: ["1", "2", "3"], cidr: "10.1.0.0/16" } },
);

const observabilityOf = (p: Plan): PlannedResource[] => descendants(p, one(p, OBSERVABILITY, "observability"));
const ownOfType = (p: Plan, type: string): PlannedResource[] => observabilityOf(p).filter((r) => r.type === type);
/** The id every alert must name: the one the cluster's own alarms, built by the cluster, notify. */
const actionGroupIdOf = (p: Plan): string => {
    const [action] = input(one(p, METRIC_ALERT, "primary-cluster-alert-nodes-not-ready"), "actions") as { actionGroupId: string }[];
    expect(action.actionGroupId).toMatch(/\/actionGroups\/gravitypm-component-alerts$/);
    return action.actionGroupId;
};

describe("Azure Observability: pure helpers", () => {
    it("masks every MASKED_DATA kind in ContainerLogV2's message, with only what transformations support", () => {
        const kql = containerLogMaskingKql();
        for (const kind of MASKED_DATA) {
            expect(kql).toContain(maskMarker(kind));
            expect(kql).toContain(`extract(@'${MASKING_PATTERNS[kind].replaceAll("'", "''")}', 0, MaskText)`);
        }
        const code = kql.replace(/@'(?:[^']|'')*'/g, "''").replace(/"[^"]*"/g, '""');
        const functions = new Set([...code.matchAll(/([a-z_]+)\(/g)].map((m) => m[1]));
        expect([...functions]).toEqual(expect.arrayContaining(["extract", "substring", "parse_json"]));
        expect([...functions].filter((f) => !(AZURE_TRANSFORM_KQL.value.functions as readonly string[]).includes(f))).toEqual([]);
        const operators = new Set([...code.matchAll(/^\| ([a-z-]+)/gm)].map((m) => m[1]));
        expect([...operators].filter((o) => !(AZURE_TRANSFORM_KQL.value.operators as readonly string[]).includes(o))).toEqual([]);
        expect(kql.split("\n")[0]).toBe("source");
        expect(kql).toContain("| extend LogMessage = parse_json(MaskText)");
    });

    it("cuts a line at its first sensitive value and leaves ordinary lines alone (the transformation's semantics)", () => {
        expect(maskLine("login by ada@example.com ok")).toBe(`login by ${maskMarker("email-address")}`);
        expect(maskLine("Authorization: Bearer eyJhbGciOi.J9x-y_z=")).toBe(`Authorization: ${maskMarker("bearer-token")}`);
        expect(maskLine('{"user":"x","password":"hunter2"}')).toBe(`{"user":"x","${maskMarker("password")}`);
        expect(maskLine("card 4111 1111 1111 1111 charged")).toBe(`card ${maskMarker("credit-card-number")}`);
        expect(maskLine("GET /api/projects/42 200 13ms")).toBe("GET /api/projects/42 200 13ms");
    });

    it("alerts on a fast burn: 99.9 % over an hour at 14.4x is 98.56 %", () => {
        expect(fastBurnAvailabilityThreshold(99.9)).toBe(98.56);
        expect(fastBurnAvailabilityThreshold(99.5)).toBe(92.8);
    });

    it("probes as often as a standard test allows", () => {
        expect(standardTestFrequencySeconds()).toBe(AZURE_STANDARD_TEST.value.frequencySeconds[0]);
        expect(AZURE_AVAILABILITY_LOCATIONS.value.length).toBeGreaterThanOrEqual(UPTIME_MIN_LOCATIONS);
        // Three of five: one or two locations' trouble pages no one; each failure is already UPTIME_FAILURES_BEFORE_ALERT or more attempts.
        expect(uptimeAlertFailedLocations()).toBe(3);
        expect(AZURE_STANDARD_TEST.value.failedAttemptsPerReport).toBeGreaterThanOrEqual(UPTIME_FAILURES_BEFORE_ALERT);
    });
});

describe("Azure Observability, staging (built before the security baseline)", () => {
    it("creates exactly one Log Analytics workspace, shared by the baseline, with Observability's retention as its default", async () => {
        const p = await staging;
        // Besides the cluster's own control-plane workspace, one: the stack's.
        expect(ofType(p, WORKSPACE).map((w) => w.name).sort()).toEqual(["primary-cluster-logs", PRIMARY_WORKSPACE]);
        const workspace = one(p, WORKSPACE, PRIMARY_WORKSPACE);
        expect(input(workspace, "workspaceName")).toBe("gravitypm-component-audit");
        expect(input(workspace, "retentionInDays")).toBe(90);
        expect(input(workspace, "features.disableLocalAuth")).toBe(true);
        // Held by neither user, so its URN does not depend on which was built first.
        expect(workspace.parent).toBe(one(p, LOG_WORKSPACE_TYPE, "primary-logs").urn);
        // One alias more than azure-native gives every workspace: the URN the baseline gave it before it was shared.
        expect(workspace.aliases).toBe(one(p, WORKSPACE, "primary-cluster-logs").aliases + 1);
        const workspaceId = String(input(one(p, DCR, "observability-primary-container-logs"), "destinations.logAnalytics.0.workspaceResourceId"));
        expect(workspaceId).toMatch(/\/workspaces\/gravitypm-component-audit$/);
        expect(input(one(p, "azure-native:applicationinsights:Component", "observability-insights"), "workspaceResourceId")).toBe(workspaceId);
        // The baseline writes to it too, and keeps its audit tables at its own retention.
        const baseline = descendants(p, one(p, "gravitypm:components:SecurityBaseline", "security"));
        expect(baseline.filter((r) => r.type === WORKSPACE)).toEqual([]);
        const auditTables = baseline.filter((r) => r.type === TABLE);
        expect(auditTables.length).toBeGreaterThan(0);
        for (const t of auditTables) expect(input(t, "retentionInDays")).toBe(365);
        expect(input(one(p, "azure-native:monitor:DiagnosticSetting", "security-workspace-diagnostics"), "workspaceId")).toBe(workspaceId);
    });

    it("keeps every table it fills for the configured retention", async () => {
        const p = await staging;
        const tables = ownOfType(p, TABLE);
        expect(tables.map((t) => input(t, "tableName"))).toEqual([...OBSERVABILITY_TABLES]);
        for (const t of tables) {
            expect(input(t, "retentionInDays")).toBe(90);
            expect(input(t, "totalRetentionInDays")).toBe(90);
        }
    });

    it("masks container logs in the cluster's Container insights rule, associated with the cluster", async () => {
        const p = await staging;
        const rule = one(p, DCR, "observability-primary-container-logs");
        const streams = CONTAINER_INSIGHTS_STREAMS.value;
        const flows = input(rule, "dataFlows") as { streams: string[]; transformKql?: string }[];
        expect(flows).toHaveLength(2);
        expect(flows[0].streams).toEqual([streams.containerLogs]);
        expect(flows[0].transformKql).toBe(containerLogMaskingKql());
        expect(flows[1].transformKql).toBeUndefined();
        expect(input(rule, "dataSources.extensions.0.extensionName")).toBe(AKS_CONTAINER_INSIGHTS_DCR.value.extensionName);
        const association = one(p, DCRA, "observability-primary-container-logs-association");
        expect(input(association, "associationName")).toBe(AKS_CONTAINER_INSIGHTS_DCR.value.associationName);
        expect(String(input(association, "resourceUri"))).toMatch(/\/managedClusters\/gravitypm-component-primary$/);
        // The cluster's former rule and association, same Azure names: aliased, so a deployed stack updates them in place.
        expect(input(rule, "dataCollectionRuleName")).toBe("MSCI-eastus-gravitypm-component-primary");
        const unaliased = one(p, DCR, "observability-primary-prometheus").aliases;
        expect(rule.aliases).toBe(unaliased + 1);
        expect(association.aliases).toBe(one(p, DCRA, "observability-primary-prometheus-association").aliases + 1);
        // The cluster keeps no unmasked rule of its own.
        expect(ofType(p, DCR).filter((r) => !observabilityOf(p).includes(r))).toEqual([]);
    });

    it("registers its collection rules and Application Insights for the baseline's diagnostic settings", async () => {
        const p = await staging;
        for (const target of ["observability-primary-container-logs", "observability-primary-prometheus", "observability-insights"]) {
            expect(ofType(p, "azure-native:monitor:DiagnosticSetting").some((d) => d.name === `security-${target}-diagnostics`), target).toBe(true);
        }
    });

    it("collects the cluster's Prometheus metrics into the Azure Monitor workspace", async () => {
        const p = await staging;
        const amw = one(p, AMW, "observability-prometheus");
        const rule = one(p, DCR, "observability-primary-prometheus");
        expect(input(amw, "location")).toBe("eastus");
        expect(input(rule, "destinations.monitoringAccounts")).toEqual([{ name: "prometheus-workspace", accountResourceId: expect.stringMatching(/\/azureMonitorWorkspaces\/gravitypm-component-prometheus$/) }]);
        expect(String(input(rule, "dataCollectionEndpointId"))).toMatch(/\/dataCollectionEndpoints\/MSProm-eastus-gravitypm-component-primary$/);
        expect(input(one(p, DCRA, "observability-primary-prometheus-configuration-association"), "dataCollectionEndpointId")).toBe(input(rule, "dataCollectionEndpointId"));
        expect(input(one(p, DCRA, "observability-primary-prometheus-association"), "associationName")).toBe(AKS_MANAGED_PROMETHEUS.value.ruleAssociationName);
        expect(input(one(p, "azure-native:containerservice:ManagedCluster", "primary-cluster-cluster"), "azureMonitorProfile.metrics.enabled")).toBe(true);
        expect(ownOfType(p, DCE)).toHaveLength(1);
    });

    it("probes each public URL from every catalogued location with a TLS check", async () => {
        const p = await staging;
        const tests = ownOfType(p, WEB_TEST);
        expect(tests).toHaveLength(UPTIME_TARGETS.length);
        for (const target of UPTIME_TARGETS) {
            const test = one(p, WEB_TEST, `observability-${target.name}-test`);
            expect(input(test, "webTestKind")).toBe("standard");
            expect(input(test, "request.requestUrl")).toBe(`https://${target.host}${target.path}`);
            expect((input(test, "locations") as unknown[]).length).toBeGreaterThanOrEqual(UPTIME_MIN_LOCATIONS);
            expect(input(test, "locations")).toEqual(AZURE_AVAILABILITY_LOCATIONS.value.map((l) => ({ location: l.id })));
            expect(input(test, "validationRules.sSLCheck")).toBe(true);
            expect(input(test, "frequency")).toBe(standardTestFrequencySeconds());
            const insightsId = String(input(one(p, METRIC_ALERT, `observability-${target.name}-uptime-alert`), "criteria.componentId"));
            expect(insightsId).toMatch(/\/components\/gravitypm-component-uptime$/);
            expect((input(test, "tags") as Record<string, string>)[`hidden-link:${insightsId}`]).toBe("Resource");
        }
    });

    it("alerts on uptime, availability and p95 latency with the configured objectives", async () => {
        const p = await staging;
        for (const target of UPTIME_TARGETS) {
            const uptime = one(p, METRIC_ALERT, `observability-${target.name}-uptime-alert`);
            expect(input(uptime, "criteria.failedLocationCount")).toBe(uptimeAlertFailedLocations());
            const availability = one(p, METRIC_ALERT, `observability-${target.name}-availability-slo`);
            expect(input(availability, "criteria.allOf.0.metricName")).toBe(APPLICATION_INSIGHTS_METRICS.availabilityPercent.value);
            expect(input(availability, "criteria.allOf.0.threshold")).toBe(fastBurnAvailabilityThreshold(SLO.availabilityPercent));
            expect(input(availability, "criteria.allOf.0.dimensions.0.values")).toEqual([`gravitypm-component-${target.name}`]);
            const latency = one(p, QUERY_RULE, `observability-${target.name}-latency-slo`);
            expect(input(latency, "criteria.allOf.0.threshold")).toBe(SLO.latencyP95Ms);
            expect(String(input(latency, "criteria.allOf.0.query"))).toContain("percentile(DurationMs, 95)");
        }
    });

    it("wires every alert to the stack's action group", async () => {
        const p = await staging;
        const actionGroupId = actionGroupIdOf(p);
        const metricAlerts = ownOfType(p, METRIC_ALERT);
        expect(metricAlerts).toHaveLength(UPTIME_TARGETS.length * 2);
        for (const a of metricAlerts) expect(input(a, "actions")).toEqual([{ actionGroupId }]);
        for (const q of ownOfType(p, QUERY_RULE)) expect(input(q, "actions.actionGroups")).toEqual([actionGroupId]);
        const promRules = ownOfType(p, PROM_RULES);
        expect(promRules).toHaveLength(1);
        for (const group of promRules) {
            const rules = input(group, "rules") as { actions: unknown[]; expression: string }[];
            expect(rules.length).toBeGreaterThan(0);
            for (const r of rules) expect(r.actions).toEqual([{ actionGroupId }]);
            expect(rules.some((r) => r.expression.includes('namespace="gravitypm"'))).toBe(true);
        }
    });

    it("charts the cluster, the app namespace, the vCore cluster, Managed Redis and the uptime tests", async () => {
        const p = await staging;
        const workbook = JSON.parse(String(input(one(p, WORKBOOK, "observability-dashboard"), "serializedData"))) as Workbook;
        const text = JSON.stringify(workbook);
        expect(text).toContain("gravitypm-component-primary");
        expect(text).toContain('PodNamespace == \\"gravitypm\\"');
        const metricItems = workbook.items.flatMap((i) => (i.type === 10 ? [i.content] : []));
        expect(metricItems.some((c) => c.resourceIds.includes(VCORE_ID) && c.metrics.some((m) => m.metric.endsWith(AZURE_VCORE_METRICS.cpuPercent.value)))).toBe(true);
        expect(metricItems.some((c) => c.resourceIds.includes(REDIS_ID) && c.metrics.some((m) => m.metric.endsWith(AZURE_MANAGED_REDIS_METRICS.usedMemoryPercentage.value)))).toBe(true);
        expect(metricItems.some((c) => c.resourceIds.some((id) => /\/managedClusters\/gravitypm-component-primary$/.test(id)))).toBe(true);
    });

    it("says in the plan what the stack key cannot encrypt and how often Azure can probe", async () => {
        await staging;
        expect(stagingNotes.some((n) => n.startsWith("encryption:") && n.includes("Microsoft-managed keys") && n.includes("dedicated cluster"))).toBe(true);
        expect(stagingNotes.some((n) => n.startsWith("uptime:") && n.includes(`every ${standardTestFrequencySeconds()} s`))).toBe(true);
    });
});

/** What one Observability holds: tables, the Azure Monitor workspace, per cluster 7 (and the standby's configuration endpoint), Application Insights, per target a test and 3 alerts, the workbook and its id. */
function expectedCount(clusters: number, crossRegionClusters: number): number {
    return OBSERVABILITY_TABLES.length + 1 + clusters * 7 + crossRegionClusters + 1 + UPTIME_TARGETS.length * 4 + 2;
}

describe("Azure Observability: parents and counts", () => {
    it("puts every resource under the component, with its region's provider, and the workspace under its holder", async () => {
        for (const [p, clusters, crossRegion] of [[await staging, 1, 0], [await prod, 2, 1]] as const) {
            const own = observabilityOf(p).filter((r) => r.custom);
            expect(own.length).toBe(expectedCount(clusters, crossRegion));
            for (const r of own) expect(r.name.startsWith("observability-")).toBe(true);
            // The standby's Container insights rule and association, and its configuration endpoint, live in its region.
            const standbyOwn = own.filter((r) => r.name.startsWith("observability-standby-container-logs") || r.name === "observability-standby-prometheus-configuration-endpoint");
            expect(standbyOwn).toHaveLength(crossRegion * 3);
            for (const r of standbyOwn) expect(r.provider).toMatch(/::azure-dr$/);
            for (const r of own.filter((x) => !x.type.startsWith("random:") && !standbyOwn.includes(x))) expect(`${r.name} ${r.provider ?? ""}`).toMatch(/::azure-primary$/);
            expect(ofType(p, LOG_WORKSPACE_TYPE)).toHaveLength(1);
        }
    });
});

describe("Azure Observability, prod with the DR standby", () => {
    it("protects the stores and keeps the prod retention", async () => {
        const p = await prod;
        const workspace = one(p, WORKSPACE, PRIMARY_WORKSPACE);
        expect(workspace.protect).toBe(true);
        expect(one(p, AMW, "observability-prometheus").protect).toBe(true);
        for (const t of ownOfType(p, TABLE)) {
            expect(input(t, "retentionInDays")).toBe(400);
            expect(input(t, "totalRetentionInDays")).toBe(400);
        }
    });

    it("collects logs and metrics from both clusters, the standby's logs rule in its own region", async () => {
        const p = await prod;
        for (const [role, cluster] of [["primary", "gravitypm-component-primary"], ["standby", "gravitypm-component-dr"]] as const) {
            const logs = one(p, DCR, `observability-${role}-container-logs`);
            expect(input(logs, "location")).toBe(role === "primary" ? "eastus" : "westus2");
            for (const assoc of [`observability-${role}-container-logs-association`, `observability-${role}-prometheus-association`, `observability-${role}-prometheus-configuration-association`]) {
                expect(String(input(one(p, DCRA, assoc), "resourceUri"))).toMatch(new RegExp(`/managedClusters/${cluster}$`));
            }
        }
        // The standby reads its agent configuration from an endpoint in its own region.
        expect(input(one(p, DCE, "observability-standby-prometheus-configuration-endpoint"), "location")).toBe("westus2");
        expect(ownOfType(p, PROM_RULES)).toHaveLength(2);
    });

    it("puts both clusters on the dashboard", async () => {
        const p = await prod;
        const text = String(input(one(p, WORKBOOK, "observability-dashboard"), "serializedData"));
        expect(text).toContain("gravitypm-component-primary");
        expect(text).toContain("gravitypm-component-dr");
    });
});

describe("Azure Observability refuses what it cannot build", () => {
    it("names each problem", async () => {
        await staging;
        if (!stagingSpine) throw new Error("the staging build did not run");
        const problems = azureObservabilityProblems({
            ...observabilityArgs(stagingSpine, [], false),
            uptimeTargets: [{ name: "app", host: "a.example.com", path: "health" }],
            settings: { slo: { availabilityPercent: 100, latencyP95Ms: 0 } },
            logRetentionDays: 10,
        });
        expect(problems.map((p) => p.key)).toEqual(["logRetentionDays", "clusters", "sloAvailabilityPercent", "sloLatencyP95Ms", "uptimeTargets"]);
    });
});

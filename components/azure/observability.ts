/**
 * Observability on Azure: the clusters' container logs, masked, in the stack's one Log
 * Analytics workspace (shared with the security baseline, components/azure/log-workspace.ts);
 * managed Prometheus for each cluster into an Azure Monitor workspace, with alert rules on pod
 * restarts and node pressure; Application Insights standard tests on the public URLs; SLO
 * alerts on availability and p95 latency; and a workbook with the golden signals.
 */
import { Component } from "@pulumi/azure-native/applicationinsights/component";
import { WebTest } from "@pulumi/azure-native/applicationinsights/webTest";
import { Workbook } from "@pulumi/azure-native/applicationinsights/workbook";
import { PrometheusRuleGroup } from "@pulumi/azure-native/alertsmanagement/prometheusRuleGroup";
import { getClientConfigOutput } from "@pulumi/azure-native/authorization/getClientConfig";
import { AzureMonitorWorkspace } from "@pulumi/azure-native/monitor/azureMonitorWorkspace";
import { DataCollectionEndpoint } from "@pulumi/azure-native/monitor/dataCollectionEndpoint";
import { DataCollectionRule } from "@pulumi/azure-native/monitor/dataCollectionRule";
import { DataCollectionRuleAssociation } from "@pulumi/azure-native/monitor/dataCollectionRuleAssociation";
import { MetricAlert } from "@pulumi/azure-native/monitor/metricAlert";
import { ScheduledQueryRule } from "@pulumi/azure-native/monitor/scheduledQueryRule";
import { Table } from "@pulumi/azure-native/operationalinsights/table";
import * as pulumi from "@pulumi/pulumi";
import { RandomUuid } from "@pulumi/random/randomUuid";
import {
    MASKED_DATA,
    SLO_FAST_BURN,
    UPTIME_CHECK_INTERVAL_SECONDS,
    UPTIME_FAILURES_BEFORE_ALERT,
    UPTIME_MIN_LOCATIONS,
    type MaskedData,
    type UptimeTarget,
} from "../../domain/capabilities/observability";
import {
    AKS_CONTAINER_INSIGHTS_DCR,
    AKS_MANAGED_PROMETHEUS,
    APPLICATION_INSIGHTS_METRICS,
    AZURE_AVAILABILITY_LOCATIONS,
    AZURE_AVAILABILITY_LOCATIONS_SPARED,
    AZURE_LOG_ANALYTICS_RETENTION_DAYS,
    AZURE_LOG_ANALYTICS_TOTAL_RETENTION_DAYS,
    AZURE_STANDARD_TEST,
    CONTAINER_INSIGHTS_MASKING,
    CONTAINER_INSIGHTS_SETTINGS,
    CONTAINER_INSIGHTS_STREAMS,
    containerInsightsTable,
    LOG_ANALYTICS_CUSTOMER_KEY,
    PROMETHEUS_RULE_GROUP_INTERVAL,
} from "../../domain/catalogs/azure";
import { OBSERVABILITY_TYPE, type Observability, type ObservabilityArgs, type ObservedCluster } from "../contracts/observability";
import { assertBuildable, type BuildProblem } from "../shared/buildable";
import type { AzureTypes } from ".";
import { observabilityWorkbook } from "./observability-dashboard";
import { interactiveRetentionDays, type StackLogWorkspace } from "./log-workspace";

/** How each kind of MASKED_DATA is found in a log line (RE2, as KQL's extract takes it). */
export const MASKING_PATTERNS: Readonly<Record<MaskedData, string>> = {
    "email-address": "[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}",
    "bearer-token": "(?i)bearer\\s+[A-Za-z0-9._~+/-]+=*",
    // key=value, key: value and "key":"value" forms of the usual secret names.
    password: "(?i)(?:password|passwd|pwd|secret)\"?\\s*[:=]\\s*\"?[^\\s\",&]+",
    // 13 to 19 digits, optionally grouped by spaces or dashes.
    "credit-card-number": "\\b(?:\\d[ -]?){12,18}\\d\\b",
};

/** What a line keeps in place of everything from its first sensitive value on. */
export function maskMarker(kind: MaskedData): string {
    return `[REDACTED:${kind}]`;
}

/** A KQL verbatim string literal: single quotes doubled, nothing else escaped. */
function kqlVerbatim(text: string): string {
    return `@'${text.replaceAll("'", "''")}'`;
}

/**
 * The ContainerLogV2 transformation. Transformations take no replace_regex or replace_string
 * (AZURE_TRANSFORM_KQL), so a line is cut at its first sensitive value: for each MASKED_DATA kind
 * in turn, the first match is found (extract) and the line keeps what precedes it plus the
 * kind's marker. What follows a secret on the same line is lost with it; a line without one is
 * stored unchanged. The text goes back into the dynamic column through parse_json, which keeps a
 * non-JSON string as a string.
 */
export function containerLogMaskingKql(): string {
    const column = CONTAINER_INSIGHTS_MASKING.value.column;
    const steps = MASKED_DATA.map(
        (kind) =>
            `| extend MaskMatch = extract(${kqlVerbatim(MASKING_PATTERNS[kind])}, 0, MaskText)\n` +
            `| extend MaskText = iif(isempty(MaskMatch), MaskText, strcat(substring(MaskText, 0, indexof(MaskText, MaskMatch)), "${maskMarker(kind)}"))`,
    );
    return [`source`, `| extend MaskText = tostring(${column})`, ...steps, `| extend ${column} = parse_json(MaskText)`, `| project-away MaskText, MaskMatch`].join("\n");
}

/** The masking a line gets, in TypeScript, for tests and docs: the transformation's semantics. */
export function maskLine(line: string): string {
    return MASKED_DATA.reduce((text, kind) => {
        const pattern = MASKING_PATTERNS[kind];
        const caseless = pattern.startsWith("(?i)");
        const match = new RegExp(caseless ? pattern.slice(4) : pattern, caseless ? "i" : "").exec(text);
        return match ? `${text.slice(0, match.index)}${maskMarker(kind)}` : text;
    }, line);
}

/**
 * The availability (percent) below which the error budget burns SLO_FAST_BURN.rate times too
 * fast over the burn window: 99.9 % and 14.4 give 98.56 %.
 */
export function fastBurnAvailabilityThreshold(availabilityPercent: number): number {
    const budget = 100 - availabilityPercent;
    return Math.max(0, Number((100 - SLO_FAST_BURN.rate * budget).toFixed(4)));
}

/** The shortest interval a standard test allows that is not shorter than the platform's wish. */
export function standardTestFrequencySeconds(): number {
    const allowed = AZURE_STANDARD_TEST.value.frequencySeconds;
    return allowed.find((s) => s >= UPTIME_CHECK_INTERVAL_SECONDS) ?? allowed[allowed.length - 1];
}

/**
 * Failed locations that fire the uptime alert: all but AZURE_AVAILABILITY_LOCATIONS_SPARED, so
 * one or two locations' network trouble pages no one. Each counts only after the retries'
 * successive failed attempts, at least UPTIME_FAILURES_BEFORE_ALERT.
 */
export function uptimeAlertFailedLocations(): number {
    return AZURE_AVAILABILITY_LOCATIONS.value.length - AZURE_AVAILABILITY_LOCATIONS_SPARED.value;
}

/** An ISO 8601 duration of whole minutes. */
function minutes(n: number): string {
    return `PT${n}M`;
}

/** The ARM id of a managed cluster: the Cluster contract names it, the resource group and subscription place it. */
export function managedClusterId(subscriptionId: string, resourceGroupName: string, clusterName: string): string {
    return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}/providers/Microsoft.ContainerService/managedClusters/${clusterName}`;
}

/**
 * Aliases to where AzureCluster kept its Container insights rule and association
 * (`<cluster>-<role>`) before Observability owned them: the same Azure names, so without the
 * alias a deployed stack would create the new one and then delete it as the old one.
 */
export function formerClusterChild(observed: ObservedCluster<AzureTypes>): (role: string) => pulumi.Alias[] {
    const cluster = observed.cluster;
    if (!(cluster instanceof pulumi.ComponentResource)) return () => [];
    const componentName = cluster.urn.apply((urn) => urn.split("::").pop() ?? "");
    return (role) => [{ name: pulumi.interpolate`${componentName}-${role}`, parent: cluster }];
}

/** Tables the container logs and uptime results land in, each kept the stack's log retention. */
export const OBSERVABILITY_TABLES: readonly string[] = [
    containerInsightsTable(CONTAINER_INSIGHTS_STREAMS.value.containerLogs),
    ...CONTAINER_INSIGHTS_STREAMS.value.others.map(containerInsightsTable),
    "AppAvailabilityResults",
];

/** Kube-state-metrics alerts of managed Prometheus: restarting app containers and nodes under pressure. */
export function prometheusAlertRules(appNamespace: string): readonly { readonly alert: string; readonly expression: string; readonly for: string; readonly severity: number; readonly summary: string }[] {
    return [
        {
            alert: "AppContainerRestarts",
            expression: `increase(kube_pod_container_status_restarts_total{namespace="${appNamespace}"}[15m]) > 3`,
            for: minutes(5),
            severity: 2,
            summary: `a container in ${appNamespace} restarted more than 3 times in 15 minutes`,
        },
        {
            alert: "NodePressure",
            expression: 'kube_node_status_condition{condition=~"MemoryPressure|DiskPressure|PIDPressure",status="true"} == 1',
            for: minutes(10),
            severity: 2,
            summary: "a node reports memory, disk or PID pressure: pods will be evicted",
        },
    ];
}

export function azureObservabilityProblems(args: ObservabilityArgs<AzureTypes>): BuildProblem[] {
    const problems: BuildProblem[] = [];
    const min = AZURE_LOG_ANALYTICS_RETENTION_DAYS.value.min;
    const max = AZURE_LOG_ANALYTICS_TOTAL_RETENTION_DAYS.value.totalMax;
    if (!Number.isInteger(args.logRetentionDays) || args.logRetentionDays < min || args.logRetentionDays > max) {
        problems.push({ key: "logRetentionDays", message: `Log Analytics keeps logs ${min}-${max} days in total, not ${args.logRetentionDays}` });
    }
    if (!args.clusters.some((c) => c.role === "primary")) problems.push({ key: "clusters", message: "Observability needs the primary cluster" });
    const { availabilityPercent, latencyP95Ms } = args.settings.slo;
    if (!(availabilityPercent > 0 && availabilityPercent < 100)) problems.push({ key: "sloAvailabilityPercent", message: `an availability objective is between 0 and 100 %, exclusive, not ${availabilityPercent}` });
    if (!(latencyP95Ms > 0)) problems.push({ key: "sloLatencyP95Ms", message: `a latency objective is a positive number of milliseconds, not ${latencyP95Ms}` });
    if (AZURE_STANDARD_TEST.value.failedAttemptsPerReport < UPTIME_FAILURES_BEFORE_ALERT) problems.push({ message: `a location must fail ${UPTIME_FAILURES_BEFORE_ALERT} probes in a row before it counts` });
    if (AZURE_AVAILABILITY_LOCATIONS.value.length < UPTIME_MIN_LOCATIONS) problems.push({ message: `standard tests need ${UPTIME_MIN_LOCATIONS} probe locations; the catalog has ${AZURE_AVAILABILITY_LOCATIONS.value.length}` });
    for (const target of args.uptimeTargets) {
        if (!target.path.startsWith("/")) problems.push({ key: "uptimeTargets", message: `${target.name}: the path ${target.path} must start with /` });
    }
    if (new Set(args.uptimeTargets.map((t) => t.name)).size !== args.uptimeTargets.length) problems.push({ key: "uptimeTargets", message: "uptime target names must be unique" });
    return problems;
}

/**
 * Why these choices:
 * - One Log Analytics workspace per stack, asked of the primary site: created here when
 *   Observability is built before the security baseline. Its default retention is whoever created
 *   it; the tables this component fills carry the stack's log retention themselves, interactive up
 *   to two years and the rest as total retention.
 * - Encryption: Log Analytics and Azure Monitor workspaces encrypt with Microsoft-managed keys.
 *   The stack key cannot encrypt them here: a customer-managed key needs a Log Analytics
 *   dedicated cluster (from 100 GB/day) and Azure Monitor workspaces take none. The plan says so.
 * - Masking: Container insights' rule per cluster names its streams one by one so the
 *   ContainerLogV2 flow can carry a transformKql that cuts each line at its first MASKED_DATA
 *   value before it is stored (transformations cannot replace text). The other streams
 *   (inventory, events, perf) carry no log text.
 * - Managed Prometheus: the endpoint and rule in the Azure Monitor workspace's region, a
 *   configuration endpoint in each cluster's region, the cluster's agent enabled by AzureCluster.
 * - Uptime: standard tests (TLS check, retries) from every catalogued location; the uptime alert
 *   fires when all but two locations fail, each after its retries' successive failed attempts. Standard tests run every 5 minutes at
 *   the most often, not every UPTIME_CHECK_INTERVAL_SECONDS: the plan notes it.
 * - SLOs: a fast-burn alert on each target's availability over the burn window, and a p95 alert
 *   on each target's probe durations over the same window, both to the action group.
 */
export class AzureObservability extends pulumi.ComponentResource implements Observability {
    public readonly logStoreId: pulumi.Output<string>;
    public readonly metricsStoreId: pulumi.Output<string>;
    public readonly dashboardUrl: pulumi.Output<string>;
    public readonly notes: readonly string[];

    constructor(name: string, args: ObservabilityArgs<AzureTypes>, opts?: pulumi.ComponentResourceOptions) {
        super(OBSERVABILITY_TYPE, name, {}, opts);
        assertBuildable(this, `Observability ${name}`, azureObservabilityProblems(args));
        const { site } = args;
        const child = { parent: this, provider: site.provider };
        const tags = { ...site.tags };
        const client = getClientConfigOutput({ parent: this, provider: site.provider });

        const workspace = site.logWorkspace.get({ retentionDays: args.logRetentionDays, protect: args.protect });
        const interactive = interactiveRetentionDays(args.logRetentionDays);
        for (const table of OBSERVABILITY_TABLES) {
            new Table(
                `${name}-${table.toLowerCase()}-retention`,
                { resourceGroupName: site.resourceGroupName, workspaceName: workspace.name, tableName: table, retentionInDays: interactive, totalRetentionInDays: args.logRetentionDays },
                child,
            );
        }

        const metricsWorkspace = new AzureMonitorWorkspace(
            `${name}-prometheus`,
            { azureMonitorWorkspaceName: `${site.namePrefix}-prometheus`, resourceGroupName: site.resourceGroupName, location: site.location, tags },
            { ...child, protect: args.protect },
        );

        const clusterIds: pulumi.Output<string>[] = [];
        for (const observed of args.clusters) {
            const clusterId = pulumi
                .all([client.subscriptionId, observed.site.resourceGroupName, observed.cluster.clusterName])
                .apply(([subscriptionId, group, clusterName]) => managedClusterId(subscriptionId, group, clusterName));
            clusterIds.push(clusterId);
            this.containerLogs(name, observed, clusterId, workspace);
            this.prometheus(name, args, observed, clusterId, metricsWorkspace);
        }

        const insights = new Component(
            `${name}-insights`,
            {
                resourceName: `${site.namePrefix}-uptime`,
                resourceGroupName: site.resourceGroupName,
                location: site.location,
                kind: "web",
                applicationType: "web",
                // Workspace-based: results land in the stack's workspace, under its retention.
                workspaceResourceId: workspace.id,
                ingestionMode: "LogAnalytics",
                tags,
            },
            child,
        );
        site.diagnostics.register({ name: `${name}-insights`, kind: "applicationInsights", resourceId: insights.id });

        const testNames = args.uptimeTargets.map((target) => this.uptime(name, args, target, insights, workspace));

        const workbookId = new RandomUuid(`${name}-dashboard-id`, {}, { parent: this });
        const databaseMetricsId = args.database.metricsId;
        const cacheMetricsId = args.cache.metricsId;
        const clusterNames = args.clusters.map((c) => c.cluster.clusterName);
        const serializedData = pulumi
            .all([pulumi.all(clusterIds), pulumi.all(clusterNames), databaseMetricsId, cacheMetricsId, insights.id, workspace.id])
            .apply(([ids, names, databaseId, cacheId, insightsId, workspaceId]) =>
                JSON.stringify(
                    observabilityWorkbook({
                        title: `${site.namePrefix}: golden signals`,
                        clusters: args.clusters.map((c, i) => ({ role: c.role, clusterName: names[i], clusterId: ids[i] })),
                        appNamespace: args.appNamespace,
                        databaseMetricsId: databaseId,
                        cacheMetricsId: cacheId,
                        applicationInsightsId: insightsId,
                        workspaceId,
                    }),
                ),
            );
        const workbook = new Workbook(
            `${name}-dashboard`,
            {
                resourceName: workbookId.result,
                resourceGroupName: site.resourceGroupName,
                location: site.location,
                kind: "shared",
                category: "workbook",
                displayName: `${site.namePrefix} golden signals`,
                sourceId: "azure monitor",
                serializedData,
                tags,
            },
            child,
        );

        this.logStoreId = workspace.id;
        this.metricsStoreId = metricsWorkspace.id;
        this.dashboardUrl = pulumi.interpolate`https://portal.azure.com/#@/resource${workbook.id}/workbook`;
        this.notes = [
            `logs: container logs of ${args.clusters.length} cluster(s) in the stack's Log Analytics workspace (shared with the security baseline), ${args.logRetentionDays} days, masked (${MASKED_DATA.join(", ")}) by the ContainerLogV2 transformation, which cuts a line at its first sensitive value (transformations cannot replace text)`,
            `encryption: the Log Analytics and Azure Monitor workspaces use Microsoft-managed keys; the stack key could encrypt logs only through a Log Analytics dedicated cluster (from ${LOG_ANALYTICS_CUSTOMER_KEY.value.dedicatedClusterMinimumGbPerDay} GB/day), and Azure Monitor workspaces take no customer key`,
            `uptime: ${testNames.length} standard test(s) every ${standardTestFrequencySeconds()} s (Azure's shortest interval; the platform asks ${UPTIME_CHECK_INTERVAL_SECONDS} s) from ${AZURE_AVAILABILITY_LOCATIONS.value.length} locations`,
            "latency SLO: measured on the uptime probes' durations; the app's own request latency needs its ingress or app metrics scraped into managed Prometheus",
        ];
        this.registerOutputs({ logStoreId: this.logStoreId, metricsStoreId: this.metricsStoreId, dashboardUrl: this.dashboardUrl });
    }

    /** Container insights for one cluster: every stream to the stack's workspace, ContainerLogV2 masked. */
    private containerLogs(name: string, observed: ObservedCluster<AzureTypes>, clusterId: pulumi.Output<string>, workspace: StackLogWorkspace): void {
        const { site, role } = observed;
        const child = { parent: this, provider: site.provider };
        const insights = AKS_CONTAINER_INSIGHTS_DCR.value;
        const streams = CONTAINER_INSIGHTS_STREAMS.value;
        const destination = "stack-workspace";
        const formerly = formerClusterChild(observed);
        const rule = new DataCollectionRule(
            `${name}-${role}-container-logs`,
            {
                // The name the Azure CLI gives it (MSCI-<region>-<cluster>), and the cluster's before Observability took it over.
                dataCollectionRuleName: `MSCI-${site.location}-${site.namePrefix}-${site.role}`,
                resourceGroupName: site.resourceGroupName,
                location: site.location,
                kind: "Linux",
                description: `${site.namePrefix} ${role} cluster: Container insights, log lines masked`,
                dataSources: {
                    extensions: [
                        {
                            name: insights.dataSourceName,
                            extensionName: insights.extensionName,
                            streams: [streams.containerLogs, ...streams.others],
                            extensionSettings: CONTAINER_INSIGHTS_SETTINGS.value,
                        },
                    ],
                },
                destinations: { logAnalytics: [{ name: destination, workspaceResourceId: workspace.id }] },
                dataFlows: [
                    { streams: [streams.containerLogs], destinations: [destination], transformKql: containerLogMaskingKql(), outputStream: streams.containerLogs },
                    { streams: [...streams.others], destinations: [destination] },
                ],
                tags: { ...site.tags },
            },
            { ...child, aliases: formerly("container-insights") },
        );
        site.diagnostics.register({ name: `${name}-${role}-container-logs`, kind: "dataCollectionRule", resourceId: rule.id });
        new DataCollectionRuleAssociation(
            `${name}-${role}-container-logs-association`,
            { associationName: insights.associationName, resourceUri: clusterId, dataCollectionRuleId: rule.id, description: "Container insights: masked container logs to the stack's workspace" },
            { ...child, aliases: formerly("container-insights-association") },
        );
    }

    /** Managed Prometheus for one cluster, and its alert rules on restarts and node pressure. */
    private prometheus(name: string, args: ObservabilityArgs<AzureTypes>, observed: ObservedCluster<AzureTypes>, clusterId: pulumi.Output<string>, metricsWorkspace: AzureMonitorWorkspace): void {
        const { site } = args;
        const { role } = observed;
        const child = { parent: this, provider: site.provider };
        const prom = AKS_MANAGED_PROMETHEUS.value;
        const tags = { ...site.tags };
        const ingestion = new DataCollectionEndpoint(
            `${name}-${role}-prometheus-endpoint`,
            { dataCollectionEndpointName: `MSProm-${site.location}-${site.namePrefix}-${role}`, resourceGroupName: site.resourceGroupName, location: site.location, kind: "Linux", tags },
            child,
        );
        const destination = "prometheus-workspace";
        const rule = new DataCollectionRule(
            `${name}-${role}-prometheus`,
            {
                dataCollectionRuleName: `MSProm-${site.location}-${site.namePrefix}-${role}`,
                resourceGroupName: site.resourceGroupName,
                location: site.location,
                kind: "Linux",
                description: `${site.namePrefix} ${role} cluster: managed Prometheus`,
                dataCollectionEndpointId: ingestion.id,
                dataSources: { prometheusForwarder: [{ name: prom.dataSourceName, streams: [prom.stream], labelIncludeFilter: {} }] },
                destinations: { monitoringAccounts: [{ name: destination, accountResourceId: metricsWorkspace.id }] },
                dataFlows: [{ streams: [prom.stream], destinations: [destination] }],
                tags,
            },
            child,
        );
        site.diagnostics.register({ name: `${name}-${role}-prometheus`, kind: "dataCollectionRule", resourceId: rule.id });
        new DataCollectionRuleAssociation(
            `${name}-${role}-prometheus-association`,
            { associationName: prom.ruleAssociationName, resourceUri: clusterId, dataCollectionRuleId: rule.id, description: "managed Prometheus to the stack's Azure Monitor workspace" },
            child,
        );
        // The agent reads its configuration from an endpoint in its own region: the one the
        // private-link setup needs, and what keeps a standby's agent independent of the primary region.
        const configuration =
            observed.site.location === site.location
                ? ingestion
                : new DataCollectionEndpoint(
                      `${name}-${role}-prometheus-configuration-endpoint`,
                      {
                          dataCollectionEndpointName: `MSProm-${observed.site.location}-${site.namePrefix}-${role}`,
                          resourceGroupName: observed.site.resourceGroupName,
                          location: observed.site.location,
                          kind: "Linux",
                          tags: { ...observed.site.tags },
                      },
                      { parent: this, provider: observed.site.provider },
                  );
        new DataCollectionRuleAssociation(
            `${name}-${role}-prometheus-configuration-association`,
            { associationName: prom.endpointAssociationName, resourceUri: clusterId, dataCollectionEndpointId: configuration.id },
            child,
        );
        new PrometheusRuleGroup(
            `${name}-${role}-prometheus-alerts`,
            {
                ruleGroupName: `${site.namePrefix}-${role}-kubernetes`,
                resourceGroupName: site.resourceGroupName,
                location: site.location,
                description: `${site.namePrefix} ${role} cluster: app restarts and node pressure`,
                clusterName: observed.cluster.clusterName,
                scopes: [metricsWorkspace.id, clusterId],
                enabled: true,
                interval: PROMETHEUS_RULE_GROUP_INTERVAL.value,
                rules: prometheusAlertRules(args.appNamespace).map((r) => ({
                    alert: r.alert,
                    expression: r.expression,
                    for: r.for,
                    severity: r.severity,
                    enabled: true,
                    annotations: { summary: r.summary },
                    resolveConfiguration: { autoResolved: true, timeToResolve: minutes(10) },
                    actions: args.alerts.targetIds.map((actionGroupId) => ({ actionGroupId })),
                })),
                tags,
            },
            child,
        );
    }

    /** A standard test of one public URL, its uptime alert and its two SLO alerts. Returns the test's name. */
    private uptime(name: string, args: ObservabilityArgs<AzureTypes>, target: UptimeTarget, insights: Component, workspace: StackLogWorkspace): string {
        const { site } = args;
        const child = { parent: this, provider: site.provider };
        const testName = `${site.namePrefix}-${target.name}`;
        const actions = args.alerts.targetIds.map((actionGroupId) => ({ actionGroupId }));
        const test = new WebTest(
            `${name}-${target.name}-test`,
            {
                webTestName: testName,
                syntheticMonitorId: testName,
                resourceGroupName: site.resourceGroupName,
                location: site.location,
                kind: AZURE_STANDARD_TEST.value.kind,
                webTestKind: AZURE_STANDARD_TEST.value.kind,
                description: `${target.name}: GET https://${target.host}${target.path}`,
                enabled: true,
                frequency: standardTestFrequencySeconds(),
                timeout: AZURE_STANDARD_TEST.value.timeoutSeconds,
                // A failure is retried before it counts, so one dropped packet is not a failed location.
                retryEnabled: true,
                locations: AZURE_AVAILABILITY_LOCATIONS.value.map((l) => ({ location: l.id })),
                request: { requestUrl: `https://${target.host}${target.path}`, httpVerb: "GET", followRedirects: true, parseDependentRequests: false },
                validationRules: { expectedHttpStatusCode: 200, sSLCheck: true, sSLCertRemainingLifetimeCheck: 14 },
                // Application Insights finds its tests by this tag.
                tags: insights.id.apply((id): Record<string, string> => ({ ...site.tags, [`hidden-link:${id}`]: "Resource" })),
            },
            child,
        );
        new MetricAlert(
            `${name}-${target.name}-uptime-alert`,
            {
                ruleName: `${testName}-uptime`,
                resourceGroupName: site.resourceGroupName,
                location: "global",
                description: `${target.name} (https://${target.host}${target.path}) failing from ${uptimeAlertFailedLocations()} of ${AZURE_AVAILABILITY_LOCATIONS.value.length} locations`,
                severity: 1,
                enabled: true,
                autoMitigate: true,
                scopes: [test.id, insights.id],
                evaluationFrequency: minutes(1),
                windowSize: minutes(5),
                criteria: {
                    odataType: "Microsoft.Azure.Monitor.WebtestLocationAvailabilityCriteria",
                    webTestId: test.id,
                    componentId: insights.id,
                    failedLocationCount: uptimeAlertFailedLocations(),
                },
                actions,
                tags: { ...site.tags },
            },
            child,
        );
        const { availabilityPercent, latencyP95Ms } = args.settings.slo;
        const metrics = APPLICATION_INSIGHTS_METRICS;
        new MetricAlert(
            `${name}-${target.name}-availability-slo`,
            {
                ruleName: `${testName}-availability-slo`,
                resourceGroupName: site.resourceGroupName,
                location: "global",
                description: `${target.name}: availability over ${SLO_FAST_BURN.windowMinutes} minutes burns the ${availabilityPercent} % objective's error budget ${SLO_FAST_BURN.rate}x too fast`,
                severity: 1,
                enabled: true,
                autoMitigate: true,
                scopes: [insights.id],
                evaluationFrequency: minutes(5),
                windowSize: minutes(SLO_FAST_BURN.windowMinutes),
                criteria: {
                    odataType: "Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria",
                    allOf: [
                        {
                            criterionType: "StaticThresholdCriterion",
                            name: "availability",
                            metricName: metrics.availabilityPercent.value,
                            metricNamespace: metrics.namespace.value,
                            dimensions: [{ name: metrics.testNameDimension.value, operator: "Include", values: [testName] }],
                            operator: "LessThan",
                            threshold: fastBurnAvailabilityThreshold(availabilityPercent),
                            timeAggregation: "Average",
                        },
                    ],
                },
                actions,
                tags: { ...site.tags },
            },
            { ...child, dependsOn: [test] },
        );
        new ScheduledQueryRule(
            `${name}-${target.name}-latency-slo`,
            {
                ruleName: `${testName}-latency-slo`,
                resourceGroupName: site.resourceGroupName,
                location: site.location,
                kind: "LogAlert",
                description: `${target.name}: p95 probe duration over ${SLO_FAST_BURN.windowMinutes} minutes above the ${latencyP95Ms} ms objective`,
                severity: 2,
                enabled: true,
                autoMitigate: true,
                scopes: [workspace.id],
                evaluationFrequency: minutes(5),
                windowSize: minutes(SLO_FAST_BURN.windowMinutes),
                criteria: {
                    allOf: [
                        {
                            query: `AppAvailabilityResults | where Name == "${testName}" | summarize P95DurationMs = percentile(DurationMs, 95)`,
                            timeAggregation: "Maximum",
                            metricMeasureColumn: "P95DurationMs",
                            operator: "GreaterThan",
                            threshold: latencyP95Ms,
                            failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 },
                        },
                    ],
                },
                actions: { actionGroups: args.alerts.targetIds },
                tags: { ...site.tags },
            },
            { ...child, dependsOn: [test] },
        );
        return testName;
    }
}

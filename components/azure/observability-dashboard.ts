/**
 * The stack's dashboard as an Azure Monitor workbook: one section per golden-signal source
 * (each cluster, the app's namespace, the database, the cache, the uptime tests), built as
 * the workbook's gallery JSON from the resolved ids.
 */
import {
    AKS_DASHBOARD_METRICS,
    AKS_METRICS,
    APPLICATION_INSIGHTS_METRICS,
    AZURE_MANAGED_REDIS_METRICS,
    AZURE_VCORE_METRICS,
    AZURE_WORKBOOK_SCHEMA,
} from "../../domain/catalogs/azure";

export interface DashboardCluster {
    readonly role: string;
    readonly clusterName: string;
    /** The managed cluster's ARM id. */
    readonly clusterId: string;
}

export interface DashboardSources {
    readonly title: string;
    readonly clusters: readonly DashboardCluster[];
    readonly appNamespace: string;
    /** The database's metricsId: a vCore cluster's ARM id, or an Atlas cluster's name. */
    readonly databaseMetricsId: string;
    /** The Managed Redis cluster's ARM id. */
    readonly cacheMetricsId: string;
    readonly applicationInsightsId: string;
    readonly workspaceId: string;
}

interface MetricSeries {
    readonly namespace: string;
    readonly metric: string;
    readonly aggregation: number;
}

export type WorkbookItem =
    | { readonly type: 1; readonly name: string; readonly content: { readonly json: string } }
    | {
          readonly type: 10;
          readonly name: string;
          readonly content: {
              readonly version: string;
              readonly title: string;
              readonly resourceType: string;
              readonly resourceIds: readonly string[];
              readonly timeContext: { readonly durationMs: number };
              readonly metrics: readonly { readonly namespace: string; readonly metric: string; readonly aggregation: number }[];
          };
      }
    | {
          readonly type: 3;
          readonly name: string;
          readonly content: {
              readonly version: string;
              readonly title: string;
              readonly query: string;
              readonly queryType: 0;
              readonly resourceType: string;
              readonly crossComponentResources: readonly string[];
              readonly timeContext: { readonly durationMs: number };
          };
      };

export interface Workbook {
    readonly version: string;
    readonly items: readonly WorkbookItem[];
}

const LAST_DAY_MS = 24 * 60 * 60 * 1000;
const ARM_ID = /^\/subscriptions\//i;

function metricsChart(name: string, title: string, resourceIds: readonly string[], series: readonly MetricSeries[]): WorkbookItem {
    const resourceType = series[0]?.namespace.toLowerCase() ?? "";
    return {
        type: AZURE_WORKBOOK_SCHEMA.value.metricsItem,
        name,
        content: {
            version: AZURE_WORKBOOK_SCHEMA.value.metricsItemVersion,
            title,
            resourceType,
            resourceIds,
            timeContext: { durationMs: LAST_DAY_MS },
            // The portal names a metric `<namespace>--<metric>`.
            metrics: series.map((s) => ({ namespace: s.namespace.toLowerCase(), metric: `${s.namespace.toLowerCase()}--${s.metric}`, aggregation: s.aggregation })),
        },
    };
}

function logChart(name: string, title: string, workspaceId: string, query: string): WorkbookItem {
    return {
        type: AZURE_WORKBOOK_SCHEMA.value.queryItem,
        name,
        content: {
            version: AZURE_WORKBOOK_SCHEMA.value.queryItemVersion,
            title,
            query,
            queryType: 0,
            resourceType: "microsoft.operationalinsights/workspaces",
            crossComponentResources: [workspaceId],
            timeContext: { durationMs: LAST_DAY_MS },
        },
    };
}

function heading(name: string, text: string): WorkbookItem {
    return { type: 1, name, content: { json: text } };
}

/** The workbook: traffic, errors, saturation and latency of each source the stack has. */
export function observabilityWorkbook(sources: DashboardSources): Workbook {
    const avg = AZURE_WORKBOOK_SCHEMA.value.averageAggregation;
    const max = AZURE_WORKBOOK_SCHEMA.value.maxAggregation;
    const aks = AKS_METRICS.namespace.value;
    const ns = sources.appNamespace;
    const items: WorkbookItem[] = [heading("title", `## ${sources.title}`)];
    for (const cluster of sources.clusters) {
        items.push(
            metricsChart(`cluster-${cluster.role}-saturation`, `Cluster ${cluster.clusterName} (${cluster.role}): node CPU and memory`, [cluster.clusterId], [
                { namespace: aks, metric: AKS_DASHBOARD_METRICS.value.nodeCpuPercent, aggregation: avg },
                { namespace: aks, metric: AKS_DASHBOARD_METRICS.value.nodeMemoryPercent, aggregation: avg },
            ]),
            metricsChart(`cluster-${cluster.role}-errors`, `Cluster ${cluster.clusterName} (${cluster.role}): pods ready, unschedulable pods`, [cluster.clusterId], [
                { namespace: aks, metric: AKS_DASHBOARD_METRICS.value.podsReady, aggregation: avg },
                { namespace: aks, metric: AKS_METRICS.unschedulablePods.value.name, aggregation: max },
            ]),
        );
    }
    items.push(
        logChart(
            "app-errors",
            `App (${ns}): error lines per container`,
            sources.workspaceId,
            `ContainerLogV2 | where PodNamespace == "${ns}" and LogLevel in ("error", "critical", "fatal") | summarize errors = count() by bin(TimeGenerated, 5m), ContainerName | render timechart`,
        ),
        logChart(
            "app-restarts",
            `App (${ns}): container restarts`,
            sources.workspaceId,
            `KubePodInventory | where Namespace == "${ns}" | summarize restarts = max(ContainerRestartCount) by bin(TimeGenerated, 5m), ContainerName | render timechart`,
        ),
    );
    if (ARM_ID.test(sources.databaseMetricsId)) {
        const db = AZURE_VCORE_METRICS;
        items.push(
            metricsChart("database-saturation", "Database (vCore): CPU, memory and storage", [sources.databaseMetricsId], [
                { namespace: db.namespace.value, metric: db.cpuPercent.value, aggregation: avg },
                { namespace: db.namespace.value, metric: db.memoryPercent.value, aggregation: avg },
                { namespace: db.namespace.value, metric: db.storagePercent.value, aggregation: max },
            ]),
            metricsChart("database-latency", "Database (vCore): request duration", [sources.databaseMetricsId], [{ namespace: db.namespace.value, metric: db.requestDurationMs.value, aggregation: avg }]),
        );
    } else {
        // Atlas reports to its own monitoring, which Azure Monitor cannot chart.
        items.push(heading("database-atlas", `Database: the Atlas cluster \`${sources.databaseMetricsId}\`; its metrics are in the Atlas project's monitoring.`));
    }
    const redis = AZURE_MANAGED_REDIS_METRICS;
    items.push(
        metricsChart("cache-saturation", "Cache (Managed Redis): CPU and memory", [sources.cacheMetricsId], [
            { namespace: redis.namespace.value, metric: redis.percentProcessorTime.value, aggregation: avg },
            { namespace: redis.namespace.value, metric: redis.usedMemoryPercentage.value, aggregation: max },
        ]),
        metricsChart("cache-errors", "Cache (Managed Redis): evicted keys", [sources.cacheMetricsId], [{ namespace: redis.namespace.value, metric: redis.evictedKeys.value, aggregation: max }]),
        metricsChart("uptime", "Uptime tests: availability", [sources.applicationInsightsId], [
            { namespace: APPLICATION_INSIGHTS_METRICS.namespace.value, metric: APPLICATION_INSIGHTS_METRICS.availabilityPercent.value, aggregation: avg },
        ]),
        logChart(
            "uptime-latency",
            "Uptime tests: p95 duration per test",
            sources.workspaceId,
            "AppAvailabilityResults | summarize p95 = percentile(DurationMs, 95) by bin(TimeGenerated, 15m), Name | render timechart",
        ),
    );
    return { version: AZURE_WORKBOOK_SCHEMA.value.version, items };
}

/**
 * The stack's Cloud Monitoring dashboard, as the dashboardJson the API takes: golden signals of
 * each cluster (node CPU and memory against allocatable, container restarts), of the app's
 * namespace in each cluster (CPU, memory, restarts), of the cache (Memorystore metrics of the
 * stack's instance or cluster), of the public URLs (uptime and probe latency, with the uptime
 * and SLO alert policies), and a note for the database: MongoDB Atlas writes no metrics to
 * Cloud Monitoring, so the tile links to its charts in Atlas.
 *
 * Pure: built from resolved names so the tests read the JSON it produces.
 */
import { GCP_METRICS, GCP_UPTIME_METRICS, GKE_CONTAINER_METRICS, GKE_METRICS, type GcpMetric } from "../../domain/catalogs/gcp";
import { gcpCacheResourceFilter } from "./cache";

export interface DashboardCluster {
    readonly role: string;
    readonly clusterName: string;
    readonly region: string;
}

export interface DashboardInput {
    readonly title: string;
    readonly clusters: readonly DashboardCluster[];
    readonly appNamespace: string;
    readonly cache: { readonly metricsId: string; readonly clusterMode: boolean };
    readonly database: { readonly metricsId: string; readonly consoleUrl?: string };
    readonly uptimeChecks: readonly { readonly name: string; readonly url: string; readonly checkId: string }[];
    /** Alert policies shown as incident charts (uptime and SLO burn), by title and resource name. */
    readonly alertPolicies: readonly { readonly title: string; readonly name: string }[];
}

interface Chart {
    readonly title: string;
    readonly filter: string;
    readonly aligner: string;
    readonly reducer?: string;
    readonly groupBy?: readonly string[];
}

type Widget = Record<string, unknown>;

const ALIGNMENT = "60s";

function xyChart(chart: Chart): Widget {
    return {
        title: chart.title,
        xyChart: {
            dataSets: [
                {
                    plotType: "LINE",
                    timeSeriesQuery: {
                        timeSeriesFilter: {
                            filter: chart.filter,
                            aggregation: {
                                alignmentPeriod: ALIGNMENT,
                                perSeriesAligner: chart.aligner,
                                ...(chart.reducer ? { crossSeriesReducer: chart.reducer, groupByFields: [...(chart.groupBy ?? [])] } : {}),
                            },
                        },
                    },
                },
            ],
        },
    };
}

function metricFilter(metric: GcpMetric, labels: Readonly<Record<string, string>>): string {
    return [`metric.type="${metric.type}"`, `resource.type="${metric.resourceType}"`, ...Object.entries(labels).map(([k, v]) => `resource.labels.${k}="${v}"`)].join(" AND ");
}

function clusterWidgets(c: DashboardCluster, namespace: string): Widget[] {
    const where = { cluster_name: c.clusterName, location: c.region };
    const app = { ...where, namespace_name: namespace };
    const name = `${c.clusterName} (${c.role})`;
    return [
        xyChart({ title: `${name}: node CPU of allocatable`, filter: metricFilter(GKE_METRICS.nodeCpuAllocatableUtilization.value, where), aligner: "ALIGN_MEAN" }),
        xyChart({
            title: `${name}: node memory (non-evictable) of allocatable`,
            filter: `${metricFilter(GKE_METRICS.nodeMemoryAllocatableUtilization.value, where)} AND metric.labels.memory_type="non-evictable"`,
            aligner: "ALIGN_MEAN",
        }),
        xyChart({
            title: `${name}: container restarts by namespace`,
            filter: metricFilter(GKE_METRICS.containerRestartCount.value, where),
            aligner: "ALIGN_DELTA",
            reducer: "REDUCE_SUM",
            groupBy: ["resource.label.namespace_name"],
        }),
        xyChart({
            title: `${name}: ${namespace} CPU cores by pod`,
            filter: metricFilter(GKE_CONTAINER_METRICS.containerCpuUsageTime.value, app),
            aligner: "ALIGN_RATE",
            reducer: "REDUCE_SUM",
            groupBy: ["resource.label.pod_name"],
        }),
        xyChart({
            title: `${name}: ${namespace} memory by pod`,
            filter: `${metricFilter(GKE_CONTAINER_METRICS.containerMemoryUsed.value, app)} AND metric.labels.memory_type="non-evictable"`,
            aligner: "ALIGN_MEAN",
            reducer: "REDUCE_SUM",
            groupBy: ["resource.label.pod_name"],
        }),
        xyChart({
            title: `${name}: ${namespace} restarts by container`,
            filter: metricFilter(GKE_METRICS.containerRestartCount.value, app),
            aligner: "ALIGN_DELTA",
            reducer: "REDUCE_SUM",
            groupBy: ["resource.label.container_name"],
        }),
    ];
}

function cacheWidgets(cache: DashboardInput["cache"]): Widget[] {
    const where = gcpCacheResourceFilter(cache.clusterMode, cache.metricsId);
    const charts: readonly [string, GcpMetric, string][] = cache.clusterMode
        ? [
              ["memory of the fullest node", GCP_METRICS.redisClusterMemoryMaxUtilization.value, "ALIGN_MAX"],
              ["CPU of the busiest node", GCP_METRICS.redisClusterCpuMaxUtilization.value, "ALIGN_MAX"],
              ["evicted keys", GCP_METRICS.redisClusterEvictedKeysCount.value, "ALIGN_SUM"],
          ]
        : [
              ["memory of maxmemory", GCP_METRICS.redisMemoryUsageRatio.value, "ALIGN_MAX"],
              ["system memory", GCP_METRICS.redisSystemMemoryUsageRatio.value, "ALIGN_MAX"],
              ["main-thread CPU (cores)", GCP_METRICS.redisMainThreadCpu.value, "ALIGN_RATE"],
              ["evicted keys", GCP_METRICS.redisEvictedKeys.value, "ALIGN_SUM"],
          ];
    return charts.map(([what, metric, aligner]) => xyChart({ title: `cache ${cache.metricsId}: ${what}`, filter: `${where} AND metric.type = "${metric.type}"`, aligner }));
}

function uptimeWidgets(input: DashboardInput): Widget[] {
    return input.uptimeChecks.flatMap((c) => [
        xyChart({
            title: `${c.name} ${c.url}: locations failing`,
            filter: `metric.type="${GCP_UPTIME_METRICS.checkPassed.value.type}" AND resource.type="uptime_url" AND metric.labels.check_id="${c.checkId}"`,
            aligner: "ALIGN_NEXT_OLDER",
            reducer: "REDUCE_COUNT_FALSE",
            groupBy: ["resource.label.host"],
        }),
        xyChart({
            title: `${c.name} ${c.url}: probe latency (ms) by location`,
            filter: `metric.type="${GCP_UPTIME_METRICS.requestLatency.value.type}" AND resource.type="uptime_url" AND metric.labels.check_id="${c.checkId}"`,
            aligner: "ALIGN_MEAN",
            reducer: "REDUCE_MEAN",
            groupBy: ["metric.label.checker_location"],
        }),
    ]);
}

function databaseWidget(db: DashboardInput["database"]): Widget {
    const link = db.consoleUrl ? `[its charts in Atlas](${db.consoleUrl})` : "its charts in the Atlas UI (cluster page, Metrics tab)";
    return {
        title: `database ${db.metricsId} (MongoDB Atlas)`,
        text: {
            format: "MARKDOWN",
            content: `MongoDB Atlas writes no metrics to Cloud Monitoring: connections, operations, replication lag and disk of cluster **${db.metricsId}** are in ${link}. Atlas alerts go to the on-call addresses directly.`,
        },
    };
}

/** A 48-column mosaic, two tiles a row. */
export function gcpDashboardJson(input: DashboardInput): string {
    const widgets: Widget[] = [
        ...input.clusters.flatMap((c) => clusterWidgets(c, input.appNamespace)),
        ...uptimeWidgets(input),
        ...input.alertPolicies.map((p) => ({ title: p.title, alertChart: { name: p.name } })),
        ...cacheWidgets(input.cache),
        databaseWidget(input.database),
    ];
    const width = 24;
    const height = 16;
    const tiles = widgets.map((widget, i) => ({ xPos: (i % 2) * width, yPos: Math.floor(i / 2) * height, width, height, widget }));
    return JSON.stringify({ displayName: input.title, mosaicLayout: { columns: 48, tiles } });
}

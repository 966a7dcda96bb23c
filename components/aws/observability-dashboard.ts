/**
 * The stack's CloudWatch dashboard: the golden signals of the clusters (nodes, failures,
 * restarts), the app's namespace, the database, the cache and the uptime checks, each widget in
 * the region its metrics are published in (a dashboard may chart any region).
 */
import { CONTAINER_INSIGHTS_METRICS, DOCDB_CLUSTER_DASHBOARD_METRICS, ELASTICACHE_DASHBOARD_METRICS, ROUTE53_METRICS } from "../../domain/catalogs/aws";
import type { SloSettings } from "../../domain/capabilities/observability";
import { clusterSumQuery } from "./cluster-alarms";
import { METRICS_REGION } from "./observability-uptime";

export interface DashboardCluster {
    readonly name: string;
    readonly region: string;
    readonly role: string;
}

export interface DashboardInput {
    readonly title: string;
    readonly clusters: readonly DashboardCluster[];
    readonly appNamespace: string;
    readonly database: { readonly metricsId: string; readonly region: string };
    readonly cache: { readonly metricsId: string; readonly region: string };
    readonly checks: readonly { readonly name: string; readonly healthCheckId: string; readonly url: string }[];
    readonly slo: SloSettings;
}

type MetricRow = readonly (string | Record<string, unknown>)[];

interface Widget {
    readonly type: "metric" | "text";
    readonly width: number;
    readonly height: number;
    readonly properties: Record<string, unknown>;
}

const FULL = 24;
const THIRD = 8;
const HEIGHT = 6;

function metricWidget(title: string, region: string, metrics: readonly MetricRow[], stat: string, extra: Record<string, unknown> = {}): Widget {
    return { type: "metric", width: THIRD, height: HEIGHT, properties: { title, region, view: "timeSeries", stacked: false, period: 300, stat, metrics, ...extra } };
}

function text(markdown: string): Widget {
    return { type: "text", width: FULL, height: 2, properties: { markdown } };
}

/** The cluster's golden signals: saturation of the busiest node, failed nodes beside the node count, restarts. */
function clusterWidgets(c: DashboardCluster): Widget[] {
    const m = CONTAINER_INSIGHTS_METRICS;
    return [
        text(`## Cluster ${c.name} (${c.role}, ${c.region})`),
        metricWidget(
            `${c.name}: busiest node CPU and memory`,
            c.region,
            [
                [m.nodeCpu.value.namespace, m.nodeCpu.value.metricName, "ClusterName", c.name, { label: "CPU %" }],
                [m.nodeMemory.value.namespace, m.nodeMemory.value.metricName, "ClusterName", c.name, { label: "memory %" }],
            ],
            "Maximum",
            { yAxis: { left: { min: 0, max: 100 } } },
        ),
        metricWidget(
            `${c.name}: nodes and failed nodes`,
            c.region,
            [
                [m.nodeCount.value.namespace, m.nodeCount.value.metricName, "ClusterName", c.name, { label: "nodes" }],
                [m.failedNodes.value.namespace, m.failedNodes.value.metricName, "ClusterName", c.name, { label: "failed" }],
            ],
            "Maximum",
        ),
        metricWidget(`${c.name}: container restarts`, c.region, [[{ expression: clusterSumQuery(m.podRestarts.value, c.name), label: "restarts", id: "restarts" }]], "Sum"),
    ];
}

/** The app's namespace in each cluster: running pods and their CPU and memory against their limits. */
function appWidgets(c: DashboardCluster, namespace: string): Widget[] {
    const m = CONTAINER_INSIGHTS_METRICS;
    const row = (metric: typeof m.podCpu.value, label: string): MetricRow => [metric.namespace, metric.metricName, "ClusterName", c.name, "Namespace", namespace, { label }];
    return [
        metricWidget(`${namespace} on ${c.name}: running pods`, c.region, [row(m.runningPods.value, "running pods")], "Minimum"),
        metricWidget(`${namespace} on ${c.name}: pod CPU and memory`, c.region, [row(m.podCpu.value, "CPU %"), row(m.podMemory.value, "memory %")], "Average"),
    ];
}

/** DocumentDB charted for the whole cluster (DBClusterIdentifier = the database's metricsId). */
function databaseWidgets(db: DashboardInput["database"]): Widget[] {
    const [cpu, connections, readLatency, writeLatency] = DOCDB_CLUSTER_DASHBOARD_METRICS.value;
    const row = (metric: string, label: string, extra: Record<string, unknown> = {}): MetricRow => ["AWS/DocDB", metric, "DBClusterIdentifier", db.metricsId, { label, ...extra }];
    return [
        text(`## Database ${db.metricsId} (DocumentDB, ${db.region})`),
        metricWidget(`${db.metricsId}: CPU`, db.region, [row(cpu, "CPU %")], "Maximum"),
        metricWidget(`${db.metricsId}: connections`, db.region, [row(connections, "connections")], "Maximum"),
        // Average and worst minute: DocumentDB's pages state no percentile statistics for its latencies.
        metricWidget(
            `${db.metricsId}: read and write latency (ms)`,
            db.region,
            [row(readLatency, "read avg"), row(writeLatency, "write avg"), row(readLatency, "read max", { stat: "Maximum" }), row(writeLatency, "write max", { stat: "Maximum" })],
            "Average",
        ),
    ];
}

/**
 * ElastiCache publishes per node (CacheClusterId `<group>-001`, …): a SEARCH on the replication
 * group id (the cache's metricsId) finds every node of the group, whatever the node count.
 */
export function cacheNodeSearch(metric: string, replicationGroupId: string, stat: string): string {
    return `SEARCH('{AWS/ElastiCache,CacheClusterId} MetricName="${metric}" "${replicationGroupId}"', '${stat}', 300)`;
}

function cacheWidgets(cache: DashboardInput["cache"]): Widget[] {
    const [engineCpu, memory, connections, hitRate] = ELASTICACHE_DASHBOARD_METRICS.value;
    const search = (metric: string, stat: string, id: string): MetricRow => [{ expression: cacheNodeSearch(metric, cache.metricsId, stat), id }];
    return [
        text(`## Cache ${cache.metricsId} (ElastiCache, ${cache.region}): one line per node`),
        metricWidget(`${cache.metricsId}: engine CPU and memory`, cache.region, [search(engineCpu, "Maximum", "cpu"), search(memory, "Maximum", "memory")], "Maximum"),
        metricWidget(`${cache.metricsId}: connections`, cache.region, [search(connections, "Maximum", "connections")], "Maximum"),
        metricWidget(`${cache.metricsId}: hit rate`, cache.region, [search(hitRate, "Average", "hits")], "Average"),
    ];
}

/** The uptime checks (in us-east-1, where Route 53 publishes): healthy share against the SLO, p95 latency against its objective. */
function uptimeWidgets(input: DashboardInput): Widget[] {
    const { percentHealthy, timeToFirstByte } = ROUTE53_METRICS;
    return [
        text(`## Uptime (Route 53 health checks): ${input.checks.map((c) => c.url).join(", ")}`),
        metricWidget(
            `Healthy probes % (SLO ${input.slo.availabilityPercent} %)`,
            METRICS_REGION,
            input.checks.map((c) => [percentHealthy.value.namespace, percentHealthy.value.metricName, "HealthCheckId", c.healthCheckId, { label: c.name }]),
            "Average",
            { annotations: { horizontal: [{ label: "availability SLO", value: input.slo.availabilityPercent }] }, yAxis: { left: { min: 0, max: 100 } } },
        ),
        metricWidget(
            `Time to first byte p95 (objective ${input.slo.latencyP95Ms} ms)`,
            METRICS_REGION,
            input.checks.map((c) => [timeToFirstByte.value.namespace, timeToFirstByte.value.metricName, "HealthCheckId", c.healthCheckId, { label: c.name }]),
            "p95",
            { annotations: { horizontal: [{ label: "p95 objective", value: input.slo.latencyP95Ms }] } },
        ),
    ];
}

/** The dashboard body: widgets flow left to right in rows of 24 columns. */
export function dashboardBody(input: DashboardInput): string {
    const widgets: Widget[] = [
        text(`# ${input.title}`),
        ...uptimeWidgets(input),
        ...input.clusters.flatMap((c) => [...clusterWidgets(c), ...appWidgets(c, input.appNamespace)]),
        ...databaseWidgets(input.database),
        ...cacheWidgets(input.cache),
    ];
    let x = 0;
    let y = 0;
    let rowHeight = 0;
    const placed = widgets.map((w) => {
        if (x + w.width > FULL) {
            x = 0;
            y += rowHeight;
            rowHeight = 0;
        }
        const at = { ...w, x, y };
        x += w.width;
        rowHeight = Math.max(rowHeight, w.height);
        return at;
    });
    return JSON.stringify({ widgets: placed });
}

export function dashboardConsoleUrl(region: string, dashboardName: string): string {
    return `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#dashboards/dashboard/${encodeURIComponent(dashboardName)}`;
}

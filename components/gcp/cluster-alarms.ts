/**
 * Cluster alarms on GKE system metrics, which GKE writes without an in-cluster agent into the
 * same Cloud Monitoring store Managed Service for Prometheus fills (cluster-gke.ts): no node
 * reporting (absence: a pool scaled to zero, failed or deleted pages loudly), node pressure (a
 * node near its allocatable CPU or memory, before the kubelet evicts), and containers
 * restarting.
 */
import { AlertPolicy } from "@pulumi/gcp/monitoring/alertPolicy";
import type * as pulumi from "@pulumi/pulumi";
import { GKE_METRICS, type GcpMetric } from "../../domain/catalogs/gcp";
import type { ClusterArgs } from "../contracts/cluster";
import type { GcpTypes } from ".";

export interface GkeAlarmCondition {
    readonly description: string;
    readonly metric: GcpMetric;
    /** Narrows the metric's series, e.g. to one memory type. */
    readonly metricLabels?: Readonly<Record<string, string>>;
    readonly condition: "threshold" | "absent";
    readonly aligner: string;
    readonly reducer?: string;
    readonly threshold: number;
    readonly duration: string;
}

export interface GkeAlarm {
    readonly id: string;
    readonly description: string;
    readonly severity: "WARNING" | "ERROR";
    /** Any one firing fires the alarm. */
    readonly conditions: readonly GkeAlarmCondition[];
}

export const GKE_ALARMS: readonly GkeAlarm[] = [
    {
        id: "no-nodes",
        description: "no node reporting for 10 minutes",
        severity: "ERROR",
        conditions: [{ description: "no node reporting for 10 minutes", metric: GKE_METRICS.nodeCpuUsageTime.value, condition: "absent", aligner: "ALIGN_RATE", reducer: "REDUCE_COUNT", threshold: 0, duration: "600s" }],
    },
    {
        // The id predates the memory condition; it is the node-pressure alarm.
        id: "node-cpu",
        description: "node pressure: a node above 90% of its allocatable CPU or memory",
        severity: "WARNING",
        conditions: [
            { description: "a node above 90% of its allocatable CPU", metric: GKE_METRICS.nodeCpuAllocatableUtilization.value, condition: "threshold", aligner: "ALIGN_MEAN", threshold: 0.9, duration: "900s" },
            {
                // Evictable memory (page cache) is reclaimed before any pod is evicted: only the
                // rest is pressure.
                description: "a node above 90% of its allocatable memory (non-evictable)",
                metric: GKE_METRICS.nodeMemoryAllocatableUtilization.value,
                metricLabels: { memory_type: "non-evictable" },
                condition: "threshold",
                aligner: "ALIGN_MEAN",
                threshold: 0.9,
                duration: "900s",
            },
        ],
    },
    {
        id: "restarts",
        description: "a container restarted more than 3 times in 5 minutes",
        severity: "ERROR",
        conditions: [{ description: "a container restarted more than 3 times in 5 minutes", metric: GKE_METRICS.containerRestartCount.value, condition: "threshold", aligner: "ALIGN_DELTA", threshold: 3, duration: "0s" }],
    },
];

export function gkeAlarmFilter(condition: GkeAlarmCondition, clusterName: string, region: string): string {
    const labels = Object.entries(condition.metricLabels ?? {}).map(([k, v]) => ` AND metric.labels.${k} = "${v}"`);
    return `resource.type = "${condition.metric.resourceType}" AND resource.labels.cluster_name = "${clusterName}" AND resource.labels.location = "${region}" AND metric.type = "${condition.metric.type}"${labels.join("")}`;
}

export function gkeAlarms(name: string, args: ClusterArgs<GcpTypes>, clusterName: string, dependsOn: pulumi.Resource[], parent: pulumi.Resource): AlertPolicy[] {
    const { site, alerts } = args;
    return GKE_ALARMS.map(
        (alarm) =>
            new AlertPolicy(
                `${name}-${alarm.id}`,
                {
                    project: site.project,
                    displayName: `${clusterName}: ${alarm.description}`,
                    combiner: "OR",
                    enabled: true,
                    severity: alarm.severity,
                    conditions: alarm.conditions.map((c) => {
                        const filter = gkeAlarmFilter(c, clusterName, site.region);
                        const aggregations = [{ alignmentPeriod: "300s", perSeriesAligner: c.aligner, ...(c.reducer ? { crossSeriesReducer: c.reducer } : {}) }];
                        return c.condition === "absent"
                            ? { displayName: c.description, conditionAbsent: { filter, duration: c.duration, aggregations, trigger: { count: 1 } } }
                            : { displayName: c.description, conditionThreshold: { filter, comparison: "COMPARISON_GT", thresholdValue: c.threshold, duration: c.duration, aggregations, trigger: { count: 1 } } };
                    }),
                    notificationChannels: alerts.targetIds,
                    documentation: { mimeType: "text/markdown", content: `GKE cluster ${clusterName} (${args.role}) reports ${alarm.description}.` },
                },
                { parent, provider: site.provider, dependsOn },
            ),
    );
}

/**
 * Cluster alarms on GKE system metrics, which GKE writes without an in-cluster agent: no node
 * reporting (absence: a pool scaled to zero, failed or deleted pages loudly), nodes near their
 * allocatable CPU, and containers restarting.
 */
import { AlertPolicy } from "@pulumi/gcp/monitoring/alertPolicy";
import type * as pulumi from "@pulumi/pulumi";
import { GKE_METRICS, type GcpMetric } from "../../domain/catalogs/gcp";
import type { ClusterArgs } from "../contracts/cluster";
import type { GcpTypes } from ".";

export interface GkeAlarm {
    readonly id: string;
    readonly description: string;
    readonly metric: GcpMetric;
    readonly condition: "threshold" | "absent";
    readonly aligner: string;
    readonly reducer?: string;
    readonly threshold: number;
    readonly duration: string;
    readonly severity: "WARNING" | "ERROR";
}

export const GKE_ALARMS: readonly GkeAlarm[] = [
    { id: "no-nodes", description: "no node reporting for 10 minutes", metric: GKE_METRICS.nodeCpuUsageTime.value, condition: "absent", aligner: "ALIGN_RATE", reducer: "REDUCE_COUNT", threshold: 0, duration: "600s", severity: "ERROR" },
    { id: "node-cpu", description: "a node above 90% of its allocatable CPU", metric: GKE_METRICS.nodeCpuAllocatableUtilization.value, condition: "threshold", aligner: "ALIGN_MEAN", threshold: 0.9, duration: "900s", severity: "WARNING" },
    { id: "restarts", description: "a container restarted more than 3 times in 5 minutes", metric: GKE_METRICS.containerRestartCount.value, condition: "threshold", aligner: "ALIGN_DELTA", threshold: 3, duration: "0s", severity: "ERROR" },
];

export function gkeAlarmFilter(alarm: GkeAlarm, clusterName: string, region: string): string {
    return `resource.type = "${alarm.metric.resourceType}" AND resource.labels.cluster_name = "${clusterName}" AND resource.labels.location = "${region}" AND metric.type = "${alarm.metric.type}"`;
}

export function gkeAlarms(name: string, args: ClusterArgs<GcpTypes>, clusterName: string, dependsOn: pulumi.Resource[], parent: pulumi.Resource): AlertPolicy[] {
    const { site, alerts } = args;
    return GKE_ALARMS.map((alarm) => {
        const filter = gkeAlarmFilter(alarm, clusterName, site.region);
        const aggregations = [{ alignmentPeriod: "300s", perSeriesAligner: alarm.aligner, ...(alarm.reducer ? { crossSeriesReducer: alarm.reducer } : {}) }];
        return new AlertPolicy(
            `${name}-${alarm.id}`,
            {
                project: site.project,
                displayName: `${clusterName}: ${alarm.description}`,
                combiner: "OR",
                enabled: true,
                severity: alarm.severity,
                conditions: [
                    alarm.condition === "absent"
                        ? { displayName: alarm.description, conditionAbsent: { filter, duration: alarm.duration, aggregations, trigger: { count: 1 } } }
                        : { displayName: alarm.description, conditionThreshold: { filter, comparison: "COMPARISON_GT", thresholdValue: alarm.threshold, duration: alarm.duration, aggregations, trigger: { count: 1 } } },
                ],
                notificationChannels: alerts.targetIds,
                documentation: { mimeType: "text/markdown", content: `GKE cluster ${clusterName} (${args.role}) reports ${alarm.description}.` },
            },
            { parent, provider: site.provider, dependsOn },
        );
    });
}

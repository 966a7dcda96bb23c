/**
 * The cluster's health alerts on AKS platform metrics: Azure collects them for every cluster
 * without an in-cluster agent, so they keep firing when the nodes (and Container insights on
 * them) are the thing that broke.
 */
import { MetricAlert } from "@pulumi/azure-native/monitor/metricAlert";
import type * as pulumi from "@pulumi/pulumi";
import { AKS_METRICS, type AksMetric } from "../../domain/catalogs/azure";
import type { AzureAlerts } from "./alerts";
import type { AzureSite } from "./site";

export interface ClusterAlert {
    /** Names the rule (`<prefix>-<role>-cluster-<id>`) and its child (`<name>-alert-<id>`). */
    readonly id: string;
    readonly description: string;
    readonly metric: AksMetric;
    /** Dimension filters, each naming a dimension the catalog lists for the metric. */
    readonly filters: readonly { readonly dimension: string; readonly values: readonly string[] }[];
    readonly timeAggregation: "Average" | "Maximum" | "Total";
    readonly operator: "GreaterThan";
    readonly threshold: number;
    readonly windowSize: string;
    /** Azure Monitor severity: 0 critical … 4 verbose. */
    readonly severity: number;
}

/**
 * Nodes not Ready (failed or unreachable VMs, a lost zone), pods the autoscaler cannot place
 * (the pool is at its maximum or a zone has no capacity), and the two control-plane resources
 * whose exhaustion stops the API server. Azure metric alerts do not fire on missing data, but
 * these metrics come from the managed control plane, which reports them while the cluster
 * exists; the unschedulable-pods metric is emitted only while pods wait, so its absence is health.
 */
export const AZURE_CLUSTER_ALERTS: readonly ClusterAlert[] = [
    {
        id: "nodes-not-ready",
        description: "a node has not been Ready for 15 minutes",
        metric: AKS_METRICS.nodeStatusCondition.value,
        // kube-state-metrics values of the node condition; the dimension values are unverified
        // (check in Metrics Explorer after the first deploy, docs/deploy-readiness.md).
        filters: [
            { dimension: "condition", values: ["Ready"] },
            { dimension: "status", values: ["false", "unknown"] },
        ],
        timeAggregation: "Average",
        operator: "GreaterThan",
        threshold: 0,
        windowSize: "PT15M",
        severity: 1,
    },
    {
        id: "unschedulable-pods",
        description: "pods unschedulable for 15 minutes: the node pool is at its maximum or out of zone capacity",
        metric: AKS_METRICS.unschedulablePods.value,
        filters: [],
        timeAggregation: "Average",
        operator: "GreaterThan",
        threshold: 0,
        windowSize: "PT15M",
        severity: 2,
    },
    {
        id: "apiserver-cpu",
        description: "API server CPU above 90% of its limit",
        metric: AKS_METRICS.apiServerCpu.value,
        filters: [],
        timeAggregation: "Maximum",
        operator: "GreaterThan",
        threshold: 90,
        windowSize: "PT15M",
        severity: 2,
    },
    {
        id: "etcd-database",
        description: "etcd database above 80% of its quota: writes stop when it fills",
        metric: AKS_METRICS.etcdDatabaseUsage.value,
        filters: [],
        timeAggregation: "Maximum",
        operator: "GreaterThan",
        threshold: 80,
        windowSize: "PT15M",
        severity: 1,
    },
];

export interface ClusterAlertsArgs {
    readonly site: AzureSite;
    readonly alerts: AzureAlerts;
    readonly clusterId: pulumi.Input<string>;
}

/** One metric alert rule per entry of AZURE_CLUSTER_ALERTS on the cluster, notifying the stack's action group. */
export function clusterAlerts(name: string, args: ClusterAlertsArgs, parent: pulumi.Resource): MetricAlert[] {
    const { site } = args;
    return AZURE_CLUSTER_ALERTS.map(
        (alert) =>
            new MetricAlert(
                `${name}-alert-${alert.id}`,
                {
                    resourceGroupName: site.resourceGroupName,
                    ruleName: `${site.namePrefix}-${site.role}-cluster-${alert.id}`,
                    location: "global",
                    description: `${site.namePrefix} ${site.role} cluster (AKS): ${alert.description}`,
                    severity: alert.severity,
                    enabled: true,
                    autoMitigate: true,
                    scopes: [args.clusterId],
                    evaluationFrequency: "PT5M",
                    windowSize: alert.windowSize,
                    criteria: {
                        odataType: "Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria",
                        allOf: [
                            {
                                criterionType: "StaticThresholdCriterion",
                                name: alert.id,
                                metricName: alert.metric.name,
                                metricNamespace: AKS_METRICS.namespace.value,
                                dimensions: alert.filters.map((f) => ({ name: f.dimension, operator: "Include", values: [...f.values] })),
                                operator: alert.operator,
                                threshold: alert.threshold,
                                timeAggregation: alert.timeAggregation,
                            },
                        ],
                    },
                    actions: args.alerts.targetIds.map((actionGroupId) => ({ actionGroupId })),
                    tags: { ...site.tags },
                },
                { parent, provider: site.provider },
            ),
    );
}

/**
 * Cluster alarms. The cluster itself alarms on what EKS publishes without an in-cluster agent
 * (the free AWS/EKS control-plane metrics): nodes have no such metric, since a managed node
 * group's Auto Scaling group publishes group metrics only when collection is turned on on the
 * group, which EKS does not expose. Failed or missing nodes show up there as pods the scheduler
 * cannot place.
 *
 * Node pressure, failed nodes and pod restarts need the node agent: they read the Container
 * Insights metrics the Observability component collects (the CloudWatch Observability add-on),
 * and Observability creates them with `containerInsightsAlarms` once the add-on runs.
 */
import { MetricAlarm } from "@pulumi/aws/cloudwatch/metricAlarm";
import * as pulumi from "@pulumi/pulumi";
import { CONTAINER_INSIGHTS_METRICS, EKS_METRICS, type AwsMetric, type TreatMissingData } from "../../domain/catalogs/aws";

export interface AwsClusterAlarm {
    readonly id: string;
    readonly metric: AwsMetric;
    readonly comparison: "GreaterThanThreshold" | "LessThanThreshold";
    readonly threshold: number;
    readonly periods: number;
    readonly description: string;
    readonly treatMissingData: TreatMissingData;
}

export const AWS_CLUSTER_ALARMS: readonly AwsClusterAlarm[] = [
    // The kubelets and controllers call the API server every few seconds, so no requests at all
    // means the control plane is down, stopped reporting, or this alarm's name or dimension is
    // wrong: all three need a person, so missing data pages.
    {
        id: "api-silent",
        metric: EKS_METRICS.apiServerRequests.value,
        comparison: "LessThanThreshold",
        threshold: 1,
        periods: 3,
        description: "the API server reported no requests for 15 minutes",
        treatMissingData: "breaching",
    },
    // 5XX counts are published only when there are some; no data is a healthy minute.
    {
        id: "api-5xx",
        metric: EKS_METRICS.apiServer5xx.value,
        comparison: "GreaterThanThreshold",
        threshold: 10,
        periods: 3,
        description: "the API server answered more than 10 requests with 5XX in each of 3 five-minute periods",
        treatMissingData: "notBreaching",
    },
    // Pods that fit on no node for 15 minutes: failed nodes, a node group at its maximum, or a
    // zone without capacity.
    {
        id: "unschedulable",
        metric: EKS_METRICS.unschedulable.value,
        comparison: "GreaterThanThreshold",
        threshold: 0,
        periods: 3,
        description: "pods could not be scheduled on any node for 15 minutes (failed nodes or the node group at its maximum)",
        treatMissingData: "notBreaching",
    },
];

export function clusterAlarms(
    name: string,
    clusterName: pulumi.Output<string>,
    namePrefix: string,
    topicArn: pulumi.Output<string>,
    opts: pulumi.CustomResourceOptions,
): MetricAlarm[] {
    return AWS_CLUSTER_ALARMS.map(
        (alarm) =>
            new MetricAlarm(
                `${name}-${alarm.id}`,
                {
                    name: clusterName.apply((c) => `${c}-${alarm.id}`),
                    alarmDescription: `${namePrefix} cluster: ${alarm.description}`,
                    namespace: alarm.metric.namespace,
                    metricName: alarm.metric.metricName,
                    dimensions: { [alarm.metric.dimensions[0]]: clusterName },
                    statistic: "Sum",
                    period: 300,
                    evaluationPeriods: alarm.periods,
                    datapointsToAlarm: alarm.periods,
                    threshold: alarm.threshold,
                    comparisonOperator: alarm.comparison,
                    treatMissingData: alarm.treatMissingData,
                    actionsEnabled: true,
                    alarmActions: [topicArn],
                    okActions: [topicArn],
                },
                opts,
            ),
    );
}

/** A cluster alarm on Container Insights: one metric of the cluster, or a query summing a per-pod metric. */
export interface ContainerInsightsAlarm {
    readonly id: string;
    readonly metric: AwsMetric;
    readonly statistic: "Maximum" | "Sum";
    readonly threshold: number;
    readonly periods: number;
    readonly description: string;
    readonly treatMissingData: TreatMissingData;
    /** The metric is published per pod only: a Metrics Insights query sums it over the cluster. */
    readonly summedOverPods: boolean;
}

export const CONTAINER_INSIGHTS_ALARMS: readonly ContainerInsightsAlarm[] = [
    // A node with a condition (memory, disk or PID pressure, NotReady) for 15 minutes. The agent
    // reports 0 on a healthy cluster every minute, so silence means the collection stopped, and
    // nothing else would tell: missing data pages.
    {
        id: "failed-nodes",
        metric: CONTAINER_INSIGHTS_METRICS.failedNodes.value,
        statistic: "Maximum",
        threshold: 0,
        periods: 3,
        description: "a node reported a failing condition (memory, disk or PID pressure, NotReady) for 15 minutes, or the Container Insights agent stopped reporting",
        treatMissingData: "breaching",
        summedOverPods: false,
    },
    // Pressure before the kubelet evicts: the busiest node's CPU or memory above 90 % for 15
    // minutes means the autoscaler is at its maximum or requests are far below real use.
    {
        id: "node-cpu-pressure",
        metric: CONTAINER_INSIGHTS_METRICS.nodeCpu.value,
        statistic: "Maximum",
        threshold: 90,
        periods: 3,
        description: "a node's CPU stayed above 90 % for 15 minutes",
        treatMissingData: "notBreaching",
        summedOverPods: false,
    },
    {
        id: "node-memory-pressure",
        metric: CONTAINER_INSIGHTS_METRICS.nodeMemory.value,
        statistic: "Maximum",
        threshold: 90,
        periods: 3,
        description: "a node's memory stayed above 90 % for 15 minutes (evictions and OOM kills follow)",
        treatMissingData: "notBreaching",
        summedOverPods: false,
    },
    // A crash-looping container backs off to one restart every five minutes: restarts in each of
    // three five-minute periods is a crash loop, a single restart is not.
    {
        id: "pod-restarts",
        metric: CONTAINER_INSIGHTS_METRICS.podRestarts.value,
        statistic: "Sum",
        threshold: 0,
        periods: 3,
        description: "containers restarted in each of 3 five-minute periods (a crash loop)",
        treatMissingData: "notBreaching",
        summedOverPods: true,
    },
];

/** The Metrics Insights query that sums a per-pod Container Insights metric over one cluster. */
export function clusterSumQuery(metric: AwsMetric, clusterName: string): string {
    return `SELECT SUM(${metric.metricName}) FROM SCHEMA("${metric.namespace}", ${metric.dimensions.join(", ")}) WHERE ClusterName = '${clusterName}'`;
}

/** Container Insights alarms of one cluster, to the alerts topic of the cluster's region (`opts` carries its provider). */
export function containerInsightsAlarms(
    name: string,
    clusterName: pulumi.Output<string>,
    namePrefix: string,
    topicArn: pulumi.Input<string>,
    opts: pulumi.CustomResourceOptions,
): MetricAlarm[] {
    return CONTAINER_INSIGHTS_ALARMS.map((alarm) => {
        const period = 300;
        const measured = alarm.summedOverPods
            ? { metricQueries: [{ id: "q1", expression: clusterName.apply((c) => clusterSumQuery(alarm.metric, c)), period, returnData: true }] }
            : {
                  namespace: alarm.metric.namespace,
                  metricName: alarm.metric.metricName,
                  dimensions: { ClusterName: clusterName },
                  statistic: alarm.statistic,
                  period,
              };
        return new MetricAlarm(
            `${name}-${alarm.id}`,
            {
                name: pulumi.interpolate`${clusterName}-${alarm.id}`,
                alarmDescription: `${namePrefix} cluster: ${alarm.description}`,
                ...measured,
                evaluationPeriods: alarm.periods,
                datapointsToAlarm: alarm.periods,
                threshold: alarm.threshold,
                comparisonOperator: "GreaterThanThreshold",
                treatMissingData: alarm.treatMissingData,
                actionsEnabled: true,
                alarmActions: [topicArn],
                okActions: [topicArn],
            },
            opts,
        );
    });
}

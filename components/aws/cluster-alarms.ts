/**
 * Cluster alarms on what EKS publishes to CloudWatch without an in-cluster agent (the free
 * AWS/EKS control-plane metrics). Nodes have no such metric: a managed node group's Auto
 * Scaling group publishes group metrics only when collection is turned on on the group, which
 * EKS does not expose, and the ingress load balancer is named by its controller at run time.
 * Failed or missing nodes show up here as pods the scheduler cannot place.
 */
import { MetricAlarm } from "@pulumi/aws/cloudwatch/metricAlarm";
import type * as pulumi from "@pulumi/pulumi";
import { EKS_METRICS, type AwsMetric, type TreatMissingData } from "../../domain/catalogs/aws";

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

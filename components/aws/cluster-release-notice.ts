/**
 * The release notice on EKS: a metric filter on the control-plane log group counts the audit
 * events of successful writes to the release record, and an alarm on that count notifies the
 * alerts topic in the cluster's region with the release summary as its description.
 *
 * A CloudWatch metric carries a count, not who made the change. The audit log does, in the same
 * log group; CloudWatch Logs Insights on it, over the minutes before the alarm:
 *
 *     fields @timestamp, verb, user.username, responseStatus.code
 *     | filter @logStream like /^kube-apiserver-audit/
 *     | filter objectRef.resource = "configmaps" and objectRef.namespace = "<namespace>" and objectRef.name = "<name>"
 *     | sort @timestamp desc
 */
import { LogMetricFilter } from "@pulumi/aws/cloudwatch/logMetricFilter";
import { MetricAlarm } from "@pulumi/aws/cloudwatch/metricAlarm";
import type * as pulumi from "@pulumi/pulumi";
import { CLOUDWATCH_JSON_FILTER_SYNTAX, EKS_AUDIT_EVENT, RELEASE_NOTICE_METRIC_NAMESPACE } from "../../domain/catalogs/aws";
import type { ReleaseNoticeArgs } from "../contracts/cluster";

/** One-minute sums: a write is a count of at least one in the minute its audit event is stamped with. */
export const RELEASE_NOTICE_PERIOD_SECONDS = 60;
/**
 * EKS delivers control-plane logs within a few minutes, and the count lands in the minute of
 * the event, not of its delivery: the alarm looks back five minutes and fires on any one of
 * them, so a write whose log arrives late still notifies.
 */
export const RELEASE_NOTICE_LOOKBACK_PERIODS = 5;

/** Successful (2xx) create, update and patch events of one ConfigMap, as a CloudWatch Logs JSON filter pattern. */
export function releaseNoticeFilterPattern(notice: Pick<ReleaseNoticeArgs, "namespace" | "configMapName">): string {
    const { fields, configMapWriteVerbs } = EKS_AUDIT_EVENT.value;
    const { and, or } = CLOUDWATCH_JSON_FILTER_SYNTAX.value;
    const verbs = configMapWriteVerbs.map((verb) => `(${fields.verb} = "${verb}")`).join(` ${or} `);
    const clauses = [
        `${fields.resource} = "configmaps"`,
        `${fields.namespace} = "${notice.namespace}"`,
        `${fields.name} = "${notice.configMapName}"`,
        verbs,
        // Only events with a response: a refused or failed write changed nothing.
        `${fields.responseCode} < 300`,
    ];
    return `{ ${clauses.map((c) => `(${c})`).join(` ${and} `)} }`;
}

export interface AwsReleaseNoticeArgs {
    /** The EKS cluster's name (`<prefix>-<role>`), which names the metric and the alarm. */
    readonly clusterName: string;
    /** The control-plane log group; the filter depends on it through this output. */
    readonly logGroupName: pulumi.Output<string>;
    /** The alerts topic in the cluster's own region. */
    readonly topicArn: pulumi.Output<string>;
    readonly notice: ReleaseNoticeArgs;
}

/**
 * The filter and the alarm: children `<component>-<notice>-filter` and `-alarm`, both named
 * `<cluster>-<notice>` in AWS. Returns the alarm, which depends on the filter, so a record that
 * depends on it is written only once both exist and the alarm carries the new summary.
 */
export function awsReleaseNotice(component: string, noticeName: string, args: AwsReleaseNoticeArgs, opts: pulumi.CustomResourceOptions): MetricAlarm {
    const { clusterName, notice } = args;
    const name = `${component}-${noticeName}`;
    // One metric per cluster and record: stacks sharing an account and region never count each other's writes.
    const metricName = `${clusterName}/${notice.namespace}/${notice.configMapName}/writes`;
    const filter = new LogMetricFilter(
        `${name}-filter`,
        {
            name: `${clusterName}-${noticeName}`,
            logGroupName: args.logGroupName,
            pattern: releaseNoticeFilterPattern(notice),
            metricTransformation: { namespace: RELEASE_NOTICE_METRIC_NAMESPACE.value, name: metricName, value: "1", unit: "Count" },
        },
        opts,
    );
    return new MetricAlarm(
        `${name}-alarm`,
        {
            name: `${clusterName}-${noticeName}`,
            alarmDescription: notice.summary,
            namespace: RELEASE_NOTICE_METRIC_NAMESPACE.value,
            metricName,
            statistic: "Sum",
            period: RELEASE_NOTICE_PERIOD_SECONDS,
            evaluationPeriods: RELEASE_NOTICE_LOOKBACK_PERIODS,
            datapointsToAlarm: 1,
            threshold: 1,
            comparisonOperator: "GreaterThanOrEqualToThreshold",
            // Minutes without a write publish nothing, and that is the normal state.
            treatMissingData: "notBreaching",
            actionsEnabled: true,
            // A notice, not an incident: nothing to announce when the alarm returns to OK.
            alarmActions: [args.topicArn],
        },
        { ...opts, dependsOn: [filter] },
    );
}

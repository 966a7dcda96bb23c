/**
 * Audit alarms: CloudWatch Logs metric filters on the trail's log group count the events of the
 * CIS AWS Foundations monitoring controls that matter here, and an alarm on each count notifies
 * the alerts topic. The trail is multi-region, so the primary region's log group sees the DR
 * region's calls too: one set of alarms covers both.
 *
 * An alarm carries a count, not who did it; the event is in the same log group:
 *
 *     fields @timestamp, eventName, userIdentity.arn, sourceIPAddress, awsRegion
 *     | filter eventName in ["StopLogging", "DeleteTrail", "UpdateTrail"]
 *     | sort @timestamp desc
 */
import { LogMetricFilter } from "@pulumi/aws/cloudwatch/logMetricFilter";
import { MetricAlarm } from "@pulumi/aws/cloudwatch/metricAlarm";
import type * as pulumi from "@pulumi/pulumi";
import { AUDIT_FILTER_PATTERNS, AUDIT_METRIC_NAMESPACE, CLOUDWATCH_JSON_FILTER_SYNTAX } from "../../domain/catalogs/aws";

/** PutMetricFilter refuses longer filter patterns. */
export const METRIC_FILTER_PATTERN_MAX_LENGTH = 1024;

/**
 * AuthorizeSecurityGroupIngress naming 0.0.0.0/0 or ::/0 among the first permissions and ranges
 * the filter syntax can address (array elements by index only; see the catalog note).
 */
export function securityGroupOpenPattern(): string {
    const { permissions, rangesPerPermission } = AUDIT_FILTER_PATTERNS.securityGroupOpenToInternet.value;
    const { and, or } = CLOUDWATCH_JSON_FILTER_SYNTAX.value;
    const clauses: string[] = [];
    for (let p = 0; p < permissions; p++) {
        for (let r = 0; r < rangesPerPermission; r++) {
            const item = `$.requestParameters.ipPermissions.items[${p}]`;
            clauses.push(`(${item}.ipRanges.items[${r}].cidrIp = "0.0.0.0/0")`, `(${item}.ipv6Ranges.items[${r}].cidrIpv6 = "::/0")`);
        }
    }
    return `{ ($.eventName = AuthorizeSecurityGroupIngress) ${and} (${clauses.join(` ${or} `)}) }`;
}

export interface AwsAuditAlarm {
    readonly id: string;
    readonly pattern: string;
    readonly description: string;
}

export const AWS_AUDIT_ALARMS: readonly AwsAuditAlarm[] = [
    { id: "root-usage", pattern: AUDIT_FILTER_PATTERNS.rootUsage.value, description: "the account's root user signed in or made an API call" },
    {
        id: "key-disabled",
        pattern: AUDIT_FILTER_PATTERNS.keyDisabledOrDeleted.value,
        description: "a KMS key was disabled or scheduled for deletion: data under it becomes unreadable when it goes",
    },
    {
        id: "iam-policy-change",
        pattern: AUDIT_FILTER_PATTERNS.iamPolicyChanges.value,
        description: "an IAM policy was created, changed, attached or detached (a deploy that changes roles does this too)",
    },
    {
        id: "sg-open-to-internet",
        pattern: securityGroupOpenPattern(),
        description: "a security group rule admitting 0.0.0.0/0 or ::/0 was added (EKS's cloud controller may do so itself when it opens node ports to a load-balancer Service)",
    },
    {
        id: "trail-change",
        pattern: AUDIT_FILTER_PATTERNS.cloudTrailChanges.value,
        description: "a CloudTrail trail was created, updated, deleted, or its logging stopped or started",
    },
];

export interface AwsAuditAlarmsArgs {
    /** Names the filters, metrics and alarms, so stacks sharing an account never count each other's. */
    readonly trailName: string;
    readonly logGroupName: pulumi.Output<string>;
    readonly topicArn: pulumi.Output<string>;
}

/** One filter and one alarm per audit event: children `<name>-<id>-filter` and `-alarm`. */
export function awsAuditAlarms(name: string, args: AwsAuditAlarmsArgs, opts: pulumi.CustomResourceOptions): MetricAlarm[] {
    return AWS_AUDIT_ALARMS.map((alarm) => {
        const metricName = `${args.trailName}/${alarm.id}`;
        const filter = new LogMetricFilter(
            `${name}-${alarm.id}-filter`,
            {
                name: `${args.trailName}-${alarm.id}`,
                logGroupName: args.logGroupName,
                pattern: alarm.pattern,
                metricTransformation: { namespace: AUDIT_METRIC_NAMESPACE.value, name: metricName, value: "1", unit: "Count" },
            },
            opts,
        );
        return new MetricAlarm(
            `${name}-${alarm.id}-alarm`,
            {
                name: `${args.trailName}-${alarm.id}`,
                alarmDescription: `${args.trailName}: ${alarm.description}; the trail's log group names who`,
                namespace: AUDIT_METRIC_NAMESPACE.value,
                metricName,
                statistic: "Sum",
                period: 300,
                evaluationPeriods: 1,
                threshold: 1,
                comparisonOperator: "GreaterThanOrEqualToThreshold",
                // Five minutes without such an event publish nothing, and that is the normal state.
                treatMissingData: "notBreaching",
                actionsEnabled: true,
                // Each event is a notice to read the trail; nothing to announce when the count drops.
                alarmActions: [args.topicArn],
            },
            { ...opts, dependsOn: [filter] },
        );
    });
}

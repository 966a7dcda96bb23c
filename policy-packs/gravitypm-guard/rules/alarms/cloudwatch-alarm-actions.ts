/** CloudWatch alarms notify someone [CK_AWS_319]. */
import { resourceRule } from "../../lib/rule";
import { bool, list, type Props } from "../../lib/values";

export const METRIC_ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";

export function alarmActionProblems(props: Props): string[] {
    const problems: string[] = [];
    if (bool(props.actionsEnabled) === false) problems.push("actionsEnabled is false");
    if (list(props.alarmActions).length === 0) problems.push("alarmActions is empty; the alarm fires into the void");
    return problems;
}

export const cloudwatchAlarmActions = resourceRule({
    name: "cloudwatch-alarm-actions",
    description: "CloudWatch metric alarms have actions enabled and at least one alarm action.",
    explanation: "An alarm nobody hears is a graph.",
    remediation: "Set alarmActions (and okActions) to the stack's alert topic ARN; leave actionsEnabled unset or true.",
    enforcementLevel: "advisory",
    area: "alarms",
    anchors: ["CK_AWS_319"],
    types: [METRIC_ALARM],
    defaults: {},
    check: (props) => alarmActionProblems(props),
});

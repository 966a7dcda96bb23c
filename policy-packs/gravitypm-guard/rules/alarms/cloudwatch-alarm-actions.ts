/** CloudWatch alarms notify someone: through their actions, or relayed by EventBridge [CK_AWS_319]. */
import { stackRule, type Finding } from "../../lib/rule";
import type { StackResource, StackView } from "../../lib/stack";
import { bool, get, isRecord, known, list, record, str, strings, type Props } from "../../lib/values";

export const METRIC_ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
export const EVENT_RULE = "aws:cloudwatch/eventRule:EventRule";
export const EVENT_TARGET = "aws:cloudwatch/eventTarget:EventTarget";

/** The EventBridge event every alarm state change emits, with the alarm's ARN in `resources`. */
const ALARM_STATE_CHANGE = { source: "aws.cloudwatch", detailType: "CloudWatch Alarm State Change" };

export function alarmActionProblems(props: Props): string[] {
    const problems: string[] = [];
    if (bool(props.actionsEnabled) === false) problems.push("actionsEnabled is false");
    if (list(props.alarmActions).length === 0) problems.push("alarmActions is empty; the alarm fires into the void");
    return problems;
}

/** The region a resource is managed in: its own `region`, else its provider's. */
function regionOf(r: StackResource): string | undefined {
    const read = known(() => str(r.props.region) ?? str(r.provider?.props.region));
    return read.known ? read.value : undefined;
}

/** Whether an EventBridge pattern selects the state changes of the alarm named `name` in `region`:
 * source and detail-type match, and `resources` is absent or names the alarm's ARN (exactly or by prefix). */
export function patternSelectsAlarm(pattern: unknown, name: string, region: string | undefined): boolean {
    const doc = record(pattern);
    if (!doc) return false;
    if (!strings(doc.source).includes(ALARM_STATE_CHANGE.source) || !strings(get(doc, "detail-type")).includes(ALARM_STATE_CHANGE.detailType)) return false;
    const resources = list(doc.resources);
    if (resources.length === 0) return true;
    const names = (arn: string) => {
        const [, , , arnRegion] = arn.split(":");
        const alarmName = arn.slice(arn.indexOf(":alarm:") + ":alarm:".length);
        return arn.includes(":alarm:") && (region === undefined || arnRegion === "" || arnRegion === region) ? alarmName : undefined;
    };
    return resources.some((r) => {
        if (typeof r === "string") return names(r) === name;
        const prefix = isRecord(r) ? str(r.prefix) : undefined;
        const alarmPrefix = prefix === undefined ? undefined : names(prefix);
        return alarmPrefix !== undefined && name.startsWith(alarmPrefix);
    });
}

/** Event rules that pass on the alarm's state changes to a target, in the alarm's region. */
function relaysOf(alarm: StackResource, stack: StackView): StackResource[] {
    const name = known(() => str(alarm.props.name));
    if (!name.known || name.value === undefined) return [];
    const alarmName = name.value;
    const region = regionOf(alarm);
    return stack.ofType(EVENT_RULE).filter((rule) => {
        const state = known(() => ({ isEnabled: bool(rule.props.isEnabled), state: str(rule.props.state) }));
        if (state.known && (state.value.isEnabled === false || state.value.state === "DISABLED")) return false;
        const ruleRegion = regionOf(rule);
        if (region !== undefined && ruleRegion !== undefined && region !== ruleRegion) return false;
        const pattern = known(() => rule.props.eventPattern);
        if (!pattern.known || !patternSelectsAlarm(pattern.value, alarmName, region)) return false;
        return stack.ofType(EVENT_TARGET).some((target) => targets(target, rule, stack));
    });
}

/** Whether an event target belongs to a rule: through its dependency on the rule, or its `rule` naming the rule's name. */
function targets(target: StackResource, rule: StackResource, stack: StackView): boolean {
    if (stack.dependenciesOf(target, "rule").some((d) => d.urn === rule.urn)) return true;
    const names = known(() => ({ target: str(target.props.rule), rule: str(rule.props.name) }));
    return names.known && names.value.target !== undefined && names.value.target === names.value.rule;
}

export function alarmActionFindings(stack: StackView): Finding[] {
    const findings: Finding[] = [];
    for (const alarm of stack.ofType(METRIC_ALARM)) {
        // Actions unknown at preview name topics created in the same update: they are set.
        const read = known(() => alarmActionProblems(alarm.props));
        const problems = read.known ? read.value : [];
        // An alarm in a region without the alerts topic reaches it through an EventBridge relay.
        const relayed = problems.every((p) => p.startsWith("alarmActions is empty")) && relaysOf(alarm, stack).length > 0;
        if (!relayed) for (const message of problems) findings.push({ urn: alarm.urn, message });
    }
    return findings;
}

export const cloudwatchAlarmActions = stackRule({
    name: "cloudwatch-alarm-actions",
    description:
        "CloudWatch metric alarms have actions enabled and at least one alarm action, or (without actions) an enabled EventBridge rule in their region with a target selects their state changes (source aws.cloudwatch, CloudWatch Alarm State Change, the alarm's ARN or an ARN prefix).",
    explanation:
        "An alarm nobody hears is a graph. An alarm can only notify a topic in its own region; Route 53 health-check metrics exist only in us-east-1, so their alarms reach another region's alerts topic through an EventBridge rule on their state changes instead.",
    remediation: "Set alarmActions (and okActions) to the stack's alert topic ARN in the alarm's region, leaving actionsEnabled unset or true; or relay the alarm's state changes with an EventBridge rule and target to the topic's region.",
    enforcementLevel: "advisory",
    area: "alarms",
    anchors: ["CK_AWS_319"],
    types: [METRIC_ALARM, EVENT_RULE, EVENT_TARGET],
    defaults: {},
    check: (stack) => alarmActionFindings(stack),
});

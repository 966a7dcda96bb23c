/** Azure log search alerts notify someone [—]. */
import { resourceRule } from "../../lib/rule";
import { bool, get, known, list, sameText, type Props } from "../../lib/values";

export const SCHEDULED_QUERY_RULE = "azure-native:monitor:ScheduledQueryRule";

export function logAlertProblems(props: Props): string[] {
    // A LogToMetric rule only turns log rows into a metric; the metric's own alert does the notifying.
    if (sameText(props.kind, "LogToMetric")) return [];
    const problems: string[] = [];
    if (bool(props.enabled) !== true) problems.push("enabled is not true");
    // Action group ids from the same update are unknown at preview; they are still action groups.
    const groups = known(() => list(get(props, "actions.actionGroups")).length);
    if (groups.known && groups.value === 0) problems.push("actions.actionGroups is empty; no action group is notified");
    return problems;
}

export const azureLogAlertActions = resourceRule({
    name: "azure-log-alert-actions",
    description: "Azure log search alerts (scheduled query rules of kind LogAlert or SimpleLogAlert) are enabled and call at least one action group.",
    explanation: "A log search alert without an action group only shows up in the portal: the query runs and fires, and nobody is told.",
    remediation: "Set enabled: true and actions: { actionGroups: [actionGroup.id] } with the stack's action group.",
    enforcementLevel: "advisory",
    area: "alarms",
    anchors: [],
    types: [SCHEDULED_QUERY_RULE],
    defaults: {},
    check: (props) => logAlertProblems(props),
});

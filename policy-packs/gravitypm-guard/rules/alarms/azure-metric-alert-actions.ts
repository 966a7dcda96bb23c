/** Azure metric alerts notify someone [—]. */
import { resourceRule } from "../../lib/rule";
import { bool, list, type Props } from "../../lib/values";

export const METRIC_ALERT = "azure-native:monitor:MetricAlert";

export function metricAlertProblems(props: Props): string[] {
    const problems: string[] = [];
    if (bool(props.enabled) !== true) problems.push("enabled is not true");
    if (list(props.actions).length === 0) problems.push("actions is empty; no action group is notified");
    return problems;
}

export const azureMetricAlertActions = resourceRule({
    name: "azure-metric-alert-actions",
    description: "Azure metric alerts are enabled and call at least one action group.",
    explanation: "An alert without an action group only shows up in the portal.",
    remediation: "Set enabled: true and actions: [{ actionGroupId }] with the stack's action group.",
    enforcementLevel: "advisory",
    area: "alarms",
    anchors: [],
    types: [METRIC_ALERT],
    defaults: {},
    check: (props) => metricAlertProblems(props),
});

/** Azure managed Prometheus alert rules notify someone [—]. */
import { resourceRule } from "../../lib/rule";
import { bool, isSet, records, str, type Props } from "../../lib/values";

export const PROMETHEUS_RULE_GROUP = "azure-native:alertsmanagement:PrometheusRuleGroup";

export function prometheusRuleGroupProblems(props: Props): string[] {
    const problems: string[] = [];
    if (bool(props.enabled) === false) problems.push("enabled is false");
    for (const rule of records(props.rules)) {
        // Recording rules (`record`) compute series; only alerting rules (`alert`) have anyone to tell.
        const alert = str(rule.alert);
        if (alert === undefined) continue;
        if (bool(rule.enabled) === false) problems.push(`alert ${alert} is disabled`);
        if (!records(rule.actions).some((a) => isSet(a.actionGroupId))) problems.push(`alert ${alert} calls no action group`);
    }
    return problems;
}

export const azurePrometheusRuleGroupActions = resourceRule({
    name: "azure-prometheus-rule-group-actions",
    description: "Azure managed Prometheus rule groups are enabled, and each of their alerting rules is enabled and calls at least one action group.",
    explanation: "An alert rule without an action group fires only in the portal; the cluster's restart and node-pressure alerts must reach the stack's alert target.",
    remediation: "Set enabled: true on the group and on each rule with an `alert`, and actions: [{ actionGroupId }] with the stack's action group.",
    enforcementLevel: "advisory",
    area: "alarms",
    anchors: [],
    types: [PROMETHEUS_RULE_GROUP],
    defaults: {},
    check: (props) => prometheusRuleGroupProblems(props),
});

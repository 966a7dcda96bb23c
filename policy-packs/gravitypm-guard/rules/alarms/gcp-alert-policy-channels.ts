/** Cloud Monitoring alert policies notify someone [—]. */
import { resourceRule } from "../../lib/rule";
import { bool, list, type Props } from "../../lib/values";

export const ALERT_POLICY = "gcp:monitoring/alertPolicy:AlertPolicy";

export function alertPolicyProblems(props: Props): string[] {
    const problems: string[] = [];
    if (bool(props.enabled) === false) problems.push("enabled is false");
    if (list(props.notificationChannels).length === 0) problems.push("notificationChannels is empty");
    return problems;
}

export const gcpAlertPolicyChannels = resourceRule({
    name: "gcp-alert-policy-channels",
    description: "Cloud Monitoring alert policies are enabled and have notification channels.",
    explanation: "A policy without channels opens incidents nobody is told about.",
    remediation: "Set notificationChannels to the stack's channels (Alerts component targetIds).",
    enforcementLevel: "advisory",
    area: "alarms",
    anchors: [],
    types: [ALERT_POLICY],
    defaults: {},
    check: (props) => alertPolicyProblems(props),
});

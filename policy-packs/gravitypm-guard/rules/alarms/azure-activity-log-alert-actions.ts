/** Azure activity log alerts notify someone [—]. */
import { resourceRule } from "../../lib/rule";
import { bool, get, known, list, type Props } from "../../lib/values";

export const ACTIVITY_LOG_ALERT = "azure-native:monitor:ActivityLogAlert";

export function activityLogAlertProblems(props: Props): string[] {
    const problems: string[] = [];
    // Unset is enabled (the API default); only an explicit false silences the alert.
    if (bool(props.enabled) === false) problems.push("enabled is false");
    // Action group ids from the same update are unknown at preview; they are still action groups.
    const groups = known(() => list(get(props, "actions.actionGroups")).length);
    if (groups.known && groups.value === 0) problems.push("actions.actionGroups is empty; no action group is notified");
    return problems;
}

export const azureActivityLogAlertActions = resourceRule({
    name: "azure-activity-log-alert-actions",
    description: "Azure activity log alerts are enabled and call at least one action group.",
    explanation: "An activity log alert (a role assignment, a Key Vault or NSG change, a Defender alert) without an action group fires into the portal and nobody is told.",
    remediation: "Leave enabled unset or true and set actions: { actionGroups: [{ actionGroupId: actionGroup.id }] } with the stack's action group.",
    enforcementLevel: "advisory",
    area: "alarms",
    anchors: [],
    types: [ACTIVITY_LOG_ALERT],
    defaults: {},
    check: (props) => activityLogAlertProblems(props),
});

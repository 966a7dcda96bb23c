/** Every Cloud Monitoring SLO has an alert policy that watches it [—]. */
import { stackRule, type Finding } from "../../lib/rule";
import type { StackResource, StackView } from "../../lib/stack";
import { known, str } from "../../lib/values";
import { ALERT_POLICY } from "../alarms/gcp-alert-policy-channels";

export const GCP_SLO = "gcp:monitoring/slo:Slo";

/** Whether an alert policy's conditions select the SLO (select_slo_burn_rate / select_slo_health / select_slo_budget…) by its full
 * name, `…/services/<service>/serviceLevelObjectives/<sloId>`. */
function selects(policy: StackResource, slo: StackResource): boolean {
    const ids = known(() => ({ service: str(slo.props.service), sloId: str(slo.props.sloId) }));
    const conditions = known(() => JSON.stringify(policy.props.conditions ?? []));
    if (!ids.known || !ids.value.service || !ids.value.sloId || !conditions.known) return false;
    const service = ids.value.service.split("/").pop() ?? ids.value.service;
    return conditions.value.includes("select_slo_") && conditions.value.includes(`/services/${service}/serviceLevelObjectives/${ids.value.sloId}`);
}

export function sloAlertFindings(stack: StackView): Finding[] {
    const policies = stack.ofType(ALERT_POLICY);
    return stack
        .ofType(GCP_SLO)
        .filter((slo) => !policies.some((p) => stack.dependenciesOf(p).some((d) => d.urn === slo.urn) || selects(p, slo)))
        .map((slo) => ({ urn: slo.urn, message: `SLO ${slo.name} has no alert policy selecting it (select_slo_burn_rate); a burnt error budget would go unnoticed` }));
}

export const gcpSloBurnRateAlert = stackRule({
    name: "gcp-slo-burn-rate-alert",
    description: "Every Cloud Monitoring SLO has an alert policy whose condition selects it (by dependency or by its id in a select_slo_* filter).",
    explanation:
        "An SLO on its own is a chart; the objective only protects users when burning its error budget fast pages someone (multi-window burn-rate alerting, Google SRE workbook ch. 5). gcp-alert-policy-channels then holds the policy to its notification channels.",
    remediation:
        "Add a monitoring.AlertPolicy with a conditionThreshold filter select_slo_burn_rate(\"<slo.id>\", \"3600s\") above the fast-burn rate (14.4), and the stack's notification channels.",
    enforcementLevel: "advisory",
    area: "observability",
    anchors: [],
    types: [GCP_SLO, ALERT_POLICY],
    defaults: {},
    check: (stack) => sloAlertFindings(stack),
});

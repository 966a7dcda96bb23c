/** Atlas projects record database auditing [—]. */
import { resourceRule } from "../../lib/rule";
import { bool, shown, type Props } from "../../lib/values";

export const ATLAS_AUDITING = "mongodbatlas:index/auditing:Auditing";

export function atlasAuditingProblems(props: Props): string[] {
    return bool(props.enabled) === true ? [] : [`enabled is ${shown(props.enabled)}; database access would not be audited`];
}

export const atlasAuditingEnabled = resourceRule({
    name: "atlas-auditing-enabled",
    description: "MongoDB Atlas project auditing is enabled.",
    explanation: "The audit log is the record of who authenticated and what they changed.",
    remediation: "Set enabled: true (and an auditFilter for the events to keep).",
    enforcementLevel: "advisory",
    area: "audit",
    anchors: [],
    types: [ATLAS_AUDITING],
    defaults: {},
    check: (props) => atlasAuditingProblems(props),
});

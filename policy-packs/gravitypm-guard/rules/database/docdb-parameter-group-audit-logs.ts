/** DocumentDB cluster parameter groups enable audit logging [CK_AWS_104]. */
import { resourceRule } from "../../lib/rule";
import type { Props } from "../../lib/values";
import { DOCDB_PARAMETER_GROUP, parameterValue } from "./docdb-parameter-group-tls";

export function docdbAuditLogProblems(props: Props): string[] {
    const value = parameterValue(props, "audit_logs");
    // Unset means the engine default, "disabled".
    return value === undefined || value === "disabled" || value === "none"
        ? [`parameter audit_logs is ${value ?? "unset (disabled)"}; the audit log export would stay empty`]
        : [];
}

export const docdbParameterGroupAuditLogs = resourceRule({
    name: "docdb-parameter-group-audit-logs",
    description: "DocumentDB cluster parameter groups turn on audit_logs.",
    explanation: "Exporting the audit log does nothing unless the engine writes it; audit_logs is off by default.",
    remediation: 'Add the parameter { name: "audit_logs", value: "enabled" } (or "all").',
    enforcementLevel: "advisory",
    area: "database",
    anchors: ["CK_AWS_104"],
    types: [DOCDB_PARAMETER_GROUP],
    defaults: {},
    check: (props) => docdbAuditLogProblems(props),
});

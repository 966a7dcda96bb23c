/** GCP data access audit logs cover every service [CK2_GCP_5]. */
import { resourceRule } from "../../lib/rule";
import { records, str, type Props } from "../../lib/values";

export const GCP_AUDIT_CONFIG = "gcp:projects/iAMAuditConfig:IAMAuditConfig";

export function auditConfigProblems(props: Props): string[] {
    if (str(props.service) !== "allServices") return [];
    const types = records(props.auditLogConfigs).map((c) => str(c.logType));
    const missing = ["DATA_READ", "DATA_WRITE"].filter((t) => !types.includes(t));
    return missing.length === 0 ? [] : [`auditLogConfigs for allServices lack ${missing.join(" and ")}`];
}

export const gcpAuditConfigDataAccess = resourceRule({
    name: "gcp-audit-config-data-access",
    description: "The project's allServices audit config records DATA_READ and DATA_WRITE.",
    explanation: "Admin activity is logged by default; who read or changed data (KMS decrypts, Memorystore access) is not.",
    remediation: 'Use projects.IAMAuditConfig { service: "allServices", auditLogConfigs: [{ logType: "ADMIN_READ" }, { logType: "DATA_READ" }, { logType: "DATA_WRITE" }] }.',
    enforcementLevel: "advisory",
    area: "audit",
    anchors: ["CK2_GCP_5"],
    types: [GCP_AUDIT_CONFIG],
    defaults: {},
    check: (props) => auditConfigProblems(props),
});

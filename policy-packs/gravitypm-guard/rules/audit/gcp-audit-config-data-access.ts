/** GCP data access audit logs record reads and writes [CK2_GCP_5]. */
import { resourceRule } from "../../lib/rule";
import { records, str, type Props } from "../../lib/values";

export const GCP_AUDIT_CONFIG = "gcp:projects/iAMAuditConfig:IAMAuditConfig";

export function auditConfigProblems(props: Props): string[] {
    // allServices or one service: the security baseline sets one config per service the stack
    // uses (Data Access logs are billed per GiB), and each must record both kinds of access.
    const service = str(props.service) ?? "(service)";
    const types = records(props.auditLogConfigs).map((c) => str(c.logType));
    const missing = ["DATA_READ", "DATA_WRITE"].filter((t) => !types.includes(t));
    return missing.length === 0 ? [] : [`auditLogConfigs for ${service} lack ${missing.join(" and ")}`];
}

export const gcpAuditConfigDataAccess = resourceRule({
    name: "gcp-audit-config-data-access",
    description: "Every project audit config (allServices or a single service) records DATA_READ and DATA_WRITE.",
    explanation: "Admin activity is logged by default; who read or changed data (KMS decrypts, Memorystore access) is not, and a config that turns on only one kind leaves half of it unrecorded.",
    remediation: 'Use projects.IAMAuditConfig { service: "allServices" or "<api>.googleapis.com", auditLogConfigs: [{ logType: "ADMIN_READ" }, { logType: "DATA_READ" }, { logType: "DATA_WRITE" }] }.',
    enforcementLevel: "advisory",
    area: "audit",
    anchors: ["CK2_GCP_5"],
    types: [GCP_AUDIT_CONFIG],
    defaults: {},
    check: (props) => auditConfigProblems(props),
});

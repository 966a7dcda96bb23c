/** A GCP stack routes its audit logs to a store of its own [CIS GCP 2.2]. */
import { stackRule, type Finding } from "../../lib/rule";
import type { StackResource, StackView } from "../../lib/stack";
import { bool, present, str } from "../../lib/values";

export const GCP_PROJECT_SINK = "gcp:logging/projectSink:ProjectSink";

/** Every audit log's name contains this (`projects/P/logs/cloudaudit.googleapis.com%2Factivity`, …),
 * and so does a filter on `log_id("cloudaudit.googleapis.com/…")`. */
const AUDIT_LOG_SERVICE = "cloudaudit.googleapis.com";

/** Whether a sink routes audit entries: enabled, with a destination, and a filter naming the audit logs (or none: every entry). */
export function routesAuditLogs(sink: StackResource): boolean {
    if (bool(sink.props.disabled) === true || !present(sink.props, "destination")) return false;
    const filter = str(sink.props.filter);
    return filter === undefined || filter.trim() === "" || filter.includes(AUDIT_LOG_SERVICE) || filter.includes("google.cloud.audit.AuditLog");
}

export function auditSinkFindings(stack: StackView): Finding[] {
    // Only a plan with GCP resources has GCP audit logs to route.
    if (!stack.resources.some((r) => r.type.startsWith("gcp:"))) return [];
    if (stack.ofType(GCP_PROJECT_SINK).some(routesAuditLogs)) return [];
    return [{ message: `no logging.ProjectSink routes ${AUDIT_LOG_SERVICE} logs; audit entries stay in the _Required and _Default buckets only` }];
}

export const gcpAuditSinkPresent = stackRule({
    name: "gcp-audit-sink-present",
    description: "A GCP plan has an enabled project sink whose filter routes the cloudaudit.googleapis.com logs (activity, data access, system event, policy) to a destination.",
    explanation:
        "The _Default bucket keeps Data Access logs 30 days with a Google-owned key; only a sink puts every audit entry in a store with the stack key, the configured retention and (in prod) a lock.",
    remediation: 'Add logging.ProjectSink { destination: "logging.googleapis.com/projects/P/locations/L/buckets/<audit bucket>", filter: \'logName:"cloudaudit.googleapis.com"\', uniqueWriterIdentity: true }.',
    enforcementLevel: "mandatory",
    area: "audit",
    anchors: ["CIS GCP 2.2"],
    types: [GCP_PROJECT_SINK],
    defaults: {},
    check: (stack) => auditSinkFindings(stack),
});

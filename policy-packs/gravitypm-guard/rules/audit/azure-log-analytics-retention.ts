/** Log Analytics keeps audit data at least the environment's audit minimum [—]. */
import { resourceRule } from "../../lib/rule";
import { num, shown, type Props } from "../../lib/values";
import { AUDIT_RETENTION_DEFAULTS, AUDIT_RETENTION_SCHEMA, auditMinimumDays, type AuditRetentionConfig } from "./gcp-log-bucket-retention";
import type { Environment } from "../../lib/environment";

export const LOG_ANALYTICS_WORKSPACE = "azure-native:operationalinsights:Workspace";
export const LOG_ANALYTICS_TABLE = "azure-native:operationalinsights:Table";

/** The workspace default when retentionInDays is unset (PerGB2018). */
const DEFAULT_WORKSPACE_RETENTION_DAYS = 30;

/** A table's -1 means "the workspace's" (retentionInDays) or "the table's" (totalRetentionInDays). */
function tableDays(value: unknown): number | undefined {
    const days = num(value);
    return days === undefined || days === -1 ? undefined : days;
}

export function logAnalyticsRetentionProblems(props: Props, type: string, config: AuditRetentionConfig, environment: Environment): string[] {
    const minimum = auditMinimumDays(config, environment);
    if (type === LOG_ANALYTICS_TABLE) {
        // Total retention (interactive plus long-term) is what keeps the rows; a table that
        // states neither inherits the workspace's, judged on the workspace.
        const total = tableDays(props.totalRetentionInDays) ?? tableDays(props.retentionInDays);
        return total === undefined || total >= minimum ? [] : [`the table keeps rows ${total} days (totalRetentionInDays ${shown(props.totalRetentionInDays)}); the ${environment} minimum is ${minimum}`];
    }
    const days = num(props.retentionInDays) ?? DEFAULT_WORKSPACE_RETENTION_DAYS;
    return days >= minimum ? [] : [`retentionInDays is ${shown(props.retentionInDays)} (${days} days); the ${environment} minimum is ${minimum}`];
}

export const azureLogAnalyticsRetention = resourceRule({
    name: "azure-log-analytics-retention",
    description: "Log Analytics workspaces keep data for at least the audit minimum (365 days in prod, 30 elsewhere), and no table's total retention falls below it.",
    explanation:
        "The workspace holds the activity log and the resources' audit categories; investigations reach back months. A table may keep rows longer than the workspace (totalRetentionInDays, long-term retention) but never shorter than the floor.",
    remediation: "Set the workspace's retentionInDays to the stack's auditLogRetentionDays (30-730); for longer, set totalRetentionInDays on the audit tables (up to 4383).",
    enforcementLevel: "mandatory",
    area: "audit",
    anchors: [],
    types: [LOG_ANALYTICS_WORKSPACE, LOG_ANALYTICS_TABLE],
    defaults: AUDIT_RETENTION_DEFAULTS,
    configSchema: AUDIT_RETENTION_SCHEMA,
    check: (props, ctx) => logAnalyticsRetentionProblems(props, ctx.type, ctx.config, ctx.environment),
});

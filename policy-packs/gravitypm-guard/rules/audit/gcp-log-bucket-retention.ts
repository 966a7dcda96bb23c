/** Cloud Logging buckets keep logs at least the environment's audit minimum [—]. */
import { ENVIRONMENT_CONFIG, type Environment } from "../../lib/environment";
import { daysSchema, resourceRule } from "../../lib/rule";
import { num, shown, type Props } from "../../lib/values";

export const GCP_LOG_BUCKET = "gcp:logging/projectBucketConfig:ProjectBucketConfig";

export interface AuditRetentionConfig extends Record<string, unknown> {
    readonly minimumRetentionDays: number;
    readonly prodMinimumRetentionDays: number;
}

/** The stack config's floors for `auditLogRetentionDays`: a year of history in prod (incident
 * investigations and most audit regimes ask for it), 30 days elsewhere (the config's minimum). */
export const AUDIT_RETENTION_DEFAULTS: AuditRetentionConfig = { minimumRetentionDays: 30, prodMinimumRetentionDays: 365 };
export const AUDIT_RETENTION_SCHEMA = {
    properties: {
        minimumRetentionDays: daysSchema("Fewest days audit logs must be kept outside prod.", 30),
        prodMinimumRetentionDays: daysSchema("Fewest days audit logs must be kept in prod.", 365),
        ...ENVIRONMENT_CONFIG,
    },
};

export function auditMinimumDays(config: AuditRetentionConfig, environment: Environment): number {
    return environment === "prod" ? config.prodMinimumRetentionDays : config.minimumRetentionDays;
}

/** Cloud Logging's default for a bucket created with no (or zero) retentionDays. */
const DEFAULT_BUCKET_RETENTION_DAYS = 30;

export function logBucketRetentionProblems(props: Props, config: AuditRetentionConfig, environment: Environment): string[] {
    const minimum = auditMinimumDays(config, environment);
    const set = num(props.retentionDays);
    const days = set === undefined || set === 0 ? DEFAULT_BUCKET_RETENTION_DAYS : set;
    return days >= minimum ? [] : [`retentionDays is ${shown(props.retentionDays)} (${days} days); the ${environment} minimum is ${minimum}`];
}

export const gcpLogBucketRetention = resourceRule({
    name: "gcp-log-bucket-retention",
    description: "Cloud Logging buckets keep logs for at least the audit minimum (per environment: 365 days in prod, 30 elsewhere).",
    explanation: "Breaches are found months after the fact; the audit entries that say who did what must still be there. Unset keeps 30 days.",
    remediation: "Set retentionDays to the stack's auditLogRetentionDays (at least 365 in prod).",
    enforcementLevel: "mandatory",
    area: "audit",
    anchors: [],
    types: [GCP_LOG_BUCKET],
    defaults: AUDIT_RETENTION_DEFAULTS,
    configSchema: AUDIT_RETENTION_SCHEMA,
    check: (props, ctx) => logBucketRetentionProblems(props, ctx.config, ctx.environment),
});

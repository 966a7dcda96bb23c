/** CloudWatch log groups keep logs at least the environment's minimum [CK_AWS_338]. */
import type { Environment } from "../../lib/environment";
import { resourceRule } from "../../lib/rule";
import { num, type Props } from "../../lib/values";
import { AUDIT_RETENTION_DEFAULTS, AUDIT_RETENTION_SCHEMA, auditMinimumDays, type AuditRetentionConfig } from "./gcp-log-bucket-retention";
import { LOG_GROUP } from "./log-group-encrypted";

export function logGroupRetentionProblems(props: Props, config: AuditRetentionConfig, environment: Environment): string[] {
    const minimum = auditMinimumDays(config, environment);
    const days = num(props.retentionInDays);
    // Unset or 0 keeps logs forever.
    return days === undefined || days === 0 || days >= minimum ? [] : [`retentionInDays is ${days}; the ${environment} minimum is ${minimum}`];
}

export const logGroupRetention = resourceRule({
    name: "log-group-retention",
    description: "CloudWatch log groups keep logs for at least the minimum retention (per environment: 365 days in prod, 30 elsewhere; unset keeps them forever).",
    explanation:
        "Breaches and incidents are found months after the fact; the logs must still be there. The floors are the ones Cloud Logging buckets and Log Analytics workspaces are held to, so the app's and the cluster's logs are kept alike on every cloud.",
    remediation: "Set retentionInDays to the stack's logRetentionDays (at least 365 in prod, one of CloudWatch's allowed values).",
    enforcementLevel: "mandatory",
    area: "audit",
    anchors: ["CK_AWS_338"],
    types: [LOG_GROUP],
    defaults: AUDIT_RETENTION_DEFAULTS,
    configSchema: AUDIT_RETENTION_SCHEMA,
    check: (props, ctx) => logGroupRetentionProblems(props, ctx.config, ctx.environment),
});

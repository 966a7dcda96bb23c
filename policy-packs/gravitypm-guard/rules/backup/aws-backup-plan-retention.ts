/** AWS Backup plans keep recovery points at least the stack minimum [—]. */
import { resourceRule } from "../../lib/rule";
import { get, num, records, str, type Props } from "../../lib/values";
import { RETENTION_DEFAULTS, RETENTION_SCHEMA, type RetentionConfig } from "../database/docdb-cluster-backup-retention";

export const AWS_BACKUP_PLAN = "aws:backup/plan:Plan";
export const AWS_BACKUP_SELECTION = "aws:backup/selection:Selection";

export function backupPlanRetentionProblems(props: Props, config: RetentionConfig): string[] {
    const problems: string[] = [];
    for (const rule of records(props.rules)) {
        const name = str(rule.ruleName) ?? "(rule)";
        // No deleteAfter keeps recovery points until deleted by hand: compliant.
        const days = num(get(rule, "lifecycle.deleteAfter"));
        if (days !== undefined && days < config.minimumRetentionDays) problems.push(`rule ${name} deletes recovery points after ${days} days; the minimum is ${config.minimumRetentionDays}`);
        for (const copy of records(rule.copyActions)) {
            const copyDays = num(get(copy, "lifecycle.deleteAfter"));
            if (copyDays !== undefined && copyDays < config.minimumRetentionDays) problems.push(`rule ${name} deletes its copies after ${copyDays} days; the minimum is ${config.minimumRetentionDays}`);
        }
    }
    if (records(props.rules).length === 0) problems.push("the plan has no rules");
    return problems;
}

export const awsBackupPlanRetention = resourceRule({
    name: "aws-backup-plan-retention",
    description: "AWS Backup plan rules (and their copies) keep recovery points for at least the minimum retention.",
    explanation: "A rule that expires backups early silently shortens how far back the stack can restore.",
    remediation: "Set every rule's lifecycle.deleteAfter (and copyActions[].lifecycle.deleteAfter) to at least the stack's backupRetentionDays.",
    enforcementLevel: "mandatory",
    area: "backup",
    anchors: [],
    types: [AWS_BACKUP_PLAN],
    defaults: RETENTION_DEFAULTS,
    configSchema: RETENTION_SCHEMA,
    check: (props, ctx) => backupPlanRetentionProblems(props, ctx.config),
});

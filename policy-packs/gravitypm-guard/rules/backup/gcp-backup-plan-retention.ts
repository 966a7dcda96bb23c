/** GCP Backup and DR plans schedule backups kept at least the stack minimum [—]. */
import { resourceRule } from "../../lib/rule";
import { num, records, str, type Props } from "../../lib/values";
import { RETENTION_DEFAULTS, RETENTION_SCHEMA, type RetentionConfig } from "../database/docdb-cluster-backup-retention";
import { GCP_BACKUP_PLAN } from "./gcp-backup-vault-retention";

export function gcpBackupPlanProblems(props: Props, config: RetentionConfig): string[] {
    const rules = records(props.backupRules);
    if (rules.length === 0) return ["backupRules is empty; nothing is ever backed up"];
    return rules.flatMap((r) => {
        const name = str(r.ruleId) ?? "(rule)";
        const problems: string[] = [];
        if (r.standardSchedule === undefined) problems.push(`rule ${name} has no standardSchedule`);
        const days = num(r.backupRetentionDays);
        if (days === undefined || days < config.minimumRetentionDays) problems.push(`rule ${name} keeps backups ${days ?? "an unknown number of"} days; the minimum is ${config.minimumRetentionDays}`);
        return problems;
    });
}

export const gcpBackupPlanRetention = resourceRule({
    name: "gcp-backup-plan-retention",
    description: "GCP Backup and DR plans have scheduled rules that keep backups for at least the minimum retention.",
    explanation: "A plan without a schedule never runs; a short retention shortens how far back the stack can restore.",
    remediation: "Give each backupRules entry a standardSchedule and backupRetentionDays ≥ the stack's backupRetentionDays.",
    enforcementLevel: "mandatory",
    area: "backup",
    anchors: [],
    types: [GCP_BACKUP_PLAN],
    defaults: RETENTION_DEFAULTS,
    configSchema: RETENTION_SCHEMA,
    check: (props, ctx) => gcpBackupPlanProblems(props, ctx.config),
});

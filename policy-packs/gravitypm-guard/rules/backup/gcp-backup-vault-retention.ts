/** GCP Backup and DR vaults enforce the retention floor [—]. */
import { resourceRule } from "../../lib/rule";
import { durationDays, shown, type Props } from "../../lib/values";
import { RETENTION_DEFAULTS, RETENTION_SCHEMA, type RetentionConfig } from "../database/docdb-cluster-backup-retention";

export const GCP_BACKUP_VAULT = "gcp:backupdisasterrecovery/backupVault:BackupVault";
export const GCP_BACKUP_PLAN = "gcp:backupdisasterrecovery/backupPlan:BackupPlan";
export const GCP_BACKUP_PLAN_ASSOCIATION = "gcp:backupdisasterrecovery/backupPlanAssociation:BackupPlanAssociation";

export function gcpVaultRetentionProblems(props: Props, config: RetentionConfig): string[] {
    const days = durationDays(props.backupMinimumEnforcedRetentionDuration);
    return days !== undefined && days >= config.minimumRetentionDays
        ? []
        : [`backupMinimumEnforcedRetentionDuration is ${shown(props.backupMinimumEnforcedRetentionDuration)}; the minimum is ${config.minimumRetentionDays} days`];
}

export const gcpBackupVaultRetention = resourceRule({
    name: "gcp-backup-vault-retention",
    description: "GCP Backup and DR vaults enforce a minimum retention of at least the stack minimum.",
    explanation: "The enforced minimum is what keeps anyone, including a compromised admin, from deleting backups early.",
    remediation: 'Set backupMinimumEnforcedRetentionDuration to "<days*86400>s".',
    enforcementLevel: "mandatory",
    area: "backup",
    anchors: [],
    types: [GCP_BACKUP_VAULT],
    defaults: RETENTION_DEFAULTS,
    configSchema: RETENTION_SCHEMA,
    check: (props, ctx) => gcpVaultRetentionProblems(props, ctx.config),
});

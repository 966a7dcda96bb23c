/** AWS Backup vault locks enforce the retention floor [—]. */
import { resourceRule } from "../../lib/rule";
import { num, shown, type Props } from "../../lib/values";
import { RETENTION_DEFAULTS, RETENTION_SCHEMA, type RetentionConfig } from "../database/docdb-cluster-backup-retention";

export const AWS_VAULT_LOCK = "aws:backup/vaultLockConfiguration:VaultLockConfiguration";

export function vaultLockProblems(props: Props, config: RetentionConfig): string[] {
    const days = num(props.minRetentionDays);
    return days !== undefined && days >= config.minimumRetentionDays
        ? []
        : [`minRetentionDays is ${shown(props.minRetentionDays)}; the lock must keep recovery points at least ${config.minimumRetentionDays} days`];
}

export const awsBackupVaultLockRetention = resourceRule({
    name: "aws-backup-vault-lock-retention",
    description: "AWS Backup vault locks set minRetentionDays to at least the minimum retention.",
    explanation: "The lock is what stops a compromised account (or a mistaken lifecycle) from deleting backups early.",
    remediation: "Set minRetentionDays to the stack's backupRetentionDays (and changeableForDays once it is settled).",
    enforcementLevel: "mandatory",
    area: "backup",
    anchors: [],
    types: [AWS_VAULT_LOCK],
    defaults: RETENTION_DEFAULTS,
    configSchema: RETENTION_SCHEMA,
    check: (props, ctx) => vaultLockProblems(props, ctx.config),
});

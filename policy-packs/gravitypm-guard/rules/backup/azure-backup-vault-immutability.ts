/** Azure backup vaults are immutable with soft delete [CK2_AZURE_35]. */
import { resourceRule } from "../../lib/rule";
import { get, sameText, shown, type Props } from "../../lib/values";

export const AZURE_BACKUP_VAULT = "azure-native:dataprotection:BackupVault";
export const AZURE_BACKUP_POLICY = "azure-native:dataprotection:BackupPolicy";
export const AZURE_BACKUP_INSTANCE = "azure-native:dataprotection:BackupInstance";
export const RECOVERY_SERVICES_VAULT = "azure-native:recoveryservices:Vault";

export function backupVaultProtectionProblems(props: Props, type: string): string[] {
    const problems: string[] = [];
    const immutability = get(props, "properties.securitySettings.immutabilitySettings.state");
    if (immutability === undefined || sameText(immutability, "Disabled")) problems.push(`immutabilitySettings.state is ${shown(immutability)}; recovery points can be deleted before they expire`);
    const softDelete = type === RECOVERY_SERVICES_VAULT ? get(props, "properties.securitySettings.softDeleteSettings.softDeleteState") : get(props, "properties.securitySettings.softDeleteSettings.state");
    // Soft delete is on by default; only turning it off is a problem.
    if (sameText(softDelete, "Off") || sameText(softDelete, "Disabled")) problems.push(`soft delete is ${shown(softDelete)}; deleted backups are gone at once`);
    return problems;
}

export const azureBackupVaultImmutability = resourceRule({
    name: "azure-backup-vault-immutability",
    description: "Azure Backup and Recovery Services vaults are immutable and keep soft delete on.",
    explanation: "Ransomware and compromised admins go for the backups first; immutability and soft delete keep them.",
    remediation: 'Set properties.securitySettings { immutabilitySettings: { state: "Unlocked" } (then "Locked"), softDeleteSettings: { state: "On", retentionDurationInDays: 14 } }.',
    enforcementLevel: "mandatory",
    area: "backup",
    anchors: ["CK2_AZURE_35"],
    types: [AZURE_BACKUP_VAULT, RECOVERY_SERVICES_VAULT],
    defaults: {},
    check: (props, ctx) => backupVaultProtectionProblems(props, ctx.type),
});

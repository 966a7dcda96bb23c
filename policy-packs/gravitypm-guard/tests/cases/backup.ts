import { awsBackupPlanDrCopy } from "../../rules/backup/aws-backup-plan-dr-copy";
import { awsBackupPlanRetention } from "../../rules/backup/aws-backup-plan-retention";
import { awsBackupVaultCmk } from "../../rules/backup/aws-backup-vault-cmk";
import { awsBackupVaultLockRetention } from "../../rules/backup/aws-backup-vault-lock-retention";
import { azureBackupPolicyRetention } from "../../rules/backup/azure-backup-policy-retention";
import { azureBackupVaultGeoRedundant } from "../../rules/backup/azure-backup-vault-geo-redundant";
import { azureBackupVaultProtection, RECOVERY_SERVICES_VAULT } from "../../rules/backup/azure-backup-vault-protection";
import { gcpBackupPlanRetention } from "../../rules/backup/gcp-backup-plan-retention";
import { gcpBackupVaultRetention } from "../../rules/backup/gcp-backup-vault-retention";
import type { RuleCase } from "./types";

const retentionRule = (days: string) => ({
    properties: {
        objectType: "BackupPolicy",
        datasourceTypes: ["Microsoft.DBforPostgreSQL/servers/databases"],
        policyRules: [{ name: "Default", objectType: "AzureRetentionRule", isDefault: true, lifecycles: [{ deleteAfter: { objectType: "AbsoluteDeleteOption", duration: days }, sourceDataStore: { dataStoreType: "VaultStore", objectType: "DataStoreInfoBase" } }] }],
    },
});

export const backupCases: readonly RuleCase[] = [
    { rule: awsBackupVaultCmk, compliant: { kmsKeyArn: "arn:aws:kms:us-east-1:1:key/k" }, violating: {} },
    { rule: awsBackupVaultLockRetention, compliant: { minRetentionDays: 7 }, violating: { minRetentionDays: 1 }, stricter: { minimumRetentionDays: 35 } },
    {
        rule: awsBackupPlanRetention,
        compliant: { rules: [{ ruleName: "daily", targetVaultName: "v", schedule: "cron(0 5 ? * * *)", lifecycle: { deleteAfter: 35 } }] },
        violating: { rules: [{ ruleName: "daily", targetVaultName: "v", lifecycle: { deleteAfter: 3 } }] },
        stricter: { minimumRetentionDays: 90 },
        extra: [
            { name: "no deleteAfter keeps recovery points", props: { rules: [{ ruleName: "daily", targetVaultName: "v" }] }, violates: false },
            { name: "short-lived copies", props: { rules: [{ ruleName: "daily", targetVaultName: "v", copyActions: [{ destinationVaultArn: "arn:aws:backup:us-west-2:1:backup-vault:dr", lifecycle: { deleteAfter: 2 } }] }] }, violates: true },
        ],
    },
    {
        rule: awsBackupPlanDrCopy,
        compliant: { region: "us-east-1", rules: [{ ruleName: "daily", targetVaultName: "v", copyActions: [{ destinationVaultArn: "arn:aws:backup:us-west-2:1:backup-vault:dr" }] }] },
        violating: { region: "us-east-1", rules: [{ ruleName: "daily", targetVaultName: "v", copyActions: [{ destinationVaultArn: "arn:aws:backup:us-east-1:1:backup-vault:other" }] }] },
        extra: [{ name: "staging keeps one region", environment: "staging", props: { rules: [{ ruleName: "daily", targetVaultName: "v" }] }, violates: false }],
    },
    { rule: gcpBackupVaultRetention, compliant: { backupMinimumEnforcedRetentionDuration: "604800s" }, violating: { backupMinimumEnforcedRetentionDuration: "86400s" }, stricter: { minimumRetentionDays: 30 } },
    {
        rule: gcpBackupPlanRetention,
        compliant: { backupRules: [{ ruleId: "daily", backupRetentionDays: 7, standardSchedule: { recurrenceType: "DAILY", timeZone: "UTC" } }] },
        violating: { backupRules: [{ ruleId: "daily", backupRetentionDays: 2, standardSchedule: { recurrenceType: "DAILY", timeZone: "UTC" } }] },
        stricter: { minimumRetentionDays: 30 },
    },
    {
        rule: azureBackupVaultProtection,
        compliant: { properties: { storageSettings: [], securitySettings: { immutabilitySettings: { state: "Locked" }, softDeleteSettings: { state: "AlwaysOn" } } } },
        violating: { properties: { storageSettings: [], securitySettings: { softDeleteSettings: { state: "Off" } } } },
        extra: [
            { name: "recovery services vault", type: RECOVERY_SERVICES_VAULT, props: { properties: { securitySettings: { immutabilitySettings: { state: "Unlocked" } } } }, violates: false },
            { name: "recovery services vault without soft delete", type: RECOVERY_SERVICES_VAULT, props: { properties: { securitySettings: { immutabilitySettings: { state: "Unlocked" }, softDeleteSettings: { softDeleteState: "Disabled" } } } }, violates: true },
        ],
    },
    {
        rule: azureBackupVaultGeoRedundant,
        compliant: { properties: { storageSettings: [{ datastoreType: "VaultStore", type: "GeoRedundant" }] } },
        violating: { properties: { storageSettings: [{ datastoreType: "VaultStore", type: "LocallyRedundant" }] } },
        extra: [{ name: "staging may stay local", environment: "staging", props: { properties: { storageSettings: [{ type: "LocallyRedundant" }] } }, violates: false }],
    },
    { rule: azureBackupPolicyRetention, compliant: retentionRule("P35D"), violating: retentionRule("P3D"), stricter: { minimumRetentionDays: 60 } },
];

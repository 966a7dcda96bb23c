import type { PlanArgs as BackupPlanArgs } from "@pulumi/aws/backup/plan";
import type { VaultArgs as BackupVaultArgs } from "@pulumi/aws/backup/vault";
import type { VaultLockConfigurationArgs as BackupVaultLockConfigurationArgs } from "@pulumi/aws/backup/vaultLockConfiguration";
import type { BackupVaultArgs as DataprotectionBackupVaultArgs } from "@pulumi/azure-native/dataprotection/backupVault";
import type { VaultArgs as RecoveryservicesVaultArgs } from "@pulumi/azure-native/recoveryservices/vault";
import type { BackupPlanArgs as BackupdisasterrecoveryBackupPlanArgs } from "@pulumi/gcp/backupdisasterrecovery/backupPlan";
import type { BackupVaultArgs as BackupdisasterrecoveryBackupVaultArgs } from "@pulumi/gcp/backupdisasterrecovery/backupVault";
import { awsBackupPlanDrCopy } from "../../rules/backup/aws-backup-plan-dr-copy";
import { awsBackupPlanRetention } from "../../rules/backup/aws-backup-plan-retention";
import { awsBackupVaultCmk } from "../../rules/backup/aws-backup-vault-cmk";
import { awsBackupVaultLockRetention } from "../../rules/backup/aws-backup-vault-lock-retention";
import { azureBackupPolicyRetention } from "../../rules/backup/azure-backup-policy-retention";
import { azureBackupVaultGeoRedundant } from "../../rules/backup/azure-backup-vault-geo-redundant";
import { azureBackupVaultImmutability, RECOVERY_SERVICES_VAULT } from "../../rules/backup/azure-backup-vault-immutability";
import { gcpBackupPlanRetention } from "../../rules/backup/gcp-backup-plan-retention";
import { gcpBackupVaultRetention } from "../../rules/backup/gcp-backup-vault-retention";
import { inputsOf, type RuleCase } from "./types";

const backupPlan = inputsOf<BackupPlanArgs>;
const backupVault = inputsOf<BackupVaultArgs>;
const backupVaultLockConfiguration = inputsOf<BackupVaultLockConfigurationArgs>;
const backupdisasterrecoveryBackupPlan = inputsOf<BackupdisasterrecoveryBackupPlanArgs>;
const backupdisasterrecoveryBackupVault = inputsOf<BackupdisasterrecoveryBackupVaultArgs>;
const dataprotectionBackupVault = inputsOf<DataprotectionBackupVaultArgs>;
const recoveryservicesVault = inputsOf<RecoveryservicesVaultArgs>;

const retentionRule = (days: string) => ({
    properties: {
        objectType: "BackupPolicy",
        datasourceTypes: ["Microsoft.DBforPostgreSQL/servers/databases"],
        policyRules: [{ name: "Default", objectType: "AzureRetentionRule", isDefault: true, lifecycles: [{ deleteAfter: { objectType: "AbsoluteDeleteOption", duration: days }, sourceDataStore: { dataStoreType: "VaultStore", objectType: "DataStoreInfoBase" } }] }],
    },
});

export const backupCases: readonly RuleCase[] = [
    { rule: awsBackupVaultCmk, compliant: backupVault({ kmsKeyArn: "arn:aws:kms:us-east-1:1:key/k" }), violating: backupVault({}) },
    { rule: awsBackupVaultLockRetention, compliant: backupVaultLockConfiguration({ minRetentionDays: 7 }), violating: backupVaultLockConfiguration({ minRetentionDays: 1 }), stricter: { minimumRetentionDays: 35 } },
    {
        rule: awsBackupPlanRetention,
        compliant: backupPlan({ rules: [{ ruleName: "daily", targetVaultName: "v", schedule: "cron(0 5 ? * * *)", lifecycle: { deleteAfter: 35 } }] }),
        violating: backupPlan({ rules: [{ ruleName: "daily", targetVaultName: "v", lifecycle: { deleteAfter: 3 } }] }),
        stricter: { minimumRetentionDays: 90 },
        extra: [
            { name: "no deleteAfter keeps recovery points", props: backupPlan({ rules: [{ ruleName: "daily", targetVaultName: "v" }] }), violates: false },
            { name: "short-lived copies", props: backupPlan({ rules: [{ ruleName: "daily", targetVaultName: "v", copyActions: [{ destinationVaultArn: "arn:aws:backup:us-west-2:1:backup-vault:dr", lifecycle: { deleteAfter: 2 } }] }] }), violates: true },
        ],
    },
    {
        rule: awsBackupPlanDrCopy,
        compliant: backupPlan({ region: "us-east-1", rules: [{ ruleName: "daily", targetVaultName: "v", copyActions: [{ destinationVaultArn: "arn:aws:backup:us-west-2:1:backup-vault:dr" }] }] }),
        violating: backupPlan({ region: "us-east-1", rules: [{ ruleName: "daily", targetVaultName: "v", copyActions: [{ destinationVaultArn: "arn:aws:backup:us-east-1:1:backup-vault:other" }] }] }),
        extra: [{ name: "staging keeps one region", environment: "staging", props: backupPlan({ rules: [{ ruleName: "daily", targetVaultName: "v" }] }), violates: false }],
    },
    { rule: gcpBackupVaultRetention, compliant: backupdisasterrecoveryBackupVault({ backupMinimumEnforcedRetentionDuration: "604800s" }), violating: backupdisasterrecoveryBackupVault({ backupMinimumEnforcedRetentionDuration: "86400s" }), stricter: { minimumRetentionDays: 30 } },
    {
        rule: gcpBackupPlanRetention,
        compliant: backupdisasterrecoveryBackupPlan({ backupRules: [{ ruleId: "daily", backupRetentionDays: 7, standardSchedule: { recurrenceType: "DAILY", timeZone: "UTC" } }] }),
        violating: backupdisasterrecoveryBackupPlan({ backupRules: [{ ruleId: "daily", backupRetentionDays: 2, standardSchedule: { recurrenceType: "DAILY", timeZone: "UTC" } }] }),
        stricter: { minimumRetentionDays: 30 },
    },
    {
        rule: azureBackupVaultImmutability,
        compliant: dataprotectionBackupVault({ properties: { storageSettings: [], securitySettings: { immutabilitySettings: { state: "Locked" }, softDeleteSettings: { state: "AlwaysOn" } } } }),
        violating: dataprotectionBackupVault({ properties: { storageSettings: [], securitySettings: { softDeleteSettings: { state: "Off" } } } }),
        extra: [
            { name: "recovery services vault", type: RECOVERY_SERVICES_VAULT, props: recoveryservicesVault({ properties: { securitySettings: { immutabilitySettings: { state: "Unlocked" } } } }), violates: false },
            { name: "recovery services vault without soft delete", type: RECOVERY_SERVICES_VAULT, props: recoveryservicesVault({ properties: { securitySettings: { immutabilitySettings: { state: "Unlocked" }, softDeleteSettings: { softDeleteState: "Disabled" } } } }), violates: true },
        ],
    },
    {
        rule: azureBackupVaultGeoRedundant,
        compliant: dataprotectionBackupVault({ properties: { storageSettings: [{ datastoreType: "VaultStore", type: "GeoRedundant" }] } }),
        violating: dataprotectionBackupVault({ properties: { storageSettings: [{ datastoreType: "VaultStore", type: "LocallyRedundant" }] } }),
        extra: [{ name: "staging may stay local", environment: "staging", props: dataprotectionBackupVault({ properties: { storageSettings: [{ type: "LocallyRedundant" }] } }), violates: false }],
    },
    { rule: azureBackupPolicyRetention, compliant: retentionRule("P35D"), violating: retentionRule("P3D"), stricter: { minimumRetentionDays: 60 } },
];

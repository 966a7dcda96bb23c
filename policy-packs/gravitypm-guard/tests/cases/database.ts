import { atlasAuditingEnabled } from "../../rules/database/atlas-auditing-enabled";
import { atlasBackupScheduleDrCopy } from "../../rules/database/atlas-backup-schedule-dr-copy";
import { atlasBackupScheduleRetention } from "../../rules/database/atlas-backup-schedule-retention";
import { atlasClusterBackup } from "../../rules/database/atlas-cluster-backup";
import { atlasClusterEncryptionAtRest } from "../../rules/database/atlas-cluster-encryption-at-rest";
import { atlasClusterTerminationProtection } from "../../rules/database/atlas-cluster-termination-protection";
import { atlasClusterTls } from "../../rules/database/atlas-cluster-tls";
import { atlasIpAccessListNotOpen } from "../../rules/database/atlas-ip-access-list-not-open";
import { cosmosdbAccountContinuousBackup } from "../../rules/database/cosmosdb-account-continuous-backup";
import { cosmosdbAccountEncryption } from "../../rules/database/cosmosdb-account-encryption";
import { cosmosdbAccountLocalAuth } from "../../rules/database/cosmosdb-account-local-auth";
import { cosmosdbAccountPrivate } from "../../rules/database/cosmosdb-account-private";
import { docdbClusterBackupRetention } from "../../rules/database/docdb-cluster-backup-retention";
import { docdbClusterDeletionProtection } from "../../rules/database/docdb-cluster-deletion-protection";
import { docdbClusterEncrypted } from "../../rules/database/docdb-cluster-encrypted";
import { docdbClusterLogExports } from "../../rules/database/docdb-cluster-log-exports";
import { docdbElasticCluster } from "../../rules/database/docdb-elastic-cluster";
import { docdbGlobalClusterEncrypted } from "../../rules/database/docdb-global-cluster-encrypted";
import { docdbParameterGroupAuditLogs } from "../../rules/database/docdb-parameter-group-audit-logs";
import { docdbParameterGroupTls } from "../../rules/database/docdb-parameter-group-tls";
import { firestoreDatabaseCmek } from "../../rules/database/firestore-database-cmek";
import { firestoreDatabaseDeleteProtection } from "../../rules/database/firestore-database-delete-protection";
import { firestoreDatabasePitr } from "../../rules/database/firestore-database-pitr";
import { mongoClusterHighAvailability } from "../../rules/database/mongo-cluster-high-availability";
import { mongoClusterPrivate } from "../../rules/database/mongo-cluster-private";
import type { RuleCase } from "./types";

const KEY = "arn:aws:kms:us-east-1:123456789012:key/1111";

export const databaseCases: readonly RuleCase[] = [
    {
        rule: docdbClusterEncrypted,
        compliant: { storageEncrypted: true, kmsKeyId: KEY },
        violating: { storageEncrypted: false, kmsKeyId: KEY },
        extra: [
            { name: "unset storageEncrypted (provider default false)", props: { kmsKeyId: KEY }, violates: true },
            { name: "encrypted with the AWS-managed key", props: { storageEncrypted: true }, violates: true },
        ],
    },
    {
        rule: docdbClusterBackupRetention,
        compliant: { backupRetentionPeriod: 7 },
        violating: { backupRetentionPeriod: 3 },
        stricter: { minimumRetentionDays: 14 },
        extra: [{ name: "unset (provider default 1 day)", props: {}, violates: true }],
    },
    { rule: docdbClusterLogExports, compliant: { enabledCloudwatchLogsExports: ["audit", "profiler"] }, violating: { enabledCloudwatchLogsExports: ["audit"] } },
    {
        rule: docdbClusterDeletionProtection,
        compliant: { deletionProtection: true },
        violating: {},
        extra: [{ name: "staging may delete", environment: "staging", props: {}, violates: false }],
    },
    {
        rule: docdbParameterGroupTls,
        compliant: { parameters: [{ name: "tls", value: "enabled" }] },
        violating: { parameters: [{ name: "tls", value: "disabled" }] },
        extra: [{ name: "unset tls keeps the engine default (enabled)", props: { parameters: [] }, violates: false }],
    },
    { rule: docdbParameterGroupAuditLogs, compliant: { parameters: [{ name: "audit_logs", value: "enabled" }] }, violating: { parameters: [{ name: "tls", value: "enabled" }] } },
    {
        rule: docdbGlobalClusterEncrypted,
        compliant: { storageEncrypted: true },
        violating: { storageEncrypted: false },
        extra: [{ name: "inherits from its source cluster", props: { sourceDbClusterIdentifier: "arn:aws:rds:us-east-1:1:cluster:x" }, violates: false }],
    },
    { rule: docdbElasticCluster, compliant: { kmsKeyId: KEY, backupRetentionPeriod: 7 }, violating: { backupRetentionPeriod: 7 }, stricter: { minimumRetentionDays: 30 } },
    { rule: mongoClusterPrivate, compliant: { properties: { publicNetworkAccess: "Disabled" } }, violating: { properties: {} } },
    {
        rule: mongoClusterHighAvailability,
        compliant: { properties: { highAvailability: { targetMode: "ZoneRedundantPreferred" } } },
        violating: { properties: { highAvailability: { targetMode: "Disabled" } } },
        extra: [
            { name: "staging may run without a standby", environment: "staging", props: { properties: {} }, violates: false },
            { name: "a geo-replica follows its primary", props: { properties: { createMode: "GeoReplica" } }, violates: false },
        ],
    },
    { rule: cosmosdbAccountPrivate, compliant: { publicNetworkAccess: "Disabled" }, violating: { publicNetworkAccess: "Enabled" } },
    { rule: cosmosdbAccountEncryption, compliant: { keyVaultKeyUri: "https://v.vault.azure.net/keys/k", minimalTlsVersion: "Tls12" }, violating: { minimalTlsVersion: "Tls12" } },
    { rule: cosmosdbAccountLocalAuth, compliant: { disableLocalAuth: true }, violating: {} },
    { rule: cosmosdbAccountContinuousBackup, compliant: { backupPolicy: { type: "Continuous" } }, violating: { backupPolicy: { type: "Periodic" } } },
    { rule: firestoreDatabaseCmek, compliant: { cmekConfig: { kmsKeyName: "projects/p/locations/l/keyRings/r/cryptoKeys/k" } }, violating: {} },
    { rule: firestoreDatabasePitr, compliant: { pointInTimeRecoveryEnablement: "POINT_IN_TIME_RECOVERY_ENABLED" }, violating: { pointInTimeRecoveryEnablement: "POINT_IN_TIME_RECOVERY_DISABLED" } },
    { rule: firestoreDatabaseDeleteProtection, compliant: { deleteProtectionState: "DELETE_PROTECTION_ENABLED" }, violating: {} },
    { rule: atlasClusterBackup, compliant: { backupEnabled: true, pitEnabled: true }, violating: { backupEnabled: true } },
    { rule: atlasClusterEncryptionAtRest, compliant: { encryptionAtRestProvider: "AWS" }, violating: { encryptionAtRestProvider: "NONE" } },
    {
        rule: atlasClusterTls,
        compliant: { advancedConfiguration: { minimumEnabledTlsProtocol: "TLS1_2" } },
        violating: { advancedConfiguration: { minimumEnabledTlsProtocol: "TLS1_0" } },
        extra: [{ name: "unset keeps Atlas's TLS1_2 default", props: {}, violates: false }],
    },
    { rule: atlasClusterTerminationProtection, compliant: { terminationProtectionEnabled: true }, violating: { terminationProtectionEnabled: false } },
    {
        rule: atlasBackupScheduleRetention,
        compliant: { policyItemDaily: { frequencyInterval: 1, retentionUnit: "days", retentionValue: 7 } },
        violating: { policyItemDaily: { frequencyInterval: 1, retentionUnit: "days", retentionValue: 2 } },
        stricter: { minimumRetentionDays: 35 },
        extra: [{ name: "weeks count as 7 days", props: { policyItemDaily: { frequencyInterval: 1, retentionUnit: "weeks", retentionValue: 1 } }, violates: false }],
    },
    {
        rule: atlasBackupScheduleDrCopy,
        compliant: { copySettings: [{ cloudProvider: "GCP", regionName: "EASTERN_US", frequencies: ["DAILY"] }] },
        violating: { copySettings: [] },
        extra: [{ name: "staging keeps backups in one region", environment: "staging", props: {}, violates: false }],
    },
    {
        rule: atlasIpAccessListNotOpen,
        compliant: { cidrBlock: "10.0.0.0/16" },
        violating: { cidrBlock: "0.0.0.0/0" },
        extra: [{ name: "single open address", props: { ipAddress: "0.0.0.0" }, violates: true }],
    },
    { rule: atlasAuditingEnabled, compliant: { enabled: true }, violating: { enabled: false } },
];

import type { ClusterArgs as DocdbClusterArgs } from "@pulumi/aws/docdb/cluster";
import type { ClusterParameterGroupArgs as DocdbClusterParameterGroupArgs } from "@pulumi/aws/docdb/clusterParameterGroup";
import type { ElasticClusterArgs as DocdbElasticClusterArgs } from "@pulumi/aws/docdb/elasticCluster";
import type { GlobalClusterArgs as DocdbGlobalClusterArgs } from "@pulumi/aws/docdb/globalCluster";
import type { DatabaseAccountArgs as CosmosdbDatabaseAccountArgs } from "@pulumi/azure-native/cosmosdb/databaseAccount";
import type { MongoClusterArgs } from "@pulumi/azure-native/mongocluster/mongoCluster";
import type { DatabaseArgs as FirestoreDatabaseArgs } from "@pulumi/gcp/firestore/database";
import type { AdvancedClusterArgs as AtlasAdvancedClusterArgs } from "@pulumi/mongodbatlas/advancedCluster";
import type { AuditingArgs as AtlasAuditingArgs } from "@pulumi/mongodbatlas/auditing";
import type { CloudBackupScheduleArgs as AtlasCloudBackupScheduleArgs } from "@pulumi/mongodbatlas/cloudBackupSchedule";
import type { ProjectIpAccessListArgs as AtlasProjectIpAccessListArgs } from "@pulumi/mongodbatlas/projectIpAccessList";
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
import { cosmosdbAccountLocalAuthDisabled } from "../../rules/database/cosmosdb-account-local-auth-disabled";
import { cosmosdbAccountPrivate } from "../../rules/database/cosmosdb-account-private";
import { docdbClusterBackupRetention } from "../../rules/database/docdb-cluster-backup-retention";
import { docdbClusterDeletionProtection } from "../../rules/database/docdb-cluster-deletion-protection";
import { docdbClusterEncrypted } from "../../rules/database/docdb-cluster-encrypted";
import { docdbClusterLogExports } from "../../rules/database/docdb-cluster-log-exports";
import { docdbElasticClusterEncryptedBackedUp } from "../../rules/database/docdb-elastic-cluster-encrypted-backed-up";
import { docdbGlobalClusterEncrypted } from "../../rules/database/docdb-global-cluster-encrypted";
import { docdbParameterGroupAuditLogs } from "../../rules/database/docdb-parameter-group-audit-logs";
import { docdbParameterGroupTls } from "../../rules/database/docdb-parameter-group-tls";
import { firestoreDatabaseCmek } from "../../rules/database/firestore-database-cmek";
import { firestoreDatabaseDeleteProtection } from "../../rules/database/firestore-database-delete-protection";
import { firestoreDatabasePitr } from "../../rules/database/firestore-database-pitr";
import { mongoClusterHighAvailability } from "../../rules/database/mongo-cluster-high-availability";
import { mongoClusterPrivate } from "../../rules/database/mongo-cluster-private";
import { inputsOf, type RuleCase } from "./types";

const atlasAdvancedCluster = inputsOf<AtlasAdvancedClusterArgs>;
const atlasAuditing = inputsOf<AtlasAuditingArgs>;
const atlasCloudBackupSchedule = inputsOf<AtlasCloudBackupScheduleArgs>;
const atlasProjectIpAccessList = inputsOf<AtlasProjectIpAccessListArgs>;
const cosmosdbDatabaseAccount = inputsOf<CosmosdbDatabaseAccountArgs>;
const docdbCluster = inputsOf<DocdbClusterArgs>;
const docdbClusterParameterGroup = inputsOf<DocdbClusterParameterGroupArgs>;
const docdbElasticCluster = inputsOf<DocdbElasticClusterArgs>;
const docdbGlobalCluster = inputsOf<DocdbGlobalClusterArgs>;
const firestoreDatabase = inputsOf<FirestoreDatabaseArgs>;
const mongoCluster = inputsOf<MongoClusterArgs>;

const KEY = "arn:aws:kms:us-east-1:123456789012:key/1111";

export const databaseCases: readonly RuleCase[] = [
    {
        rule: docdbClusterEncrypted,
        compliant: docdbCluster({ storageEncrypted: true, kmsKeyId: KEY }),
        violating: docdbCluster({ storageEncrypted: false, kmsKeyId: KEY }),
        extra: [
            { name: "unset storageEncrypted (provider default false)", props: docdbCluster({ kmsKeyId: KEY }), violates: true },
            { name: "encrypted with the AWS-managed key", props: docdbCluster({ storageEncrypted: true }), violates: true },
        ],
    },
    {
        rule: docdbClusterBackupRetention,
        compliant: docdbCluster({ backupRetentionPeriod: 7 }),
        violating: docdbCluster({ backupRetentionPeriod: 3 }),
        stricter: { minimumRetentionDays: 14 },
        extra: [{ name: "unset (provider default 1 day)", props: docdbCluster({}), violates: true }],
    },
    { rule: docdbClusterLogExports, compliant: docdbCluster({ enabledCloudwatchLogsExports: ["audit", "profiler"] }), violating: docdbCluster({ enabledCloudwatchLogsExports: ["audit"] }) },
    {
        rule: docdbClusterDeletionProtection,
        compliant: docdbCluster({ deletionProtection: true }),
        violating: docdbCluster({}),
        extra: [{ name: "staging may delete", environment: "staging", props: docdbCluster({}), violates: false }],
    },
    {
        rule: docdbParameterGroupTls,
        compliant: docdbClusterParameterGroup({ parameters: [{ name: "tls", value: "enabled" }] }),
        violating: docdbClusterParameterGroup({ parameters: [{ name: "tls", value: "disabled" }] }),
        extra: [{ name: "unset tls keeps the engine default (enabled)", props: docdbClusterParameterGroup({ parameters: [] }), violates: false }],
    },
    { rule: docdbParameterGroupAuditLogs, compliant: docdbClusterParameterGroup({ parameters: [{ name: "audit_logs", value: "enabled" }] }), violating: docdbClusterParameterGroup({ parameters: [{ name: "tls", value: "enabled" }] }) },
    {
        rule: docdbGlobalClusterEncrypted,
        compliant: docdbGlobalCluster({ storageEncrypted: true }),
        violating: docdbGlobalCluster({ storageEncrypted: false }),
        extra: [{ name: "inherits from its source cluster", props: docdbGlobalCluster({ sourceDbClusterIdentifier: "arn:aws:rds:us-east-1:1:cluster:x" }), violates: false }],
    },
    { rule: docdbElasticClusterEncryptedBackedUp, compliant: docdbElasticCluster({ kmsKeyId: KEY, backupRetentionPeriod: 7 }), violating: docdbElasticCluster({ backupRetentionPeriod: 7 }), stricter: { minimumRetentionDays: 30 } },
    { rule: mongoClusterPrivate, compliant: mongoCluster({ properties: { publicNetworkAccess: "Disabled" } }), violating: mongoCluster({ properties: {} }) },
    {
        rule: mongoClusterHighAvailability,
        compliant: mongoCluster({ properties: { highAvailability: { targetMode: "ZoneRedundantPreferred" } } }),
        violating: mongoCluster({ properties: { highAvailability: { targetMode: "Disabled" } } }),
        extra: [
            { name: "staging may run without a standby", environment: "staging", props: mongoCluster({ properties: {} }), violates: false },
            { name: "a geo-replica follows its primary", props: mongoCluster({ properties: { createMode: "GeoReplica" } }), violates: false },
        ],
    },
    { rule: cosmosdbAccountPrivate, compliant: cosmosdbDatabaseAccount({ publicNetworkAccess: "Disabled" }), violating: cosmosdbDatabaseAccount({ publicNetworkAccess: "Enabled" }) },
    { rule: cosmosdbAccountEncryption, compliant: cosmosdbDatabaseAccount({ keyVaultKeyUri: "https://v.vault.azure.net/keys/k", minimalTlsVersion: "Tls12" }), violating: cosmosdbDatabaseAccount({ minimalTlsVersion: "Tls12" }) },
    { rule: cosmosdbAccountLocalAuthDisabled, compliant: cosmosdbDatabaseAccount({ disableLocalAuth: true }), violating: cosmosdbDatabaseAccount({}) },
    { rule: cosmosdbAccountContinuousBackup, compliant: cosmosdbDatabaseAccount({ backupPolicy: { type: "Continuous" } }), violating: cosmosdbDatabaseAccount({ backupPolicy: { type: "Periodic" } }) },
    { rule: firestoreDatabaseCmek, compliant: firestoreDatabase({ cmekConfig: { kmsKeyName: "projects/p/locations/l/keyRings/r/cryptoKeys/k" } }), violating: firestoreDatabase({}) },
    { rule: firestoreDatabasePitr, compliant: firestoreDatabase({ pointInTimeRecoveryEnablement: "POINT_IN_TIME_RECOVERY_ENABLED" }), violating: firestoreDatabase({ pointInTimeRecoveryEnablement: "POINT_IN_TIME_RECOVERY_DISABLED" }) },
    { rule: firestoreDatabaseDeleteProtection, compliant: firestoreDatabase({ deleteProtectionState: "DELETE_PROTECTION_ENABLED" }), violating: firestoreDatabase({}) },
    { rule: atlasClusterBackup, compliant: atlasAdvancedCluster({ backupEnabled: true, pitEnabled: true }), violating: atlasAdvancedCluster({ backupEnabled: true }) },
    { rule: atlasClusterEncryptionAtRest, compliant: atlasAdvancedCluster({ encryptionAtRestProvider: "AWS" }), violating: atlasAdvancedCluster({ encryptionAtRestProvider: "NONE" }) },
    {
        rule: atlasClusterTls,
        compliant: atlasAdvancedCluster({ advancedConfiguration: { minimumEnabledTlsProtocol: "TLS1_2" } }),
        violating: atlasAdvancedCluster({ advancedConfiguration: { minimumEnabledTlsProtocol: "TLS1_0" } }),
        extra: [{ name: "unset keeps Atlas's TLS1_2 default", props: atlasAdvancedCluster({}), violates: false }],
    },
    { rule: atlasClusterTerminationProtection, compliant: atlasAdvancedCluster({ terminationProtectionEnabled: true }), violating: atlasAdvancedCluster({ terminationProtectionEnabled: false }) },
    {
        rule: atlasBackupScheduleRetention,
        compliant: atlasCloudBackupSchedule({ policyItemDaily: { frequencyInterval: 1, retentionUnit: "days", retentionValue: 7 } }),
        violating: atlasCloudBackupSchedule({ policyItemDaily: { frequencyInterval: 1, retentionUnit: "days", retentionValue: 2 } }),
        stricter: { minimumRetentionDays: 35 },
        extra: [{ name: "weeks count as 7 days", props: atlasCloudBackupSchedule({ policyItemDaily: { frequencyInterval: 1, retentionUnit: "weeks", retentionValue: 1 } }), violates: false }],
    },
    {
        rule: atlasBackupScheduleDrCopy,
        compliant: atlasCloudBackupSchedule({ copySettings: [{ cloudProvider: "GCP", regionName: "EASTERN_US", frequencies: ["DAILY"] }] }),
        violating: atlasCloudBackupSchedule({ copySettings: [] }),
        extra: [{ name: "staging keeps backups in one region", environment: "staging", props: atlasCloudBackupSchedule({}), violates: false }],
    },
    {
        rule: atlasIpAccessListNotOpen,
        compliant: atlasProjectIpAccessList({ cidrBlock: "10.0.0.0/16" }),
        violating: atlasProjectIpAccessList({ cidrBlock: "0.0.0.0/0" }),
        extra: [{ name: "single open address", props: atlasProjectIpAccessList({ ipAddress: "0.0.0.0" }), violates: true }],
    },
    { rule: atlasAuditingEnabled, compliant: atlasAuditing({ enabled: true }), violating: atlasAuditing({ enabled: false }) },
];

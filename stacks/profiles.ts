/**
 * What differs per environment: the staging and prod profiles are the one source of the
 * defaults a user can override in a stack file (Pulumi.yaml documents each key, the README
 * table repeats these values). Values are raw strings so they pass through the same
 * schemas as stack-file values.
 *
 * The DR region has no default: where a copy of the data lives is a residency decision the
 * stack file must state. Defaults that depend on the service rather than the environment
 * (voting members per database service, the persistence a cache service allows) come from
 * the capability tables in domain/capabilities/.
 */
import type { ConfigKey, Environment } from "../domain/stack-config";

export type Profile = Readonly<Partial<Record<ConfigKey, string>>>;

export const PROFILES: Readonly<Record<Environment, Profile>> = {
    staging: {
        cloud: "aws",
        awsRegion: "us-east-2",
        gcpRegion: "us-east1",
        azureRegion: "eastus2",
        zoneCount: "2",
        networkCidr: "10.20.0.0/16",
        drNetworkCidr: "10.21.0.0/16",
        databaseEngine: "native",
        edgeProvider: "native",
        backupRetentionDays: "7",
        logRetentionDays: "365",
        rpoMinutes: "1440",
        rtoMinutes: "480",
        databaseSize: "small",
        databaseReadReplicas: "0",
        databaseShards: "1",
        databaseStorageGb: "32",
        databasePointInTimeRecovery: "true",
        cacheEngine: "redis",
        cacheSize: "small",
        cacheShards: "1",
        cacheReplicasPerShard: "0",
        cachePersistence: "rdb",
        cacheSnapshotRetentionDays: "1",
        clusterNodeSize: "small",
        clusterMinNodes: "2",
        clusterMaxNodes: "4",
        clusterKubernetesVersion: "1.35",
        clusterEndpoint: "private",
        clusterMaintenanceWindow: "tue 03:00",
        auditLogRetentionDays: "365",
        // Staging shares its account with prod in the usual setup: prod owns the singletons.
        threatDetection: "false",
        ownsAccountSingletons: "false",
        appActiveColour: "blue",
        appBackendReadinessPath: "/readyz",
        appBackendLivenessPath: "/livez",
        appFrontendReadinessPath: "/healthz",
        appFrontendLivenessPath: "/healthz",
        appBackendMinReplicas: "1",
        appBackendMaxReplicas: "3",
        appFrontendMinReplicas: "1",
        appFrontendMaxReplicas: "2",
        appDrMinReplicas: "1",
        // Usage assumptions (feed compare only): a small team's test traffic.
        usageLogGbPerMonth: "10",
        usageFlowLogGbPerMonth: "5",
        usageAuditLogGbPerMonth: "1",
        usageAuditEventsPerMonth: "1000000",
        usageNatGbPerMonth: "20",
        usageEdgeGbPerMonth: "50",
        usageEdgeRequestsPerMonth: "1000000",
        usageMonthlyActiveUsers: "100",
    },
    prod: {
        cloud: "aws",
        awsRegion: "us-east-1",
        gcpRegion: "us-central1",
        azureRegion: "eastus",
        networkCidr: "10.0.0.0/16",
        drNetworkCidr: "10.1.0.0/16",
        databaseEngine: "native",
        edgeProvider: "native",
        backupRetentionDays: "35",
        logRetentionDays: "365",
        rpoMinutes: "15",
        rtoMinutes: "60",
        databaseSize: "medium",
        databaseReadReplicas: "0",
        databaseShards: "1",
        databaseStorageGb: "128",
        databasePointInTimeRecovery: "true",
        cacheEngine: "redis",
        cacheSize: "medium",
        cacheShards: "1",
        cacheReplicasPerShard: "1",
        cachePersistence: "rdb",
        cacheSnapshotRetentionDays: "7",
        clusterNodeSize: "medium",
        clusterMinNodes: "3",
        clusterMaxNodes: "10",
        clusterDrMinNodes: "2",
        clusterKubernetesVersion: "1.35",
        clusterEndpoint: "private",
        // Upgrades and repairs in the week's quietest hours for a work-day app.
        clusterMaintenanceWindow: "sun 03:00",
        auditLogRetentionDays: "365",
        threatDetection: "true",
        ownsAccountSingletons: "true",
        appActiveColour: "blue",
        appBackendReadinessPath: "/readyz",
        appBackendLivenessPath: "/livez",
        appFrontendReadinessPath: "/healthz",
        appFrontendLivenessPath: "/healthz",
        // One replica per zone at least; the maxima fit clusterMaxNodes of medium nodes.
        appBackendMinReplicas: "3",
        appBackendMaxReplicas: "12",
        appFrontendMinReplicas: "3",
        appFrontendMaxReplicas: "6",
        // The DR copy idles at one pod per service and colour and scales on failover.
        appDrMinReplicas: "1",
        // Usage assumptions (feed compare only): a few thousand active users of a work-day app.
        usageLogGbPerMonth: "50",
        usageFlowLogGbPerMonth: "20",
        usageAuditLogGbPerMonth: "5",
        usageAuditEventsPerMonth: "5000000",
        usageNatGbPerMonth: "100",
        usageEdgeGbPerMonth: "1000",
        usageEdgeRequestsPerMonth: "50000000",
        usageMonthlyActiveUsers: "20000",
    },
};

/** Azure data stores (Cosmos DB, Cosmos DB for MongoDB vCore, Azure Cache for Redis, Redis Enterprise) and the Azure Backup policies that cover them. */
import type { StackResource, StackView } from "../stack";
import { bool, durationDays, get, list, num, records, sameText, str, strings, type Props } from "../values";
import { best, dependentOfType, type Coverage, type StoreSpec } from "./coverage";

const REDIS_ENTERPRISE_DATABASE = "azure-native:redisenterprise:Database";

/** Members of a Redis Enterprise database's active geo-replication group: the databases of the
 * stack sharing its group nickname, or the group's linked databases, whichever is larger. */
function geoReplicaCount(db: StackResource, stack: StackView): number {
    const nickname = str(get(db.props, "geoReplication.groupNickname"));
    if (nickname === undefined) return 0;
    const members = stack.ofType(REDIS_ENTERPRISE_DATABASE).filter((d) => str(get(d.props, "geoReplication.groupNickname")) === nickname).length;
    return Math.max(members, records(get(db.props, "geoReplication.linkedDatabases")).length);
}

const publicUnlessDisabled = (path: string, what: string) => (props: Props) => {
    const v = get(props, path);
    return sameText(v, "Disabled") ? undefined : `${what} ${path} is ${v === undefined ? "unset (Enabled)" : JSON.stringify(v)}`;
};

export const AZURE_STORES: Readonly<Record<string, StoreSpec>> = {
    "azure-native:mongocluster:MongoCluster": {
        kind: "database",
        label: "Cosmos DB for MongoDB vCore cluster",
        ports: () => [10260],
        keyPaths: [],
        noCmk: "azure-native 3.28's mongocluster API has no customer-managed key setting; storage is encrypted with Microsoft-managed keys",
        // Built in and not configurable: continuous backup with 35 days of point-in-time restore.
        ownBackup: () => ({ via: "built-in continuous backup", retentionDays: 35, intervalMinutes: 5, crossRegion: false }),
        zones: (r) => (sameText(get(r.props, "properties.highAvailability.targetMode"), "ZoneRedundantPreferred") ? 2 : 1),
        publicEndpoint: publicUnlessDisabled("properties.publicNetworkAccess", "the cluster's"),
        secondary: (p) => sameText(get(p, "properties.createMode"), "GeoReplica"),
        replicatedAcrossRegions: (r, stack) =>
            stack.dependentsOf(r.urn).some((d) => d.type === "azure-native:mongocluster:MongoCluster" && sameText(get(d.props, "properties.createMode"), "GeoReplica")) ||
            sameText(get(r.props, "properties.createMode"), "GeoReplica"),
    },
    "azure-native:cosmosdb:DatabaseAccount": {
        kind: "database",
        label: "Cosmos DB account",
        ports: () => [10255, 443],
        keyPaths: ["keyVaultKeyUri"],
        ownBackup: (r) => {
            if (sameText(get(r.props, "backupPolicy.type"), "Continuous")) {
                const tier = str(get(r.props, "backupPolicy.continuousModeProperties.tier"));
                return { via: "continuous backup", retentionDays: tier === "Continuous30Days" ? 30 : 7, intervalMinutes: 2, crossRegion: false };
            }
            const hours = num(get(r.props, "backupPolicy.periodicModeProperties.backupRetentionIntervalInHours")) ?? 8;
            const every = num(get(r.props, "backupPolicy.periodicModeProperties.backupIntervalInMinutes")) ?? 240;
            return { via: "periodic backup", retentionDays: hours / 24, intervalMinutes: every, crossRegion: true };
        },
        zones: (r) => (records(r.props.locations).some((l) => bool(l.isZoneRedundant) === true) ? 3 : 1),
        publicEndpoint: publicUnlessDisabled("publicNetworkAccess", "the account's"),
        replicatedAcrossRegions: (r) => records(r.props.locations).length >= 2,
    },
    "azure-native:redis:Redis": {
        kind: "cache",
        label: "Azure Cache for Redis",
        ports: () => [6379, 6380],
        keyPaths: [],
        noCmk: "Azure Cache for Redis (Basic/Standard/Premium) has no customer-managed key setting; Redis Enterprise / Azure Managed Redis does",
        ownBackup: (r) => {
            if (bool(get(r.props, "redisConfiguration.aofBackupEnabled")) === true) return { via: "AOF persistence", retentionDays: "latest", intervalMinutes: 1, crossRegion: false };
            if (bool(get(r.props, "redisConfiguration.rdbBackupEnabled")) !== true) return undefined;
            return { via: "RDB persistence", retentionDays: "latest", intervalMinutes: num(get(r.props, "redisConfiguration.rdbBackupFrequency")) ?? 60, crossRegion: false };
        },
        zones: (r) => {
            if (sameText(get(r.props, "sku.name"), "Basic") || sameText(r.props.zonalAllocationPolicy, "NoZones")) return 1;
            // Zones unset means Automatic: zone-redundant where the region has zones.
            return Math.max(list(r.props.zones).length, 2);
        },
        publicEndpoint: (p) => (p.subnetId !== undefined ? undefined : publicUnlessDisabled("publicNetworkAccess", "the cache's")(p)),
        replicatedAcrossRegions: (r, stack) => dependentOfType(stack, r, "azure-native:redis:LinkedServer").length > 0,
    },
    "azure-native:redisenterprise:RedisEnterprise": {
        kind: "cache",
        label: "Azure Managed Redis / Redis Enterprise cluster",
        ports: () => [10000],
        keyPaths: ["encryption.customerManagedKeyEncryption.keyEncryptionKeyUrl"],
        ownBackup: (r, stack) => {
            const dbs = dependentOfType(stack, r, REDIS_ENTERPRISE_DATABASE);
            const coverages = dbs.map((db): Coverage | undefined => {
                // Azure keeps geo-replicated databases from persisting: the group is their copy.
                if (geoReplicaCount(db, stack) >= 2) return { via: "active geo-replication", retentionDays: "latest", intervalMinutes: 1, crossRegion: true };
                if (bool(get(db.props, "persistence.aofEnabled")) === true) return { via: "AOF persistence", retentionDays: "latest", intervalMinutes: 1, crossRegion: false };
                if (bool(get(db.props, "persistence.rdbEnabled")) !== true) return undefined;
                const hours = Number((str(get(db.props, "persistence.rdbFrequency")) ?? "12h").replace("h", ""));
                return { via: "RDB persistence", retentionDays: "latest", intervalMinutes: hours * 60, crossRegion: false };
            });
            return best(...coverages);
        },
        zones: (r) => (sameText(r.props.highAvailability, "Disabled") ? 1 : Math.max(list(r.props.zones).length, 2)),
        publicEndpoint: publicUnlessDisabled("publicNetworkAccess", "the cluster's"),
        replicatedAcrossRegions: (r, stack) => dependentOfType(stack, r, REDIS_ENTERPRISE_DATABASE).some((db) => geoReplicaCount(db, stack) >= 2),
    },
};

/** ISO-8601 repeating interval "R/<start>/P1D" → minutes. */
function repeatingIntervalMinutes(intervals: unknown): number {
    const first = strings(intervals)[0];
    const days = durationDays(first?.split("/").pop());
    return days === undefined ? 1440 : Math.round(days * 1440);
}

export function azureBackupCoverage(store: StackResource, stack: StackView): Coverage[] {
    const instances = stack.dependentsOf(store.urn).filter((d) => d.type === "azure-native:dataprotection:BackupInstance");
    return instances.flatMap((inst) => {
        const vaults = stack.dependenciesOf(inst).filter((d) => d.type === "azure-native:dataprotection:BackupVault");
        const geo = vaults.some((v) => records(get(v.props, "properties.storageSettings")).some((s) => sameText(s.type, "GeoRedundant")));
        return stack
            .dependenciesOf(inst)
            .filter((d) => d.type === "azure-native:dataprotection:BackupPolicy")
            .map((policy): Coverage => {
                const rules = records(get(policy.props, "properties.policyRules"));
                const retention = rules
                    .filter((r) => sameText(r.objectType, "AzureRetentionRule"))
                    .flatMap((r) => records(r.lifecycles).map((l) => durationDays(get(l, "deleteAfter.duration")) ?? 0));
                const trigger = rules.find((r) => sameText(r.objectType, "AzureBackupRule"));
                return {
                    via: `Azure Backup policy ${policy.name}`,
                    retentionDays: retention.length ? Math.max(...retention) : 0,
                    intervalMinutes: repeatingIntervalMinutes(get(trigger, "trigger.schedule.repeatingTimeIntervals")),
                    crossRegion: geo,
                };
            });
    });
}

/** Every token this module reads besides its stores' own (for the rules' type lists). */
export const AZURE_RELATED_TYPES: readonly string[] = [
    "azure-native:dataprotection:BackupInstance",
    "azure-native:dataprotection:BackupVault",
    "azure-native:dataprotection:BackupPolicy",
    "azure-native:redis:LinkedServer",
    "azure-native:redisenterprise:Database",
];

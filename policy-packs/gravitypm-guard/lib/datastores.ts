/**
 * What the stack rules know about each kind of data store: its ports, where its key is
 * referenced, the backups it keeps by itself, how many zones it spans, whether it has a
 * public endpoint and whether it replicates to another region. One entry per type token,
 * so a new store type is one entry here and every stack rule covers it.
 */
import type { StackResource, StackView } from "./stack";
import { bool, durationDays, get, isSet, known, list, num, present, records, sameText, str, strings, type Props } from "./values";

export type StoreKind = "database" | "cache";

/** A backup mechanism covering a store. */
export interface Coverage {
    readonly via: string;
    /** Days recovery points are kept; "latest" for persistence that keeps only the newest snapshot. */
    readonly retentionDays: number | "latest";
    /** Longest gap between recovery points, in minutes (what bounds the RPO). */
    readonly intervalMinutes: number;
    /** The mechanism keeps a copy in another region. */
    readonly crossRegion: boolean;
}

export interface StoreSpec {
    readonly kind: StoreKind;
    readonly label: string;
    readonly ports: (props: Props) => readonly number[];
    /** Where the customer-managed key is referenced; empty when the service offers none. */
    readonly keyPaths: readonly string[];
    /** Why the service cannot use a customer-managed key (in the installed SDK). */
    readonly noCmk?: string;
    readonly ownBackup?: (r: StackResource, stack: StackView) => Coverage | undefined;
    readonly deletionProtection?: (props: Props) => boolean;
    readonly zones: (r: StackResource, stack: StackView) => number;
    /** Why the store has a public endpoint, if it does. */
    readonly publicEndpoint?: (props: Props) => string | undefined;
    /** The store keeps a live replica in another region. */
    readonly replicatedAcrossRegions?: (r: StackResource, stack: StackView) => boolean;
    /** The store is the DR-region replica of another: its zones and RPO are its primary's. */
    readonly secondary?: (props: Props) => boolean;
}

export const KEY_TYPES = ["aws:kms/key:Key", "aws:kms/replicaKey:ReplicaKey", "gcp:kms/cryptoKey:CryptoKey", "azure-native:keyvault:Key"];

const RDB_PERIOD_MINUTES: Record<string, number> = {
    ONE_HOUR: 60,
    SIX_HOURS: 360,
    TWELVE_HOURS: 720,
    TWENTY_FOUR_HOURS: 1440,
};

/** Redis persistence: RDB snapshots keep only the newest file; AOF loses about a second. */
function gcpPersistence(props: Props, via: string): Coverage | undefined {
    const mode = str(get(props, "persistenceConfig.mode")) ?? str(get(props, "persistenceConfig.persistenceMode"));
    if (mode === "AOF") return { via, retentionDays: "latest", intervalMinutes: 1, crossRegion: false };
    if (mode !== "RDB") return undefined;
    const period = str(get(props, "persistenceConfig.rdbConfig.rdbSnapshotPeriod")) ?? str(get(props, "persistenceConfig.rdbSnapshotPeriod")) ?? "TWENTY_FOUR_HOURS";
    return { via, retentionDays: "latest", intervalMinutes: RDB_PERIOD_MINUTES[period] ?? 1440, crossRegion: false };
}

function gcpAutomatedBackup(props: Props, via: string): Coverage | undefined {
    if (props.automatedBackupConfig === undefined) return undefined;
    const days = durationDays(get(props, "automatedBackupConfig.retention")) ?? 0;
    return { via, retentionDays: days, intervalMinutes: 1440, crossRegion: false };
}

const SCHEDULER_JOB = "gcp:cloudscheduler/job:Job";
const STORAGE_BUCKET = "gcp:storage/bucket:Bucket";

/** The Cloud Storage destination of an export request body (base64 JSON), if readable. */
export function exportDestination(body: unknown): string | undefined {
    const text = str(body);
    if (text === undefined) return undefined;
    try {
        const parsed: unknown = JSON.parse(Buffer.from(text, "base64").toString("utf8"));
        return str(get(parsed, "outputConfig.gcsDestination.uri"));
    } catch {
        return undefined;
    }
}

/**
 * A Memorystore instance cannot replicate across regions; a scheduled export of its RDB
 * snapshot to a bucket in another region is its DR copy. The export counts when a Cloud
 * Scheduler job POSTs this instance's `:export` URL and its body names a bucket of the
 * stack in another region; retention is how long the bucket keeps replaced exports.
 */
function memorystoreExport(r: StackResource, stack: StackView): Coverage | undefined {
    const name = str(r.props.name);
    if (name === undefined) return undefined;
    for (const job of stack.ofType(SCHEDULER_JOB)) {
        const uri = known(() => str(get(job.props, "httpTarget.uri")));
        if (!uri.known || !uri.value?.endsWith(`/instances/${name}:export`) || !sameText(get(job.props, "httpTarget.httpMethod"), "POST")) continue;
        const destination = known(() => exportDestination(get(job.props, "httpTarget.body")));
        const bucketName = destination.known ? /^gs:\/\/([^/]+)\//.exec(destination.value ?? "")?.[1] : undefined;
        const bucket = stack.ofType(STORAGE_BUCKET).find((b) => str(b.props.name) === bucketName);
        if (!bucket) continue;
        const bucketRegion = known(() => str(bucket.props.location)?.toLowerCase());
        const instanceRegion = regionOf(r)?.toLowerCase();
        const keptDays = records(bucket.props.lifecycleRules)
            .map((rule) => num(get(rule, "condition.daysSinceNoncurrentTime")))
            .filter((d): d is number => d !== undefined);
        return {
            via: `scheduled export to ${bucketName}`,
            // Versioning keeps replaced exports until a lifecycle rule deletes them.
            retentionDays: keptDays.length ? Math.min(...keptDays) : bool(get(bucket.props, "versioning.enabled")) ? Number.MAX_SAFE_INTEGER : "latest",
            // A Cloud Scheduler cron has the same leading fields as AWS Backup's cron().
            intervalMinutes: cronIntervalMinutes(`cron(${str(job.props.schedule) ?? ""})`),
            crossRegion: bucketRegion.known && bucketRegion.value !== undefined && instanceRegion !== undefined && bucketRegion.value !== instanceRegion,
        };
    }
    return undefined;
}

function best(...coverages: (Coverage | undefined)[]): Coverage | undefined {
    const list = coverages.filter((c): c is Coverage => c !== undefined);
    if (list.length === 0) return undefined;
    return list.reduce((a, b) => ({
        via: `${a.via} + ${b.via}`,
        retentionDays: retentionOf(a) >= retentionOf(b) ? a.retentionDays : b.retentionDays,
        intervalMinutes: Math.min(a.intervalMinutes, b.intervalMinutes),
        crossRegion: a.crossRegion || b.crossRegion,
    }));
}

export function retentionOf(c: Coverage): number {
    return c.retentionDays === "latest" ? 0 : c.retentionDays;
}

const SUBNET_GROUPS = ["aws:docdb/subnetGroup:SubnetGroup", "aws:elasticache/subnetGroup:SubnetGroup"];

/** Availability zones of the subnets `r` uses, directly or through a subnet group. */
export function subnetZones(r: StackResource, stack: StackView): Set<string> {
    const zones = new Set<string>();
    for (const d of stack.dependenciesOf(r)) {
        if (d.type === "aws:ec2/subnet:Subnet") {
            const az = known(() => str(d.props.availabilityZone) ?? str(d.props.availabilityZoneId));
            if (az.known && az.value) zones.add(az.value);
        } else if (SUBNET_GROUPS.includes(d.type)) {
            for (const z of subnetZones(d, stack)) zones.add(z);
        }
    }
    return zones;
}

export function regionOf(r: StackResource): string | undefined {
    const own = known(() => str(r.props.region) ?? str(r.props.location));
    if (own.known && own.value) return own.value;
    const fromProvider = known(() => str(r.provider?.props.region) ?? str(r.provider?.props.location));
    return fromProvider.known ? fromProvider.value : undefined;
}

/** A dependent of `r` of one of `types`. */
function dependentOfType(stack: StackView, r: StackResource, ...types: string[]): StackResource[] {
    return stack.dependentsOf(r.urn).filter((d) => types.includes(d.type));
}

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

export const STORES: Readonly<Record<string, StoreSpec>> = {
    "aws:docdb/cluster:Cluster": {
        kind: "database",
        label: "DocumentDB cluster",
        ports: (p) => [num(p.port) ?? 27017],
        keyPaths: ["kmsKeyId"],
        // Continuous backup: point-in-time restore to within five minutes.
        ownBackup: (r) => ({ via: "automated backups", retentionDays: num(r.props.backupRetentionPeriod) ?? 1, intervalMinutes: 5, crossRegion: false }),
        deletionProtection: (p) => bool(p.deletionProtection) === true,
        // A secondary of a global cluster takes its credentials from the primary.
        secondary: (p) => present(p, "globalClusterIdentifier") && !present(p, "masterUsername"),
        zones: (r, stack) => {
            const instances = dependentOfType(stack, r, "aws:docdb/clusterInstance:ClusterInstance");
            const azs = new Set(instances.map((i) => str(i.props.availabilityZone)).filter(isSet));
            if (azs.size >= 2) return azs.size;
            const clusterAzs = strings(r.props.availabilityZones).length || subnetZones(r, stack).size;
            return instances.length >= 2 ? Math.min(instances.length, clusterAzs) : Math.min(instances.length, 1);
        },
        replicatedAcrossRegions: (r, stack) => {
            const globals = stack.dependenciesOf(r).filter((d) => d.type === "aws:docdb/globalCluster:GlobalCluster");
            const members = [...globals.flatMap((g) => dependentOfType(stack, g, "aws:docdb/cluster:Cluster")), ...dependentOfType(stack, r, "aws:docdb/globalCluster:GlobalCluster").flatMap((g) => dependentOfType(stack, g, "aws:docdb/cluster:Cluster"))];
            return members.some((m) => m.urn !== r.urn && regionOf(m) !== regionOf(r));
        },
    },
    "aws:docdb/elasticCluster:ElasticCluster": {
        kind: "database",
        label: "DocumentDB elastic cluster",
        ports: () => [27017],
        keyPaths: ["kmsKeyId"],
        ownBackup: (r) => ({ via: "automated snapshots", retentionDays: num(r.props.backupRetentionPeriod) ?? 1, intervalMinutes: 1440, crossRegion: false }),
        zones: (r) => ((num(r.props.shardInstanceCount) ?? 2) >= 2 ? 2 : 1),
    },
    "aws:elasticache/replicationGroup:ReplicationGroup": {
        kind: "cache",
        label: "ElastiCache replication group",
        ports: (p) => [num(p.port) ?? 6379],
        keyPaths: ["kmsKeyId"],
        ownBackup: (r) => {
            const days = num(r.props.snapshotRetentionLimit) ?? 0;
            return days > 0 ? { via: "automatic snapshots", retentionDays: days, intervalMinutes: 1440, crossRegion: false } : undefined;
        },
        zones: (r) => {
            const azs = new Set(strings(r.props.preferredCacheClusterAzs)).size;
            const replicas = (num(r.props.numCacheClusters) ?? 1) >= 2 || (num(r.props.replicasPerNodeGroup) ?? 0) >= 1;
            return bool(r.props.multiAzEnabled) === true && replicas ? Math.max(2, azs) : 1;
        },
        secondary: (p) => present(p, "globalReplicationGroupId"),
        // A secondary names its global datastore; a primary is what the global datastore depends on.
        replicatedAcrossRegions: (r, stack) => present(r.props, "globalReplicationGroupId") || dependentOfType(stack, r, "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup").length > 0,
    },
    "aws:elasticache/serverlessCache:ServerlessCache": {
        kind: "cache",
        label: "ElastiCache serverless cache",
        ports: () => [6379, 6380],
        keyPaths: ["kmsKeyId"],
        ownBackup: (r) => {
            const days = num(r.props.snapshotRetentionLimit) ?? 0;
            return days > 0 ? { via: "automatic snapshots", retentionDays: days, intervalMinutes: 1440, crossRegion: false } : undefined;
        },
        // Serverless caches replicate across the zones of their subnets by design.
        zones: () => 2,
    },
    "gcp:redis/instance:Instance": {
        kind: "cache",
        label: "Memorystore for Redis instance",
        ports: () => [6379, 6378],
        keyPaths: ["customerManagedKey"],
        ownBackup: (r, stack) => best(gcpPersistence(r.props, "persistence"), memorystoreExport(r, stack)),
        deletionProtection: (p) => bool(p.deletionProtection) === true,
        zones: (r) => (str(r.props.tier) === "STANDARD_HA" ? 2 : 1),
    },
    "gcp:redis/cluster:Cluster": {
        kind: "cache",
        label: "Memorystore for Redis Cluster",
        ports: () => [6379, 11000],
        keyPaths: ["kmsKey"],
        ownBackup: (r) => best(gcpPersistence(r.props, "persistence"), gcpAutomatedBackup(r.props, "automated backups")),
        deletionProtection: (p) => bool(p.deletionProtectionEnabled) === true,
        zones: (r) => (str(get(r.props, "zoneDistributionConfig.mode")) === "SINGLE_ZONE" ? 1 : 3),
        replicatedAcrossRegions: (r) => isSet(get(r.props, "crossClusterReplicationConfig.clusterRole")) && str(get(r.props, "crossClusterReplicationConfig.clusterRole")) !== "NONE",
        secondary: (p) => str(get(p, "crossClusterReplicationConfig.clusterRole")) === "SECONDARY",
    },
    "gcp:memorystore/instance:Instance": {
        kind: "cache",
        label: "Memorystore instance",
        ports: () => [6379, 11000],
        keyPaths: ["kmsKey"],
        ownBackup: (r) => best(gcpPersistence(r.props, "persistence"), gcpAutomatedBackup(r.props, "automated backups")),
        deletionProtection: (p) => bool(p.deletionProtectionEnabled) === true,
        zones: (r) => (str(get(r.props, "zoneDistributionConfig.mode")) === "SINGLE_ZONE" ? 1 : 3),
        replicatedAcrossRegions: (r) => isSet(get(r.props, "crossInstanceReplicationConfig.instanceRole")) && str(get(r.props, "crossInstanceReplicationConfig.instanceRole")) !== "NONE",
        secondary: (p) => str(get(p, "crossInstanceReplicationConfig.instanceRole")) === "SECONDARY",
    },
    "gcp:firestore/database:Database": {
        kind: "database",
        label: "Firestore database",
        ports: () => [],
        keyPaths: ["cmekConfig.kmsKeyName"],
        ownBackup: (r) =>
            sameText(r.props.pointInTimeRecoveryEnablement, "POINT_IN_TIME_RECOVERY_ENABLED") ? { via: "point-in-time recovery", retentionDays: 7, intervalMinutes: 1, crossRegion: false } : undefined,
        deletionProtection: (p) => sameText(p.deleteProtectionState, "DELETE_PROTECTION_ENABLED"),
        // Firestore replicates synchronously across zones (regional) or regions (multi-region).
        zones: () => 3,
        replicatedAcrossRegions: (r) => /^(nam|eur)\d+$/.test(str(r.props.locationId) ?? ""),
    },
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
    "mongodbatlas:index/advancedCluster:AdvancedCluster": {
        kind: "database",
        label: "MongoDB Atlas cluster",
        ports: () => [27015, 27016, 27017],
        keyPaths: [],
        ownBackup: (r, stack) => {
            if (bool(r.props.backupEnabled) !== true) return undefined;
            const pit = bool(r.props.pitEnabled) === true;
            // Without a CloudBackupSchedule Atlas applies its default policy (daily snapshots kept 7 days).
            const hasSchedule = dependentOfType(stack, r, "mongodbatlas:index/cloudBackupSchedule:CloudBackupSchedule").length > 0;
            return hasSchedule && !pit ? undefined : { via: pit ? "continuous cloud backup" : "default snapshot policy", retentionDays: 7, intervalMinutes: pit ? 1 : 360, crossRegion: false };
        },
        deletionProtection: (p) => bool(p.terminationProtectionEnabled) === true,
        zones: (r) =>
            records(r.props.replicationSpecs)
                .flatMap((s) => records(s.regionConfigs))
                .reduce((n, c) => n + (num(get(c, "electableSpecs.nodeCount")) ?? 0), 0),
        replicatedAcrossRegions: (r) => new Set(records(r.props.replicationSpecs).flatMap((s) => records(s.regionConfigs).map((c) => str(c.regionName)))).size >= 2,
    },
};

/** Every token this module reads, for the rules' type lists (and the SDK guard test). */
export const STORE_RELATED_TYPES: readonly string[] = [
    ...KEY_TYPES,
    "aws:docdb/clusterInstance:ClusterInstance",
    "aws:docdb/globalCluster:GlobalCluster",
    "aws:docdb/subnetGroup:SubnetGroup",
    "aws:elasticache/subnetGroup:SubnetGroup",
    "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup",
    "aws:ec2/subnet:Subnet",
    SCHEDULER_JOB,
    STORAGE_BUCKET,
    "aws:backup/selection:Selection",
    "aws:backup/plan:Plan",
    "aws:backup/vault:Vault",
    "gcp:backupdisasterrecovery/backupPlanAssociation:BackupPlanAssociation",
    "gcp:backupdisasterrecovery/backupPlan:BackupPlan",
    "gcp:firestore/backupSchedule:BackupSchedule",
    "azure-native:dataprotection:BackupInstance",
    "azure-native:dataprotection:BackupVault",
    "azure-native:dataprotection:BackupPolicy",
    "azure-native:redis:LinkedServer",
    "azure-native:redisenterprise:Database",
    "mongodbatlas:index/cloudBackupSchedule:CloudBackupSchedule",
];

export interface DataStore {
    readonly resource: StackResource;
    readonly spec: StoreSpec;
}

export function dataStores(stack: StackView): DataStore[] {
    return stack.resources.flatMap((r) => {
        const spec = STORES[r.type];
        return spec ? [{ resource: r, spec }] : [];
    });
}

// ---------------------------------------------------------------------------------------
// Backups kept by other resources.

const UNIT_DAYS: Record<string, number> = { days: 1, weeks: 7, months: 30, years: 365 };

/** Minutes between runs of an AWS Backup cron schedule, e.g. cron(0 5 ? * * *). */
export function cronIntervalMinutes(schedule: string | undefined): number {
    const m = /^cron\((.+)\)$/.exec(schedule?.trim() ?? "");
    if (!m) return 1440;
    const [minute, hour, dayOfMonth, , dayOfWeek] = m[1].split(/\s+/);
    const count = (field: string | undefined, span: number): number => {
        if (field === undefined || field === "*" || field === "?") return span;
        const step = /^(?:\*|\d+)\/(\d+)$/.exec(field);
        if (step) return Math.ceil(span / Number(step[1]));
        return field.split(",").length;
    };
    const perHour = minute === "*" ? 60 : count(minute, 60);
    const perDay = count(hour, 24) * perHour;
    const daily = dayOfMonth === "*" || dayOfMonth === "?" ? (dayOfWeek === "*" || dayOfWeek === "?" ? 1 : 7 / count(dayOfWeek, 7)) : 30 / count(dayOfMonth, 30);
    return Math.round((1440 / perDay) * daily);
}

function awsBackupCoverage(store: StackResource, stack: StackView): Coverage[] {
    const selections = stack.dependentsOf(store.urn).filter((d) => d.type === "aws:backup/selection:Selection");
    return selections.flatMap((sel) =>
        stack
            .dependenciesOf(sel)
            .filter((d) => d.type === "aws:backup/plan:Plan")
            .flatMap((plan) => {
                const home = regionOf(plan);
                const vaults = stack.dependenciesOf(plan).filter((d) => d.type === "aws:backup/vault:Vault");
                return records(plan.props.rules).map((rule): Coverage => {
                    const deleteAfter = num(get(rule, "lifecycle.deleteAfter"));
                    const crossRegion = records(rule.copyActions).some((c) => {
                        const arn = known(() => str(c.destinationVaultArn));
                        if (arn.known && arn.value) return arn.value.split(":")[3] !== home;
                        return vaults.some((v) => regionOf(v) !== home);
                    });
                    const continuous = bool(rule.enableContinuousBackup) === true;
                    return {
                        via: `AWS Backup plan ${plan.name}`,
                        retentionDays: deleteAfter ?? Number.POSITIVE_INFINITY,
                        intervalMinutes: continuous ? 5 : cronIntervalMinutes(str(rule.schedule)),
                        crossRegion,
                    };
                });
            }),
    );
}

const RECURRENCE_MINUTES: Record<string, number> = { DAILY: 1440, WEEKLY: 10080, MONTHLY: 43200, YEARLY: 525600 };

function gcpBackupCoverage(store: StackResource, stack: StackView): Coverage[] {
    const associations = stack.dependentsOf(store.urn).filter((d) => d.type === "gcp:backupdisasterrecovery/backupPlanAssociation:BackupPlanAssociation");
    const firestoreSchedules = stack.dependentsOf(store.urn).filter((d) => d.type === "gcp:firestore/backupSchedule:BackupSchedule");
    return [
        ...associations.flatMap((a) =>
            stack
                .dependenciesOf(a)
                .filter((d) => d.type === "gcp:backupdisasterrecovery/backupPlan:BackupPlan")
                .flatMap((plan) =>
                    records(plan.props.backupRules).map((rule): Coverage => {
                        const recurrence = str(get(rule, "standardSchedule.recurrenceType")) ?? "DAILY";
                        const hourly = recurrence === "HOURLY" ? (num(get(rule, "standardSchedule.hourlyFrequency")) ?? 1) * 60 : undefined;
                        return { via: `Backup and DR plan ${plan.name}`, retentionDays: num(rule.backupRetentionDays) ?? 0, intervalMinutes: hourly ?? RECURRENCE_MINUTES[recurrence] ?? 1440, crossRegion: false };
                    }),
                ),
        ),
        ...firestoreSchedules.map((s): Coverage => ({
            via: `Firestore backup schedule ${s.name}`,
            retentionDays: durationDays(s.props.retention) ?? 0,
            intervalMinutes: s.props.weeklyRecurrence !== undefined ? 10080 : 1440,
            crossRegion: false,
        })),
    ];
}

/** ISO-8601 repeating interval "R/<start>/P1D" → minutes. */
function repeatingIntervalMinutes(intervals: unknown): number {
    const first = strings(intervals)[0];
    const days = durationDays(first?.split("/").pop());
    return days === undefined ? 1440 : Math.round(days * 1440);
}

function azureBackupCoverage(store: StackResource, stack: StackView): Coverage[] {
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

function atlasScheduleCoverage(store: StackResource, stack: StackView): Coverage[] {
    const primaryRegion = str(
        records(store.props.replicationSpecs)
            .flatMap((s) => records(s.regionConfigs))
            .sort((a, b) => (num(b.priority) ?? 0) - (num(a.priority) ?? 0))[0]?.regionName,
    );
    return stack
        .dependentsOf(store.urn)
        .filter((d) => d.type === "mongodbatlas:index/cloudBackupSchedule:CloudBackupSchedule")
        .map((s): Coverage => {
            const items = [get(s.props, "policyItemHourly"), get(s.props, "policyItemDaily"), ...list(s.props.policyItemWeeklies), ...list(s.props.policyItemMonthlies), ...list(s.props.policyItemYearlies)].filter((i) => i !== undefined);
            const retention = items.map((i) => (num(get(i, "retentionValue")) ?? 0) * (UNIT_DAYS[str(get(i, "retentionUnit"))?.toLowerCase() ?? ""] ?? 0));
            const hourly = get(s.props, "policyItemHourly");
            const interval = bool(store.props.pitEnabled) === true ? 1 : hourly !== undefined ? (num(get(hourly, "frequencyInterval")) ?? 6) * 60 : 1440;
            const crossRegion = records(s.props.copySettings).some(
                (c) => isSet(c.regionName) && str(c.regionName) !== primaryRegion && (strings(c.frequencies).length > 0 || records(c.copyPolicyItems).length > 0 || isSet(c.lastNumberOfSnapshots)),
            );
            return { via: `Atlas backup schedule ${s.name}`, retentionDays: retention.length ? Math.max(...retention) : 0, intervalMinutes: interval, crossRegion };
        });
}

/** Every backup mechanism covering the store, its own first. */
export function coveragesOf(store: DataStore, stack: StackView): Coverage[] {
    const own = store.spec.ownBackup?.(store.resource, stack);
    return [
        ...(own ? [own] : []),
        ...awsBackupCoverage(store.resource, stack),
        ...gcpBackupCoverage(store.resource, stack),
        ...azureBackupCoverage(store.resource, stack),
        ...atlasScheduleCoverage(store.resource, stack),
    ];
}


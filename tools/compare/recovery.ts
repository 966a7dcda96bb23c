/**
 * Achieved RPO/RTO per data store, read from what the plan configures, for two failures:
 * losing a zone and losing the primary region.
 *
 * Figures are the services' documented behaviour, rounded up to whole minutes to stay
 * conservative: synchronous or shared-storage replication loses nothing in a zone loss;
 * asynchronous cross-region replication lags seconds (counted as 1 minute) in AWS global
 * databases and Atlas, and minutes (counted as 5) where the provider documents no bound
 * (Cosmos DB vCore geo-replica, Azure Cache passive geo-replication); a manual promotion
 * plus reconnect takes 15 minutes, an automatic failover 1 (an Atlas cluster whose primary
 * region holds the majority of the votes needs a manual reconfiguration instead:
 * domain/capabilities/database.ts atlasRegionLoss); recreating from a snapshot
 * takes the snapshot interval (RPO) and 30 minutes (RTO). "undefined" = the plan has no
 * copy outside the region, so a region loss is not recoverable from this plan alone.
 */
import { atlasRegionLoss } from "../../domain/capabilities/database";
import type { Plan, PlannedResource } from "../plan/types";
import { atlasRegionConfigs, countOf, hasManagedRedisGeoReplication, hasMemorystoreCrossClusterReplication } from "./plan-queries";

export interface Recovery {
    readonly rpoMinutes: number;
    readonly rtoMinutes: number;
    /** Who must act before service resumes, when nothing fails over on its own (shown beside the figures). */
    readonly manual?: string;
}

export interface DataStoreRecovery {
    readonly store: "database" | "cache";
    readonly service: string;
    readonly resource: string;
    readonly zoneLoss: Recovery;
    readonly regionLoss?: Recovery;
    readonly basis: string;
}

const RDB_PERIOD_MINUTES: Record<string, number> = { ONE_HOUR: 60, SIX_HOURS: 360, TWELVE_HOURS: 720, TWENTY_FOUR_HOURS: 1440 };
const AUTOMATIC_FAILOVER: Recovery = { rpoMinutes: 1, rtoMinutes: 1 };
const MANUAL_PROMOTION_MINUTES = 15;
const SNAPSHOT_RESTORE_MINUTES = 30;
const DAILY = 1440;
/** Synchronous (or shared-storage) replicas in other zones: nothing lost, a minute to fail over. */
const SYNCHRONOUS_FAILOVER: Recovery = { rpoMinutes: 0, rtoMinutes: 1 };
/** An asynchronous cross-region replica, seconds behind, promoted by hand. */
const REPLICA_PROMOTED_BY_HAND: Recovery = { rpoMinutes: 1, rtoMinutes: MANUAL_PROMOTION_MINUTES };
/** A new copy restored from the newest daily snapshot or export. */
const DAILY_SNAPSHOT_RESTORE: Recovery = { rpoMinutes: DAILY, rtoMinutes: SNAPSHOT_RESTORE_MINUTES };
const MEMORYSTORE_EXPORT = /^https:\/\/redis\.googleapis\.com\/v1\/projects\/[^/]+\/locations\/[^/]+\/instances\/[^/]+:export$/;

function primaryOf(plan: Plan, type: string): PlannedResource | undefined {
    // The DR copy of a store is registered under a dr-* component; the primary is the first.
    return plan.resources.find((r) => r.type === type);
}

/** A Cloud Scheduler job that calls Memorystore's `instances.export` (the DR copy of an
 * instance, which cannot replicate across regions). */
function hasScheduledMemorystoreExport(plan: Plan): boolean {
    return plan.resources.some((r) => {
        if (r.type !== "gcp:cloudscheduler/job:Job") return false;
        const target = (r.inputs.httpTarget ?? {}) as Record<string, unknown>;
        return typeof target.uri === "string" && MEMORYSTORE_EXPORT.test(target.uri);
    });
}

/**
 * Electable nodes per shard in the highest-priority region and in all others (the first
 * replication spec; every shard has the same). A region loss elects a new primary on its own
 * only if the others hold a majority of the votes.
 */
function atlasElectableSplit(cluster: PlannedResource): { regions: number; primary: number; others: number } {
    const specs = (Array.isArray(cluster.inputs.replicationSpecs) ? cluster.inputs.replicationSpecs : []) as Record<string, unknown>[];
    const configs = atlasRegionConfigs({ ...cluster, inputs: { replicationSpecs: specs.slice(0, 1) } })
        .map((rc) => ({ priority: Number(rc.priority ?? 0), nodes: Number(((rc.electableSpecs ?? {}) as Record<string, unknown>).nodeCount ?? 0) }))
        .filter((rc) => rc.nodes > 0)
        .sort((a, b) => b.priority - a.priority);
    const primary = configs[0]?.nodes ?? 0;
    return { regions: configs.length, primary, others: configs.slice(1).reduce((n, rc) => n + rc.nodes, 0) };
}

export function dataStoreRecovery(plan: Plan): DataStoreRecovery[] {
    const rows: DataStoreRecovery[] = [];
    const docdb = primaryOf(plan, "aws:docdb/cluster:Cluster");
    if (docdb) {
        const instances = countOf(plan, "aws:docdb/clusterInstance:ClusterInstance");
        const global = countOf(plan, "aws:docdb/globalCluster:GlobalCluster") > 0;
        rows.push({
            store: "database",
            service: "Amazon DocumentDB",
            resource: docdb.name,
            zoneLoss: instances >= 2 ? SYNCHRONOUS_FAILOVER : { rpoMinutes: 0, rtoMinutes: 10 },
            regionLoss: global ? REPLICA_PROMOTED_BY_HAND : undefined,
            basis: `storage kept in six copies across three zones; ${instances >= 2 ? "replica promoted automatically" : "single instance is replaced"}${global ? "; global cluster secondary promoted" : ""}`,
        });
    }
    const atlas = primaryOf(plan, "mongodbatlas:index/advancedCluster:AdvancedCluster");
    if (atlas) {
        const split = atlasElectableSplit(atlas);
        const loss = split.regions >= 2 ? atlasRegionLoss(split.primary, split.others) : undefined;
        rows.push({
            store: "database",
            service: "MongoDB Atlas",
            resource: atlas.name,
            zoneLoss: SYNCHRONOUS_FAILOVER,
            regionLoss: loss
                ? { rpoMinutes: loss.rpoMinutes, rtoMinutes: loss.rtoMinutes, ...(loss.automatic ? {} : { manual: "on-call reconfigures in the Atlas UI; majority writes may be lost" }) }
                : undefined,
            basis: loss ? `electable nodes in ${split.regions} regions (${split.primary} + ${split.others}): ${loss.statement}` : "replica set in one region",
        });
    }
    const mongoClusters = plan.resources.filter((r) => r.type === "azure-native:mongocluster:MongoCluster");
    if (mongoClusters.length > 0) {
        const primary = mongoClusters[0];
        const ha = JSON.stringify(primary.inputs).includes("ZoneRedundant");
        rows.push({
            store: "database",
            service: "Azure Cosmos DB for MongoDB vCore",
            resource: primary.name,
            zoneLoss: ha ? SYNCHRONOUS_FAILOVER : { rpoMinutes: 0, rtoMinutes: SNAPSHOT_RESTORE_MINUTES },
            regionLoss: mongoClusters.length >= 2 ? { rpoMinutes: 5, rtoMinutes: MANUAL_PROMOTION_MINUTES } : undefined,
            basis: `${ha ? "zone-redundant HA standby" : "no HA standby"}${mongoClusters.length >= 2 ? "; geo-replica promoted by hand" : ""}`,
        });
    }
    const rg = primaryOf(plan, "aws:elasticache/replicationGroup:ReplicationGroup");
    if (rg) {
        const failover = rg.inputs.automaticFailoverEnabled === true && rg.inputs.multiAzEnabled === true;
        const global = countOf(plan, "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup") > 0;
        rows.push({
            store: "cache",
            service: "Amazon ElastiCache",
            resource: rg.name,
            zoneLoss: failover ? AUTOMATIC_FAILOVER : DAILY_SNAPSHOT_RESTORE,
            regionLoss: global ? REPLICA_PROMOTED_BY_HAND : undefined,
            basis: `${failover ? "Multi-AZ automatic failover" : "daily snapshot only"}${global ? "; global datastore secondary promoted" : ""}`,
        });
    }
    const memorystore = primaryOf(plan, "gcp:redis/instance:Instance");
    if (memorystore) {
        const ha = memorystore.inputs.tier === "STANDARD_HA";
        const persistence = (memorystore.inputs.persistenceConfig ?? {}) as Record<string, unknown>;
        const rdb = RDB_PERIOD_MINUTES[String(persistence.rdbSnapshotPeriod)] ?? DAILY;
        const exported = hasScheduledMemorystoreExport(plan);
        rows.push({
            store: "cache",
            service: "Memorystore for Redis",
            resource: memorystore.name,
            zoneLoss: ha ? AUTOMATIC_FAILOVER : { rpoMinutes: rdb, rtoMinutes: SNAPSHOT_RESTORE_MINUTES },
            // The export runs once a day; recovery imports the newest one into a new instance.
            regionLoss: exported ? DAILY_SNAPSHOT_RESTORE : undefined,
            basis: `${ha ? "STANDARD_HA replica in another zone" : "RDB snapshots"}; ${
                exported
                    ? "no cross-region replica, but a daily RDB export to a bucket in another region is imported into a new instance there"
                    : "a Memorystore instance has no cross-region replica"
            }`,
        });
    }
    const memorystoreCluster = primaryOf(plan, "gcp:redis/cluster:Cluster");
    if (memorystoreCluster) {
        const crossRegion = hasMemorystoreCrossClusterReplication(plan);
        rows.push({
            store: "cache",
            service: "Memorystore for Redis Cluster",
            resource: memorystoreCluster.name,
            zoneLoss: AUTOMATIC_FAILOVER,
            regionLoss: crossRegion ? REPLICA_PROMOTED_BY_HAND : undefined,
            basis: `replicas in other zones${crossRegion ? "; cross-region secondary cluster promoted" : ""}`,
        });
    }
    const azureRedis = primaryOf(plan, "azure-native:redis:Redis");
    if (azureRedis) {
        const zonal = Array.isArray(azureRedis.inputs.zones) && azureRedis.inputs.zones.length >= 2;
        const linked = countOf(plan, "azure-native:redis:LinkedServer") > 0;
        rows.push({
            store: "cache",
            service: "Azure Cache for Redis",
            resource: azureRedis.name,
            zoneLoss: zonal ? AUTOMATIC_FAILOVER : { rpoMinutes: 1, rtoMinutes: 5 },
            regionLoss: linked ? { rpoMinutes: 5, rtoMinutes: MANUAL_PROMOTION_MINUTES } : undefined,
            basis: `${zonal ? "replicas across zones" : "primary/replica pair"}${linked ? "; passive geo-replica unlinked and promoted by hand" : ""}`,
        });
    }
    const managedRedis = primaryOf(plan, "azure-native:redisenterprise:RedisEnterprise");
    if (managedRedis) {
        const geo = hasManagedRedisGeoReplication(plan);
        const ha = managedRedis.inputs.highAvailability === "Enabled";
        rows.push({
            store: "cache",
            service: "Azure Managed Redis",
            resource: managedRedis.name,
            zoneLoss: ha ? AUTOMATIC_FAILOVER : DAILY_SNAPSHOT_RESTORE,
            regionLoss: geo ? REPLICA_PROMOTED_BY_HAND : undefined,
            basis: `${ha ? "zone-redundant replicas" : "no replica"}${geo ? "; active geo-replication: clients are pointed at the DR database" : ""}`,
        });
    }
    return rows;
}

/** Whether a recovery meets the stack's targets; a missing region copy fails. */
export function meetsTargets(recovery: Recovery | undefined, rpoMinutes: number, rtoMinutes: number): boolean {
    return recovery !== undefined && recovery.rpoMinutes <= rpoMinutes && recovery.rtoMinutes <= rtoMinutes;
}

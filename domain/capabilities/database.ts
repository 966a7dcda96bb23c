/**
 * What each database service can do, checked before any resource exists.
 *
 * The stack asks for a database by engine (`native` | `atlas`); which managed service that
 * becomes depends on the cloud:
 *
 *   aws   native → Amazon DocumentDB (instance-based cluster; a global cluster for DR)
 *   gcp   native → MongoDB Atlas on GCP (Google Cloud has no managed MongoDB-compatible service)
 *   azure native → Azure Cosmos DB for MongoDB vCore (a replica cluster for DR)
 *   any   atlas  → MongoDB Atlas on the stack's cloud
 *
 * Each service has hard limits (Atlas elects from an odd number of voting members; vCore
 * has one standby per shard; DocumentDB does not shard). Asking for something outside them
 * is a config error that names the key, the value and what the service allows, instead of a
 * failed `pulumi up` half an hour into cluster creation.
 */
import { ATLAS_ELECTABLE_TOTALS, ATLAS_REGION_LOSS } from "../catalogs/atlas";
import { AZURE_VCORE_STORAGE_SIZES_GB } from "../catalogs/azure";
import type { Cloud } from "../clouds";
import type { DatabaseEngine, DatabaseSettings, Size } from "../stack-config";

export type DatabaseService = "documentdb" | "atlas" | "cosmos-vcore";

export const DATABASE_SERVICE_NAMES: Readonly<Record<DatabaseService, string>> = {
    documentdb: "Amazon DocumentDB",
    atlas: "MongoDB Atlas",
    "cosmos-vcore": "Azure Cosmos DB for MongoDB vCore",
};

/** The managed service a stack's database runs on. */
export function databaseService(cloud: Cloud, engine: DatabaseEngine): DatabaseService {
    if (engine === "atlas" || cloud === "gcp") return "atlas";
    return cloud === "aws" ? "documentdb" : "cosmos-vcore";
}

/**
 * The server version each service runs: not a config key, and chosen per service, so it lives
 * here rather than in the profiles. The composition (program/platform.ts) passes the entry of
 * the stack's service as `DatabaseArgs.version`; implementations never default it.
 */
export const DATABASE_VERSIONS: Readonly<Record<DatabaseService, string>> = {
    documentdb: "5.0.0",
    atlas: "8.0",
    "cosmos-vcore": "7.0",
};

/** Electable nodes Atlas places in the DR region in prod: two, so a DR-region outage never
 * costs the primary region its majority, and the DR region holds a full copy on two nodes.
 * The reverse does not hold: see {@link atlasRegionLoss}. */
export const ATLAS_DR_ELECTABLE_NODES = 2;
/** Atlas allows at most seven electable (voting) members per replica set. */
export const ATLAS_MAX_ELECTABLE_NODES = Math.max(...ATLAS_ELECTABLE_TOTALS.value);

/**
 * Losing the primary region with the majority of the electable nodes in it: an estimate, as
 * Atlas documents no figure. Paging and the decision to declare the region lost (15 min), the
 * Atlas UI reconfiguration being applied and a DR-region node elected (30 min), applications
 * reconnecting and the runbook checks (15 min).
 */
export const ATLAS_MANUAL_REGION_FAILOVER_MINUTES = 60;
/** Writes the DR nodes had not received yet: normally seconds; the replication-lag alert
 * (OPLOG_SLAVE_LAG_MASTER_TIME) fires above 60 s. */
export const ATLAS_DR_REPLICATION_LAG_MINUTES = 1;

export interface AtlasRegionLoss {
    /** True when the regions left after losing the primary region hold a majority of the votes. */
    readonly automatic: boolean;
    readonly rpoMinutes: number;
    readonly rtoMinutes: number;
    /** What happens, who acts, and what can be lost: for outputs, docs and compare. */
    readonly statement: string;
}

/**
 * What losing the primary (highest-priority) region does to an Atlas cluster with
 * `primaryElectable` voting nodes there and `otherElectable` in the other regions.
 */
export function atlasRegionLoss(primaryElectable: number, otherElectable: number): AtlasRegionLoss {
    const total = primaryElectable + otherElectable;
    const majority = Math.floor(total / 2) + 1;
    if (otherElectable >= majority) {
        return {
            automatic: true,
            rpoMinutes: ATLAS_DR_REPLICATION_LAG_MINUTES,
            rtoMinutes: 1,
            statement: `losing the primary region leaves ${otherElectable} of ${total} electable nodes, a majority: a node in another region is elected primary automatically`,
        };
    }
    return {
        automatic: false,
        rpoMinutes: ATLAS_DR_REPLICATION_LAG_MINUTES,
        rtoMinutes: ATLAS_MANUAL_REGION_FAILOVER_MINUTES,
        statement:
            `losing the primary region leaves ${otherElectable} of ${total} electable nodes, short of the ${majority} needed: no primary is elected and the database stays read-only ` +
            `until the on-call engineer reconfigures the cluster in the Atlas UI (${ATLAS_REGION_LOSS.value.minorityRecovery}; docs/database.md, Regional failover), which elects a DR-region node; ` +
            `RTO about ${ATLAS_MANUAL_REGION_FAILOVER_MINUTES} min (estimate). Write concern "majority" does not protect these writes: ${majority} primary-region nodes are a majority, ` +
            `so an acknowledged write may exist only in the lost region; it is rolled back when that region returns. RPO: the DR nodes' replication lag at the time ` +
            `(normally seconds; alerted above 60 s), counted as ${ATLAS_DR_REPLICATION_LAG_MINUTES} min`,
    };
}
/** A DocumentDB cluster holds at most 16 instances (one writer, 15 replicas). */
export const DOCUMENTDB_MAX_INSTANCES = 16;
/** Cosmos DB vCore: one primary per shard, plus one standby in another zone when HA is on. */
export const VCORE_HA_NODES = 2;

/**
 * Atlas cluster tiers per size. M10 is the smallest dedicated tier (backups, private
 * endpoints and customer-key encryption all need a dedicated tier); sharded clusters need M30.
 */
export const ATLAS_INSTANCE_SIZES: Readonly<Record<Size, string>> = {
    small: "M10",
    medium: "M30",
    large: "M40",
    xlarge: "M50",
};
const ATLAS_MIN_SHARDED_SIZE: Size = "medium";

/** DocumentDB global clusters (our prod DR) run on memory-optimized r5/r6g classes only,
 * not on the burstable t4g class the small size uses. */
const DOCUMENTDB_MIN_GLOBAL_SIZE: Size = "medium";

const SIZE_ORDER: readonly Size[] = ["small", "medium", "large", "xlarge"];
const atLeast = (size: Size, min: Size) => SIZE_ORDER.indexOf(size) >= SIZE_ORDER.indexOf(min);

/** Daily snapshots are the only restore points without point-in-time recovery. */
const SNAPSHOT_INTERVAL_MINUTES = 24 * 60;

/**
 * The number of primary-region voting members when the stack file does not say: what the
 * service needs to fail over inside the region in prod, and its cheapest valid shape otherwise.
 */
export function defaultDatabaseNodes(service: DatabaseService, isProd: boolean): number {
    switch (service) {
        case "documentdb":
            return isProd ? 3 : 1;
        case "atlas":
            // Atlas always runs a replica set of at least three members, staging included.
            return 3;
        case "cosmos-vcore":
            return isProd ? VCORE_HA_NODES : 1;
    }
}

export interface DatabaseContext {
    readonly cloud: Cloud;
    /** A DR region is configured: prod always has one, and it receives a database replica. */
    readonly hasDr: boolean;
    /** The stack's recovery point objective; checked against what the backups deliver when given. */
    readonly rpoMinutes?: number;
}

export interface DatabaseProblem {
    /** The config key without namespace, e.g. `databaseShards`. */
    readonly key: "databaseNodes" | "databaseReadReplicas" | "databaseShards" | "databaseSize" | "databasePointInTimeRecovery" | "backupRetentionDays" | "rpoMinutes" | "databaseStorageGb";
    readonly message: string;
}

/** Why the database settings cannot be built on the stack's service; empty when they can. */
export function databaseConfigProblems(settings: DatabaseSettings, ctx: DatabaseContext): DatabaseProblem[] {
    const service = databaseService(ctx.cloud, settings.engine);
    const name = DATABASE_SERVICE_NAMES[service];
    const problems: DatabaseProblem[] = [];
    const add = (key: DatabaseProblem["key"], message: string) => problems.push({ key, message });

    switch (service) {
        case "documentdb": {
            if (settings.shards > 1) {
                add(
                    "databaseShards",
                    `${name} instance-based clusters do not shard; allowed: 1. DocumentDB Elastic Clusters shard but have no global-cluster DR, reader endpoint or audit log, so the platform does not use them: set databaseEngine=atlas for a sharded cluster`,
                );
            }
            const instances = settings.nodes + settings.readReplicas;
            if (instances > DOCUMENTDB_MAX_INSTANCES) {
                add(
                    "databaseReadReplicas",
                    `${name} holds at most ${DOCUMENTDB_MAX_INSTANCES} instances per cluster; databaseNodes (${settings.nodes}) + databaseReadReplicas (${settings.readReplicas}) = ${instances}`,
                );
            }
            if (!settings.pointInTimeRecovery) {
                add(
                    "databasePointInTimeRecovery",
                    `${name} always restores to any second of the backup retention window and cannot turn that off; allowed: true`,
                );
            }
            if (ctx.hasDr && !atLeast(settings.size, DOCUMENTDB_MIN_GLOBAL_SIZE)) {
                add(
                    "databaseSize",
                    `${name} global clusters (the DR replica) need memory-optimized instances; size ${settings.size} is a burstable db.t4g class: allowed ${SIZE_ORDER.filter((s) => atLeast(s, DOCUMENTDB_MIN_GLOBAL_SIZE)).join(", ")}`,
                );
            }
            break;
        }
        case "atlas": {
            const drNodes = ctx.hasDr ? ATLAS_DR_ELECTABLE_NODES : 0;
            const allowed = [3, 5, 7].filter((n) => n + drNodes <= ATLAS_MAX_ELECTABLE_NODES && (n + drNodes) % 2 === 1);
            if (!allowed.includes(settings.nodes)) {
                const drNote = ctx.hasDr ? ` with ${drNodes} more in the DR region` : "";
                add(
                    "databaseNodes",
                    `${name} replica sets elect from an odd number of voting members, 3 to ${ATLAS_MAX_ELECTABLE_NODES} in all${drNote}; allowed: ${allowed.join(", ")}`,
                );
            }
            if (settings.shards > 1 && !atLeast(settings.size, ATLAS_MIN_SHARDED_SIZE)) {
                add(
                    "databaseSize",
                    `${name} sharded clusters need tier M30 or larger; size ${settings.size} is ${ATLAS_INSTANCE_SIZES[settings.size]}: allowed ${SIZE_ORDER.filter((s) => atLeast(s, ATLAS_MIN_SHARDED_SIZE)).join(", ")} with databaseShards ${settings.shards}`,
                );
            }
            if (!settings.pointInTimeRecovery && ctx.rpoMinutes !== undefined && ctx.rpoMinutes < SNAPSHOT_INTERVAL_MINUTES) {
                add(
                    "rpoMinutes",
                    `an RPO of ${ctx.rpoMinutes} minutes needs point-in-time recovery: without it the newest restore point is the daily snapshot (${SNAPSHOT_INTERVAL_MINUTES} minutes); set databasePointInTimeRecovery=true or rpoMinutes >= ${SNAPSHOT_INTERVAL_MINUTES}`,
                );
            }
            break;
        }
        case "cosmos-vcore": {
            // Storage per shard comes in fixed sizes only; the value is never rounded for the user.
            const sizes = AZURE_VCORE_STORAGE_SIZES_GB.value;
            if (!sizes.includes(settings.storageGb)) {
                const next = sizes.find((gb) => gb > settings.storageGb);
                add(
                    "databaseStorageGb",
                    `${settings.storageGb} is not a storage size ${name} offers; allowed (GiB per shard): ${sizes.join(", ")}${next === undefined ? "" : ` (next size up: ${next})`}`,
                );
            }
            if (settings.nodes > VCORE_HA_NODES) {
                add(
                    "databaseNodes",
                    `${name} runs one primary per shard plus, with high availability, one standby in another zone; allowed: 1 (no HA, staging) or ${VCORE_HA_NODES} (HA)`,
                );
            }
            if (settings.readReplicas > 0) {
                add(
                    "databaseReadReplicas",
                    `${name} has no in-region read replicas (its replica cluster lives in another region and serves as the DR replica here); allowed: 0, or databaseEngine=atlas for read-only nodes`,
                );
            }
            if (!settings.pointInTimeRecovery) {
                add(
                    "databasePointInTimeRecovery",
                    `${name} always keeps continuous backups with point-in-time restore and cannot turn them off; allowed: true`,
                );
            }
            break;
        }
    }
    return problems;
}

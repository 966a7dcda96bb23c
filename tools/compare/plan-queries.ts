/**
 * Questions the comparisons ask of a plan's resources. Capability parity and recovery read
 * the same facts (does the cache replicate across regions, in which regions does Atlas place
 * nodes); answering each in one place keeps the two tables from disagreeing.
 */
import type { Plan, PlannedResource } from "../plan/types";

export function countOf(plan: Plan, type: string): number {
    return plan.resources.filter((r) => r.type === type).length;
}

/** Databases an Azure Managed Redis database is geo-replicated with (itself included). */
export function geoLinkedDatabases(r: PlannedResource): number {
    const geo = (r.inputs.geoReplication ?? {}) as Record<string, unknown>;
    return Array.isArray(geo.linkedDatabases) ? geo.linkedDatabases.length : 0;
}

/** An Azure Managed Redis database belongs to a geo-replication group with another member. */
export function hasManagedRedisGeoReplication(plan: Plan): boolean {
    return plan.resources.some((r) => r.type === "azure-native:redisenterprise:Database" && geoLinkedDatabases(r) >= 2);
}

/** A Memorystore for Redis Cluster replicates from another cluster (a cross-region secondary). */
export function hasMemorystoreCrossClusterReplication(plan: Plan): boolean {
    return plan.resources.some((r) => r.type === "gcp:redis/cluster:Cluster" && r.inputs.crossClusterReplicationConfig !== undefined);
}

/** Every region config of an Atlas cluster, across its replication specs (one per shard). */
export function atlasRegionConfigs(cluster: PlannedResource): Record<string, unknown>[] {
    const specs = (Array.isArray(cluster.inputs.replicationSpecs) ? cluster.inputs.replicationSpecs : []) as Record<string, unknown>[];
    return specs.flatMap((spec) => (Array.isArray(spec.regionConfigs) ? spec.regionConfigs : []) as Record<string, unknown>[]);
}

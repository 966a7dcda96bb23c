/**
 * A Memorystore for Redis instance (one shard): STANDARD_HA across two zones when it has
 * replicas, on private services access with Redis AUTH. It cannot replicate across regions,
 * so in prod its DR copy is a daily export to the DR region (components/gcp/cache-export.ts).
 */
import { Instance } from "@pulumi/gcp/redis/instance";
import * as pulumi from "@pulumi/pulumi";
import { defaultCacheVersion, GCP_INSTANCE_MEMORY_GB, GCP_READ_REPLICAS_MIN_GB } from "../../domain/capabilities/cache";
import { GCP_REDIS_MEMORY } from "../../domain/catalogs/gcp";
import type { CacheSettings } from "../../domain/stack-config";
import { secretRedisConnectionString, type CacheArgs } from "../contracts/cache";
import type { GcpTypes } from ".";
import type { GcpMemorystore } from "./cache";
import { gcpCacheExport, type GcpCacheExport } from "./cache-export";
import { MAINTENANCE_SUNDAY_05_UTC, memorystoreName, rdbSnapshotPeriod } from "./memorystore";

/** `7.2` → `REDIS_7_2`, what `redis.Instance.redisVersion` takes. */
export function memorystoreRedisVersion(version: string): string {
    const match = /^(\d+)\.(\d+)$/.exec(version);
    if (!match) throw new Error(`version "${version}" must be major.minor, e.g. ${defaultCacheVersion("gcp", "redis")}`);
    return `REDIS_${match[1]}_${match[2]}`;
}

export interface GcpInstanceShape {
    readonly tier: "BASIC" | "STANDARD_HA";
    readonly memorySizeGb: number;
    readonly replicaCount?: number;
    readonly readReplicasMode?: "READ_REPLICAS_ENABLED" | "READ_REPLICAS_DISABLED";
}

/**
 * No replica: a BASIC instance (staging). Replicas: STANDARD_HA across two zones, with read
 * replicas (and their read endpoint) when the instance is large enough to serve them;
 * otherwise the one failover replica STANDARD_HA always has.
 */
export function gcpInstanceShape(size: CacheSettings["size"], replicasPerShard: number): GcpInstanceShape {
    const memorySizeGb = GCP_INSTANCE_MEMORY_GB[size];
    if (replicasPerShard === 0) return { tier: "BASIC", memorySizeGb };
    const readReplicas = memorySizeGb >= GCP_READ_REPLICAS_MIN_GB;
    return {
        tier: "STANDARD_HA",
        memorySizeGb,
        replicaCount: readReplicas ? replicasPerShard : 1,
        readReplicasMode: readReplicas ? "READ_REPLICAS_ENABLED" : "READ_REPLICAS_DISABLED",
    };
}

/**
 * `redisConfigs` reserving memory for forks: an RDB snapshot or export forks like BGSAVE, and
 * copy-on-write under writes can need up to twice the data's memory. maxmemory at 80% of
 * capacity (Google's setting for exports and other heavy operations; the floor is 20%) keeps
 * that headroom; the system-memory alert at 50% says when tonight's export is at risk.
 * An instance that never forks keeps the default (maxmemory = capacity).
 */
export function gcpMaxmemoryConfig(memorySizeGb: number, forks: boolean): Record<string, string> | undefined {
    if (!forks) return undefined;
    const { maxmemoryFraction, maxmemoryFloorFraction, maxmemoryConfig } = GCP_REDIS_MEMORY;
    const fraction = Math.max(maxmemoryFraction.value, maxmemoryFloorFraction.value);
    return { [maxmemoryConfig.value]: String(Number((fraction * memorySizeGb).toFixed(1))) };
}

export interface GcpInstanceCache extends GcpMemorystore {
    /** Prod: the daily export to the DR region. */
    readonly exported?: GcpCacheExport;
}

/** The instance and, with a DR region, its daily export there. */
export function memorystoreInstance(name: string, args: CacheArgs<GcpTypes>, parent: pulumi.Resource): GcpInstanceCache {
    const { site, keys, network, alerts, dr } = args;
    const instanceName = memorystoreName(site.namePrefix, "cache");
    const shape = gcpInstanceShape(args.size, args.replicasPerShard);
    const isProd = args.environment === "prod";
    const instance = new Instance(
        `${name}-instance`,
        {
            project: site.project,
            region: site.region,
            name: instanceName,
            displayName: `${site.namePrefix} cache`,
            redisVersion: memorystoreRedisVersion(args.version),
            tier: shape.tier,
            memorySizeGb: shape.memorySizeGb,
            replicaCount: shape.replicaCount,
            readReplicasMode: shape.readReplicasMode,
            locationId: site.zones[0],
            alternativeLocationId: shape.tier === "STANDARD_HA" ? site.zones[1] : undefined,
            authorizedNetwork: network.networkId,
            connectMode: "PRIVATE_SERVICE_ACCESS",
            // Read through the peering's output, so the instance waits for private
            // services access to exist, not just for its address range.
            reservedIpRange: pulumi.all([network.privateServiceRangeName, network.privateServiceConnectionId]).apply(([range]) => range),
            authEnabled: true,
            transitEncryptionMode: "SERVER_AUTHENTICATION",
            customerManagedKey: keys.keyId,
            persistenceConfig: args.persistence === "rdb" ? { persistenceMode: "RDB", rdbSnapshotPeriod: rdbSnapshotPeriod(isProd) } : { persistenceMode: "DISABLED" },
            // RDB snapshots and the DR export both fork.
            redisConfigs: gcpMaxmemoryConfig(shape.memorySizeGb, args.persistence === "rdb" || dr !== undefined),
            maintenancePolicy: { weeklyMaintenanceWindows: [MAINTENANCE_SUNDAY_05_UTC] },
            deletionProtection: args.protect,
        },
        // Keys grant Memorystore's service agent use of the key first.
        { parent, provider: site.provider, protect: args.protect, dependsOn: [site.services, keys] },
    );
    // An instance cannot replicate across regions: its DR copy is a daily export.
    const exported = dr
        ? gcpCacheExport(
              name,
              { site, dr: { site: dr.site, keys: dr.keys }, alerts, instance, instanceName, retentionDays: args.backupRetentionDays, protect: args.protect },
              parent,
          )
        : undefined;
    return {
        host: instance.host,
        port: instance.port,
        connectionString: secretRedisConnectionString(instance.host, instance.port, instance.authString),
        serverCaCertificates: instance.serverCaCerts.apply((certs) => certs.map((c) => c.cert ?? "").join("\n")),
        resourceId: instance.id,
        crossRegion: dr
            ? {
                  mode: "scheduled-export",
                  region: dr.site.region,
                  note: `daily RDB export to ${dr.site.region} (RPO 24 h): Memorystore for Redis instances cannot replicate across regions, so the snapshot is exported at 02:00 UTC to a versioned bucket there under the DR key and imported into a new instance on a regional failover, so the DR region has no cache endpoint until then (cacheShards 2 or more selects Memorystore Cluster, which replicates)`,
              }
            : { mode: "none", note: "no DR region: the instance lives in one region" },
        exported,
    };
}

/**
 * Memorystore for Redis Cluster (two shards or more): reached through Private Service Connect
 * with IAM authentication, spread over the region's zones, and in prod replicated to a
 * secondary cluster in the DR region.
 */
import { ServiceConnectionPolicy } from "@pulumi/gcp/networkconnectivity/serviceConnectionPolicy";
import { Cluster, type ClusterArgs } from "@pulumi/gcp/redis/cluster";
import type * as pulumi from "@pulumi/pulumi";
import { GCP_CLUSTER_NODES } from "../../domain/capabilities/cache";
import { GCP_REDIS_CLUSTER_SERVICE_CLASS } from "../../domain/catalogs/gcp";
import type { CachePersistence } from "../../domain/stack-config";
import { secretRedisConnectionString, type CacheArgs } from "../contracts/cache";
import type { DataRegion } from "../contracts/region";
import type { GcpTypes } from ".";
import type { GcpMemorystore } from "./cache";
import { MAINTENANCE_SUNDAY_05_UTC, memorystoreName, rdbSnapshotPeriod } from "./memorystore";

/** Memorystore's Private Service Connect service class for Redis Cluster endpoints. */
export const REDIS_CLUSTER_SERVICE_CLASS = GCP_REDIS_CLUSTER_SERVICE_CLASS.value;

export function clusterPersistence(persistence: CachePersistence, isProd: boolean): ClusterArgs["persistenceConfig"] {
    switch (persistence) {
        case "none":
            return { mode: "DISABLED" };
        case "rdb":
            return { mode: "RDB", rdbConfig: { rdbSnapshotPeriod: rdbSnapshotPeriod(isProd) } };
        case "aof":
            // Once a second: at most a second of writes lost, without fsync on every write.
            return { mode: "AOF", aofConfig: { appendFsync: "EVERYSEC" } };
    }
}

/** One region's cluster (`role` "" or "dr-" starts its logical names) with the connection
 * policy that lets Memorystore create its endpoints in that region's data subnet. */
function regionalCluster(name: string, role: string, region: DataRegion<GcpTypes>, clusterName: string, args: CacheArgs<GcpTypes>, extra: Partial<ClusterArgs>, parent: pulumi.Resource): Cluster {
    const { site, network, keys } = region;
    const regionOpts = { parent, provider: site.provider, dependsOn: [site.services] };
    // One per network and region.
    const policy = new ServiceConnectionPolicy(
        `${name}-${role}psc-policy`,
        {
            project: site.project,
            location: site.region,
            name: `${site.namePrefix}-${site.role}-redis`,
            description: `${site.namePrefix} cache: Memorystore for Redis Cluster endpoints in the data tier`,
            network: network.networkId,
            serviceClass: REDIS_CLUSTER_SERVICE_CLASS,
            pscConfig: { subnetworks: network.dataSubnetIds },
        },
        regionOpts,
    );
    return new Cluster(
        `${name}-${role}cluster`,
        {
            project: site.project,
            region: site.region,
            name: clusterName,
            shardCount: args.shards,
            replicaCount: args.replicasPerShard,
            nodeType: GCP_CLUSTER_NODES[args.size].nodeType,
            zoneDistributionConfig: { mode: "MULTI_ZONE" },
            authorizationMode: "AUTH_MODE_IAM_AUTH",
            transitEncryptionMode: "TRANSIT_ENCRYPTION_MODE_SERVER_AUTHENTICATION",
            kmsKey: keys.keyId,
            pscConfigs: [{ network: network.networkId }],
            persistenceConfig: clusterPersistence(args.persistence, args.environment === "prod"),
            maintenancePolicy: { weeklyMaintenanceWindows: [MAINTENANCE_SUNDAY_05_UTC] },
            deletionProtectionEnabled: args.protect,
            ...extra,
        },
        // Keys grant Memorystore's service agent use of the key first.
        { ...regionOpts, protect: args.protect, dependsOn: [site.services, policy, keys] },
    );
}

/** What clients connect to on a cluster: its discovery endpoint (in the network its PSC
 * connection policy serves) and the CA that signs its server certificates. */
function clusterEndpoint(cluster: Cluster) {
    const endpoint = cluster.discoveryEndpoints.apply((endpoints) => endpoints[0]);
    const host = endpoint.apply((e) => e?.address ?? "");
    const port = endpoint.apply((e) => e?.port ?? 6379);
    const serverCaCertificates = cluster.managedServerCas.apply((cas) => cas.flatMap((ca) => ca.caCerts ?? []).flatMap((c) => c.certificates ?? []).join("\n"));
    return { host, port, serverCaCertificates };
}

/** The primary cluster with its automated backups and, with a DR region, its secondary there. */
export function memorystoreCluster(name: string, args: CacheArgs<GcpTypes>, parent: pulumi.Resource): GcpMemorystore {
    const { site, dr } = args;
    const backups: Partial<ClusterArgs> =
        args.persistence === "none"
            ? {}
            : {
                  automatedBackupConfig: {
                      fixedFrequencySchedule: { startTime: { hours: 3 } },
                      retention: `${args.snapshotRetentionDays * 86_400}s`,
                  },
              };
    const primary = regionalCluster(name, "", args, memorystoreName(site.namePrefix, "cache"), args, backups, parent);
    const secondary = dr
        ? regionalCluster(name, "dr-", dr, memorystoreName(dr.site.namePrefix, "cache-dr"), args, { crossClusterReplicationConfig: { clusterRole: "SECONDARY", primaryCluster: { cluster: primary.id } } }, parent)
        : undefined;
    const { host, port, serverCaCertificates } = clusterEndpoint(primary);
    // The secondary's own discovery endpoint, created in the DR network's data subnet by its
    // connection policy: the DR app's only way in (the networks are not connected). It serves
    // reads until a switchover makes it the primary. IAM authentication as on the primary, so
    // the URL carries no credential; its CA is the secondary's own.
    const drEndpoint = secondary && dr ? clusterEndpoint(secondary) : undefined;
    return {
        host,
        port,
        connectionString: secretRedisConnectionString(host, port),
        serverCaCertificates,
        dr:
            drEndpoint && dr
                ? {
                      host: drEndpoint.host,
                      port: drEndpoint.port,
                      connectionString: secretRedisConnectionString(drEndpoint.host, drEndpoint.port),
                      readOnlyUntilFailover: true,
                      note: `Memorystore secondary cluster in ${dr.site.region}: reads only until a switchover makes it the primary (IAM authentication, as on the primary)`,
                  }
                : undefined,
        drServerCaCertificates: drEndpoint?.serverCaCertificates,
        resourceId: primary.name,
        crossRegion: dr
            ? {
                  mode: "cross-cluster-replication",
                  region: dr.site.region,
                  note: `Memorystore cross-cluster replication: read-only secondary cluster in ${dr.site.region}, switched over by hand on a regional failover`,
              }
            : { mode: "none", note: "no DR region: the cluster spans the zones of one region" },
    };
}

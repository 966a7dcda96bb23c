import { AlertPolicy } from "@pulumi/gcp/monitoring/alertPolicy";
import { ServiceConnectionPolicy } from "@pulumi/gcp/networkconnectivity/serviceConnectionPolicy";
import { Cluster, type ClusterArgs } from "@pulumi/gcp/redis/cluster";
import { Instance } from "@pulumi/gcp/redis/instance";
import * as pulumi from "@pulumi/pulumi";
import {
    cacheConfigProblems,
    cacheService,
    defaultCacheVersion,
    GCP_CLUSTER_NODES,
    GCP_INSTANCE_MEMORY_GB,
    GCP_READ_REPLICAS_MIN_GB,
    MEMORYSTORE_CLUSTER,
} from "../../domain/capabilities/cache";
import type { CachePersistence, CacheSettings } from "../../domain/stack-config";
import { storeSecretArgs } from "../contracts/connection-secret";
import { fitName } from "../shared/naming";
import { CACHE_DEFAULTS, CACHE_TYPE, cacheSettings, secretRedisConnectionString, type Cache, type CacheArgs, type CacheCrossRegion } from "../contracts/cache";
import { gcpCacheExport } from "./cache-export";
import { gcpConnectionSecret } from "./connection-secret";
import type { GcpTypes } from ".";
import type { GcpKeys } from "./keys";
import type { GcpNetwork } from "./network";
import type { GcpSite } from "./site";

/** Memorystore instance and cluster ids: lowercase letters, digits and hyphens, starting with
 * a letter; 40 characters is the instance limit (clusters allow 63). */
export const MEMORYSTORE_NAME_MAX = 40;

/** Memorystore's Private Service Connect service class for Redis Cluster endpoints. */
export const REDIS_CLUSTER_SERVICE_CLASS = "gcp-memorystore-redis";

/** Hyphen runs are kept (unlike ElastiCache ids): collapsing them would rename, and so
 * replace, the caches of stacks whose names contain `--`. */
export function memorystoreName(namePrefix: string, suffix: string): string {
    const name = fitName(namePrefix, { max: MEMORYSTORE_NAME_MAX, tail: `-${suffix}`, invalid: { chars: /[^a-z0-9-]+/, replace: "hyphen" }, collapseHyphens: false, shrink: "end" });
    if (!/^[a-z][a-z0-9-]{0,38}[a-z0-9]$/.test(name)) {
        throw new Error(`"${name}" is not a valid Memorystore name (1-40 lowercase letters, digits and hyphens, starting with a letter)`);
    }
    return name;
}

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

/** Hourly snapshots in prod (at most an hour of sessions lost); daily in staging. */
export function rdbSnapshotPeriod(protect: boolean): string {
    return protect ? "ONE_HOUR" : "TWENTY_FOUR_HOURS";
}

export function clusterPersistence(persistence: CachePersistence, protect: boolean): ClusterArgs["persistenceConfig"] {
    switch (persistence) {
        case "none":
            return { mode: "DISABLED" };
        case "rdb":
            return { mode: "RDB", rdbConfig: { rdbSnapshotPeriod: rdbSnapshotPeriod(protect) } };
        case "aof":
            // Once a second: at most a second of writes lost, without fsync on every write.
            return { mode: "AOF", aofConfig: { appendFsync: "EVERYSEC" } };
    }
}

export interface GcpCacheAlert {
    readonly id: string;
    readonly description: string;
    readonly metric: string;
    readonly aligner: string;
    /** Delta metrics per node add up across their labels before the threshold. */
    readonly reducer?: { readonly crossSeriesReducer: string; readonly groupByFields: readonly string[] };
    readonly threshold: number;
    readonly duration: string;
    readonly replicasOnly?: boolean;
}

/**
 * Memory above 80% leaves room for snapshot forks; the main thread is the one Redis
 * saturates; any eviction drops sessions or rate-limit counters; replicas falling behind
 * lose that much on failover (instances report bytes behind, clusters the ack lag in seconds).
 */
export function gcpCacheAlerts(cluster: boolean): readonly GcpCacheAlert[] {
    if (cluster) {
        return [
            { id: "memory", description: "memory above 80%", metric: "redis.googleapis.com/cluster/memory/maximum_utilization", aligner: "ALIGN_MAX", threshold: 0.8, duration: "600s" },
            { id: "cpu", description: "CPU above 80%", metric: "redis.googleapis.com/cluster/cpu/maximum_utilization", aligner: "ALIGN_MAX", threshold: 0.8, duration: "900s" },
            { id: "evictions", description: "keys evicted", metric: "redis.googleapis.com/cluster/stats/maximum_evicted_keys", aligner: "ALIGN_MAX", threshold: 0, duration: "0s" },
            {
                id: "replication-lag",
                description: "replicas more than 5 s behind",
                metric: "redis.googleapis.com/cluster/replication/maximum_ack_lag",
                aligner: "ALIGN_MAX",
                threshold: 5,
                duration: "600s",
                replicasOnly: true,
            },
        ];
    }
    return [
        { id: "memory", description: "memory above 80%", metric: "redis.googleapis.com/stats/memory/usage_ratio", aligner: "ALIGN_MAX", threshold: 0.8, duration: "600s" },
        {
            id: "cpu",
            description: "main-thread CPU above 80%",
            metric: "redis.googleapis.com/stats/cpu_utilization_main_thread",
            aligner: "ALIGN_RATE",
            reducer: { crossSeriesReducer: "REDUCE_SUM", groupByFields: ["resource.label.node_id"] },
            threshold: 0.8,
            duration: "900s",
        },
        { id: "evictions", description: "keys evicted", metric: "redis.googleapis.com/stats/evicted_keys", aligner: "ALIGN_SUM", threshold: 0, duration: "0s" },
        {
            id: "replication-lag",
            description: "a replica more than 10 MiB behind",
            metric: "redis.googleapis.com/replication/offset_diff",
            aligner: "ALIGN_MAX",
            threshold: 10 * 1024 * 1024,
            duration: "600s",
            replicasOnly: true,
        },
    ];
}

/** The monitored-resource part of an alert filter: instances are labelled by full resource
 * name, clusters by their short id. */
export function gcpCacheResourceFilter(cluster: boolean, resourceId: string): string {
    return cluster
        ? `resource.type = "redis.googleapis.com/Cluster" AND resource.labels.cluster_id = "${resourceId}"`
        : `resource.type = "redis_instance" AND resource.labels.instance_id = "${resourceId}"`;
}

const MAINTENANCE_SUNDAY_05_UTC = { day: "SUNDAY", startTime: { hours: 5, minutes: 0, seconds: 0, nanos: 0 } };

interface ClusterPlacement {
    readonly site: GcpSite;
    readonly network: GcpNetwork;
    readonly keys: GcpKeys;
    readonly name: string;
}

/**
 * Memorystore for Redis: one shard is a Memorystore instance (STANDARD_HA across two zones
 * when it has replicas) on private services access with AUTH; more shards are a Memorystore
 * for Redis Cluster reached through Private Service Connect with IAM authentication. In prod
 * the cluster replicates to a secondary cluster in the DR region; the instance, which cannot,
 * is exported daily to a bucket there (components/gcp/cache-export.ts). Both encrypt at rest
 * with the stack key and in transit (server authentication), persist as configured, keep the
 * connection string in Secret Manager and alert the stack's channels.
 */
export class GcpCache extends pulumi.ComponentResource implements Cache {
    public readonly host: pulumi.Output<string>;
    public readonly port: pulumi.Output<number>;
    public readonly tls = true as const;
    public readonly clusterMode: boolean;
    public readonly connectionString: pulumi.Output<string>;
    public readonly crossRegion: CacheCrossRegion;
    /** PEM of the CA that signs the server certificate: Memorystore's CA is private, so clients
     * must trust it explicitly to verify the server. */
    public readonly serverCaCertificates: pulumi.Output<string>;
    /** Instances: Redis AUTH with the generated AUTH string (in the connection string).
     * Clusters: IAM — clients send a short-lived access token of a principal holding
     * roles/redis.dbConnectionUser as the password, so the URL carries no credential. */
    public readonly authentication: "auth-string" | "iam";
    public readonly secretId: pulumi.Output<string>;
    /** Prod with a Memorystore instance: the versioned bucket in the DR region that holds the
     * daily RDB exports, and the Cloud Scheduler job that starts them. Undefined otherwise. */
    public readonly exportBucketName?: pulumi.Output<string>;
    public readonly exportBucketId?: pulumi.Output<string>;
    public readonly exportJobName?: pulumi.Output<string>;

    constructor(name: string, args: CacheArgs<GcpTypes>, opts?: pulumi.ComponentResourceOptions) {
        super(CACHE_TYPE, name, {}, opts);
        const settings = cacheSettings(args);
        const service = cacheService("gcp", settings.shards);
        const problem = cacheConfigProblems(settings, "gcp", args.dr !== undefined)[0];
        if (problem) throw new pulumi.ResourceError(problem.message, this);
        if (service === MEMORYSTORE_CLUSTER && args.version !== undefined && args.version !== defaultCacheVersion("gcp", "redis")) {
            throw new pulumi.ResourceError(`version ${args.version}: Memorystore for Redis Cluster runs Redis ${defaultCacheVersion("gcp", "redis")} and takes no version`, this);
        }

        const { site, keys, network, alerts, dr } = args;
        const child = { parent: this, provider: site.provider };
        this.clusterMode = service === MEMORYSTORE_CLUSTER;
        let resourceId: pulumi.Output<string>;

        if (service === MEMORYSTORE_CLUSTER) {
            this.authentication = "iam";
            const cluster = (role: string, placement: ClusterPlacement, extra: Partial<ClusterArgs>) => {
                const regionOpts = { parent: this, provider: placement.site.provider, dependsOn: [placement.site.services] };
                // One per network and region: it lets Memorystore create the cluster's
                // endpoints in the data subnet.
                const policy = new ServiceConnectionPolicy(
                    `${name}-${role}psc-policy`,
                    {
                        project: placement.site.project,
                        location: placement.site.region,
                        name: `${placement.site.namePrefix}-${placement.site.role}-redis`,
                        description: `${placement.site.namePrefix} cache: Memorystore for Redis Cluster endpoints in the data tier`,
                        network: placement.network.networkId,
                        serviceClass: REDIS_CLUSTER_SERVICE_CLASS,
                        pscConfig: { subnetworks: placement.network.dataSubnetIds },
                    },
                    regionOpts,
                );
                return new Cluster(
                    `${name}-${role}cluster`,
                    {
                        project: placement.site.project,
                        region: placement.site.region,
                        name: placement.name,
                        shardCount: settings.shards,
                        replicaCount: settings.replicasPerShard,
                        nodeType: GCP_CLUSTER_NODES[settings.size].nodeType,
                        zoneDistributionConfig: { mode: "MULTI_ZONE" },
                        authorizationMode: "AUTH_MODE_IAM_AUTH",
                        transitEncryptionMode: "TRANSIT_ENCRYPTION_MODE_SERVER_AUTHENTICATION",
                        kmsKey: placement.keys.keyId,
                        pscConfigs: [{ network: placement.network.networkId }],
                        persistenceConfig: clusterPersistence(settings.persistence, args.protect),
                        maintenancePolicy: { weeklyMaintenanceWindows: [MAINTENANCE_SUNDAY_05_UTC] },
                        deletionProtectionEnabled: args.protect,
                        ...extra,
                    },
                    // Keys grant Memorystore's service agent use of the key first.
                    { ...regionOpts, protect: args.protect, dependsOn: [placement.site.services, policy, placement.keys] },
                );
            };
            const backups: Partial<ClusterArgs> =
                settings.persistence === "none"
                    ? {}
                    : {
                          automatedBackupConfig: {
                              fixedFrequencySchedule: { startTime: { hours: 3 } },
                              retention: `${settings.snapshotRetentionDays * 86_400}s`,
                          },
                      };
            const primary = cluster("", { site, network, keys, name: memorystoreName(site.namePrefix, "cache") }, backups);
            if (dr) {
                cluster(
                    "dr-",
                    { site: dr.site, network: dr.network, keys: dr.keys, name: memorystoreName(dr.site.namePrefix, "cache-dr") },
                    { crossClusterReplicationConfig: { clusterRole: "SECONDARY", primaryCluster: { cluster: primary.id } } },
                );
                this.crossRegion = {
                    mode: "cross-cluster-replication",
                    region: dr.site.region,
                    note: `Memorystore cross-cluster replication: read-only secondary cluster in ${dr.site.region}, switched over by hand on a regional failover`,
                };
            } else {
                this.crossRegion = { mode: "none", note: "no DR region: the cluster spans the zones of one region" };
            }
            const endpoint = primary.discoveryEndpoints.apply((endpoints) => endpoints[0]);
            this.host = endpoint.apply((e) => e?.address ?? "");
            this.port = endpoint.apply((e) => e?.port ?? 6379);
            this.connectionString = secretRedisConnectionString(this.host, this.port);
            this.serverCaCertificates = primary.managedServerCas.apply((cas) => cas.flatMap((ca) => ca.caCerts ?? []).flatMap((c) => c.certificates ?? []).join("\n"));
            resourceId = primary.name;
        } else {
            this.authentication = "auth-string";
            const instanceName = memorystoreName(site.namePrefix, "cache");
            const shape = gcpInstanceShape(settings.size, settings.replicasPerShard);
            const version = memorystoreRedisVersion(args.version ?? defaultCacheVersion("gcp", settings.engine));
            const instance = new Instance(
                `${name}-instance`,
                {
                    project: site.project,
                    region: site.region,
                    name: instanceName,
                    displayName: `${site.namePrefix} cache`,
                    redisVersion: version,
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
                    reservedIpRange: pulumi
                        .all([network.privateServiceRangeName, network.privateServiceConnectionId])
                        .apply(([range]) => range),
                    authEnabled: true,
                    transitEncryptionMode: "SERVER_AUTHENTICATION",
                    customerManagedKey: keys.keyId,
                    persistenceConfig:
                        settings.persistence === "rdb"
                            ? { persistenceMode: "RDB", rdbSnapshotPeriod: rdbSnapshotPeriod(args.protect) }
                            : { persistenceMode: "DISABLED" },
                    maintenancePolicy: { weeklyMaintenanceWindows: [MAINTENANCE_SUNDAY_05_UTC] },
                    deletionProtection: args.protect,
                },
                // Keys grant Memorystore's service agent use of the key first.
                { ...child, protect: args.protect, dependsOn: [site.services, keys] },
            );
            if (dr) {
                // An instance cannot replicate across regions: its DR copy is a daily export.
                const exported = gcpCacheExport(
                    name,
                    {
                        site,
                        dr: { site: dr.site, keys: dr.keys },
                        alerts,
                        instance,
                        instanceName,
                        retentionDays: args.backupRetentionDays ?? CACHE_DEFAULTS.backupRetentionDays,
                        protect: args.protect,
                    },
                    this,
                );
                this.exportBucketName = exported.bucketName;
                this.exportBucketId = exported.bucketId;
                this.exportJobName = exported.jobName;
            }
            this.crossRegion = dr
                ? {
                      mode: "scheduled-export",
                      region: dr.site.region,
                      note: `daily RDB export to ${dr.site.region} (RPO 24 h): Memorystore for Redis instances cannot replicate across regions, so the snapshot is exported at 02:00 UTC to a versioned bucket there under the DR key and imported into a new instance on a regional failover (cacheShards 2 or more selects Memorystore Cluster, which replicates)`,
                  }
                : { mode: "none", note: "no DR region: the instance lives in one region" };
            this.host = instance.host;
            this.port = instance.port;
            this.connectionString = secretRedisConnectionString(instance.host, instance.port, instance.authString);
            this.serverCaCertificates = instance.serverCaCerts.apply((certs) => certs.map((c) => c.cert ?? "").join("\n"));
            resourceId = instance.id;
        }

        this.secretId = gcpConnectionSecret(
            name,
            storeSecretArgs(args, {
                purpose: "cache",
                description:
                    this.authentication === "iam"
                        ? `${site.namePrefix} cache: rediss:// URL (IAM authentication: the password is an access token)`
                        : `${site.namePrefix} cache: rediss:// URL with the AUTH string`,
                value: this.connectionString,
            }),
            this,
        );

        for (const alert of gcpCacheAlerts(this.clusterMode)) {
            if (alert.replicasOnly && settings.replicasPerShard === 0) continue;
            new AlertPolicy(
                `${name}-${alert.id}`,
                {
                    project: site.project,
                    displayName: `${site.namePrefix} cache: ${alert.description}`,
                    combiner: "OR",
                    enabled: true,
                    severity: alert.id === "evictions" || alert.id === "replication-lag" ? "ERROR" : "WARNING",
                    conditions: [
                        {
                            displayName: alert.description,
                            conditionThreshold: {
                                filter: resourceId.apply((id) => `${gcpCacheResourceFilter(this.clusterMode, id)} AND metric.type = "${alert.metric}"`),
                                comparison: "COMPARISON_GT",
                                thresholdValue: alert.threshold,
                                duration: alert.duration,
                                aggregations: [
                                    {
                                        alignmentPeriod: "300s",
                                        perSeriesAligner: alert.aligner,
                                        ...(alert.reducer ? { crossSeriesReducer: alert.reducer.crossSeriesReducer, groupByFields: [...alert.reducer.groupByFields] } : {}),
                                    },
                                ],
                                trigger: { count: 1 },
                            },
                        },
                    ],
                    notificationChannels: alerts.targetIds,
                    documentation: {
                        mimeType: "text/markdown",
                        content: `The ${site.namePrefix} cache (${service.name}) reports ${alert.description}. See docs/cache.md.`,
                    },
                },
                child,
            );
        }

        this.registerOutputs({
            host: this.host,
            port: this.port,
            connectionString: this.connectionString,
            secretId: this.secretId,
            exportBucketName: this.exportBucketName,
            exportJobName: this.exportJobName,
        });
    }
}

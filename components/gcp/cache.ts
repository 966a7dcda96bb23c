import { AlertPolicy } from "@pulumi/gcp/monitoring/alertPolicy";
import * as pulumi from "@pulumi/pulumi";
import { cacheConfigProblems, cacheService, MEMORYSTORE_CLUSTER } from "../../domain/capabilities/cache";
import { GCP_METRICS, GCP_MONITORED_RESOURCES, GCP_REDIS_MEMORY, type GcpMetric } from "../../domain/catalogs/gcp";
import { storeSecretArgs } from "../contracts/connection-secret";
import { CACHE_TYPE, cacheSettings, type Cache, type CacheArgs, type CacheCrossRegion } from "../contracts/cache";
import type { DataEndpoint } from "../contracts/database";
import { assertBuildable } from "../shared/buildable";
import { gcpConnectionSecret } from "./connection-secret";
import type { GcpTypes } from ".";
import { memorystoreVersionProblem } from "./memorystore";
import { memorystoreCluster } from "./memorystore-cluster";
import { memorystoreInstance } from "./memorystore-instance";

/** What either Memorystore product gives the component: its endpoint, credentials and CA,
 * the id its alerts filter on, and how it reaches the DR region. */
export interface GcpMemorystore {
    readonly host: pulumi.Output<string>;
    readonly port: pulumi.Output<number>;
    readonly connectionString: pulumi.Output<string>;
    readonly serverCaCertificates: pulumi.Output<string>;
    readonly resourceId: pulumi.Output<string>;
    readonly crossRegion: CacheCrossRegion;
    /** The DR region's running copy, where the product has one (a cluster's secondary). */
    readonly dr?: DataEndpoint;
    /** PEM of the CA that signs the DR copy's server certificates. */
    readonly drServerCaCertificates?: pulumi.Output<string>;
}

export interface GcpCacheAlert {
    readonly id: string;
    readonly description: string;
    /** A catalog entry's value (domain/catalogs/gcp.ts): type, kind and monitored resource. */
    readonly metric: GcpMetric;
    /** `threshold`: the aligned value crosses `threshold`; `absent`: no data for `duration`. */
    readonly condition: "threshold" | "absent";
    readonly aligner: string;
    /** Delta metrics per node add up across their labels before the threshold. */
    readonly reducer?: { readonly crossSeriesReducer: string; readonly groupByFields: readonly string[] };
    readonly threshold: number;
    readonly duration: string;
    readonly severity: "WARNING" | "ERROR";
    readonly replicasOnly?: boolean;
}

const M = GCP_METRICS;
const { exportSystemMemoryRatio, pressureSystemMemoryRatio } = GCP_REDIS_MEMORY;
/** A Memorystore cache that stops reporting memory for this long is down or gone. */
const SILENCE = "1800s";

/**
 * What pages and why. Gauges are aligned with MAX, deltas (counts per interval) with SUM or
 * RATE. Instances: system memory at half the VM means the nightly export's fork (up to twice
 * the memory under writes) may fail, at 80% the instance is under memory pressure; usage near
 * maxmemory means evictions; the main thread is the one Redis saturates; replicas falling
 * behind lose that much on failover. Clusters report their fullest and busiest node. Memory
 * is a metric every running cache always reports, so its absence pages too: without that
 * alert a stopped or deleted cache would look healthy.
 */
export function gcpCacheAlerts(cluster: boolean): readonly GcpCacheAlert[] {
    const absent = (metric: GcpMetric): GcpCacheAlert => ({
        id: "no-data",
        description: "no memory data for 30 minutes",
        metric,
        condition: "absent",
        aligner: "ALIGN_MAX",
        threshold: 0,
        duration: SILENCE,
        severity: "ERROR",
    });
    if (cluster) {
        return [
            { id: "memory", description: "memory above 80%", metric: M.redisClusterMemoryMaxUtilization.value, condition: "threshold", aligner: "ALIGN_MAX", threshold: 0.8, duration: "600s", severity: "WARNING" },
            { id: "cpu", description: "CPU above 80%", metric: M.redisClusterCpuMaxUtilization.value, condition: "threshold", aligner: "ALIGN_MAX", threshold: 0.8, duration: "900s", severity: "WARNING" },
            { id: "evictions", description: "keys evicted", metric: M.redisClusterEvictedKeysCount.value, condition: "threshold", aligner: "ALIGN_SUM", threshold: 0, duration: "0s", severity: "ERROR" },
            {
                id: "replication-lag",
                description: "replicas more than 5 s behind",
                metric: M.redisClusterReplicationMaxAckLag.value,
                condition: "threshold",
                aligner: "ALIGN_MAX",
                threshold: 5,
                duration: "600s",
                severity: "ERROR",
                replicasOnly: true,
            },
            absent(M.redisClusterMemoryMaxUtilization.value),
        ];
    }
    return [
        {
            id: "system-memory",
            description: `system memory above ${exportSystemMemoryRatio.value * 100}%: the nightly export may fail`,
            metric: M.redisSystemMemoryUsageRatio.value,
            condition: "threshold",
            aligner: "ALIGN_MAX",
            threshold: exportSystemMemoryRatio.value,
            duration: "600s",
            severity: "WARNING",
        },
        {
            id: "memory-pressure",
            description: `system memory above ${pressureSystemMemoryRatio.value * 100}%: memory pressure`,
            metric: M.redisSystemMemoryUsageRatio.value,
            condition: "threshold",
            aligner: "ALIGN_MAX",
            threshold: pressureSystemMemoryRatio.value,
            duration: "300s",
            severity: "ERROR",
        },
        { id: "memory", description: "memory above 80% of maxmemory", metric: M.redisMemoryUsageRatio.value, condition: "threshold", aligner: "ALIGN_MAX", threshold: 0.8, duration: "600s", severity: "WARNING" },
        {
            id: "cpu",
            description: "main-thread CPU above 80%",
            metric: M.redisMainThreadCpu.value,
            condition: "threshold",
            aligner: "ALIGN_RATE",
            reducer: { crossSeriesReducer: "REDUCE_SUM", groupByFields: ["resource.label.instance_id", "resource.label.node_id"] },
            threshold: 0.8,
            duration: "900s",
            severity: "WARNING",
        },
        { id: "evictions", description: "keys evicted", metric: M.redisEvictedKeys.value, condition: "threshold", aligner: "ALIGN_SUM", threshold: 0, duration: "0s", severity: "ERROR" },
        {
            id: "replication-lag",
            description: "a replica more than 10 MiB behind",
            metric: M.redisReplicationOffsetDiff.value,
            condition: "threshold",
            aligner: "ALIGN_MAX",
            threshold: 10 * 1024 * 1024,
            duration: "600s",
            severity: "ERROR",
            replicasOnly: true,
        },
        absent(M.redisSystemMemoryUsageRatio.value),
    ];
}

/** The monitored-resource part of an alert filter: instances are labelled by full resource
 * name, clusters by their short id. */
export function gcpCacheResourceFilter(cluster: boolean, resourceId: string): string {
    return cluster
        ? `resource.type = "${GCP_MONITORED_RESOURCES.redisCluster.value}" AND resource.labels.cluster_id = "${resourceId}"`
        : `resource.type = "${GCP_MONITORED_RESOURCES.redisInstance.value}" AND resource.labels.instance_id = "${resourceId}"`;
}

/**
 * Memorystore for Redis: one shard is a Memorystore instance (STANDARD_HA across two zones
 * when it has replicas) on private services access with AUTH; more shards are a Memorystore
 * for Redis Cluster reached through Private Service Connect with IAM authentication. In prod
 * the cluster replicates to a secondary cluster in the DR region; the instance, which cannot,
 * is exported daily to a bucket there (components/gcp/cache-export.ts). Both encrypt at rest
 * with the stack key and in transit (server authentication), persist as configured, keep the
 * connection string in Secret Manager and alert the stack's channels.
 *
 * Each product is built by its own function (memorystore-instance.ts, memorystore-cluster.ts)
 * under this component, with the same logical names as when this constructor built them.
 */
export class GcpCache extends pulumi.ComponentResource implements Cache {
    public readonly metricsId: pulumi.Output<string>;
    public readonly host: pulumi.Output<string>;
    public readonly port: pulumi.Output<number>;
    public readonly tls = true as const;
    public readonly clusterMode: boolean;
    public readonly connectionString: pulumi.Output<string>;
    public readonly crossRegion: CacheCrossRegion;
    /** The secondary cluster's endpoint with a Memorystore Cluster; undefined with an instance,
     * whose DR copy is a daily export with no endpoint (`crossRegion.note` says so). */
    public readonly dr?: DataEndpoint;
    /** PEM of the CA that signs the server certificate: Memorystore's CA is private, so clients
     * must trust it explicitly to verify the server. */
    public readonly serverCaCertificates: pulumi.Output<string>;
    /** The same for the DR secondary's server certificate, which the DR app must trust instead. */
    public readonly drServerCaCertificates?: pulumi.Output<string>;
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
        this.clusterMode = service === MEMORYSTORE_CLUSTER;
        assertBuildable(this, `Cache ${name}`, [
            ...cacheConfigProblems(settings, "gcp", args.environment === "prod"),
            memorystoreVersionProblem(this.clusterMode, args.version),
        ]);

        const { site, alerts } = args;
        const child = { parent: this, provider: site.provider };
        let built: GcpMemorystore;
        if (this.clusterMode) {
            this.authentication = "iam";
            built = memorystoreCluster(name, args, this);
        } else {
            this.authentication = "auth-string";
            const instance = memorystoreInstance(name, args, this);
            this.exportBucketName = instance.exported?.bucketName;
            this.exportBucketId = instance.exported?.bucketId;
            this.exportJobName = instance.exported?.jobName;
            built = instance;
        }
        this.metricsId = built.resourceId;
        this.host = built.host;
        this.port = built.port;
        this.connectionString = built.connectionString;
        this.serverCaCertificates = built.serverCaCertificates;
        this.crossRegion = built.crossRegion;
        this.dr = built.dr;
        this.drServerCaCertificates = built.drServerCaCertificates;
        const resourceId = built.resourceId;

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
            const filter = resourceId.apply((id) => `${gcpCacheResourceFilter(this.clusterMode, id)} AND metric.type = "${alert.metric.type}"`);
            const aggregations = [
                {
                    alignmentPeriod: "300s",
                    perSeriesAligner: alert.aligner,
                    ...(alert.reducer ? { crossSeriesReducer: alert.reducer.crossSeriesReducer, groupByFields: [...alert.reducer.groupByFields] } : {}),
                },
            ];
            new AlertPolicy(
                `${name}-${alert.id}`,
                {
                    project: site.project,
                    displayName: `${site.namePrefix} cache: ${alert.description}`,
                    combiner: "OR",
                    enabled: true,
                    severity: alert.severity,
                    conditions: [
                        alert.condition === "absent"
                            ? { displayName: alert.description, conditionAbsent: { filter, duration: alert.duration, aggregations, trigger: { count: 1 } } }
                            : {
                                  displayName: alert.description,
                                  conditionThreshold: { filter, comparison: "COMPARISON_GT", thresholdValue: alert.threshold, duration: alert.duration, aggregations, trigger: { count: 1 } },
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
            dr: this.dr,
            secretId: this.secretId,
            exportBucketName: this.exportBucketName,
            exportJobName: this.exportJobName,
        });
    }
}

import { AlertPolicy } from "@pulumi/gcp/monitoring/alertPolicy";
import * as pulumi from "@pulumi/pulumi";
import { cacheConfigProblems, cacheService, MEMORYSTORE_CLUSTER } from "../../domain/capabilities/cache";
import { storeSecretArgs } from "../contracts/connection-secret";
import { CACHE_TYPE, cacheSettings, type Cache, type CacheArgs, type CacheCrossRegion } from "../contracts/cache";
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
        this.host = built.host;
        this.port = built.port;
        this.connectionString = built.connectionString;
        this.serverCaCertificates = built.serverCaCertificates;
        this.crossRegion = built.crossRegion;
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

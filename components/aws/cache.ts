import { LogGroup } from "@pulumi/aws/cloudwatch/logGroup";
import { MetricAlarm } from "@pulumi/aws/cloudwatch/metricAlarm";
import { SecurityGroup } from "@pulumi/aws/ec2/securityGroup";
import { GlobalReplicationGroup } from "@pulumi/aws/elasticache/globalReplicationGroup";
import { ReplicationGroup, type ReplicationGroupArgs } from "@pulumi/aws/elasticache/replicationGroup";
import { SubnetGroup } from "@pulumi/aws/elasticache/subnetGroup";
import { SecurityGroupIngressRule } from "@pulumi/aws/vpc/securityGroupIngressRule";
import * as pulumi from "@pulumi/pulumi";
import { Provider as RandomProvider } from "@pulumi/random/provider";
import { RandomPassword } from "@pulumi/random/randomPassword";
import { AWS_CACHE_NODES, cacheConfigProblems, defaultCacheVersion } from "../../domain/capabilities/cache";
import { AWS_METRICS, type AwsMetric, type TreatMissingData } from "../../domain/catalogs/aws";
import type { CacheEngine, Size } from "../../domain/stack-config";
import { storeSecretArgs } from "../contracts/connection-secret";
import { assertBuildable } from "../shared/buildable";
import { fitName } from "../shared/naming";
import { CACHE_TYPE, cacheSettings, secretRedisConnectionString, type Cache, type CacheArgs, type CacheCrossRegion } from "../contracts/cache";
import type { DataEndpoint } from "../contracts/database";
import { awsConnectionSecret } from "./connection-secret";
import type { AwsTypes } from ".";
import type { AwsKeys } from "./keys";
import type { AwsNetwork } from "./network";
import type { AwsSite } from "./site";

export const REDIS_PORT = 6379;
/** ElastiCache replication group ids: 1-40 characters. */
export const ELASTICACHE_ID_MAX = 40;
/** Snapshots run at a quiet hour, and always before (never overlapping) the weekly maintenance. */
export const SNAPSHOT_WINDOW = "03:00-04:00";
export const MAINTENANCE_WINDOW = "sun:05:00-sun:06:00";

/**
 * A replication group id (also used for the global datastore suffix): lowercase letters,
 * digits and single hyphens, starting with a letter, at most 40 characters. The prefix is
 * shortened, never the role suffix, so primary and DR ids stay distinct.
 */
export function elasticacheId(namePrefix: string, suffix: string): string {
    const id = fitName(namePrefix, { max: ELASTICACHE_ID_MAX, tail: `-${suffix}`, invalid: { chars: /[^a-z0-9-]+/, replace: "hyphen" }, collapseHyphens: true, shrink: "end" });
    if (!/^[a-z](?!.*--)[a-z0-9-]{0,38}[a-z0-9]$/.test(id)) {
        throw new Error(`"${id}" is not a valid ElastiCache id (1-40 lowercase letters, digits and single hyphens, starting with a letter)`);
    }
    return id;
}

/**
 * ElastiCache's own parameter group for the engine's family; `.cluster.on` variants set
 * `cluster-enabled yes`, which sharding requires. Defaults suffice: the eviction policy
 * (volatile-lru) evicts only keys with a TTL, so sessions and counters without one are kept.
 */
export function defaultParameterGroup(engine: CacheEngine, version: string, clusterMode: boolean): string {
    const major = version.split(".")[0];
    return `default.${engine}${major}${clusterMode ? ".cluster.on" : ""}`;
}

/** Transit-encryption mode `required` needs Redis 7.0.5+; ElastiCache runs valkey from 7.2. */
export function awsVersionProblem(engine: CacheEngine, version: string): string | undefined {
    const match = /^(\d+)\.(\d+)$/.exec(version);
    if (!match) return `version "${version}" must be major.minor, e.g. ${defaultCacheVersion("aws", engine)}`;
    const [major, minor] = [Number(match[1]), Number(match[2])];
    const [minMajor, minMinor] = engine === "valkey" ? [7, 2] : [7, 0];
    if (major < minMajor || (major === minMajor && minor < minMinor)) {
        return `${engine} ${version} is too old: required TLS needs ${engine} ${minMajor}.${minMinor} or newer`;
    }
    return undefined;
}

export interface AwsCacheShape {
    readonly clusterMode: boolean;
    readonly nodeType: string;
    readonly parameterGroupName: string;
    /** Multi-AZ needs a replica to fail over to. */
    readonly highlyAvailable: boolean;
    /** ElastiCache requires automatic failover on in cluster mode, even without replicas;
     * otherwise it is on whenever there is a replica. */
    readonly automaticFailover: boolean;
    /** Every node's cache cluster id, as ElastiCache names them: the alarms' dimension. */
    readonly memberClusterIds: readonly string[];
}

/** How the settings become a replication group (cluster mode when sharded). */
export function awsCacheShape(groupId: string, engine: CacheEngine, version: string, size: Size, shards: number, replicasPerShard: number): AwsCacheShape {
    const clusterMode = shards > 1;
    const nodes = (prefix: string) => Array.from({ length: replicasPerShard + 1 }, (_, n) => `${prefix}-${String(n + 1).padStart(3, "0")}`);
    return {
        clusterMode,
        nodeType: AWS_CACHE_NODES[size].nodeType,
        parameterGroupName: defaultParameterGroup(engine, version, clusterMode),
        highlyAvailable: replicasPerShard > 0,
        automaticFailover: clusterMode || replicasPerShard > 0,
        memberClusterIds: clusterMode
            ? Array.from({ length: shards }, (_, s) => nodes(`${groupId}-${String(s + 1).padStart(4, "0")}`)).flat()
            : nodes(groupId),
    };
}

/** Where each node of an unsharded group goes: the primary in the first zone, replicas spread.
 * The zones are the names the account's subnets report, not configured letters. */
export function preferredZones<Z>(zones: readonly Z[], nodes: number): Z[] {
    return Array.from({ length: nodes }, (_, i) => zones[i % zones.length]);
}

export interface AwsCacheAlarm {
    readonly id: string;
    /** The catalog's metric: name, namespace and dimension keys. */
    readonly metric: AwsMetric;
    readonly statistic: string;
    readonly threshold: number;
    readonly description: string;
    /** Consecutive 5-minute periods over the threshold before it alarms. */
    readonly periods: number;
    /** Only nodes that replicate report it; a primary reports nothing. */
    readonly replicasOnly?: boolean;
    /** Only on each shard's first node (`…-001`): the node that starts as the shard's primary. */
    readonly firstNodeOnly?: boolean;
    /** What a period without data counts as; set on every alarm, so a metric that never
     * arrives (wrong name or dimension, node gone) is a decision, not a silent default. */
    readonly treatMissingData: TreatMissingData;
    /** Which replication groups it watches: the primary region's, the DR secondary's, or both. */
    readonly groups: "both" | "primary" | "dr";
}

/**
 * Per-node alarms. Memory above 80% leaves headroom for snapshot forks and failover;
 * engine CPU measures Redis's single main thread, the one that saturates; any eviction
 * means sessions or rate-limit counters were dropped (only the primary group evicts: the
 * DR secondary replays its deletions); a replica more than 5 s behind loses that much on
 * failover, and so does a DR secondary more than 5 s behind the primary region (only the
 * secondary's primary node reports that lag, so only the first node of each shard gets it).
 */
export const AWS_CACHE_ALARMS: readonly AwsCacheAlarm[] = [
    // Every node publishes memory and engine CPU each minute: silence means the node is gone or
    // the alarm names a node that does not exist, and either must page.
    {
        id: "memory",
        metric: AWS_METRICS.elasticacheMemory.value,
        statistic: "Maximum",
        threshold: 80,
        description: "memory above 80%",
        periods: 2,
        groups: "both",
        treatMissingData: "breaching",
    },
    {
        id: "engine-cpu",
        metric: AWS_METRICS.elasticacheEngineCpu.value,
        statistic: "Average",
        threshold: 80,
        description: "engine CPU above 80%",
        periods: 3,
        groups: "both",
        treatMissingData: "breaching",
    },
    // A silent node already pages through memory and CPU; a second page for it adds nothing.
    {
        id: "evictions",
        metric: AWS_METRICS.elasticacheEvictions.value,
        statistic: "Sum",
        threshold: 0,
        description: "keys evicted",
        periods: 1,
        groups: "primary",
        treatMissingData: "notBreaching",
    },
    // A primary node reports no replication lag, and primary and replica swap on a failover, so
    // absence is normal on whichever node is primary at the time.
    {
        id: "replication-lag",
        metric: AWS_METRICS.elasticacheReplicationLag.value,
        statistic: "Maximum",
        threshold: 5,
        description: "replica more than 5 s behind",
        periods: 2,
        replicasOnly: true,
        groups: "both",
        treatMissingData: "notBreaching",
    },
    // Only the secondary's primary node reports it. No data there means replication stopped,
    // the metric's dimension is wrong, or the node stopped being the secondary's primary (an
    // in-region failover): each needs a person, so it pages.
    {
        id: "global-lag",
        metric: AWS_METRICS.elasticacheGlobalLag.value,
        statistic: "Maximum",
        threshold: 5,
        description: "more than 5 s behind the primary region",
        periods: 2,
        groups: "dr",
        firstNodeOnly: true,
        treatMissingData: "breaching",
    },
];

/** The alarms one replication group gets: those for its role, lag only where nodes replicate. */
export function awsCacheAlarmsFor(role: "primary" | "dr", highlyAvailable: boolean): AwsCacheAlarm[] {
    return AWS_CACHE_ALARMS.filter((a) => (a.groups === "both" || a.groups === role) && (highlyAvailable || !a.replicasOnly));
}

interface RegionalParts {
    readonly subnetGroup: SubnetGroup;
    readonly securityGroup: SecurityGroup;
    readonly logDelivery: ReplicationGroupArgs["logDeliveryConfigurations"];
}

/**
 * Redis (or valkey) on ElastiCache: a replication group in the data subnets, encrypted at
 * rest with the stack key and in transit (required), AUTH token generated and stored in
 * Secrets Manager, automatic failover and Multi-AZ whenever there is a replica, cluster
 * mode when sharded, daily snapshots, slow and engine logs in CloudWatch, per-node alarms.
 * With a DR site, a global datastore replicates to a secondary group in the DR region.
 */
export class AwsCache extends pulumi.ComponentResource implements Cache {
    public readonly metricsId: pulumi.Output<string>;
    public readonly host: pulumi.Output<string>;
    public readonly port: pulumi.Output<number>;
    public readonly tls = true as const;
    public readonly clusterMode: boolean;
    public readonly connectionString: pulumi.Output<string>;
    public readonly crossRegion: CacheCrossRegion;
    public readonly dr?: DataEndpoint;
    public readonly replicationGroupId: pulumi.Output<string>;
    public readonly securityGroupId: pulumi.Output<string>;
    /** The Secrets Manager secret holding the connection string (replicated to the DR region). */
    public readonly secretArn: pulumi.Output<string>;
    public readonly globalReplicationGroupId?: pulumi.Output<string>;

    constructor(name: string, args: CacheArgs<AwsTypes>, opts?: pulumi.ComponentResourceOptions) {
        super(CACHE_TYPE, name, {}, opts);
        const settings = cacheSettings(args);
        const { version } = args;
        const versionProblem = awsVersionProblem(settings.engine, version);
        assertBuildable(this, `Cache ${name}`, [
            ...cacheConfigProblems(settings, "aws", args.environment === "prod"),
            versionProblem === undefined ? undefined : { message: versionProblem },
        ]);

        const { site, keys, network, alerts, dr } = args;
        const child = { parent: this, provider: site.provider };
        const stateful = { ...child, protect: args.protect };
        const { logRetentionDays } = args;
        const groupId = elasticacheId(site.namePrefix, "cache");
        const shape = awsCacheShape(groupId, settings.engine, version, settings.size, settings.shards, settings.replicasPerShard);
        this.clusterMode = shape.clusterMode;

        // Printable ASCII without @, " and / is what ElastiCache accepts; letters and digits
        // alone keep the token URL-safe, and 64 of them are ~380 bits.
        // An explicit provider, like every resource of the stack: never the ambient default.
        const random = new RandomProvider(`${name}-random`, {}, { parent: this });
        const authToken = new RandomPassword(`${name}-auth-token`, { length: 64, special: false }, { parent: this, provider: random });

        const regional = (prefix: string, regionSite: AwsSite, regionKeys: AwsKeys, regionNetwork: AwsNetwork, id: string): RegionalParts => {
            const regionOpts = { parent: this, provider: regionSite.provider };
            const subnetGroup = new SubnetGroup(
                `${prefix}-subnets`,
                { name: id, description: `${regionSite.namePrefix} cache: data-tier subnets`, subnetIds: regionNetwork.dataSubnetIds },
                regionOpts,
            );
            const securityGroup = new SecurityGroup(
                `${prefix}-sg`,
                {
                    name: id,
                    vpcId: regionNetwork.vpcId,
                    description: `${regionSite.namePrefix} cache: Redis from the app tier only`,
                    // No egress rules: the provider removes the default allow-all, and cache
                    // nodes start no connections.
                    tags: { Name: id },
                },
                regionOpts,
            );
            // The app tier holds only the cluster's workloads (nodes and, with the VPC CNI,
            // pods take their addresses from it), so its ranges are exactly "the workloads";
            // the cluster joins by being placed there, with no security group to share.
            regionNetwork.layout.app.zoneCidrs.forEach(
                (cidr, i) =>
                    new SecurityGroupIngressRule(
                        `${prefix}-from-app-${i}`,
                        {
                            securityGroupId: securityGroup.id,
                            ipProtocol: "tcp",
                            fromPort: REDIS_PORT,
                            toPort: REDIS_PORT,
                            cidrIpv4: cidr,
                            description: `Redis (TLS) from app-tier subnet ${cidr}`,
                        },
                        regionOpts,
                    ),
            );
            const logs = (["slow-log", "engine-log"] as const).map((logType) => {
                const group = new LogGroup(
                    `${prefix}-${logType}`,
                    {
                        name: `/${regionSite.namePrefix}/${regionSite.role}/elasticache/${logType}`,
                        retentionInDays: logRetentionDays,
                        kmsKeyId: regionKeys.keyArn,
                        deletionProtectionEnabled: args.protect,
                    },
                    { ...regionOpts, protect: args.protect },
                );
                return { destination: group.name, destinationType: "cloudwatch-logs", logFormat: "json", logType };
            });
            return { subnetGroup, securityGroup, logDelivery: logs };
        };

        const primaryParts = regional(name, site, keys, network, groupId);
        const snapshots =
            settings.persistence === "rdb"
                ? { snapshotRetentionLimit: settings.snapshotRetentionDays, snapshotWindow: SNAPSHOT_WINDOW }
                : { snapshotRetentionLimit: 0 };
        const nodesPerShard = settings.replicasPerShard + 1;
        const group = new ReplicationGroup(
            `${name}-group`,
            {
                replicationGroupId: groupId,
                description: `${site.namePrefix} cache: sessions, rate limits, caching`,
                engine: settings.engine,
                engineVersion: version,
                nodeType: shape.nodeType,
                parameterGroupName: shape.parameterGroupName,
                port: REDIS_PORT,
                ...(shape.clusterMode
                    ? { clusterMode: "enabled", numNodeGroups: settings.shards, replicasPerNodeGroup: settings.replicasPerShard }
                    : { clusterMode: "disabled", numCacheClusters: nodesPerShard, preferredCacheClusterAzs: preferredZones(network.zoneNames, nodesPerShard) }),
                automaticFailoverEnabled: shape.automaticFailover,
                multiAzEnabled: shape.highlyAvailable,
                subnetGroupName: primaryParts.subnetGroup.name,
                securityGroupIds: [primaryParts.securityGroup.id],
                atRestEncryptionEnabled: true,
                kmsKeyId: keys.keyArn,
                transitEncryptionEnabled: true,
                transitEncryptionMode: "required",
                authToken: authToken.result,
                // A new token is accepted alongside the old one, so clients reading the
                // secret switch over without an outage.
                authTokenUpdateStrategy: "ROTATE",
                autoMinorVersionUpgrade: true,
                maintenanceWindow: MAINTENANCE_WINDOW,
                ...snapshots,
                finalSnapshotIdentifier: settings.persistence === "rdb" ? `${groupId}-final` : undefined,
                logDeliveryConfigurations: primaryParts.logDelivery,
            },
            stateful,
        );

        if (dr) {
            const global = new GlobalReplicationGroup(
                `${name}-global`,
                {
                    globalReplicationGroupIdSuffix: groupId,
                    primaryReplicationGroupId: group.id,
                    globalReplicationGroupDescription: `${site.namePrefix} cache: ${site.region} → ${dr.site.region}`,
                },
                stateful,
            );
            const drId = elasticacheId(dr.site.namePrefix, "cache-dr");
            const drParts = regional(`${name}-dr`, dr.site, dr.keys, dr.network, drId);
            // Engine, version, node type, shard count, parameter group, encryption flags and the
            // AUTH setting come from the global datastore: the provider rejects the first ones
            // with global_replication_group_id, and AWS reports parameters a secondary inherits
            // as InvalidParameterCombination (ELASTICACHE_SECONDARY_INHERITED in the catalog). The
            // secondary answers to the primary's AUTH token, which the replicated connection
            // secret carries, so after a regional failover the app reconnects with it.
            // Multi-AZ and automatic failover are inherited too, but the provider defaults both to
            // false when absent, so they are sent equal to the primary's to keep refreshes clean
            // (ELASTICACHE_SECONDARY_MIRRORED).
            const drGroup = new ReplicationGroup(
                `${name}-dr-group`,
                {
                    replicationGroupId: drId,
                    description: `${dr.site.namePrefix} cache: DR secondary of ${groupId}`,
                    globalReplicationGroupId: global.globalReplicationGroupId,
                    ...(shape.clusterMode
                        ? { replicasPerNodeGroup: settings.replicasPerShard }
                        : { numCacheClusters: nodesPerShard, preferredCacheClusterAzs: preferredZones(dr.network.zoneNames, nodesPerShard) }),
                    automaticFailoverEnabled: shape.automaticFailover,
                    multiAzEnabled: shape.highlyAvailable,
                    subnetGroupName: drParts.subnetGroup.name,
                    securityGroupIds: [drParts.securityGroup.id],
                    kmsKeyId: dr.keys.keyArn,
                    maintenanceWindow: MAINTENANCE_WINDOW,
                    ...snapshots,
                    logDeliveryConfigurations: drParts.logDelivery,
                },
                { parent: this, provider: dr.site.provider, protect: args.protect },
            );
            // The secondary's alarms must notify a topic in its own region; the DR topic exists
            // wherever the alerts were given the DR region.
            if (alerts.drTopicArn) {
                const drShape = awsCacheShape(drId, settings.engine, version, settings.size, settings.shards, settings.replicasPerShard);
                this.nodeAlarms(`${name}-dr`, "dr", drId, drShape, dr.site, alerts.drTopicArn, drGroup);
            }
            // The secondary's own endpoint, of the same kind as the primary's (cluster mode: its
            // configuration endpoint), reachable from the DR network's app tier through its
            // security group. It answers reads until the global datastore's failover promotes
            // the secondary, and keeps its name then. Its AUTH token is the primary's (above).
            const drHost = shape.clusterMode ? drGroup.configurationEndpointAddress : drGroup.primaryEndpointAddress;
            const drPort = drGroup.port.apply((p) => p ?? REDIS_PORT);
            this.dr = {
                host: drHost,
                port: drPort,
                connectionString: secretRedisConnectionString(drHost, drPort, authToken.result),
                readOnlyUntilFailover: true,
                note: `ElastiCache global-datastore secondary in ${dr.site.region}: reads only until the global datastore's failover promotes it`,
            };
            this.globalReplicationGroupId = global.globalReplicationGroupId;
            this.crossRegion = {
                mode: "global-datastore",
                region: dr.site.region,
                note: `ElastiCache global datastore: read-only secondary in ${dr.site.region}, promoted by hand on a regional failover (typically under 1 s behind)`,
            };
        } else {
            this.crossRegion = { mode: "none", note: "no DR region: the cache lives in one region (Multi-AZ when it has replicas)" };
        }

        this.metricsId = group.id;
        this.host = shape.clusterMode ? group.configurationEndpointAddress : group.primaryEndpointAddress;
        this.port = group.port.apply((p) => p ?? REDIS_PORT);
        this.connectionString = secretRedisConnectionString(this.host, this.port, authToken.result);
        this.secretArn = awsConnectionSecret(
            name,
            storeSecretArgs(args, { purpose: "cache", description: `${site.namePrefix} cache: rediss:// URL with the AUTH token`, value: this.connectionString }),
            this,
        );

        this.nodeAlarms(name, "primary", groupId, shape, site, alerts.topicArn, group);

        this.replicationGroupId = group.id;
        this.securityGroupId = primaryParts.securityGroup.id;
        this.registerOutputs({
            host: this.host,
            port: this.port,
            connectionString: this.connectionString,
            dr: this.dr,
            replicationGroupId: this.replicationGroupId,
            secretArn: this.secretArn,
        });
    }

    /** One group's per-node alarms (`prefix` starts their logical names), notifying a topic in the group's own region. */
    private nodeAlarms(
        prefix: string,
        role: "primary" | "dr",
        groupId: string,
        shape: AwsCacheShape,
        site: AwsSite,
        topicArn: pulumi.Output<string>,
        group: ReplicationGroup,
    ): void {
        const alarms = awsCacheAlarmsFor(role, shape.highlyAvailable);
        for (const memberId of shape.memberClusterIds) {
            for (const alarm of alarms.filter((a) => !a.firstNodeOnly || memberId.endsWith("-001"))) {
                new MetricAlarm(
                    `${prefix}-${alarm.id}-${memberId.slice(groupId.length + 1)}`,
                    {
                        name: `${memberId}-${alarm.id}`,
                        alarmDescription: `${site.namePrefix} cache node ${memberId}: ${alarm.description}`,
                        namespace: alarm.metric.namespace,
                        metricName: alarm.metric.metricName,
                        dimensions: { [alarm.metric.dimensions[0]]: memberId },
                        statistic: alarm.statistic,
                        period: 300,
                        evaluationPeriods: alarm.periods,
                        datapointsToAlarm: alarm.periods,
                        threshold: alarm.threshold,
                        comparisonOperator: "GreaterThanThreshold",
                        treatMissingData: alarm.treatMissingData,
                        actionsEnabled: true,
                        alarmActions: [topicArn],
                        okActions: [topicArn],
                    },
                    { parent: this, provider: site.provider, dependsOn: [group] },
                );
            }
        }
    }
}

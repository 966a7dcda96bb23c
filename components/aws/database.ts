import { LogGroup } from "@pulumi/aws/cloudwatch/logGroup";
import { MetricAlarm } from "@pulumi/aws/cloudwatch/metricAlarm";
import { Cluster } from "@pulumi/aws/docdb/cluster";
import { ClusterInstance } from "@pulumi/aws/docdb/clusterInstance";
import { ClusterParameterGroup } from "@pulumi/aws/docdb/clusterParameterGroup";
import { GlobalCluster } from "@pulumi/aws/docdb/globalCluster";
import { SubnetGroup } from "@pulumi/aws/docdb/subnetGroup";
import { SecurityGroup } from "@pulumi/aws/ec2/securityGroup";
import { SecurityGroupIngressRule } from "@pulumi/aws/vpc/securityGroupIngressRule";
import * as pulumi from "@pulumi/pulumi";
import { Provider as RandomProvider } from "@pulumi/random/provider";
import { RandomPassword } from "@pulumi/random/randomPassword";
import {
    AWS_METRICS,
    DOCUMENTDB_CA_CERT,
    DOCUMENTDB_GLOBAL_CLUSTER_UNAVAILABLE_REGIONS,
    type AwsMetric,
    type TreatMissingData,
} from "../../domain/catalogs/aws";
import type { Size } from "../../domain/stack-config";
import { databaseConfigProblems } from "../../domain/capabilities/database";
import { storeSecretArgs } from "../contracts/connection-secret";
import {
    DATABASE_PASSWORD,
    DATABASE_TYPE,
    DATABASE_USER,
    databaseOutputs,
    databaseSettings,
    MONGODB_PORT,
    secretMongoConnectionString,
    type DataEndpoint,
    type Database,
    type DatabaseArgs,
} from "../contracts/database";
import type { DataRegion } from "../contracts/region";
import { assertBuildable } from "../shared/buildable";
import { awsConnectionSecret } from "./connection-secret";
import type { AwsTypes } from ".";
import type { AwsSite } from "./site";

/** The parameter-group family of an engine version: "5.0.0" → "docdb5.0". */
export function documentDbFamily(version: string): string {
    const match = /^(\d+)\.(\d+)/.exec(version);
    if (!match) throw new RangeError(`DocumentDB version ${version} is not major.minor[.patch]`);
    return `docdb${match[1]}.${match[2]}`;
}

export interface DocumentDbClass {
    readonly instanceClass: string;
    readonly memoryGib: number;
    /** DocumentDB's connection limit per instance of the class. */
    readonly maxConnections: number;
}

/**
 * Size tier → instance class. small is the burstable t4g (cheapest class; CPU credits suit
 * staging's idle-then-busy load, but global clusters reject it); medium and up are the
 * memory-optimized r6g (Graviton) classes, because DocumentDB's working set must fit in memory
 * and r6g is ~10% cheaper than r5 for the same memory. Connection limits are DocumentDB's
 * published per-class quotas (docs.aws.amazon.com/documentdb/latest/developerguide/limits.html).
 */
export const DOCUMENTDB_CLASSES: Readonly<Record<Size, DocumentDbClass>> = {
    small: { instanceClass: "db.t4g.medium", memoryGib: 4, maxConnections: 500 },
    medium: { instanceClass: "db.r6g.large", memoryGib: 16, maxConnections: 1700 },
    large: { instanceClass: "db.r6g.xlarge", memoryGib: 32, maxConnections: 3400 },
    xlarge: { instanceClass: "db.r6g.2xlarge", memoryGib: 64, maxConnections: 6800 },
};

/**
 * Cluster parameters: TLS required for every connection, the audit log on (DDL and
 * authentication events) and the profiler recording operations slower than 100 ms; both logs
 * are exported to CloudWatch. `tls` and `audit_logs` are static, so they apply on reboot.
 */
export const DOCUMENTDB_PARAMETERS: readonly { name: string; value: string; applyMethod: string }[] = [
    { name: "tls", value: "enabled", applyMethod: "pending-reboot" },
    { name: "audit_logs", value: "enabled", applyMethod: "pending-reboot" },
    { name: "profiler", value: "enabled", applyMethod: "immediate" },
    { name: "profiler_threshold_ms", value: "100", applyMethod: "immediate" },
];

export const DOCUMENTDB_LOG_EXPORTS = ["audit", "profiler"] as const;

/** Writer first (promotion tier 0), then the HA replicas that take over (tier 1), then read
 * replicas, promoted last (tier 15). Instances go round-robin across the zones (the names the
 * account's subnets report). */
export function documentDbInstancePlan<Z>(zones: readonly Z[], nodes: number, readReplicas: number) {
    return Array.from({ length: nodes + readReplicas }, (_, i) => ({
        zone: zones[i % zones.length],
        promotionTier: i === 0 ? 0 : i < nodes ? 1 : 15,
        role: i < nodes ? ("member" as const) : ("read-replica" as const),
    }));
}

/** A cluster-level lag alarm: both metrics are in milliseconds, and the threshold is 10 s. */
export interface DocumentDbLagAlarm {
    /** Part of the alarm's logical and physical names. */
    readonly id: string;
    /** The catalog's metric; published per cluster (`DBClusterIdentifier`). */
    readonly metric: AwsMetric;
    readonly description: string;
    readonly treatMissingData: TreatMissingData;
}

/**
 * Within a cluster: how far the replicas trail the writer. The cluster-level maximum, since the
 * alarm watches the cluster; the per-instance DBInstanceReplicaLag is not published under
 * DBClusterIdentifier alone. Created only with more than one instance, where the metric is
 * always reported, so silence pages.
 */
export const REPLICA_LAG_ALARM: DocumentDbLagAlarm = {
    id: "replica-lag",
    metric: AWS_METRICS.docdbClusterReplicaLag.value,
    description: "a replica lags the writer by more than 10 s; a failover now would lose those writes",
    treatMissingData: "breaching",
};

/** On the DR secondary of a global cluster: how far it trails the primary region. Its dimension
 * is unverified, so silence pages: no data means replication stopped or the dimension is wrong. */
export const GLOBAL_LAG_ALARM: DocumentDbLagAlarm = {
    id: "replication-lag",
    metric: AWS_METRICS.docdbGlobalLag.value,
    description: "the DR cluster trails the primary region by more than 10 s; a regional failover now would lose those writes",
    treatMissingData: "breaching",
};

/** Where DocumentDB cannot run the global cluster a DR region needs. */
export function documentDbGlobalRegionProblem(primaryRegion: string, drRegion: string | undefined): string | undefined {
    if (drRegion === undefined) return undefined;
    const unavailable: readonly string[] = DOCUMENTDB_GLOBAL_CLUSTER_UNAVAILABLE_REGIONS.value;
    const blocked = [primaryRegion, drRegion].filter((r) => unavailable.includes(r));
    return blocked.length === 0
        ? undefined
        : `DocumentDB global clusters are not available in ${blocked.join(" and ")}; choose other regions or databaseEngine=atlas`;
}

/** How the app connects, to the primary and to the DR secondary alike: in replica set mode
 * (every instance-based cluster is "rs0"), reads on replicas, and no retryable writes, which
 * DocumentDB rejects. A secondary cluster has only read-only instances, so a read preference
 * that allows secondaries is what lets the DR region read at all before a failover. */
const DOCUMENTDB_URI_OPTIONS = { replicaSet: "rs0", readPreference: "secondaryPreferred", retryWrites: "false" };

/** Daily backups in the quietest hour (UTC), maintenance after them on Sunday. */
const BACKUP_WINDOW = "03:00-04:00";
const MAINTENANCE_WINDOW = "sun:04:30-sun:05:30";

/**
 * Amazon DocumentDB: an instance-based cluster in the private data subnets, one instance per
 * voting member spread across zones (plus read replicas), TLS and audit logging enforced by
 * its parameter group, storage and logs encrypted with the stack key, continuous backups with
 * point-in-time restore over the retention window. In prod it is the primary of a global
 * cluster whose secondary runs in the DR region.
 */
export class AwsDocumentDb extends pulumi.ComponentResource implements Database {
    public readonly metricsId: pulumi.Output<string>;
    public readonly host: pulumi.Output<string>;
    public readonly port: pulumi.Output<number>;
    public readonly readerHost: pulumi.Output<string>;
    public readonly replicaSetName: pulumi.Output<string | undefined>;
    public readonly connectionString: pulumi.Output<string>;
    public readonly connectionSecretId: pulumi.Output<string>;
    public readonly dr?: DataEndpoint;
    public readonly clusterIdentifier: string;

    constructor(name: string, args: DatabaseArgs<AwsTypes>, opts?: pulumi.ComponentResourceOptions) {
        super(DATABASE_TYPE, name, {}, opts);
        const settings = databaseSettings(args, "native");
        const { size, nodes, readReplicas } = settings;
        const { backupRetentionDays: retention, version } = args;
        assertBuildable(this, `Database ${name}`, [
            ...databaseConfigProblems(settings, { cloud: "aws", hasDr: args.dr !== undefined }),
            args.site.zones.length < 2 && nodes > 1 ? { key: "databaseNodes", message: `${nodes} members need at least 2 zones to survive a zone loss` } : undefined,
            ((problem) => (problem ? { key: "awsDrRegion", message: problem } : undefined))(documentDbGlobalRegionProblem(args.site.region, args.dr?.site.region)),
        ]);

        const prefix = args.site.namePrefix;
        this.clusterIdentifier = `${prefix}-docdb`;
        const instanceClass = DOCUMENTDB_CLASSES[size];
        const logRetention = args.logRetentionDays;

        // DocumentDB accepts any printable ASCII but '/', '"', '@' and space: the URI-safe set is within it.
        const random = new RandomProvider(`${name}-random`, {}, { parent: this });
        const password = new RandomPassword(`${name}-password`, DATABASE_PASSWORD, { parent: this, provider: random });

        const primary = this.regionalPlumbing(name, args, this.clusterIdentifier, version, logRetention, args.protect);

        const global = args.dr
            ? new GlobalCluster(
                  `${name}-global`,
                  {
                      globalClusterIdentifier: `${prefix}-docdb-global`,
                      engine: "docdb",
                      engineVersion: version,
                      storageEncrypted: true,
                      deletionProtection: args.protect,
                  },
                  { parent: this, provider: args.site.provider, protect: args.protect },
              )
            : undefined;

        const cluster = new Cluster(
            `${name}-cluster`,
            {
                clusterIdentifier: this.clusterIdentifier,
                engine: "docdb",
                engineVersion: version,
                globalClusterIdentifier: global?.id,
                masterUsername: DATABASE_USER,
                masterPassword: password.result,
                port: MONGODB_PORT,
                // No availabilityZones: DocumentDB fills the list up to three zones itself, so a
                // two-zone list would differ on every refresh and force a replacement. The
                // instances pin their zones instead.
                dbSubnetGroupName: primary.subnetGroup.name,
                vpcSecurityGroupIds: [primary.securityGroup.id],
                dbClusterParameterGroupName: primary.parameterGroup.name,
                storageEncrypted: true,
                kmsKeyId: args.keys.keyArn,
                backupRetentionPeriod: retention,
                preferredBackupWindow: BACKUP_WINDOW,
                preferredMaintenanceWindow: MAINTENANCE_WINDOW,
                enabledCloudwatchLogsExports: [...DOCUMENTDB_LOG_EXPORTS],
                deletionProtection: args.protect,
                skipFinalSnapshot: false,
                finalSnapshotIdentifier: `${this.clusterIdentifier}-final`,
                tags: { Name: this.clusterIdentifier },
            },
            // The log groups exist first, so DocumentDB exports into them instead of creating
            // unencrypted, never-expiring ones of its own.
            { parent: this, provider: args.site.provider, protect: args.protect, dependsOn: primary.logGroups },
        );

        const instances = documentDbInstancePlan(args.network.zoneNames, nodes, readReplicas).map(
            (plan, i) =>
                new ClusterInstance(
                    `${name}-instance-${i}`,
                    {
                        identifier: `${this.clusterIdentifier}-${i}`,
                        clusterIdentifier: cluster.id,
                        engine: "docdb",
                        instanceClass: instanceClass.instanceClass,
                        availabilityZone: plan.zone,
                        promotionTier: plan.promotionTier,
                        preferredMaintenanceWindow: MAINTENANCE_WINDOW,
                        caCertIdentifier: DOCUMENTDB_CA_CERT.value,
                        tags: { Name: `${this.clusterIdentifier}-${i}`, role: plan.role },
                    },
                    { parent: this, provider: args.site.provider },
                ),
        );

        const drInstance =
            args.dr && global
                ? this.drReplica(name, args.dr, global, version, instanceClass.instanceClass, retention, logRetention, args.protect, [cluster, ...instances])
                : undefined;

        this.metricsId = cluster.clusterIdentifier;
        this.host = cluster.endpoint;
        this.readerHost = cluster.readerEndpoint;
        this.port = cluster.port.apply((p) => p ?? MONGODB_PORT);
        // Every instance-based DocumentDB cluster is the replica set "rs0".
        this.replicaSetName = pulumi.output<string | undefined>("rs0");
        this.connectionString = secretMongoConnectionString(pulumi.interpolate`${cluster.endpoint}:${this.port}`, password.result, {
            srv: false,
            options: DOCUMENTDB_URI_OPTIONS,
        });
        if (args.dr && drInstance) {
            // The secondary's own cluster endpoint, as AWS advises for reads in a secondary's
            // region; the global cluster's failover makes it the writer's, so the DR app's
            // string stays the same afterwards. Same login: a global cluster replicates its users.
            const drHost = drInstance.cluster.endpoint;
            const drPort = drInstance.cluster.port.apply((p) => p ?? MONGODB_PORT);
            this.dr = {
                host: drHost,
                port: drPort,
                connectionString: secretMongoConnectionString(pulumi.interpolate`${drHost}:${drPort}`, password.result, { srv: false, options: DOCUMENTDB_URI_OPTIONS }),
                readOnlyUntilFailover: true,
                note: `DocumentDB global-cluster secondary in ${args.dr.site.region}: reads only until a global-cluster failover promotes it`,
            };
        }
        this.connectionSecretId = awsConnectionSecret(
            `${name}-connection`,
            storeSecretArgs(args, { purpose: "database", description: `MongoDB connection string of ${this.clusterIdentifier} (DocumentDB)`, value: this.connectionString }),
            this,
        );

        this.alarms(
            name,
            { site: args.site, topicArn: args.alerts.topicArn },
            this.clusterIdentifier,
            instances,
            instanceClass,
            nodes + readReplicas > 1 ? REPLICA_LAG_ALARM : undefined,
        );
        // The DR topic exists only where the alerts were given the DR region; the secondary's
        // alarms must notify a topic in its own region.
        const drTopicArn = args.alerts.drTopicArn;
        if (args.dr && drInstance && drTopicArn) {
            this.alarms(`${name}-dr`, { site: args.dr.site, topicArn: drTopicArn }, drInstance.clusterIdentifier, [drInstance.instance], instanceClass, GLOBAL_LAG_ALARM);
        }

        this.registerOutputs(databaseOutputs(this));
    }

    /** What a cluster needs in its region: security group, subnet group, parameter group, log groups. */
    private regionalPlumbing(name: string, region: DataRegion<AwsTypes>, clusterIdentifier: string, version: string, logRetention: number, protect: boolean) {
        const site: AwsSite = region.site;
        const child = { parent: this, provider: site.provider };
        const securityGroup = new SecurityGroup(
            `${name}-sg`,
            {
                vpcId: region.network.vpcId,
                name: `${clusterIdentifier}`,
                description: `DocumentDB ${clusterIdentifier}: MongoDB port from the workload security group only`,
                tags: { Name: clusterIdentifier },
            },
            child,
        );
        new SecurityGroupIngressRule(
            `${name}-sg-mongodb`,
            {
                securityGroupId: securityGroup.id,
                referencedSecurityGroupId: region.network.workloadSecurityGroupId,
                ipProtocol: "tcp",
                fromPort: MONGODB_PORT,
                toPort: MONGODB_PORT,
                description: "MongoDB from the app tier's workloads",
            },
            child,
        );
        const subnetGroup = new SubnetGroup(
            `${name}-subnets`,
            { name: clusterIdentifier, description: `Data-tier subnets of ${clusterIdentifier}`, subnetIds: region.network.dataSubnetIds },
            child,
        );
        const parameterGroup = new ClusterParameterGroup(
            `${name}-params`,
            {
                name: `${clusterIdentifier}-${documentDbFamily(version).replace(".", "")}`,
                family: documentDbFamily(version),
                description: `TLS required, audit log and profiler on (${clusterIdentifier})`,
                parameters: DOCUMENTDB_PARAMETERS.map((p) => ({ ...p })),
            },
            child,
        );
        const logGroups = DOCUMENTDB_LOG_EXPORTS.map(
            (log) =>
                new LogGroup(
                    `${name}-${log}-logs`,
                    // The path DocumentDB exports each log type to.
                    { name: `/aws/docdb/${clusterIdentifier}/${log}`, retentionInDays: logRetention, kmsKeyId: region.keys.keyArn, deletionProtectionEnabled: protect },
                    { ...child, protect },
                ),
        );
        return { securityGroup, subnetGroup, parameterGroup, logGroups };
    }

    /**
     * The DR region's secondary cluster: read-only, replicated by storage with typically
     * under a second of lag, and promotable with a global-cluster failover. It has one
     * instance, so a failover has a writer at once; more are added when it is promoted.
     */
    private drReplica(
        name: string,
        dr: DataRegion<AwsTypes>,
        global: GlobalCluster,
        version: string,
        instanceClass: string,
        retention: number,
        logRetention: number,
        protect: boolean,
        primary: readonly pulumi.Resource[],
    ): { clusterIdentifier: string; cluster: Cluster; instance: ClusterInstance } {
        const identifier = `${dr.site.namePrefix}-docdb-dr`;
        const plumbing = this.regionalPlumbing(`${name}-dr`, dr, identifier, version, logRetention, protect);
        const secondary = new Cluster(
            `${name}-dr-cluster`,
            {
                clusterIdentifier: identifier,
                engine: "docdb",
                engineVersion: version,
                globalClusterIdentifier: global.id,
                dbSubnetGroupName: plumbing.subnetGroup.name,
                vpcSecurityGroupIds: [plumbing.securityGroup.id],
                dbClusterParameterGroupName: plumbing.parameterGroup.name,
                storageEncrypted: true,
                kmsKeyId: dr.keys.keyArn,
                backupRetentionPeriod: retention,
                preferredBackupWindow: BACKUP_WINDOW,
                preferredMaintenanceWindow: MAINTENANCE_WINDOW,
                enabledCloudwatchLogsExports: [...DOCUMENTDB_LOG_EXPORTS],
                deletionProtection: protect,
                // The primary takes the final snapshot; a secondary's would duplicate it.
                skipFinalSnapshot: true,
                tags: { Name: identifier },
            },
            // A secondary can join only once the primary cluster has a writer instance.
            { parent: this, provider: dr.site.provider, protect, dependsOn: [...primary, ...plumbing.logGroups] },
        );
        const instance = new ClusterInstance(
            `${name}-dr-instance-0`,
            {
                identifier: `${identifier}-0`,
                clusterIdentifier: secondary.id,
                engine: "docdb",
                instanceClass,
                availabilityZone: dr.network.zoneNames[0],
                promotionTier: 0,
                preferredMaintenanceWindow: MAINTENANCE_WINDOW,
                caCertIdentifier: DOCUMENTDB_CA_CERT.value,
                tags: { Name: `${identifier}-0`, role: "dr" },
            },
            { parent: this, provider: dr.site.provider },
        );
        return { clusterIdentifier: identifier, cluster: secondary, instance };
    }

    /**
     * CloudWatch alarms for one region's cluster, notifying that region's topic (an alarm can
     * only publish to a topic in its own region): CPU above 80% for 15 minutes, freeable memory
     * below 10% of the class's memory (the working set no longer fits), connections above 80%
     * of the class limit (per instance), and the cluster's replication lag when it has any.
     */
    private alarms(
        name: string,
        region: { readonly site: AwsSite; readonly topicArn: pulumi.Output<string> },
        clusterIdentifier: string,
        instances: readonly ClusterInstance[],
        cls: DocumentDbClass,
        lag: DocumentDbLagAlarm | undefined,
    ): void {
        // Each alarm states what a period without data means (see `watch`); none relies on the
        // default, under which a wrong metric name or dimension stays silently INSUFFICIENT_DATA.
        const topic = region.topicArn;
        const child = { parent: this, provider: region.site.provider };
        const common = {
            period: 300,
            evaluationPeriods: 3,
            actionsEnabled: true,
            alarmActions: [topic],
            okActions: [topic],
        };
        const watch = (metric: AwsMetric, value: pulumi.Input<string>, treatMissingData: TreatMissingData) => ({
            namespace: metric.namespace,
            metricName: metric.metricName,
            dimensions: { [metric.dimensions[0]]: value },
            treatMissingData,
        });
        // Every instance publishes CPU, memory and connections each minute: silence means the
        // instance is gone or the alarm names the wrong one, and either must page.
        instances.forEach((instance, i) => {
            const id = `${clusterIdentifier}-${i}`;
            new MetricAlarm(
                `${name}-cpu-${i}`,
                {
                    ...common,
                    ...watch(AWS_METRICS.docdbCpu.value, instance.identifier, "breaching"),
                    name: `${id}-cpu-high`,
                    alarmDescription: `DocumentDB ${id}: CPU above 80% for 15 minutes; scale the size tier up or find the hot query in the profiler log`,
                    statistic: "Average",
                    comparisonOperator: "GreaterThanThreshold",
                    threshold: 80,
                },
                child,
            );
            new MetricAlarm(
                `${name}-memory-${i}`,
                {
                    ...common,
                    ...watch(AWS_METRICS.docdbFreeableMemory.value, instance.identifier, "breaching"),
                    name: `${id}-memory-low`,
                    alarmDescription: `DocumentDB ${id}: freeable memory below 10% of ${cls.memoryGib} GiB; the working set no longer fits in memory`,
                    statistic: "Minimum",
                    comparisonOperator: "LessThanThreshold",
                    threshold: Math.round(cls.memoryGib * 0.1 * 1024 ** 3),
                },
                child,
            );
            new MetricAlarm(
                `${name}-connections-${i}`,
                {
                    ...common,
                    ...watch(AWS_METRICS.docdbConnections.value, instance.identifier, "breaching"),
                    name: `${id}-connections-high`,
                    alarmDescription: `DocumentDB ${id}: more than 80% of the ${cls.maxConnections} connections ${cls.instanceClass} allows; check the app's pool sizes`,
                    statistic: "Maximum",
                    comparisonOperator: "GreaterThanThreshold",
                    threshold: Math.floor(cls.maxConnections * 0.8),
                },
                child,
            );
        });
        if (lag) {
            new MetricAlarm(
                `${name}-${lag.id}`,
                {
                    ...common,
                    ...watch(lag.metric, clusterIdentifier, lag.treatMissingData),
                    name: `${clusterIdentifier}-${lag.id}-high`,
                    alarmDescription: `DocumentDB ${clusterIdentifier}: ${lag.description}`,
                    statistic: "Maximum",
                    comparisonOperator: "GreaterThanThreshold",
                    threshold: 10_000,
                },
                child,
            );
        }
    }
}

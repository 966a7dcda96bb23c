import { AdvancedCluster } from "@pulumi/mongodbatlas/advancedCluster";
import { AlertConfiguration } from "@pulumi/mongodbatlas/alertConfiguration";
import { Auditing } from "@pulumi/mongodbatlas/auditing";
import { CloudBackupSchedule } from "@pulumi/mongodbatlas/cloudBackupSchedule";
import { DatabaseUser } from "@pulumi/mongodbatlas/databaseUser";
import { getAdvancedClusterOutput } from "@pulumi/mongodbatlas/getAdvancedCluster";
import { PrivateEndpointRegionalMode } from "@pulumi/mongodbatlas/privateEndpointRegionalMode";
import { Project } from "@pulumi/mongodbatlas/project";
import { Provider } from "@pulumi/mongodbatlas/provider";
import type * as atlasInputs from "@pulumi/mongodbatlas/types/input";
import * as pulumi from "@pulumi/pulumi";
import { Provider as RandomProvider } from "@pulumi/random/provider";
import { RandomPassword } from "@pulumi/random/randomPassword";
import type { Cloud } from "../../domain/clouds";
import type { Size } from "../../domain/stack-config";
import { ATLAS_DR_ELECTABLE_NODES, ATLAS_INSTANCE_SIZES, atlasRegionLoss, databaseConfigProblems, type AtlasRegionLoss } from "../../domain/capabilities/database";
import { ATLAS_ALERT_METRICS, ATLAS_PRIORITIES, ATLAS_PRIVATE_ENDPOINT_STRINGS } from "../../domain/catalogs/atlas";
import { uriHost, uriReplicaSet } from "../../domain/mongodb-uri";
import type { AtlasCloudSide, AtlasPrivateEndpoint, AtlasProviderName } from "../contracts/atlas";
import type { CloudTypes } from "../contracts/cloud";
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

/** Election priorities: the primary region is preferred (7); the DR region's nodes (6) take
 * over only when no primary-region node can. Atlas requires the highest to be 7, and each
 * further electable region exactly one less. */
export const ATLAS_PRIMARY_PRIORITY = ATLAS_PRIORITIES.value.highest;
export const ATLAS_DR_PRIORITY = ATLAS_PRIORITIES.value.highest - 1;

const PROVIDER_CLOUD: Readonly<Record<AtlasProviderName, Cloud>> = { AWS: "aws", GCP: "gcp", AZURE: "azure" };

export interface AtlasTopology {
    readonly providerName: AtlasProviderName;
    readonly primaryRegion: string;
    readonly drRegion?: string;
    readonly size: Size;
    readonly nodes: number;
    readonly readReplicas: number;
    readonly shards: number;
    readonly storageGb: number;
}

/**
 * The cluster's replication specs: one per shard (a replica set is one), each with the primary
 * region's electable and read-only nodes and, in prod, electable nodes in the DR region with
 * a lower priority. Atlas places a region's nodes in different zones itself. Disk grows
 * automatically; the tier stays what the stack asks for, so cost changes only by config.
 */
export function atlasReplicationSpecs(t: AtlasTopology): atlasInputs.AdvancedClusterReplicationSpec[] {
    const instanceSize = ATLAS_INSTANCE_SIZES[t.size];
    const autoScaling = { diskGbEnabled: true, computeEnabled: false };
    const primary: atlasInputs.AdvancedClusterReplicationSpecRegionConfig = {
        providerName: t.providerName,
        regionName: t.primaryRegion,
        priority: ATLAS_PRIMARY_PRIORITY,
        electableSpecs: { instanceSize, nodeCount: t.nodes, diskSizeGb: t.storageGb },
        readOnlySpecs: t.readReplicas > 0 ? { instanceSize, nodeCount: t.readReplicas, diskSizeGb: t.storageGb } : undefined,
        autoScaling,
    };
    const dr: atlasInputs.AdvancedClusterReplicationSpecRegionConfig[] = t.drRegion
        ? [
              {
                  providerName: t.providerName,
                  regionName: t.drRegion,
                  priority: ATLAS_DR_PRIORITY,
                  electableSpecs: { instanceSize, nodeCount: ATLAS_DR_ELECTABLE_NODES, diskSizeGb: t.storageGb },
                  autoScaling,
              },
          ]
        : [];
    return Array.from({ length: t.shards }, () => ({ regionConfigs: [primary, ...dr] }));
}

/** What Atlas lists per private endpoint under a cluster's connection strings (the resource's
 * and the data source's shapes both fit). */
export interface AtlasPrivateEndpointStrings {
    readonly srvConnectionString?: string;
    readonly srvShardOptimizedConnectionString?: string;
    readonly endpoints?: readonly { readonly endpointId?: string }[];
}

/**
 * The private-endpoint-aware SRV string of the cluster as reached through one region's
 * endpoint (the primary's, or the DR region's). Atlas lists one entry per combination of
 * endpoints; the one naming our endpoint is preferred, and any entry reaches the same members.
 * A replica set has one entry naming the endpoints of both regions, so both regions get the
 * same string; a sharded cluster with regionalized endpoints has one per region, reaching that
 * region's mongos.
 */
export function privateSrvConnectionString(privateEndpoints: readonly AtlasPrivateEndpointStrings[] | undefined, endpointId: string): string | undefined {
    const entries = privateEndpoints ?? [];
    const preferred = entries.find((e) => (e.endpoints ?? []).some((ep) => ep.endpointId === endpointId)) ?? entries[0];
    return preferred?.srvShardOptimizedConnectionString || preferred?.srvConnectionString || undefined;
}

export interface AtlasAlertRule {
    readonly id: string;
    readonly metricName: string;
    readonly threshold: number;
    readonly units: string;
    readonly why: string;
}

/**
 * The SRV string the stack stores (and hands the DR region's app, through the DR endpoint):
 * the private-endpoint one, or an error. The public SRV name is never a fallback: the project
 * has no IP access list, so it reaches nothing, and a secret holding it would fail only when
 * the applications connect.
 */
export function storedSrvConnectionString(privateEndpoints: readonly AtlasPrivateEndpointStrings[] | undefined, endpointId: string, clusterName: string): string {
    const srv = privateSrvConnectionString(privateEndpoints, endpointId);
    if (srv) return srv;
    throw new Error(
        `Atlas has not published a private-endpoint connection string for cluster ${clusterName} (${(privateEndpoints ?? []).length} private entries; endpoint ${endpointId}). ` +
            `Atlas lists one only when ${ATLAS_PRIVATE_ENDPOINT_STRINGS.value} and each is AVAILABLE: check the endpoints in the Atlas UI, then run \`pulumi up\` again. ` +
            "The connection secret was not written.",
    );
}

/**
 * Host metrics Atlas alerts on (names from Atlas's alert-host-metrics reference, unverified in domain/catalogs/atlas.ts): CPU and
 * memory pressure, the data disk filling, connections near the tier's limit, and secondaries
 * falling behind (a failover would lose that much). Disk alerts at 80% leave time for disk
 * auto-scaling, which Atlas triggers at 90%.
 */
export const ATLAS_ALERT_RULES: readonly AtlasAlertRule[] = [
    { id: "cpu", metricName: ATLAS_ALERT_METRICS.value.cpu, threshold: 80, units: "RAW", why: "CPU above 80%" },
    { id: "memory", metricName: ATLAS_ALERT_METRICS.value.memory, threshold: 90, units: "RAW", why: "memory above 90%" },
    { id: "disk", metricName: ATLAS_ALERT_METRICS.value.disk, threshold: 80, units: "RAW", why: "data disk above 80%" },
    { id: "connections", metricName: ATLAS_ALERT_METRICS.value.connections, threshold: 80, units: "RAW", why: "connections above 80% of the tier limit" },
    { id: "replication-lag", metricName: ATLAS_ALERT_METRICS.value.replicationLag, threshold: 60, units: "SECONDS", why: "a secondary more than 60 s behind" },
];

/** Authentication, user and role changes, and DDL: who got in, and who changed the schema. */
export const ATLAS_AUDIT_FILTER = JSON.stringify({
    atype: {
        $in: [
            "authenticate",
            "createUser",
            "dropUser",
            "updateUser",
            "grantRolesToUser",
            "revokeRolesFromUser",
            "createRole",
            "dropRole",
            "createDatabase",
            "dropDatabase",
            "createCollection",
            "dropCollection",
            "renameCollection",
            "createIndex",
            "dropIndex",
        ],
    },
});

/**
 * MongoDB Atlas on the stack's cloud: an Atlas project per stack, encrypted at rest with the
 * stack's key, reachable only through a private endpoint in each region it runs in (no IP
 * access-list entries at all), a replica set (or sharded cluster) across the primary region's
 * zones and, in prod, electable DR-region nodes; continuous backup with point-in-time restore,
 * a daily snapshot schedule with the stack's retention copied to the DR region in prod,
 * database auditing, and alerts to the on-call addresses.
 *
 * Regional failover is manual in prod: the primary region holds the majority of the votes
 * (3 + 2), so losing it leaves no primary until someone reconfigures the cluster in the Atlas
 * UI, and majority-acknowledged writes may exist only in the lost region. `regionLoss` states
 * what happens, who acts, and the RPO/RTO; docs/database.md has the procedure.
 *
 * Credentials for the Atlas API come from the user's environment (MONGODB_ATLAS_CLIENT_ID and
 * MONGODB_ATLAS_CLIENT_SECRET for a service account, or MONGODB_ATLAS_PUBLIC_KEY and
 * MONGODB_ATLAS_PRIVATE_KEY), which the explicit provider reads.
 */
export class AtlasDatabase<T extends CloudTypes> extends pulumi.ComponentResource implements Database {
    public readonly metricsId: pulumi.Output<string>;
    public readonly host: pulumi.Output<string>;
    public readonly port: pulumi.Output<number>;
    public readonly readerHost: pulumi.Output<string>;
    public readonly replicaSetName: pulumi.Output<string | undefined>;
    public readonly connectionString: pulumi.Output<string>;
    public readonly connectionSecretId: pulumi.Output<string>;
    public readonly dr?: DataEndpoint;
    public readonly projectId: pulumi.Output<string>;
    public readonly clusterName: pulumi.Output<string>;
    /** Prod (a DR region): what losing the primary region does, with its RPO and RTO. */
    public readonly regionLoss?: AtlasRegionLoss;

    constructor(name: string, args: DatabaseArgs<T>, side: AtlasCloudSide<T>, opts?: pulumi.ComponentResourceOptions) {
        super(DATABASE_TYPE, name, {}, opts);
        const settings = databaseSettings(args, "atlas");
        const { size, nodes, readReplicas, shards, storageGb, pointInTimeRecovery: pitr } = settings;
        const retention = args.backupRetentionDays;
        // Empty fails the check below, so the project never sees it.
        const orgId = args.atlasOrgId ?? "";
        assertBuildable(this, `Database ${name}`, [
            orgId !== "" ? undefined : { key: "atlasOrgId", message: "required to create the stack's Atlas project" },
            ...databaseConfigProblems(settings, { cloud: PROVIDER_CLOUD[side.providerName], hasDr: args.dr !== undefined }),
        ]);

        const prefix = args.site.namePrefix;
        const atlasProvider = new Provider(`${name}-atlas`, {}, { parent: this });
        const atlas = { parent: this, provider: atlasProvider };
        const sideOpts = { parent: this, atlasProvider };

        // Atlas's default alert set would mail project owners; the stack's own alerts below
        // go to the on-call addresses instead.
        const project = new Project(
            `${name}-project`,
            { name: prefix, orgId, withDefaultAlertsSettings: false, tags: { ...args.site.tags } },
            { ...atlas, protect: args.protect },
        );
        this.projectId = project.id;

        const encryption = side.encryptionAtRest(
            `${name}-encryption`,
            { projectId: project.id, site: args.site, keys: args.keys, azureServicePrincipalId: args.atlasAzureServicePrincipalId },
            sideOpts,
        );

        // A sharded cluster spanning regions is reached through an endpoint per region only
        // with regionalized private endpoints (which Atlas allows for sharded clusters only).
        const regionalMode =
            shards > 1 && args.dr ? [new PrivateEndpointRegionalMode(`${name}-regional-endpoints`, { projectId: project.id, enabled: true }, atlas)] : [];
        const endpoint = (role: string, region: DataRegion<T>): AtlasPrivateEndpoint =>
            side.privateEndpoint(`${name}-${role}-endpoint`, { ...region, projectId: project.id, dependsOn: regionalMode }, sideOpts);
        const primaryEndpoint = endpoint("primary", args);
        const drEndpoint = args.dr ? endpoint("dr", args.dr) : undefined;

        const cluster = new AdvancedCluster(
            `${name}-cluster`,
            {
                projectId: project.id,
                name: prefix,
                clusterType: shards > 1 ? "SHARDED" : "REPLICASET",
                mongoDbMajorVersion: args.version,
                versionReleaseSystem: "LTS",
                replicationSpecs: atlasReplicationSpecs({
                    providerName: side.providerName,
                    primaryRegion: side.atlasRegion(args.site.region),
                    drRegion: args.dr ? side.atlasRegion(args.dr.site.region) : undefined,
                    size,
                    nodes,
                    readReplicas,
                    shards,
                    storageGb,
                }),
                // Disk auto-scaling changes diskSizeGb; effective fields keep that out of diffs.
                useEffectiveFields: true,
                backupEnabled: true,
                pitEnabled: pitr,
                // Snapshots outlive an accidental cluster deletion.
                retainBackupsEnabled: true,
                encryptionAtRestProvider: side.providerName,
                advancedConfiguration: { minimumEnabledTlsProtocol: "TLS1_2", javascriptEnabled: false, defaultWriteConcern: "majority" },
                redactClientLogData: true,
                terminationProtectionEnabled: args.protect,
                tags: { ...args.site.tags },
            },
            // Encryption must be configured before a cluster can use it, and the private
            // connection strings are read when the cluster is created: endpoints come first.
            {
                ...atlas,
                protect: args.protect,
                dependsOn: [encryption, primaryEndpoint.registration, ...(drEndpoint ? [drEndpoint.registration] : [])],
            },
        );
        this.clusterName = cluster.name;

        const random = new RandomProvider(`${name}-random`, {}, { parent: this });
        const password = new RandomPassword(`${name}-password`, DATABASE_PASSWORD, { parent: this, provider: random });
        new DatabaseUser(
            `${name}-user`,
            {
                projectId: project.id,
                username: DATABASE_USER,
                password: password.result,
                authDatabaseName: "admin",
                description: "GravityPM application",
                roles: [{ roleName: "readWriteAnyDatabase", databaseName: "admin" }],
                scopes: [{ name: cluster.name, type: "CLUSTER" }],
            },
            atlas,
        );

        this.backups(name, args, side, atlasProvider, project, cluster, retention, pitr);
        new Auditing(`${name}-auditing`, { projectId: project.id, enabled: true, auditAuthorizationSuccess: false, auditFilter: ATLAS_AUDIT_FILTER }, atlas);
        this.alerts(name, args, atlasProvider, project);

        // The cluster's own connection strings are read when it is created, which can be before
        // Atlas publishes the private ones (and, with regionalized endpoints, a whole apply
        // before): read the cluster again once it and every endpoint registration exist, as
        // the provider's GCP port-mapped example does, and refuse to store anything else.
        const registrations = [primaryEndpoint.registration, ...(drEndpoint ? [drEndpoint.registration] : [])];
        const live = getAdvancedClusterOutput(
            { projectId: project.id, name: cluster.name, useEffectiveFields: true },
            { parent: this, provider: atlasProvider, dependsOn: [cluster, ...registrations] },
        );
        const srvHost = (through: AtlasPrivateEndpoint) =>
            pulumi.all([live.connectionStrings, through.endpointId, cluster.name]).apply(([strings, endpointId, clusterName]) => {
                try {
                    return uriHost(storedSrvConnectionString(strings.privateEndpoints, endpointId, clusterName));
                } catch (e) {
                    throw new pulumi.ResourceError(e instanceof Error ? e.message : String(e), this);
                }
            });
        this.metricsId = cluster.name;
        this.host = srvHost(primaryEndpoint);
        this.readerHost = this.host;
        this.port = pulumi.output(MONGODB_PORT);
        this.replicaSetName = live.connectionStrings.apply((s) => (shards > 1 ? undefined : uriReplicaSet(s.standard)));
        this.regionLoss = args.dr ? atlasRegionLoss(nodes, ATLAS_DR_ELECTABLE_NODES) : undefined;
        const options = { authSource: "admin", retryWrites: "true", w: "majority" };
        this.connectionString = secretMongoConnectionString(this.host, password.result, { srv: true, options });
        if (args.dr && drEndpoint) {
            // The DR network reaches the cluster only through the DR region's private endpoint
            // (it is not connected to the primary's network). A replica set has one SRV name for
            // every region, each member's host resolving to the endpoint in its own region, so
            // from there only the DR-region members answer: secondaries until the regional
            // reconfiguration (docs/database.md) elects one of them, hence a read preference
            // that reads from them while no primary is reachable. A sharded cluster has a string
            // per regional endpoint, reaching that region's mongos, which route writes to the
            // shard primaries wherever they are.
            const sharded = shards > 1;
            const drHost = srvHost(drEndpoint);
            const region = args.dr.site.region;
            this.dr = {
                host: drHost,
                port: this.port,
                connectionString: secretMongoConnectionString(drHost, password.result, { srv: true, options: sharded ? options : { ...options, readPreference: "primaryPreferred" } }),
                readOnlyUntilFailover: !sharded,
                note: sharded
                    ? `Atlas mongos in ${region} through its private endpoint: takes writes now, routed to the shard primaries in ${args.site.region}; after losing that region, writes wait for the regional reconfiguration`
                    : `Atlas replica set through the private endpoint in ${region}: only the ${region} members answer there, so reads only until a regional reconfiguration elects one of them`,
            };
        }
        this.connectionSecretId = side.connectionSecret(
            `${name}-connection`,
            storeSecretArgs(args, { purpose: "database", description: `MongoDB connection string of Atlas cluster ${prefix}`, value: this.connectionString }),
            this,
        );

        this.registerOutputs({ ...databaseOutputs(this), projectId: this.projectId, regionLoss: this.regionLoss });
    }

    /**
     * A snapshot every 6 hours and every day, both kept for the stack's retention, continuous
     * backup over the same window, and in prod a copy of each daily snapshot (with the oplog,
     * so point-in-time restores work there too) in the DR region.
     */
    private backups(
        name: string,
        args: DatabaseArgs<T>,
        side: AtlasCloudSide<T>,
        provider: Provider,
        project: Project,
        cluster: AdvancedCluster,
        retention: number,
        pitr: boolean,
    ): void {
        const dr = args.dr;
        new CloudBackupSchedule(
            `${name}-backup-schedule`,
            {
                projectId: project.id,
                clusterName: cluster.name,
                referenceHourOfDay: 3,
                referenceMinuteOfHour: 0,
                restoreWindowDays: pitr ? retention : undefined,
                policyItemHourly: { frequencyInterval: 6, retentionUnit: "days", retentionValue: retention },
                policyItemDaily: { frequencyInterval: 1, retentionUnit: "days", retentionValue: retention },
                updateSnapshots: true,
                copyPolicyItemsEnabled: dr ? true : undefined,
                copySettings: dr
                    ? [
                          {
                              cloudProvider: side.providerName,
                              regionName: side.atlasRegion(dr.site.region),
                              zoneId: cluster.replicationSpecs.apply((specs) => specs[0]?.zoneId ?? ""),
                              shouldCopyOplogs: pitr,
                              copyPolicyItems: [{ frequencyType: "daily", retentionUnit: "days", retentionValue: retention }],
                          },
                      ]
                    : undefined,
            },
            { parent: this, provider },
        );
    }

    /** Atlas cannot publish to a cloud's alert topic, so it notifies the stack's on-call
     * addresses (and webhook) directly. */
    private alerts(name: string, args: DatabaseArgs<T>, provider: Provider, project: Project): void {
        const notifications: atlasInputs.AlertConfigurationNotification[] = [
            ...args.alertEmails.map((emailAddress) => ({ typeName: "EMAIL", emailAddress, intervalMin: 60, delayMin: 0 })),
            ...(args.alertWebhookUrl ? [{ typeName: "WEBHOOK", webhookUrl: args.alertWebhookUrl, intervalMin: 60, delayMin: 0 }] : []),
        ];
        for (const rule of ATLAS_ALERT_RULES) {
            new AlertConfiguration(
                `${name}-alert-${rule.id}`,
                {
                    projectId: project.id,
                    enabled: true,
                    eventType: "OUTSIDE_METRIC_THRESHOLD",
                    metricThresholdConfig: {
                        metricName: rule.metricName,
                        operator: "GREATER_THAN",
                        threshold: rule.threshold,
                        units: rule.units,
                        mode: "AVERAGE",
                    },
                    notifications,
                },
                { parent: this, provider },
            );
        }
    }
}

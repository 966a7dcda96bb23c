import { MongoCluster } from "@pulumi/azure-native/mongocluster/mongoCluster";
import * as pulumi from "@pulumi/pulumi";
import { Provider as RandomProvider } from "@pulumi/random/provider";
import { RandomPassword } from "@pulumi/random/randomPassword";
import { RandomString } from "@pulumi/random/randomString";
import type { Size } from "../../domain/stack-config";
import { databaseConfigProblems, VCORE_HA_NODES } from "../../domain/capabilities/database";
import { uriHost } from "../../domain/mongodb-uri";
import { AZURE_PRIVATE_LINK, AZURE_VCORE_METRICS, AZURE_VCORE_PORT, AZURE_VCORE_TIERS } from "../../domain/catalogs/azure";
import { storeSecretArgs } from "../contracts/connection-secret";
import {
    DATABASE_PASSWORD,
    DATABASE_TYPE,
    DATABASE_USER,
    databaseOutputs,
    databaseSettings,
    secretMongoConnectionString,
    type DataEndpoint,
    type Database,
    type DatabaseArgs,
} from "../contracts/database";
import type { DataRegion } from "../contracts/region";
import { assertBuildable } from "../shared/buildable";
import { azureConnectionSecret } from "./connection-secret";
import type { AzureTypes } from ".";
import { dataStoreDiagnostics, dataStoreMetricAlert, dataStorePrivateEndpoint } from "./data-store";

/** Cosmos DB for MongoDB vCore listens on 10260, not MongoDB's 27017; its SRV record says so. */
export const VCORE_PORT = AZURE_VCORE_PORT.value;
/** Point-in-time restore over 35 days, fixed by the service (longer than any stack retention). */
export const VCORE_BACKUP_RETENTION_DAYS = 35;
export const VCORE_PRIVATE_DNS_ZONE = AZURE_PRIVATE_LINK.mongoCluster.value.dnsZone;

/**
 * Size tier → vCore compute tier. M30 (2 vCores, 8 GiB) is the smallest tier with high
 * availability and without burstable CPU; each step doubles vCores and memory, matching the
 * other clouds' tiers: M40 (4, 16 GiB), M50 (8, 32 GiB), M60 (16, 64 GiB).
 */
export const VCORE_TIERS: Readonly<Record<Size, string>> = AZURE_VCORE_TIERS.value;

export interface VcoreAlertRule {
    readonly id: string;
    readonly metricName: string;
    readonly threshold: number;
    readonly why: string;
}

/**
 * Azure Monitor metrics of Microsoft.DocumentDB/mongoClusters: CPU, memory and storage as a
 * percentage of the node, and request latency. The service publishes no connection-count or
 * replication-lag metric; latency is what a saturated connection pool or a lagging
 * replica shows up as first.
 */
export const VCORE_ALERT_RULES: readonly VcoreAlertRule[] = [
    { id: "cpu", metricName: AZURE_VCORE_METRICS.cpuPercent.value, threshold: 80, why: "CPU above 80% for 15 minutes" },
    { id: "memory", metricName: AZURE_VCORE_METRICS.memoryPercent.value, threshold: 90, why: "memory above 90% for 15 minutes" },
    { id: "storage", metricName: AZURE_VCORE_METRICS.storagePercent.value, threshold: 80, why: "storage above 80%: raise databaseStorageGb to the next allowed size" },
    { id: "latency", metricName: AZURE_VCORE_METRICS.requestDurationMs.value, threshold: 500, why: "requests average above 500 ms" },
];

/** What the app's connection strings (primary and DR replica) ask of vCore: SCRAM-SHA-256,
 * no retryable writes (vCore rejects them) and idle connections closed before vCore's gateway
 * drops them. */
const VCORE_URI_OPTIONS = { authMechanism: "SCRAM-SHA-256", retryWrites: "false", maxIdleTimeMS: "120000" };

/** The host of the connection string vCore returns for a cluster (a template with placeholders
 * for the login). The host is not sensitive even if the engine marks all of `properties` secret. */
function vcoreHost(cluster: MongoCluster): pulumi.Output<string> {
    return pulumi.unsecret(cluster.properties.apply((p) => uriHost(p.connectionString)));
}

/** vCore cluster names are global DNS names: 3-40 lowercase letters, digits and hyphens. */
export function vcoreClusterName(namePrefix: string, role: string, suffix: string): string {
    const name = `${namePrefix}-${role === "primary" ? "mongo" : "mongo-dr"}-${suffix}`.toLowerCase();
    if (!/^[a-z][a-z0-9-]{1,38}[a-z0-9]$/.test(name)) throw new RangeError(`"${name}" is not a valid vCore cluster name (3-40 lowercase letters, digits, hyphens)`);
    return name;
}

/**
 * Azure Cosmos DB for MongoDB vCore: a cluster with public network access disabled, reached
 * through a private endpoint in the data subnet whose name resolves through a private DNS
 * zone linked to the VNet; zone-redundant high availability in prod (a standby in another
 * zone per shard); continuous backup with 35-day point-in-time restore built in; and in prod
 * a geo-replica cluster in the DR region, readable and promotable.
 *
 * Storage is encrypted at rest with a service-managed key: the vCore API version this SDK
 * ships (2024-07-01) has no customer-managed-key setting. See docs/database.md.
 */
export class AzureCosmosMongo extends pulumi.ComponentResource implements Database {
    public readonly metricsId: pulumi.Output<string>;
    public readonly host: pulumi.Output<string>;
    public readonly port: pulumi.Output<number>;
    public readonly readerHost: pulumi.Output<string>;
    public readonly replicaSetName: pulumi.Output<string | undefined>;
    public readonly connectionString: pulumi.Output<string>;
    public readonly connectionSecretId: pulumi.Output<string>;
    public readonly dr?: DataEndpoint;
    public readonly clusterId: pulumi.Output<string>;

    constructor(name: string, args: DatabaseArgs<AzureTypes>, opts?: pulumi.ComponentResourceOptions) {
        super(DATABASE_TYPE, name, {}, opts);
        const settings = databaseSettings(args, "native");
        const { size, nodes, shards, storageGb } = settings;
        // vCore keeps backups for a fixed 35 days, at least the longest retention a stack can ask for.
        const retention = args.backupRetentionDays;
        assertBuildable(this, `Database ${name}`, [
            ...databaseConfigProblems(settings, { cloud: "azure", hasDr: args.dr !== undefined }),
            retention > VCORE_BACKUP_RETENTION_DAYS
                ? { key: "backupRetentionDays", message: `backupRetentionDays ${retention} exceeds the ${VCORE_BACKUP_RETENTION_DAYS} days vCore keeps` }
                : undefined,
        ]);

        const { site } = args;
        const random = { parent: this, provider: new RandomProvider(`${name}-random`, {}, { parent: this }) };
        const suffix = new RandomString(`${name}-name-suffix`, { length: 6, special: false, upper: false, numeric: true, lower: true }, random);
        // vCore requires three of upper, lower, digit and symbol.
        const password = new RandomPassword(`${name}-password`, { ...DATABASE_PASSWORD, minUpper: 2, minLower: 2, minNumeric: 2, minSpecial: 2 }, random);

        const cluster = new MongoCluster(
            `${name}-cluster`,
            {
                resourceGroupName: site.resourceGroupName,
                location: site.location,
                mongoClusterName: suffix.result.apply((s) => vcoreClusterName(site.namePrefix, "primary", s)),
                properties: {
                    createMode: "Default",
                    // Secret explicitly: the SDK passes `properties` through as a plain object.
                    administrator: { userName: DATABASE_USER, password: pulumi.secret(password.result) },
                    serverVersion: args.version,
                    compute: { tier: VCORE_TIERS[size] },
                    storage: { sizeGb: storageGb },
                    sharding: { shardCount: shards },
                    // Zone-redundant where the region has zones; HA keeps a synchronous standby.
                    highAvailability: { targetMode: nodes >= VCORE_HA_NODES ? "ZoneRedundantPreferred" : "Disabled" },
                    publicNetworkAccess: "Disabled",
                    // Cross-region replicas are a preview feature of this API version.
                    previewFeatures: args.dr ? ["GeoReplicas"] : undefined,
                },
                tags: { ...site.tags },
            },
            { parent: this, provider: site.provider, protect: args.protect },
        );
        this.clusterId = cluster.id;
        this.regionalPlumbing(`${name}-primary`, args, cluster);

        if (args.dr) {
            const dr = args.dr;
            // In the primary's resource group (Azure refuses a replica in another group: "Cannot
            // create replica in a different resource group from the source cluster"), but in the
            // DR region, through the DR provider, tagged as the DR site's; its private endpoint,
            // DNS zone and diagnostics below stay in the DR site's group and VNet.
            const replica = new MongoCluster(
                `${name}-dr-cluster`,
                {
                    resourceGroupName: site.resourceGroupName,
                    location: dr.site.location,
                    mongoClusterName: suffix.result.apply((s) => vcoreClusterName(site.namePrefix, "dr", s)),
                    properties: {
                        createMode: "GeoReplica",
                        replicaParameters: { sourceResourceId: cluster.id, sourceLocation: site.location },
                        publicNetworkAccess: "Disabled",
                    },
                    tags: { ...dr.site.tags },
                },
                { parent: this, provider: dr.site.provider, protect: args.protect },
            );
            this.regionalPlumbing(`${name}-dr`, dr, replica);
            // The replica's own name, which its private endpoint in the DR VNet serves (the
            // primary's name gets a private address only from the primary VNet's zone, and
            // public access is off). The replica copies the primary's data and users, so the
            // same login works; a promotion makes it read-write under the same name.
            const drHost = vcoreHost(replica);
            this.dr = {
                host: drHost,
                port: pulumi.output(VCORE_PORT),
                connectionString: secretMongoConnectionString(drHost, password.result, { srv: true, options: VCORE_URI_OPTIONS }),
                readOnlyUntilFailover: true,
                note: `Cosmos DB vCore geo-replica in ${dr.site.region}: reads only until it is promoted`,
            };
        }

        this.metricsId = cluster.id;
        this.host = vcoreHost(cluster);
        // The global name points at the primary; reads go there too (vCore has no in-region read replicas).
        this.readerHost = this.host;
        this.port = pulumi.output(VCORE_PORT);
        // vCore hides its members behind a gateway: drivers must not name a replica set.
        this.replicaSetName = pulumi.output<string | undefined>(undefined);
        this.connectionString = secretMongoConnectionString(this.host, password.result, { srv: true, options: VCORE_URI_OPTIONS });
        this.connectionSecretId = azureConnectionSecret(
            `${name}-connection`,
            storeSecretArgs(args, { purpose: "database", description: "MongoDB connection string (Cosmos DB for MongoDB vCore)", value: this.connectionString }),
            this,
        );
        this.alarms(name, args, cluster);

        this.registerOutputs(databaseOutputs(this));
    }

    /** A private endpoint in the region's data subnet with the private DNS zone that makes the
     * cluster's name resolve to it from the VNet; the cluster's request (audit) logs go to the
     * region's log storage account. */
    private regionalPlumbing(name: string, region: DataRegion<AzureTypes>, cluster: MongoCluster): void {
        dataStoreDiagnostics(`${name}-diagnostics`, "audit", cluster.id, region, this);
        region.site.diagnostics.register({ name: `${name}-cluster`, kind: "mongoCluster", resourceId: cluster.id });
        dataStorePrivateEndpoint(
            name,
            { ...region, store: "mongo", targetId: cluster.id, target: AZURE_PRIVATE_LINK.mongoCluster.value, dnsZoneConfigName: "mongocluster" },
            this,
        );
    }

    /** Azure Monitor metric alerts to the stack's action group, evaluated every 5 minutes over 15. */
    private alarms(name: string, args: DatabaseArgs<AzureTypes>, cluster: MongoCluster): void {
        const { site } = args;
        for (const rule of VCORE_ALERT_RULES) {
            dataStoreMetricAlert(
                name,
                {
                    site,
                    alerts: args.alerts,
                    store: "mongo",
                    scope: cluster.id,
                    metricNamespace: AZURE_VCORE_METRICS.namespace.value,
                    criterion: { ...rule, operator: "GreaterThan", timeAggregation: "Average" },
                    description: `Cosmos DB vCore: ${rule.why}`,
                    severity: 2,
                },
                this,
            );
        }
    }
}

import { Database, type DatabaseArgs } from "@pulumi/azure-native/redisenterprise/database";
import { listDatabaseKeysOutput } from "@pulumi/azure-native/redisenterprise/listDatabaseKeys";
import { RedisEnterprise } from "@pulumi/azure-native/redisenterprise/redisEnterprise";
import * as pulumi from "@pulumi/pulumi";
import { Provider as RandomProvider } from "@pulumi/random/provider";
import { RandomString } from "@pulumi/random/randomString";
import { AZURE_REDIS_SKUS, cacheConfigProblems, defaultCacheVersion } from "../../domain/capabilities/cache";
import {
    AZURE_MANAGED_REDIS_GEO_REPLICATION_ALERT_WINDOW,
    AZURE_MANAGED_REDIS_METRICS,
    AZURE_MANAGED_REDIS_PORT,
    AZURE_PRIVATE_LINK,
} from "../../domain/catalogs/azure";
import type { CachePersistence } from "../../domain/stack-config";
import { storeSecretArgs } from "../contracts/connection-secret";
import { CACHE_TYPE, cacheSettings, secretRedisConnectionString, type Cache, type CacheArgs, type CacheCrossRegion } from "../contracts/cache";
import type { DataEndpoint } from "../contracts/database";
import type { SiteRole } from "../contracts/site";
import { assertBuildable } from "../shared/buildable";
import { azureRegionalSecrets } from "./connection-secret";
import type { AzureTypes } from ".";
import type { AzureKeys } from "./keys";
import { azureName, NAME_SUFFIX_LENGTH, SITE_ROLE_CODES } from "./naming";
import type { AzureNetwork } from "./network";
import { dataStoreDiagnostics, dataStoreMetricAlert, dataStorePrivateEndpoint, type DataStoreMetricCriterion } from "./data-store";
import type { AzureSite } from "./site";

/** Azure Managed Redis serves its database on 10000 (TLS), whatever the SKU. */
export const AZURE_REDIS_PORT = AZURE_MANAGED_REDIS_PORT.value;
/** The zone a Managed Redis private endpoint registers in (not Azure Cache for Redis's
 * `privatelink.redis.cache.windows.net`). */
export const MANAGED_REDIS_PRIVATE_DNS_ZONE = AZURE_PRIVATE_LINK.redisEnterprise.value.dnsZone;
/** The database every Managed Redis cluster holds; the API accepts only this name. */
export const MANAGED_REDIS_DATABASE = "default";
/** Cluster names: 1-60 letters, digits and single hyphens. */
export const MANAGED_REDIS_NAME_MAX = 60;

/**
 * `<prefix>-<role>-cache-<suffix>`. The name becomes a public DNS name
 * (`<name>.<region>.redis.azure.net`) shared by every Azure customer, so a random suffix
 * (kept in state) keeps it unique, and lets a destroyed stack be re-created at once.
 */
export function managedRedisName(namePrefix: string, role: SiteRole, suffix: string): string {
    const tail = `-${SITE_ROLE_CODES[role]}-cache-${suffix}`;
    const name = azureName(namePrefix, MANAGED_REDIS_NAME_MAX, tail);
    if (!/^[a-z0-9](?!.*--)[a-z0-9-]{0,58}[a-z0-9]$/.test(name)) {
        throw new Error(`"${name}" is not a valid Azure Managed Redis name (1-60 letters, digits and single hyphens)`);
    }
    return name;
}

/** Persistence of the database: at most one of RDB (hourly) or AOF (fsync every second). */
export function managedRedisPersistence(persistence: CachePersistence): DatabaseArgs["persistence"] {
    switch (persistence) {
        case "none":
            return undefined;
        case "rdb":
            return { rdbEnabled: true, rdbFrequency: "1h" };
        case "aof":
            return { aofEnabled: true, aofFrequency: "1s" };
    }
}

/** The geo-replication group's name: the same on every member. */
export function geoReplicationGroupName(namePrefix: string): string {
    return `${namePrefix}-cache`;
}

export interface AzureCacheAlert extends DataStoreMetricCriterion {
    readonly description: string;
    readonly timeAggregation: "Maximum" | "Total";
    readonly geoReplicationOnly?: boolean;
}

/**
 * Memory above 80% leaves room for replication buffers; CPU above 80% on any node is where
 * latency climbs; any eviction drops sessions or rate-limit counters. Managed Redis exposes no
 * replica-lag metric: its replication signal is the health of the geo-replication link.
 */
export const AZURE_CACHE_ALERTS: readonly AzureCacheAlert[] = [
    { id: "memory", description: "memory above 80%", metricName: AZURE_MANAGED_REDIS_METRICS.usedMemoryPercentage.value, timeAggregation: "Maximum", operator: "GreaterThan", threshold: 80 },
    { id: "cpu", description: "CPU above 80%", metricName: AZURE_MANAGED_REDIS_METRICS.percentProcessorTime.value, timeAggregation: "Maximum", operator: "GreaterThan", threshold: 80 },
    { id: "evictions", description: "keys evicted", metricName: AZURE_MANAGED_REDIS_METRICS.evictedKeys.value, timeAggregation: "Total", operator: "GreaterThan", threshold: 0 },
    {
        id: "geo-replication",
        description: "geo-replication link unhealthy for an hour",
        metricName: AZURE_MANAGED_REDIS_METRICS.geoReplicationHealthy.value,
        // The maximum below 1 over the window: never healthy in the last hour. Maintenance and
        // scaling make the link briefly unhealthy, so Microsoft advises alerting only after 60 minutes.
        timeAggregation: "Maximum",
        operator: "LessThan",
        threshold: 1,
        windowSize: AZURE_MANAGED_REDIS_GEO_REPLICATION_ALERT_WINDOW.value,
        geoReplicationOnly: true,
    },
];

interface RegionalCache {
    readonly cluster: RedisEnterprise;
    readonly database: Database;
}

/**
 * Azure Managed Redis (Microsoft.Cache/redisEnterprise; docs/cache.md explains why not
 * Azure Cache for Redis Premium): a cluster encrypted at rest with the stack key through the
 * stack's identity, TLS 1.2 minimum, TLS-only client protocol, public network access off and
 * reached through a private endpoint in the data subnet with its private DNS zone; high
 * availability (a replica per shard, zone-redundant where the region has zones) whenever
 * there is a replica; RDB or AOF persistence; in prod an active geo-replication group with a
 * second cluster in the DR region. The access key goes into the stack's Key Vault.
 */
export class AzureCache extends pulumi.ComponentResource implements Cache {
    public readonly metricsId: pulumi.Output<string>;
    public readonly host: pulumi.Output<string>;
    public readonly port: pulumi.Output<number>;
    public readonly tls = true as const;
    /** Managed Redis shards by SKU behind one endpoint (EnterpriseCluster): clients see one node. */
    public readonly clusterMode = false;
    public readonly connectionString: pulumi.Output<string>;
    public readonly crossRegion: CacheCrossRegion;
    public readonly dr?: DataEndpoint;
    public readonly clusterId: pulumi.Output<string>;
    public readonly secretUri: pulumi.Output<string>;

    constructor(name: string, args: CacheArgs<AzureTypes>, opts?: pulumi.ComponentResourceOptions) {
        super(CACHE_TYPE, name, {}, opts);
        const settings = cacheSettings(args);
        const serviceVersion = defaultCacheVersion("azure", settings.engine);
        assertBuildable(this, `Cache ${name}`, [
            ...cacheConfigProblems(settings, "azure", args.environment === "prod"),
            args.version === serviceVersion ? undefined : { key: "version", message: `${args.version}: Azure Managed Redis runs Redis ${serviceVersion} and takes no version` },
        ]);

        const { site, keys, network, alerts, dr } = args;
        const groupNickname = geoReplicationGroupName(site.namePrefix);
        // An explicit provider, like every resource of the stack: never the ambient default.
        const random = new RandomProvider(`${name}-random`, {}, { parent: this });
        const suffix = new RandomString(
            `${name}-name-suffix`,
            { length: NAME_SUFFIX_LENGTH, special: false, upper: false, numeric: true, lower: true },
            { parent: this, provider: random },
        );

        const regional = (prefix: string, regionSite: AzureSite, regionKeys: AzureKeys, regionNetwork: AzureNetwork, linkedDatabases?: (own: pulumi.Output<string>) => pulumi.Input<string>[]): RegionalCache => {
            const child = { parent: this, provider: regionSite.provider };
            const tags = { ...regionSite.tags };
            const cluster = new RedisEnterprise(
                `${prefix}-cluster`,
                {
                    clusterName: suffix.result.apply((s) => managedRedisName(regionSite.namePrefix, regionSite.role, s)),
                    resourceGroupName: regionSite.resourceGroupName,
                    location: regionSite.location,
                    sku: { name: AZURE_REDIS_SKUS[settings.size].sku },
                    // A replica of every shard, placed across the region's zones by the service.
                    highAvailability: settings.replicasPerShard > 0 ? "Enabled" : "Disabled",
                    minimumTlsVersion: "1.2",
                    publicNetworkAccess: "Disabled",
                    identity: { type: "UserAssigned", userAssignedIdentities: [regionKeys.identityId] },
                    encryption: {
                        customerManagedKeyEncryption: {
                            keyEncryptionKeyIdentity: { identityType: "userAssignedIdentity", userAssignedIdentityResourceId: regionKeys.identityId },
                            // The API takes only a versioned key URL.
                            keyEncryptionKeyUrl: regionKeys.keyUriWithVersion,
                        },
                    },
                    tags,
                },
                // The identity's grant on the vault must exist before the cluster unwraps its key.
                { ...child, protect: args.protect, dependsOn: [regionKeys.keyAccess] },
            );
            const ownId = cluster.id.apply((id) => `${id}/databases/${MANAGED_REDIS_DATABASE}`);
            const database = new Database(
                `${prefix}-database`,
                {
                    resourceGroupName: regionSite.resourceGroupName,
                    clusterName: cluster.name,
                    databaseName: MANAGED_REDIS_DATABASE,
                    clientProtocol: "Encrypted",
                    port: AZURE_REDIS_PORT,
                    // One endpoint for the whole cluster: clients need no Redis Cluster support.
                    clusteringPolicy: "EnterpriseCluster",
                    // Only keys with a TTL are evicted, so sessions and counters without one survive.
                    evictionPolicy: "VolatileLRU",
                    // The connection string carries an access key (the contract's credential);
                    // Entra ID tokens keep working beside it.
                    accessKeysAuthentication: "Enabled",
                    persistence: managedRedisPersistence(settings.persistence),
                    geoReplication: linkedDatabases ? { groupNickname, linkedDatabases: linkedDatabases(ownId).map((id) => ({ id })) } : undefined,
                },
                {
                    ...child,
                    protect: args.protect,
                    // A database joins a geo-replication group only when created; once the DR
                    // member joins, Azure lists it on this one too, which must not read as a change.
                    ignoreChanges: linkedDatabases ? ["geoReplication"] : [],
                },
            );

            // Connection audit logs live on the database, platform metrics on the cluster.
            const region = { site: regionSite, network: regionNetwork };
            dataStoreDiagnostics(`${prefix}-database-diagnostics`, "audit", database.id, region, this);
            dataStoreDiagnostics(`${prefix}-cluster-diagnostics`, "metrics", cluster.id, region, this);
            regionSite.diagnostics.register({ name: `${prefix}-cluster`, kind: "redisEnterpriseCluster", resourceId: cluster.id });
            regionSite.diagnostics.register({ name: `${prefix}-database`, kind: "redisEnterpriseDatabase", resourceId: database.id });
            dataStorePrivateEndpoint(
                prefix,
                { ...region, store: "cache", targetId: cluster.id, target: AZURE_PRIVATE_LINK.redisEnterprise.value, dnsZoneConfigName: "redis" },
                this,
            );
            return { cluster, database };
        };

        const primary = regional(name, site, keys, network, dr ? (own) => [own] : undefined);
        if (dr) {
            const primaryDatabaseId = primary.database.id;
            const secondary = regional(`${name}-dr`, dr.site, dr.keys, dr.network, (own) => [primaryDatabaseId, own]);
            // Each member of a geo-replication group has its own host name and access key: the DR
            // vault gets the DR member's, so a workload failed over there reaches its own region.
            // The member is reached through its private endpoint in the DR VNet, and takes
            // writes at any time: active geo-replication has no promotion step.
            const drKeys = listDatabaseKeysOutput(
                { resourceGroupName: dr.site.resourceGroupName, clusterName: secondary.cluster.name, databaseName: secondary.database.name },
                { parent: this, provider: dr.site.provider },
            );
            const drPort = secondary.database.port.apply((p) => p ?? AZURE_REDIS_PORT);
            this.dr = {
                host: secondary.cluster.hostName,
                port: drPort,
                connectionString: secretRedisConnectionString(secondary.cluster.hostName, drPort, drKeys.primaryKey),
                readOnlyUntilFailover: false,
                note: `Azure Managed Redis geo-replication member in ${dr.site.region}: writable now (eventually consistent with the primary's), with its own access key`,
            };
            this.crossRegion = {
                mode: "active-geo-replication",
                region: dr.site.region,
                note: `Azure Managed Redis active geo-replication: a writable member in ${dr.site.region} (replaces persistence, which geo-replicated databases cannot have)`,
            };
        } else {
            this.crossRegion = { mode: "none", note: "no DR region: the cache lives in one region" };
        }

        const accessKeys = listDatabaseKeysOutput(
            { resourceGroupName: site.resourceGroupName, clusterName: primary.cluster.name, databaseName: primary.database.name },
            { parent: this, provider: site.provider },
        );
        this.metricsId = primary.cluster.id;
        this.host = primary.cluster.hostName;
        this.port = primary.database.port.apply((p) => p ?? AZURE_REDIS_PORT);
        this.connectionString = secretRedisConnectionString(this.host, this.port, accessKeys.primaryKey);
        this.secretUri = azureRegionalSecrets(
            name,
            storeSecretArgs(args, { purpose: "cache", description: `${site.namePrefix} cache: rediss:// URL of this region's member with its access key`, value: this.connectionString }),
            { dr: this.dr?.connectionString },
            this,
        );

        for (const alert of AZURE_CACHE_ALERTS) {
            if (alert.geoReplicationOnly && !dr) continue;
            dataStoreMetricAlert(
                name,
                {
                    site,
                    alerts,
                    store: "cache",
                    scope: primary.cluster.id,
                    metricNamespace: AZURE_MANAGED_REDIS_METRICS.namespace.value,
                    criterion: alert,
                    description: `${site.namePrefix} cache (Azure Managed Redis): ${alert.description}`,
                    severity: alert.id === "memory" || alert.id === "cpu" ? 2 : 1,
                },
                this,
            );
        }

        this.clusterId = primary.cluster.id;
        this.registerOutputs({ host: this.host, port: this.port, connectionString: this.connectionString, dr: this.dr, clusterId: this.clusterId, secretUri: this.secretUri });
    }
}

import { describe, expect, it } from "vitest";
import { AZURE_CACHE_ALERTS, managedRedisName, managedRedisPersistence, MANAGED_REDIS_NAME_MAX } from "../components/azure/cache";
import { RBAC_PROPAGATION_WAIT_TYPE } from "../components/azure/rbac-wait";
import { AZURE_MANAGED_REDIS_GEO_REPLICATION_ALERT_WINDOW, AZURE_MANAGED_REDIS_METRICS, AZURE_PRIVATE_LINK } from "../domain/catalogs/azure";
import { byUrn, cacheOf, dependsOn, input, named, ofType, one, plan } from "./support/plan";

const CLUSTER = "azure-native:redisenterprise:RedisEnterprise";
const DATABASE = "azure-native:redisenterprise:Database";


describe("pure Azure Managed Redis helpers", () => {
    it("names clusters uniquely within 60 characters", () => {
        expect(managedRedisName("gravitypm-prod", "primary", "abc123")).toBe("gravitypm-prod-pri-cache-abc123");
        const long = managedRedisName(`gravitypm-${"x".repeat(70)}`, "dr", "abc123");
        expect(long.length).toBeLessThanOrEqual(MANAGED_REDIS_NAME_MAX);
        expect(long.endsWith("-dr-cache-abc123")).toBe(true);
    });

    it("persists with at most one of RDB or AOF", () => {
        expect(managedRedisPersistence("rdb")).toEqual({ rdbEnabled: true, rdbFrequency: "1h" });
        expect(managedRedisPersistence("aof")).toEqual({ aofEnabled: true, aofFrequency: "1s" });
        expect(managedRedisPersistence("none")).toBeUndefined();
    });
});

describe("Azure cache, staging", async () => {
    const p = await plan("staging", "azure");
    const cluster = one(p, CLUSTER);
    const database = one(p, DATABASE);

    it("is one small Managed Redis cluster without a replica, encrypted with the stack key", () => {
        expect(input(cluster, "sku")).toEqual({ name: "Balanced_B1" });
        expect(input(cluster, "highAvailability")).toBe("Disabled");
        const identity = named(p, "primary-keys-identity");
        // The cluster unwraps its key only once the identity's grant has propagated.
        const wait = one(p, RBAC_PROPAGATION_WAIT_TYPE, "primary-keys-identity-crypto-user-propagation");
        expect(dependsOn(p, cluster, wait.name)).toBe(true);
        expect(dependsOn(p, wait, "primary-keys-identity-crypto-user")).toBe(true);
        expect(dependsOn(p, cluster, identity.name)).toBe(true);
        expect(input(cluster, "encryption.customerManagedKeyEncryption.keyEncryptionKeyIdentity.identityType")).toBe("userAssignedIdentity");
        expect(String(input(cluster, "encryption.customerManagedKeyEncryption.keyEncryptionKeyUrl"))).toMatch(
            new RegExp(`^${String(p.outputs.keyId)}/[0-9a-f]{32}$`),
        );
    });

    it("accepts TLS 1.2+ only, with access-key auth, and no public network", () => {
        expect(input(cluster, "minimumTlsVersion")).toBe("1.2");
        expect(input(cluster, "publicNetworkAccess")).toBe("Disabled");
        expect(input(database, "clientProtocol")).toBe("Encrypted");
        expect(input(database, "accessKeysAuthentication")).toBe("Enabled");
        expect(input(database, "persistence")).toEqual({ rdbEnabled: true, rdbFrequency: "1h" });
        expect(input(database, "geoReplication")).toBeUndefined();
    });

    it("is reached through a private endpoint in the data subnet and its private DNS zone", () => {
        const endpoint = one(p, "azure-native:network:PrivateEndpoint", "cache-endpoint");
        expect(input(endpoint, "subnet.id")).toMatch(/\/subnets\/data$/);
        expect(input(endpoint, "privateLinkServiceConnections")).toEqual([
            {
                name: "gravitypm-staging-primary-cache-pe",
                privateLinkServiceId: expect.stringMatching(/redisEnterprise\/gravitypm-staging-pri-cache-/),
                groupIds: [AZURE_PRIVATE_LINK.redisEnterprise.value.groupId],
            },
        ]);
        expect(input(one(p, "azure-native:privatedns:PrivateZone", "cache-dns-zone"), "privateZoneName")).toBe(AZURE_PRIVATE_LINK.redisEnterprise.value.dnsZone);
        expect(input(one(p, "azure-native:privatedns:VirtualNetworkLink", "cache-dns-link"), "virtualNetwork.id")).toBe(p.outputs.networkId);
        expect(dependsOn(p, one(p, "azure-native:network:PrivateDnsZoneGroup", "cache-dns-group"), "cache-dns-zone")).toBe(true);
    });

    it("sends connection logs and metrics to the region's log storage account", () => {
        const db = one(p, "azure-native:monitor:DiagnosticSetting", "cache-database-diagnostics");
        expect(input(db, "logs")).toEqual([{ categoryGroup: "allLogs", enabled: true }]);
        expect(dependsOn(p, db, "cache-database")).toBe(true);
        expect(input(one(p, "azure-native:monitor:DiagnosticSetting", "cache-cluster-diagnostics"), "metrics")).toEqual([{ category: "AllMetrics", enabled: true }]);
    });

    it("keeps the access key secret, in the stack's Key Vault", () => {
        const secret = one(p, "azure-native:keyvault:Secret", "cache-primary-secret");
        expect(secret.secretInputs).toContain("properties.value");
        expect(dependsOn(p, secret, "primary-keys-vault")).toBe(true);
        expect(p.outputs.cachePort).toBe(10000);
        expect(p.outputs.cacheHost).toMatch(/^gravitypm-staging-pri-cache-[a-z0-9]{6}\.eastus2\.redis\.azure\.net$/);
        expect(JSON.stringify(p.outputs)).not.toContain("rediss://");
    });

    it("alerts on memory, CPU and evictions to the action group (no geo link to watch)", () => {
        const alerts = ofType(p, "azure-native:monitor:MetricAlert").filter((a) => a.name.startsWith("cache-"));
        expect(alerts.map((a) => a.name).sort()).toEqual(["cache-alert-cpu", "cache-alert-evictions", "cache-alert-memory"]);
        for (const alert of alerts) {
            expect(input(alert, "actions")).toEqual([{ actionGroupId: (p.outputs.alertTargets as string[])[0] }]);
            expect(input(alert, "enabled")).toBe(true);
            expect(input(alert, "scopes")).toEqual([expect.stringMatching(/redisEnterprise\/gravitypm-staging-pri-cache-/)]);
        }
    });

    it("protects nothing in staging", () => {
        expect(cacheOf(p).filter((r) => r.protect)).toEqual([]);
    });
});

describe("Azure cache, prod", async () => {
    const p = await plan("prod", "azure");
    const primary = one(p, DATABASE, "cache-database");
    const secondary = one(p, DATABASE, "cache-dr-database");

    it("is highly available on a SKU that geo-replicates", () => {
        for (const cluster of ofType(p, CLUSTER)) {
            expect(input(cluster, "highAvailability")).toBe("Enabled");
            expect(input(cluster, "sku")).toEqual({ name: "Balanced_B5" });
        }
    });

    it("geo-replicates to a second cluster in the DR region, encrypted with the DR key", () => {
        const drCluster = one(p, CLUSTER, "cache-dr-cluster");
        expect(input(drCluster, "location")).toBe("westus2");
        expect(byUrn(p, drCluster.provider)?.name).toBe("azure-dr");
        expect(dependsOn(p, drCluster, "dr-keys-identity-crypto-user-propagation")).toBe(true);
        expect(dependsOn(p, drCluster, "dr-keys-identity-crypto-user")).toBe(false);
        const primaryId = input(primary, "geoReplication.linkedDatabases") as { id: string }[];
        const secondaryLinks = input(secondary, "geoReplication.linkedDatabases") as { id: string }[];
        expect(input(primary, "geoReplication.groupNickname")).toBe(input(secondary, "geoReplication.groupNickname"));
        expect(primaryId).toHaveLength(1);
        expect(secondaryLinks.map((l) => l.id)).toEqual([primaryId[0].id, expect.stringMatching(/resourceGroups\/gravitypm-prod-dr\/.*\/databases\/default$/)]);
        // Geo-replicated databases cannot persist: the DR member is prod's durability.
        expect(input(primary, "persistence")).toBeUndefined();
        expect(p.outputs.cacheCrossRegion).toMatch(/^active-geo-replication: .*westus2/);
    });

    it("has a private endpoint and DNS zone in each region", () => {
        expect(input(one(p, "azure-native:network:PrivateEndpoint", "cache-dr-endpoint"), "subnet.id")).toMatch(/gravitypm-prod-dr\/subnets\/data$/);
        const zones = ofType(p, "azure-native:privatedns:PrivateZone").filter((z) => z.name.startsWith("cache-"));
        expect(zones.map((z) => input(z, "privateZoneName"))).toEqual([AZURE_PRIVATE_LINK.redisEnterprise.value.dnsZone, AZURE_PRIVATE_LINK.redisEnterprise.value.dnsZone]);
        for (const name of ["cache-endpoint", "cache-dr-endpoint"]) {
            const [connection] = input(one(p, "azure-native:network:PrivateEndpoint", name), "privateLinkServiceConnections") as { groupIds: string[] }[];
            expect(connection.groupIds).toEqual([AZURE_PRIVATE_LINK.redisEnterprise.value.groupId]);
        }
    });

    it("stores each region's own endpoint and access key in that region's vault", () => {
        // Values are secret in the plan; what each secret is built from shows in its dependencies.
        const primarySecret = one(p, "azure-native:keyvault:Secret", "cache-primary-secret");
        const drSecret = one(p, "azure-native:keyvault:Secret", "cache-dr-secret");
        expect(dependsOn(p, primarySecret, "cache-cluster")).toBe(true);
        expect(dependsOn(p, primarySecret, "cache-dr-cluster")).toBe(false);
        expect(dependsOn(p, drSecret, "cache-dr-cluster")).toBe(true);
        expect(dependsOn(p, drSecret, "cache-dr-database")).toBe(true);
        expect(dependsOn(p, drSecret, "cache-cluster")).toBe(false);
        expect(dependsOn(p, drSecret, "dr-keys-vault")).toBe(true);
        expect(input(drSecret, "secretName")).toBe(input(primarySecret, "secretName"));
        expect(drSecret.secretInputs).toContain("properties.value");
    });

    it("pages on the geo-replication link only after the hour Microsoft advises, other alerts after 15 minutes", () => {
        const geo = named(p, "cache-alert-geo-replication");
        expect(input(geo, "windowSize")).toBe(AZURE_MANAGED_REDIS_GEO_REPLICATION_ALERT_WINDOW.value);
        expect(input(geo, "criteria.allOf")).toEqual([expect.objectContaining({ metricName: AZURE_MANAGED_REDIS_METRICS.geoReplicationHealthy.value, timeAggregation: "Maximum" })]);
        for (const id of ["memory", "cpu", "evictions"]) expect(input(named(p, `cache-alert-${id}`), "windowSize")).toBe("PT15M");
        expect(input(named(p, "cache-alert-memory"), "criteria.allOf.0.metricNamespace")).toBe(AZURE_MANAGED_REDIS_METRICS.namespace.value);
    });

    it("protects the clusters, databases and secrets, and watches the geo-replication link", () => {
        expect(cacheOf(p).filter((r) => r.protect).map((r) => r.name).sort()).toEqual([
            "cache-cluster",
            "cache-database",
            "cache-dr-cluster",
            "cache-dr-database",
            "cache-dr-secret",
            "cache-primary-secret",
        ]);
        const alerts = ofType(p, "azure-native:monitor:MetricAlert").filter((a) => a.name.startsWith("cache-"));
        expect(alerts).toHaveLength(AZURE_CACHE_ALERTS.length);
        expect(input(named(p, "cache-alert-geo-replication"), "criteria.allOf")).toEqual([
            expect.objectContaining({ metricName: AZURE_MANAGED_REDIS_METRICS.geoReplicationHealthy.value, operator: "LessThan", threshold: 1 }),
        ]);
    });
});

describe("Azure cache, AOF in staging", async () => {
    const p = await plan("staging", "azure", { cachePersistence: "aof", cacheReplicasPerShard: "1" });
    it("persists every second and turns on high availability", () => {
        expect(input(one(p, DATABASE), "persistence")).toEqual({ aofEnabled: true, aofFrequency: "1s" });
        expect(input(one(p, CLUSTER), "highAvailability")).toBe("Enabled");
    });
});

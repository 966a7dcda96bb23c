import { describe, expect, it } from "vitest";
import { VCORE_ALERT_RULES, VCORE_PRIVATE_DNS_ZONE, VCORE_TIERS, vcoreClusterName } from "../components/azure/database";
import { AZURE_PRIVATE_LINK, AZURE_VCORE_METRICS, AZURE_VCORE_PORT, AZURE_VCORE_STORAGE_SIZES_GB, AZURE_VCORE_TIERS } from "../domain/catalogs/azure";
import { byUrn, input, ofType, one, plan } from "./support/plan";

const CLUSTER = "azure-native:mongocluster:MongoCluster";

describe("Cosmos DB vCore pure logic", () => {
    it("names clusters within vCore's global DNS rules", () => {
        expect(vcoreClusterName("gravitypm-prod", "primary", "a1b2c3")).toBe("gravitypm-prod-mongo-a1b2c3");
        expect(vcoreClusterName("gravitypm-prod", "dr", "a1b2c3")).toBe("gravitypm-prod-mongo-dr-a1b2c3");
        expect(() => vcoreClusterName("x".repeat(40), "primary", "a1b2c3")).toThrow(/3-40/);
    });

    it("starts at the smallest tier with high availability", () => {
        expect(VCORE_TIERS).toEqual(AZURE_VCORE_TIERS.value);
    });
});

describe("Cosmos DB vCore in staging", async () => {
    const p = await plan("staging", "azure");
    const cluster = one(p, CLUSTER);

    it("runs without HA, closed to the internet, and unprotected", () => {
        expect(input(cluster, "properties.highAvailability.targetMode")).toBe("Disabled");
        expect(input(cluster, "properties.publicNetworkAccess")).toBe("Disabled");
        expect(input(cluster, "properties.compute.tier")).toBe(AZURE_VCORE_TIERS.value.small);
        expect(AZURE_VCORE_STORAGE_SIZES_GB.value).toContain(input(cluster, "properties.storage.sizeGb"));
        expect(cluster.protect).toBe(false);
        expect(ofType(p, CLUSTER)).toHaveLength(1);
    });
});

describe("Cosmos DB vCore in prod", async () => {
    const p = await plan("prod", "azure");
    const primary = one(p, CLUSTER, "database-cluster");
    const replica = one(p, CLUSTER, "database-dr-cluster");

    it("is zone-redundant, closed to the internet and protected", () => {
        expect(input(primary, "properties.highAvailability.targetMode")).toBe("ZoneRedundantPreferred");
        expect(input(primary, "properties.publicNetworkAccess")).toBe("Disabled");
        expect(input(primary, "properties.compute.tier")).toBe("M40");
        expect(AZURE_VCORE_STORAGE_SIZES_GB.value).toContain(input(primary, "properties.storage.sizeGb"));
        expect(primary.protect).toBe(true);
        expect(primary.secretInputs).toContain("properties.administrator.password");
    });

    it("keeps a geo-replica in the DR region", () => {
        expect(input(replica, "location")).toBe("westus2");
        expect(input(replica, "properties.createMode")).toBe("GeoReplica");
        expect(input(replica, "properties.replicaParameters.sourceLocation")).toBe("eastus");
        // Azure refuses a replica outside its source's resource group; region and provider stay the DR site's.
        expect(input(replica, "resourceGroupName")).toBe(input(primary, "resourceGroupName"));
        expect(input(replica, "resourceGroupName")).toBe("gravitypm-prod-primary");
        expect(byUrn(p, replica.provider)?.name).toBe("azure-dr");
        expect(replica.dependencies).toContain(primary.urn);
        expect(input(replica, "properties.publicNetworkAccess")).toBe("Disabled");
        // The replica's private endpoint, zone and diagnostics stay in the DR site's group and VNet.
        const drEndpoint = one(p, "azure-native:network:PrivateEndpoint", "database-dr-endpoint");
        expect(input(drEndpoint, "resourceGroupName")).toBe("gravitypm-prod-dr");
        expect(input(drEndpoint, "location")).toBe("westus2");
        expect(String(input(drEndpoint, "subnet.id"))).toMatch(/gravitypm-prod-dr\/subnets\/data$/);
        const [connection] = input(drEndpoint, "privateLinkServiceConnections") as { privateLinkServiceId: string }[];
        expect(connection.privateLinkServiceId).toMatch(/resourceGroups\/gravitypm-prod-primary\/.*mongoClusters\/gravitypm-prod-mongo-dr-/);
        expect(input(one(p, "azure-native:privatedns:PrivateZone", "database-dr-dns-zone"), "resourceGroupName")).toBe("gravitypm-prod-dr");
        expect(replica.protect).toBe(true);
        expect(input(primary, "properties.previewFeatures")).toEqual(["GeoReplicas"]);
    });

    it("is reached through a private endpoint in each region's data subnet, resolved by a linked private DNS zone", () => {
        const endpoints = ofType(p, "azure-native:network:PrivateEndpoint").filter((e) => e.name.startsWith("database-"));
        expect(endpoints).toHaveLength(2);
        for (const e of endpoints) {
            expect(input(e, "privateLinkServiceConnections")).toEqual([expect.objectContaining({ groupIds: [AZURE_PRIVATE_LINK.mongoCluster.value.groupId] })]);
            expect(input(e, "subnet.id")).toMatch(/\/subnets\/.*data/);
        }
        const zones = ofType(p, "azure-native:privatedns:PrivateZone").filter((z) => z.name.startsWith("database-"));
        expect(VCORE_PRIVATE_DNS_ZONE).toBe(AZURE_PRIVATE_LINK.mongoCluster.value.dnsZone);
        expect(zones.map((z) => input(z, "privateZoneName"))).toEqual([AZURE_PRIVATE_LINK.mongoCluster.value.dnsZone, AZURE_PRIVATE_LINK.mongoCluster.value.dnsZone]);
        expect(ofType(p, "azure-native:privatedns:VirtualNetworkLink").filter((l) => l.name.startsWith("database-"))).toHaveLength(2);
        expect(ofType(p, "azure-native:network:PrivateDnsZoneGroup").filter((g) => g.name.startsWith("database-"))).toHaveLength(2);
    });

    it("alerts to the stack's action group", () => {
        const alerts = ofType(p, "azure-native:monitor:MetricAlert").filter((a) => a.name.startsWith("database-"));
        expect(alerts.map((a) => input(a, "criteria.allOf")).map((c) => (c as { metricName: string }[])[0].metricName)).toEqual(VCORE_ALERT_RULES.map((r) => r.metricName));
        const catalogued = [AZURE_VCORE_METRICS.cpuPercent, AZURE_VCORE_METRICS.memoryPercent, AZURE_VCORE_METRICS.storagePercent, AZURE_VCORE_METRICS.requestDurationMs].map((m) => m.value);
        for (const rule of VCORE_ALERT_RULES) expect(catalogued).toContain(rule.metricName);
        for (const alert of alerts) expect(input(alert, "criteria.allOf.0.metricNamespace")).toBe(AZURE_VCORE_METRICS.namespace.value);
        const group = one(p, "azure-native:monitor:ActionGroup");
        for (const alert of alerts) {
            expect(input(alert, "enabled")).toBe(true);
            expect(input(alert, "actions")).toEqual([{ actionGroupId: expect.stringContaining(String(input(group, "actionGroupName"))) }]);
        }
    });

    it("stores the secret connection string in Key Vault in both regions", () => {
        const secrets = ofType(p, "azure-native:keyvault:Secret").filter((s) => s.name.startsWith("database-"));
        expect(secrets).toHaveLength(2);
        for (const s of secrets) {
            expect(input(s, "secretName")).toBe("database-connection-string");
            expect(s.secretInputs).toContain("properties.value");
            expect(s.protect).toBe(true);
        }
        expect(p.outputs.databaseConnectionString).toBe("[secret]");
        expect(p.outputs.databaseConnectionSecretId).toMatch(/^https:\/\/.+\.vault\.azure\.net\/secrets\/database-connection-string$/);
        expect(p.outputs.databasePort).toBe(AZURE_VCORE_PORT.value);
    });
});

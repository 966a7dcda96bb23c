import { describe, expect, it } from "vitest";
import { clusterPersistence, gcpCacheAlerts, gcpInstanceShape, memorystoreName, memorystoreRedisVersion } from "../components/gcp/cache";
import type { Plan, PlannedResource } from "../src/plan/types";
import { byUrn, descendants, input, ofType, one, plan } from "./support/plan";

const INSTANCE = "gcp:redis/instance:Instance";
const CLUSTER = "gcp:redis/cluster:Cluster";

function named(p: Plan, name: string): PlannedResource {
    const r = p.resources.find((x) => x.name === name);
    if (!r) throw new Error(`no resource named ${name}`);
    return r;
}
function cacheOf(p: Plan): PlannedResource[] {
    return descendants(p, one(p, "gravitypm:components:Cache", "cache"));
}
function dependsOn(p: Plan, r: PlannedResource, name: string): boolean {
    return r.dependencies.some((u) => byUrn(p, u)?.name === name);
}

describe("pure Memorystore helpers", () => {
    it("names instances within 40 characters", () => {
        expect(memorystoreName("gravitypm-prod", "cache")).toBe("gravitypm-prod-cache");
        expect(memorystoreName("gravitypm-an-exceedingly-long-stack-name-here", "cache-dr").length).toBeLessThanOrEqual(40);
    });

    it("maps versions to Memorystore's enum", () => {
        expect(memorystoreRedisVersion("7.2")).toBe("REDIS_7_2");
        expect(() => memorystoreRedisVersion("7")).toThrow(/major\.minor/);
    });

    it("shapes instances: BASIC without replicas, read replicas only from 5 GB", () => {
        expect(gcpInstanceShape("small", 0)).toEqual({ tier: "BASIC", memorySizeGb: 1 });
        expect(gcpInstanceShape("small", 1)).toEqual({ tier: "STANDARD_HA", memorySizeGb: 1, replicaCount: 1, readReplicasMode: "READ_REPLICAS_DISABLED" });
        expect(gcpInstanceShape("medium", 2)).toEqual({ tier: "STANDARD_HA", memorySizeGb: 5, replicaCount: 2, readReplicasMode: "READ_REPLICAS_ENABLED" });
    });

    it("persists clusters as configured", () => {
        expect(clusterPersistence("aof", true)).toEqual({ mode: "AOF", aofConfig: { appendFsync: "EVERYSEC" } });
        expect(clusterPersistence("rdb", true)).toEqual({ mode: "RDB", rdbConfig: { rdbSnapshotPeriod: "ONE_HOUR" } });
        expect(clusterPersistence("none", false)).toEqual({ mode: "DISABLED" });
    });

    it("alerts on memory, CPU, evictions and replication for both services", () => {
        for (const cluster of [false, true]) expect(gcpCacheAlerts(cluster).map((a) => a.id)).toEqual(["memory", "cpu", "evictions", "replication-lag"]);
    });
});

describe("GCP cache, staging", async () => {
    const p = await plan("staging", "gcp");
    const instance = one(p, INSTANCE);

    it("is one small BASIC instance, still encrypted, authenticated and private", () => {
        expect(input(instance, "tier")).toBe("BASIC");
        expect(input(instance, "memorySizeGb")).toBe(1);
        expect(input(instance, "authEnabled")).toBe(true);
        expect(input(instance, "transitEncryptionMode")).toBe("SERVER_AUTHENTICATION");
        expect(input(instance, "customerManagedKey")).toBe(p.outputs.keyId);
        expect(input(instance, "connectMode")).toBe("PRIVATE_SERVICE_ACCESS");
        expect(input(instance, "authorizedNetwork")).toBe(p.outputs.networkId);
        expect(input(instance, "reservedIpRange")).toBe("gravitypm-staging-primary-private-services");
        expect(input(instance, "persistenceConfig")).toEqual({ persistenceMode: "RDB", rdbSnapshotPeriod: "TWENTY_FOUR_HOURS" });
        expect(input(instance, "deletionProtection")).toBe(false);
    });

    it("waits for private services access and for the key grant to Memorystore's agent", () => {
        expect(dependsOn(p, instance, "primary-network-private-services-connection")).toBe(true);
        expect(dependsOn(p, instance, "primary-keys-redis-agent")).toBe(true);
    });

    it("keeps the AUTH connection string secret, in Secret Manager under the stack key", () => {
        const secret = one(p, "gcp:secretmanager/secret:Secret", "cache-secret");
        expect(input(secret, "secretId")).toBe("gravitypm-staging-cache-connection-string");
        expect(input(secret, "replication")).toEqual({
            userManaged: { replicas: [{ location: "us-east1", customerManagedEncryption: { kmsKeyName: p.outputs.keyId } }] },
        });
        expect(one(p, "gcp:secretmanager/secretVersion:SecretVersion", "cache-secret-value").secretInputs).toContain("secretData");
        expect(p.outputs.cachePort).toBe(6378);
        expect(JSON.stringify(p.outputs)).not.toContain("rediss://");
    });

    it("alerts on memory, CPU and evictions to the stack's channels (no replica, no lag alert)", () => {
        const policies = ofType(p, "gcp:monitoring/alertPolicy:AlertPolicy").filter((a) => a.name.startsWith("cache-"));
        expect(policies.map((a) => a.name).sort()).toEqual(["cache-cpu", "cache-evictions", "cache-memory"]);
        for (const policy of policies) {
            expect(input(policy, "notificationChannels")).toEqual(p.outputs.alertTargets);
            expect(input(policy, "enabled")).toBe(true);
            expect(input(policy, "conditions") as unknown[]).toHaveLength(1);
            expect(JSON.stringify(input(policy, "conditions"))).toContain(
                'resource.labels.instance_id = \\"projects/gravitypm-staging/locations/us-east1/instances/gravitypm-staging-cache\\"',
            );
        }
    });

    it("protects nothing in staging", () => {
        expect(cacheOf(p).filter((r) => r.protect)).toEqual([]);
    });
});

describe("GCP cache, prod (one shard: Memorystore instance)", async () => {
    const p = await plan("prod", "gcp");
    const instance = one(p, INSTANCE);

    it("is STANDARD_HA across two zones with a read replica, hourly RDB, protected", () => {
        expect(input(instance, "tier")).toBe("STANDARD_HA");
        expect(input(instance, "readReplicasMode")).toBe("READ_REPLICAS_ENABLED");
        expect(input(instance, "replicaCount")).toBe(1);
        expect([input(instance, "locationId"), input(instance, "alternativeLocationId")]).toEqual(["us-central1-a", "us-central1-b"]);
        expect(input(instance, "persistenceConfig")).toEqual({ persistenceMode: "RDB", rdbSnapshotPeriod: "ONE_HOUR" });
        expect(instance.protect).toBe(true);
        expect(input(instance, "deletionProtection")).toBe(true);
    });

    it("says plainly that an instance has no DR copy, and copies the secret to the DR region", () => {
        expect(p.outputs.cacheCrossRegion).toMatch(/^none: Memorystore for Redis instances have no cross-region replication/);
        expect(ofType(p, CLUSTER)).toEqual([]);
        const replicas = (input(one(p, "gcp:secretmanager/secret:Secret", "cache-secret"), "replication") as { userManaged: { replicas: { location: string }[] } }).userManaged.replicas;
        expect(replicas.map((r) => r.location)).toEqual(["us-central1", "us-east1"]);
    });

    it("alerts on replication lag too", () => {
        expect(ofType(p, "gcp:monitoring/alertPolicy:AlertPolicy").filter((a) => a.name.startsWith("cache-"))).toHaveLength(4);
    });
});

describe("GCP cache, prod sharded (Memorystore for Redis Cluster)", async () => {
    const p = await plan("prod", "gcp", { cacheShards: "3", cachePersistence: "aof" });
    const primary = one(p, CLUSTER, "cache-cluster");
    const secondary = one(p, CLUSTER, "cache-dr-cluster");

    it("runs a multi-zone cluster with IAM auth, TLS, the stack key, AOF and backups", () => {
        expect(ofType(p, INSTANCE)).toEqual([]);
        expect(input(primary, "shardCount")).toBe(3);
        expect(input(primary, "replicaCount")).toBe(1);
        expect(input(primary, "zoneDistributionConfig")).toEqual({ mode: "MULTI_ZONE" });
        expect(input(primary, "authorizationMode")).toBe("AUTH_MODE_IAM_AUTH");
        expect(input(primary, "transitEncryptionMode")).toBe("TRANSIT_ENCRYPTION_MODE_SERVER_AUTHENTICATION");
        expect(input(primary, "kmsKey")).toBe(p.outputs.keyId);
        expect(input(primary, "persistenceConfig")).toEqual({ mode: "AOF", aofConfig: { appendFsync: "EVERYSEC" } });
        expect(input(primary, "automatedBackupConfig")).toEqual({ fixedFrequencySchedule: { startTime: { hours: 3 } }, retention: "604800s" });
        expect(p.outputs.cacheClusterMode).toBe(true);
    });

    it("is reachable only through Private Service Connect in the data subnet", () => {
        const policy = named(p, "cache-psc-policy");
        expect(input(policy, "serviceClass")).toBe("gcp-memorystore-redis");
        expect(input(policy, "pscConfig")).toEqual({ subnetworks: ["projects/gravitypm-prod/regions/us-central1/subnetworks/gravitypm-prod-primary-data"] });
        expect(input(primary, "pscConfigs")).toEqual([{ network: p.outputs.networkId }]);
        expect(dependsOn(p, primary, "cache-psc-policy")).toBe(true);
    });

    it("replicates to a secondary cluster in the DR region under the DR key", () => {
        expect(input(secondary, "crossClusterReplicationConfig")).toEqual({
            clusterRole: "SECONDARY",
            primaryCluster: { cluster: "projects/gravitypm-prod/locations/us-central1/clusters/gravitypm-prod-cache" },
        });
        expect(input(secondary, "region")).toBe("us-east1");
        expect(byUrn(p, secondary.provider)?.name).toBe("gcp-dr");
        expect(dependsOn(p, secondary, "dr-keys-key")).toBe(true);
        expect(input(secondary, "shardCount")).toBe(3);
        expect(p.outputs.cacheCrossRegion).toMatch(/^cross-cluster-replication: .*us-east1/);
        expect(cacheOf(p).filter((r) => r.protect).map((r) => r.name).sort()).toEqual(["cache-cluster", "cache-dr-cluster", "cache-secret"]);
    });
});

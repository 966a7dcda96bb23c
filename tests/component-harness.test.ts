/**
 * One component at a time, with hand-made args, on placements no stack file has: what the
 * contract promises must hold for any args the composition could pass, not only for ours.
 */
import { describe, expect, it } from "vitest";
import { AwsCache, awsCacheAlarmsFor } from "../components/aws/cache";
import { AzureCache } from "../components/azure/cache";
import { GcpCache } from "../components/gcp/cache";
import { buildComponent, cacheArgs } from "./support/component";
import { childrenOf, descendants, input, ofType, one } from "./support/plan";

const CACHE = "gravitypm:components:Cache";


describe("AWS cache with a DR region, primary in a two-zone region", () => {
    const built = buildComponent(
        "aws",
        (spine) => new AwsCache("cache", cacheArgs("aws", spine, { environment: "prod", size: "medium", replicasPerShard: 2, protect: true })),
        {
            environment: "prod",
            primary: { region: "us-west-1", zones: ["us-west-1a", "us-west-1c"], cidr: "10.0.0.0/16" },
            dr: { region: "us-east-2", zones: ["us-east-2a", "us-east-2b", "us-east-2c"], cidr: "10.1.0.0/16" },
        },
    );

    it("puts a primary and a DR replication group, joined by a global datastore, under the component", async () => {
        const p = await built;
        const cache = one(p, CACHE, "cache");
        expect(childrenOf(p, cache, "aws:elasticache/replicationGroup:ReplicationGroup").map((r) => r.name).sort()).toEqual(["cache-dr-group", "cache-group"]);
        expect(childrenOf(p, cache, "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup")).toHaveLength(1);
        expect(descendants(p, cache).every((r) => r.parent === cache.urn)).toBe(true);
    });

    it("places three nodes in the two-zone region, each group with its own region's provider", async () => {
        const p = await built;
        const primary = one(p, "aws:elasticache/replicationGroup:ReplicationGroup", "cache-group");
        expect(input(primary, "numCacheClusters")).toBe(3);
        expect(input(primary, "preferredCacheClusterAzs")).toHaveLength(3);
        expect(input(primary, "multiAzEnabled")).toBe(true);
        expect(primary.protect).toBe(true);
        const dr = one(p, "aws:elasticache/replicationGroup:ReplicationGroup", "cache-dr-group");
        expect(primary.provider).toMatch(/::aws-primary$/);
        expect(dr.provider).toMatch(/::aws-dr$/);
    });

    it("alarms on every node of both groups, each group's alarms in its own region", async () => {
        const p = await built;
        const alarms = childrenOf(p, one(p, CACHE, "cache"), "aws:cloudwatch/metricAlarm:MetricAlarm");
        const primaryAlarms = alarms.filter((a) => !a.name.startsWith("cache-dr-"));
        const drAlarms = alarms.filter((a) => a.name.startsWith("cache-dr-"));
        expect(primaryAlarms).toHaveLength(3 * awsCacheAlarmsFor("primary", true).length);
        expect(drAlarms.length).toBeGreaterThan(0);
        expect(primaryAlarms.every((a) => a.provider?.endsWith("::aws-primary"))).toBe(true);
        expect(drAlarms.every((a) => a.provider?.endsWith("::aws-dr"))).toBe(true);
    });
});

describe("GCP cache sharded with a DR region", () => {
    const built = buildComponent("gcp", (spine) => new GcpCache("cache", cacheArgs("gcp", spine, { environment: "prod", size: "medium", shards: 3, persistence: "aof", protect: true })), {
        environment: "prod",
        dr: { region: "us-east1", zones: ["us-east1-b", "us-east1-c", "us-east1-d"], cidr: "10.1.0.0/16" },
    });

    it("is a primary and a secondary Memorystore cluster, each with its connection policy, no instance", async () => {
        const p = await built;
        const cache = one(p, CACHE, "cache");
        expect(childrenOf(p, cache, "gcp:redis/cluster:Cluster").map((r) => r.name).sort()).toEqual(["cache-cluster", "cache-dr-cluster"]);
        expect(childrenOf(p, cache, "gcp:networkconnectivity/serviceConnectionPolicy:ServiceConnectionPolicy")).toHaveLength(2);
        expect(ofType(p, "gcp:redis/instance:Instance")).toHaveLength(0);
        const secondary = one(p, "gcp:redis/cluster:Cluster", "cache-dr-cluster");
        expect(input(secondary, "crossClusterReplicationConfig.clusterRole")).toBe("SECONDARY");
        expect(input(one(p, "gcp:redis/cluster:Cluster", "cache-cluster"), "persistenceConfig.mode")).toBe("AOF");
    });
});

describe("Azure cache in staging on a hand-made placement", () => {
    const built = buildComponent("azure", (spine) => new AzureCache("cache", cacheArgs("azure", spine, { replicasPerShard: 0, persistence: "none" })), {
        primary: { region: "westeurope", zones: ["1", "2"], cidr: "10.2.0.0/16" },
    });

    it("is one Managed Redis cluster and database in the site's region, without high availability or geo-replication", async () => {
        const p = await built;
        const cache = one(p, CACHE, "cache");
        const [cluster] = childrenOf(p, cache, "azure-native:redisenterprise:RedisEnterprise");
        expect(childrenOf(p, cache, "azure-native:redisenterprise:RedisEnterprise")).toHaveLength(1);
        expect(childrenOf(p, cache, "azure-native:redisenterprise:Database")).toHaveLength(1);
        expect(input(cluster, "location")).toBe("westeurope");
        expect(input(cluster, "highAvailability")).toBe("Disabled");
        expect(input(one(p, "azure-native:redisenterprise:Database", "cache-database"), "geoReplication")).toBeUndefined();
    });
});

import { describe, expect, it } from "vitest";
import {
    AWS_CACHE_NODES,
    AZURE_MANAGED_REDIS,
    cacheConfigProblems,
    cacheService,
    cloudDefaultCachePersistence,
    ELASTICACHE,
    MEMORYSTORE_CLUSTER,
    MEMORYSTORE_INSTANCE,
} from "../domain/capabilities/cache";
import { CLOUDS } from "../domain/clouds";
import { ConfigError } from "../config/errors";
import { parseStackConfig } from "../config/parse";
import { type CacheSettings } from "../domain/stack-config";
import { registeredUrns, runPlan } from "../tools/plan/engine";
import { problems, prod, staging } from "./support/config";

const SETTINGS: CacheSettings = { engine: "redis", size: "medium", shards: 1, replicasPerShard: 1, persistence: "rdb", snapshotRetentionDays: 7 };

describe("cache services per cloud", () => {
    it("maps one shard and more to the right service", () => {
        expect(cacheService("aws", 1)).toBe(ELASTICACHE);
        expect(cacheService("aws", 4)).toBe(ELASTICACHE);
        expect(cacheService("gcp", 1)).toBe(MEMORYSTORE_INSTANCE);
        expect(cacheService("gcp", 3)).toBe(MEMORYSTORE_CLUSTER);
        expect(cacheService("azure", 1)).toBe(AZURE_MANAGED_REDIS);
    });

    it("only AWS prod needs a non-burstable node for its global datastore", () => {
        expect(AWS_CACHE_NODES.small.burstable).toBe(true);
        expect(cacheConfigProblems({ ...SETTINGS, size: "small" }, "aws", false)).toEqual([]);
        expect(cacheConfigProblems({ ...SETTINGS, size: "small" }, "aws", true).map((p) => p.key)).toEqual(["cacheSize"]);
    });

    it("defaults Azure prod persistence to none and leaves every other default alone", () => {
        expect(cloudDefaultCachePersistence("azure", 1, true, "rdb")).toBe("none");
        expect(cloudDefaultCachePersistence("azure", 1, false, "rdb")).toBeUndefined();
        expect(cloudDefaultCachePersistence("aws", 1, true, "rdb")).toBeUndefined();
        expect(cloudDefaultCachePersistence("gcp", 3, true, "rdb")).toBeUndefined();
    });
});

describe("cache config through parseStackConfig", () => {
    it.each(CLOUDS)("accepts the staging and prod profiles on %s", (cloud) => {
        expect(problems(staging(cloud), "staging")).toEqual([]);
        expect(problems(prod(cloud), "prod")).toEqual([]);
    });

    it("gives Azure prod no persistence (geo-replication instead) and keeps rdb elsewhere", () => {
        expect(parseStackConfig(prod("azure"), "prod").cache.persistence).toBe("none");
        expect(parseStackConfig(staging("azure"), "staging").cache.persistence).toBe("rdb");
        expect(parseStackConfig(prod("aws"), "prod").cache.persistence).toBe("rdb");
        expect(parseStackConfig(prod("gcp"), "prod").cache.persistence).toBe("rdb");
    });

    it("rejects AOF on ElastiCache, naming the key, the value and what is allowed", () => {
        expect(problems(staging("aws", { cachePersistence: "aof" }), "staging")).toEqual([
            { key: "gravitypm:cachePersistence", value: "aof", message: "ElastiCache has no AOF persistence; allowed on aws: none, rdb" },
        ]);
    });

    it("rejects AOF on a Memorystore instance and points to Memorystore Cluster", () => {
        const [problem] = problems(staging("gcp", { cachePersistence: "aof" }), "staging");
        expect(problem.key).toBe("gravitypm:cachePersistence");
        expect(problem.message).toContain("cacheShards 2 or more selects Memorystore for Redis Cluster");
        expect(problems(staging("gcp", { cachePersistence: "aof", cacheShards: "3" }), "staging")).toEqual([]);
    });

    it("rejects valkey where the service runs Redis only", () => {
        expect(problems(staging("aws", { cacheEngine: "valkey" }), "staging")).toEqual([]);
        for (const cloud of ["gcp", "azure"] as const) {
            const [problem] = problems(staging(cloud, { cacheEngine: "valkey" }), "staging");
            expect(problem).toMatchObject({ key: "gravitypm:cacheEngine", value: "valkey" });
            expect(problem.message).toMatch(/does not run valkey; allowed on (gcp|azure): redis$/);
        }
    });

    it("rejects shards on Azure Managed Redis, whose SKU sets the shard count", () => {
        expect(problems(staging("azure", { cacheShards: "3" }), "staging")).toEqual([
            {
                key: "gravitypm:cacheShards",
                value: "3",
                message: "Azure Managed Redis has no shard-count setting (the SKU sets the shard count: raise cacheSize for more); allowed on azure: 1 to 1",
            },
        ]);
    });

    it("rejects more replicas than the service keeps", () => {
        expect(problems(staging("azure", { cacheReplicasPerShard: "2" }), "staging").map((p) => p.key)).toEqual(["gravitypm:cacheReplicasPerShard"]);
        expect(problems(staging("gcp", { cacheShards: "3", cacheReplicasPerShard: "3" }), "staging")[0].message).toBe(
            "Memorystore for Redis Cluster keeps at most 2 replicas per shard; allowed on gcp: 0 to 2",
        );
        // Read replicas need a 5 GB instance: small is 1 GB.
        expect(problems(staging("gcp", { cacheReplicasPerShard: "2" }), "staging")[0].message).toMatch(/5 GB or more \(cacheSize small is 1 GB\)/);
        expect(problems(staging("gcp", { cacheReplicasPerShard: "2", cacheSize: "medium" }), "staging")).toEqual([]);
    });

    it("rejects persistence with Azure prod geo-replication, and no persistence in AWS/GCP prod", () => {
        expect(problems(prod("azure", { cachePersistence: "rdb" }), "prod")).toEqual([
            {
                key: "gravitypm:cachePersistence",
                value: "rdb",
                message:
                    "prod geo-replicates to azureDrRegion with active geo-replication, which Azure Managed Redis cannot combine with persistence; allowed in prod on azure: none",
            },
        ]);
        expect(problems(prod("aws", { cachePersistence: "none" }), "prod")[0].message).toBe(
            "prod keeps snapshots so a lost cache can be restored; allowed in prod on aws: rdb",
        );
    });

    it("rejects a prod size the DR link cannot run on", () => {
        expect(problems(prod("aws", { cacheSize: "small" }), "prod")).toEqual([
            {
                key: "gravitypm:cacheSize",
                value: "small",
                message:
                    "prod replicates to awsDrRegion through an ElastiCache global datastore, which does not run on burstable nodes (small is cache.t4g.small); allowed in prod on aws: medium, large, xlarge",
            },
        ]);
        expect(problems(prod("azure", { cacheSize: "small" }), "prod").map((p) => p.key)).toEqual(["gravitypm:cacheSize"]);
        expect(problems(prod("gcp", { cacheSize: "small" }), "prod")).toEqual([]);
    });
});

describe("bad cache config through the engine", () => {
    it("fails before any resource is registered", async () => {
        const error = await runPlan({ stack: "staging", cloud: "aws", set: { cachePersistence: "aof" } }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ConfigError);
        expect((error as ConfigError).message).toContain('gravitypm:cachePersistence = "aof": ElastiCache has no AOF persistence');
        expect(registeredUrns()).toEqual([]);
    });
});

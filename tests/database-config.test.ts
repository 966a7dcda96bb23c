import { describe, expect, it } from "vitest";
import { ConfigError } from "../config/errors";
import { parseStackConfig } from "../config/parse";
import { type DatabaseSettings } from "../domain/stack-config";
import { databaseConfigProblems, databaseService, defaultDatabaseNodes } from "../domain/capabilities/database";
import { buildMongoUri, uriHost, uriReplicaSet } from "../domain/mongodb-uri";
import { registeredUrns, runPlan } from "../tools/plan/engine";
import { problems, prod, staging } from "./support/config";

const SETTINGS: DatabaseSettings = { engine: "native", size: "medium", nodes: 3, readReplicas: 0, shards: 1, storageGb: 100, pointInTimeRecovery: true };

describe("database service per cloud and engine", () => {
    it("maps native to each cloud's service and GCP's native to Atlas", () => {
        expect(databaseService("aws", "native")).toBe("documentdb");
        expect(databaseService("gcp", "native")).toBe("atlas");
        expect(databaseService("azure", "native")).toBe("cosmos-vcore");
        for (const cloud of ["aws", "gcp", "azure"] as const) expect(databaseService(cloud, "atlas")).toBe("atlas");
    });

    it("defaults the node count per service", () => {
        expect(defaultDatabaseNodes("documentdb", false)).toBe(1);
        expect(defaultDatabaseNodes("documentdb", true)).toBe(3);
        expect(defaultDatabaseNodes("atlas", false)).toBe(3);
        expect(defaultDatabaseNodes("cosmos-vcore", true)).toBe(2);
        expect(parseStackConfig(staging("gcp"), "staging").database.nodes).toBe(3);
        expect(parseStackConfig(prod("azure"), "prod").database.nodes).toBe(2);
        expect(parseStackConfig(prod("aws"), "prod").database.nodes).toBe(3);
    });

    it("accepts the default profiles on every cloud, and prod with engine=atlas", () => {
        for (const cloud of ["aws", "gcp", "azure"] as const) {
            expect(problems(staging(cloud), "staging")).toEqual([]);
            expect(problems(prod(cloud), "prod")).toEqual([]);
        }
        expect(problems(prod("aws", { databaseEngine: "atlas" }), "prod")).toEqual([]);
        expect(problems(prod("gcp", { databaseEngine: "atlas" }), "prod")).toEqual([]);
        expect(problems(prod("azure", { databaseEngine: "atlas", atlasAzureServicePrincipalId: "22f1d2a6-d0e9-482a-83a4-b8dd7dddc2c1" }), "prod")).toEqual([]);
    });
});

describe("capability checks", () => {
    it("rejects sharding on DocumentDB, naming the key, the value and the way out", () => {
        const found = problems(staging("aws", { databaseShards: "3" }), "staging");
        expect(found).toHaveLength(1);
        expect(found[0].key).toBe("gravitypm:databaseShards");
        expect(found[0].value).toBe("3");
        expect(found[0].message).toMatch(/Amazon DocumentDB instance-based clusters do not shard; allowed: 1.*databaseEngine=atlas/);
    });

    it("allows sharding where the service shards", () => {
        expect(problems(staging("aws", { databaseEngine: "atlas", databaseShards: "2", databaseSize: "medium" }), "staging")).toEqual([]);
        expect(problems(staging("azure", { databaseShards: "2" }), "staging")).toEqual([]);
    });

    it("rejects a node count below the prod minimum", () => {
        const found = problems(prod("aws", { databaseNodes: "1" }), "prod");
        expect(found.map((p) => p.key)).toEqual(["gravitypm:databaseNodes"]);
        expect(found[0].message).toContain("prod needs at least 2 database nodes");
    });

    it("rejects an Atlas member count that cannot elect a primary", () => {
        const found = problems(prod("gcp", { databaseNodes: "4" }), "prod");
        expect(found).toEqual([
            {
                key: "gravitypm:databaseNodes",
                value: "4",
                message: "MongoDB Atlas replica sets elect from an odd number of voting members, 3 to 7 in all with 2 more in the DR region; allowed: 3, 5",
            },
        ]);
        expect(problems(staging("gcp", { databaseNodes: "7" }), "staging")).toEqual([]);
        expect(problems(prod("gcp", { databaseNodes: "7" }), "prod").map((p) => p.key)).toEqual(["gravitypm:databaseNodes"]);
    });

    it("rejects Atlas sharding below M30", () => {
        const found = problems(staging("gcp", { databaseShards: "2" }), "staging");
        expect(found.map((p) => p.key)).toEqual(["gravitypm:databaseSize"]);
        expect(found[0].message).toContain("sharded clusters need tier M30 or larger; size small is M10");
    });

    it("rejects read replicas and more than an HA pair on Cosmos DB vCore", () => {
        const replicas = problems(prod("azure", { databaseReadReplicas: "2" }), "prod");
        expect(replicas.map((p) => p.key)).toEqual(["gravitypm:databaseReadReplicas"]);
        expect(replicas[0].message).toContain("has no in-region read replicas");
        const nodes = problems(prod("azure", { databaseNodes: "3" }), "prod");
        expect(nodes.map((p) => p.key)).toEqual(["gravitypm:databaseNodes"]);
        expect(nodes[0].message).toContain("allowed: 1 (no HA, staging) or 2 (HA)");
    });

    it("rejects turning off point-in-time recovery where the service always keeps it", () => {
        expect(problems(staging("aws", { databasePointInTimeRecovery: "false" }), "staging").map((p) => p.key)).toEqual(["gravitypm:databasePointInTimeRecovery"]);
        expect(problems(staging("azure", { databasePointInTimeRecovery: "false" }), "staging").map((p) => p.key)).toEqual(["gravitypm:databasePointInTimeRecovery"]);
    });

    it("rejects an RPO that daily snapshots cannot deliver on Atlas without point-in-time recovery", () => {
        const found = problems(prod("gcp", { databasePointInTimeRecovery: "false" }), "prod");
        expect(found.map((p) => p.key)).toEqual(["gravitypm:rpoMinutes"]);
        expect(found[0].message).toContain("an RPO of 15 minutes needs point-in-time recovery");
        expect(problems(staging("gcp", { databasePointInTimeRecovery: "false" }), "staging")).toEqual([]);
    });

    it("rejects a burstable DocumentDB class for the prod global cluster", () => {
        const found = problems(prod("aws", { databaseSize: "small" }), "prod");
        expect(found.map((p) => p.key)).toEqual(["gravitypm:databaseSize"]);
        expect(found[0].message).toContain("global clusters (the DR replica) need memory-optimized instances");
    });

    it("requires Atlas's service principal for Atlas on Azure", () => {
        const found = problems(prod("azure", { databaseEngine: "atlas" }), "prod");
        expect(found.map((p) => p.key)).toEqual(["gravitypm:atlasAzureServicePrincipalId"]);
    });

    it("checks the same rules for components as for config", () => {
        expect(databaseConfigProblems({ ...SETTINGS, shards: 2 }, { cloud: "aws", hasDr: false }).map((p) => p.key)).toEqual(["databaseShards"]);
        expect(databaseConfigProblems({ ...SETTINGS, nodes: 12, readReplicas: 5 }, { cloud: "aws", hasDr: false }).map((p) => p.key)).toEqual(["databaseReadReplicas"]);
        expect(databaseConfigProblems(SETTINGS, { cloud: "gcp", hasDr: true })).toEqual([]);
    });

    it("fails before any resource is registered", async () => {
        const error = await runPlan({ stack: "staging", cloud: "aws", set: { databaseShards: "4" } }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ConfigError);
        expect((error as ConfigError).message).toContain('gravitypm:databaseShards = "4": Amazon DocumentDB instance-based clusters do not shard');
        expect(registeredUrns()).toEqual([]);
    });
});

describe("connection strings", () => {
    it("builds one format with encoded credentials and TLS first", () => {
        expect(buildMongoUri({ srv: false, username: "app", password: "p@ss/w:rd", hosts: ["db:27017"], options: { retryWrites: "false" } })).toBe(
            "mongodb://app:p%40ss%2Fw%3Ard@db:27017/?tls=true&retryWrites=false",
        );
        expect(buildMongoUri({ srv: true, username: "app", password: "x", hosts: ["c.mongodb.net"], options: {} })).toBe("mongodb+srv://app:x@c.mongodb.net/?tls=true");
    });

    it("refuses a connection string without TLS or with a bad host list", () => {
        expect(() => buildMongoUri({ srv: false, username: "a", password: "b", hosts: ["h:1"], options: { tls: "false" } })).toThrow(/TLS/);
        expect(() => buildMongoUri({ srv: true, username: "a", password: "b", hosts: ["a", "b"], options: {} })).toThrow(/exactly one host/);
    });

    it("reads the host and replica set back", () => {
        expect(uriHost("mongodb+srv://<user>:<password>@c.global.mongocluster.cosmos.azure.com/?tls=true")).toBe("c.global.mongocluster.cosmos.azure.com");
        expect(uriHost("mongodb+srv://c-pl-0.abc.mongodb.net")).toBe("c-pl-0.abc.mongodb.net");
        expect(uriReplicaSet("mongodb://h:27017/?ssl=true&replicaSet=atlas-x-shard-0")).toBe("atlas-x-shard-0");
        expect(uriReplicaSet("mongodb://h:27017/?ssl=true")).toBeUndefined();
    });
});

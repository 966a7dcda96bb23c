import { describe, expect, it } from "vitest";
import type { Cloud } from "../domain/clouds";
import { plan } from "./support/plan";

/** Every stack output the Database contract produces; the app and the cluster read these names on every cloud. */
const DATABASE_OUTPUTS = [
    "databaseConnectionSecretId",
    "databaseConnectionString",
    "databaseHost",
    "databasePort",
    "databaseReaderHost",
    "databaseReplicaSetName",
    "databaseService",
];

const AZURE_ATLAS = { databaseEngine: "atlas", atlasAzureServicePrincipalId: "22f1d2a6-d0e9-482a-83a4-b8dd7dddc2c1" };
const CASES: [string, Cloud, Record<string, string>, string][] = [
    ["staging", "aws", {}, "Amazon DocumentDB"],
    ["prod", "aws", {}, "Amazon DocumentDB"],
    ["staging", "gcp", {}, "MongoDB Atlas"],
    ["prod", "gcp", {}, "MongoDB Atlas"],
    ["staging", "azure", {}, "Azure Cosmos DB for MongoDB vCore"],
    ["prod", "azure", {}, "Azure Cosmos DB for MongoDB vCore"],
    ["prod", "aws", { databaseEngine: "atlas" }, "MongoDB Atlas"],
    ["prod", "gcp", { databaseEngine: "atlas" }, "MongoDB Atlas"],
    ["prod", "azure", AZURE_ATLAS, "MongoDB Atlas"],
];

describe.each(CASES)("database outputs of %s on %s %j", (stack, cloud, set, service) => {
    it("has the same names as every other implementation, the connection string secret", async () => {
        const p = await plan(stack, cloud, set);
        const names = Object.keys(p.outputs).filter((k) => k.startsWith("database")).sort();
        expect(names).toEqual(DATABASE_OUTPUTS);
        expect(p.outputs.databaseService).toBe(service);
        expect(p.outputs.databaseConnectionString).toBe("[secret]");
        expect(p.notes).toContain("stack output databaseConnectionString is secret");
        expect(p.outputs.databaseHost).toEqual(expect.any(String));
        expect(p.outputs.databaseReaderHost).toEqual(expect.any(String));
        expect(p.outputs.databasePort).toEqual(expect.any(Number));
        expect(p.outputs.databaseConnectionSecretId).not.toBe("[secret]");
    });

    it("registers exactly one Database component with the shared type token", async () => {
        const p = await plan(stack, cloud, set);
        expect(p.resources.filter((r) => r.type === "gravitypm:components:Database").map((r) => r.name)).toEqual(["database"]);
    });
});

/**
 * Azure config checks that read the Azure catalog: Cosmos DB for MongoDB vCore offers fixed
 * storage sizes only, so any other databaseStorageGb is a config error (never rounded), and the
 * profiles, shared by every cloud, default to sizes vCore offers.
 */
import { describe, expect, it } from "vitest";
import { AZURE_VCORE_STORAGE_SIZES_GB } from "../domain/catalogs/azure";
import { CLOUDS } from "../domain/clouds";
import { PROFILES } from "../stacks/profiles";
import { problems, prod, staging } from "./support/config";

const SIZES = AZURE_VCORE_STORAGE_SIZES_GB.value;

describe("databaseStorageGb on Azure (Cosmos DB for MongoDB vCore)", () => {
    it.each([
        ["prod", prod, "100"],
        ["staging", staging, "20"],
    ] as const)("rejects %s's old default, naming the key, the value and every allowed size", (stack, config, value) => {
        const found = problems(config("azure", { databaseStorageGb: value }), stack);
        expect(found).toHaveLength(1);
        const [problem] = found;
        expect(problem.key).toBe("gravitypm:databaseStorageGb");
        expect(problem.value).toBe(value);
        expect(problem.message).toContain(value);
        expect(problem.message).toContain(SIZES.join(", "));
    });

    it("accepts every offered size the config range allows, as given", () => {
        for (const size of SIZES.filter((gb) => gb <= 16384)) {
            expect(problems(prod("azure", { databaseStorageGb: String(size) }), "prod"), String(size)).toEqual([]);
        }
    });

    it("leaves the other services' storage alone", () => {
        expect(problems(prod("aws", { databaseStorageGb: "100" }), "prod")).toEqual([]);
        expect(problems(prod("azure", { databaseStorageGb: "100", databaseEngine: "atlas", atlasAzureServicePrincipalId: "00000000-0000-0000-0000-000000000000" }), "prod")).toEqual([]);
    });
});

describe("storage defaults of the shared profiles", () => {
    it("are sizes vCore offers", () => {
        expect(SIZES).toContain(Number(PROFILES.staging.databaseStorageGb));
        expect(SIZES).toContain(Number(PROFILES.prod.databaseStorageGb));
    });

    it.each(CLOUDS)("pass every check on %s, native and Atlas", (cloud) => {
        const atlas = { databaseEngine: "atlas", atlasAzureServicePrincipalId: "00000000-0000-0000-0000-000000000000" };
        expect(problems(staging(cloud), "staging")).toEqual([]);
        expect(problems(prod(cloud), "prod")).toEqual([]);
        expect(problems(staging(cloud, atlas), "staging")).toEqual([]);
        expect(problems(prod(cloud, atlas), "prod")).toEqual([]);
    });
});

/**
 * Atlas deploy readiness: the connection secret holds the private-endpoint SRV string read
 * after every endpoint registration (never the public one), and a region loss is reported as
 * the manual reconfiguration it is with the 3 + 2 prod topology.
 */
import { describe, expect, it } from "vitest";
import { storedSrvConnectionString } from "../components/atlas/database";
import { ATLAS_DR_ELECTABLE_NODES, ATLAS_MANUAL_REGION_FAILOVER_MINUTES, atlasRegionLoss } from "../domain/capabilities/database";
import { ATLAS_ELECTABLE_TOTALS, ATLAS_PRIVATE_ENDPOINT_STRINGS, ATLAS_REGION_LOSS } from "../domain/catalogs/atlas";
import { dataStoreRecovery } from "../tools/compare/recovery";
import { descendants, input, ofType, one, plan } from "./support/plan";

const CLUSTER = "mongodbatlas:index/advancedCluster:AdvancedCluster";
const REGISTRATION = "mongodbatlas:index/privateLinkEndpointService:PrivateLinkEndpointService";

describe("the stored SRV string", () => {
    const entry = (srv: string) => ({ srvConnectionString: srv, srvShardOptimizedConnectionString: "", endpoints: [{ endpointId: "psc-1" }] });

    it("is the private-endpoint one", () => {
        expect(storedSrvConnectionString([entry("mongodb+srv://c-pl-0.x.mongodb.net")], "psc-1", "c")).toBe("mongodb+srv://c-pl-0.x.mongodb.net");
    });

    it("fails the deploy, naming Atlas's condition, when Atlas lists no private string: no public fallback", () => {
        for (const none of [undefined, [], [entry("")]]) {
            expect(() => storedSrvConnectionString(none, "psc-1", "c")).toThrow(ATLAS_PRIVATE_ENDPOINT_STRINGS.value);
            expect(() => storedSrvConnectionString(none, "psc-1", "c")).toThrow(/not written/);
        }
    });
});

describe.each([
    ["gcp", {}, "gcp:secretmanager/secretVersion:SecretVersion"],
    ["aws", { databaseEngine: "atlas" }, "aws:secretsmanager/secretVersion:SecretVersion"],
] as const)("Atlas connection secret on %s prod", async (cloud, set, secretType) => {
    const p = await plan("prod", cloud, { ...set });
    const db = descendants(p, one(p, "gravitypm:components:Database"));
    const stored = ofType(p, secretType).filter((r) => db.includes(r));

    it("is written only after the cluster and every endpoint registration (read back through getAdvancedCluster)", () => {
        const registrations = ofType(p, REGISTRATION);
        expect(registrations).toHaveLength(2);
        expect(stored.length).toBeGreaterThanOrEqual(1);
        for (const secret of stored) {
            for (const r of registrations) expect(secret.dependencies, `${secret.name} waits for ${r.name}`).toContain(r.urn);
            expect(secret.dependencies).toContain(one(p, CLUSTER).urn);
            expect(secret.secretInputs.length).toBeGreaterThan(0);
        }
    });

    it("names the private-endpoint host, though the cluster's own strings list none yet", () => {
        expect(p.outputs.databaseHost).toMatch(/-pl-\d+\./);
    });
});

describe("Atlas region loss", () => {
    it("fails over on its own only when the other regions hold a majority of the votes", () => {
        const [a, b, c] = ATLAS_REGION_LOSS.value.recommendedLayout;
        expect(atlasRegionLoss(a, b + c).automatic).toBe(true);
        const prod = atlasRegionLoss(3, ATLAS_DR_ELECTABLE_NODES);
        expect(prod.automatic).toBe(false);
        expect(prod.rtoMinutes).toBe(ATLAS_MANUAL_REGION_FAILOVER_MINUTES);
        expect(prod.statement).toContain(ATLAS_REGION_LOSS.value.minorityRecovery);
        expect(prod.statement).toMatch(/majority.*may exist only in the lost region/);
        expect(ATLAS_ELECTABLE_TOTALS.value).toContain(3 + ATLAS_DR_ELECTABLE_NODES);
    });

    it.each([
        ["gcp", {}],
        ["aws", { databaseEngine: "atlas" }],
    ] as const)("is reported as manual by compare for %s prod", async (cloud, set) => {
        const p = await plan("prod", cloud, { ...set });
        const [primary, dr] = (input(one(p, CLUSTER), "replicationSpecs") as { regionConfigs: { electableSpecs: { nodeCount: number } }[] }[])[0].regionConfigs;
        const expected = atlasRegionLoss(primary.electableSpecs.nodeCount, dr.electableSpecs.nodeCount);
        const row = dataStoreRecovery(p).find((r) => r.service === "MongoDB Atlas");
        expect(row?.regionLoss).toMatchObject({ rpoMinutes: expected.rpoMinutes, rtoMinutes: expected.rtoMinutes });
        expect(row?.regionLoss?.manual).toMatch(/Atlas UI/);
        expect(row?.basis).toContain(expected.statement);
    });
});

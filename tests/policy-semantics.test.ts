/**
 * The offline runner's CLI semantics: config parsing and precedence, enforcement levels,
 * values unknown during preview, saved plan files.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { policies } from "../policy-packs/gravitypm-guard/policies";
import { planOf } from "../policy-packs/gravitypm-guard/tests/support";
import { PolicyConfigError, resolvePolicyConfig } from "../tools/policy/config";
import { evaluatePlan } from "../tools/policy/evaluate";
import { planFromDocument, readPlanFile } from "../tools/policy/plan-file";
import { planDocument } from "../tools/plan/render";

const unencrypted = planOf([{ type: "aws:docdb/cluster:Cluster", name: "db", inputs: { storageEncrypted: false, backupRetentionPeriod: 1 } }]);
const levels = async (config?: Record<string, unknown>) => {
    const report = await evaluatePlan(unencrypted, { config });
    return Object.fromEntries(report.violations.filter((v) => v.policyName.startsWith("docdb-cluster-")).map((v) => [v.policyName, v.enforcementLevel]));
};

describe("enforcement levels", () => {
    it("uses each policy's own level by default", async () => {
        expect(await levels()).toMatchObject({ "docdb-cluster-encrypted": "mandatory", "docdb-cluster-log-exports": "advisory" });
    });
    it("lets a config entry override one policy, as a string or an object", async () => {
        expect((await levels({ "docdb-cluster-encrypted": "advisory" }))["docdb-cluster-encrypted"]).toBe("advisory");
        expect((await levels({ "docdb-cluster-log-exports": { enforcementLevel: "mandatory" } }))["docdb-cluster-log-exports"]).toBe("mandatory");
    });
    it("applies `all` first and per-policy entries over it", async () => {
        const result = await levels({ all: "advisory", "docdb-cluster-backup-retention": "mandatory" });
        expect(result).toMatchObject({ "docdb-cluster-encrypted": "advisory", "docdb-cluster-backup-retention": "mandatory" });
    });
    it("skips disabled policies and reports remediate as mandatory", async () => {
        const result = await levels({ "docdb-cluster-encrypted": "disabled", "docdb-cluster-log-exports": "remediate" });
        expect(result["docdb-cluster-encrypted"]).toBeUndefined();
        expect(result["docdb-cluster-log-exports"]).toBe("mandatory");
    });
    it("counts mandatory and advisory violations", async () => {
        const report = await evaluatePlan(unencrypted);
        expect(report.mandatory).toBe(report.violations.filter((v) => v.enforcementLevel === "mandatory").length);
        expect(report.mandatory + report.advisory).toBe(report.violations.length);
    });
});

describe("policy config", () => {
    it("fills schema defaults and merges given properties", () => {
        const { entries } = resolvePolicyConfig(policies, { "docdb-cluster-backup-retention": { minimumRetentionDays: 14 } });
        expect(entries.get("docdb-cluster-backup-retention")?.properties).toEqual({ minimumRetentionDays: 14 });
        expect(entries.get("elasticache-snapshot-retention")?.properties).toEqual({ minimumRetentionDays: 1, prodMinimumRetentionDays: 7 });
    });
    it("rejects values that break a policy's configSchema", () => {
        expect(() => resolvePolicyConfig(policies, { "docdb-cluster-backup-retention": { minimumRetentionDays: 0 } })).toThrow(PolicyConfigError);
        expect(() => resolvePolicyConfig(policies, { "stack-standard-tags": { requiredTags: "owner" } })).toThrow(/requiredTags should be array/);
    });
    it("rejects malformed entries and invalid levels", () => {
        expect(() => resolvePolicyConfig(policies, { all: "strict" })).toThrow(/not a valid enforcement level/);
        expect(() => resolvePolicyConfig(policies, { "docdb-cluster-encrypted": 3 })).toThrow(/must be an enforcement level or an object/);
    });
    it("warns about names that are not policies of the pack", () => {
        expect(resolvePolicyConfig(policies, { "docdb-encryption": "disabled" }).warnings).toEqual([expect.stringContaining('"docdb-encryption"')]);
    });
    it("changes a verdict through a threshold", async () => {
        const plan = planOf([{ type: "aws:docdb/cluster:Cluster", name: "db", inputs: { storageEncrypted: true, kmsKeyId: "k", backupRetentionPeriod: 7 } }]);
        const retention = async (config?: Record<string, unknown>) => (await evaluatePlan(plan, { config })).violations.filter((v) => v.policyName === "docdb-cluster-backup-retention");
        expect(await retention()).toEqual([]);
        expect(await retention({ "docdb-cluster-backup-retention": { minimumRetentionDays: 14 } })).toHaveLength(1);
    });
});

describe("values unknown during preview", () => {
    it("reports a policy that reads an unknown value as advisory, like the CLI", async () => {
        const plan = planOf([{ type: "aws:docdb/cluster:Cluster", name: "db", inputs: { storageEncrypted: "[unknown]", kmsKeyId: "k", backupRetentionPeriod: 7 } }]);
        const v = (await evaluatePlan(plan)).violations.find((x) => x.policyName === "docdb-cluster-encrypted");
        expect(v).toMatchObject({ enforcementLevel: "advisory", message: expect.stringMatching(/^can't run policy 'docdb-cluster-encrypted' from policy pack 'gravitypm-guard@v0\.1\.0' during preview: .*storageEncrypted/) });
    });
    it("treats an unknown key reference as set (it names a key that does not exist yet)", async () => {
        const plan = planOf([{ type: "aws:docdb/cluster:Cluster", name: "db", inputs: { storageEncrypted: true, kmsKeyId: "[unknown]", backupRetentionPeriod: 7 } }]);
        expect((await evaluatePlan(plan)).violations.filter((x) => x.policyName === "docdb-cluster-encrypted")).toEqual([]);
    });
});

describe("saved plan files", () => {
    it("round-trip through the plan command's --json document", () => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "policy-")), "plan.json");
        fs.writeFileSync(file, JSON.stringify(planDocument(unencrypted)));
        const read = readPlanFile(file);
        expect(read.resources.map((r) => [r.urn, r.type, r.inputs, r.custom])).toEqual(unencrypted.resources.map((r) => [r.urn, r.type, r.inputs, r.type !== "pulumi:pulumi:Stack"]));
    });
    it("explain what is wrong with a file that is not a plan", () => {
        expect(() => planFromDocument({ stack: "prod" }, "x.json")).toThrow(/x\.json: has no valid `cloud`/);
        expect(() => planFromDocument({ stack: "prod", cloud: "aws", resources: [{}] }, "x.json")).toThrow(/resources\[0\]/);
    });
});

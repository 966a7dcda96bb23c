/**
 * The runner against real offline plans: the breakages the pack exists to catch (encryption
 * off on a data store, a database port open to the world, retention below the minimum) are
 * caught on every cloud's prod plan; and the CLI's output and exit codes.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { STORES } from "../policy-packs/gravitypm-guard/lib/datastores";
import { planOf } from "../policy-packs/gravitypm-guard/tests/support";
import type { Cloud } from "../domain/clouds";
import { planDocument } from "../tools/plan/render";
import type { Plan, PlannedResource } from "../tools/plan/types";
import { evaluatePlan, type PolicyViolation } from "../tools/policy/evaluate";
import { plan } from "./support/plan";

type Inputs = Record<string, unknown>;

function mutate(p: Plan, urn: string, change: (inputs: Inputs) => Inputs): Plan {
    return { ...p, resources: p.resources.map((r) => (r.urn === urn ? { ...r, inputs: change({ ...r.inputs }) } : r)) };
}

function add(p: Plan, resource: Omit<PlannedResource, "urn" | "custom" | "protect" | "retainOnDelete" | "secretInputs" | "aliases">): Plan {
    const urn = `urn:pulumi:${p.stack}::gravitypm::${resource.type}::${resource.name}`;
    return { ...p, resources: [...p.resources, { ...resource, urn, custom: true, protect: false, retainOnDelete: false, secretInputs: [], aliases: 0 }] };
}

const without = (inputs: Inputs, ...keys: string[]) => Object.fromEntries(Object.entries(inputs).filter(([k]) => !keys.includes(k)));

/** How to switch encryption at rest off for each store type whose service lets you. */
const UNENCRYPT: Record<string, (i: Inputs) => Inputs> = {
    "aws:docdb/cluster:Cluster": (i) => ({ ...without(i, "kmsKeyId"), storageEncrypted: false }),
    "aws:docdb/elasticCluster:ElasticCluster": (i) => without(i, "kmsKeyId"),
    "aws:elasticache/replicationGroup:ReplicationGroup": (i) => ({ ...without(i, "kmsKeyId"), atRestEncryptionEnabled: false }),
    "aws:elasticache/serverlessCache:ServerlessCache": (i) => without(i, "kmsKeyId"),
    "gcp:redis/instance:Instance": (i) => without(i, "customerManagedKey"),
    "gcp:redis/cluster:Cluster": (i) => without(i, "kmsKey"),
    "gcp:memorystore/instance:Instance": (i) => without(i, "kmsKey"),
    "gcp:firestore/database:Database": (i) => without(i, "cmekConfig"),
    "azure-native:cosmosdb:DatabaseAccount": (i) => without(i, "keyVaultKeyUri"),
    "azure-native:redisenterprise:RedisEnterprise": (i) => without(i, "encryption"),
    "mongodbatlas:index/advancedCluster:AdvancedCluster": (i) => ({ ...i, encryptionAtRestProvider: "NONE" }),
};

const mandatoryOn = (vs: readonly PolicyViolation[], urn: string) => vs.filter((v) => v.enforcementLevel === "mandatory" && v.urn === urn);

describe.each(["aws", "gcp", "azure"] as Cloud[])("prod on %s", (cloud) => {
    it("catches encryption turned off on any data store", async () => {
        const base = await plan("prod", cloud);
        const stores = base.resources.filter((r) => STORES[r.type]);
        expect(stores.length).toBeGreaterThan(0);
        for (const store of stores.filter((s) => UNENCRYPT[s.type])) {
            const report = await evaluatePlan(mutate(base, store.urn, UNENCRYPT[store.type]));
            expect(mandatoryOn(report.violations, store.urn).map((v) => v.policyName), `${store.type} ${store.name}`).not.toEqual([]);
        }
    });

    it("catches a database port opened to 0.0.0.0/0", async () => {
        const base = await plan("prod", cloud);
        const db = base.resources.find((r) => STORES[r.type]?.kind === "database")!;
        const port = STORES[db.type].ports(db.inputs)[0];
        let opened: Plan;
        if (cloud === "aws") {
            const sg = base.resources.find((r) => r.type === "aws:ec2/securityGroup:SecurityGroup" && db.dependencies.includes(r.urn))!;
            opened = add(base, { type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", name: "open-db", dependencies: [sg.urn], inputs: { securityGroupId: "sg", cidrIpv4: "0.0.0.0/0", fromPort: port, toPort: port, ipProtocol: "tcp" } });
        } else if (db.type.startsWith("mongodbatlas:")) {
            opened = add(base, { type: "mongodbatlas:index/projectIpAccessList:ProjectIpAccessList", name: "open-db", dependencies: [], inputs: { projectId: "p", cidrBlock: "0.0.0.0/0" } });
        } else {
            opened = add(base, { type: "azure-native:network:SecurityRule", name: "open-db", dependencies: [], inputs: { direction: "Inbound", access: "Allow", protocol: "Tcp", priority: 100, sourceAddressPrefix: "*", destinationPortRange: String(port), networkSecurityGroupName: "nsg", resourceGroupName: "rg" } });
        }
        const report = await evaluatePlan(opened);
        const openedUrn = opened.resources.at(-1)!.urn;
        expect(mandatoryOn(report.violations, openedUrn).length + mandatoryOn(report.violations, db.urn).length).toBeGreaterThan(0);
        if (cloud === "aws" || db.type.startsWith("mongodbatlas:")) {
            expect(mandatoryOn(report.violations, db.urn).map((v) => v.policyName)).toContain("stack-data-store-not-public");
        }
    });

    it("catches backup retention lowered below the minimum", async () => {
        const base = await plan("prod", cloud);
        const docdb = base.resources.find((r) => r.type === "aws:docdb/cluster:Cluster");
        const atlasSchedule = base.resources.find((r) => r.type === "mongodbatlas:index/cloudBackupSchedule:CloudBackupSchedule");
        const target = docdb ?? atlasSchedule;
        // Cosmos DB for MongoDB vCore keeps a fixed 35 days: there is no retention to lower.
        if (!target) return expect(cloud).toBe("azure");
        const lowered = target === docdb
            ? mutate(base, target.urn, (i) => ({ ...i, backupRetentionPeriod: 3 }))
            : mutate(base, target.urn, (i) => ({ ...i, policyItemDaily: { frequencyInterval: 1, retentionUnit: "days", retentionValue: 2 } }));
        const report = await evaluatePlan(lowered);
        expect(mandatoryOn(report.violations, target.urn).map((v) => v.policyName)).toEqual(expect.arrayContaining([expect.stringMatching(/retention/)]));
    });
});

describe("npm run policy", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "policy-cli-"));
    const write = (name: string, content: unknown) => {
        const file = path.join(dir, name);
        fs.writeFileSync(file, JSON.stringify(content));
        return file;
    };
    const cli = (...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", "tools/cli/policy.ts", ...args], { cwd: path.resolve(__dirname, ".."), encoding: "utf8" });
    const violating = write("violating.json", planDocument(planOf([{ type: "aws:docdb/cluster:Cluster", name: "db", inputs: { storageEncrypted: false, backupRetentionPeriod: 35 } }])));
    const clean = write("clean.json", planDocument(planOf([{ type: "aws:kms/key:Key", name: "key", protect: true, inputs: { enableKeyRotation: true } }])));

    it("exits 1 on a mandatory violation and prints it grouped by rule and resource", () => {
        const r = cli("--plan", violating);
        expect(r.status).toBe(1);
        expect(r.stdout).toMatch(/\[mandatory\] docdb-cluster-encrypted - [^\n]+\n\s+why: [^\n]+\n\s+fix: [^\n]+\n\s+aws:docdb\/cluster:Cluster\s+db\n\s+- storageEncrypted is false/);
        expect(r.stdout).toMatch(/\d+ mandatory, \d+ advisory violations\s*$/);
    });

    it("exits 0 when only advisory findings remain, and writes the report with --json", () => {
        const report = path.join(dir, "report.json");
        const r = cli("--plan", violating, "--config", write("advise.json", { all: "advisory" }), "--json", report);
        expect(r.status).toBe(0);
        expect(JSON.parse(fs.readFileSync(report, "utf8"))).toMatchObject({ mandatory: 0 });
        expect(cli("--plan", clean).status).toBe(0);
    });

    it("exits 2 on invalid policy config and 64 on bad usage", () => {
        const bad = cli("--plan", clean, "--config", write("bad.json", { "docdb-cluster-backup-retention": { minimumRetentionDays: "seven" } }));
        expect(bad.status).toBe(2);
        expect(bad.stderr).toMatch(/docdb-cluster-backup-retention: \.minimumRetentionDays should be integer/);
        expect(cli().status).toBe(64);
        expect(cli("--plan", clean, "--cloud", "aws").status).toBe(64);
    });
});

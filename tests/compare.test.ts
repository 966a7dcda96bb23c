import { execFile } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parseStackConfig } from "../config/parse";
import { CAPABILITIES } from "../tools/compare/capabilities";
import { summarize } from "../tools/compare/compare";
import { createSeconds, criticalPath, DEFAULT_CREATE_SECONDS } from "../tools/compare/deploy-time";
import { planFromEvents, findPulumiCli } from "../tools/compare/pulumi-engine";
import { estimateResource, HOURS_PER_MONTH, NAT_GB_PER_MONTH, PRICES, VPC_ENDPOINT_GB_PER_MONTH } from "../tools/compare/prices";
import { dataStoreRecovery } from "../tools/compare/recovery";
import { mermaidDiagram, renderJson, renderMarkdown } from "../tools/compare/render";
import type { Plan, PlannedResource } from "../tools/plan/types";
import { prod } from "./support/config";

const STACK = "urn:pulumi:prod::gravitypm::pulumi:pulumi:Stack::gravitypm-prod";

function resource(name: string, type: string, extra: Partial<PlannedResource> = {}): PlannedResource {
    return {
        urn: `urn:pulumi:prod::gravitypm::${type}::${name}`,
        type,
        name,
        custom: !type.startsWith("gravitypm:") && type !== "pulumi:pulumi:Stack",
        parent: STACK,
        protect: false,
        retainOnDelete: false,
        dependencies: [],
        inputs: {},
        secretInputs: [],
        aliases: 0,
        ...extra,
    };
}

const CFG = parseStackConfig(prod("aws", { databaseStorageGb: "100" }), "prod");

/** A small hand-made plan: a network with one NAT, a database with two instances, one type we have no price for. */
function smallPlan(): Plan {
    const stack = resource("gravitypm-prod", "pulumi:pulumi:Stack", { urn: STACK, parent: undefined, custom: false });
    const network = resource("primary-network", "gravitypm:components:Network");
    const database = resource("database", "gravitypm:components:Database");
    const vpc = resource("vpc", "aws:ec2/vpc:Vpc", { parent: network.urn });
    const nat = resource("nat", "aws:ec2/natGateway:NatGateway", { parent: network.urn, dependencies: [vpc.urn] });
    const cluster = resource("cluster", "aws:docdb/cluster:Cluster", { parent: database.urn, dependencies: [network.urn] });
    const instances = [0, 1].map((i) =>
        resource(`instance-${i}`, "aws:docdb/clusterInstance:ClusterInstance", { parent: database.urn, dependencies: [cluster.urn], inputs: { instanceClass: "db.r6g.large" } }),
    );
    const mystery = resource("mystery", "aws:quantum/computer:Computer", { parent: database.urn });
    return { stack: "prod", cloud: "aws", environment: "prod", resources: [stack, network, database, vpc, nat, cluster, ...instances, mystery], outputs: {}, notes: [] };
}

describe("cost estimate", () => {
    it("prices a known small plan from the price table", () => {
        const summary = summarize(smallPlan(), CFG);
        const nat = PRICES.awsNatHour.usd * HOURS_PER_MONTH + NAT_GB_PER_MONTH * PRICES.awsNatGb.usd;
        const instances = 2 * PRICES.awsDocdbInstanceHour["db.r6g.large"].usd * HOURS_PER_MONTH;
        const storage = 100 * PRICES.awsDocdbStorageGbMonth.usd;
        expect(summary.components.find((c) => c.kind === "Network")?.usd).toBeCloseTo(nat, 2);
        expect(summary.components.find((c) => c.kind === "Database")?.usd).toBeCloseTo(instances + storage, 2);
        expect(summary.totalUsd).toBeCloseTo(nat + instances + storage, 1);
        expect(summary.totalUsd).toBeCloseTo(32.85 + 4.5 + 404.42 + 10, 1);
    });

    it("reports unknown prices as unknown, never as 0", () => {
        const summary = summarize(smallPlan(), CFG);
        const db = summary.components.find((c) => c.kind === "Database")!;
        expect(db.unknownPrices).toEqual(["mystery (aws:quantum/computer:Computer)"]);
        expect(summary.unknownPrices).toEqual(["mystery: no price known for aws:quantum/computer:Computer"]);
        const estimate = estimateResource(resource("x", "aws:docdb/clusterInstance:ClusterInstance", { inputs: { instanceClass: "db.x99.mega" } }), { databaseStorageGb: 1, clusterNodes: 1 });
        expect(estimate.usd).toBeUndefined();
        expect(estimate.basis).toMatch(/no price for instance class db.x99.mega/);
        const md = renderMarkdown({ stack: "prod", clouds: [summary] });
        expect(md).toMatch(/\| Database \| \$\d[\d,.]* \+ 1 unknown \|/);
    });

    it("prices an interface endpoint per zone and a gateway endpoint at nothing", () => {
        const assumptions = { databaseStorageGb: 1, clusterNodes: 1 };
        const iface = estimateResource(resource("kms", "aws:ec2/vpcEndpoint:VpcEndpoint", { inputs: { vpcEndpointType: "Interface", subnetIds: ["a", "b", "c"] } }), assumptions);
        expect(iface.usd).toBeCloseTo(3 * HOURS_PER_MONTH * PRICES.awsInterfaceEndpointHour.usd + VPC_ENDPOINT_GB_PER_MONTH * PRICES.awsInterfaceEndpointGb.usd);
        expect(estimateResource(resource("s3", "aws:ec2/vpcEndpoint:VpcEndpoint", { inputs: { vpcEndpointType: "Gateway" } }), assumptions).usd).toBe(0);
    });

    it("gives every price a source and a date", () => {
        const all = Object.values(PRICES).flatMap((v) => ("usd" in v ? [v] : Object.values(v)));
        expect(all.length).toBeGreaterThan(30);
        for (const price of all) {
            expect(price.source).toMatch(/^https:\/\//);
            expect(price.asOf).toMatch(/^\d{4}-\d{2}$/);
        }
    });
});

describe("critical path", () => {
    it("follows the longest chain of dependencies on a hand-made graph", () => {
        // a(10) → b(20) → d(5) and a → c(50) → d; e(60) stands alone. The longest chain is
        // a → c → d at 65 s, longer than any single resource.
        const a = resource("a", "t:a:A");
        const b = resource("b", "t:b:B", { dependencies: [a.urn] });
        const c = resource("c", "t:c:C", { dependencies: [a.urn] });
        const d = resource("d", "t:d:D", { dependencies: [b.urn, c.urn] });
        const e = resource("e", "t:e:E");
        const seconds: Record<string, number> = { a: 10, b: 20, c: 50, d: 5, e: 60 };
        const result = criticalPath([a, b, c, d, e], (r) => seconds[r.name]);
        expect(result.seconds).toBe(65);
        expect(result.path).toEqual([a.urn, c.urn, d.urn]);
    });

    it("expands a dependency on a component to everything inside it", () => {
        const comp = resource("db", "gravitypm:components:Database");
        const inner = resource("inner", "t:slow:Slow", { parent: comp.urn });
        const after = resource("after", "t:fast:Fast", { dependencies: [comp.urn] });
        const result = criticalPath([comp, inner, after], (r) => (r.name === "inner" ? 600 : 10));
        expect(result.seconds).toBe(610);
        expect(result.path).toEqual([inner.urn, after.urn]);
    });

    it("uses typical creation times per type", () => {
        expect(createSeconds("aws:docdb/cluster:Cluster")).toBe(600);
        expect(createSeconds("cloudflare:index/dnsRecord:DnsRecord")).toBe(5);
        expect(createSeconds("aws:unknown/thing:Thing")).toBe(DEFAULT_CREATE_SECONDS);
    });
});

describe("outputs", () => {
    it("draws components and their links as Mermaid", () => {
        expect(mermaidDiagram(smallPlan())).toBe(
            ['flowchart LR', '    primary_network["primary-network<br/>Network"]', '    database["database<br/>Database"]', "    database --> primary_network"].join("\n"),
        );
    });

    it("lists every capability in JSON", () => {
        const doc = JSON.parse(renderJson({ stack: "prod", clouds: [summarize(smallPlan(), CFG)] })) as { clouds: { parity: Record<string, unknown> }[] };
        expect(Object.keys(doc.clouds[0].parity)).toEqual(CAPABILITIES.map((c) => c.id));
    });
});

describe("pulumi engine", () => {
    it("finds no CLI on an empty PATH", () => {
        expect(findPulumiCli("")).toBeUndefined();
    });

    it("turns preview events into a plan", () => {
        const plan = planFromEvents("prod", CFG, [
            { resourcePreEvent: { metadata: { op: "create", new: { type: "aws:ec2/vpc:Vpc", urn: "urn:pulumi:prod::gravitypm::aws:ec2/vpc:Vpc::v", parent: STACK, inputs: { cidrBlock: "10.0.0.0/16" }, provider: "urn:p::id" } } } },
            { resourcePreEvent: { metadata: { op: "delete", old: { type: "aws:ec2/eip:Eip", urn: "urn:x::e", parent: STACK, inputs: {}, provider: "" } } } },
        ]);
        expect(plan.resources.map((r) => [r.name, r.type, r.provider])).toEqual([["v", "aws:ec2/vpc:Vpc", "urn:p"]]);
    });
});

describe("recovery of a Memorystore instance", () => {
    const instance = resource("cache-instance", "gcp:redis/instance:Instance", {
        inputs: { tier: "STANDARD_HA", persistenceConfig: { persistenceMode: "RDB", rdbSnapshotPeriod: "ONE_HOUR" } },
    });
    const exportJob = (uri: string) => resource("cache-export-job", "gcp:cloudscheduler/job:Job", { inputs: { httpTarget: { httpMethod: "POST", uri } } });
    const gcpPlan = (...resources: PlannedResource[]): Plan => ({ stack: "prod", cloud: "gcp", environment: "prod", resources, outputs: {}, notes: [] });
    const EXPORT_URL = "https://redis.googleapis.com/v1/projects/p/locations/us-central1/instances/p-cache:export";

    it("has no region-loss recovery without a copy elsewhere", () => {
        const [row] = dataStoreRecovery(gcpPlan(instance));
        expect(row.zoneLoss).toEqual({ rpoMinutes: 1, rtoMinutes: 1 });
        expect(row.regionLoss).toBeUndefined();
        expect(row.basis).toMatch(/no cross-region replica$/);
    });

    it("recovers a region from the daily export: a day of data, half an hour to import", () => {
        const [row] = dataStoreRecovery(gcpPlan(instance, exportJob(EXPORT_URL)));
        expect(row.regionLoss).toEqual({ rpoMinutes: 1440, rtoMinutes: 30 });
        expect(row.basis).toMatch(/daily RDB export to a bucket in another region/);
    });

    it("counts only a scheduled call of Memorystore's export method", () => {
        for (const uri of ["https://example.com/hook", EXPORT_URL.replace(":export", ":import"), "https://redis.googleapis.com/v1/projects/p/locations/r/clusters/c:export"]) {
            expect(dataStoreRecovery(gcpPlan(instance, exportJob(uri)))[0].regionLoss).toBeUndefined();
        }
    });
});

describe("compare command", () => {
    const run = promisify(execFile);
    const ROOT = path.resolve(__dirname, "..");

    it("compares prod on the three clouds with costs, verdicts, parity, recovery and deploy time", async () => {
        const { stdout } = await run(process.execPath, ["--import", "tsx", "tools/cli/compare.ts", "--stack", "prod", "--format", "json"], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
        const doc = JSON.parse(stdout) as {
            clouds: Array<{
                cloud: string;
                resources: number;
                components: { kind: string; usd: number }[];
                monthlyUsd: { known: number; unknown: string[] };
                policy: { mandatory: number; advisory: number };
                parity: Record<string, { inPlan: boolean }>;
                recovery: { store: string }[];
                deploy: { seconds: number; criticalPath: string[] };
            }>;
        };
        expect(doc.clouds.map((c) => c.cloud)).toEqual(["aws", "gcp", "azure"]);
        for (const c of doc.clouds) {
            expect(c.components.map((k) => k.kind)).toEqual(expect.arrayContaining(["Network", "Keys", "Alerts", "Database", "Cache"]));
            expect(c.monthlyUsd.known).toBeGreaterThan(50);
            expect(c.policy.mandatory).toBe(0);
            expect(c.parity["db-ha"].inPlan).toBe(true);
            expect(c.recovery.map((r) => r.store).sort()).toEqual(["cache", "database"]);
            // A managed database or cache dominates: the critical path is at least ten minutes.
            expect(c.deploy.seconds).toBeGreaterThanOrEqual(600);
            expect(c.deploy.criticalPath.length).toBeGreaterThan(1);
        }
        // What the deploy-readiness work added is priced: VPC endpoints, the Azure RBAC wait.
        const unknown = doc.clouds.flatMap((c) => c.monthlyUsd.unknown);
        expect(unknown.filter((u) => /vpcEndpoint|RbacPropagationWait/.test(u))).toEqual([]);
    });

    it("says the Pulumi CLI is missing and how to install it when asked for real previews", async () => {
        const error = await run(process.execPath, ["--import", "tsx", "tools/cli/compare.ts", "--stack", "prod", "--engine", "pulumi"], {
            cwd: ROOT,
            env: { ...process.env, PATH: "" },
        }).catch((e: unknown) => e as { code: number; stderr: string; stdout: string });
        expect(error).toMatchObject({ code: 3, stdout: "" });
        expect((error as { stderr: string }).stderr).toMatch(/The Pulumi CLI was not found on PATH\. Install it with .*get\.pulumi\.com/);
    });
});

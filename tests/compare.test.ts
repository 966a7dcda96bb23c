import { execFile } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../config/errors";
import { parseStackConfig } from "../config/parse";
import { CAPABILITIES } from "../tools/compare/capabilities";
import { compareClouds, costAssumptions, diffComparisons, isPossible, summarize, type Comparison, type Planner } from "../tools/compare/compare";
import { createSeconds, criticalPath, DEFAULT_CREATE_SECONDS } from "../tools/compare/deploy-time";
import { planFromEvents, findPulumiCli } from "../tools/compare/pulumi-engine";
import { estimateResource, HOURS_PER_MONTH, VPC_ENDPOINT_GB_PER_MONTH } from "../tools/compare/prices";
import { lookup } from "../tools/compare/prices/snapshot";
import { dataStoreRecovery } from "../tools/compare/recovery";
import { mermaidDiagram, renderDiff, renderJson, renderMarkdown, renderTable } from "../tools/compare/render";
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
const ASSUMPTIONS = costAssumptions(CFG);
/** The snapshot's rate for an id in the prod primary region (us-east-1): what the estimates must use. */
const rate = (id: string, region = "us-east-1", quantity?: number) => lookup(id, region, quantity)!.usd;

/** A small hand-made plan: a network with one NAT, a database with two instances, one type we have no price for. */
function smallPlan(options: { mystery?: boolean; instances?: number } = {}): Plan {
    const stack = resource("gravitypm-prod", "pulumi:pulumi:Stack", { urn: STACK, parent: undefined, custom: false });
    const network = resource("primary-network", "gravitypm:components:Network");
    const database = resource("database", "gravitypm:components:Database");
    const vpc = resource("vpc", "aws:ec2/vpc:Vpc", { parent: network.urn });
    const nat = resource("nat", "aws:ec2/natGateway:NatGateway", { parent: network.urn, dependencies: [vpc.urn] });
    const cluster = resource("cluster", "aws:docdb/cluster:Cluster", { parent: database.urn, dependencies: [network.urn] });
    const instances = Array.from({ length: options.instances ?? 2 }, (_, i) =>
        resource(`instance-${i}`, "aws:docdb/clusterInstance:ClusterInstance", { parent: database.urn, dependencies: [cluster.urn], inputs: { instanceClass: "db.r6g.large" } }),
    );
    const mystery = options.mystery === false ? [] : [resource("mystery", "aws:quantum/computer:Computer", { parent: database.urn })];
    return { stack: "prod", cloud: "aws", environment: "prod", resources: [stack, network, database, vpc, nat, cluster, ...instances, ...mystery], outputs: {}, notes: [] };
}

describe("cost estimate", () => {
    it("prices a known small plan from the price snapshot", () => {
        const summary = summarize(smallPlan(), CFG);
        const nat = rate("aws.nat.hour") * HOURS_PER_MONTH + CFG.usage.natGbPerMonth * rate("aws.nat.gb");
        const instances = 2 * rate("aws.docdb.db.r6g.large.hour") * HOURS_PER_MONTH;
        const storage = 100 * rate("aws.docdb.storage.gbMonth");
        expect(summary.components.find((c) => c.kind === "Network")?.usd).toBeCloseTo(nat, 2);
        expect(summary.components.find((c) => c.kind === "Database")?.usd).toBeCloseTo(instances + storage, 2);
        expect(summary.totalUsd).toBeCloseTo(nat + instances + storage, 1);
        // Every priced item names the snapshot entries it came from, in its region, and the report
        // says how many of the rates are manual.
        expect(summary.items.find((i) => i.name === "nat")?.prices.map((p) => `${p.id}@${p.region}`)).toEqual(["aws.nat.hour@us-east-1", "aws.nat.gb@us-east-1"]);
        const origins = [lookup("aws.nat.hour", "us-east-1"), lookup("aws.nat.gb", "us-east-1"), lookup("aws.docdb.db.r6g.large.hour", "us-east-1"), lookup("aws.docdb.storage.gbMonth", "us-east-1")].map((p) => p!.entry.origin);
        expect(renderMarkdown({ stack: "prod", set: {}, clouds: [summary] })).toContain(`Of the 4 rates this comparison used, ${origins.filter((o) => o === "manual").length} are manual`);
    });

    it("reports unknown prices as unknown, never as 0, and the total as incomplete", () => {
        const summary = summarize(smallPlan(), CFG);
        const db = summary.components.find((c) => c.kind === "Database")!;
        expect(db.unknownPrices).toEqual(["mystery (aws:quantum/computer:Computer)"]);
        expect(summary.unknownPrices).toEqual(["mystery: no price known for aws:quantum/computer:Computer"]);
        expect(summary.complete).toBe(false);
        const estimate = estimateResource(resource("x", "aws:docdb/clusterInstance:ClusterInstance", { inputs: { instanceClass: "db.x99.mega" } }), ASSUMPTIONS);
        expect(estimate.usd).toBeUndefined();
        expect(estimate.basis).toMatch(/no price in the snapshot for aws\.docdb\.db\.x99\.mega\.hour in us-east-1/);
    });

    it("prints an incomplete total as a lower bound in the table, Markdown and JSON, and never ranks it", () => {
        const complete = summarize(smallPlan({ mystery: false }), CFG);
        const incomplete = { ...summarize(smallPlan(), CFG), cloud: "gcp" as const };
        const c: Comparison = { stack: "prod", set: {}, clouds: [complete, incomplete] };
        const lowerBound = new RegExp(`≥ \\$${incomplete.totalUsd.toLocaleString("en-US", { minimumFractionDigits: 2 }).replace(/[.$]/g, "\\$&")} \\(1 item unpriced: mystery\\)`);
        expect(renderMarkdown(c)).toMatch(new RegExp(`\\| Total \\| \\$[\\d,.]+ \\| ${lowerBound.source} \\|`));
        expect(renderMarkdown(c)).toMatch(/\| Rank by cost \| 1 of 1 complete \| not ranked: total incomplete \|/);
        expect(renderTable(c)).toMatch(/≥ \$[\d,.]+ \(1 item unpriced:/);
        const doc = JSON.parse(renderJson(c)) as { clouds: { cloud: string; complete: boolean; monthlyUsd: { complete: boolean; unpriced: string[] } }[] };
        expect(doc.clouds.map((x) => [x.cloud, x.complete, x.monthlyUsd.complete, x.monthlyUsd.unpriced.length])).toEqual([
            ["aws", true, true, 0],
            ["gcp", false, false, 1],
        ]);
    });

    it("prices an interface endpoint per zone and a gateway endpoint at nothing", () => {
        const iface = estimateResource(resource("kms", "aws:ec2/vpcEndpoint:VpcEndpoint", { inputs: { vpcEndpointType: "Interface", subnetIds: ["a", "b", "c"] } }), ASSUMPTIONS);
        expect(iface.usd).toBeCloseTo(3 * HOURS_PER_MONTH * rate("aws.endpoint.hour") + VPC_ENDPOINT_GB_PER_MONTH * rate("aws.endpoint.gb"));
        expect(estimateResource(resource("s3", "aws:ec2/vpcEndpoint:VpcEndpoint", { inputs: { vpcEndpointType: "Gateway" } }), ASSUMPTIONS).usd).toBe(0);
    });

    it("reads the usage assumptions from config: a compare-only key changes the estimate", () => {
        const more = parseStackConfig(prod("aws", { databaseStorageGb: "100", usageNatGbPerMonth: String(CFG.usage.natGbPerMonth + 1000) }), "prod");
        const delta = summarize(smallPlan(), more).totalUsd - summarize(smallPlan(), CFG).totalUsd;
        expect(delta).toBeCloseTo(1000 * rate("aws.nat.gb"), 1);
        expect(renderMarkdown({ stack: "prod", set: {}, clouds: [summarize(smallPlan(), more)] })).toContain(`${(CFG.usage.natGbPerMonth + 1000).toLocaleString("en-US")} GB a month through each NAT gateway`);
    });
});

describe("per-cloud verdicts", () => {
    it("marks a cloud whose config is invalid as not possible and still compares the others", async () => {
        const planner: Planner = async (stack, cloud) => {
            if (cloud === "aws") throw new ConfigError(stack, [{ key: "gravitypm:databaseShards", value: "4", message: "DocumentDB does not shard" }]);
            return { plan: { ...smallPlan(), cloud }, config: parseStackConfig(prod(cloud), "prod") };
        };
        const c = await compareClouds({ stack: "prod", clouds: ["aws", "gcp"], set: { databaseShards: "4" }, planner });
        expect(c.clouds.map((x) => [x.cloud, isPossible(x)])).toEqual([
            ["aws", false],
            ["gcp", true],
        ]);
        const md = renderMarkdown(c);
        expect(md).toContain('not possible on AWS: gravitypm:databaseShards = "4": DocumentDB does not shard');
        expect(md).toMatch(/^## Cloud comparison for stack `prod` with --set databaseShards=4; regions: Google Cloud us-central1 \(DR us-east1\)/);
        const doc = JSON.parse(renderJson(c)) as { clouds: { cloud: string; possible: boolean; notPossible?: string }[] };
        expect(doc.clouds[0]).toEqual({ cloud: "aws", possible: false, notPossible: 'gravitypm:databaseShards = "4": DocumentDB does not shard' });
    });

    it("lets any other failure stop the comparison", async () => {
        const planner: Planner = async () => {
            throw new Error("the engine broke");
        };
        await expect(compareClouds({ stack: "prod", clouds: ["aws"], planner })).rejects.toThrow("the engine broke");
    });
});

describe("variants", () => {
    it("reports cost, resource and verdict deltas, and no cost delta when a total is incomplete", () => {
        const base: Comparison = { stack: "prod", set: {}, clouds: [summarize(smallPlan({ mystery: false }), CFG)] };
        const variant: Comparison = { stack: "prod", set: { databaseNodes: "3" }, clouds: [summarize(smallPlan({ mystery: false, instances: 3 }), CFG)] };
        const diff = diffComparisons(base, variant, { base: "the stack's config", variant: "databaseNodes=3" });
        expect(diff.clouds[0].cost?.delta).toBeCloseTo(rate("aws.docdb.db.r6g.large.hour") * HOURS_PER_MONTH, 1);
        expect(diff.clouds[0].types).toEqual([{ type: "aws:docdb/clusterInstance:ClusterInstance", delta: 1 }]);
        expect(diff.clouds[0].resources).toEqual({ before: 8, after: 9 });
        expect(renderDiff(diff, "markdown")).toMatch(/\| Types changed \| \+1 aws:docdb\/clusterInstance:ClusterInstance \|/);

        const incomplete: Comparison = { stack: "prod", set: {}, clouds: [summarize(smallPlan(), CFG)] };
        const noDelta = diffComparisons(base, incomplete, { base: "a", variant: "b" });
        expect(noDelta.clouds[0].cost?.delta).toBeUndefined();
        expect(renderDiff(noDelta, "markdown")).toContain("no delta: a total is incomplete");

        const ruledOut: Comparison = { stack: "prod", set: {}, clouds: [{ cloud: "aws", notPossible: "no shards" }] };
        expect(diffComparisons(base, ruledOut, { base: "a", variant: "b" }).clouds[0].verdict).toEqual({ before: "possible", after: "no shards" });
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
    it("draws components by service as Mermaid, arrows from what is used to its user, every node declared, with a legend", () => {
        const diagram = mermaidDiagram(smallPlan());
        expect(diagram.split("\n").slice(0, 4)).toEqual([
            "flowchart LR",
            '    primary_network["primary-network<br/>Network: Amazon VPC"]',
            '    database["database<br/>Database: Amazon DocumentDB"]',
            "    primary_network --> database",
        ]);
        expect(diagram).toContain('subgraph legend["Legend"]');
        // Every node an arrow touches is declared.
        const declared = new Set([...diagram.matchAll(/^\s+(\w+)\[/gm)].map((m) => m[1]));
        for (const [, from, to] of diagram.matchAll(/^\s+(\w+) -\.?->(?:\|[^|]*\|)? (\w+)/gm)) {
            expect(declared.has(from), from).toBe(true);
            expect(declared.has(to), to).toBe(true);
        }
    });

    it("lists every capability in JSON", () => {
        const doc = JSON.parse(renderJson({ stack: "prod", set: {}, clouds: [summarize(smallPlan(), CFG)] })) as { clouds: { parity: Record<string, unknown> }[] };
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
    type Doc = {
        set: Record<string, string>;
        clouds: Array<{
            cloud: string;
            possible: boolean;
            notPossible?: string;
            resources: number;
            complete: boolean;
            components: { kind: string; usd: number; unknownPrices: string[] }[];
            monthlyUsd: { known: number; complete: boolean; unpriced: string[] };
            items: { name: string; type: string; usd?: number }[];
            policy: { mandatory: number; advisory: number };
            parity: Record<string, { inPlan: boolean }>;
            recovery: { store: string }[];
            deploy: { seconds: number; criticalPath: string[] };
        }>;
    };
    const compare = async (...args: string[]) =>
        JSON.parse((await run(process.execPath, ["--import", "tsx", "tools/cli/compare.ts", "--stack", "prod", "--format", "json", ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 })).stdout) as Doc;

    it("compares prod on the three clouds with costs, verdicts, parity, recovery and deploy time", async () => {
        const doc = await compare();
        expect(doc.clouds.map((c) => [c.cloud, c.possible])).toEqual([
            ["aws", true],
            ["gcp", true],
            ["azure", true],
        ]);
        for (const c of doc.clouds) {
            expect(c.components.map((k) => k.kind)).toEqual(expect.arrayContaining(["Network", "Keys", "Alerts", "Database", "Cache", "SecurityBaseline"]));
            expect(c.monthlyUsd.known).toBeGreaterThan(50);
            expect(c.complete).toBe(c.monthlyUsd.unpriced.length === 0);
            expect(c.policy.mandatory).toBe(0);
            expect(c.parity["db-ha"].inPlan).toBe(true);
            expect(c.recovery.map((r) => r.store).sort()).toEqual(["cache", "database"]);
            // A managed database or cache dominates: the critical path is at least ten minutes.
            expect(c.deploy.seconds).toBeGreaterThanOrEqual(600);
            expect(c.deploy.criticalPath.length).toBeGreaterThan(1);
            // The security baseline is priced or listed as no-charge with its reason on every cloud.
            expect(c.components.find((k) => k.kind === "SecurityBaseline")?.unknownPrices, c.cloud).toEqual([]);
        }
        // Azure's two largest items, the vCore clusters and Managed Redis, are priced.
        const azure = doc.clouds.find((c) => c.cloud === "azure")!;
        for (const kind of ["Database", "Cache"]) expect(azure.components.find((k) => k.kind === kind)?.unknownPrices, kind).toEqual([]);
        for (const type of ["azure-native:mongocluster:MongoCluster", "azure-native:redisenterprise:RedisEnterprise"]) {
            expect(azure.items.filter((i) => i.type === type).every((i) => (i.usd ?? 0) > 100), type).toBe(true);
        }
        // What the deploy-readiness work added is priced: VPC endpoints, the Azure RBAC wait.
        const unknown = doc.clouds.flatMap((c) => c.monthlyUsd.unpriced);
        expect(unknown.filter((u) => /vpcEndpoint|RbacPropagationWait/.test(u))).toEqual([]);
    });

    it("with --set databaseShards=4 marks AWS not possible natively and compares GCP and Azure", async () => {
        const doc = await compare("--set", "databaseShards=4");
        expect(doc.set).toEqual({ databaseShards: "4" });
        const [aws, gcp, azure] = doc.clouds;
        expect(aws).toMatchObject({ cloud: "aws", possible: false });
        expect(aws.notPossible).toMatch(/gravitypm:databaseShards = "4": Amazon DocumentDB instance-based clusters do not shard/);
        for (const c of [gcp, azure]) {
            expect(c.possible, c.cloud).toBe(true);
            expect(c.monthlyUsd.known, c.cloud).toBeGreaterThan(50);
            expect(c.parity["db-sharding"].inPlan, c.cloud).toBe(true);
        }
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

/**
 * Parity with the real CLI path: the pack is started exactly as `pulumi preview
 * --policy-pack` starts it (@pulumi/pulumi's run-policy-pack, which type-checks it with
 * ts-node and serves the analyzer over gRPC), then sent the engine's calls (GetAnalyzerInfo,
 * Configure, Analyze per resource, AnalyzeStack). Its diagnostics must equal what the
 * offline runner reports for the same plan and config.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as pb from "@pulumi/pulumi/proto/analyzer_pb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Plan, PlannedResource } from "../../../tools/plan/types";
import { resolvePolicyConfig, type EnforcementLevel } from "../../../tools/policy/config";
import { evaluatePlan } from "../../../tools/policy/evaluate";
import { policies } from "../policies";
import { awsDatabase, prodAws } from "./fixtures";

const PACK_DIR = path.resolve(__dirname, "..");
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const LEVEL: Record<EnforcementLevel, pb.EnforcementLevel> = {
    advisory: pb.EnforcementLevel.ADVISORY,
    mandatory: pb.EnforcementLevel.MANDATORY,
    disabled: pb.EnforcementLevel.DISABLED,
    remediate: pb.EnforcementLevel.REMEDIATE,
};
const LEVEL_NAME = new Map(Object.entries(LEVEL).map(([k, v]) => [v, k]));

/** A plan that breaks resource rules, stack rules and reads a value unknown during preview. */
const plan: Plan = prodAws(
    [
        { type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", name: "open-db", provider: "aws-primary", dependsOn: ["db-sg"], inputs: { cidrIpv4: "0.0.0.0/0", fromPort: 27017, toPort: 27017, ipProtocol: "tcp" } },
        { type: "aws:elasticache/replicationGroup:ReplicationGroup", name: "cache", provider: "aws-primary", inputs: { transitEncryptionEnabled: "[unknown]", snapshotRetentionLimit: 1 } },
        { type: "aws:ec2/subnet:Subnet", name: "public", provider: "aws-primary", inputs: { mapPublicIpOnLaunch: true } },
    ],
    awsDatabase({ cluster: { storageEncrypted: false, backupRetentionPeriod: 7 }, instances: 1 }),
);
const configFile = { "docdb-cluster-log-exports": "mandatory", "docdb-cluster-backup-retention": { minimumRetentionDays: 14 }, "aws-subnet-no-public-ip": "disabled" };

function wire(value: unknown): unknown {
    return JSON.parse(JSON.stringify(value ?? {}).replaceAll('"[unknown]"', `"${UNKNOWN}"`));
}

function struct(value: unknown): Struct {
    return Struct.fromJavaScript(wire(value) as Parameters<typeof Struct.fromJavaScript>[0]);
}

function options(r: PlannedResource): pb.AnalyzerResourceOptions {
    const o = new pb.AnalyzerResourceOptions();
    o.setProtect(r.protect);
    if (r.parent) o.setParent(r.parent);
    return o;
}

function provider(r: PlannedResource): pb.AnalyzerProviderResource | undefined {
    const p = plan.resources.find((x) => x.urn === r.provider);
    if (!p) return undefined;
    const out = new pb.AnalyzerProviderResource();
    out.setType(p.type).setUrn(p.urn).setName(p.name).setProperties(struct(p.inputs));
    return out;
}

const call = <Req, Res>(fn: (req: Req, cb: (e: grpc.ServiceError | null, res: Res) => void) => unknown, req: Req) =>
    new Promise<Res>((resolve, reject) => fn(req, (e, res) => (e ? reject(e) : resolve(res))));

interface Diagnostic {
    readonly policyName: string;
    readonly urn?: string;
    readonly enforcementLevel: string;
    readonly message: string;
}

let server: ChildProcess;
let client: AnalyzerClient;

beforeAll(async () => {
    server = spawn(process.execPath, [require.resolve("@pulumi/pulumi/cmd/run-policy-pack"), "127.0.0.1:1", "."], { cwd: PACK_DIR, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    server.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
    const port = await new Promise<number>((resolve, reject) => {
        server.stdout?.on("data", (d: Buffer) => {
            const m = /^(\d+)\s*$/m.exec(d.toString());
            if (m) resolve(Number(m[1]));
        });
        server.on("exit", (code) => reject(new Error(`the pack exited with ${code}: ${stderr}`)));
    });
    client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
}, 120_000);

afterAll(() => {
    client?.close();
    if (server?.pid) process.kill(server.pid);
});

describe("the pack served the way the Pulumi CLI serves it", () => {
    it("announces every policy with its enforcement level and config schema", async () => {
        const info = await call<Empty, pb.AnalyzerInfo>(client.getAnalyzerInfo.bind(client), new Empty());
        expect(info.getName()).toBe("gravitypm-guard");
        const served = info.getPoliciesList().map((p) => [p.getName(), LEVEL_NAME.get(p.getEnforcementlevel()), p.hasConfigschema()]);
        expect(served).toEqual(policies.map((p) => [p.name, p.enforcementLevel, p.configSchema !== undefined]));
    });

    it("reports the same violations as the offline runner", async () => {
        const configure = new pb.ConfigureAnalyzerRequest();
        for (const [name, entry] of resolvePolicyConfig(policies, configFile).entries) {
            const c = new pb.PolicyConfig();
            c.setEnforcementlevel(LEVEL[entry.enforcementLevel ?? "advisory"]);
            c.setProperties(struct(entry.properties));
            configure.getPolicyconfigMap().set(name, c);
        }
        await call(client.configure.bind(client), configure);

        const served: Diagnostic[] = [];
        // The engine attributes a resource diagnostic to the resource it analyzed.
        const collect = (res: pb.AnalyzeResponse, analyzed?: string) => {
            for (const d of res.getDiagnosticsList()) {
                const prefix = `${d.getDescription()}\n`;
                const message = d.getMessage().startsWith(prefix) ? d.getMessage().slice(prefix.length) : d.getMessage();
                served.push({ policyName: d.getPolicyname(), urn: d.getUrn() || analyzed, enforcementLevel: LEVEL_NAME.get(d.getEnforcementlevel()) ?? "?", message });
            }
        };
        for (const r of plan.resources) {
            const req = new pb.AnalyzeRequest();
            req.setType(r.type).setUrn(r.urn).setName(r.name).setProperties(struct(r.inputs)).setOptions(options(r));
            const p = provider(r);
            if (p) req.setProvider(p);
            collect(await call(client.analyze.bind(client), req), r.urn);
        }
        const stack = new pb.AnalyzeStackRequest();
        stack.setResourcesList(
            plan.resources.map((r) => {
                const res = new pb.AnalyzerResource();
                res.setType(r.type).setUrn(r.urn).setName(r.name).setProperties(struct(r.type === "pulumi:pulumi:Stack" ? plan.outputs : r.inputs)).setOptions(options(r)).setDependenciesList([...r.dependencies]);
                if (r.parent) res.setParent(r.parent);
                const p = provider(r);
                if (p) res.setProvider(p);
                return res;
            }),
        );
        collect(await call(client.analyzeStack.bind(client), stack));

        const offline = (await evaluatePlan(plan, { config: configFile })).violations.map((v) => ({ policyName: v.policyName, urn: v.urn, enforcementLevel: v.enforcementLevel, message: v.message }));
        const key = (d: Diagnostic) => JSON.stringify([d.policyName, d.urn, d.enforcementLevel, d.message]);
        expect(served.map(key).sort()).toEqual(offline.map(key).sort());
        // The plan was built to exercise every path that differs between levels.
        expect(new Set(offline.map((v) => v.enforcementLevel))).toEqual(new Set(["mandatory", "advisory"]));
        expect(offline.map((v) => v.policyName)).toEqual(expect.arrayContaining(["docdb-cluster-log-exports", "docdb-cluster-backup-retention", "stack-data-store-not-public", "stack-prod-multi-zone"]));
        expect(offline.map((v) => v.policyName)).not.toContain("aws-subnet-no-public-ip");
        expect(offline.some((v) => v.message.startsWith("can't run policy 'elasticache-encrypted-in-transit'"))).toBe(true);
    });
});

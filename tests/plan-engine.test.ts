import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { CLOUDS } from "../domain/clouds";
import { decodeWireValue, REDACTED } from "../tools/plan/engine";
import { readStackFiles, SECRET_PLACEHOLDER } from "../tools/plan/stack-files";
import { byUrn, plan } from "./support/plan";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "..");
const SDKS: Record<string, string> = { aws: "@pulumi/aws", gcp: "@pulumi/gcp", azure: "@pulumi/azure-native" };

describe("cloud selection", () => {
    it("loads only the chosen cloud's SDK", async () => {
        const results = await Promise.all(
            CLOUDS.map(async (cloud) => {
                const { stdout } = await run(process.execPath, ["--import", "tsx", "tests/support/loaded-sdks.ts", "prod", cloud], { cwd: ROOT });
                return [cloud, JSON.parse(stdout.trim().split("\n").pop()!) as { resources: number; packages: string[] }] as const;
            }),
        );
        for (const [cloud, { resources, packages }] of results) {
            expect(resources).toBeGreaterThan(10);
            expect(packages).toContain(SDKS[cloud]);
            for (const other of CLOUDS.filter((c) => c !== cloud)) expect(packages, cloud).not.toContain(SDKS[other]);
        }
    });
});

describe("wire decoding", () => {
    it("redacts secrets and records their paths", () => {
        const secrets: string[] = [];
        const decoded = decodeWireValue(
            {
                name: "db",
                password: { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "hunter2" },
                nested: { list: [{ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "x" }] },
                ref: { "4dabf18193072939515e22adb298388d": "5cf8f73096256a8f31e491e813e4eb8e", urn: "urn:pulumi:s::p::t::n" },
                pending: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
            },
            "",
            secrets,
        );
        expect(decoded).toEqual({ name: "db", password: REDACTED, nested: { list: [REDACTED] }, ref: "urn:pulumi:s::p::t::n", pending: "[unknown]" });
        expect(JSON.stringify(decoded)).not.toContain("hunter2");
        expect(secrets).toEqual(["password", "nested.list[0]"]);
    });
});

describe("stack files", () => {
    it("namespaces keys, encodes structured values and replaces secure values", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stackfiles-"));
        fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: demo\nruntime: nodejs\nconfig:\n  size:\n    type: string\n    default: small\n");
        fs.writeFileSync(
            path.join(dir, "Pulumi.dev.yaml"),
            "config:\n  demo:emails:\n    - a@x.io\n  aws:region: us-east-1\n  demo:token:\n    secure: AAABAxyz\n",
        );
        const files = readStackFiles(dir, "dev");
        expect(files.config).toEqual({
            "demo:emails": '["a@x.io"]',
            "aws:region": "us-east-1",
            "demo:token": SECRET_PLACEHOLDER,
            "demo:size": "small",
        });
        expect(files.secretKeys).toEqual(["demo:token"]);
        expect(files.notes[0]).toMatch(/demo:token is encrypted/);
    });
});

describe("captured plan", () => {
    it("records parents, explicit providers and protect", async () => {
        const p = await plan("prod", "aws");
        const stack = p.resources.find((r) => r.type === "pulumi:pulumi:Stack");
        expect(stack?.name).toBe("gravitypm-prod");
        const custom = p.resources.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:"));
        // Every cloud resource goes through an explicit provider, never the ambient default one.
        expect(custom.filter((r) => !byUrn(p, r.provider)?.type.startsWith("pulumi:providers:"))).toEqual([]);
        const drProvider = p.resources.find((r) => r.type === "pulumi:providers:aws" && r.name === "aws-dr")!;
        // In-cluster objects go through the DR cluster's own Kubernetes provider instead.
        for (const r of custom.filter((r) => r.name.startsWith("dr-") && !r.type.startsWith("kubernetes:"))) expect(r.provider, r.name).toBe(drProvider.urn);
        expect(drProvider.inputs.region).toBe("us-west-2");
        for (const r of p.resources.filter((r) => r.type === "aws:kms/key:Key")) expect(r.protect).toBe(true);
    });

    it("writes the documented --json shape", async () => {
        const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "plan-")), "plan.json");
        const { stdout } = await run(process.execPath, ["--import", "tsx", "tools/cli/plan.ts", "--stack", "staging", "--json", out], { cwd: ROOT });
        expect(stdout).toMatch(/Offline plan of stack staging on aws/);
        expect(stdout).toMatch(/├─ gravitypm:components:Network\s+primary-network/);
        const doc = JSON.parse(fs.readFileSync(out, "utf8")) as { stack: string; cloud: string; resources: Record<string, unknown>[] };
        expect(doc.stack).toBe("staging");
        expect(doc.cloud).toBe("aws");
        expect(Object.keys(doc.resources[0]).sort()).toEqual(
            ["dependencies", "inputs", "name", "parent", "protect", "provider", "secretInputs", "type", "urn"].sort(),
        );
    });
});

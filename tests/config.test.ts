import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../config/errors";
import { parseStackConfig } from "../config/parse";
import { AWS_ZONE_IDS } from "../domain/catalogs/aws";
import { PROJECT } from "../domain/stack-config";
import { registeredUrns, runPlan } from "../tools/plan/engine";
import { prod } from "./support/config";

const ROOT = path.resolve(__dirname, "..");

/** A valid prod config, as the stack file gives it (values as the CLI passes them). */
const PROD = prod("aws");

function problemsOf(raw: Record<string, string>, stack = "prod"): ConfigError {
    try {
        parseStackConfig(raw, stack);
    } catch (e) {
        if (e instanceof ConfigError) return e;
        throw e;
    }
    throw new Error("expected a ConfigError");
}

describe("stack config", () => {
    it("accepts the prod stack with profile defaults", () => {
        const cfg = parseStackConfig(PROD, "prod");
        expect(cfg.environment).toBe("prod");
        // AWS zones are AZ IDs, the first ones the catalog lists for the region.
        expect(cfg.primary).toEqual({ region: "us-east-1", zones: AWS_ZONE_IDS["us-east-1"].value.slice(0, 3), cidr: "10.0.0.0/16" });
        expect(cfg.dr).toEqual({ region: "us-west-2", zones: AWS_ZONE_IDS["us-west-2"].value.slice(0, 3), cidr: "10.1.0.0/16" });
        expect(cfg.backupRetentionDays).toBe(35);
        expect(cfg.database.nodes).toBe(3);
        expect(cfg.tags).toEqual({
            project: "gravitypm",
            stack: "prod",
            environment: "prod",
            owner: "platform",
            "cost-centre": "eng-gravitypm",
            "managed-by": "pulumi",
        });
    });

    it("gives staging its small profile and no DR region", () => {
        const { awsDrRegion: _prodOnly, ...withoutDr } = PROD;
        const cfg = parseStackConfig({ ...withoutDr, awsRegion: "us-east-2" }, "staging");
        expect(cfg.environment).toBe("staging");
        expect(cfg.primary.zones).toHaveLength(2);
        expect(cfg.dr).toBeUndefined();
        expect(cfg.backupRetentionDays).toBe(7);
    });

    it("accepts a comma-separated email list", () => {
        expect(parseStackConfig({ ...PROD, alertEmails: "a@x.io, b@x.io" }, "prod").alertEmails).toEqual(["a@x.io", "b@x.io"]);
    });

    it("clamps prod to the zones a two-zone region has", () => {
        const cfg = parseStackConfig({ ...PROD, awsRegion: "us-west-1", awsDrRegion: "us-east-2" }, "prod");
        expect(cfg.primary.zones).toEqual(AWS_ZONE_IDS["us-west-1"].value);
        expect(cfg.primary.zones).toHaveLength(2);
    });

    const BAD: Array<[string, Record<string, string | undefined>, string, RegExp]> = [
        ["unknown cloud", { cloud: "oracle" }, "cloud", /must be one of: aws, gcp, azure/],
        ["region of another cloud", { awsRegion: "us-central1" }, "awsRegion", /us-central1 is a Google Cloud region, not AWS/],
        ["region that does not exist", { awsRegion: "mars-1" }, "awsRegion", /must be an AWS region; the ones this platform knows the zones of: us-east-1/],
        ["region missing from the table", { awsRegion: "eu-central-2" }, "awsRegion", /eu-central-2 is not in this platform's table of AWS regions and their zones \(domain\/regions\.ts\); add it there with its zones, or use one of: us-east-1/],
        ["prod without DR region", { awsDrRegion: undefined }, "awsDrRegion", /prod needs a disaster-recovery region/],
        ["DR region equal to primary", { awsDrRegion: "us-east-1" }, "awsDrRegion", /must differ from awsRegion/],
        ["overlapping CIDRs", { networkCidr: "10.0.0.0/16", drNetworkCidr: "10.0.128.0/17" }, "drNetworkCidr", /overlaps networkCidr 10.0.0.0\/16; the primary and DR ranges must be disjoint so the two networks can be connected/],
        ["public CIDR", { networkCidr: "8.8.0.0/16" }, "networkCidr", /is not private/],
        ["malformed CIDR", { networkCidr: "10.0.0/16" }, "networkCidr", /not an IPv4 CIDR block/],
        ["retention below 7", { backupRetentionDays: "3" }, "backupRetentionDays", /must be at least 7/],
        ["non-numeric size", { databaseNodes: "three" }, "databaseNodes", /must be a whole number from 1 to 7/],
        ["malformed email", { alertEmails: JSON.stringify(["oncall@", "ok@x.io"]) }, "alertEmails", /"oncall@" is not an email address/],
        ["unknown size tier", { cacheSize: "huge" }, "cacheSize", /must be one of: small, medium, large, xlarge/],
        ["prod with one zone requested", { zoneCount: "2" }, "zoneCount", /prod spans at least 3 zones in us-east-1/],
        ["more zones than the region has", { zoneCount: "4", awsRegion: "us-east-2", awsDrRegion: "us-west-2" }, "zoneCount", /has 3 usable zones/],
        ["http webhook", { alertWebhookUrl: "http://hooks.example.com/x" }, "alertWebhookUrl", /must be an https:\/\/ URL/],
        ["prod with a single database node", { databaseNodes: "1" }, "databaseNodes", /prod needs at least 2 database nodes/],
        ["misspelt key", { backupRetention: "30" }, "backupRetention", /is not a config key of this project/],
        ["GCP without a project", { cloud: "gcp", gcpProject: undefined }, "gcpProject", /must be set when cloud is gcp/],
        ["owner with spaces", { owner: "platform team" }, "owner", /letters, digits/],
        ["log retention Azure cannot keep", { cloud: "azure", azureRegion: "eastus", azureDrRegion: "westus2", logRetentionDays: "730" }, "logRetentionDays", /at most 365 on Azure/],
        ["max nodes below min", { clusterMinNodes: "5", clusterMaxNodes: "3" }, "clusterMaxNodes", /at least clusterMinNodes \(5\)/],
        ["prod cluster below one node per zone", { clusterMinNodes: "2" }, "clusterMinNodes", /prod needs at least one node per zone \(3 across 3 zones\)/],
        ["the whole internet as authorised API range", { clusterEndpoint: "restricted", clusterAuthorizedCidrs: "0.0.0.0/0" }, "clusterAuthorizedCidrs", /0\.0\.0\.0\/0 admits too much of the internet.*never 0\.0\.0\.0\/0/],
        ["a restricted endpoint with no ranges", { clusterEndpoint: "restricted" }, "clusterAuthorizedCidrs", /must list the ranges allowed to reach the Kubernetes API/],
        ["authorised ranges on a private endpoint", { clusterAuthorizedCidrs: "203.0.113.0/24" }, "clusterAuthorizedCidrs", /used only when clusterEndpoint is restricted/],
        ["a Kubernetes version the service no longer supports", { clusterKubernetesVersion: "1.29" }, "clusterKubernetesVersion", /AWS supports 1\.34, 1\.35/],
        ["a malformed maintenance window", { clusterMaintenanceWindow: "sunday 3am" }, "clusterMaintenanceWindow", /must be a weekday and a whole UTC hour such as "sun 03:00"/],
        ["a DR standby minimum above the maximum", { clusterDrMinNodes: "20" }, "clusterDrMinNodes", /must be at most clusterMaxNodes \(10\)/],
    ];

    it.each(BAD)("rejects %s before any resource is registered, naming the key and the value", async (_label, change, key, message) => {
        const raw = Object.fromEntries(Object.entries({ ...PROD, ...change }).filter(([, v]) => v !== undefined)) as Record<string, string>;
        // Through the engine, from a stack file, exactly as `npm run plan` reads one.
        const projectDir = fs.mkdtempSync(path.join(os.tmpdir(), "bad-config-"));
        fs.copyFileSync(path.join(ROOT, "Pulumi.yaml"), path.join(projectDir, "Pulumi.yaml"));
        const stackFile = Object.fromEntries(Object.entries(raw).map(([k, v]) => [`${PROJECT}:${k}`, k === "alertEmails" && v.startsWith("[") ? JSON.parse(v) : v]));
        fs.writeFileSync(path.join(projectDir, "Pulumi.prod.yaml"), stringify({ config: stackFile }));
        const error = await runPlan({ stack: "prod", projectDir }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ConfigError);
        expect(registeredUrns()).toEqual([]);
        const problem = (error as ConfigError).problems.find((p) => p.key === `${PROJECT}:${key}`);
        expect(problem, (error as ConfigError).message).toBeDefined();
        expect(problem!.message).toMatch(message);
        expect(problem!.value).toBe(raw[key]);
        expect((error as ConfigError).message).toContain(`${PROJECT}:${key}`);
    });

    it("lists every bad key in one error", () => {
        const error = problemsOf({ ...PROD, cloud: "aws", awsRegion: "nowhere", backupRetentionDays: "1", alertEmails: "nope" });
        expect(error.problems.map((p) => p.key).sort()).toEqual([
            "gravitypm:alertEmails",
            "gravitypm:awsRegion",
            "gravitypm:backupRetentionDays",
        ]);
        expect(error.message).toMatch(/^Invalid config for stack "prod" \(3 problems\):/);
    });
});

describe("bad config through the engine", () => {
    it("registers no resource at all", async () => {
        await expect(runPlan({ stack: "prod", set: { awsDrRegion: "us-east-1", backupRetentionDays: "2" } })).rejects.toBeInstanceOf(ConfigError);
        expect(registeredUrns()).toEqual([]);
    });

    it("makes the plan command exit 2 with only the config message", () => {
        let status = 0;
        let stderr = "";
        let stdout = "";
        try {
            execFileSync(process.execPath, ["--import", "tsx", "tools/cli/plan.ts", "--stack", "prod", "--set", "cloud=oracle"], { cwd: ROOT, encoding: "utf8", stdio: "pipe" });
        } catch (e) {
            const err = e as { status: number; stderr: string; stdout: string };
            status = err.status;
            stderr = err.stderr;
            stdout = err.stdout;
        }
        expect(status).toBe(2);
        expect(stdout).toBe("");
        expect(stderr.trim().split("\n")).toEqual([
            'Invalid config for stack "prod" (1 problem):',
            '  - gravitypm:cloud = "oracle": must be one of: aws, gcp, azure',
        ]);
    });
});

/**
 * The commands behave like well-kept CLIs: --help lists every option with examples and exit
 * codes; a misspelt flag exits 64 with a suggestion; a broken stack file or an unwritable
 * output path exits 2 naming the file, never with a stack trace; `-` writes to stdout;
 * relative paths are the user's directory's.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cliProject, ROOT, STACK_TRACE, type CliProject } from "./cli-bundle";

const OPTIONS = {
    plan: ["--stack", "--cloud", "--set", "--json", "--debug", "--no-color", "--help"],
    policy: ["--stack", "--cloud", "--set", "--plan", "--config", "--json", "--debug", "--no-color", "--help"],
    compare: ["--stack", "--clouds", "--set", "--variant", "--before", "--after", "--format", "--out", "--engine", "--debug", "--no-color", "--help"],
} as const;
type Command = keyof typeof OPTIONS;
const COMMANDS = Object.keys(OPTIONS) as Command[];

let cli: CliProject;
beforeAll(async () => {
    cli = await cliProject({
        broken: "config:\n  gravitypm:cloud: aws\n  gravitypm:alertEmails: [oncall@gravitypm.example.com\n  gravitypm:owner: platform\n",
        misspelt: "confg:\n  gravitypm:cloud: aws\n",
        list: "- gravitypm:cloud: aws\n",
    });
});

function unwritable(): string {
    // A path under a regular file cannot be created, even by root.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cli-out-")), "a-file");
    fs.writeFileSync(file, "");
    return path.join(file, "out.json");
}

describe("--help", () => {
    it.each(COMMANDS)("%s: exit 0, every option, examples and exit codes", (command) => {
        const r = cli.run(command, ["--help"]);
        expect(r.status).toBe(0);
        expect(r.stderr).toBe("");
        for (const option of OPTIONS[command]) expect(r.stdout, option).toContain(option);
        expect(r.stdout).toMatch(new RegExp(`Usage: npm run ${command} -- `));
        expect(r.stdout).toMatch(/Examples:\n {2}npm run /);
        expect(r.stdout).toMatch(/Exit codes:\n\s+0 +success\n\s+1 +mandatory policy violations[^\n]*\n\s+2 +invalid [^\n]+\n\s+3 +[^\n]+\n\s+64 +bad usage/);
        expect(cli.run(command, ["-h"]).stdout).toBe(r.stdout);
    });

    it("bench: exit 0 and its --runs option", () => {
        const r = spawnSync(process.execPath, ["--import", "tsx", "tools/bench/plan-bench.ts", "--help"], { cwd: ROOT, encoding: "utf8" });
        expect(r.status).toBe(0);
        expect(r.stdout).toMatch(/--runs <n> +runs per figure/);
        expect(r.stdout).toMatch(/Exit codes:/);
    });
});

describe("bad usage", () => {
    it.each([
        ["compare", ["--stack", "prod", "--cloud", "aws"], /unknown option '--cloud'\n\(Did you mean --clouds\?\)/],
        ["plan", ["--stak", "prod"], /unknown option '--stak'\n\(Did you mean --stack\?\)/],
        ["policy", ["--stack", "prod", "--josn", "r.json"], /unknown option '--josn'\n\(Did you mean --json\?\)/],
        ["plan", ["--stack", "prod", "--cloud", "oracle"], /argument 'oracle' is invalid\. Allowed choices are aws, gcp, azure/],
        ["compare", ["--stack", "prod", "--clouds", "aws,orcale"], /"orcale" is not a cloud/],
        ["plan", ["--cloud", "aws"], /--stack is required/],
        ["policy", [], /--stack \(or --plan\) is required/],
        ["plan", ["--stack", "prod", "--set", "novalue"], /--set takes key=value, got "novalue"/],
        ["compare", ["--stack", "prod", "--variant", "novalue"], /--variant takes key=value, got "novalue"/],
        ["compare", ["--before", "a.json"], /--before and --after go together/],
        ["compare", ["--stack", "prod", "--before", "a.json", "--after", "b.json"], /--before\/--after compare two saved plans; --stack, --set and --variant shape fresh plans/],
    ] as const)("%s %j: exit 64 with the problem and where to look", (command, args, message) => {
        const r = cli.run(command, args);
        expect(r.status).toBe(64);
        expect(r.stdout).toBe("");
        expect(r.stderr).toMatch(message);
        expect(r.stderr).toMatch(/run with --help/);
        expect(r.stderr).not.toMatch(STACK_TRACE);
    });
});

describe("broken stack files", () => {
    it.each([
        ["broken", /Pulumi\.broken\.yaml: line 4, column 3: YAML syntax error: [^\n]+\n\s+gravitypm:alertEmails: \[oncall/],
        ["misspelt", /Pulumi\.misspelt\.yaml: unknown top-level key "confg" \(did you mean "config"\?\)/],
        ["list", /Pulumi\.list\.yaml: the top level is a list, not a mapping/],
        ["nosuch", /Pulumi\.nosuch\.yaml: does not exist\n\s+use one of the known stacks \(broken, list, misspelt, prod, staging\)/],
    ])("%s: exit 2 naming the file, no stack trace", (stack, message) => {
        // Every command reads stack files through the same reader: one tried with each is enough.
        for (const command of stack === "broken" ? COMMANDS : (["plan"] as const)) {
            const r = cli.run(command, ["--stack", stack]);
            expect(r.status, command).toBe(2);
            expect(r.stdout, command).toBe("");
            expect(r.stderr, command).toMatch(message);
            expect(r.stderr, command).toMatch(/^error: /);
            expect(r.stderr, command).not.toMatch(STACK_TRACE);
        }
    });
});

describe("output paths", () => {
    it.each([
        ["plan", ["--stack", "staging", "--json"]],
        ["policy", ["--stack", "staging", "--json"]],
        ["compare", ["--stack", "staging", "--clouds", "aws", "--out"]],
    ] as const)("%s: an unwritable path exits 2 before the work, no stack trace", (command, args) => {
        const target = unwritable();
        const r = cli.run(command, [...args, target]);
        expect(r.status).toBe(2);
        expect(r.stdout).toBe("");
        expect(r.stderr).toContain(`error: cannot write ${target}: ${path.dirname(target)} is not a directory`);
        expect(r.stderr).not.toMatch(STACK_TRACE);
    });

    it("`-` writes only the JSON to stdout, for plan, policy and compare", () => {
        const plan = JSON.parse(cli.run("plan", ["--stack", "staging", "--json", "-"]).stdout) as { stack: string; notes: string[]; resources: unknown[] };
        expect(plan.stack).toBe("staging");
        expect(plan.resources.length).toBeGreaterThan(50);
        const policy = cli.run("policy", ["--stack", "staging", "--json", "-"]);
        expect(policy.status).toBe(0);
        expect(JSON.parse(policy.stdout)).toMatchObject({ mandatory: 0, violations: [] });
        const compare = JSON.parse(cli.run("compare", ["--stack", "staging", "--clouds", "aws", "--format", "json", "--out", "-"]).stdout) as { clouds: { cloud: string }[] };
        expect(compare.clouds.map((c) => c.cloud)).toEqual(["aws"]);
    });

    it("compare --variant and --before/--after print the deltas per cloud", () => {
        type Diff = { base: string; variant: string; clouds: { cloud: string; cost?: { delta?: number }; types: { type: string; delta: number }[] }[] };
        const variant = JSON.parse(cli.run("compare", ["--stack", "staging", "--clouds", "aws", "--variant", "databaseNodes=2", "--format", "json", "--out", "-"]).stdout) as Diff;
        expect(variant.variant).toBe("databaseNodes=2");
        expect(variant.clouds[0].types).toContainEqual({ type: "aws:docdb/clusterInstance:ClusterInstance", delta: 1 });
        expect(variant.clouds[0].cost?.delta).toBeGreaterThan(0);

        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cli-plans-"));
        expect(cli.run("plan", ["--stack", "staging", "--json", "before.json"], { cwd: dir }).status).toBe(0);
        expect(cli.run("plan", ["--stack", "staging", "--set", "databaseNodes=2", "--json", "after.json"], { cwd: dir }).status).toBe(0);
        const saved = JSON.parse(cli.run("compare", ["--before", "before.json", "--after", "after.json", "--format", "json", "--out", "-"], { cwd: dir }).stdout) as Diff;
        expect(saved.clouds[0].types).toEqual(variant.clouds[0].types);
        expect(saved.clouds[0].cost?.delta).toBeCloseTo(variant.clouds[0].cost?.delta ?? Number.NaN, 2);
    });

    it("a relative path is the user's directory's: INIT_CWD under npm run, else the working directory", () => {
        const userDir = fs.mkdtempSync(path.join(os.tmpdir(), "cli-user-"));
        const r = cli.run("plan", ["--stack", "staging", "--json", "plan.json"], { cwd: ROOT, env: { INIT_CWD: userDir } });
        expect(r.status).toBe(0);
        expect(r.stdout).toContain(`Plan written to ${path.join(userDir, "plan.json")}`);
        expect(fs.existsSync(path.join(ROOT, "plan.json"))).toBe(false);

        const cwd = fs.mkdtempSync(path.join(os.tmpdir(), "cli-cwd-"));
        fs.copyFileSync(path.join(userDir, "plan.json"), path.join(cwd, "saved.json"));
        const policy = cli.run("policy", ["--plan", "saved.json", "--json", "report.json"], { cwd });
        expect(policy.status).toBe(0);
        expect(JSON.parse(fs.readFileSync(path.join(cwd, "report.json"), "utf8"))).toMatchObject({ mandatory: 0 });
    });

    it("the policy config docs/policy-pack.md passes is shipped, and valid", () => {
        // It asks for 14 days of backups; staging keeps 7, so the stricter config is what fails.
        const r = cli.run("policy", ["--stack", "staging", "--config", path.join(ROOT, "docs/policy-config.example.json")]);
        expect(r.status).toBe(1);
        expect(r.stdout).toMatch(/\[mandatory\] docdb-cluster-backup-retention/);
    });
});

describe("the plan summary", () => {
    it("lists components without providers, and the most numerous types only", () => {
        const r = cli.run("plan", ["--stack", "staging"]);
        expect(r.status).toBe(0);
        const componentTable = r.stdout.slice(r.stdout.indexOf("│ Component"));
        expect(componentTable).not.toMatch(/pulumi:providers:/);
        expect(r.stdout).toMatch(/^Providers: [^\n]*aws-primary \(us-east-2\)/m);
        expect(r.stdout).toMatch(/│ \d+ other types +│ \d+/);
        expect(r.stdout).toMatch(/Notes:\n[^]*gravitypm:cloudflareZoneId[^\n]* no effect yet: the Edge component/);
    });
});

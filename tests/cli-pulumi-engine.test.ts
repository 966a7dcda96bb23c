/**
 * `compare --engine pulumi` against a stub `pulumi` on PATH that records its calls (the
 * Automation API shells out to the CLI): the throwaway stacks get their config in a temporary
 * directory outside the project, are removed after their preview (also after a failed one),
 * and leave no file behind. Also: progress is a status line on a terminal and silent elsewhere.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { progress } from "../tools/cli/progress";
import { cliProject, ROOT, STACK_TRACE, type CliProject } from "./cli-bundle";

// Reports a version that reads engine events from the --event-log file, and writes one
// resource event and a summary there on `preview`; PULUMI_STUB_FAIL makes the preview fail.
const STUB = `#!/bin/sh
printf '%s\\t%s\\n' "$PWD" "$*" >> "$PULUMI_STUB_LOG"
case "$1" in
  version) echo "v3.205.0" ;;
  preview)
    if [ -n "$PULUMI_STUB_FAIL" ]; then echo "error: no credentials" >&2; exit 1; fi
    log=""; prev=""
    for a in "$@"; do [ "$prev" = "--event-log" ] && log="$a"; prev="$a"; done
    urn="urn:pulumi:s::gravitypm::aws:kms/key:Key::primary-keys-key"
    echo '{"sequence":1,"timestamp":1,"resourcePreEvent":{"metadata":{"op":"create","urn":"'$urn'","type":"aws:kms/key:Key","new":{"type":"aws:kms/key:Key","urn":"'$urn'","custom":true,"parent":"","inputs":{"enableKeyRotation":true},"provider":""}}}}' >> "$log"
    echo '{"sequence":2,"timestamp":1,"summaryEvent":{"maybeCorrupt":false,"durationSeconds":1,"resourceChanges":{"create":1},"PolicyPacks":{}}}' >> "$log"
    ;;
esac
exit 0
`;

let cli: CliProject;
let bin: string;
beforeAll(async () => {
    cli = await cliProject();
    bin = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-stub-"));
    fs.writeFileSync(path.join(bin, "pulumi"), STUB, { mode: 0o755 });
});

function runWithStub(env: Record<string, string> = {}) {
    const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-calls-")), "calls.tsv");
    fs.writeFileSync(log, "");
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-home-"));
    const r = cli.run("compare", ["--stack", "staging", "--clouds", "aws,gcp", "--engine", "pulumi", "--format", "json"], {
        env: { PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}`, PULUMI_STUB_LOG: log, HOME: home, PULUMI_BACKEND_URL: "", ...env },
    });
    const calls = fs
        .readFileSync(log, "utf8")
        .trim()
        .split("\n")
        .map((line) => {
            const [cwd, args] = line.split("\t");
            return { cwd, args };
        });
    return { r, calls };
}

const projectFiles = (dir: string) => fs.readdirSync(dir).filter((f) => /^Pulumi\..*\.yaml$/.test(f));

describe("compare --engine pulumi", () => {
    it("configures throwaway stacks outside the project and removes them afterwards", () => {
        const before = { project: projectFiles(cli.dir), repo: projectFiles(ROOT) };
        const { r, calls } = runWithStub();
        expect(r.stderr).toBe("");
        expect(r.status).toBe(0);
        const doc = JSON.parse(r.stdout) as { clouds: { cloud: string; resources: number }[] };
        expect(doc.clouds.map((c) => [c.cloud, c.resources])).toEqual([
            ["aws", 1],
            ["gcp", 1],
        ]);

        const stackCalls = calls.filter((c) => c.args !== "version");
        for (const cloud of ["aws", "gcp"]) {
            const name = `staging-compare-${cloud}`;
            const mine = stackCalls.filter((c) => c.args.includes(name));
            expect(mine.map((c) => c.args.split(" ").slice(0, 2).join(" "))).toEqual(["stack select", "config set-all", "preview --exec-kind", "stack rm"]);
            expect(mine.find((c) => c.args.startsWith("config set-all"))?.args).toContain(`gravitypm:cloud=${cloud}`);
            // Every call that writes stack config runs in one temporary directory, not the project.
            const dirs = new Set(mine.map((c) => c.cwd));
            expect(dirs.size).toBe(1);
            const [dir] = dirs;
            expect(path.relative(cli.dir, dir).startsWith("..")).toBe(true);
            expect(path.relative(ROOT, dir).startsWith("..")).toBe(true);
            expect(fs.existsSync(dir), `${dir} is left behind`).toBe(false);
        }
        expect(projectFiles(cli.dir)).toEqual(before.project);
        expect(projectFiles(ROOT)).toEqual(before.repo);
    });

    it("removes the stack after a failed preview too, and exits 2 with the reason, no stack trace", () => {
        const { r, calls } = runWithStub({ PULUMI_STUB_FAIL: "1" });
        expect(r.status).toBe(2);
        expect(r.stdout).toBe("");
        expect(r.stderr).toMatch(/^error: pulumi preview of staging-compare-aws on aws failed:[^]*no credentials/);
        expect(r.stderr).not.toMatch(STACK_TRACE);
        expect(calls.map((c) => c.args.split(" ").slice(0, 2).join(" ")).filter((a) => a !== "version")).toEqual(["stack select", "config set-all", "preview --exec-kind", "stack rm"]);
    });
});

describe("progress", () => {
    it("rewrites one status line on a terminal and prints nothing elsewhere", () => {
        const written: string[] = [];
        const terminal = progress({ isTTY: true, columns: 40, write: (t) => written.push(t) > 0 });
        terminal.update("[1/3] planning prod on aws…");
        terminal.log("[1/3] aws: 412 resources in 1.8 s");
        terminal.update("x".repeat(60));
        terminal.done();
        expect(written.join("")).toBe(`[1/3] planning prod on aws…\r\x1b[K[1/3] aws: 412 resources in 1.8 s\n${"x".repeat(38)}…\r\x1b[K`);

        const piped: string[] = [];
        const quiet = progress({ isTTY: false, write: (t) => piped.push(t) > 0 });
        quiet.update("planning");
        quiet.log("done");
        quiet.done();
        expect(piped).toEqual([]);
    });
});

/**
 * npm run bench [-- --runs N]   (progress on stderr when it is a terminal; --help for all)
 *
 * Measures the bundled commands in dist/ (`npm run bench` builds them first), as
 * `npm run plan` and `npm run compare` run them.
 * Wall time and peak RSS of the offline prod plan per cloud, against its floor (a bare node
 * that only loads @pulumi/pulumi and the same SDK modules); the compare command against the
 * three plan commands it replaces; a full typecheck. Medians of N runs after one warm-up;
 * the issues' budgets are printed beside each figure.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import Table from "cli-table3";
import { InvalidArgumentError } from "commander";
import { CLOUDS } from "../../domain/clouds";
import { newCommand } from "../cli/args";
import { progress } from "../cli/progress";
import { runCommand } from "../cli/run";
import { sdkEntryModules } from "./sdk-imports";

const ROOT = path.resolve(__dirname, "../..");
const BUDGET = { planWallS: 2.5, planRssMb: 400, ratio: 2.5, typecheckS: 60, compareWallS: 7, compareRatio: 0.8 };

interface Sample {
    wallS: number;
    /** Peak RSS the child reported on its last line, when it reports one. */
    rssMb: number;
    stdout: string;
}

export function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function once(args: string[]): Sample {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    const wallS = Number(process.hrtime.bigint() - start) / 1e9;
    if (result.status !== 0) throw new Error(`${args.join(" ")} failed:\n${result.stderr}`);
    const lastLine = result.stdout.trim().split("\n").pop() ?? "";
    const rssMb = lastLine.startsWith("{") ? (JSON.parse(lastLine) as { maxRssKb: number }).maxRssKb / 1024 : NaN;
    return { wallS, rssMb, stdout: result.stdout };
}

const bar = progress();

function measure(args: string[], runs: number): { wallS: number; rssMb: number; last: string } {
    const label = args.filter((a) => !a.startsWith("--")).join(" ");
    bar.update(`${label}: warm-up`);
    once(args);
    const samples = Array.from({ length: runs }, (_, i) => {
        bar.update(`${label}: run ${i + 1}/${runs}`);
        return once(args);
    });
    bar.done();
    return { wallS: median(samples.map((s) => s.wallS)), rssMb: median(samples.map((s) => s.rssMb)), last: samples[samples.length - 1].stdout };
}

function main(runs: number) {
    const table = new Table({ head: ["prod plan", "resources", "wall s", "peak RSS MB", "floor wall s", "floor RSS MB", "wall ratio", "budget"], style: { head: [], border: [], compact: true } });
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bench-"));
    for (const cloud of CLOUDS) {
        const plan = measure(["dist/tools/bench/plan-child.js", "prod", cloud], runs);
        const report = JSON.parse(plan.last.trim().split("\n").pop()!) as { resources: number };
        const list = path.join(tmp, `${cloud}.json`);
        fs.writeFileSync(list, JSON.stringify(sdkEntryModules(path.join(ROOT, "components", cloud, "index.ts"))));
        const floor = measure(["tools/bench/floor-child.js", list], runs);
        const ratio = plan.wallS / floor.wallS;
        const ok = plan.wallS <= BUDGET.planWallS && plan.rssMb <= BUDGET.planRssMb && ratio <= BUDGET.ratio;
        table.push([cloud, report.resources, plan.wallS.toFixed(2), plan.rssMb.toFixed(0), floor.wallS.toFixed(2), floor.rssMb.toFixed(0), ratio.toFixed(2), ok ? "within" : "OVER"]);
    }
    console.log(`Offline prod plan, median of ${runs} runs (budgets: ≤ ${BUDGET.planWallS} s, ≤ ${BUDGET.planRssMb} MB, ratio ≤ ${BUDGET.ratio})`);
    console.log(table.toString());

    // The compare command against the three plan commands it replaces, run one after another.
    const planCommands = CLOUDS.map((cloud) => measure(["dist/tools/cli/plan.js", "--stack", "prod", "--cloud", cloud], runs).wallS);
    const threePlans = planCommands.reduce((a, b) => a + b, 0);
    const compare = measure(["dist/tools/cli/compare.js", "--stack", "prod"], runs).wallS;
    const compareRatio = compare / threePlans;
    console.log(
        `Compare prod on ${CLOUDS.length} clouds: ${compare.toFixed(2)} s vs three plan commands ${threePlans.toFixed(2)} s ` +
            `(${planCommands.map((w) => w.toFixed(2)).join(" + ")}): ratio ${compareRatio.toFixed(2)} ` +
            `(budgets: ≤ ${BUDGET.compareWallS} s, ratio ≤ ${BUDGET.compareRatio}) ${compare <= BUDGET.compareWallS && compareRatio <= BUDGET.compareRatio ? "within" : "OVER"}`,
    );

    bar.update("full typecheck");
    const tscStart = process.hrtime.bigint();
    const tsc = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "--noEmit", "-p", "tsconfig.json", "--incremental", "false"], { cwd: ROOT, encoding: "utf8" });
    const tscS = Number(process.hrtime.bigint() - tscStart) / 1e9;
    bar.done();
    console.log(`Full typecheck (no incremental cache): ${tscS.toFixed(1)} s, exit ${tsc.status} (budget ≤ ${BUDGET.typecheckS} s)`);
}

function positiveInteger(value: string): number {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("must be a whole number of at least 1");
    return n;
}

const command = newCommand({
    name: "bench",
    description:
        "Measure the bundled commands: the offline prod plan per cloud (wall time, peak RSS) against a bare-node floor, compare against three plan commands, and a full typecheck; the issues' budgets beside each figure.",
    usage: "[--runs <n>]",
    examples: [
        ["npm run bench", "medians of 5 runs after a warm-up (a few minutes)"],
        ["npm run bench -- --runs 1", "a quick look"],
    ],
}).option("--runs <n>", "runs per figure after one warm-up; the median is reported", positiveInteger, 5);

runCommand<{ runs: number }>(command, async ({ runs }) => main(runs));

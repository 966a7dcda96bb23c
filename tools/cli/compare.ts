/**
 * npm run compare -- --stack <staging|prod> [--clouds aws,gcp,azure] [--set key=value]...
 *                    [--variant key=value]... [--format table|markdown|json] [--out <file|->]
 *                    [--engine offline|pulumi]
 * npm run compare -- --before <plan.json> --after <plan.json> [--format ...] [--out ...]
 *
 * Plans the stack on each cloud and prints resources, monthly cost, policy verdict,
 * capability parity, achieved RPO/RTO and estimated deploy time side by side. A cloud the
 * config rules out is shown as not possible, and the others are still compared. With
 * --variant it prints what the variant changes per cloud (cost, resources, verdicts); with
 * --before/--after the same for two saved plans of one cloud.
 */
import "./no-source-maps";
import { InvalidArgumentError, Option } from "commander";
import { CLOUDS, type Cloud } from "../../domain/clouds";
import { compareClouds, diffComparisons, offlinePlanner, summarizeSavedPlan, type Comparison, type Planner } from "../compare/compare";
import { previewWithPulumi } from "../compare/pulumi-engine";
import { renderDiff, renderJson, renderMarkdown, renderTable } from "../compare/render";
import { evaluatePlan } from "../policy/evaluate";
import { readPlanFile } from "../policy/plan-file";
import type { Plan } from "../plan/types";
import { UsageError, checkWritable, newCommand, setOption, STDOUT, userPath, writeOutput } from "./args";
import { progress, type Progress } from "./progress";
import { runCommand } from "./run";

const FORMATS = { table: renderTable, markdown: renderMarkdown, json: renderJson } as const;
type Format = keyof typeof FORMATS;
const ENGINES = ["offline", "pulumi"] as const;

type CompareArgs = {
    readonly stack?: string;
    readonly clouds: readonly Cloud[];
    readonly set?: Record<string, string>;
    readonly variant?: Record<string, string>;
    readonly before?: string;
    readonly after?: string;
    readonly format: Format;
    readonly out?: string;
    readonly engine: (typeof ENGINES)[number];
};

function parseClouds(list: string): Cloud[] {
    const clouds = list.split(",").map((c) => c.trim());
    const bad = clouds.filter((c) => !(CLOUDS as readonly string[]).includes(c));
    if (bad.length) throw new InvalidArgumentError(`${bad.map((b) => `"${b}"`).join(", ")} is not a cloud; allowed: a comma-separated list of ${CLOUDS.join(", ")}`);
    return [...new Set(clouds as Cloud[])];
}

/** Each cloud's plan with a progress line: a preview takes minutes, an offline plan seconds. */
function withProgress(planner: Planner, clouds: readonly Cloud[], bar: Progress, label = ""): Planner {
    return async (stack, cloud, set) => {
        const step = `[${clouds.indexOf(cloud) + 1}/${clouds.length}]${label}`;
        const start = Date.now();
        bar.update(`${step} planning ${stack} on ${cloud}…`);
        const result = await planner(stack, cloud, set);
        bar.log(`${step} ${cloud}: ${result.plan.resources.length} resources in ${((Date.now() - start) / 1000).toFixed(1)} s`);
        return result;
    };
}

async function policyOf(plan: Plan) {
    const report = await evaluatePlan(plan);
    return { mandatory: report.mandatory, advisory: report.advisory };
}

function pairs(set: Readonly<Record<string, string>>): string {
    return Object.entries(set).map(([k, v]) => `${k}=${v}`).join(" ") || "the stack's config";
}

const command = newCommand({
    name: "compare",
    description:
        "Plan the stack on each cloud and show side by side: whether the configuration is possible there, resources and main service per component, estimated monthly cost (marked ≥ when some items are unpriced), policy verdict, capability parity, achieved RPO/RTO and estimated deploy time; or what a config variant or a newer saved plan changes.",
    usage: "--stack <staging|prod> [options] | --before <plan.json> --after <plan.json> [options]",
    examples: [
        ["npm run compare -- --stack prod", "three columns in the terminal"],
        ["npm run compare -- --stack prod --set databaseShards=4", "which clouds can shard the database, and at what cost"],
        ["npm run compare -- --stack prod --format markdown --out cmp.md", "a pull-request comment with Mermaid diagrams"],
        ["npm run compare -- --stack staging --clouds aws,azure --format json --out -", "JSON on stdout"],
        ["npm run compare -- --stack prod --variant cacheSize=large", "cost, resource and verdict deltas of a config change"],
        ["npm run compare -- --before main.json --after branch.json --format markdown", "deltas between two saved plans of one cloud"],
        ["npm run compare -- --stack prod --engine pulumi", "real previews (Pulumi CLI and credentials; minutes)"],
    ],
})
    .option("--stack <name>", "the stack, read from Pulumi.<name>.yaml (staging, prod); required unless --before/--after")
    .addOption(new Option("--clouds <list>", "comma-separated clouds to compare").argParser(parseClouds).default([...CLOUDS], CLOUDS.join(",")))
    .addOption(setOption())
    .addOption(setOption("--variant", "compare against the same plans with this override on top of --set, and print the deltas; repeatable"))
    .option("--before <plan.json>", "a plan saved by `npm run plan -- --json <file>`: the base of a diff (with --after)")
    .option("--after <plan.json>", "the saved plan to compare with --before (the same cloud)")
    .addOption(new Option("--format <format>", "output format").choices(Object.keys(FORMATS)).default("table"))
    .option("--out <file|->", "write the output to a file instead of stdout (- is stdout)")
    .addOption(
        new Option("--engine <engine>", "offline: the mock engine, seconds; pulumi: real `pulumi preview`s in throwaway stacks, removed afterwards").choices(ENGINES).default("offline"),
    );

runCommand<CompareArgs>(command, async (args) => {
    if ((args.before === undefined) !== (args.after === undefined)) throw new UsageError("--before and --after go together: two saved plans to compare");
    const savedPlans = args.before !== undefined;
    // Checked here rather than as a commander required option, so that a misspelt flag is
    // reported (with its suggestion) before a missing one.
    if (!savedPlans && !args.stack) throw new UsageError("--stack is required (or --before and --after)");
    if (savedPlans && (args.stack || args.set || args.variant)) throw new UsageError("--before/--after compare two saved plans; --stack, --set and --variant shape fresh plans");
    checkWritable(args.out);

    if (savedPlans) {
        const [before, after] = [readPlanFile(userPath(args.before!)), readPlanFile(userPath(args.after!))];
        if (before.cloud !== after.cloud || before.stack !== after.stack) {
            throw new UsageError(`--before is ${before.stack} on ${before.cloud} and --after ${after.stack} on ${after.cloud}: compare two plans of one stack and cloud`);
        }
        const summarize = async (plan: Plan): Promise<Comparison> => ({ stack: plan.stack, set: {}, clouds: [await summarizeSavedPlan(plan, await policyOf(plan))] });
        const diff = diffComparisons(await summarize(before), await summarize(after), { base: args.before!, variant: args.after! });
        const written = writeOutput(args.out ?? STDOUT, renderDiff(diff, args.format));
        if (written) console.log(`Comparison written to ${written}`);
        return;
    }

    const bar = progress();
    const planner: Planner =
        args.engine === "pulumi" ? (stack, cloud, set) => previewWithPulumi(stack, cloud, set, (message) => bar.update(message)) : offlinePlanner;
    try {
        const compare = (set: Record<string, string>, label: string) =>
            compareClouds({ stack: args.stack!, clouds: args.clouds, set, planner: withProgress(planner, args.clouds, bar, label), evaluatePolicy: policyOf });
        const base = await compare(args.set ?? {}, "");
        let text = FORMATS[args.format](base);
        if (args.variant) {
            const variantSet = { ...args.set, ...args.variant };
            const variant = await compare(variantSet, " variant");
            text = renderDiff(diffComparisons(base, variant, { base: pairs(args.set ?? {}), variant: pairs(variantSet) }), args.format);
        }
        bar.done();
        const written = writeOutput(args.out ?? STDOUT, text);
        if (written) console.log(`Comparison written to ${written}`);
    } finally {
        bar.done();
    }
});

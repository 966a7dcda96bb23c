/**
 * npm run compare -- --stack <staging|prod> [--clouds aws,gcp,azure] [--set key=value]...
 *                    [--format table|markdown|json] [--out <file|->] [--engine offline|pulumi]
 *
 * Plans the stack on each cloud and prints resources, monthly cost, policy verdict,
 * capability parity, achieved RPO/RTO and estimated deploy time side by side.
 */
import "./no-source-maps";
import { InvalidArgumentError, Option } from "commander";
import { CLOUDS, type Cloud } from "../../domain/clouds";
import { compareClouds, offlinePlanner, type Planner } from "../compare/compare";
import { previewWithPulumi } from "../compare/pulumi-engine";
import { renderJson, renderMarkdown, renderTable } from "../compare/render";
import { evaluatePlan } from "../policy/evaluate";
import { UsageError, checkWritable, newCommand, setOption, STDOUT, writeOutput } from "./args";
import { progress, type Progress } from "./progress";
import { runCommand } from "./run";

const FORMATS = { table: renderTable, markdown: renderMarkdown, json: renderJson } as const;
const ENGINES = ["offline", "pulumi"] as const;

type CompareArgs = {
    readonly stack?: string;
    readonly clouds: readonly Cloud[];
    readonly set?: Record<string, string>;
    readonly format: keyof typeof FORMATS;
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
function withProgress(planner: Planner, clouds: readonly Cloud[], bar: Progress): Planner {
    return async (stack, cloud, set) => {
        const step = `[${clouds.indexOf(cloud) + 1}/${clouds.length}]`;
        const start = Date.now();
        bar.update(`${step} planning ${stack} on ${cloud}…`);
        const result = await planner(stack, cloud, set);
        bar.log(`${step} ${cloud}: ${result.plan.resources.length} resources in ${((Date.now() - start) / 1000).toFixed(1)} s`);
        return result;
    };
}

const command = newCommand({
    name: "compare",
    description:
        "Plan the stack on each cloud and show side by side: resources and main service per component, estimated monthly cost, policy verdict, capability parity, achieved RPO/RTO and estimated deploy time.",
    usage: "--stack <staging|prod> [options]",
    examples: [
        ["npm run compare -- --stack prod", "three columns in the terminal"],
        ["npm run compare -- --stack prod --format markdown --out cmp.md", "a pull-request comment with Mermaid diagrams"],
        ["npm run compare -- --stack staging --clouds aws,azure --format json --out -", "JSON on stdout"],
        ["npm run compare -- --stack prod --engine pulumi", "real previews (Pulumi CLI and credentials; minutes)"],
    ],
})
    .option("--stack <name>", "required: the stack, read from Pulumi.<name>.yaml (staging, prod)")
    .addOption(new Option("--clouds <list>", "comma-separated clouds to compare").argParser(parseClouds).default([...CLOUDS], CLOUDS.join(",")))
    .addOption(setOption())
    .addOption(new Option("--format <format>", "output format").choices(Object.keys(FORMATS)).default("table"))
    .option("--out <file|->", "write the output to a file instead of stdout (- is stdout)")
    .addOption(
        new Option("--engine <engine>", "offline: the mock engine, seconds; pulumi: real `pulumi preview`s in throwaway stacks, removed afterwards").choices(ENGINES).default("offline"),
    );

runCommand<CompareArgs>(command, async (args) => {
    // Checked here rather than as a commander required option, so that a misspelt flag is
    // reported (with its suggestion) before a missing one.
    if (!args.stack) throw new UsageError("--stack is required");
    checkWritable(args.out);
    const bar = progress();
    const planner: Planner =
        args.engine === "pulumi" ? (stack, cloud, set) => previewWithPulumi(stack, cloud, set, (message) => bar.update(message)) : offlinePlanner;
    try {
        const comparison = await compareClouds({
            stack: args.stack,
            clouds: args.clouds,
            set: args.set ?? {},
            planner: withProgress(planner, args.clouds, bar),
            evaluatePolicy: async (plan) => {
                const report = await evaluatePlan(plan);
                return { mandatory: report.mandatory, advisory: report.advisory };
            },
        });
        bar.done();
        const text = FORMATS[args.format](comparison);
        const written = writeOutput(args.out ?? STDOUT, text);
        if (written) console.log(`Comparison written to ${written}`);
    } finally {
        bar.done();
    }
});

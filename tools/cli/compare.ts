/**
 * npm run compare -- --stack <staging|prod> [--clouds aws,gcp,azure] [--set key=value]...
 *                    [--format table|markdown|json] [--out <file>] [--engine offline|pulumi]
 *
 * Plans the stack on each cloud and prints resources, monthly cost, policy verdict,
 * capability parity, achieved RPO/RTO and estimated deploy time side by side.
 */
import "./no-source-maps";
import * as fs from "node:fs";
import { CLOUDS, type Cloud } from "../../domain/clouds";
import { compareClouds, offlinePlanner, type Planner } from "../compare/compare";
import { previewWithPulumi, PulumiCliMissingError } from "../compare/pulumi-engine";
import { renderJson, renderMarkdown, renderTable } from "../compare/render";
import { evaluatePlan } from "../policy/evaluate";
import { parseCloud, parseCommandArgs, parseSets, UsageError } from "./args";
import { runCommand } from "./run";

const USAGE =
    "usage: npm run compare -- --stack <staging|prod> [--clouds aws,gcp,azure] [--set key=value]... [--format table|markdown|json] [--out <file>] [--engine offline|pulumi]";
const FORMATS = { table: renderTable, markdown: renderMarkdown, json: renderJson } as const;
const ENGINES: Record<string, Planner> = { offline: offlinePlanner, pulumi: previewWithPulumi };

runCommand(async () => {
    const args = parseCommandArgs(
        process.argv.slice(2),
        {
            stack: { type: "string" },
            clouds: { type: "string", default: CLOUDS.join(",") },
            set: { type: "string", multiple: true },
            format: { type: "string", default: "table" },
            out: { type: "string" },
            engine: { type: "string", default: "offline" },
        },
        USAGE,
    );
    if (!args.stack) throw new UsageError(`--stack is required\n${USAGE}`);
    const clouds = args.clouds.split(",").map((c) => parseCloud(c.trim(), USAGE) as Cloud);
    const render = FORMATS[args.format as keyof typeof FORMATS];
    if (!render) throw new UsageError(`--format must be one of ${Object.keys(FORMATS).join(", ")}, got "${args.format}"\n${USAGE}`);
    const planner = ENGINES[args.engine];
    if (!planner) throw new UsageError(`--engine must be one of ${Object.keys(ENGINES).join(", ")}, got "${args.engine}"\n${USAGE}`);
    try {
        const comparison = await compareClouds({
            stack: args.stack,
            clouds,
            set: parseSets(args.set, USAGE),
            planner,
            evaluatePolicy: async (plan) => {
                const report = await evaluatePlan(plan);
                return { mandatory: report.mandatory, advisory: report.advisory };
            },
        });
        const text = render(comparison);
        if (args.out) {
            fs.writeFileSync(args.out, text);
            console.log(`Comparison written to ${args.out}`);
        } else {
            process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
        }
    } catch (e) {
        if (e instanceof PulumiCliMissingError) {
            console.error(e.message);
            return 3;
        }
        throw e;
    }
});

/**
 * npm run policy -- --stack <staging|prod> [--cloud aws|gcp|azure] [--set key=value]...
 *                   [--plan <plan.json>] [--config <policy-config.json>] [--json <report.json>]
 *
 * Runs the gravitypm-guard policy pack over the offline plan of a stack (or a saved plan
 * file) with the CLI's semantics, prints violations grouped by rule and resource, and exits
 * 1 on any mandatory violation, 2 on invalid stack or policy config, 64 on bad usage.
 */
import * as fs from "node:fs";
import { runPlan } from "../plan/engine";
import { PolicyConfigError } from "../policy/config";
import { evaluatePlan } from "../policy/evaluate";
import { PlanFileError, readPlanFile } from "../policy/plan-file";
import { renderReport } from "../policy/render";
import { parseCloud, parseCommandArgs, parseSets, UsageError } from "./args";
import { runCommand } from "./run";

const USAGE =
    "usage: npm run policy -- --stack <staging|prod> [--cloud aws|gcp|azure] [--set key=value]... [--plan <plan.json>] [--config <policy-config.json>] [--json <report.json>]";

function readConfigFile(file: string): Record<string, unknown> {
    let parsed: unknown;
    try {
        const text = fs.readFileSync(file, "utf8");
        // The CLI accepts an empty config file as no config.
        if (text.trim() === "") return {};
        parsed = JSON.parse(text);
    } catch (e) {
        throw new PolicyConfigError([`${file}: ${(e as Error).message}`]);
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new PolicyConfigError([`${file}: must be a JSON object keyed by policy name`]);
    return parsed as Record<string, unknown>;
}

runCommand(async () => {
    const args = parseCommandArgs(
        process.argv.slice(2),
        {
            stack: { type: "string" },
            cloud: { type: "string" },
            set: { type: "string", multiple: true },
            plan: { type: "string" },
            config: { type: "string" },
            json: { type: "string" },
        },
        USAGE,
    );
    if (!args.stack && !args.plan) throw new UsageError(`--stack (or --plan) is required\n${USAGE}`);
    if (args.plan && (args.cloud || args.set)) throw new UsageError(`--cloud and --set shape a fresh plan; they cannot change a saved --plan\n${USAGE}`);
    try {
        const config = args.config ? readConfigFile(args.config) : undefined;
        const plan = args.plan ? readPlanFile(args.plan) : await runPlan({ stack: args.stack!, cloud: parseCloud(args.cloud, USAGE), set: parseSets(args.set, USAGE) });
        if (args.stack && plan.stack !== args.stack) throw new UsageError(`--stack ${args.stack} does not match the plan file's stack "${plan.stack}"`);
        const report = await evaluatePlan(plan, { config });
        const variant = Object.entries(parseSets(args.set, USAGE)).map(([k, v]) => `${k}=${v}`);
        console.log(renderReport(report, `Policy pack gravitypm-guard on stack ${plan.stack}, ${plan.cloud}${variant.length ? ` (${variant.join(", ")})` : ""}, ${plan.environment || "unknown environment"}: ${plan.resources.length} resources`));
        if (args.json) fs.writeFileSync(args.json, JSON.stringify(report, null, 2) + "\n");
        return report.mandatory > 0 ? 1 : 0;
    } catch (e) {
        if (e instanceof PolicyConfigError || e instanceof PlanFileError) {
            console.error(e.message);
            return 2;
        }
        throw e;
    }
});

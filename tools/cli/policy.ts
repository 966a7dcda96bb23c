/**
 * npm run policy -- --stack <staging|prod> [--cloud aws|gcp|azure] [--set key=value]...
 *                   [--plan <plan.json>] [--config <policy-config.json>] [--json <report.json|->]
 *
 * Runs the gravitypm-guard policy pack over the offline plan of a stack (or a saved plan
 * file) with the CLI's semantics, prints violations grouped by rule and resource, and exits
 * 1 on any mandatory violation, 2 on invalid stack or policy config, 64 on bad usage.
 */
import "./no-source-maps";
import * as fs from "node:fs";
import type { Cloud } from "../../domain/clouds";
import { runPlan } from "../plan/engine";
import { PolicyConfigError } from "../policy/config";
import { evaluatePlan } from "../policy/evaluate";
import { readPlanFile } from "../policy/plan-file";
import { renderReport } from "../policy/render";
import { checkWritable, cloudOption, EXIT, newCommand, setOption, STDOUT, UsageError, userPath, writeOutput } from "./args";
import { runCommand } from "./run";

type PolicyArgs = {
    readonly stack?: string;
    readonly cloud?: Cloud;
    readonly set?: Record<string, string>;
    readonly plan?: string;
    readonly config?: string;
    readonly json?: string;
};

function readConfigFile(file: string): Record<string, unknown> {
    let parsed: unknown;
    try {
        const text = fs.readFileSync(file, "utf8");
        // The CLI accepts an empty config file as no config.
        if (text.trim() === "") return {};
        parsed = JSON.parse(text);
    } catch (e) {
        const err = e as NodeJS.ErrnoException;
        throw new PolicyConfigError([`${file}: ${err.code === "ENOENT" ? "no such file" : err.message}`]);
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new PolicyConfigError([`${file}: must be a JSON object keyed by policy name`]);
    return parsed as Record<string, unknown>;
}

const command = newCommand({
    name: "policy",
    description:
        "Run the gravitypm-guard policy pack over the offline plan of a stack (or a saved plan) with the Pulumi CLI's semantics; print violations grouped by rule and resource.",
    usage: "--stack <staging|prod> [options] | --plan <plan.json> [options]",
    examples: [
        ["npm run policy -- --stack prod", "the prod stack on its configured cloud"],
        ["npm run policy -- --stack prod --cloud gcp --set databaseEngine=atlas", "a variant"],
        ["npm run policy -- --plan prod.json --config docs/policy-config.example.json", "a saved plan, with thresholds"],
        ["npm run --silent policy -- --stack prod --json - > report.json", "the report as JSON on stdout"],
    ],
})
    .option("--stack <name>", "the stack to plan (Pulumi.<name>.yaml); with --plan, checked against the plan's stack")
    .addOption(cloudOption())
    .addOption(setOption())
    .option("--plan <file>", "judge a plan saved by `npm run plan -- --json <file>` instead of planning")
    .option("--config <file>", "policy pack config, as `pulumi preview --policy-pack-config` takes it (docs/policy-pack.md)")
    .option("--json <file|->", "also write the report as JSON ({ violations, mandatory, advisory, warnings }); - writes it alone to stdout");

runCommand<PolicyArgs>(command, async (args) => {
    if (!args.stack && !args.plan) throw new UsageError("--stack (or --plan) is required");
    if (args.plan && (args.cloud || args.set)) throw new UsageError("--cloud and --set shape a fresh plan; they cannot change a saved --plan");
    checkWritable(args.json);
    const config = args.config ? readConfigFile(userPath(args.config)) : undefined;
    const plan = args.plan ? readPlanFile(userPath(args.plan)) : await runPlan({ stack: args.stack!, cloud: args.cloud, set: args.set });
    if (args.stack && plan.stack !== args.stack) throw new UsageError(`--stack ${args.stack} does not match the plan file's stack "${plan.stack}"`);
    const report = await evaluatePlan(plan, { config });
    const json = JSON.stringify(report, null, 2);
    if (args.json === STDOUT) {
        writeOutput(STDOUT, json);
    } else {
        const variant = Object.entries(args.set ?? {}).map(([k, v]) => `${k}=${v}`);
        console.log(renderReport(report, `Policy pack gravitypm-guard on stack ${plan.stack}, ${plan.cloud}${variant.length ? ` (${variant.join(", ")})` : ""}, ${plan.environment || "unknown environment"}: ${plan.resources.length} resources`));
        if (args.json) writeOutput(args.json, json);
    }
    return report.mandatory > 0 ? EXIT.violations : EXIT.ok;
});

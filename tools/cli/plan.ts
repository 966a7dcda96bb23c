/**
 * npm run plan -- --stack <staging|prod> [--cloud aws|gcp|azure] [--set key=value]... [--json <file|->]
 *
 * Runs the program offline (no cloud account, no Pulumi CLI) and prints the resource tree
 * and counts; `--json` also writes the whole plan (`--json -`: only the plan, to stdout).
 */
import "./no-source-maps";
import { runPlan } from "../plan/engine";
import { planDocument, renderPlan } from "../plan/render";
import { UsageError, checkWritable, cloudOption, newCommand, setOption, STDOUT, writeOutput } from "./args";
import { runCommand } from "./run";
import type { Cloud } from "../../domain/clouds";

type PlanArgs = {
    readonly stack?: string;
    readonly cloud?: Cloud;
    readonly set?: Record<string, string>;
    readonly json?: string;
};

const command = newCommand({
    name: "plan",
    description:
        "Run the program offline (no cloud account, no Pulumi CLI) and print the resource tree as `pulumi preview` shows it, resource counts and notes.",
    usage: "--stack <staging|prod> [options]",
    examples: [
        ["npm run plan -- --stack prod", "the prod stack on its configured cloud"],
        ["npm run plan -- --stack staging --cloud gcp --set databaseEngine=atlas", "a what-if on another cloud"],
        ["npm run plan -- --stack prod --json prod.json", "also save the whole plan as JSON"],
        ["npm run --silent plan -- --stack prod --json - | jq '.resources | length'", "the JSON alone, on stdout"],
    ],
})
    .option("--stack <name>", "required: the stack, read from Pulumi.<name>.yaml (staging, prod)")
    .addOption(cloudOption())
    .addOption(setOption())
    .option("--json <file|->", "write the plan as JSON (stack, cloud, environment, notes, outputs, resources); - writes it alone to stdout");

runCommand<PlanArgs>(command, async (args) => {
    // Checked here rather than as a commander required option, so that a misspelt flag is
    // reported (with its suggestion) before a missing one.
    if (!args.stack) throw new UsageError("--stack is required");
    checkWritable(args.json);
    const plan = await runPlan({ stack: args.stack, cloud: args.cloud, set: args.set });
    const json = JSON.stringify(planDocument(plan), null, 2);
    if (args.json === STDOUT) {
        writeOutput(STDOUT, json);
        return;
    }
    console.log(renderPlan(plan));
    if (args.json) console.log(`\nPlan written to ${writeOutput(args.json, json)}`);
});

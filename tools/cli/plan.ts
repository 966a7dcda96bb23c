/**
 * npm run plan -- --stack <staging|prod> [--cloud aws|gcp|azure] [--set key=value]... [--json <file>]
 *
 * Runs the program offline (no cloud account, no Pulumi CLI) and prints the resource tree
 * and counts; `--json` also writes the whole plan.
 */
import "./no-source-maps";
import * as fs from "node:fs";
import { runPlan } from "../plan/engine";
import { planDocument, renderPlan } from "../plan/render";
import { parseCloud, parseCommandArgs, parseSets, UsageError } from "./args";
import { runCommand } from "./run";

const USAGE = "usage: npm run plan -- --stack <staging|prod> [--cloud aws|gcp|azure] [--set key=value]... [--json <file>]";

runCommand(async () => {
    const args = parseCommandArgs(
        process.argv.slice(2),
        { stack: { type: "string" }, cloud: { type: "string" }, set: { type: "string", multiple: true }, json: { type: "string" } },
        USAGE,
    );
    if (!args.stack) throw new UsageError(`--stack is required\n${USAGE}`);
    const plan = await runPlan({ stack: args.stack, cloud: parseCloud(args.cloud, USAGE), set: parseSets(args.set, USAGE) });
    console.log(renderPlan(plan));
    if (args.json) {
        fs.writeFileSync(args.json, JSON.stringify(planDocument(plan), null, 2) + "\n");
        console.log(`\nPlan written to ${args.json}`);
    }
});

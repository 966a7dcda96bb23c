/**
 * One measured plan: what `npm run plan -- --stack <s> --cloud <c>` does, then a report of
 * the process's peak RSS.
 */
import "../cli/no-source-maps";
import { runPlan } from "../plan/engine";
import { renderPlan } from "../plan/render";
import type { Cloud } from "../../domain/clouds";

async function main() {
    const [stack, cloud] = process.argv.slice(2);
    const plan = await runPlan({ stack, cloud: cloud as Cloud });
    renderPlan(plan);
    console.log(JSON.stringify({ resources: plan.resources.length, maxRssKb: process.resourceUsage().maxRSS }));
}

void main();

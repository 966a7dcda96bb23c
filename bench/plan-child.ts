/**
 * One measured plan: what `npm run plan -- --stack <s> --cloud <c>` does, then a report of
 * the process's peak RSS and of the SDK module files it loaded (the floor loads the same).
 */
import "../src/cli/no-source-maps";
import { runPlan } from "../src/plan/engine";
import { renderPlan } from "../src/plan/render";
import type { Cloud } from "../src/clouds";

async function main() {
    const [stack, cloud] = process.argv.slice(2);
    const plan = await runPlan({ stack, cloud: cloud as Cloud });
    renderPlan(plan);
    const sdkModules = Object.keys(require.cache).filter((f) => /node_modules[\\/]@pulumi[\\/](?!pulumi[\\/])/.test(f));
    console.log(JSON.stringify({ resources: plan.resources.length, maxRssKb: process.resourceUsage().maxRSS, sdkModules }));
}

void main();

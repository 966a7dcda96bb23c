/**
 * Run as a script: plans one stack on one cloud, then prints which Pulumi SDK packages the
 * process loaded. Used by the lazy-loading test in a fresh process per cloud.
 */
import { runPlan } from "../../tools/plan/engine";
import type { Cloud } from "../../domain/clouds";

async function main() {
    const [stack, cloud] = process.argv.slice(2);
    const p = await runPlan({ stack, cloud: cloud as Cloud });
    const packages = new Set<string>();
    for (const file of Object.keys(require.cache)) {
        const match = /node_modules[\\/](@pulumi[\\/][^\\/]+|@pulumiverse[\\/][^\\/]+)/.exec(file);
        if (match) packages.add(match[1].replace("\\", "/"));
    }
    console.log(JSON.stringify({ resources: p.resources.length, packages: [...packages].sort() }));
}

void main();

/**
 * The SDK modules a cloud's plan loads, found by walking the project's import graph from
 * the cloud's registry (components/<cloud>/index.ts): every `@pulumi/<sdk>/...` specifier
 * reached through relative imports. The floor process requires exactly these entry
 * modules, which pull in the same SDK files the plan does. (Node's require.cache cannot
 * tell: SDK modules reached through tsx's loader are not all recorded there.)
 */
import * as fs from "node:fs";
import * as path from "node:path";

const IMPORT = /(?:import|export)\s+(?:type\s+)?(?:[^"';]*?\s+from\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function resolveLocal(from: string, specifier: string): string | undefined {
    const base = path.resolve(path.dirname(from), specifier);
    for (const candidate of [`${base}.ts`, path.join(base, "index.ts")]) if (fs.existsSync(candidate)) return candidate;
    return undefined;
}

/** Type-only imports load nothing at run time, so they are skipped. */
function runtimeSpecifiers(source: string): string[] {
    const found: string[] = [];
    for (const m of source.matchAll(IMPORT)) {
        if (/^(?:import|export)\s+type\s/.test(m[0])) continue;
        found.push(m[1] ?? m[2]);
    }
    return found;
}

export function sdkEntryModules(entry: string): string[] {
    const seen = new Set<string>();
    const sdk = new Set<string>();
    const visit = (file: string) => {
        if (seen.has(file)) return;
        seen.add(file);
        for (const spec of runtimeSpecifiers(fs.readFileSync(file, "utf8"))) {
            if (spec.startsWith(".")) {
                const next = resolveLocal(file, spec);
                if (next) visit(next);
            } else if (/^@pulumi\/(?!pulumi$|pulumi\/|policy)/.test(spec)) {
                sdk.add(spec);
            }
        }
    };
    visit(entry);
    return [...sdk].sort();
}

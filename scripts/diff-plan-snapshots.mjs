// Compares two folders written by scripts/plan-snapshots.sh: every plan must have the same
// resources (by URN) with the same type, parent, provider, protect, dependencies and
// inputs, and the same stack outputs. Prints each difference as a path and exits 1 when
// there is any; used to prove a refactor changed no plan.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";

const [before, after] = process.argv.slice(2);
if (!before || !after) {
    console.error("usage: node scripts/diff-plan-snapshots.mjs BEFORE_DIR AFTER_DIR");
    process.exit(64);
}

function differences(a, b, at, out) {
    if (isDeepStrictEqual(a, b)) return;
    if (a && b && typeof a === "object" && typeof b === "object" && Array.isArray(a) === Array.isArray(b)) {
        for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) differences(a[key], b[key], `${at}.${key}`, out);
        return;
    }
    out.push(`${at}: ${JSON.stringify(a)} → ${JSON.stringify(b)}`);
}

let total = 0;
const files = readdirSync(before).filter((f) => f.endsWith(".json")).sort();
for (const file of files) {
    const a = JSON.parse(readFileSync(join(before, file), "utf8"));
    const b = JSON.parse(readFileSync(join(after, file), "utf8"));
    const byUrn = (plan) => new Map(plan.resources.map((r) => [r.urn, r]));
    const ra = byUrn(a);
    const rb = byUrn(b);
    const out = [];
    for (const urn of ra.keys()) if (!rb.has(urn)) out.push(`removed ${urn}`);
    for (const urn of rb.keys()) if (!ra.has(urn)) out.push(`added ${urn}`);
    for (const [urn, r] of ra) {
        const s = rb.get(urn);
        if (!s) continue;
        const { urn: _u, ...left } = r;
        const { urn: _v, ...right } = s;
        differences(left, right, urn, out);
    }
    differences(a.outputs, b.outputs, "outputs", out);
    total += out.length;
    console.log(`${file}: ${ra.size} → ${rb.size} resources, ${out.length} difference${out.length === 1 ? "" : "s"}`);
    for (const line of out) console.log(`  ${line}`);
}
console.log(`${files.length} plans, ${total} differences`);
process.exitCode = total === 0 ? 0 : 1;

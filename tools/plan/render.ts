/** Text views of a plan: the resource tree as `pulumi preview` shows it, and counts. */
import Table from "cli-table3";
import type { Plan, PlannedResource } from "./types";

function childrenByParent(plan: Plan): Map<string | undefined, PlannedResource[]> {
    const byParent = new Map<string | undefined, PlannedResource[]>();
    for (const r of plan.resources) {
        const list = byParent.get(r.parent) ?? [];
        list.push(r);
        byParent.set(r.parent, list);
    }
    return byParent;
}

export function renderTree(plan: Plan): string {
    const byParent = childrenByParent(plan);
    const rows: [string, string][] = [];
    const walk = (parent: string | undefined, prefix: string) => {
        const children = byParent.get(parent) ?? [];
        children.forEach((r, i) => {
            const last = i === children.length - 1;
            const branch = parent === undefined ? "" : last ? "└─ " : "├─ ";
            rows.push([`${prefix}${branch}${r.type}`, r.name + (r.protect ? "  [protected]" : "")]);
            walk(r.urn, parent === undefined ? "" : prefix + (last ? "   " : "│  "));
        });
    };
    walk(undefined, "");
    const width = Math.max(...rows.map(([t]) => t.length), 4) + 2;
    return [`${"Type".padEnd(width)}Name`, ...rows.map(([t, n]) => `${t.padEnd(width)}${n}`)].join("\n");
}

/** The top-level component (child of the stack) each resource belongs to. */
export function topComponentOf(plan: Plan): Map<string, PlannedResource | undefined> {
    const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
    const result = new Map<string, PlannedResource | undefined>();
    for (const r of plan.resources) {
        let cur: PlannedResource | undefined = r;
        while (cur?.parent && byUrn.get(cur.parent)?.type !== "pulumi:pulumi:Stack") cur = byUrn.get(cur.parent);
        result.set(r.urn, cur?.parent ? cur : undefined);
    }
    return result;
}

export function countByType(plan: Plan): Map<string, number> {
    const counts = new Map<string, number>();
    for (const r of plan.resources) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
    return new Map([...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}

const isProvider = (r: PlannedResource) => r.type.startsWith("pulumi:providers:");

/** Resources per top-level component; providers are not components and are listed apart. */
export function countByComponent(plan: Plan): Map<string, number> {
    const counts = new Map<string, number>();
    for (const [, top] of topComponentOf(plan)) {
        if (!top || isProvider(top)) continue;
        const key = `${top.name} (${top.type})`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
}

function table(head: [string, string], rows: Map<string, number>): string {
    const t = new Table({ head, style: { head: [], border: [], compact: true } });
    for (const [k, v] of rows) t.push([k, v]);
    return t.toString();
}

/** The types a summary lists one by one; the rest are one line (the --json plan has all). */
export const TYPE_ROWS = 10;

/** The most numerous types, then one row for the rest. */
export function topTypes(plan: Plan, rows = TYPE_ROWS): Map<string, number> {
    const all = [...countByType(plan)];
    if (all.length <= rows + 1) return new Map(all);
    const rest = all.slice(rows);
    return new Map([...all.slice(0, rows), [`${rest.length} other types`, rest.reduce((n, [, c]) => n + c, 0)]]);
}

export function renderPlan(plan: Plan): string {
    const custom = plan.resources.filter((r) => r.custom).length;
    const protectedCount = plan.resources.filter((r) => r.protect).length;
    const providers = plan.resources.filter(isProvider);
    return [
        `Offline plan of stack ${plan.stack} on ${plan.cloud} (${plan.environment})`,
        "",
        renderTree(plan),
        "",
        `Resources: ${plan.resources.length} (${custom} cloud resources, ${plan.resources.length - custom} components and stack), ${protectedCount} protected`,
        `Providers: ${providers.map((p) => `${p.name}${typeof p.inputs.region === "string" ? ` (${p.inputs.region})` : typeof p.inputs.location === "string" ? ` (${p.inputs.location})` : ""}`).join(", ") || "none"}`,
        "",
        table(["Type", "Count"], topTypes(plan)),
        table(["Component", "Resources"], countByComponent(plan)),
        ...(plan.notes.length ? ["", "Notes:", ...plan.notes.map((n) => `  - ${n}`)] : []),
    ].join("\n");
}

/** The `--json` document. */
export function planDocument(plan: Plan) {
    return {
        stack: plan.stack,
        cloud: plan.cloud,
        environment: plan.environment,
        notes: plan.notes,
        outputs: plan.outputs,
        resources: plan.resources.map((r) => ({
            urn: r.urn,
            type: r.type,
            name: r.name,
            parent: r.parent ?? null,
            provider: r.provider ?? null,
            protect: r.protect,
            dependencies: r.dependencies,
            inputs: r.inputs,
            secretInputs: r.secretInputs,
        })),
    };
}

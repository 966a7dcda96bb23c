/** The comparison as a terminal table, a pull-request comment (Markdown + Mermaid) or JSON. */
import Table from "cli-table3";
import { CLOUD_NAMES } from "../../domain/clouds";
import type { UsageSettings } from "../../domain/stack-config";
import { topComponentOf } from "../plan/render";
import type { Plan } from "../plan/types";
import { CAPABILITIES, type ParityCell } from "./capabilities";
import { isPossible, type CloudComparison, type CloudResult, type Comparison, type ComparisonDiff } from "./compare";
import { HOURS_PER_MONTH } from "./prices";
import { snapshot } from "./prices/snapshot";
import type { Recovery } from "./recovery";
import { mainService } from "./services";

const GENERAL_ASSUMPTIONS = [
    `On-demand list prices from the price snapshot (tools/compare/prices/snapshot.json, ${snapshot.entries.length} entries, generated ${snapshot.generated}), looked up for each resource's own region; ${HOURS_PER_MONTH} hours a month.`,
    "Stored logs and archives at their steady state: a month's volume times the months they are kept. No reserved or committed-use discounts, no internet egress.",
    "A resource whose price the snapshot lacks is unpriced, never counted as 0: a total with unpriced items is a lower bound (≥) and is not ranked against complete totals.",
    "Deploy time: critical path through the plan's dependencies using typical creation times per resource type (tools/compare/deploy-time.ts).",
    "RPO/RTO: documented service behaviour rounded up to whole minutes (tools/compare/recovery.ts).",
];

/** The usage assumptions (usage* config keys) in words; the same on every cloud. */
export function usageAssumptions(u: UsageSettings): string {
    const n = (v: number) => v.toLocaleString("en-US");
    return (
        `Usage (usage* config keys, the same on every cloud): ${n(u.logGbPerMonth)} GB of logs a month across the stack, ` +
        `${n(u.flowLogGbPerMonth)} GB of flow logs a month per network, ${n(u.auditLogGbPerMonth)} GB a month to the audit archive, ` +
        `${n(u.auditEventsPerMonth)} audited API calls a month, ${n(u.natGbPerMonth)} GB a month through each NAT gateway, ` +
        `${n(u.edgeGbPerMonth)} GB and ${n(u.edgeRequestsPerMonth)} requests a month at the edge, ${n(u.monthlyActiveUsers)} monthly active users.`
    );
}

/** How many of the rates used are manual (read from a vendor page, not a price API): a buyer should know. */
export function rateProvenance(c: Comparison): string {
    const used = new Map<string, string>();
    for (const x of c.clouds.filter(isPossible)) for (const item of x.items) for (const p of item.prices) used.set(`${p.id}@${p.region}`, p.origin);
    const manual = [...used.values()].filter((o) => o === "manual").length;
    return `Of the ${used.size} rates this comparison used, ${manual} are manual (read from the vendor's page, most not re-read since their date: each snapshot entry says how far it was checked; \`npm run prices:refresh\` replaces them from the price APIs) and ${used.size - manual} come from a price API.`;
}

export function assumptions(c: Comparison): string[] {
    const first = c.clouds.find(isPossible);
    return [...GENERAL_ASSUMPTIONS, rateProvenance(c), ...(first ? [usageAssumptions(first.usage)] : [])];
}

type Row = (string | number)[];

function usd(value: number): string {
    return `$${value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** A total that says when it is incomplete: "≥ $X (N items unpriced: a, b, c and 2 more)". */
export function totalCell(known: number, unpricedNames: readonly string[]): string {
    if (unpricedNames.length === 0) return usd(known);
    const shown = unpricedNames.slice(0, 3).join(", ") + (unpricedNames.length > 3 ? ` and ${unpricedNames.length - 3} more` : "");
    return `≥ ${usd(known)} (${unpricedNames.length} item${unpricedNames.length === 1 ? "" : "s"} unpriced: ${shown})`;
}

/** The names of a cloud's (or a component's) resources without a price. */
function unpricedIn(x: CloudComparison, kind?: string): string[] {
    const names = new Set((kind ? (x.components.find((k) => k.kind === kind)?.unknownPrices ?? []) : x.unknownPrices).map((u) => u.replace(/ \(.*\)$|: .*$/, "")));
    return [...names];
}

function minutes(seconds: number): string {
    return `${Math.ceil(seconds / 60)} min`;
}

function recoveryCell(r: Recovery | undefined, meets: boolean): string {
    if (!r) return "no copy outside the region ✗";
    return `RPO ${r.rpoMinutes} min / RTO ${r.rtoMinutes} min${r.manual ? ` (manual: ${r.manual})` : ""} ${meets ? "✓" : "✗"}`;
}

function parityCell(cell: ParityCell): string {
    const offered = cell.availability === "none" ? "not offered" : cell.availability;
    return cell.inPlan ? `${offered}: in plan${cell.via === "neutral" ? " (neutral)" : ""}` : `${offered}: not in plan`;
}

/** The verdict of one cloud: possible, or why not in the config validation's words. */
export function verdictCell(x: CloudResult): string {
    return isPossible(x) ? "possible" : `not possible on ${CLOUD_NAMES[x.cloud]}: ${x.notPossible}`;
}

/** Ranks complete totals only: an incomplete total is a lower bound and cannot be ranked. */
export function costRanking(clouds: readonly CloudResult[]): Map<CloudResult, string> {
    const complete = clouds.filter(isPossible).filter((x) => x.complete).sort((a, b) => a.totalUsd - b.totalUsd);
    const ranking = new Map<CloudResult, string>();
    for (const x of clouds) {
        if (!isPossible(x)) ranking.set(x, "—");
        else if (!x.complete) ranking.set(x, "not ranked: total incomplete");
        else ranking.set(x, `${complete.indexOf(x) + 1} of ${complete.length} complete`);
    }
    return ranking;
}

/** The heading: stack, the --set variant and each cloud's regions. */
export function heading(c: Comparison): string {
    const set = Object.entries(c.set);
    const regions = c.clouds.filter(isPossible).map((x) => `${CLOUD_NAMES[x.cloud]} ${x.regions.primary}${x.regions.dr ? ` (DR ${x.regions.dr})` : ""}`);
    return `Cloud comparison for stack ${c.stack}${set.length ? ` with --set ${set.map(([k, v]) => `${k}=${v}`).join(" ")}` : ""}${regions.length ? `; regions: ${regions.join(", ")}` : ""}`;
}

/** The rows of the comparison, shared by the table and Markdown renderers. */
export function comparisonSections(c: Comparison): Array<{ title: string; head: string[]; rows: Row[] }> {
    const clouds = c.clouds;
    const head = (first: string) => [first, ...clouds.map((x) => CLOUD_NAMES[x.cloud])];
    const possible = clouds.filter(isPossible);
    // A cloud the config rules out has nothing to show in the other rows.
    const each = (f: (x: CloudComparison) => string) => clouds.map((x) => (isPossible(x) ? f(x) : "—"));
    const kinds = [...new Set(possible.flatMap((x) => x.components.map((k) => k.kind)))];
    const component = (x: CloudComparison, kind: string) => x.components.find((k) => k.kind === kind);
    const stores = [...new Set(possible.flatMap((x) => x.recovery.map((r) => r.store)))];
    const ranking = costRanking(clouds);
    return [
        { title: "Verdict", head: head("This configuration"), rows: [["Buildable", ...clouds.map(verdictCell)]] },
        {
            title: "Resources per component (main service)",
            head: head("Component"),
            rows: kinds.map((kind) => [kind, ...each((x) => (component(x, kind) ? `${component(x, kind)!.resources} (${component(x, kind)!.service})` : "—"))]),
        },
        {
            title: "Estimated monthly cost (USD)",
            head: head("Component"),
            rows: [
                ...kinds.map((kind) => [
                    kind,
                    ...each((x) => {
                        const k = component(x, kind);
                        return k ? totalCell(k.usd, unpricedIn(x, kind)) : "—";
                    }),
                ]),
                ["Total", ...each((x) => totalCell(x.totalUsd, unpricedIn(x)))],
                ["Rank by cost", ...clouds.map((x) => ranking.get(x) ?? "—")],
            ],
        },
        {
            title: "Policy verdict (gravitypm-guard)",
            head: head("Enforcement"),
            rows: [
                ["Mandatory violations", ...each((x) => (x.policy ? String(x.policy.mandatory) : "not run"))],
                ["Advisory findings", ...each((x) => (x.policy ? String(x.policy.advisory) : "not run"))],
            ],
        },
        {
            title: "Capability parity",
            head: head("Capability"),
            rows: CAPABILITIES.map((cap) => [cap.label, ...each((x) => parityCell(x.parity[cap.id]))]),
        },
        {
            title: `Achieved recovery vs targets (RPO ${possible[0]?.targets.rpoMinutes ?? "?"} min, RTO ${possible[0]?.targets.rtoMinutes ?? "?"} min)`,
            head: head("Data store / failure"),
            rows: stores.flatMap((store) =>
                (["zone", "region"] as const).map((failure) => [
                    `${store}, ${failure} loss`,
                    ...each((x) => {
                        const row = x.recovery.find((r) => r.store === store);
                        if (!row) return "—";
                        return `${row.service}: ${failure === "zone" ? recoveryCell(row.zoneLoss, row.meetsZoneTargets) : recoveryCell(row.regionLoss, row.meetsRegionTargets)}`;
                    }),
                ]),
            ),
        },
        {
            title: "Estimated deploy time (critical path)",
            head: head("Estimate"),
            rows: [
                ["First deploy", ...each((x) => minutes(x.deploySeconds))],
                ["Longest chain", ...each((x) => x.criticalPath.join(" → ") || "—")],
                ["Resources", ...each((x) => String(x.plan.resources.length))],
            ],
        },
    ];
}

function unpricedLines(c: Comparison): string[] {
    return c.clouds.filter(isPossible).flatMap((x) => x.unknownPrices.map((u) => `${x.cloud}: ${u}`));
}

export function renderTable(c: Comparison): string {
    const out = [`${heading(c)} (offline plans)`, ""];
    for (const section of comparisonSections(c)) {
        const t = new Table({ head: section.head, style: { head: [], border: [], compact: true }, wordWrap: true, colWidths: [34, ...c.clouds.map(() => 40)] });
        for (const row of section.rows) t.push(row);
        out.push(section.title, t.toString(), "");
    }
    out.push("Assumptions:", ...assumptions(c).map((a) => `  - ${a}`));
    const unpriced = unpricedLines(c);
    if (unpriced.length) out.push("", "Unpriced items (each total above is a lower bound):", ...unpriced.map((u) => `  - ${u}`));
    return out.join("\n");
}

function mdEscape(cell: string | number): string {
    return String(cell).replace(/\|/g, "\\|");
}

/**
 * A Mermaid flowchart of a plan's components, drawn as docs/architecture.md draws the
 * platform: an arrow points from what is used to what uses it, dashed into the DR site.
 * Every node is declared (labelled with its kind and main service) and a legend says what
 * an arrow means.
 */
export function mermaidDiagram(plan: Plan): string {
    const tops = topComponentOf(plan);
    const id = (name: string) => name.replace(/[^A-Za-z0-9]/g, "_");
    const nodes = new Map<string, { name: string; kind: string; types: string[] }>();
    for (const r of plan.resources) {
        const top = tops.get(r.urn);
        if (!top || top.type.startsWith("pulumi:")) continue;
        const node = nodes.get(top.urn) ?? { name: top.name, kind: top.type.split(":").pop() ?? top.type, types: [] };
        if (r.custom) node.types.push(r.type);
        nodes.set(top.urn, node);
    }
    const edges = new Set<string>();
    for (const r of plan.resources) {
        const user = tops.get(r.urn);
        if (!user || !nodes.has(user.urn)) continue;
        for (const dep of r.dependencies) {
            const used = tops.get(dep) ?? plan.resources.find((x) => x.urn === dep);
            if (!used || used.urn === user.urn || !nodes.has(used.urn)) continue;
            const arrow = /(^|-)dr-/.test(user.name) && !/(^|-)dr-/.test(nodes.get(used.urn)!.name) ? "-.->" : "-->";
            edges.add(`    ${id(nodes.get(used.urn)!.name)} ${arrow} ${id(user.name)}`);
        }
    }
    const lines = ["flowchart LR"];
    for (const node of nodes.values()) {
        const service = mainService(node.types);
        lines.push(`    ${id(node.name)}["${node.name}<br/>${node.kind}${service === "—" ? "" : `: ${service}`}"]`);
    }
    return [
        ...lines,
        ...[...edges].sort(),
        '    subgraph legend["Legend"]',
        '        legend_a["A"] -->|"B uses A (depends on its outputs)"| legend_b["B"]',
        '        legend_c["primary site"] -.->|"into the DR site"| legend_d["dr-*"]',
        "    end",
    ].join("\n");
}

export function renderMarkdown(c: Comparison): string {
    const out = [`## ${heading(c).replace(/^Cloud comparison for stack (\S+)/, "Cloud comparison for stack `$1`")}`, ""];
    for (const section of comparisonSections(c)) {
        out.push(`### ${section.title}`, "", `| ${section.head.map(mdEscape).join(" | ")} |`, `|${section.head.map(() => "---").join("|")}|`);
        for (const row of section.rows) out.push(`| ${row.map(mdEscape).join(" | ")} |`);
        out.push("");
    }
    out.push("### Architecture", "");
    for (const x of c.clouds.filter(isPossible)) {
        out.push(`<details><summary>${CLOUD_NAMES[x.cloud]}</summary>`, "", "```mermaid", mermaidDiagram(x.plan), "```", "", "</details>", "");
    }
    out.push("### Assumptions", "", ...assumptions(c).map((a) => `- ${a}`));
    const unpriced = unpricedLines(c);
    if (unpriced.length) out.push("", "Unpriced items (each total above is a lower bound):", "", ...unpriced.map((u) => `- ${u}`));
    return out.join("\n") + "\n";
}

export function renderJson(c: Comparison): string {
    const ranking = costRanking(c.clouds);
    return (
        JSON.stringify(
            {
                stack: c.stack,
                set: c.set,
                assumptions: assumptions(c),
                priceSnapshot: { generated: snapshot.generated, entries: snapshot.entries.length },
                clouds: c.clouds.map((x) =>
                    isPossible(x)
                        ? {
                              cloud: x.cloud,
                              possible: true,
                              regions: x.regions,
                              resources: x.plan.resources.length,
                              components: x.components,
                              complete: x.complete,
                              monthlyUsd: { known: x.totalUsd, complete: x.complete, unpriced: x.unknownPrices },
                              rank: ranking.get(x),
                              usage: x.usage,
                              items: x.items,
                              policy: x.policy ?? null,
                              parity: x.parity,
                              recovery: x.recovery,
                              targets: x.targets,
                              deploy: { seconds: x.deploySeconds, criticalPath: x.criticalPath },
                          }
                        : { cloud: x.cloud, possible: false, notPossible: x.notPossible },
                ),
            },
            null,
            2,
        ) + "\n"
    );
}

function signedUsd(v: number): string {
    return `${v >= 0 ? "+" : "−"}${usd(Math.abs(v))}`;
}

/** One cloud's change in words, per row of the diff. */
function diffRows(d: ComparisonDiff): Row[] {
    const cell = (f: (x: ComparisonDiff["clouds"][number]) => string) => d.clouds.map(f);
    return [
        ["Verdict", ...cell((x) => (x.verdict.before === x.verdict.after ? (x.verdict.after === "possible" ? "possible" : `not possible: ${x.verdict.after}`) : `${x.verdict.before} → ${x.verdict.after}`))],
        [
            "Monthly cost",
            ...cell((x) => {
                if (!x.cost) return "—";
                const total = (v: number, complete: boolean) => (complete ? usd(v) : `≥ ${usd(v)}`);
                const change = `${total(x.cost.before, x.cost.beforeComplete)} → ${total(x.cost.after, x.cost.afterComplete)}`;
                return x.cost.delta !== undefined ? `${change} (${signedUsd(x.cost.delta)})` : `${change} (no delta: a total is incomplete)`;
            }),
        ],
        ["Resources", ...cell((x) => (x.resources ? `${x.resources.before} → ${x.resources.after}` : "—"))],
        ["Types changed", ...cell((x) => x.types.map((t) => `${t.delta > 0 ? "+" : ""}${t.delta} ${t.type}`).join(", ") || "none")],
        ["Policy (mandatory / advisory)", ...cell((x) => (x.policy ? `${x.policy.mandatory >= 0 ? "+" : ""}${x.policy.mandatory} / ${x.policy.advisory >= 0 ? "+" : ""}${x.policy.advisory}` : "—"))],
    ];
}

export function renderDiff(d: ComparisonDiff, format: "table" | "markdown" | "json"): string {
    if (format === "json") return JSON.stringify(d, null, 2) + "\n";
    const title = `Comparison diff for stack ${d.stack}: ${d.base} → ${d.variant}`;
    const head = ["", ...d.clouds.map((x) => CLOUD_NAMES[x.cloud])];
    const rows = diffRows(d);
    if (format === "markdown") {
        return [`## ${title}`, "", `| ${head.map(mdEscape).join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.map(mdEscape).join(" | ")} |`), ""].join("\n");
    }
    const t = new Table({ head, style: { head: [], border: [], compact: true }, wordWrap: true, colWidths: [30, ...d.clouds.map(() => 44)] });
    for (const row of rows) t.push(row);
    return [title, t.toString()].join("\n");
}

/** The comparison as a terminal table, a pull-request comment (Markdown + Mermaid) or JSON. */
import Table from "cli-table3";
import { CLOUD_NAMES } from "../../domain/clouds";
import { topComponentOf } from "../plan/render";
import type { Plan } from "../plan/types";
import { CAPABILITIES, type ParityCell } from "./capabilities";
import type { CloudComparison, Comparison } from "./compare";
import { HOURS_PER_MONTH } from "./prices";
import type { Recovery } from "./recovery";

export const ASSUMPTIONS = [
    "On-demand list prices in AWS us-east-1, GCP us-central1, Azure eastus; other regions differ by about ±10-30 %.",
    `${HOURS_PER_MONTH} hours a month; 100 GB a month through each NAT; 20 GB a month of flow logs per network; database storage as configured.`,
    "No reserved or committed-use discounts, no internet egress. Unknown prices are shown as unknown and left out of the total.",
    "Deploy time: critical path through the plan's dependencies using typical creation times per resource type (tools/compare/deploy-time.ts).",
    "RPO/RTO: documented service behaviour rounded up to whole minutes (tools/compare/recovery.ts).",
];

type Row = (string | number)[];

function usd(value: number): string {
    return `$${value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

function costCell(usdKnown: number, unknown: number): string {
    return unknown > 0 ? `${usd(usdKnown)} + ${unknown} unknown` : usd(usdKnown);
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

/** The rows of the comparison, shared by the table and Markdown renderers. */
export function comparisonSections(c: Comparison): Array<{ title: string; head: string[]; rows: Row[] }> {
    const clouds = c.clouds;
    const head = (first: string) => [first, ...clouds.map((x) => CLOUD_NAMES[x.cloud])];
    const kinds = [...new Set(clouds.flatMap((x) => x.components.map((k) => k.kind)))];
    const component = (x: CloudComparison, kind: string) => x.components.find((k) => k.kind === kind);
    const stores = [...new Set(clouds.flatMap((x) => x.recovery.map((r) => r.store)))];
    return [
        {
            title: "Resources per component (main service)",
            head: head("Component"),
            rows: kinds.map((kind) => [kind, ...clouds.map((x) => (component(x, kind) ? `${component(x, kind)!.resources} (${component(x, kind)!.service})` : "—"))]),
        },
        {
            title: "Estimated monthly cost (USD)",
            head: head("Component"),
            rows: [
                ...kinds.map((kind) => [kind, ...clouds.map((x) => (component(x, kind) ? costCell(component(x, kind)!.usd, component(x, kind)!.unknownPrices.length) : "—"))]),
                ["Total", ...clouds.map((x) => costCell(x.totalUsd, x.unknownPrices.length))],
            ],
        },
        {
            title: "Policy verdict (gravitypm-guard)",
            head: head("Enforcement"),
            rows: [
                ["Mandatory violations", ...clouds.map((x) => (x.policy ? String(x.policy.mandatory) : "not run"))],
                ["Advisory findings", ...clouds.map((x) => (x.policy ? String(x.policy.advisory) : "not run"))],
            ],
        },
        {
            title: "Capability parity",
            head: head("Capability"),
            rows: CAPABILITIES.map((cap) => [cap.label, ...clouds.map((x) => parityCell(x.parity[cap.id]))]),
        },
        {
            title: `Achieved recovery vs targets (RPO ${clouds[0]?.targets.rpoMinutes ?? "?"} min, RTO ${clouds[0]?.targets.rtoMinutes ?? "?"} min)`,
            head: head("Data store / failure"),
            rows: stores.flatMap((store) =>
                (["zone", "region"] as const).map((failure) => [
                    `${store}, ${failure} loss`,
                    ...clouds.map((x) => {
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
                ["First deploy", ...clouds.map((x) => minutes(x.deploySeconds))],
                ["Longest chain", ...clouds.map((x) => x.criticalPath.join(" → ") || "—")],
                ["Resources", ...clouds.map((x) => String(x.plan.resources.length))],
            ],
        },
    ];
}

export function renderTable(c: Comparison): string {
    const out = [`Cloud comparison for stack ${c.stack} (offline plans)`, ""];
    for (const section of comparisonSections(c)) {
        const t = new Table({ head: section.head, style: { head: [], border: [], compact: true }, wordWrap: true, colWidths: [34, ...c.clouds.map(() => 40)] });
        for (const row of section.rows) t.push(row);
        out.push(section.title, t.toString(), "");
    }
    out.push("Assumptions:", ...ASSUMPTIONS.map((a) => `  - ${a}`));
    const unknown = c.clouds.filter((x) => x.unknownPrices.length);
    if (unknown.length) out.push("", "Unknown prices:", ...unknown.flatMap((x) => x.unknownPrices.map((u) => `  - ${x.cloud}: ${u}`)));
    return out.join("\n");
}

function mdEscape(cell: string | number): string {
    return String(cell).replace(/\|/g, "\\|");
}

/** A Mermaid flowchart of a plan's components and which uses which. */
export function mermaidDiagram(plan: Plan): string {
    const tops = topComponentOf(plan);
    const components = plan.resources.filter((r) => plan.resources.find((p) => p.urn === r.parent)?.type === "pulumi:pulumi:Stack" && !r.custom);
    const id = (name: string) => name.replace(/[^A-Za-z0-9]/g, "_");
    const lines = ["flowchart LR"];
    for (const comp of components) {
        lines.push(`    ${id(comp.name)}["${comp.name}<br/>${comp.type.split(":").pop()}"]`);
    }
    const edges = new Set<string>();
    for (const r of plan.resources) {
        const from = tops.get(r.urn);
        if (!from) continue;
        for (const dep of r.dependencies) {
            const to = tops.get(dep) ?? plan.resources.find((x) => x.urn === dep && !x.custom && components.includes(x));
            if (to && to.urn !== from.urn && !to.type.startsWith("pulumi:providers:") && !from.type.startsWith("pulumi:providers:")) {
                edges.add(`    ${id(from.name)} --> ${id(to.name)}`);
            }
        }
    }
    return [...lines, ...[...edges].sort()].join("\n");
}

export function renderMarkdown(c: Comparison): string {
    const out = [`## Cloud comparison for stack \`${c.stack}\``, ""];
    for (const section of comparisonSections(c)) {
        out.push(`### ${section.title}`, "", `| ${section.head.map(mdEscape).join(" | ")} |`, `|${section.head.map(() => "---").join("|")}|`);
        for (const row of section.rows) out.push(`| ${row.map(mdEscape).join(" | ")} |`);
        out.push("");
    }
    out.push("### Architecture", "");
    for (const x of c.clouds) {
        out.push(`<details><summary>${CLOUD_NAMES[x.cloud]}</summary>`, "", "```mermaid", mermaidDiagram(x.plan), "```", "", "</details>", "");
    }
    out.push("### Assumptions", "", ...ASSUMPTIONS.map((a) => `- ${a}`));
    const unknown = c.clouds.filter((x) => x.unknownPrices.length);
    if (unknown.length) out.push("", "Unknown prices:", "", ...unknown.flatMap((x) => x.unknownPrices.map((u) => `- ${x.cloud}: ${u}`)));
    return out.join("\n") + "\n";
}

export function renderJson(c: Comparison): string {
    return (
        JSON.stringify(
            {
                stack: c.stack,
                assumptions: ASSUMPTIONS,
                clouds: c.clouds.map((x) => ({
                    cloud: x.cloud,
                    resources: x.plan.resources.length,
                    components: x.components,
                    monthlyUsd: { known: x.totalUsd, unknown: x.unknownPrices },
                    policy: x.policy ?? null,
                    parity: x.parity,
                    recovery: x.recovery,
                    targets: x.targets,
                    deploy: { seconds: x.deploySeconds, criticalPath: x.criticalPath },
                })),
            },
            null,
            2,
        ) + "\n"
    );
}

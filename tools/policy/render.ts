/** The policy report as text: violations grouped by rule, then by resource. */
import { policies } from "../../policy-packs/gravitypm-guard/policies";
import type { RuleInfo } from "../../policy-packs/gravitypm-guard/lib/rule";
import type { PolicyReport, PolicyViolation } from "./evaluate";

function resourceLabel(v: PolicyViolation): string {
    if (!v.urn) return "(stack)";
    const name = v.urn.split("::").pop() ?? v.urn;
    return `${v.resourceType ?? v.urn.split("::")[2]?.split("$").pop() ?? ""}  ${name}`.trim();
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
    const groups = new Map<string, T[]>();
    for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
    return groups;
}

export function renderReport(report: PolicyReport, heading: string): string {
    const info = new Map<string, RuleInfo>(policies.map((p) => [p.name, p.info]));
    const lines = [heading, ""];
    // Mandatory first: they are what fails the run.
    const ordered = [...report.violations].sort((a, b) => (a.enforcementLevel === b.enforcementLevel ? 0 : a.enforcementLevel === "mandatory" ? -1 : 1));
    for (const [rule, violations] of groupBy(ordered, (v) => `${v.enforcementLevel}\u0000${v.policyName}`)) {
        const [lvl, name] = rule.split("\u0000");
        const meta = info.get(name);
        lines.push(`[${lvl}] ${name}${meta ? ` - ${meta.description}` : ""}`);
        if (meta) lines.push(`    why: ${meta.explanation}`, `    fix: ${meta.remediation}`);
        for (const [resource, items] of groupBy(violations, resourceLabel)) {
            lines.push(`  ${resource}`);
            for (const v of items) lines.push(...v.message.split("\n").map((l, i) => `    ${i === 0 ? "- " : "  "}${l}`));
        }
        lines.push("");
    }
    if (report.violations.length === 0) lines.push("No policy violations.", "");
    for (const w of report.warnings) lines.push(`warning: ${w}`);
    lines.push(`${report.mandatory} mandatory, ${report.advisory} advisory violation${report.advisory === 1 ? "" : "s"}`);
    return lines.join("\n");
}

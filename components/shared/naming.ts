/**
 * Fitting physical names to a service's length and character rules. Every physical name is
 * `<namePrefix><tail>`: the tail (role, purpose, random suffix) is kept whole so names of
 * different roles stay distinct, and only the prefix shrinks.
 *
 * The options spell out each service's rules rather than picking one: the names below are
 * already deployed, and a rule changed for all of them at once (say, collapsing `--` for
 * Memorystore as ElastiCache requires) would rename, and so replace, existing resources.
 * Callers still check the result against the service's full rule and say which it broke.
 */

export interface FitNameOptions {
    /** The longest the whole name (prefix and tail) may be. */
    readonly max: number;
    /** Appended whole after the fitted prefix, e.g. `-cache-dr` or `-pri-1a2b3c`. @default "" */
    readonly tail?: string;
    /**
     * Characters the service rejects. `hyphen`: each match of `chars` (give it a `+` to take
     * runs) becomes a hyphen, after lowercasing; `drop`: they are removed; `keep`: the prefix
     * is only lowercased.
     */
    readonly invalid: { readonly chars: RegExp; readonly replace: "hyphen" | "drop" } | "keep";
    /** Whether runs of hyphens become one (services that forbid `--`). */
    readonly collapseHyphens: boolean;
    /**
     * How a prefix too long for its room shrinks. `end`: cut from the end, then trailing
     * hyphens go (always, so the tail's own hyphen is never doubled). `project-first`:
     * `<project>-<stack>` loses project characters first (`gravitypm-staging` → `gravi-staging`),
     * cut from the end only when the stack part alone does not fit; a prefix that fits is
     * returned unchanged.
     */
    readonly shrink: "end" | "project-first";
    /** `project-first` only: what joins the prefix's parts (`""` for names without hyphens). @default "-" */
    readonly separator?: string;
}

/** `<namePrefix><tail>` within `options.max` characters, under the service's character rules. */
export function fitName(namePrefix: string, options: FitNameOptions): string {
    const tail = options.tail ?? "";
    const room = options.max - tail.length;
    let prefix = namePrefix;
    if (options.invalid !== "keep") {
        const { source, flags } = options.invalid.chars;
        const chars = new RegExp(source, flags.includes("g") ? flags : `${flags}g`);
        // Replacing ranges such as [^a-z0-9-] must see the lowercase letters they allow.
        prefix = options.invalid.replace === "hyphen" ? prefix.toLowerCase().replace(chars, "-") : prefix.replace(chars, "");
    }
    prefix = prefix.toLowerCase();
    if (options.collapseHyphens) prefix = prefix.replace(/-{2,}/g, "-");
    const fitted = options.shrink === "end" ? prefix.slice(0, room).replace(/-+$/, "") : projectFirst(prefix, room, options.separator ?? "-");
    return `${fitted}${tail}`;
}

function projectFirst(prefix: string, room: number, separator: string): string {
    const [project, ...stackParts] = prefix.split("-");
    const stack = stackParts.join(separator);
    const whole = stack ? `${project}${separator}${stack}` : project;
    if (whole.length <= room) return whole;
    const projectRoom = room - stack.length - separator.length;
    if (!stack || projectRoom < 1) return whole.slice(0, room).replace(/-+$/, "");
    return `${project.slice(0, projectRoom)}${separator}${stack}`;
}

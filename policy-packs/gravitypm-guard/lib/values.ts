/**
 * Readers for resource properties as policies receive them: plain JSON-like data, possibly
 * wrapped in @pulumi/policy's unknown-checking proxy. Every reader goes through ordinary
 * property access, so a value that is unknown during preview throws `UnknownValueError`
 * (the CLI then reports "can't run policy during preview") instead of reading as unset.
 */
import { UnknownValueError } from "@pulumi/policy";

export type Props = Readonly<Record<string, unknown>>;

export function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads a dotted path (`a.b.0.c`); undefined where any step is missing. */
export function get(value: unknown, path: string): unknown {
    let cur: unknown = value;
    for (const part of path.split(".")) {
        if (Array.isArray(cur)) {
            cur = /^\d+$/.test(part) ? cur[Number(part)] : undefined;
        } else if (isRecord(cur)) {
            cur = cur[part];
        } else {
            return undefined;
        }
    }
    return cur;
}

/** Provider configuration reaches policies JSON-encoded; resource inputs arrive decoded. */
export function decoded(value: unknown): unknown {
    if (typeof value !== "string") return value;
    const trimmed = value.trim();
    if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return value;
    try {
        return JSON.parse(trimmed) as unknown;
    } catch {
        return value;
    }
}

export function list(value: unknown): readonly unknown[] {
    const v = decoded(value);
    return Array.isArray(v) ? v : [];
}

export function records(value: unknown): Record<string, unknown>[] {
    return list(value).filter(isRecord);
}

export function record(value: unknown): Record<string, unknown> | undefined {
    const v = decoded(value);
    return isRecord(v) ? v : undefined;
}

export function str(value: unknown): string | undefined {
    return typeof value === "string" ? value : undefined;
}

export function strings(value: unknown): string[] {
    const v = decoded(value);
    if (typeof v === "string") return [v];
    return list(v).filter((s): s is string => typeof s === "string");
}

/** Booleans, tolerating the "true"/"false" strings some providers' schemas use. */
export function bool(value: unknown): boolean | undefined {
    if (typeof value === "boolean") return value;
    if (value === "true") return true;
    if (value === "false") return false;
    return undefined;
}

export function num(value: unknown): number | undefined {
    if (typeof value === "number" && Number.isFinite(value)) return value;
    if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
    return undefined;
}

export function isSet(value: unknown): boolean {
    return value !== undefined && value !== null && value !== "";
}

/** Case-insensitive string comparison for enum values whose casing varies between APIs. */
export function sameText(value: unknown, expected: string): boolean {
    return typeof value === "string" && value.toLowerCase() === expected.toLowerCase();
}

/** Runs a read; undefined when it touched a value unknown during preview. For callers that
 * have a better fallback than giving up (e.g. following a dependency instead of a value). */
export function known<T>(read: () => T): { readonly known: true; readonly value: T } | { readonly known: false } {
    try {
        return { known: true, value: read() };
    } catch (e) {
        if (e instanceof UnknownValueError) return { known: false };
        throw e;
    }
}

/** Days in an ISO-8601 (`P35D`, `P5W`, `P1Y`), Google (`604800s`) or plain-number duration. */
export function durationDays(value: unknown): number | undefined {
    if (typeof value === "number") return value;
    if (typeof value !== "string") return undefined;
    const seconds = /^(\d+(?:\.\d+)?)s$/.exec(value.trim());
    if (seconds) return Number(seconds[1]) / 86_400;
    const iso = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(value.trim());
    if (iso && value.trim() !== "P") {
        const [, y, mo, w, d, h, mi, s] = iso.map((p) => Number(p ?? 0));
        return y * 365 + mo * 30 + w * 7 + d + h / 24 + mi / 1440 + s / 86_400;
    }
    return num(value);
}

/** Whether a property is set. A value unknown during preview is set (it references
 * something not yet created), so presence checks hold; checks of the value itself throw. */
export function present(props: unknown, path: string): boolean {
    const read = known(() => get(props, path));
    return !read.known || isSet(read.value);
}

/** A property value for a message: `unset`, or its JSON. */
export function shown(value: unknown): string {
    return value === undefined || value === null ? "unset" : JSON.stringify(value);
}

/**
 * Test access to plans: every test reads the plan the offline engine captured, never mock
 * internals. Each vitest file runs in its own process, so Pulumi's global runtime state is
 * fresh per file; within a file plans are cached per (stack, cloud, overrides) and must be
 * produced one after another (the engine swaps the global mock monitor).
 */
import type { Cloud } from "../../domain/clouds";
import { runPlan, type PlanOptions } from "../../tools/plan/engine";
import type { Plan, PlannedResource } from "../../tools/plan/types";

const cache = new Map<string, Promise<Plan>>();
let queue: Promise<unknown> = Promise.resolve();

export function plan(stack: string, cloud: Cloud, set: Record<string, string> = {}): Promise<Plan> {
    const key = JSON.stringify([stack, cloud, set]);
    let cached = cache.get(key);
    if (!cached) {
        const options: PlanOptions = { stack, cloud, set };
        cached = queue.then(() => runPlan(options));
        queue = cached.catch(() => undefined);
        cache.set(key, cached);
    }
    return cached;
}

export function ofType(p: Plan, type: string): PlannedResource[] {
    return p.resources.filter((r) => r.type === type);
}

export function one(p: Plan, type: string, name?: string): PlannedResource {
    const matches = ofType(p, type).filter((r) => name === undefined || r.name === name);
    if (matches.length !== 1) {
        throw new Error(`expected one ${type}${name ? ` named ${name}` : ""}, found ${matches.length}: ${matches.map((m) => m.name).join(", ")}`);
    }
    return matches[0];
}

export function byUrn(p: Plan, urn: string | undefined): PlannedResource | undefined {
    return p.resources.find((r) => r.urn === urn);
}

/** Resources below a component, at any depth. */
export function descendants(p: Plan, component: PlannedResource): PlannedResource[] {
    const result: PlannedResource[] = [];
    const walk = (urn: string) => {
        for (const r of p.resources) {
            if (r.parent === urn) {
                result.push(r);
                walk(r.urn);
            }
        }
    };
    walk(component.urn);
    return result;
}

/** Reads a nested input by dotted path, e.g. `properties.highAvailability.targetMode`. */
export function input(r: PlannedResource, path: string): unknown {
    let cur: unknown = r.inputs;
    for (const part of path.split(".")) {
        if (typeof cur !== "object" || cur === null) return undefined;
        cur = (cur as Record<string, unknown>)[part];
    }
    return cur;
}

/** The resource with this logical name, whatever its type. */
export function named(p: Plan, name: string): PlannedResource {
    const r = p.resources.find((x) => x.name === name);
    if (!r) throw new Error(`no resource named ${name}`);
    return r;
}

/** Whether `r` depends on the resource with this logical name. */
export function dependsOn(p: Plan, r: PlannedResource, name: string): boolean {
    return r.dependencies.some((u) => byUrn(p, u)?.name === name);
}

/** Direct children of a component, of one type. */
export function childrenOf(p: Plan, component: PlannedResource, type: string): PlannedResource[] {
    return ofType(p, type).filter((r) => r.parent === component.urn);
}

/** Everything the stack's cache component registers below it. */
export function cacheOf(p: Plan): PlannedResource[] {
    return descendants(p, one(p, "gravitypm:components:Cache", "cache"));
}

/** Provider config nests objects as JSON strings on the wire. */
export function objectInput(value: unknown): Record<string, unknown> {
    return (typeof value === "string" ? JSON.parse(value) : (value ?? {})) as Record<string, unknown>;
}

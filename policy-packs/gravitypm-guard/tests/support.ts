/**
 * Test helpers: tiny synthetic plans, so a rule can be run through the same evaluator the
 * runner uses (type matching, config defaults and validation, environment detection).
 */
import type { Plan, PlannedResource } from "../../../tools/plan/types";
import type { GuardPolicy } from "../lib/rule";
import type { Props } from "../lib/values";

export interface FixtureResource {
    readonly type: string;
    readonly name?: string;
    readonly inputs?: Props;
    readonly protect?: boolean;
    /** Names of other fixture resources this one depends on. */
    readonly dependsOn?: readonly string[];
    /** Name of the fixture provider resource. */
    readonly provider?: string;
}

export function urnOf(stack: string, type: string, name: string): string {
    return `urn:pulumi:${stack}::gravitypm::${type}::${name}`;
}

/** A plan of the given resources under a stack named after the environment. */
export function planOf(resources: readonly FixtureResource[], environment: "prod" | "staging" = "prod", outputs: Props = {}): Plan {
    const stack = environment;
    const named = resources.map((r, i) => ({ ...r, name: r.name ?? `r${i}` }));
    const urns = new Map(named.map((r) => [r.name, urnOf(stack, r.type, r.name)]));
    const stackUrn = urnOf(stack, "pulumi:pulumi:Stack", `gravitypm-${stack}`);
    const planned: PlannedResource[] = [
        { urn: stackUrn, type: "pulumi:pulumi:Stack", name: `gravitypm-${stack}`, custom: false, protect: false, retainOnDelete: false, dependencies: [], inputs: {}, secretInputs: [], aliases: 0 },
        ...named.map((r) => ({
            urn: urns.get(r.name)!,
            type: r.type,
            name: r.name,
            custom: true,
            parent: stackUrn,
            provider: r.provider ? urns.get(r.provider) : undefined,
            protect: r.protect ?? false,
            retainOnDelete: false,
            dependencies: (r.dependsOn ?? []).map((d) => {
                const urn = urns.get(d);
                if (!urn) throw new Error(`fixture ${r.name} depends on unknown ${d}`);
                return urn;
            }),
            inputs: r.inputs ?? {},
            secretInputs: [],
            aliases: 0,
        })),
    ];
    return { stack, cloud: "aws", environment, resources: planned, outputs, notes: [] };
}

export function policyNamed(policies: readonly GuardPolicy[], name: string): GuardPolicy {
    const p = policies.find((x) => x.name === name);
    if (!p) throw new Error(`no policy ${name}`);
    return p;
}

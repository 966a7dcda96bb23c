/**
 * Runs the gravitypm-guard pack over an offline plan with the semantics of
 * `pulumi preview --policy-pack` (@pulumi/policy server.js + the CLI's config handling):
 * every resource goes through every resource policy, then the whole stack through every
 * stack policy; the effective level is the config's, else the policy's, else advisory;
 * `disabled` skips, `remediate` reports as mandatory; a value unknown during preview makes
 * the policy report an advisory "can't run … during preview" instead of passing.
 *
 * It runs the very policy objects the pack ships (policy-packs/gravitypm-guard/policies.ts);
 * it never constructs a PolicyPack, which would start the analyzer's gRPC server.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
    unknownCheckingProxy,
    UnknownValueError,
    type PolicyResource,
    type ReportViolation,
    type ResourceValidationArgs,
    type StackValidationArgs,
} from "@pulumi/policy";
import { PACK_NAME, policies } from "../../policy-packs/gravitypm-guard/policies";
import { PROJECT_DIR } from "../project-dir";
import type { GuardPolicy } from "../../policy-packs/gravitypm-guard/lib/rule";
import type { Plan, PlannedResource } from "../plan/types";
import { resolvePolicyConfig, type EnforcementLevel, type PolicyConfigEntry } from "./config";

export interface PolicyViolation {
    readonly policyName: string;
    readonly enforcementLevel: "advisory" | "mandatory";
    readonly urn?: string;
    readonly resourceType?: string;
    readonly message: string;
}

export interface PolicyReport {
    readonly violations: readonly PolicyViolation[];
    readonly mandatory: number;
    readonly advisory: number;
    /** Config keys that name no policy, and similar things the reader should know. */
    readonly warnings: readonly string[];
}

export interface EvaluateOptions {
    /** The policy config file's content (`--config` / `--policy-pack-config`). */
    readonly config?: Record<string, unknown>;
    /** Defaults to the pack's own policies; tests pass a subset. */
    readonly policies?: readonly GuardPolicy[];
}

// Read through the project folder, not the pack module's own location: bundled into dist/
// the runner no longer sits beside the pack.
export const PACK_VERSION: string = (JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "policy-packs", PACK_NAME, "package.json"), "utf8")) as { version: string })
    .version;

/** The engine's wire value for "unknown during preview"; also @pulumi/policy's unknown-string sentinel. */
const UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** How the offline plan writes an unknown value (tools/plan/engine.ts). */
const PLAN_UNKNOWN = "[unknown]";

function toPolicyValue(value: unknown): unknown {
    if (value === PLAN_UNKNOWN) return UNKNOWN_SENTINEL;
    if (Array.isArray(value)) return value.map(toPolicyValue);
    if (typeof value === "object" && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPolicyValue(v)]));
    }
    return value;
}

function propsOf(inputs: Readonly<Record<string, unknown>>): Record<string, unknown> {
    return unknownCheckingProxy(toPolicyValue(inputs) as Record<string, unknown>);
}

class NotApplicable extends Error {}
const notApplicable = (reason?: string): never => {
    throw new NotApplicable(reason);
};

/** Same test as @pulumi/policy's isTypeOf: the class's `__pulumiType`, else its `isInstance`. */
function isTypeOf(type: string, resourceClass: object): boolean {
    const pulumiType: unknown = Reflect.get(resourceClass, "__pulumiType");
    if (typeof pulumiType === "string") return pulumiType === type;
    const isInstance: unknown = Reflect.get(resourceClass, "isInstance");
    return typeof isInstance === "function" && isInstance.call(resourceClass, { __pulumiType: type }) === true;
}

/** `asType` hands back the props untyped-to-typed exactly as the SDK does; the one cast is
 * the SDK's own contract (the caller names the class, the props are that class's inputs). */
function asTypeOf<T>(type: string, resourceClass: object, props: Record<string, unknown>): T | undefined {
    return isTypeOf(type, resourceClass) ? (props as T) : undefined;
}

function level(policy: GuardPolicy, entries: ReadonlyMap<string, PolicyConfigEntry>): EnforcementLevel {
    return entries.get(policy.name)?.enforcementLevel ?? policy.enforcementLevel ?? "advisory";
}

export async function evaluatePlan(plan: Plan, options: EvaluateOptions = {}): Promise<PolicyReport> {
    const pack = options.policies ?? policies;
    const { entries, warnings } = resolvePolicyConfig(pack, options.config);
    const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
    const violations: PolicyViolation[] = [];
    const getConfigFor = (name: string) => <T extends object>(): T => ({ ...entries.get(name)?.properties }) as T;
    const providerOf = (r: PlannedResource) => {
        const p = byUrn.get(r.provider ?? "");
        return p ? { type: p.type, props: propsOf(p.inputs), urn: p.urn, name: p.name } : undefined;
    };
    const stackTags: ReadonlyMap<string, string> = new Map();

    const record = (policy: GuardPolicy, effective: "advisory" | "mandatory", resource: PlannedResource | undefined): ReportViolation => (message, urn) => {
        const target = urn === undefined ? resource : byUrn.get(urn);
        violations.push({
            policyName: policy.name,
            enforcementLevel: effective,
            urn: urn ?? resource?.urn,
            resourceType: target?.type,
            message: message || policy.description,
        });
    };
    const handle = (policy: GuardPolicy, resource: PlannedResource | undefined, e: unknown) => {
        const from = `policy '${policy.name}' from policy pack '${PACK_NAME}@v${PACK_VERSION}'`;
        if (e instanceof UnknownValueError) {
            violations.push({
                policyName: policy.name,
                enforcementLevel: "advisory",
                urn: resource?.urn,
                resourceType: resource?.type,
                message: `can't run ${from} during preview: ${e instanceof Error ? e.message : String(e)}`,
            });
        } else if (!(e instanceof NotApplicable)) {
            throw new Error(`Error validating ${resource ? `resource ${resource.urn}` : "stack"} with ${from}: ${(e as Error).stack ?? String(e)}`);
        }
    };

    for (const resource of plan.resources) {
        for (const policy of pack) {
            const lvl = level(policy, entries);
            if (lvl === "disabled" || !("validateResource" in policy) || !policy.validateResource) continue;
            const effective = lvl === "remediate" ? "mandatory" : lvl;
            const validations = Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource];
            for (const validate of validations) {
                const props = propsOf(resource.inputs);
                const provider = providerOf(resource);
                const args: ResourceValidationArgs = {
                    type: resource.type,
                    props,
                    urn: resource.urn,
                    name: resource.name,
                    opts: {
                        protect: resource.protect,
                        ignoreChanges: [],
                        aliases: [],
                        customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
                        additionalSecretOutputs: [],
                        ...(resource.parent ? { parent: resource.parent } : {}),
                    },
                    ...(provider ? { provider } : {}),
                    stackTags,
                    isType: (cls) => isTypeOf(resource.type, cls),
                    asType: (cls) => asTypeOf(resource.type, cls, props),
                    getConfig: getConfigFor(policy.name),
                    notApplicable,
                };
                try {
                    await validate(args, record(policy, effective, resource));
                } catch (e) {
                    handle(policy, resource, e);
                }
            }
        }
    }

    const stackResources = buildPolicyResources(plan, providerOf);
    for (const policy of pack) {
        const lvl = level(policy, entries);
        if (lvl === "disabled" || !("validateStack" in policy)) continue;
        const args: StackValidationArgs = { resources: stackResources, stackTags, getConfig: getConfigFor(policy.name), notApplicable };
        try {
            await policy.validateStack(args, record(policy, lvl === "remediate" ? "mandatory" : lvl, undefined));
        } catch (e) {
            handle(policy, undefined, e);
        }
    }

    return {
        violations,
        mandatory: violations.filter((v) => v.enforcementLevel === "mandatory").length,
        advisory: violations.filter((v) => v.enforcementLevel === "advisory").length,
        warnings,
    };
}

/** The stack as analyzeStack sees it: each resource with its parent and dependencies as
 * objects; the stack resource's props are its outputs (what the program exports). */
function buildPolicyResources(plan: Plan, providerOf: (r: PlannedResource) => PolicyResource["provider"]): PolicyResource[] {
    const built = new Map<string, PolicyResource>();
    for (const r of plan.resources) {
        const props = propsOf(r.type === "pulumi:pulumi:Stack" ? plan.outputs : r.inputs);
        const provider = providerOf(r);
        built.set(r.urn, {
            type: r.type,
            props,
            urn: r.urn,
            name: r.name,
            opts: {
                protect: r.protect,
                ignoreChanges: [],
                aliases: [],
                customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
                additionalSecretOutputs: [],
                ...(r.parent ? { parent: r.parent } : {}),
            },
            ...(provider ? { provider } : {}),
            dependencies: [],
            propertyDependencies: {},
            isType: (cls) => isTypeOf(r.type, cls),
            asType: (cls) => asTypeOf(r.type, cls, props),
        });
    }
    for (const r of plan.resources) {
        const resource = built.get(r.urn)!;
        const parent = r.parent ? built.get(r.parent) : undefined;
        if (parent) resource.parent = parent;
        resource.dependencies = r.dependencies.map((d) => built.get(d)).filter((d): d is PolicyResource => d !== undefined);
    }
    return [...built.values()];
}

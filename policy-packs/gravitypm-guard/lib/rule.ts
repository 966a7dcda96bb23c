/**
 * The two rule shapes (cdk-nag style): a factory turns a pure predicate plus its metadata
 * into a CrossGuard policy. The predicate sees plain data (or the CLI's unknown-checking
 * proxy) and returns findings, so tests call it directly and the pack and the offline
 * runner run the very same policy objects.
 */
import type {
    PolicyConfigSchema,
    PolicyResource,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { environmentOf, type Environment } from "./environment";
import { stackView, type StackView } from "./stack";
import type { Props } from "./values";

export type Level = "mandatory" | "advisory";
export type Area = "database" | "cache" | "kubernetes" | "network" | "edge" | "backup" | "keys" | "audit" | "alarms" | "registry" | "workload" | "identity" | "observability" | "stack";

export interface RuleInfo {
    /** Stable id: config files and suppressions refer to it. */
    readonly name: string;
    /** What the rule requires, one sentence. */
    readonly description: string;
    /** Why it matters. */
    readonly explanation: string;
    /** How to fix a violation. */
    readonly remediation: string;
    readonly enforcementLevel: Level;
    readonly area: Area;
    /** Public rule ids this rule follows (Checkov, Trivy, cdk-nag, Pulumi compliance-policies); empty when it is ours. */
    readonly anchors: readonly string[];
    /** Every type token the rule reads; the guard test checks each exists in the installed SDKs. */
    readonly types: readonly string[];
}

export type RuleConfig = Readonly<Record<string, unknown>>;

export interface ResourceContext<C extends RuleConfig> {
    readonly type: string;
    readonly name: string;
    readonly urn: string;
    readonly protect: boolean;
    readonly environment: Environment;
    readonly config: C;
}

/** Returns one message per problem; empty when the resource complies. */
export type ResourceCheck<C extends RuleConfig> = (props: Props, ctx: ResourceContext<C>) => readonly string[];

export interface Finding {
    readonly message: string;
    /** The offending resource; absent when the stack as a whole is at fault. */
    readonly urn?: string;
}

export type StackCheck<C extends RuleConfig> = (stack: StackView, config: C) => readonly Finding[];

interface RuleSpec<C extends RuleConfig> extends RuleInfo {
    /** Config defaults, mirrored in `configSchema` so the CLI fills them in too. */
    readonly defaults: C;
    readonly configSchema?: PolicyConfigSchema;
}

export interface GuardResourcePolicy<C extends RuleConfig = RuleConfig> extends ResourceValidationPolicy {
    readonly info: RuleInfo;
    readonly defaults: C;
    // Method syntax: a rule with a specific config type still fits the pack's policy list.
    check(props: Props, ctx: ResourceContext<C>): readonly string[];
}

export interface GuardStackPolicy<C extends RuleConfig = RuleConfig> extends StackValidationPolicy {
    readonly info: RuleInfo;
    readonly defaults: C;
    check(stack: StackView, config: C): readonly Finding[];
}

export type GuardPolicy = GuardResourcePolicy | GuardStackPolicy;

function policyFields<C extends RuleConfig>(spec: RuleSpec<C>) {
    return {
        name: spec.name,
        description: spec.description,
        enforcementLevel: spec.enforcementLevel,
        remediationSteps: spec.remediation,
        tags: [spec.area, ...spec.anchors],
        ...(spec.configSchema ? { configSchema: spec.configSchema } : {}),
    };
}

function configOf<C extends RuleConfig>(defaults: C, getConfig: () => object): C {
    // The CLI already merged the schema defaults; merging again keeps direct callers
    // (tests, other engines) on the same values.
    return { ...defaults, ...getConfig() };
}

export function resourceRule<C extends RuleConfig>(spec: RuleSpec<C> & { readonly check: ResourceCheck<C> }): GuardResourcePolicy<C> {
    const { check, defaults } = spec;
    const info = ruleInfo(spec);
    return {
        ...policyFields(spec),
        info,
        defaults,
        check,
        validateResource: (args: ResourceValidationArgs, report: ReportViolation) => {
            if (!info.types.includes(args.type)) return;
            const config = configOf(defaults, () => args.getConfig<object>());
            const ctx: ResourceContext<C> = {
                type: args.type,
                name: args.name,
                urn: args.urn,
                protect: args.opts.protect,
                environment: environmentOf(args.props, args.provider?.props, config, args.urn),
                config,
            };
            for (const message of check(args.props, ctx)) report(message);
        },
    };
}

export function stackRule<C extends RuleConfig>(spec: RuleSpec<C> & { readonly check: StackCheck<C> }): GuardStackPolicy<C> {
    const { check, defaults } = spec;
    return {
        ...policyFields(spec),
        info: ruleInfo(spec),
        defaults,
        check,
        validateStack: (args: StackValidationArgs, report: ReportViolation) => {
            const config = configOf(defaults, () => args.getConfig<object>());
            const resources: readonly PolicyResource[] = args.resources;
            for (const finding of check(stackView(resources, config), config)) report(finding.message, finding.urn);
        },
    };
}

function ruleInfo(spec: RuleInfo): RuleInfo {
    return {
        name: spec.name,
        description: spec.description,
        explanation: spec.explanation,
        remediation: spec.remediation,
        enforcementLevel: spec.enforcementLevel,
        area: spec.area,
        anchors: spec.anchors,
        types: spec.types,
    };
}

export function isStackPolicy(p: GuardPolicy): p is GuardStackPolicy {
    return "validateStack" in p;
}

/** A `minimum`-style threshold in days, for configSchema. */
export function daysSchema(description: string, defaultDays: number, minimum = 1): PolicyConfigSchema["properties"][string] {
    return { type: "integer", minimum, default: defaultDays, description };
}

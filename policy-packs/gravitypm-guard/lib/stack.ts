/**
 * A plain view of the stack for stack rules: resources with URN links instead of object
 * graphs, the stack's environment, and lookups by type and by dependency. Built the same
 * way from the CLI's `PolicyResource`s and from the offline plan.
 */
import { asEnvironment, environmentOfUrn, ownTags, providerTags, type Environment } from "./environment";
import { known, type Props } from "./values";

export const STACK_TYPE = "pulumi:pulumi:Stack";

/** The parts of @pulumi/policy's PolicyResource the stack rules read. */
export interface PolicyResourceLike {
    readonly type: string;
    readonly urn: string;
    readonly name: string;
    readonly props: Props;
    readonly opts: { readonly protect: boolean };
    readonly parent?: { readonly urn: string };
    readonly dependencies: readonly { readonly urn: string }[];
    readonly propertyDependencies: Readonly<Record<string, readonly { readonly urn: string }[]>>;
    readonly provider?: { readonly type: string; readonly urn: string; readonly name: string; readonly props: Props };
}

export interface StackResource {
    readonly type: string;
    readonly urn: string;
    readonly name: string;
    readonly props: Props;
    readonly protect: boolean;
    readonly parent?: string;
    readonly dependencies: readonly string[];
    readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
    readonly provider?: { readonly type: string; readonly urn: string; readonly props: Props };
}

export interface StackView {
    readonly resources: readonly StackResource[];
    readonly environment: Environment;
    /** The stack resource's outputs (what the program exports). */
    readonly outputs: Props;
    byUrn(urn: string | undefined): StackResource | undefined;
    ofType(...types: readonly string[]): StackResource[];
    /** Resources that list `urn` among their dependencies. */
    dependentsOf(urn: string): StackResource[];
    /** Resources `r` depends on, directly or through its `property` when given. */
    dependenciesOf(r: StackResource, property?: string): StackResource[];
}

export function stackView(resources: readonly PolicyResourceLike[], config: { readonly environment?: unknown }): StackView {
    return makeStackView(
        resources.map((r) => ({
            type: r.type,
            urn: r.urn,
            name: r.name,
            props: r.props,
            protect: r.opts.protect,
            parent: r.parent?.urn,
            dependencies: r.dependencies.map((d) => d.urn),
            propertyDependencies: Object.fromEntries(Object.entries(r.propertyDependencies).map(([k, v]) => [k, v.map((d) => d.urn)])),
            provider: r.provider ? { type: r.provider.type, urn: r.provider.urn, props: r.provider.props } : undefined,
        })),
        config,
    );
}

export function makeStackView(resources: readonly StackResource[], config: { readonly environment?: unknown }): StackView {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const stack = resources.find((r) => r.type === STACK_TYPE);
    const outputs: Props = stack?.props ?? {};
    const dependents = new Map<string, StackResource[]>();
    for (const r of resources) {
        for (const d of r.dependencies) dependents.set(d, [...(dependents.get(d) ?? []), r]);
    }
    return {
        resources,
        environment: stackEnvironment(resources, outputs, config),
        outputs,
        byUrn: (urn) => (urn === undefined ? undefined : byUrn.get(urn)),
        ofType: (...types) => resources.filter((r) => types.includes(r.type)),
        dependentsOf: (urn) => dependents.get(urn) ?? [],
        dependenciesOf: (r, property) => {
            const urns = property === undefined ? r.dependencies : (r.propertyDependencies[property] ?? r.dependencies);
            return urns.map((u) => byUrn.get(u)).filter((d): d is StackResource => d !== undefined);
        },
    };
}

/** Policy config, then the stack's `environment` output, then the standard tag anywhere in
 * the stack (prod wins a disagreement), then the stack name, then prod. */
function stackEnvironment(resources: readonly StackResource[], outputs: Props, config: { readonly environment?: unknown }): Environment {
    const fromConfig = asEnvironment(config.environment);
    if (fromConfig) return fromConfig;
    const output = known(() => asEnvironment(outputs.environment));
    if (output.known && output.value) return output.value;
    const seen = new Set<Environment>();
    for (const r of resources) {
        const env = asEnvironment(ownTags(r.props).environment) ?? asEnvironment(providerTags(r.props).environment);
        if (env) seen.add(env);
    }
    if (seen.size > 0) return seen.has("prod") ? "prod" : "staging";
    return environmentOfUrn(resources[0]?.urn) ?? "prod";
}

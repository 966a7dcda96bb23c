/**
 * Which environment a resource belongs to, read from the standard `environment` tag the
 * program puts everywhere: AWS provider `defaultTags`, GCP provider `defaultLabels`, and
 * each resource's own `tags`/`labels` (Azure, Atlas). A rule's `environment` config
 * overrides the tag. Untagged resources (Atlas schedules, Cloudflare) fall back to the stack
 * name in their URN when it names an environment. With none of these the resource is judged
 * as prod: a policy that cannot tell should apply the stricter rules, not the looser ones.
 */
import type { PolicyConfigSchema } from "@pulumi/policy";
import { decoded, get, isRecord, known, list, record, type Props } from "./values";

export type Environment = "prod" | "staging";
export const ENVIRONMENTS: readonly Environment[] = ["prod", "staging"];

/** The standard tag keys every taggable resource carries (domain/tags.ts `standardTags`). */
export const STANDARD_TAG_KEYS = ["project", "stack", "environment", "owner", "cost-centre", "managed-by"] as const;

/** Config schema fragment for rules whose verdict depends on the environment. */
export const ENVIRONMENT_CONFIG: PolicyConfigSchema["properties"] = {
    environment: {
        type: "string",
        enum: ["prod", "staging"],
        description: "Overrides the environment read from the standard `environment` tag.",
    },
};

/** Tags in any of the shapes the providers use: a map, a JSON-encoded map, a list of
 * `{key, value}` (Atlas v3) or `key:value` strings (Cloudflare). */
export function tagMap(value: unknown): Record<string, string> {
    const v = decoded(value);
    const out: Record<string, string> = {};
    if (isRecord(v)) {
        for (const [k, val] of Object.entries(v)) if (typeof val === "string") out[k] = val;
    } else {
        for (const item of list(v)) {
            if (isRecord(item) && typeof item.key === "string" && typeof item.value === "string") out[item.key] = item.value;
            if (typeof item === "string" && item.includes(":")) out[item.slice(0, item.indexOf(":"))] = item.slice(item.indexOf(":") + 1);
        }
    }
    return out;
}

/** The resource's own tags or labels. Unknown values read as no tags. */
export function ownTags(props: Props): Record<string, string> {
    const read = known(() => ({ ...tagMap(props.labels), ...tagMap(props.tags) }));
    return read.known ? read.value : {};
}

/** Tags the provider adds to every resource it manages. */
export function providerTags(providerProps: Props | undefined): Record<string, string> {
    if (!providerProps) return {};
    const read = known(() => ({
        ...tagMap(get(record(providerProps.defaultTags), "tags")),
        ...tagMap(providerProps.defaultLabels),
    }));
    return read.known ? read.value : {};
}

export function asEnvironment(value: unknown): Environment | undefined {
    if (typeof value !== "string") return undefined;
    const v = value.toLowerCase();
    if (v === "prod" || v === "production") return "prod";
    if (v === "staging" || v === "stage") return "staging";
    return undefined;
}

/** The stack name of a URN (`urn:pulumi:<stack>::<project>::…`) when it names an environment. */
export function environmentOfUrn(urn: string | undefined): Environment | undefined {
    const stack = urn?.split("::")[0]?.split(":")[2];
    return asEnvironment(stack);
}

export function environmentOf(props: Props, providerProps: Props | undefined, config: { readonly environment?: unknown }, urn?: string): Environment {
    return (
        asEnvironment(config.environment) ??
        asEnvironment(ownTags(props).environment) ??
        asEnvironment(providerTags(providerProps).environment) ??
        environmentOfUrn(urn) ??
        "prod"
    );
}

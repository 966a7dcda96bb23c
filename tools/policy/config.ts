/**
 * Policy pack config (`--policy-pack-config` / `--config`) with the Pulumi CLI's semantics
 * (pkg/resource/analyzer/config.go): each key is a policy name (or `all`) mapped to an
 * enforcement level or to an object of properties with an optional `enforcementLevel`;
 * schema defaults are filled in first, then `all`, then each policy's entry; the result is
 * validated against each policy's `configSchema` as a JSON schema of type object.
 */
import Ajv from "ajv";
import type { PolicyConfigSchema } from "@pulumi/policy";

export const ENFORCEMENT_LEVELS = ["advisory", "mandatory", "remediate", "disabled"] as const;
export type EnforcementLevel = (typeof ENFORCEMENT_LEVELS)[number];

export interface PolicyConfigEntry {
    readonly enforcementLevel?: EnforcementLevel;
    readonly properties: Readonly<Record<string, unknown>>;
}

/** A policy as far as config is concerned. */
export interface ConfigurablePolicy {
    readonly name: string;
    readonly enforcementLevel?: EnforcementLevel;
    readonly configSchema?: PolicyConfigSchema;
}

export class PolicyConfigError extends Error {
    constructor(readonly problems: readonly string[]) {
        super(`Invalid policy pack config (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
        this.name = "PolicyConfigError";
    }
}

function isLevel(value: unknown): value is EnforcementLevel {
    return typeof value === "string" && (ENFORCEMENT_LEVELS as readonly string[]).includes(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Parses the file's content into entries; throws PolicyConfigError on a malformed entry. */
export function parsePolicyConfig(content: unknown): Map<string, PolicyConfigEntry> {
    if (content === undefined || content === null) return new Map();
    if (!isObject(content)) throw new PolicyConfigError(["the policy config must be a JSON object keyed by policy name"]);
    const problems: string[] = [];
    const result = new Map<string, PolicyConfigEntry>();
    for (const [name, value] of Object.entries(content)) {
        if (typeof value === "string") {
            if (isLevel(value)) result.set(name, { enforcementLevel: value, properties: {} });
            else problems.push(`${name}: "${value}" is not a valid enforcement level (${ENFORCEMENT_LEVELS.join(", ")})`);
        } else if (isObject(value)) {
            const { enforcementLevel, ...properties } = value;
            if (enforcementLevel !== undefined && !isLevel(enforcementLevel)) {
                problems.push(`${name}: enforcementLevel ${JSON.stringify(enforcementLevel)} is not one of ${ENFORCEMENT_LEVELS.join(", ")}`);
                continue;
            }
            result.set(name, { enforcementLevel, properties });
        } else {
            problems.push(`${name}: ${JSON.stringify(value)} is not a valid value; must be an enforcement level or an object`);
        }
    }
    if (problems.length > 0) throw new PolicyConfigError(problems);
    return result;
}

export interface ResolvedPolicyConfig {
    readonly entries: ReadonlyMap<string, PolicyConfigEntry>;
    /** Keys that name no policy of the pack: the CLI ignores them silently, we say so. */
    readonly warnings: readonly string[];
}

/** Defaults, then `all`, then per-policy entries; validated against each configSchema. */
export function resolvePolicyConfig(policies: readonly ConfigurablePolicy[], content: unknown): ResolvedPolicyConfig {
    const given = parsePolicyConfig(content);
    const entries = new Map<string, PolicyConfigEntry>();
    for (const p of policies) {
        const defaults: Record<string, unknown> = {};
        for (const [k, schema] of Object.entries(p.configSchema?.properties ?? {})) {
            if (typeof schema === "object" && schema.default !== undefined) defaults[k] = schema.default;
        }
        entries.set(p.name, { enforcementLevel: p.enforcementLevel, properties: defaults });
    }
    const all = given.get("all")?.enforcementLevel;
    if (all) for (const [name, e] of entries) entries.set(name, { ...e, enforcementLevel: all });
    const warnings: string[] = [];
    for (const [name, entry] of given) {
        if (name === "all") continue;
        const current = entries.get(name);
        if (!current) warnings.push(`policy config names "${name}", which is not a policy of this pack`);
        entries.set(name, {
            enforcementLevel: entry.enforcementLevel ?? current?.enforcementLevel,
            properties: { ...current?.properties, ...entry.properties },
        });
    }

    const ajv = new Ajv({ allErrors: true });
    const problems: string[] = [];
    for (const p of policies) {
        if (!p.configSchema) continue;
        const schema = { type: "object", properties: p.configSchema.properties, ...(p.configSchema.required?.length ? { required: p.configSchema.required } : {}) };
        const validate = ajv.compile(schema);
        if (!validate(entries.get(p.name)?.properties ?? {})) {
            for (const e of validate.errors ?? []) problems.push(`${p.name}: ${`${e.dataPath} ${e.message ?? "is invalid"}`.trim()}`);
        }
    }
    if (problems.length > 0) throw new PolicyConfigError(problems);
    return { entries, warnings };
}

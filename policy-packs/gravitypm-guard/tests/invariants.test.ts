/**
 * Layout invariants of the pack: a rule lives in rules/<area>/<id>.ts, every such file is
 * registered (the pack and the offline runner both serve `policies`), nothing is registered
 * that no file defines, and ids are unique. Rule ids are public (config files and
 * suppressions name them), so a file is found by its rule's id and vice versa.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { GuardPolicy } from "../lib/rule";
import { policies } from "../policies";
import { rules } from "../rules";

const RULES_DIR = path.resolve(__dirname, "../rules");

/** Every rule file under rules/ (relative, forward slashes), rules/index.ts excepted. */
function ruleFiles(dir = RULES_DIR): string[] {
    return fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? ruleFiles(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []))
        .filter((f) => f !== path.join(RULES_DIR, "index.ts"))
        .sort();
}

const relative = (file: string) => path.relative(RULES_DIR, file).split(path.sep).join("/");

function isGuardPolicy(value: unknown): value is GuardPolicy {
    return typeof value === "object" && value !== null && "info" in value && "name" in value && ("validateResource" in value || "validateStack" in value);
}

const files = ruleFiles();
/** The rules each file exports, filled in before the tests run. */
const exported = new Map<string, GuardPolicy[]>();

beforeAll(async () => {
    for (const file of files) {
        const mod: unknown = await import(file);
        const values = typeof mod === "object" && mod !== null ? Object.values(mod) : [];
        exported.set(relative(file), values.filter(isGuardPolicy));
    }
});

it("finds the rule files", () => {
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) expect(relative(file)).toMatch(/^[a-z]+\/[a-z0-9-]+\.ts$/);
});

describe.each(files.map((f) => [relative(f)] as const))("%s", (file) => {
    it("exports exactly one rule", () => {
        expect(exported.get(file)?.map((r) => r.name)).toHaveLength(1);
    });

    it("is named after its rule's id", () => {
        const [rule] = exported.get(file) ?? [];
        expect(rule?.name).toBe(path.posix.basename(file, ".ts"));
    });

    it("is registered in rules/index.ts and served by the pack", () => {
        const [rule] = exported.get(file) ?? [];
        expect(rule && rules.includes(rule)).toBe(true);
        expect(rule && policies.includes(rule)).toBe(true);
    });
});

it("registers only rules that a rule file defines", () => {
    const defined = new Set([...exported.values()].flat());
    expect(rules.filter((r) => !defined.has(r)).map((r) => r.name)).toEqual([]);
    expect(rules).toHaveLength(files.length);
});

it("registers each rule once", () => {
    expect(new Set(rules).size).toBe(rules.length);
});

it("gives every rule a unique id", () => {
    const seen = new Map<string, number>();
    for (const r of policies) seen.set(r.name, (seen.get(r.name) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1).map(([name]) => name)).toEqual([]);
});

it("keeps the id in the policy and in its info", () => {
    expect(policies.filter((p) => p.name !== p.info.name).map((p) => p.name)).toEqual([]);
});

/**
 * Every resource rule against a compliant and a violating resource (and a stricter config
 * where it has a threshold), twice: the pure predicate directly, and the policy object
 * through the offline evaluator (type-token matching, config defaults and validation,
 * environment detection), exactly as the runner and the CLI call it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { evaluatePlan } from "../../../tools/policy/evaluate";
import { isStackPolicy, type GuardResourcePolicy } from "../lib/rule";
import type { Props } from "../lib/values";
import { policies } from "../policies";
import { backupCases } from "./cases/backup";
import { cacheCases } from "./cases/cache";
import { databaseCases } from "./cases/database";
import { edgeCases } from "./cases/edge";
import { kubernetesCases } from "./cases/kubernetes";
import { networkCases } from "./cases/network";
import { registryCases } from "./cases/registry";
import { keyCases } from "./cases/keys";
import { alarmCases, auditCases } from "./cases/audit";
import { identityCases } from "./cases/identity";
import { observabilityCases } from "./cases/observability";
import { workloadCases } from "./cases/workload";
import type { RuleCase } from "./cases/types";
import { planOf } from "./support";

const cases: readonly RuleCase[] = [...databaseCases, ...cacheCases, ...kubernetesCases, ...workloadCases, ...registryCases, ...networkCases, ...edgeCases, ...backupCases, ...keyCases, ...auditCases, ...alarmCases, ...identityCases, ...observabilityCases];

async function run(rule: GuardResourcePolicy, type: string, props: Props, environment: "prod" | "staging", config?: Readonly<Record<string, unknown>>) {
    const plan = planOf([{ type, name: "subject", inputs: props }], environment);
    const report = await evaluatePlan(plan, { policies: [rule], config: config ? { [rule.name]: { ...config } } : undefined });
    return report.violations;
}

function direct(rule: GuardResourcePolicy, type: string, props: Props, environment: "prod" | "staging", config: Readonly<Record<string, unknown>> = {}) {
    return rule.check(props, { type, name: "subject", urn: "urn:subject", protect: false, environment, config: { ...rule.defaults, ...config } });
}

describe("every resource rule has cases", () => {
    const covered = new Set(cases.map((c) => c.rule.name));
    const resourceRules = policies.filter((p) => !isStackPolicy(p));
    it.each(resourceRules.map((p) => p.name))("%s", (name) => expect(covered.has(name)).toBe(true));
    it.each(resourceRules.filter((p) => p.configSchema && Object.keys(p.configSchema.properties).some((k) => k !== "environment")).map((p) => p.name))(
        "%s has a config-threshold case",
        (name) => expect(cases.find((c) => c.rule.name === name)?.stricter ?? cases.find((c) => c.rule.name === name)?.extra?.find((e) => e.config)).toBeDefined(),
    );
});

it("docs/policy-pack.md lists every rule", () => {
    const doc = fs.readFileSync(path.resolve(__dirname, "../../../docs/policy-pack.md"), "utf8");
    expect(policies.filter((p) => !doc.includes(`| \`${p.name}\` |`)).map((p) => p.name)).toEqual([]);
});

describe.each(cases.map((c) => [c.rule.name, c] as const))("%s", (_name, c) => {
    const type = c.type ?? c.rule.info.types[0];
    const env = c.environment ?? "prod";

    it("passes the compliant resource", async () => {
        expect(direct(c.rule, type, c.compliant, env)).toEqual([]);
        expect(await run(c.rule, type, c.compliant, env)).toEqual([]);
    });

    it("reports the violating resource at the rule's level", async () => {
        expect(direct(c.rule, type, c.violating, env).length).toBeGreaterThan(0);
        const violations = await run(c.rule, type, c.violating, env);
        expect(violations.length).toBeGreaterThan(0);
        for (const v of violations) {
            expect(v).toMatchObject({ policyName: c.rule.name, enforcementLevel: c.rule.info.enforcementLevel, resourceType: type });
            expect(v.urn).toContain("::subject");
        }
    });

    if (c.stricter) {
        const stricter = c.stricter;
        it("reads its threshold from config", async () => {
            expect(direct(c.rule, type, c.compliant, env, stricter).length).toBeGreaterThan(0);
            expect((await run(c.rule, type, c.compliant, env, stricter)).length).toBeGreaterThan(0);
        });
    }

    for (const e of c.extra ?? []) {
        it(`${e.violates ? "reports" : "passes"}: ${e.name}`, async () => {
            const violations = await run(c.rule, e.type ?? type, e.props, e.environment ?? env, e.config);
            expect(violations.length > 0).toBe(e.violates);
        });
    }

    it("ignores other resource types", async () => {
        expect(await run(c.rule, "aws:s3/bucket:Bucket", c.violating, env)).toEqual([]);
    });
});

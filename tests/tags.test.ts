/**
 * Every taggable resource of every plan carries the standard tags: through the provider's
 * default tags/labels where the cloud has them (AWS, GCP), explicitly on Azure.
 */
import { describe, expect, it } from "vitest";
import { CLOUDS } from "../domain/clouds";
import type { Plan, PlannedResource } from "../tools/plan/types";
import { byUrn, objectInput, plan } from "./support/plan";
import { TAG_FIELD_EXCEPTIONS, tagField } from "./support/taggable";

const STANDARD_KEYS = ["project", "stack", "environment", "owner", "cost-centre", "managed-by"];

function effectiveTags(p: Plan, r: PlannedResource): Record<string, unknown> {
    const own = objectInput(r.inputs[tagField(r.type) ?? "tags"]);
    const provider = byUrn(p, r.provider);
    if (r.type.startsWith("aws:")) {
        return { ...objectInput(objectInput(provider?.inputs.defaultTags).tags), ...own };
    }
    if (r.type.startsWith("gcp:") && !(r.type in TAG_FIELD_EXCEPTIONS)) return { ...objectInput(provider?.inputs.defaultLabels), ...own };
    return own;
}

describe.each(CLOUDS)("standard tags on %s", (cloud) => {
    it.each(["staging", "prod"])("are on every taggable resource of %s", async (stack) => {
        const p = await plan(stack, cloud);
        const taggable = p.resources.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:") && tagField(r.type));
        expect(taggable.length).toBeGreaterThan(0);
        const missing = taggable
            .map((r) => ({ r, tags: effectiveTags(p, r) }))
            .filter(({ tags }) => STANDARD_KEYS.some((k) => typeof tags[k] !== "string"))
            .map(({ r }) => `${r.type} ${r.name}`);
        expect(missing).toEqual([]);
        for (const r of taggable) {
            const tags = effectiveTags(p, r);
            expect(tags.environment).toBe(stack);
            expect(tags.stack).toBe(stack);
            if (cloud === "gcp") {
                for (const [k, v] of Object.entries(tags)) expect(`${k}=${String(v)}`).toBe(`${k}=${String(v)}`.toLowerCase());
            }
        }
    });
});

/**
 * Every Kubernetes object the program declares itself, in every stack's plan on every cloud,
 * validated against the Kubernetes OpenAPI schemas with kubernetes-models (a generated,
 * maintained models package), not a hand-written schema.
 *
 * kubernetes-models 4.5.1 is the last release that runs on Node 20; its schemas carry fields up
 * to Kubernetes 1.33 (e.g. `stopSignal`, but not 1.34's `hostnameOverride`). The clusters run
 * 1.34/1.35, which removed none of the stable APIs used here, so an object valid against 1.33
 * is valid there; a field newer than 1.33 would fail this test and need the newer models.
 *
 * Not validated: objects inside Helm releases (ingress-nginx, cluster-autoscaler, …), which
 * cannot be rendered offline; their chart versions are pinned in the catalogs instead.
 */
import { describe, expect, it } from "vitest";
import { CLOUDS } from "../domain/clouds";
import type { PlannedResource } from "../tools/plan/types";
import { plan } from "./support/plan";

/** Kubernetes types that are not API objects: the provider and Helm releases. */
const NOT_OBJECTS = new Set(["pulumi:providers:kubernetes", "kubernetes:helm.sh/v3:Release"]);

interface Model {
    validate(): void;
}
type ModelClass = new (data: Record<string, unknown>) => Model;

/** `kubernetes:apps/v1:Deployment` → the `Deployment` class of `kubernetes-models/apps/v1` (core: `kubernetes-models/v1`). */
async function modelFor(type: string): Promise<ModelClass> {
    const [, groupVersion, kind] = type.split(":");
    const [group, version] = groupVersion.split("/");
    const modulePath = group === "core" ? `kubernetes-models/${version}` : `kubernetes-models/${group}/${version}`;
    const module = (await import(modulePath)) as Record<string, ModelClass | undefined>;
    const model = module[kind];
    if (!model) throw new Error(`kubernetes-models has no ${kind} in ${modulePath}`);
    return model;
}

/** The object as the provider would send it: secret values are redacted in the plan, so a
 * redacted field is dropped (its presence is asserted by the component tests). */
function manifest(r: PlannedResource): Record<string, unknown> {
    const inputs: Record<string, unknown> = structuredClone(r.inputs) as Record<string, unknown>;
    for (const path of r.secretInputs) {
        const parts = path.split(".");
        let parent: Record<string, unknown> | undefined = inputs;
        for (const part of parts.slice(0, -1)) parent = parent?.[part] as Record<string, unknown> | undefined;
        if (parent && parent[parts[parts.length - 1]] === "[secret]") delete parent[parts[parts.length - 1]];
    }
    return inputs;
}

describe.each(CLOUDS)("Kubernetes objects in the %s plans", (cloud) => {
    it.each(["staging", "prod"])("%s: every object the program declares passes the Kubernetes schema", async (stack) => {
        const p = await plan(stack, cloud);
        const objects = p.resources.filter((r) => r.custom && r.type.startsWith("kubernetes:") && !NOT_OBJECTS.has(r.type));
        expect(objects.length).toBeGreaterThan(20);
        const failures: string[] = [];
        for (const r of objects) {
            const Model = await modelFor(r.type);
            try {
                new Model(manifest(r)).validate();
            } catch (e) {
                failures.push(`${r.name} (${r.type}): ${e instanceof Error ? e.message : String(e)}`);
            }
        }
        expect(failures).toEqual([]);
    });
});

describe("the validation itself", () => {
    it("rejects an object that breaks the schema", async () => {
        const Deployment = await modelFor("kubernetes:apps/v1:Deployment");
        expect(() => new Deployment({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "x" }, spec: { selector: {}, template: { spec: { containers: [{ image: "x" }] } } } }).validate()).toThrow(/name/);
        const Service = await modelFor("kubernetes:core/v1:Service");
        expect(() => new Service({ apiVersion: "v1", kind: "Service", metadata: { name: "x" }, spec: { ports: [{ port: "eighty" }] } }).validate()).toThrow();
    });
});

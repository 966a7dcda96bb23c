/**
 * Conventions the whole plan must keep, on every stack and cloud: a child's logical name is
 * its parent component's name plus a role (`${name}-<role>`), so renaming a component renames
 * its children with it (and needs one alias, not many); and nothing but components, providers
 * and the site's own container (an Azure resource group) sits directly under the stack.
 */
import { describe, expect, it } from "vitest";
import { CLOUDS } from "../domain/clouds";
import type { Plan, PlannedResource } from "../tools/plan/types";
import { plan } from "./support/plan";

const VARIANTS: Record<string, Record<string, string>> = {
    native: {},
    atlas: { databaseEngine: "atlas", atlasAzureServicePrincipalId: "00000000-0000-0000-0000-000000000000" },
};

function parentOf(p: Plan, r: PlannedResource): PlannedResource | undefined {
    return p.resources.find((x) => x.urn === r.parent);
}

describe.each(CLOUDS)("conventions on %s", (cloud) => {
    describe.each(["staging", "prod"])("%s", (stack) => {
        it.each(Object.keys(VARIANTS))("%s: every child is named after its parent component", async (variant) => {
            const p = await plan(stack, cloud, VARIANTS[variant]);
            const misnamed = p.resources
                .map((r) => ({ r, parent: parentOf(p, r) }))
                .filter(({ parent }) => parent !== undefined && parent.type !== "pulumi:pulumi:Stack")
                .filter(({ r, parent }) => !r.name.startsWith(`${parent!.name}-`))
                .map(({ r, parent }) => `${parent!.name} → ${r.name} (${r.type})`);
            expect(misnamed).toEqual([]);
            expect(p.resources.length).toBeGreaterThan(40);
        });

        it.each(Object.keys(VARIANTS))("%s: only components, providers and the site container sit under the stack", async (variant) => {
            const p = await plan(stack, cloud, VARIANTS[variant]);
            const topLevel = p.resources.filter((r) => parentOf(p, r)?.type === "pulumi:pulumi:Stack");
            const stray = topLevel.filter(
                (r) => !r.type.startsWith("gravitypm:") && !r.type.startsWith("pulumi:providers:") && r.type !== "azure-native:resources:ResourceGroup",
            );
            expect(stray.map((r) => `${r.type} ${r.name}`)).toEqual([]);
            expect(topLevel.some((r) => r.type.startsWith("gravitypm:components:"))).toBe(true);
        });
    });
});

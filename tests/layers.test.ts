/**
 * The dependency direction is held by a lint rule, not by discipline: these fixtures prove
 * the rule in eslint.config.mjs fails an import that points up a layer and lets the allowed
 * directions through, and that the project's own config applies it to every layer.
 */
import * as path from "node:path";
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..");

async function layerRules(): Promise<ESLint> {
    const { LAYER_RULES } = (await import(path.join(ROOT, "eslint.config.mjs"))) as { LAYER_RULES: NonNullable<ESLint.Options["overrideConfig"]> };
    return new ESLint({
        cwd: ROOT,
        overrideConfigFile: true,
        overrideConfig: [{ files: ["**/*.ts"], languageOptions: { parser: tseslint.parser } }, ...[LAYER_RULES].flat()],
    });
}

async function restricted(eslint: ESLint, file: string, specifier: string): Promise<string[]> {
    const [result] = await eslint.lintText(`import { x } from "${specifier}";\nexport const y = x;\n`, { filePath: path.join(ROOT, file) });
    return result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("layer boundaries", () => {
    const upward: [file: string, specifier: string][] = [
        ["domain/fixture.ts", "../tools/plan/engine"],
        ["domain/capabilities/fixture.ts", "../../config/parse"],
        ["domain/fixture.ts", "@pulumi/pulumi"],
        ["domain/fixture.ts", "@pulumi/aws/ec2"],
        ["stacks/fixture.ts", "../config/schema"],
        ["config/fixture.ts", "../components/aws"],
        ["components/contracts/fixture.ts", "../../config/parse"],
        ["components/aws/fixture.ts", "../../stacks/profiles"],
        ["components/aws/fixture.ts", "../../program/platform"],
        ["components/aws/fixture.ts", "@pulumi/gcp/redis"],
        ["components/gcp/fixture.ts", "@pulumi/azure-native/redis"],
        ["components/azure/fixture.ts", "@pulumi/aws/kms"],
        ["components/kubernetes/fixture.ts", "@pulumi/aws/eks"],
        ["components/kubernetes/fixture.ts", "../aws/cluster"],
        ["program/fixture.ts", "../tools/plan/engine"],
        ["policy-packs/gravitypm-guard/rules/stack/fixture.ts", "../../../../domain/clouds"],
        ["policy-packs/gravitypm-guard/lib/fixture.ts", "../../../tools/plan/types"],
    ];
    it.each(upward)("%s may not import %s", async (file, specifier) => {
        expect(await restricted(await layerRules(), file, specifier)).toHaveLength(1);
    });

    const allowed: [file: string, specifier: string][] = [
        ["domain/capabilities/fixture.ts", "../stack-config"],
        ["stacks/fixture.ts", "../domain/stack-config"],
        ["config/fixture.ts", "../stacks/profiles"],
        ["components/aws/fixture.ts", "../../domain/capabilities/cache"],
        ["components/aws/fixture.ts", "@pulumi/aws/kms"],
        ["components/kubernetes/fixture.ts", "../contracts/cluster"],
        ["components/kubernetes/fixture.ts", "@pulumi/kubernetes/apps/v1/deployment"],
        ["program/fixture.ts", "../config/load"],
        ["program/fixture.ts", "../components/aws"],
        ["tools/plan/fixture.ts", "../../program/cloud-loader"],
        ["tests/fixture.ts", "../tools/plan/engine"],
    ];
    it.each(allowed)("%s may import %s", async (file, specifier) => {
        expect(await restricted(await layerRules(), file, specifier)).toEqual([]);
    });

    it("is part of the project's own lint config for every layer", async () => {
        const eslint = new ESLint({ cwd: ROOT });
        for (const file of ["domain/clouds.ts", "stacks/profiles.ts", "config/parse.ts", "components/aws/network.ts", "program/platform.ts", "policy-packs/gravitypm-guard/lib/rule.ts"]) {
            const config = (await eslint.calculateConfigForFile(path.join(ROOT, file))) as { rules: Record<string, unknown> };
            expect(config.rules["no-restricted-imports"], file).toBeDefined();
        }
    });
});

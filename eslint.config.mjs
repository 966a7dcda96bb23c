import tseslint from "typescript-eslint";
import pulumi from "@pulumi/eslint-plugin";


// Dependencies point one way: domain ← stacks ← config ← components ← program; tools/ may
// import anything and nothing but tests imports tools/. Each layer lists what it must not
// reach. Relative specifiers are matched by folder name at any depth ("../../config/parse").
const layer = (...folders) => folders.flatMap((f) => [`**/${f}`, `**/${f}/**`]);
const restrict = (why, ...groups) => ({ "no-restricted-imports": ["error", { patterns: groups.map((group) => ({ group, message: why })) }] });
const otherClouds = { aws: ["@pulumi/gcp", "@pulumi/gcp/**", "@pulumi/azure-native", "@pulumi/azure-native/**"], gcp: ["@pulumi/aws", "@pulumi/aws/**", "@pulumi/azure-native", "@pulumi/azure-native/**"], azure: ["@pulumi/aws", "@pulumi/aws/**", "@pulumi/gcp", "@pulumi/gcp/**"] };
export const LAYER_RULES = [
    { files: ["domain/**/*.ts"], rules: restrict("domain/ is pure and SDK-free: it imports nothing above it and no cloud SDK", [...layer("stacks", "config", "components", "program", "tools"), "@pulumi/*"]) },
    { files: ["stacks/**/*.ts"], rules: restrict("stacks/ (the profiles) imports only domain/", layer("config", "components", "program", "tools")) },
    { files: ["config/**/*.ts"], rules: restrict("config/ imports only domain/ and stacks/", layer("components", "program", "tools")) },
    { files: ["components/**/*.ts"], rules: restrict("components never read config: the composition in program/ hands them what they need; tools/ is never imported", layer("stacks", "config", "program", "tools")) },
    ...Object.entries(otherClouds).map(([cloud, sdks]) => ({
        files: [`components/${cloud}/**/*.ts`],
        rules: restrict(`an implementation touches only its own cloud's SDK; components/${cloud}/ must not import another cloud's`, [...layer("stacks", "config", "program", "tools"), ...sdks]),
    })),
    {
        files: ["components/kubernetes/**/*.ts"],
        rules: restrict(
            "components/kubernetes/ is cloud-neutral: it speaks Kubernetes only, and reaches a cloud through the Cluster contract",
            [...layer("stacks", "config", "program", "tools", "aws", "gcp", "azure", "atlas"), "@pulumi/aws", "@pulumi/aws/**", "@pulumi/gcp", "@pulumi/gcp/**", "@pulumi/azure-native", "@pulumi/azure-native/**", "@pulumi/mongodbatlas", "@pulumi/mongodbatlas/**", "@pulumi/cloudflare", "@pulumi/cloudflare/**"],
        ),
    },
    { files: ["program/**/*.ts"], rules: restrict("program/ never imports tools/ (the plan engine, policy runner, compare, CLI)", layer("tools")) },
    // The pack is published on its own (`pulumi policy publish` ships only its folder).
    { files: ["policy-packs/gravitypm-guard/{index,policies}.ts", "policy-packs/gravitypm-guard/{lib,rules}/**/*.ts"], rules: restrict("the policy pack ships alone: it imports nothing outside its folder", layer("domain", "stacks", "config", "components", "program", "tools")) },
];

export default tseslint.config(
    { ignores: ["node_modules/**", "**/node_modules/**", "dist/**", "eslint.config.mjs", "scripts/*.mjs"] },
    ...tseslint.configs.recommended,
    {
        // The Pulumi rules need type information: an Output inside a template literal
        // prints "Calling [toString] on an [Output<T>]" instead of the value.
        languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
        plugins: { "@pulumi": pulumi },
        rules: {
            "@pulumi/no-output-in-template-literal": "error",
            "@pulumi/no-output-instance-in-template-literal": "error",
            "@typescript-eslint/no-explicit-any": "error",
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", varsIgnorePattern: "^_" }],
        },
    },
    ...LAYER_RULES,
    {
        // Plain CommonJS scripts that must run without a TypeScript loader (the bench floor).
        files: ["**/*.js"],
        ...tseslint.configs.disableTypeChecked,
        languageOptions: {
            ...tseslint.configs.disableTypeChecked.languageOptions,
            sourceType: "commonjs",
            globals: { require: "readonly", process: "readonly", console: "readonly" },
        },
        rules: {
            ...tseslint.configs.disableTypeChecked.rules,
            "@pulumi/no-output-in-template-literal": "off",
            "@pulumi/no-output-instance-in-template-literal": "off",
            "@typescript-eslint/no-require-imports": "off",
        },
    },
);

import { defineConfig } from "vitest/config";

export default defineConfig({
    test: {
        include: ["tests/**/*.test.ts", "policy-packs/**/*.test.ts"],
        // Each file runs in its own forked process: Pulumi's runtime state is global.
        pool: "forks",
        testTimeout: 60_000,
        hookTimeout: 60_000,
    },
});

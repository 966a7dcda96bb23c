/** The Pulumi CLI runs what Pulumi.yaml's `main` names: prove it resolves to the program. */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { main } from "../program/main";

const ROOT = path.resolve(__dirname, "..");

describe("the program entry", () => {
    const project = parse(fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8")) as { main: string };

    it("is a file Pulumi.yaml's main names, and package.json agrees", () => {
        expect(fs.existsSync(path.join(ROOT, project.main))).toBe(true);
        const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { main: string };
        expect(pkg.main).toBe(project.main);
    });

    it("exports the program function as the module itself (what the CLI calls)", async () => {
        const entry = (await import(path.join(ROOT, project.main))) as { default: unknown };
        expect(entry.default).toBe(main);
    });
});

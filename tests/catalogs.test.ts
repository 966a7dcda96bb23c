/**
 * Every catalog entry says where its value came from: a vendor URL that was read, or
 * "unverified" (never an invented URL), and the day it was read. Other tests check the
 * config and the plans against these entries.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { UNVERIFIED, type Sourced } from "../domain/catalogs/entry";

const CATALOG_DIR = path.resolve(__dirname, "../domain/catalogs");
/** The capability tables keep a few sourced facts of their own (service versions, window lengths). */
const CAPABILITY_DIR = path.resolve(__dirname, "../domain/capabilities");

function isSourced(value: unknown): value is Sourced<unknown> {
    return typeof value === "object" && value !== null && "value" in value && "source" in value && "checked" in value;
}

/** Every Sourced entry exported by a catalog module, at any depth of records and arrays. */
function entriesOf(exported: unknown, at: string, into: [string, Sourced<unknown>][]): void {
    if (isSourced(exported)) {
        into.push([at, exported]);
    } else if (typeof exported === "object" && exported !== null) {
        for (const [key, value] of Object.entries(exported)) entriesOf(value, `${at}.${key}`, into);
    }
}

describe("cloud catalogs", async () => {
    const files = fs.readdirSync(CATALOG_DIR).filter((f) => f.endsWith(".ts") && f !== "entry.ts");
    const entries: [string, Sourced<unknown>][] = [];
    const modules = [...files.map((f) => path.join(CATALOG_DIR, f)), ...fs.readdirSync(CAPABILITY_DIR).filter((f) => f.endsWith(".ts")).map((f) => path.join(CAPABILITY_DIR, f))];
    for (const file of modules) {
        const module = (await import(file)) as Record<string, unknown>;
        for (const [name, value] of Object.entries(module)) entriesOf(value, `${path.basename(file)}:${name}`, entries);
    }

    it("exist for every cloud", () => {
        expect(files.sort()).toEqual(expect.arrayContaining(["aws.ts", "azure.ts", "gcp.ts", "atlas.ts"]));
    });

    it.each(entries)("%s names its source and the day it was read", (_name, entry) => {
        expect(entry.source === UNVERIFIED || /^https:\/\/[^\s]+$/.test(entry.source), entry.source).toBe(true);
        expect(entry.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(entry.value).not.toBeUndefined();
    });
});

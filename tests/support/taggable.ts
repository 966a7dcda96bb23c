/**
 * Whether a resource type takes tags (labels on GCP), read from the installed SDK's type
 * definitions: the `<Class>Args` interface of the resource's module is the provider's schema.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const NODE_MODULES = path.resolve(__dirname, "..", "..", "node_modules");
const PACKAGES: Record<string, { dir: string; field: "tags" | "labels" }> = {
    aws: { dir: "@pulumi/aws", field: "tags" },
    gcp: { dir: "@pulumi/gcp", field: "labels" },
    "azure-native": { dir: "@pulumi/azure-native", field: "tags" },
    mongodbatlas: { dir: "@pulumi/mongodbatlas", field: "tags" },
    cloudflare: { dir: "@pulumi/cloudflare", field: "tags" },
    random: { dir: "@pulumi/random", field: "tags" },
};

export type TagField = "tags" | "labels" | "userLabels";

/** Types whose tag field is not the package's usual one: a notification channel's `labels`
 * are its settings (email_address, url); its tags are `userLabels`, which the provider's
 * default labels do not reach. */
export const TAG_FIELD_EXCEPTIONS: Readonly<Record<string, TagField>> = {
    "gcp:monitoring/notificationChannel:NotificationChannel": "userLabels",
};

const cache = new Map<string, TagField | undefined>();

/** The tag field of a type token, or undefined when it has none. */
export function tagField(token: string): TagField | undefined {
    if (token in TAG_FIELD_EXCEPTIONS) return TAG_FIELD_EXCEPTIONS[token];
    if (cache.has(token)) return cache.get(token);
    const [pkg, modulePath, className] = token.split(":");
    const info = PACKAGES[pkg];
    let field: TagField | undefined;
    if (info && modulePath && className) {
        const [mod, file] = modulePath.split("/");
        const fileName = (file ?? className.replace(/^./, (c) => c.toLowerCase())) + ".d.ts";
        const dir = path.join(NODE_MODULES, info.dir, mod === "index" ? "" : mod);
        // Some modules' file names are not the token's casing (`projects/iAMMember` is in
        // `iammember.d.ts`); a case-sensitive file system needs the real name.
        const actual = fs.existsSync(dir) ? fs.readdirSync(dir).find((f) => f.toLowerCase() === fileName.toLowerCase()) : undefined;
        const dts = path.join(dir, actual ?? fileName);
        if (!fs.existsSync(dts)) throw new Error(`no type definitions for ${token} at ${dts}`);
        const text = fs.readFileSync(dts, "utf8");
        const args = new RegExp(`export interface ${className}Args \\{([\\s\\S]*?)\\n\\}`).exec(text)?.[1] ?? "";
        field = new RegExp(`^\\s+${info.field}\\?:`, "m").test(args) ? info.field : undefined;
    }
    cache.set(token, field);
    return field;
}

/**
 * Reads `Pulumi.yaml` and `Pulumi.<stack>.yaml` the way the Pulumi CLI hands them to a
 * program: namespaced keys (an unnamespaced key belongs to the project), structured values
 * JSON-encoded, project defaults applied to unset keys. `secure:` values can only be
 * decrypted by the CLI, so offline they become a placeholder secret and a note.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";

export interface StackFileConfig {
    readonly project: string;
    /** Namespaced key → value as the CLI would pass it. */
    readonly config: Record<string, string>;
    readonly secretKeys: readonly string[];
    readonly notes: readonly string[];
}

export const SECRET_PLACEHOLDER = "offline-placeholder-secret";

export class StackFileError extends Error {}

function asConfigString(value: unknown): string {
    return typeof value === "string" ? value : JSON.stringify(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function readStackFiles(projectDir: string, stack: string): StackFileConfig {
    const projectFile = path.join(projectDir, "Pulumi.yaml");
    const project: unknown = parse(fs.readFileSync(projectFile, "utf8"));
    if (!isRecord(project) || typeof project.name !== "string") {
        throw new StackFileError(`${projectFile} has no project name`);
    }
    const projectName = project.name;
    const namespaced = (key: string) => (key.includes(":") ? key : `${projectName}:${key}`);

    const stackFile = path.join(projectDir, `Pulumi.${stack}.yaml`);
    if (!fs.existsSync(stackFile)) {
        const known = fs
            .readdirSync(projectDir)
            .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
            .filter((s): s is string => s !== undefined);
        throw new StackFileError(`no stack file ${path.basename(stackFile)}; known stacks: ${known.join(", ")}`);
    }
    const stackDoc: unknown = parse(fs.readFileSync(stackFile, "utf8")) ?? {};
    const stackConfig = isRecord(stackDoc) && isRecord(stackDoc.config) ? stackDoc.config : {};

    const config: Record<string, string> = {};
    const secretKeys: string[] = [];
    const notes: string[] = [];
    for (const [key, value] of Object.entries(stackConfig)) {
        const fullKey = namespaced(key);
        if (isRecord(value) && typeof value.secure === "string") {
            config[fullKey] = SECRET_PLACEHOLDER;
            secretKeys.push(fullKey);
            notes.push(`${fullKey} is encrypted in ${path.basename(stackFile)}; the offline plan uses a placeholder secret`);
        } else {
            config[fullKey] = asConfigString(value);
        }
    }

    const declared = isRecord(project.config) ? project.config : {};
    for (const [key, decl] of Object.entries(declared)) {
        const fullKey = namespaced(key);
        if (fullKey in config) continue;
        if (isRecord(decl) && "default" in decl) config[fullKey] = asConfigString(decl.default);
        else if (isRecord(decl) && "value" in decl) config[fullKey] = asConfigString(decl.value);
        else if (!isRecord(decl)) config[fullKey] = asConfigString(decl);
    }
    return { project: projectName, config, secretKeys, notes };
}

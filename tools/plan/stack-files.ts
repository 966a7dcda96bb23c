/**
 * Reads `Pulumi.yaml` and `Pulumi.<stack>.yaml` the way the Pulumi CLI hands them to a
 * program: namespaced keys (an unnamespaced key belongs to the project), structured values
 * JSON-encoded, project defaults applied to unset keys. `secure:` values can only be
 * decrypted by the CLI, so offline they become a placeholder secret and a note.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse, YAMLParseError } from "yaml";

export interface StackFileConfig {
    readonly project: string;
    /** Namespaced key → value as the CLI would pass it. */
    readonly config: Record<string, string>;
    readonly secretKeys: readonly string[];
    /** Namespaced keys the stack file itself sets (not the project defaults). */
    readonly stackKeys: readonly string[];
    readonly notes: readonly string[];
}

export const SECRET_PLACEHOLDER = "offline-placeholder-secret";

/** A stack or project file that cannot be read as Pulumi reads it: names the file (and the
 * line, for YAML syntax) and says what to do. */
export class StackFileError extends Error {
    constructor(
        readonly file: string,
        problem: string,
        readonly hint: string,
    ) {
        super(`${file}: ${problem}`);
        this.name = "StackFileError";
    }
}

/** The top-level keys Pulumi reads from a stack file. */
const STACK_FILE_KEYS = ["config", "secretsprovider", "encryptedkey", "encryptionsalt", "environment"];

function editDistance(a: string, b: string): number {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = current;
    }
    return previous[b.length];
}

/** The candidate closest to a misspelt word, when it is close enough to be a likely typo. */
export function closestWord(word: string, candidates: readonly string[]): string | undefined {
    const scored = candidates.map((c) => ({ c, d: editDistance(word.toLowerCase(), c.toLowerCase()) })).sort((x, y) => x.d - y.d);
    return scored[0] && scored[0].d <= Math.max(2, Math.floor(word.length / 3)) ? scored[0].c : undefined;
}

/** Parses a YAML file; a syntax error names the file, line and column, never a stack trace. */
function readYaml(file: string): unknown {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        throw new StackFileError(file, `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, "check that the file exists and is readable");
    }
    try {
        return parse(text);
    } catch (e) {
        if (!(e instanceof YAMLParseError)) throw e;
        const at = e.linePos?.[0];
        const [reason, ...excerpt] = e.message.split("\n");
        const problem = `${at ? `line ${at.line}, column ${at.col}: ` : ""}YAML syntax error: ${reason.replace(/ at line \d+, column \d+:?$/, "")}`;
        const shown = excerpt.filter((l) => l.trim() !== "");
        throw new StackFileError(file, shown.length ? `${problem}\n${shown.map((l) => `    ${l}`).join("\n")}` : problem, "fix the YAML at that line (indentation, a missing ':' or an unclosed bracket or quote)");
    }
}

function asConfigString(value: unknown): string {
    return typeof value === "string" ? value : JSON.stringify(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function readStackFiles(projectDir: string, stack: string): StackFileConfig {
    const projectFile = path.join(projectDir, "Pulumi.yaml");
    const project: unknown = readYaml(projectFile);
    if (!isRecord(project) || typeof project.name !== "string") {
        throw new StackFileError(projectFile, "has no project name", "give the project a top-level `name:`");
    }
    const projectName = project.name;
    const namespaced = (key: string) => (key.includes(":") ? key : `${projectName}:${key}`);

    const stackFile = path.join(projectDir, `Pulumi.${stack}.yaml`);
    if (!fs.existsSync(stackFile)) {
        const known = fs
            .readdirSync(projectDir)
            .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
            .filter((s): s is string => s !== undefined);
        throw new StackFileError(stackFile, "does not exist", `use one of the known stacks (${known.join(", ")}), or create the file with \`pulumi stack init ${stack}\``);
    }
    // An empty stack file is a stack with no config, as the CLI has it; anything else must be
    // the mapping Pulumi reads, or a misspelt `config:` would silently empty the stack.
    const stackDoc: unknown = readYaml(stackFile) ?? {};
    if (!isRecord(stackDoc)) {
        throw new StackFileError(stackFile, `the top level is a ${Array.isArray(stackDoc) ? "list" : typeof stackDoc}, not a mapping`, "start the file with `config:` and put the keys under it, indented");
    }
    for (const key of Object.keys(stackDoc)) {
        if (STACK_FILE_KEYS.includes(key)) continue;
        const near = closestWord(key, STACK_FILE_KEYS);
        throw new StackFileError(stackFile, `unknown top-level key "${key}"${near ? ` (did you mean "${near}"?)` : ""}`, `a stack file's top level holds only ${STACK_FILE_KEYS.join(", ")}; config keys go under \`config:\``);
    }
    if (stackDoc.config !== undefined && stackDoc.config !== null && !isRecord(stackDoc.config)) {
        throw new StackFileError(stackFile, "`config:` is not a mapping", "put each key under `config:` as `gravitypm:<key>: <value>`, indented");
    }
    const stackConfig = isRecord(stackDoc.config) ? stackDoc.config : {};

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
    return { project: projectName, config, secretKeys, stackKeys: Object.keys(stackConfig).map(namespaced), notes };
}

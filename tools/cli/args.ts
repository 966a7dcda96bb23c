/** Argument parsing shared by the commands (node's own parseArgs). */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { CLOUDS, type Cloud } from "../../domain/clouds";

export class UsageError extends Error {}

export function parseCommandArgs<T extends NonNullable<ParseArgsConfig["options"]>>(argv: string[], options: T, usage: string) {
    try {
        return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
    } catch (e) {
        throw new UsageError(`${(e as Error).message}\n${usage}`);
    }
}

export function parseCloud(value: string | undefined, usage: string): Cloud | undefined {
    if (value === undefined) return undefined;
    if (!(CLOUDS as readonly string[]).includes(value)) throw new UsageError(`--cloud must be one of ${CLOUDS.join(", ")}, got "${value}"\n${usage}`);
    return value as Cloud;
}

/** `--set key=value` pairs; the value may contain '='. */
export function parseSets(values: string[] | undefined, usage: string): Record<string, string> {
    const sets: Record<string, string> = {};
    for (const pair of values ?? []) {
        const eq = pair.indexOf("=");
        if (eq <= 0) throw new UsageError(`--set takes key=value, got "${pair}"\n${usage}`);
        sets[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    return sets;
}

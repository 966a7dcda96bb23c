/**
 * What every command shares: the commander set-up (help with examples and exit codes,
 * suggestions for misspelt flags), the exit codes, the one error type a command throws for
 * the user, and where output paths point.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Command, Option } from "commander";
import { CLOUDS } from "../../domain/clouds";

/** The exit codes every command documents in its --help. */
export const EXIT = { ok: 0, violations: 1, input: 2, missingTool: 3, usage: 64, internal: 70 } as const;

const EXIT_CODES_HELP = `
Exit codes:
  0   success
  1   mandatory policy violations (policy)
  2   invalid stack file, config, policy config, plan file or output path
  3   a required tool is missing (the Pulumi CLI for --engine pulumi)
  64  bad usage: unknown option, missing or invalid option value
  70  internal error (a bug): rerun with --debug and report the stack trace`;

/**
 * A failure the user can act on: what is wrong, the file, key or option it is about, and
 * what to do. Printed without a stack trace; `exitCode` is one of EXIT.
 */
export class CliError extends Error {
    constructor(
        message: string,
        readonly exitCode: number,
        readonly hint?: string,
    ) {
        super(message);
        this.name = "CliError";
    }
}

export class UsageError extends CliError {
    constructor(message: string, hint = "run with --help for the options and examples") {
        super(message, EXIT.usage, hint);
    }
}

export interface CommandHelp {
    /** `npm run <name>`; also the bundled `dist/tools/cli/<name>.js`. */
    readonly name: string;
    readonly description: string;
    readonly usage: string;
    /** [command line, what it does] */
    readonly examples: readonly (readonly [string, string])[];
}

/** The options every command takes; added after the command's own, so they list last. */
export function addSharedOptions(command: Command): Command {
    return command
        .option("--debug", "print the stack trace of an unexpected error")
        .option("--no-color", "no colours in help and messages (NO_COLOR is respected too)");
}

/** A commander command with the help layout and error behaviour every command shares. */
export function newCommand(help: CommandHelp): Command {
    const width = Math.max(...help.examples.map(([line]) => line.length));
    const examples = help.examples.map(([line, what]) => `  ${line.padEnd(width)}  # ${what}`).join("\n");
    return new Command(`npm run ${help.name} --`)
        .description(help.description)
        .usage(help.usage)
        .helpOption("-h, --help", "show this help and exit")
        .showSuggestionAfterError(true)
        .showHelpAfterError("(run with --help for the options and examples)")
        .allowExcessArguments(false)
        .exitOverride()
        .addHelpText("after", `\nExamples:\n${examples}\n${EXIT_CODES_HELP}\n\nDetails: docs/cli.md`);
}

export function cloudOption(flags = "--cloud <cloud>", description = "plan on this cloud instead of the stack's `cloud`"): Option {
    return new Option(flags, description).choices(CLOUDS);
}

/** `--set key=value`, repeatable; the value may contain '='. Another flag (compare's
 * `--variant`) takes config overrides the same way. */
export function setOption(flag = "--set", description = "override a config key (gravitypm: namespace implied); repeatable"): Option {
    return new Option(`${flag} <key=value>`, description).argParser(
        (pair: string, previous: Record<string, string> | undefined) => {
            const eq = pair.indexOf("=");
            if (eq <= 0) throw new UsageError(`${flag} takes key=value, got "${pair}"`);
            return { ...previous, [pair.slice(0, eq)]: pair.slice(eq + 1) };
        },
    );
}

/**
 * The directory the user ran the command from: `npm run` moves to the package root and
 * keeps the user's directory in INIT_CWD.
 */
export function userDir(): string {
    return process.env.INIT_CWD ?? process.cwd();
}

/** A path the user gave, resolved against the directory they ran the command from. */
export function userPath(file: string): string {
    return path.resolve(userDir(), file);
}

/** `-` means standard output. */
export const STDOUT = "-";

function cannotWrite(file: string, reason: string): CliError {
    return new CliError(`cannot write ${file}: ${reason}`, EXIT.input, "choose a path in an existing, writable directory, or `-` for standard output");
}

/** Fails before the work when an output path cannot be written, rather than after it. */
export function checkWritable(target: string | undefined): void {
    if (target === undefined || target === STDOUT) return;
    const file = userPath(target);
    const dir = path.dirname(file);
    if (!fs.existsSync(dir)) throw cannotWrite(file, `the directory ${dir} does not exist`);
    if (!fs.statSync(dir).isDirectory()) throw cannotWrite(file, `${dir} is not a directory`);
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) throw cannotWrite(file, "it is a directory");
    try {
        fs.accessSync(fs.existsSync(file) ? file : dir, fs.constants.W_OK);
    } catch {
        throw cannotWrite(file, `permission denied`);
    }
}

/** Writes to `target` (a path, or `-` for stdout); returns where it went, for a message. */
export function writeOutput(target: string, text: string): string | undefined {
    const body = text.endsWith("\n") ? text : `${text}\n`;
    if (target === STDOUT) {
        process.stdout.write(body);
        return undefined;
    }
    const file = userPath(target);
    try {
        fs.writeFileSync(file, body);
    } catch (e) {
        const err = e as NodeJS.ErrnoException;
        throw cannotWrite(file, err.code === "EACCES" || err.code === "EPERM" ? "permission denied" : (err.code ?? err.message));
    }
    return file;
}

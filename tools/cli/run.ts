/**
 * How every command ends: one error path. A failure the user can act on prints its message,
 * the file, key or option it is about and what to do, and exits with its documented code;
 * only an unexpected error (a bug) exits 70, and only `--debug` shows a stack trace.
 */
import { CommanderError, type Command, type OptionValues } from "commander";
import { ConfigError } from "../../config/errors";
import { PulumiCliMissingError, PulumiPreviewError } from "../compare/pulumi-engine";
import { keepStackTraces } from "../plan/engine";
import { StackFileError } from "../plan/stack-files";
import { PolicyConfigError } from "../policy/config";
import { PlanFileError } from "../policy/plan-file";
import { addSharedOptions, CliError, EXIT } from "./args";

function colorOn(argv: readonly string[]): boolean {
    return process.stderr.isTTY === true && !process.env.NO_COLOR && !argv.includes("--no-color");
}

function report(message: string, hint: string | undefined, argv: readonly string[]): void {
    const label = colorOn(argv) ? "\x1b[31merror:\x1b[0m" : "error:";
    process.stderr.write(`${label} ${message}\n${hint ? `  ${hint}\n` : ""}`);
}

interface Known {
    readonly code: number;
    readonly message: string;
    readonly hint?: string;
    /** Printed as it is, without the `error:` label. */
    readonly plain?: boolean;
}

/** The documented exit code and what to print for an error, or undefined for a bug. */
function classify(err: unknown): Known | undefined {
    if (err instanceof CliError) return { code: err.exitCode, message: err.message, hint: err.hint };
    // The config message already names every key, the value given and what is allowed; it is
    // printed alone, as the Pulumi CLI prints it.
    if (err instanceof ConfigError) return { code: EXIT.input, message: err.message, plain: true };
    if (err instanceof StackFileError) return { code: EXIT.input, message: err.message, hint: err.hint };
    if (err instanceof PolicyConfigError) return { code: EXIT.input, message: err.message, hint: "fix the policy config file (format in docs/policy-pack.md)" };
    if (err instanceof PlanFileError) return { code: EXIT.input, message: err.message, hint: "give a plan written by `npm run plan -- --json <file>`" };
    if (err instanceof PulumiCliMissingError) return { code: EXIT.missingTool, message: err.message };
    if (err instanceof PulumiPreviewError) {
        return { code: EXIT.input, message: err.message, hint: "the message says why: usually cloud credentials, a quota or a provider error; `npm run plan` shows the offline plan" };
    }
    return undefined;
}

/**
 * Parses argv with `command` (which must have exitOverride) and runs `body` with the parsed
 * options; sets the exit code. `body` returns its own code (policy's 1) or nothing for 0.
 */
export function runCommand<O extends OptionValues>(command: Command, body: (options: O) => Promise<number | void>, argv = process.argv.slice(2)): void {
    // commander colours its help from NO_COLOR, and the help is printed during the parse.
    if (argv.includes("--no-color")) process.env.NO_COLOR = "1";
    addSharedOptions(command);
    // A reader that stops early (`| head`) is not an error of this command.
    process.stdout.on("error", (err: NodeJS.ErrnoException) => {
        if (err.code === "EPIPE") process.exit(process.exitCode ?? EXIT.ok);
        throw err;
    });
    keepStackTraces(argv.includes("--debug"));
    const run = async (): Promise<number> => {
        try {
            command.parse(argv, { from: "user" });
        } catch (err) {
            // commander has printed its message (and the suggestion) already.
            if (err instanceof CommanderError) return err.code === "commander.helpDisplayed" || err.code === "commander.help" ? EXIT.ok : EXIT.usage;
            throw err;
        }
        return (await body(command.opts<O>())) ?? EXIT.ok;
    };
    run().then(
        (code) => {
            process.exitCode = code;
        },
        (err: unknown) => {
            const known = classify(err);
            if (known) {
                if (known.plain) process.stderr.write(`${known.message}\n`);
                else report(known.message, known.hint, argv);
                if (argv.includes("--debug") && err instanceof Error) process.stderr.write(`${err.stack ?? ""}\n`);
                process.exitCode = known.code;
                return;
            }
            const message = err instanceof Error ? err.message : String(err);
            if (argv.includes("--debug")) {
                process.stderr.write(`${err instanceof Error ? (err.stack ?? message) : message}\n`);
            } else {
                report(`unexpected: ${message}`, "this is a bug; rerun with --debug for the stack trace and report it", argv);
            }
            process.exitCode = EXIT.internal;
        },
    );
}

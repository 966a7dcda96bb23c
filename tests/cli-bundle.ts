/**
 * The commands as users run them: bundled by scripts/build.mjs into
 * a throwaway project directory with its own stack files, so a test can give the commands a
 * broken stack file without touching the repository's. The bundle finds its project by
 * walking up to Pulumi.yaml, as it does from dist/.
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "..");

export interface CliProject {
    readonly dir: string;
    /** Runs `node dist/tools/cli/<command>.js ...args` from `cwd` (default: a fresh temp dir). */
    run(command: "plan" | "policy" | "compare", args: readonly string[], options?: { cwd?: string; env?: NodeJS.ProcessEnv }): SpawnSyncReturns<string>;
}

export async function cliProject(stackFiles: Readonly<Record<string, string>> = {}): Promise<CliProject> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cli-project-"));
    execFileSync(process.execPath, [path.join(ROOT, "scripts/build.mjs"), "--outdir", path.join(dir, "dist")], { stdio: "pipe" });
    for (const linked of ["node_modules", "policy-packs"]) fs.symlinkSync(path.join(ROOT, linked), path.join(dir, linked), "junction");
    for (const file of ["Pulumi.yaml", "Pulumi.staging.yaml", "Pulumi.prod.yaml"]) fs.copyFileSync(path.join(ROOT, file), path.join(dir, file));
    for (const [stack, text] of Object.entries(stackFiles)) fs.writeFileSync(path.join(dir, `Pulumi.${stack}.yaml`), text);
    return {
        dir,
        run: (command, args, options = {}) => {
            const env = { ...process.env, ...options.env };
            // npm sets INIT_CWD for `npm test`; a command run by hand has none unless a test says so.
            if (!options.env || !("INIT_CWD" in options.env)) delete env.INIT_CWD;
            delete env.FORCE_COLOR;
            return spawnSync(process.execPath, [path.join(dir, "dist/tools/cli", `${command}.js`), ...args], {
                cwd: options.cwd ?? fs.mkdtempSync(path.join(os.tmpdir(), "cli-cwd-")),
                env,
                encoding: "utf8",
                maxBuffer: 64 * 1024 * 1024,
            });
        },
    };
}

/** What a Node or V8 stack trace looks like: it must never reach a user without --debug. */
export const STACK_TRACE = /^\s+at .+[(:]\d+/m;

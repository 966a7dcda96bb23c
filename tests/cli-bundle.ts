/**
 * The commands as users run them: bundled by esbuild (the options of scripts/build.mjs) into
 * a throwaway project directory with its own stack files, so a test can give the commands a
 * broken stack file without touching the repository's. The bundle finds its project by
 * walking up to Pulumi.yaml, as it does from dist/.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { build } from "esbuild";

export const ROOT = path.resolve(__dirname, "..");

export interface CliProject {
    readonly dir: string;
    /** Runs `node dist/tools/cli/<command>.js ...args` from `cwd` (default: a fresh temp dir). */
    run(command: "plan" | "policy" | "compare", args: readonly string[], options?: { cwd?: string; env?: NodeJS.ProcessEnv }): SpawnSyncReturns<string>;
}

export async function cliProject(stackFiles: Readonly<Record<string, string>> = {}): Promise<CliProject> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cli-project-"));
    await build({
        entryPoints: ["plan", "policy", "compare"].map((c) => path.join(ROOT, "tools/cli", `${c}.ts`)),
        outdir: path.join(dir, "dist"),
        outbase: ROOT,
        bundle: true,
        platform: "node",
        target: "node20",
        format: "cjs",
        packages: "external",
        logLevel: "warning",
    });
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

/**
 * `--engine pulumi`: real previews through the Automation API instead of the offline mock
 * engine. Each cloud is previewed as its own throwaway stack (`<stack>-compare-<cloud>`,
 * config copied from the stack file with `cloud` overridden), on the local backend unless
 * PULUMI_BACKEND_URL says otherwise, and the preview's resource events become a Plan that
 * the same comparison reads. Needs the Pulumi CLI and each cloud's credentials.
 *
 * The throwaway stacks leave nothing behind: they run in a temporary project directory
 * outside the repository (the project's files linked in, a copy of Pulumi.yaml), so their
 * `Pulumi.<stack>-compare-<cloud>.yaml` files never land in the repository, and each stack is
 * removed from the backend once its preview is done, whether or not it succeeded.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Cloud } from "../../domain/clouds";
import { parseStackConfig } from "../../config/parse";
import { PROJECT, type StackConfig } from "../../domain/stack-config";
import { resolveConfig } from "../plan/engine";
import { PROJECT_DIR } from "../project-dir";
import type { Plan, PlannedResource } from "../plan/types";

export class PulumiCliMissingError extends Error {}

/** A preview that ran and failed (credentials, quotas, provider errors): its output says why. */
export class PulumiPreviewError extends Error {}

export const INSTALL_HINT =
    "Install it with `curl -fsSL https://get.pulumi.com | sh` (or `brew install pulumi/tap/pulumi`), then `pulumi login --local`; or run without --engine to use the offline engine.";

/** The pulumi executable on PATH, if any. */
export function findPulumiCli(envPath = process.env.PATH ?? ""): string | undefined {
    for (const dir of envPath.split(path.delimiter).filter(Boolean)) {
        const candidate = path.join(dir, process.platform === "win32" ? "pulumi.exe" : "pulumi");
        if (fs.existsSync(candidate)) return candidate;
    }
    return undefined;
}

/** Minimal view of an engine event: the step's new (or old) state. */
export interface PreviewStepEvent {
    readonly resourcePreEvent?: {
        readonly metadata: {
            readonly op: string;
            readonly new?: PreviewState;
            readonly old?: PreviewState;
        };
    };
}
interface PreviewState {
    readonly type: string;
    readonly urn: string;
    readonly custom?: boolean;
    readonly parent: string;
    readonly protect?: boolean;
    readonly retainOnDelete?: boolean;
    readonly inputs: Record<string, unknown>;
    readonly provider: string;
}

/** Turns preview events into plan resources. Previews report no dependency lists, so the
 * deploy-time estimate from a real preview sees no chains beyond parents. */
export function planFromEvents(stack: string, cfg: StackConfig, events: readonly PreviewStepEvent[]): Plan {
    const resources: PlannedResource[] = [];
    for (const e of events) {
        const meta = e.resourcePreEvent?.metadata;
        const state = meta?.new ?? meta?.old;
        if (!meta || !state || meta.op === "delete") continue;
        resources.push({
            urn: state.urn,
            type: state.type,
            name: state.urn.split("::").pop() ?? state.urn,
            custom: state.custom ?? true,
            parent: state.parent || undefined,
            provider: state.provider ? state.provider.split("::").slice(0, -1).join("::") : undefined,
            protect: state.protect === true,
            retainOnDelete: state.retainOnDelete === true,
            dependencies: [],
            inputs: state.inputs ?? {},
            secretInputs: [],
            aliases: 0,
        });
    }
    return { stack, cloud: cfg.cloud, environment: cfg.environment, resources, outputs: {}, notes: ["from a real `pulumi preview`"] };
}

/** The project's files linked into a fresh temporary directory, with its own Pulumi.yaml
 * copy and none of the repository's stack files. */
export function temporaryProjectDir(projectDir = PROJECT_DIR): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gravitypm-compare-"));
    for (const entry of fs.readdirSync(projectDir, { withFileTypes: true })) {
        if (/^Pulumi(\..+)?\.yaml$/.test(entry.name) || entry.name === ".git") continue;
        fs.symlinkSync(path.join(projectDir, entry.name), path.join(dir, entry.name), entry.isDirectory() ? "junction" : "file");
    }
    fs.copyFileSync(path.join(projectDir, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
    return dir;
}

/** Reports what a preview is doing: minutes pass between its start and its end. */
export type PreviewProgress = (message: string) => void;

export async function previewWithPulumi(
    stack: string,
    cloud: Cloud,
    set: Readonly<Record<string, string>>,
    onProgress: PreviewProgress = () => undefined,
): Promise<{ plan: Plan; config: StackConfig }> {
    if (!findPulumiCli()) throw new PulumiCliMissingError(`The Pulumi CLI was not found on PATH. ${INSTALL_HINT}`);
    const resolved = resolveConfig({ stack, cloud, set });
    const raw = Object.fromEntries(
        Object.entries(resolved.config)
            .filter(([k]) => k.startsWith(`${PROJECT}:`))
            .map(([k, v]) => [k.slice(PROJECT.length + 1), v]),
    );
    const cfg = parseStackConfig(raw, stack);
    // Loaded only here: the Automation API is not needed by the offline commands. The bundle
    // keeps this a native import(), which cannot import a directory: hence the file path.
    const { LocalWorkspace } = await import("@pulumi/pulumi/automation/index.js");
    const envVars: Record<string, string> = {};
    if (!process.env.PULUMI_BACKEND_URL) {
        const backend = path.join(os.homedir(), ".pulumi-gravitypm-compare");
        fs.mkdirSync(backend, { recursive: true });
        envVars.PULUMI_BACKEND_URL = `file://${backend}`;
    }
    if (!process.env.PULUMI_CONFIG_PASSPHRASE && !process.env.PULUMI_CONFIG_PASSPHRASE_FILE) envVars.PULUMI_CONFIG_PASSPHRASE = "";
    const stackName = `${stack}-compare-${cloud}`;
    const workDir = temporaryProjectDir();
    try {
        onProgress(`${cloud}: creating the throwaway stack ${stackName}`);
        const compareStack = await LocalWorkspace.createOrSelectStack({ stackName, workDir }, { envVars });
        const events: PreviewStepEvent[] = [];
        let failure: unknown;
        try {
            // The throwaway stack is not named staging/prod, so its environment is stated; `secure:`
            // values cannot be copied between stacks and arrive as placeholders (a preview only).
            const config = { ...resolved.config, [`${PROJECT}:environment`]: cfg.environment };
            await compareStack.setAllConfig(Object.fromEntries(Object.entries(config).map(([k, v]) => [k, { value: v, secret: resolved.secretKeys.includes(k) }])));
            onProgress(`${cloud}: pulumi preview (takes minutes)`);
            await compareStack.preview({
                onEvent: (e) => {
                    events.push(e);
                    if (e.resourcePreEvent) onProgress(`${cloud}: pulumi preview, ${events.filter((x) => x.resourcePreEvent).length} resources so far`);
                },
            });
        } catch (e) {
            failure = new PulumiPreviewError(`pulumi preview of ${stackName} on ${cloud} failed:\n${(e as Error).message}`);
        }
        onProgress(`${cloud}: removing the throwaway stack ${stackName}`);
        try {
            await compareStack.workspace.removeStack(stackName);
        } catch (e) {
            failure ??= new PulumiPreviewError(`could not remove the throwaway stack ${stackName}: ${(e as Error).message}\nRemove it with \`pulumi stack rm ${stackName}\`.`);
        }
        if (failure) throw failure;
        return { plan: planFromEvents(stack, cfg, events), config: cfg };
    } finally {
        fs.rmSync(workDir, { recursive: true, force: true });
    }
}

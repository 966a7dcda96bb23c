/**
 * The offline plan engine: runs the real program for a stack under Pulumi's mock runtime
 * and captures every resource registration (type, name, URN, parent, provider,
 * dependencies, protect, inputs). Tests and the plan/compare/policy commands all read plans
 * from here, never mock internals.
 *
 * Mocks are installed before the program is loaded: with no mocks Pulumi silently fakes
 * URNs. Config is validated before the root stack resource exists, so a bad stack file
 * registers nothing.
 */
import * as pulumi from "@pulumi/pulumi";
import type { Cloud } from "../../domain/clouds";
import { deployPlatform } from "../../program/cloud-loader";
import { loadStackConfig } from "../../config/load";
import { CONFIG_KEYS, noEffectNotes, PROJECT, type StackConfig } from "../../domain/stack-config";
import { PlanMocks } from "./mocks";
import { PROJECT_DIR } from "../project-dir";
import { readStackFiles } from "./stack-files";
import type { Plan, PlannedResource } from "./types";


export interface PlanOptions {
    readonly stack: string;
    /** Shorthand for `set: { cloud }`. */
    readonly cloud?: Cloud;
    /** Config overrides, `key` (project namespace implied) or `ns:key` → value. */
    readonly set?: Readonly<Record<string, string>>;
    readonly projectDir?: string;
}

// Signatures of Pulumi's wire format (sdk/nodejs/runtime/rpc.ts).
const SPECIAL_SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
const OUTPUT_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
const ASSET_SIGS = new Set(["c44067f5952c0a294b673a41bacd8c17", "0def7320c3a5731c473e5ecbe6d01bc7"]);
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export const REDACTED = "[secret]";

/** Turns a serialized property value into plain data, redacting secrets and noting their paths. */
export function decodeWireValue(value: unknown, at: string, secrets: string[]): unknown {
    if (value === UNKNOWN) return "[unknown]";
    if (Array.isArray(value)) return value.map((v, i) => decodeWireValue(v, `${at}[${i}]`, secrets));
    if (typeof value !== "object" || value === null) return value;
    const obj = value as Record<string, unknown>;
    const sig = obj[SPECIAL_SIG_KEY];
    if (sig === SECRET_SIG) {
        secrets.push(at);
        return REDACTED;
    }
    if (sig === RESOURCE_SIG) return obj.urn;
    if (sig === OUTPUT_SIG) {
        if (obj.secret === true) {
            secrets.push(at);
            return REDACTED;
        }
        return "value" in obj ? decodeWireValue(obj.value, at, secrets) : "[unknown]";
    }
    if (typeof sig === "string" && ASSET_SIGS.has(sig)) return "[asset]";
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) out[k] = decodeWireValue(v, at ? `${at}.${k}` : k, secrets);
    return out;
}

interface RegisterRequest {
    getType(): string;
    getName(): string;
    getParent(): string;
    getCustom(): boolean;
    getProtect(): boolean | undefined;
    getRetainondelete(): boolean | undefined;
    getProvider(): string;
    getDependenciesList(): string[];
    getAliasesList(): unknown[];
    getObject(): { toJavaScript(): Record<string, unknown> } | undefined;
}
interface RegisterResponse {
    getUrn(): string;
}
type Callback = (err: Error | null, resp?: RegisterResponse) => void;
interface RegisterOutputsRequest {
    getUrn(): string;
    getOutputs(): { toJavaScript(): Record<string, unknown> } | undefined;
}
interface CapturingMonitor {
    registerResource(req: RegisterRequest, cb: Callback): void;
    registerResourceOutputs(req: RegisterOutputsRequest, cb: (err: Error | null, resp?: unknown) => void): void;
}

/**
 * Captures the root stack's outputs as the stack registers them: serialized with their
 * secret markers. (`runInPulumiStack` resolves them through `Output.promise()`, which drops
 * secretness, so its return value would show secrets in the clear.)
 */
function captureStackOutputs(monitor: CapturingMonitor): () => Record<string, unknown> | undefined {
    let outputs: Record<string, unknown> | undefined;
    const original = monitor.registerResourceOutputs.bind(monitor);
    monitor.registerResourceOutputs = (req, cb) => {
        if (req.getUrn().includes("::pulumi:pulumi:Stack::")) outputs = req.getOutputs()?.toJavaScript();
        original(req, cb);
    };
    return () => outputs;
}

function isCapturingMonitor(m: unknown): m is CapturingMonitor {
    return typeof m === "object" && m !== null && typeof (m as Partial<CapturingMonitor>).registerResource === "function";
}

/**
 * Records every registration into the plan, and tells the mocks about each provider (by the
 * URN later resources reference it with) before the program can use it.
 */
function captureRegistrations(monitor: CapturingMonitor, into: PlannedResource[], mocks: PlanMocks): void {
    const original = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, cb) =>
        original(req, (err, resp) => {
            if (!err && resp) {
                const secretInputs: string[] = [];
                const inputs = decodeWireValue(req.getObject()?.toJavaScript() ?? {}, "", secretInputs) as Record<string, unknown>;
                const provider = req.getProvider();
                mocks.registered(resp.getUrn(), req.getType(), inputs);
                into.push({
                    urn: resp.getUrn(),
                    type: req.getType(),
                    name: req.getName(),
                    custom: req.getCustom(),
                    parent: req.getParent() || undefined,
                    // A provider reference is "<urn>::<id>".
                    provider: provider ? provider.split("::").slice(0, -1).join("::") : undefined,
                    protect: req.getProtect() === true,
                    retainOnDelete: req.getRetainondelete() === true,
                    dependencies: req.getDependenciesList(),
                    inputs,
                    secretInputs,
                    aliases: req.getAliasesList().length,
                });
            }
            cb(err, resp);
        });
}

/** Captures every registration of the installed mock monitor from now on into `into`: for
 * harnesses that run one component instead of the program (tests/support/component.ts). */
export function captureResources(into: PlannedResource[], mocks: PlanMocks): void {
    const monitor: unknown = pulumi.runtime.getMonitor();
    if (!isCapturingMonitor(monitor)) throw new Error("the mock monitor is not installed; call pulumi.runtime.setMocks first");
    captureRegistrations(monitor, into, mocks);
}

/**
 * azure-native declares an alias for every API version of every resource type (60 on a
 * VNet) so that state written by older SDKs still matches. Offline there is no state to
 * match, and resolving them costs a third of an Azure plan's time, so the engine drops
 * exactly those SDK-generated aliases; aliases the program declares are kept and counted.
 */
const API_VERSION_ALIAS = /^azure-native:[a-z0-9]+\/v\d{8}(preview)?:/i;
function dropApiVersionAliases(args: pulumi.ResourceTransformationArgs): pulumi.ResourceTransformationResult {
    const aliases = args.opts.aliases;
    if (!aliases?.length || !args.type.startsWith("azure-native:")) return { props: args.props, opts: args.opts };
    const kept = aliases.filter((a) => !(typeof a === "object" && a !== null && "type" in a && typeof a.type === "string" && API_VERSION_ALIAS.test(a.type)));
    return { props: args.props, opts: { ...args.opts, aliases: kept } };
}

/** Resolves the config the CLI would hand the program: stack file, project defaults, overrides. */
export function resolveConfig(options: PlanOptions) {
    const files = readStackFiles(options.projectDir ?? PROJECT_DIR, options.stack);
    const config = { ...files.config };
    const overrides = { ...options.set, ...(options.cloud ? { cloud: options.cloud } : {}) };
    const setKeys = new Set(files.stackKeys);
    for (const [key, value] of Object.entries(overrides)) {
        const fullKey = key.includes(":") ? key : `${files.project}:${key}`;
        config[fullKey] = value;
        setKeys.add(fullKey);
    }
    // Every key the stack sets (stack file or override) that has no effect yet is announced.
    const unused = noEffectNotes(CONFIG_KEYS.filter((k) => setKeys.has(`${PROJECT}:${k}`)));
    return { ...files, config, notes: [...files.notes, ...unused] };
}

/**
 * Validates the stack config exactly as the program does, with no resource registered.
 * Throws the program's ConfigError on bad config.
 */
export async function prepare(options: PlanOptions): Promise<{ config: StackConfig; notes: readonly string[]; mocks: PlanMocks }> {
    const resolved = resolveConfig(options);
    const mocks = new PlanMocks();
    await pulumi.runtime.setMocks(mocks, resolved.project, options.stack, false);
    pulumi.runtime.setAllConfig(resolved.config, [...resolved.secretKeys]);
    return { config: loadStackConfig(), notes: resolved.notes, mocks };
}

export async function runPlan(options: PlanOptions): Promise<Plan> {
    return (await planStack(options)).plan;
}

/**
 * Pulumi's runtime captures and formats a stack trace for every promise it wraps
 * (`debuggablePromise`: an eager `new Error().stack`, kept to name leaked promises), thousands
 * per plan: about a sixth of a prod plan's wall time (Azure prod 2.65 s → 2.19 s, the plan
 * byte-identical). A plan has no use for them, so none are captured while the program runs;
 * `--debug` keeps them, for the stack trace of an unexpected error.
 */
let stackTraces = false;
export function keepStackTraces(keep: boolean): void {
    stackTraces = keep;
}

async function withoutStackTraces<T>(run: () => Promise<T>): Promise<T> {
    if (stackTraces) return run();
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
        return await run();
    } finally {
        Error.stackTraceLimit = limit;
    }
}

/** The plan together with the validated config it was made from. */
export async function planStack(options: PlanOptions): Promise<{ plan: Plan; config: StackConfig }> {
    const { config, notes, mocks } = await prepare(options);
    const resources: PlannedResource[] = [];
    const monitor: unknown = pulumi.runtime.getMonitor();
    if (!isCapturingMonitor(monitor)) throw new Error("the mock monitor is not installed; prepare() must run first");
    captureRegistrations(monitor, resources, mocks);
    const stackOutputs = captureStackOutputs(monitor);
    const outputs = await withoutStackTraces(async () => {
        const result = await pulumi.runtime.runInPulumiStack(() => {
            pulumi.runtime.registerStackTransformation(dropApiVersionAliases);
            return deployPlatform(config);
        });
        await pulumi.runtime.disconnect();
        return result;
    });
    const secretOutputs: string[] = [];
    const serializedOutputs = stackOutputs() ?? (await pulumi.runtime.serializeProperties("outputs", outputs ?? {}, { keepOutputValues: false }));
    const plan: Plan = {
        stack: options.stack,
        cloud: config.cloud,
        environment: config.environment,
        resources,
        outputs: decodeWireValue(serializedOutputs, "", secretOutputs) as Record<string, unknown>,
        notes: [...notes, ...secretOutputs.map((o) => `stack output ${o} is secret`)],
    };
    return { plan, config };
}

interface MockMonitorView {
    getRegisteredResources(): Map<string, unknown>;
}
function isMockMonitor(m: unknown): m is MockMonitorView {
    return typeof m === "object" && m !== null && typeof (m as Partial<MockMonitorView>).getRegisteredResources === "function";
}

/** URNs the current mock monitor has registered: how tests prove bad config created nothing. */
export function registeredUrns(): string[] {
    const monitor: unknown = pulumi.runtime.getMonitor();
    return isMockMonitor(monitor) ? [...monitor.getRegisteredResources().keys()] : [];
}

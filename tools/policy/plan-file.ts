/**
 * Reads a saved plan (`npm run plan -- --json <file>`, tools/plan/render.ts `planDocument`)
 * back into a Plan, so the policy runner can judge a plan produced elsewhere or edited by
 * hand (a test fixture, a what-if).
 */
import * as fs from "node:fs";
import { CLOUDS, type Cloud } from "../../domain/clouds";
import type { Plan, PlannedResource } from "../plan/types";

export class PlanFileError extends Error {
    constructor(file: string, problem: string) {
        super(`${file}: ${problem}`);
        this.name = "PlanFileError";
    }
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

/** Components and the stack have no `custom` flag in older plan files: they are the
 * `<package>:components:*` and `pulumi:pulumi:Stack` types. */
function inferCustom(type: string): boolean {
    return type !== "pulumi:pulumi:Stack" && type.split(":")[1] !== "components";
}

export function planFromDocument(doc: unknown, source = "plan"): Plan {
    if (!isObject(doc)) throw new PlanFileError(source, "is not a plan document (expected a JSON object)");
    const { stack, cloud, environment, resources } = doc;
    if (typeof stack !== "string") throw new PlanFileError(source, "has no `stack`");
    if (typeof cloud !== "string" || !(CLOUDS as readonly string[]).includes(cloud)) throw new PlanFileError(source, `has no valid \`cloud\` (${CLOUDS.join(", ")})`);
    if (!Array.isArray(resources)) throw new PlanFileError(source, "has no `resources` array");
    const parsed: PlannedResource[] = resources.map((r, i) => {
        if (!isObject(r) || typeof r.urn !== "string" || typeof r.type !== "string") {
            throw new PlanFileError(source, `resources[${i}] needs at least a string urn and type`);
        }
        return {
            urn: r.urn,
            type: r.type,
            name: typeof r.name === "string" ? r.name : r.urn.split("::").pop()!,
            custom: typeof r.custom === "boolean" ? r.custom : inferCustom(r.type),
            parent: typeof r.parent === "string" ? r.parent : undefined,
            provider: typeof r.provider === "string" ? r.provider : undefined,
            protect: r.protect === true,
            retainOnDelete: r.retainOnDelete === true,
            dependencies: strings(r.dependencies),
            inputs: isObject(r.inputs) ? r.inputs : {},
            secretInputs: strings(r.secretInputs),
            aliases: 0,
        };
    });
    return {
        stack,
        cloud: cloud as Cloud,
        environment: typeof environment === "string" ? environment : "",
        resources: parsed,
        outputs: isObject(doc.outputs) ? doc.outputs : {},
        notes: strings(doc.notes),
    };
}

export function readPlanFile(file: string): Plan {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        throw new PlanFileError(file, `cannot be read: ${(e as Error).message}`);
    }
    let doc: unknown;
    try {
        doc = JSON.parse(text);
    } catch (e) {
        throw new PlanFileError(file, `is not valid JSON: ${(e as Error).message}`);
    }
    return planFromDocument(doc, file);
}

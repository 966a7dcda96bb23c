/** The captured plan: what `pulumi preview` would register, with inputs as the engine saw them. */
import type { Cloud } from "../../domain/clouds";

export interface PlannedResource {
    readonly urn: string;
    /** Type token, e.g. `aws:ec2/vpc:Vpc` or `gravitypm:components:Network`. */
    readonly type: string;
    readonly name: string;
    /** False for component resources (and the stack): they have no cloud state of their own. */
    readonly custom: boolean;
    readonly parent?: string;
    /** URN of the explicit provider resource, when one was passed. */
    readonly provider?: string;
    readonly protect: boolean;
    readonly retainOnDelete: boolean;
    readonly dependencies: readonly string[];
    /** Inputs with every secret value replaced by "[secret]", resource references by URNs. */
    readonly inputs: Readonly<Record<string, unknown>>;
    /** Dotted paths of the inputs that were secret. */
    readonly secretInputs: readonly string[];
    readonly aliases: number;
}

export interface Plan {
    readonly stack: string;
    readonly cloud: Cloud;
    readonly environment: string;
    readonly resources: readonly PlannedResource[];
    /** Stack outputs, secrets redacted like inputs. */
    readonly outputs: Readonly<Record<string, unknown>>;
    /** Things the reader should know about this offline plan (placeholder secrets, …). */
    readonly notes: readonly string[];
}

/** Random provider mock outputs: stable per resource name, so plans are byte-identical. */
import { shortHash, type Inputs, type OutputFn } from "./common";

const OUTPUTS_BY_TYPE: Readonly<Record<string, OutputFn<unknown>>> = {
    "random:index/randomPassword:RandomPassword": (name, inputs) => ({
        result: `mock-${shortHash(name, Math.max(8, Math.min(Number(inputs.length ?? 32), 64)))}`,
        bcryptHash: "$2a$10$mock",
    }),
    "random:index/randomId:RandomId": (name) => ({ hex: shortHash(name, 8), b64Url: shortHash(name, 8) }),
    "random:index/randomString:RandomString": (name, inputs) => ({
        result: shortHash(name, Math.max(4, Math.min(Number(inputs.length ?? 8), 32))),
    }),
};

/** Random-specific outputs, merged over the inputs and the neutral id; undefined for a type with none. */
export function randomOutputs(type: string, name: string, inputs: Inputs, id: string): Inputs | undefined {
    return OUTPUTS_BY_TYPE[type]?.(name, inputs, id, undefined);
}

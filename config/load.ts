import * as pulumi from "@pulumi/pulumi";
import { PROJECT, type StackConfig } from "../domain/stack-config";
import { parseStackConfig } from "./parse";

/** Reads the stack config from the Pulumi runtime (the CLI or the offline engine). */
export function loadStackConfig(): StackConfig {
    const prefix = `${PROJECT}:`;
    const raw: Record<string, string> = {};
    for (const [key, value] of Object.entries(pulumi.runtime.allConfig())) {
        if (key.startsWith(prefix)) raw[key.slice(prefix.length)] = value;
    }
    return parseStackConfig(raw, pulumi.getStack());
}

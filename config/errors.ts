import * as pulumi from "@pulumi/pulumi";

export interface ConfigProblem {
    /** The full config key, e.g. `gravitypm:awsRegion`. */
    readonly key: string;
    /** The value given, or undefined when the key is unset. */
    readonly value: string | undefined;
    /** What is wrong and what is allowed. */
    readonly message: string;
}

/** Thrown for invalid stack config. A RunError makes the Pulumi CLI print the message alone,
 * without a stack trace, and it is raised before any resource is registered. */
export class ConfigError extends pulumi.RunError {
    constructor(
        readonly stackName: string,
        readonly problems: readonly ConfigProblem[],
    ) {
        super(formatProblems(stackName, problems));
        this.name = "ConfigError";
    }
}

function formatProblems(stack: string, problems: readonly ConfigProblem[]): string {
    const lines = problems.map((p) => `  - ${p.key} = ${p.value === undefined ? "(unset)" : JSON.stringify(p.value)}: ${p.message}`);
    return `Invalid config for stack "${stack}" (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n${lines.join("\n")}`;
}

/** Records a problem against a key (without the namespace); the parse collects them all. */
export type Report = (key: string, message: string) => void;

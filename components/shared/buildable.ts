/**
 * The one way a component refuses args its service cannot build: before any of its resources
 * exists, naming every problem at once, so a stack file is fixed in one round.
 */
import * as pulumi from "@pulumi/pulumi";

/** What is wrong, and with which arg or config key when there is one. */
export interface BuildProblem {
    readonly key?: string;
    readonly message: string;
}

/**
 * Throws a `pulumi.ResourceError` on `component` listing every problem after its title
 * (`Cache cache: cacheSize: …; cachePersistence: …`). Does nothing when there are none, so
 * checks that pass (`undefined`) can sit in the list beside those that fail.
 */
export function assertBuildable(component: pulumi.ComponentResource, title: string, problems: readonly (BuildProblem | undefined)[]): void {
    const found = problems.filter((p): p is BuildProblem => p !== undefined);
    if (found.length === 0) return;
    const text = found.map((p) => (p.key ? `${p.key}: ${p.message}` : p.message)).join("; ");
    throw new pulumi.ResourceError(`${title}: ${text}`, component);
}

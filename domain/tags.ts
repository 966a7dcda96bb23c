import { PROJECT, type Environment } from "./stack-config";

/** The standard tags: lowercase keys so the same map is valid as GCP labels. */
export function standardTags(stack: string, environment: Environment, owner: string, costCentre: string): Record<string, string> {
    return {
        project: PROJECT,
        stack,
        environment,
        owner: owner.toLowerCase(),
        "cost-centre": costCentre.toLowerCase(),
        "managed-by": "pulumi",
    };
}

/** Atlas clusters in prod refuse termination [—]. */
import { ENVIRONMENT_CONFIG } from "../../lib/environment";
import { resourceRule } from "../../lib/rule";
import { bool, shown, type Props } from "../../lib/values";
import { ATLAS_CLUSTER } from "./atlas-cluster-backup";

export function atlasTerminationProtectionProblems(props: Props, environment: string): string[] {
    if (environment !== "prod" || bool(props.terminationProtectionEnabled) === true) return [];
    return [`terminationProtectionEnabled is ${shown(props.terminationProtectionEnabled)} in prod`];
}

export const atlasClusterTerminationProtection = resourceRule({
    name: "atlas-cluster-termination-protection",
    description: "MongoDB Atlas clusters in prod have termination protection on.",
    explanation: "Termination protection stops the Atlas UI, API and other tools, not just Pulumi, from deleting the cluster.",
    remediation: "Set terminationProtectionEnabled: true for prod.",
    enforcementLevel: "advisory",
    area: "database",
    anchors: [],
    types: [ATLAS_CLUSTER],
    defaults: {},
    configSchema: { properties: { ...ENVIRONMENT_CONFIG } },
    check: (props, ctx) => atlasTerminationProtectionProblems(props, ctx.environment),
});

/** DocumentDB clusters in prod refuse deletion [—]. */
import { ENVIRONMENT_CONFIG } from "../../lib/environment";
import { resourceRule } from "../../lib/rule";
import { bool, shown, type Props } from "../../lib/values";
import { DOCDB_CLUSTER } from "./docdb-cluster-encrypted";

export function docdbDeletionProtectionProblems(props: Props, environment: string): string[] {
    if (environment !== "prod" || bool(props.deletionProtection) === true) return [];
    return [`deletionProtection is ${shown(props.deletionProtection)} in prod; a console click or API call can delete the cluster`];
}

export const docdbClusterDeletionProtection = resourceRule({
    name: "docdb-cluster-deletion-protection",
    description: "DocumentDB clusters in prod have deletion protection on.",
    explanation: "Pulumi's protect only guards against Pulumi; deletion protection also stops the console, the CLI and other tools.",
    remediation: "Set deletionProtection: true for prod (the Database component does when the stack is prod).",
    enforcementLevel: "advisory",
    area: "database",
    anchors: [],
    types: [DOCDB_CLUSTER],
    defaults: {},
    configSchema: { properties: { ...ENVIRONMENT_CONFIG } },
    check: (props, ctx) => docdbDeletionProtectionProblems(props, ctx.environment),
});

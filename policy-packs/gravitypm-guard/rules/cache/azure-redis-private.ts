/** Azure Cache for Redis has no public endpoint [CK_AZURE_89]. */
import { resourceRule } from "../../lib/rule";
import { sameText, shown, type Props } from "../../lib/values";
import { AZURE_REDIS } from "./azure-redis-tls";

export function azureRedisPrivateProblems(props: Props): string[] {
    // A VNet-injected cache (subnetId) has no public endpoint whatever the flag says.
    if (props.subnetId !== undefined) return [];
    return sameText(props.publicNetworkAccess, "Disabled") ? [] : [`publicNetworkAccess is ${shown(props.publicNetworkAccess)}; the cache would be reachable from the internet`];
}

export const azureRedisPrivate = resourceRule({
    name: "azure-redis-private",
    description: "Azure Cache for Redis disables public network access.",
    explanation: "The default is a public endpoint guarded only by the access key.",
    remediation: 'Set publicNetworkAccess: "Disabled" and reach the cache through a private endpoint.',
    enforcementLevel: "mandatory",
    area: "cache",
    anchors: ["CK_AZURE_89"],
    types: [AZURE_REDIS],
    defaults: {},
    check: (props) => azureRedisPrivateProblems(props),
});

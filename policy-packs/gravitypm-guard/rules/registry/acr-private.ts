/** Azure Container Registry has no public endpoint [CK_AZURE_139]. */
import { resourceRule } from "../../lib/rule";
import { sameText, shown, type Props } from "../../lib/values";
import { ACR_REGISTRY } from "./acr-admin-user-disabled";

export function acrPrivateProblems(props: Props): string[] {
    return sameText(props.publicNetworkAccess, "Disabled") ? [] : [`publicNetworkAccess is ${shown(props.publicNetworkAccess)}; the registry would be reachable from the internet`];
}

export const acrPrivate = resourceRule({
    name: "acr-private",
    description: "Azure Container Registries disable public network access.",
    explanation: "The default is a public endpoint guarded only by credentials; the clusters pull through a private endpoint instead.",
    remediation: 'Set publicNetworkAccess: "Disabled" (Premium SKU) and reach the registry through a private endpoint.',
    enforcementLevel: "mandatory",
    area: "registry",
    anchors: ["CK_AZURE_139"],
    types: [ACR_REGISTRY],
    defaults: {},
    check: (props) => acrPrivateProblems(props),
});

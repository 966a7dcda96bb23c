/** The AKS API is private or limited to authorized ranges [CK_AZURE_115, CK_AZURE_6]. */
import { isOpenSource } from "../../lib/network";
import { resourceRule } from "../../lib/rule";
import { bool, get, strings, type Props } from "../../lib/values";

export const AKS_CLUSTER = "azure-native:containerservice:ManagedCluster";
export const AKS_AGENT_POOL = "azure-native:containerservice:AgentPool";

export function aksApiAccessProblems(props: Props): string[] {
    if (bool(get(props, "apiServerAccessProfile.enablePrivateCluster")) === true) return [];
    const ranges = strings(get(props, "apiServerAccessProfile.authorizedIPRanges"));
    if (ranges.length === 0) return ["the API server is public with no authorizedIPRanges"];
    const open = ranges.filter(isOpenSource);
    return open.length === 0 ? [] : [`authorizedIPRanges includes ${open.join(", ")}`];
}

export const aksApiServerAccess = resourceRule({
    name: "aks-api-server-access",
    description: "AKS clusters are private or restrict the API server to authorized IP ranges.",
    explanation: "A public API server open to every address is exposed to every credential-stuffing bot.",
    remediation: "Set apiServerAccessProfile { enablePrivateCluster: true } or authorizedIPRanges with the operators' and CI's ranges.",
    enforcementLevel: "mandatory",
    area: "kubernetes",
    anchors: ["CK_AZURE_115", "CK_AZURE_6"],
    types: [AKS_CLUSTER],
    defaults: {},
    check: (props) => aksApiAccessProblems(props),
});

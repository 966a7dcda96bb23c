/** AKS enforces network policies [CK_AZURE_7, Pulumi compliance-policies]. */
import { resourceRule } from "../../lib/rule";
import { get, isSet, type Props } from "../../lib/values";
import { AKS_CLUSTER } from "./aks-api-server-access";

export function aksNetworkPolicyProblems(props: Props): string[] {
    const policy = get(props, "networkProfile.networkPolicy");
    return isSet(policy) && policy !== "none" ? [] : ["networkProfile.networkPolicy is unset; NetworkPolicy objects would be ignored"];
}

export const aksNetworkPolicy = resourceRule({
    name: "aks-network-policy",
    description: "AKS clusters enforce Kubernetes NetworkPolicy (Cilium, Azure or Calico).",
    explanation: "Without enforcement every pod can reach every other pod and the data tier's private endpoints.",
    remediation: 'Set networkProfile { networkPlugin: "azure", networkDataplane: "cilium", networkPolicy: "cilium" }.',
    enforcementLevel: "advisory",
    area: "kubernetes",
    anchors: ["CK_AZURE_7", "CP"],
    types: [AKS_CLUSTER],
    defaults: {},
    check: (props) => aksNetworkPolicyProblems(props),
});

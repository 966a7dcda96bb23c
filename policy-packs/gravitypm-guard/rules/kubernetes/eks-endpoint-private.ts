/** The EKS API is not open to the internet [CK_AWS_39, CK_AWS_38, Pulumi compliance-policies]. */
import { isOpenSource } from "../../lib/network";
import { resourceRule } from "../../lib/rule";
import { bool, get, strings, type Props } from "../../lib/values";
import { EKS_CLUSTER } from "./eks-secrets-encryption";

export function eksEndpointProblems(props: Props): string[] {
    // endpointPublicAccess defaults to true and publicAccessCidrs to 0.0.0.0/0.
    if (bool(get(props, "vpcConfig.endpointPublicAccess")) === false) return [];
    const cidrs = strings(get(props, "vpcConfig.publicAccessCidrs"));
    if (cidrs.length === 0) return ["the public API endpoint is open to 0.0.0.0/0 (publicAccessCidrs unset)"];
    const open = cidrs.filter(isOpenSource);
    return open.length === 0 ? [] : [`publicAccessCidrs includes ${open.join(", ")}`];
}

export const eksEndpointPrivate = resourceRule({
    name: "eks-endpoint-private",
    description: "EKS API endpoints are private, or public only to listed CIDRs (never 0.0.0.0/0).",
    explanation: "An internet-wide API server is one leaked kubeconfig or one auth bug away from the cluster.",
    remediation: "Set vpcConfig.endpointPublicAccess: false (with endpointPrivateAccess: true), or publicAccessCidrs to the operators' and CI's egress ranges.",
    enforcementLevel: "mandatory",
    area: "kubernetes",
    anchors: ["CK_AWS_39", "CK_AWS_38", "CP"],
    types: [EKS_CLUSTER],
    defaults: {},
    check: (props) => eksEndpointProblems(props),
});

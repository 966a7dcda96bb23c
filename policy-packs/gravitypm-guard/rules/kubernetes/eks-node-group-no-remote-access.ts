/** EKS node groups allow no SSH [CK_AWS_100]. */
import { resourceRule } from "../../lib/rule";
import { present, type Props } from "../../lib/values";
import { EKS_NODE_GROUP } from "./eks-secrets-encryption";

export function nodeGroupRemoteAccessProblems(props: Props): string[] {
    return present(props, "remoteAccess") ? ["remoteAccess is set; nodes accept SSH (from anywhere unless sourceSecurityGroupIds is set)"] : [];
}

export const eksNodeGroupNoRemoteAccess = resourceRule({
    name: "eks-node-group-no-remote-access",
    description: "EKS managed node groups do not enable SSH remote access.",
    explanation: "SSH to nodes bypasses Kubernetes RBAC and audit; SSM Session Manager covers break-glass access.",
    remediation: "Remove remoteAccess and use SSM Session Manager (AmazonSSMManagedInstanceCore on the node role).",
    enforcementLevel: "mandatory",
    area: "kubernetes",
    anchors: ["CK_AWS_100"],
    types: [EKS_NODE_GROUP],
    defaults: {},
    check: (props) => nodeGroupRemoteAccessProblems(props),
});

/** EKS envelope-encrypts Kubernetes secrets with the stack key [CK_AWS_58, Pulumi compliance-policies]. */
import { resourceRule } from "../../lib/rule";
import { get, present, strings, type Props } from "../../lib/values";

export const EKS_CLUSTER = "aws:eks/cluster:Cluster";
export const EKS_NODE_GROUP = "aws:eks/nodeGroup:NodeGroup";

export function eksSecretsEncryptionProblems(props: Props): string[] {
    const problems: string[] = [];
    if (!strings(get(props, "encryptionConfig.resources")).includes("secrets")) problems.push("encryptionConfig does not cover secrets; they sit in etcd with only EBS encryption");
    else if (!present(props, "encryptionConfig.provider.keyArn")) problems.push("encryptionConfig.provider.keyArn is unset");
    return problems;
}

export const eksSecretsEncryption = resourceRule({
    name: "eks-secrets-encryption",
    description: "EKS clusters envelope-encrypt Kubernetes secrets with a customer-managed KMS key.",
    explanation: "Database and cache credentials live in Kubernetes secrets; envelope encryption keeps an etcd snapshot from revealing them.",
    remediation: 'Set encryptionConfig: { resources: ["secrets"], provider: { keyArn: <stack key ARN> } }.',
    enforcementLevel: "mandatory",
    area: "kubernetes",
    anchors: ["CK_AWS_58", "CP"],
    types: [EKS_CLUSTER],
    defaults: {},
    check: (props) => eksSecretsEncryptionProblems(props),
});

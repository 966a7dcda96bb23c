/** ECR repositories encrypt images with the stack's KMS key [CK_AWS_136]. */
import { resourceRule } from "../../lib/rule";
import { get, present, records, shown, type Props } from "../../lib/values";

export const ECR_REPOSITORY = "aws:ecr/repository:Repository";
export const ECR_REPOSITORY_POLICY = "aws:ecr/repositoryPolicy:RepositoryPolicy";

/** KMS_DSSE (dual-layer) is KMS with a second layer; both take a customer-managed key. */
const KMS_TYPES = ["KMS", "KMS_DSSE"];

export function ecrKmsProblems(props: Props): string[] {
    const [config] = records(props.encryptionConfigurations);
    const type = get(config, "encryptionType");
    if (typeof type !== "string" || !KMS_TYPES.includes(type.toUpperCase())) {
        return [`encryptionConfigurations[0].encryptionType is ${shown(type)}; images would be encrypted with AES256 and an AWS-owned key`];
    }
    return present(config, "kmsKey") ? [] : [`encryptionType is ${type} but kmsKey is unset; ECR would use the AWS-managed aws/ecr key`];
}

export const ecrRepositoryKms = resourceRule({
    name: "ecr-repository-kms",
    description: "ECR repositories encrypt images with a customer-managed KMS key.",
    explanation: "The encryption of a repository is fixed at creation; with the stack key, revoking or auditing the key covers every image the clusters run.",
    remediation: 'Set encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: <stack key ARN> }] (replaces the repository).',
    enforcementLevel: "mandatory",
    area: "registry",
    anchors: ["CK_AWS_136"],
    types: [ECR_REPOSITORY],
    defaults: {},
    check: (props) => ecrKmsProblems(props),
});

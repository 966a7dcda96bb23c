/** AWS KMS key policies never grant `*` [CK_AWS_33]. */
import { policyStatements, principalsOf } from "../../lib/iam";
import { resourceRule } from "../../lib/rule";
import { get, str, type Props } from "../../lib/values";
import { AWS_KMS_KEY } from "./aws-kms-key-rotation";

export function keyPolicyWildcardProblems(props: Props): string[] {
    // No policy means the default key policy: the account root only.
    return policyStatements(props.policy)
        .filter((s) => str(get(s, "Effect")) === "Allow" && principalsOf(get(s, "Principal")).includes("*"))
        .map((s) => `statement ${str(get(s, "Sid")) ?? "(no Sid)"} allows principal "*"`);
}

export const awsKmsKeyNoWildcardPrincipal = resourceRule({
    name: "aws-kms-key-no-wildcard-principal",
    description: "AWS KMS key policies do not allow the principal *.",
    explanation: "A wildcard principal lets any AWS account that learns the key ARN use the key, conditions or not.",
    remediation: "Grant the account root (arn:aws:iam::<account>:root) and named service principals with aws:SourceAccount conditions instead.",
    enforcementLevel: "mandatory",
    area: "keys",
    anchors: ["CK_AWS_33"],
    types: [AWS_KMS_KEY],
    defaults: {},
    check: (props) => keyPolicyWildcardProblems(props),
});

/** AWS KMS key policies never grant `*` [CK_AWS_33]. */
import { resourceRule } from "../../lib/rule";
import { get, isRecord, list, record, str, strings, type Props } from "../../lib/values";
import { AWS_KMS_KEY } from "./aws-kms-key-rotation";

function principals(principal: unknown): string[] {
    if (typeof principal === "string") return [principal];
    if (!isRecord(principal)) return [];
    return Object.values(principal).flatMap((p) => strings(p));
}

export function keyPolicyWildcardProblems(props: Props): string[] {
    const policy = record(props.policy);
    // No policy means the default key policy: the account root only.
    if (!policy) return [];
    const statements = Array.isArray(get(policy, "Statement")) ? list(get(policy, "Statement")) : [get(policy, "Statement")];
    return statements
        .filter((s) => str(get(s, "Effect")) === "Allow" && principals(get(s, "Principal")).includes("*"))
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

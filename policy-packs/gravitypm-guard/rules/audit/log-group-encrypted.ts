/** CloudWatch log groups encrypt with the stack key [CK_AWS_158]. */
import { resourceRule } from "../../lib/rule";
import { present, type Props } from "../../lib/values";

export const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";

export function logGroupEncryptionProblems(props: Props): string[] {
    return present(props, "kmsKeyId") ? [] : ["kmsKeyId is unset; logs would be encrypted with a CloudWatch-owned key"];
}

export const logGroupEncrypted = resourceRule({
    name: "log-group-encrypted",
    description: "CloudWatch log groups encrypt with a customer-managed KMS key.",
    explanation: "Logs carry addresses, identifiers and sometimes data; the stack key keeps their access revocable and audited.",
    remediation: "Set kmsKeyId to the stack key's ARN (the key policy must allow logs.<region>.amazonaws.com).",
    enforcementLevel: "mandatory",
    area: "audit",
    anchors: ["CK_AWS_158"],
    types: [LOG_GROUP],
    defaults: {},
    check: (props) => logGroupEncryptionProblems(props),
});

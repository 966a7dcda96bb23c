/** CloudTrail encrypts logs with the stack key [CK_AWS_35]. */
import { resourceRule } from "../../lib/rule";
import { present, type Props } from "../../lib/values";
import { CLOUDTRAIL } from "./cloudtrail-trail-integrity";

export function trailEncryptionProblems(props: Props): string[] {
    return present(props, "kmsKeyId") ? [] : ["kmsKeyId is unset; log files would only have S3-managed encryption"];
}

export const cloudtrailTrailEncrypted = resourceRule({
    name: "cloudtrail-trail-encrypted",
    description: "CloudTrail trails encrypt log files with a customer-managed KMS key.",
    explanation: "SSE-KMS adds a second permission (kms:Decrypt) between a bucket reader and the audit trail.",
    remediation: "Set kmsKeyId to the stack key's ARN and allow cloudtrail.amazonaws.com to use it in the key policy.",
    enforcementLevel: "mandatory",
    area: "audit",
    anchors: ["CK_AWS_35"],
    types: [CLOUDTRAIL],
    defaults: {},
    check: (props) => trailEncryptionProblems(props),
});

/** Every S3 bucket encrypts by default with a customer-managed KMS key [CK_AWS_145, TV AWS-0132]. */
import { bucketCompanions, bucketLabel, S3_BUCKETS, S3_ENCRYPTION_CONFIGS } from "../../lib/s3";
import { stackRule, type Finding } from "../../lib/rule";
import type { StackView } from "../../lib/stack";
import { get, known, present, record, records, shown, str } from "../../lib/values";

/** What is wrong with one default-encryption rule; empty when it is SSE-KMS with a customer key. */
export function sseRuleProblems(rule: unknown): string[] {
    const sse = get(rule, "applyServerSideEncryptionByDefault");
    const algorithm = str(get(sse, "sseAlgorithm"));
    // aws:kms:dsse is two layers of KMS encryption: a customer key counts the same.
    if (algorithm !== "aws:kms" && algorithm !== "aws:kms:dsse") return [`sseAlgorithm is ${shown(algorithm)}; only aws:kms with a customer key keeps reads behind kms:Decrypt`];
    if (!present(sse, "kmsMasterKeyId")) return ["kmsMasterKeyId is unset; S3 would use the AWS-managed aws/s3 key"];
    // A key ARN unknown at preview comes from a key created in the same update: a customer key.
    const key = known(() => str(get(sse, "kmsMasterKeyId")));
    if (key.known && key.value !== undefined && /(^|:)alias\/aws\//.test(key.value)) return [`kmsMasterKeyId is ${key.value}, an AWS-managed key`];
    return [];
}

export function bucketEncryptionFindings(stack: StackView): Finding[] {
    return stack.ofType(...S3_BUCKETS).flatMap((bucket): Finding[] => {
        const configs = bucketCompanions(stack, bucket, S3_ENCRYPTION_CONFIGS);
        const inline = record(bucket.props.serverSideEncryptionConfiguration);
        // The separate resource wins over the deprecated inline block: both write the same setting.
        const rules = configs.length > 0 ? configs.flatMap((c) => records(c.props.rules)) : inline ? [inline.rule] : [];
        if (rules.length === 0) return [{ urn: bucket.urn, message: `${bucketLabel(bucket)} has no s3.BucketServerSideEncryptionConfiguration; objects get SSE-S3 with an AWS-owned key` }];
        const problems = rules.map(sseRuleProblems);
        if (problems.some((p) => p.length === 0)) return [];
        return [{ urn: bucket.urn, message: `${bucketLabel(bucket)}: ${problems[0].join("; ")}` }];
    });
}

export const s3BucketEncryptedCmk = stackRule({
    name: "s3-bucket-encrypted-cmk",
    description: "Every S3 bucket encrypts objects by default with SSE-KMS under a customer-managed key.",
    explanation: "With the stack key, reading the audit trail needs kms:Decrypt as well as s3:GetObject, and the key policy and its CloudTrail record say who can and who did.",
    remediation: 's3.BucketServerSideEncryptionConfiguration { bucket: bucket.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: keys.keyArn }, bucketKeyEnabled: true }] }.',
    enforcementLevel: "mandatory",
    area: "audit",
    anchors: ["CK_AWS_145", "TV AWS-0132"],
    types: [...S3_BUCKETS, ...S3_ENCRYPTION_CONFIGS],
    defaults: {},
    check: (stack) => bucketEncryptionFindings(stack),
});

/** Every S3 bucket blocks public access with all four settings [CK2_AWS_6, CK_AWS_53-56, TV AWS-0094]. */
import { bucketCompanions, bucketLabel, S3_ACCOUNT_PUBLIC_ACCESS_BLOCK, S3_BUCKETS, S3_PUBLIC_ACCESS_BLOCK } from "../../lib/s3";
import { stackRule, type Finding } from "../../lib/rule";
import type { StackResource, StackView } from "../../lib/stack";
import { bool } from "../../lib/values";

export const PUBLIC_ACCESS_FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;

/** The flags a block leaves off (unset is off: each defaults to false). */
export function flagsOff(block: StackResource): string[] {
    return PUBLIC_ACCESS_FLAGS.filter((f) => bool(block.props[f]) !== true);
}

export function publicAccessFindings(stack: StackView): Finding[] {
    // An account-wide block with all four flags covers every bucket of the account.
    if (stack.ofType(S3_ACCOUNT_PUBLIC_ACCESS_BLOCK).some((b) => flagsOff(b).length === 0)) return [];
    return stack.ofType(...S3_BUCKETS).flatMap((bucket): Finding[] => {
        const blocks = bucketCompanions(stack, bucket, [S3_PUBLIC_ACCESS_BLOCK]);
        if (blocks.length === 0) return [{ urn: bucket.urn, message: `${bucketLabel(bucket)} has no s3.BucketPublicAccessBlock` }];
        if (blocks.some((b) => flagsOff(b).length === 0)) return [];
        return [{ urn: bucket.urn, message: `${bucketLabel(bucket)}: BucketPublicAccessBlock ${blocks[0].name} leaves ${flagsOff(blocks[0]).join(", ")} off` }];
    });
}

export const s3BucketPublicAccessBlocked = stackRule({
    name: "s3-bucket-public-access-blocked",
    description: "Every S3 bucket has a public access block with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets all true (or the account has one).",
    explanation: "One bucket policy or ACL granting * publishes the audit trail (or whatever the bucket holds); the block overrides any such grant, now and later.",
    remediation: "Add s3.BucketPublicAccessBlock { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }.",
    enforcementLevel: "mandatory",
    area: "audit",
    anchors: ["CK2_AWS_6", "CK_AWS_53", "CK_AWS_54", "CK_AWS_55", "CK_AWS_56", "TV AWS-0094"],
    types: [...S3_BUCKETS, S3_PUBLIC_ACCESS_BLOCK, S3_ACCOUNT_PUBLIC_ACCESS_BLOCK],
    defaults: {},
    check: (stack) => publicAccessFindings(stack),
});

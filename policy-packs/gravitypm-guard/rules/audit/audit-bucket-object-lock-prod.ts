/** In prod, the bucket a CloudTrail trail writes to is write-once [CK_AWS_143]. */
import { ENVIRONMENT_CONFIG } from "../../lib/environment";
import { bucketCompanions, bucketLabel, namesBucket, S3_BUCKETS, S3_OBJECT_LOCK_CONFIGS } from "../../lib/s3";
import { stackRule, type Finding } from "../../lib/rule";
import type { StackResource, StackView } from "../../lib/stack";
import { bool, get, num, record, sameText, str } from "../../lib/values";
import { CLOUDTRAIL } from "./cloudtrail-trail-integrity";

/** Whether a default-retention block has a mode and a positive period. */
function defaultRetentionSet(retention: unknown): boolean {
    const mode = str(get(retention, "mode"));
    const period = (num(get(retention, "days")) ?? 0) + (num(get(retention, "years")) ?? 0);
    return (sameText(mode, "COMPLIANCE") || sameText(mode, "GOVERNANCE")) && period > 0;
}

export function objectLockProblems(stack: StackView, bucket: StackResource): string[] {
    const problems: string[] = [];
    // Object Lock is switched on when the bucket is created (objectLockEnabled: true) and
    // then needs a default retention, else only objects written with their own retention are locked.
    if (bool(bucket.props.objectLockEnabled) !== true) problems.push("objectLockEnabled is not true");
    const configs = bucketCompanions(stack, bucket, S3_OBJECT_LOCK_CONFIGS);
    const inline = get(record(bucket.props.objectLockConfiguration), "rule.defaultRetention");
    const retained =
        configs.some((c) => (str(c.props.objectLockEnabled) ?? "Enabled") === "Enabled" && defaultRetentionSet(get(record(c.props.rule), "defaultRetention"))) ||
        (inline !== undefined && defaultRetentionSet(inline));
    if (!retained) problems.push("no s3.BucketObjectLockConfiguration sets a default retention (mode and days or years)");
    return problems;
}

export function auditBucketLockFindings(stack: StackView): Finding[] {
    if (stack.environment !== "prod") return [];
    const buckets = stack.ofType(...S3_BUCKETS);
    const trails = stack.ofType(CLOUDTRAIL);
    // A trail writing to a bucket outside the plan (an organisation log archive) is judged where that bucket is declared.
    const trailBuckets = buckets.filter((b) => trails.some((t) => namesBucket(t, "s3BucketName", b)));
    return trailBuckets.flatMap((bucket): Finding[] => {
        const problems = objectLockProblems(stack, bucket);
        return problems.length === 0 ? [] : [{ urn: bucket.urn, message: `${bucketLabel(bucket)} holds a CloudTrail trail in prod but is not write-once: ${problems.join("; ")}` }];
    });
}

export const auditBucketObjectLockProd = stackRule({
    name: "audit-bucket-object-lock-prod",
    description: "In prod, the S3 bucket a CloudTrail trail delivers to has Object Lock enabled with a default retention.",
    explanation:
        "The bucket is AWS's only long-term copy of the account's API history (CloudTrail's own event history keeps 90 days); log file validation detects a deleted or edited file but cannot bring it back, and Object Lock refuses the delete, even for an administrator whose credentials were stolen. Mandatory because Object Lock must be on from the bucket's creation: adding it later means a new bucket.",
    remediation:
        's3.Bucket { objectLockEnabled: true } (versioning follows) and s3.BucketObjectLockConfiguration { bucket: bucket.id, rule: { defaultRetention: { mode: "COMPLIANCE", days: <auditLogRetentionDays> } } }; staging keeps an ordinary bucket so it can be destroyed.',
    enforcementLevel: "mandatory",
    area: "audit",
    anchors: ["CK_AWS_143"],
    types: [CLOUDTRAIL, ...S3_BUCKETS, ...S3_OBJECT_LOCK_CONFIGS],
    defaults: {},
    configSchema: { properties: { ...ENVIRONMENT_CONFIG } },
    check: (stack) => auditBucketLockFindings(stack),
});

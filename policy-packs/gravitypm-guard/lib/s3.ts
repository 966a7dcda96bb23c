/**
 * S3 buckets and the separate resources that configure them (aws 7.x: the public access
 * block, default encryption, Object Lock; the `…V2` tokens are the deprecated aliases of the
 * same resources and still register under their own tokens). A companion is matched to its
 * bucket by dependency (`bucket: b.id` or `b.bucket` carries one) or, when both are known,
 * by the bucket name it names.
 */
import type { StackResource, StackView } from "./stack";
import { known, str } from "./values";

export const S3_BUCKET = "aws:s3/bucket:Bucket";
export const S3_BUCKET_V2 = "aws:s3/bucketV2:BucketV2";
export const S3_BUCKETS = [S3_BUCKET, S3_BUCKET_V2];

export const S3_PUBLIC_ACCESS_BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
export const S3_ACCOUNT_PUBLIC_ACCESS_BLOCK = "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock";
export const S3_ENCRYPTION_CONFIGS = ["aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2"];
export const S3_OBJECT_LOCK_CONFIGS = ["aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration", "aws:s3/bucketObjectLockConfigurationV2:BucketObjectLockConfigurationV2"];

/** The bucket's name when the plan states it (unset for a generated name, unknown for a computed one). */
export function bucketName(bucket: StackResource): string | undefined {
    const read = known(() => str(bucket.props.bucket));
    return read.known ? read.value : undefined;
}

/** Whether `r`'s `property` names the bucket: by the bucket name, or by depending on the bucket. */
export function namesBucket(r: StackResource, property: string, bucket: StackResource): boolean {
    const name = bucketName(bucket);
    const value = known(() => str(r.props[property]));
    if (name !== undefined && value.known && value.value === name) return true;
    return r.dependencies.includes(bucket.urn);
}

/** The resources of `types` that configure `bucket`. */
export function bucketCompanions(stack: StackView, bucket: StackResource, types: readonly string[]): StackResource[] {
    return stack.ofType(...types).filter((r) => namesBucket(r, "bucket", bucket));
}

/** `S3 bucket <name>` for messages. */
export function bucketLabel(bucket: StackResource): string {
    return `S3 bucket ${bucket.name}`;
}

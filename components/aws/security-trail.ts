/**
 * The stack's CloudTrail trail and where it writes: an S3 bucket (the audit store of record,
 * signed digests beside the logs) and a CloudWatch log group (what the audit alarms watch).
 *
 * The trail is not an account singleton: each stack that wants its own record keeps one. Where
 * the organisation already runs an organisation trail into a log-archive account, that trail
 * records this account too and makes this one a second copy of the same management events,
 * billed as such (CLOUDTRAIL_PRICING); it is kept so the stack's audit store, key and alarms
 * do not depend on an account the stack cannot see.
 */
import { LogGroup } from "@pulumi/aws/cloudwatch/logGroup";
import { Trail } from "@pulumi/aws/cloudtrail/trail";
import { Role } from "@pulumi/aws/iam/role";
import { RolePolicy } from "@pulumi/aws/iam/rolePolicy";
import { Bucket } from "@pulumi/aws/s3/bucket";
import { BucketLifecycleConfiguration } from "@pulumi/aws/s3/bucketLifecycleConfiguration";
import { BucketObjectLockConfiguration } from "@pulumi/aws/s3/bucketObjectLockConfiguration";
import { BucketOwnershipControls } from "@pulumi/aws/s3/bucketOwnershipControls";
import { BucketPolicy } from "@pulumi/aws/s3/bucketPolicy";
import { BucketPublicAccessBlock } from "@pulumi/aws/s3/bucketPublicAccessBlock";
import { BucketServerSideEncryptionConfiguration } from "@pulumi/aws/s3/bucketServerSideEncryptionConfiguration";
import { BucketVersioning } from "@pulumi/aws/s3/bucketVersioning";
import * as pulumi from "@pulumi/pulumi";
import { AUDIT_OBJECT_LOCK_MODE, CLOUDTRAIL_BUCKET_POLICY, CLOUDTRAIL_LOGS_ROLE, cloudWatchRetentionAtLeast } from "../../domain/catalogs/aws";
import { fitName } from "../shared/naming";
import type { AwsKeys } from "./keys";
import type { AwsSite } from "./site";

/** S3 bucket names: 3-63 lowercase letters, digits, hyphens and dots; the account id keeps them globally unique. */
export function auditBucketName(namePrefix: string, accountId: string): string {
    return fitName(namePrefix, { max: 63, tail: `-audit-${accountId}`, invalid: { chars: /[^a-z0-9-]+/, replace: "hyphen" }, collapseHyphens: true, shrink: "end" });
}

/** The trail's ARN, known before it exists (its name is ours), so the bucket policy can name it. */
export function trailArn(region: string, accountId: string, trailName: string): string {
    return `arn:aws:cloudtrail:${region}:${accountId}:trail/${trailName}`;
}

/**
 * Only TLS, and only this trail: every request over plain HTTP is refused, whoever makes it;
 * CloudTrail may check the ACL and write under `AWSLogs/<account>/` with the ACL that hands the
 * object to the bucket owner, and only when the call comes from this account's trail
 * (`aws:SourceArn`, the confused-deputy guard). Readers come in through IAM and the key.
 */
export function auditBucketPolicy(bucketName: string, accountId: string, trail: string): string {
    const bucket = `arn:aws:s3:::${bucketName}`;
    const ct = CLOUDTRAIL_BUCKET_POLICY.value;
    const fromThisTrail = { StringEquals: { "aws:SourceArn": trail, "aws:SourceAccount": accountId } };
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "DenyPlainHttp",
                Effect: "Deny",
                Principal: "*",
                Action: "s3:*",
                Resource: [bucket, `${bucket}/*`],
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
            {
                Sid: "CloudTrailChecksAcl",
                Effect: "Allow",
                Principal: { Service: ct.principal },
                Action: ct.aclCheckAction,
                Resource: bucket,
                Condition: fromThisTrail,
            },
            {
                Sid: "CloudTrailWrites",
                Effect: "Allow",
                Principal: { Service: ct.principal },
                Action: ct.writeAction,
                Resource: `${bucket}/${ct.logPrefix.replace("<account>", accountId)}*`,
                Condition: { StringEquals: { ...ct.writeCondition, ...fromThisTrail.StringEquals } },
            },
        ],
    });
}

/**
 * Who may assume the delivery role: CloudTrail. No `aws:Source*` condition: the CloudTrail pages
 * read list those keys for the bucket and key policies, not for this role's trust, and a
 * condition CloudTrail does not send would stop delivery to the log group without an error.
 */
export function trailLogsAssumeRolePolicy(): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: CLOUDTRAIL_LOGS_ROLE.value.principal }, Action: "sts:AssumeRole" }],
    });
}

/** The delivery role writes streams of the trail's log group and nothing else. */
export function trailLogsRolePolicy(logGroupArn: string): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: [...CLOUDTRAIL_LOGS_ROLE.value.actions], Resource: `${logGroupArn}:log-stream:*` }],
    });
}

export interface AwsAuditTrailArgs {
    readonly site: AwsSite;
    readonly keys: AwsKeys;
    readonly accountId: pulumi.Output<string>;
    readonly retentionDays: number;
    readonly lock: boolean;
    readonly protect: boolean;
}

export interface AwsAuditTrail {
    readonly trail: Trail;
    readonly bucketName: pulumi.Output<string>;
    readonly logGroup: LogGroup;
    /** The trail's name, which names the audit alarms and their metrics. */
    readonly trailName: string;
}

/** The bucket, log group, delivery role and trail: children `<name>-bucket`, `-logs`, `-trail`, … */
export function awsAuditTrail(name: string, args: AwsAuditTrailArgs, opts: pulumi.CustomResourceOptions): AwsAuditTrail {
    const { site, keys, accountId } = args;
    const trailName = `${site.namePrefix}-audit`;
    const arnOfTrail = accountId.apply((account) => trailArn(site.region, account, trailName));
    const bucketName = accountId.apply((account) => auditBucketName(site.namePrefix, account));

    const bucket = new Bucket(
        `${name}-bucket`,
        {
            bucket: bucketName,
            // Object Lock can only be switched on when the bucket is created; prod (lock) only,
            // since locked objects outlive any `pulumi destroy`.
            objectLockEnabled: args.lock,
            // Staging empties and deletes its bucket on destroy; a locked or protected one never is.
            forceDestroy: !args.lock && !args.protect,
        },
        { ...opts, protect: args.protect },
    );
    const bucketChild = { ...opts, dependsOn: [bucket] };
    const publicAccess = new BucketPublicAccessBlock(
        `${name}-bucket-public-access`,
        { bucket: bucket.bucket, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
        bucketChild,
    );
    // ACLs off: every object, CloudTrail's included, belongs to the bucket owner.
    const ownership = new BucketOwnershipControls(`${name}-bucket-ownership`, { bucket: bucket.bucket, rule: { objectOwnership: "BucketOwnerEnforced" } }, bucketChild);
    const encryption = new BucketServerSideEncryptionConfiguration(
        `${name}-bucket-encryption`,
        {
            bucket: bucket.bucket,
            // The trail encrypts its own files with the key; the bucket default covers anything
            // else written here. The bucket key cuts the KMS calls (and their cost) per object.
            rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: keys.keyArn }, bucketKeyEnabled: true }],
        },
        bucketChild,
    );
    const versioning = new BucketVersioning(`${name}-bucket-versioning`, { bucket: bucket.bucket, versioningConfiguration: { status: "Enabled" } }, bucketChild);
    if (args.lock) {
        new BucketObjectLockConfiguration(
            `${name}-bucket-lock`,
            {
                bucket: bucket.bucket,
                objectLockEnabled: "Enabled",
                // COMPLIANCE, not GOVERNANCE: no principal, root included, can shorten a log
                // file's retention or delete it early, so a stolen admin credential cannot
                // erase its own tracks (GOVERNANCE yields to s3:BypassGovernanceRetention).
                rule: { defaultRetention: { mode: AUDIT_OBJECT_LOCK_MODE.value, days: args.retentionDays } },
            },
            { ...opts, dependsOn: [versioning] },
        );
    }
    new BucketLifecycleConfiguration(
        `${name}-bucket-lifecycle`,
        {
            bucket: bucket.bucket,
            rules: [
                {
                    id: "expire-audit-logs",
                    status: "Enabled",
                    filter: {},
                    // Files become noncurrent after the retention and go a day later; under
                    // Object Lock their retention (the same number of days) has run out by then.
                    expiration: { days: args.retentionDays },
                    noncurrentVersionExpiration: { noncurrentDays: 1 },
                    abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
                },
            ],
        },
        { ...opts, dependsOn: [versioning] },
    );
    const bucketPolicy = new BucketPolicy(
        `${name}-bucket-policy`,
        { bucket: bucket.bucket, policy: pulumi.all([bucketName, accountId, arnOfTrail]).apply(([b, account, t]) => auditBucketPolicy(b, account, t)) },
        // The public access block first: a policy put before it is judged without it.
        { ...opts, dependsOn: [bucket, publicAccess, ownership] },
    );

    const logGroup = new LogGroup(
        `${name}-logs`,
        {
            name: `/${site.namePrefix}/audit/cloudtrail`,
            // CloudWatch accepts only certain periods: the shortest that keeps at least the
            // configured days. The bucket keeps exactly the configured days.
            retentionInDays: cloudWatchRetentionAtLeast(args.retentionDays),
            kmsKeyId: keys.keyArn,
            deletionProtectionEnabled: args.protect,
        },
        { ...opts, protect: args.protect },
    );
    const role = new Role(`${name}-logs-role`, { assumeRolePolicy: trailLogsAssumeRolePolicy() }, opts);
    const rolePolicy = new RolePolicy(`${name}-logs-policy`, { role: role.id, policy: logGroup.arn.apply(trailLogsRolePolicy) }, opts);

    const trail = new Trail(
        `${name}-trail`,
        {
            name: trailName,
            s3BucketName: bucket.bucket,
            kmsKeyId: keys.keyArn,
            isMultiRegionTrail: true,
            includeGlobalServiceEvents: true,
            enableLogFileValidation: true,
            cloudWatchLogsGroupArn: pulumi.interpolate`${logGroup.arn}:*`,
            cloudWatchLogsRoleArn: role.arn,
            // Every management event, read and write: KMS Decrypt calls are management events,
            // so each read of a log file (it needs the key) is itself recorded, with its caller.
            // No S3 data events, not even for this bucket: CloudTrail's own deliveries would be
            // data events delivered in the next file, a loop billed at $0.10 per 100,000; reads
            // show up as Decrypt calls, deletes are refused by Object Lock in prod, and
            // GuardDuty's S3 protection watches the bucket's data events where it runs.
            eventSelectors: [{ readWriteType: "All", includeManagementEvents: true }],
        },
        // CloudTrail checks the bucket policy, the key and the role when the trail is created.
        { ...opts, protect: args.protect, dependsOn: [bucketPolicy, encryption, rolePolicy] },
    );
    return { trail, bucketName: bucket.bucket, logGroup, trailName };
}

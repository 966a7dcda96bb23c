import { getCallerIdentityOutput } from "@pulumi/aws/getCallerIdentity";
import { Alias } from "@pulumi/aws/kms/alias";
import { Key } from "@pulumi/aws/kms/key";
import * as pulumi from "@pulumi/pulumi";
import { AWS_KEY_SERVICE_PRINCIPALS, awsRegionalPrincipal, CLOUDTRAIL_KEY_USE } from "../../domain/catalogs/aws";
import { KEYS_TYPE, type Keys, type KeysArgs } from "../contracts/keys";
import type { AwsSite } from "./site";

/** AWS KMS allows rotation every 90 to 2560 days. */
export const AWS_MIN_ROTATION_DAYS = 90;
export const AWS_MAX_ROTATION_DAYS = 2560;

/**
 * The key policy: the account administers the key through IAM (no `*` principal), and the
 * AWS services that encrypt with it on our behalf use it: CloudWatch Logs for this account's
 * log groups in this region; CloudWatch alarms of this account publishing to the encrypted SNS
 * topic; EventBridge rules publishing there. EventBridge gets its own statement with no
 * `aws:Source*` condition, because those keys are not supported for EventBridge delivery in a
 * key policy and a conditioned statement would drop every event silently. CloudTrail encrypts
 * the trail's log and digest files: data keys only for this account's trails (the encryption
 * context CloudTrail sends names the trail; `aws:SourceArn` narrows the caller to a trail of
 * this account in this region, since a trail's bucket and key share its home region), and
 * DescribeKey, which it calls when the trail is created or updated.
 */
export function awsKeyPolicy(accountId: string, region: string): string {
    const account = `arn:aws:iam::${accountId}:root`;
    const trail = CLOUDTRAIL_KEY_USE.value;
    const trails = `arn:aws:cloudtrail:${region}:${accountId}:trail/*`;
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "AccountAdministersThroughIam",
                Effect: "Allow",
                Principal: { AWS: account },
                Action: "kms:*",
                Resource: "*",
            },
            {
                Sid: "CloudWatchLogsEncrypt",
                Effect: "Allow",
                Principal: { Service: awsRegionalPrincipal(AWS_KEY_SERVICE_PRINCIPALS.logs.value, region) },
                Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
                Resource: "*",
                Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:${region}:${accountId}:*` } },
            },
            {
                Sid: "CloudWatchAlarmsPublishToEncryptedTopics",
                Effect: "Allow",
                Principal: { Service: AWS_KEY_SERVICE_PRINCIPALS.cloudwatch.value },
                Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
                Resource: "*",
                Condition: {
                    StringEquals: { "aws:SourceAccount": accountId },
                    ArnLike: { "aws:SourceArn": `arn:aws:cloudwatch:${region}:${accountId}:alarm:*` },
                },
            },
            {
                Sid: "EventBridgePublishesToEncryptedTopics",
                Effect: "Allow",
                Principal: { Service: AWS_KEY_SERVICE_PRINCIPALS.events.value },
                Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
                Resource: "*",
            },
            {
                Sid: "CloudTrailEncryptsTrailLogs",
                Effect: "Allow",
                Principal: { Service: trail.principal },
                Action: [...trail.encryptActions],
                Resource: "*",
                Condition: {
                    StringLike: { [trail.encryptionContextKey]: `arn:aws:cloudtrail:*:${accountId}:trail/*` },
                    ArnLike: { "aws:SourceArn": trails },
                },
            },
            {
                Sid: "CloudTrailDescribesKey",
                Effect: "Allow",
                Principal: { Service: trail.principal },
                Action: [...trail.describeActions],
                Resource: "*",
                Condition: { ArnLike: { "aws:SourceArn": trails } },
            },
        ],
    });
}

export function validateRotationDays(days: number): string | undefined {
    if (!Number.isInteger(days) || days < AWS_MIN_ROTATION_DAYS || days > AWS_MAX_ROTATION_DAYS) {
        return `rotationDays ${days} is outside what AWS KMS allows (${AWS_MIN_ROTATION_DAYS}-${AWS_MAX_ROTATION_DAYS})`;
    }
    return undefined;
}

/** The stack's customer-managed KMS key in one region, rotated automatically. */
export class AwsKeys extends pulumi.ComponentResource implements Keys {
    public readonly keyId: pulumi.Output<string>;
    /** The key ARN: what every encrypted resource's `kmsKeyId` takes. */
    public readonly keyArn: pulumi.Output<string>;
    public readonly rotationDays: number;

    constructor(name: string, args: KeysArgs<AwsSite>, opts?: pulumi.ComponentResourceOptions) {
        super(KEYS_TYPE, name, {}, opts);
        this.rotationDays = args.rotationDays;
        const problem = validateRotationDays(this.rotationDays);
        if (problem) throw new pulumi.ResourceError(problem, this);

        const provider = args.site.provider;
        const identity = getCallerIdentityOutput({}, { provider, parent: this });
        const key = new Key(
            `${name}-key`,
            {
                description: `${args.site.namePrefix} ${args.site.role} data key`,
                enableKeyRotation: true,
                rotationPeriodInDays: this.rotationDays,
                // The longest window: a key scheduled for deletion by mistake can be recovered for 30 days.
                deletionWindowInDays: 30,
                policy: identity.accountId.apply((accountId) => awsKeyPolicy(accountId, args.site.region)),
                tags: { Name: `${args.site.namePrefix}-${args.site.role}` },
            },
            { parent: this, provider, protect: args.protect },
        );
        new Alias(
            `${name}-alias`,
            { name: `alias/${args.site.namePrefix}-${args.site.role}`, targetKeyId: key.keyId },
            { parent: this, provider },
        );
        this.keyArn = key.arn;
        this.keyId = key.arn;
        this.registerOutputs({ keyId: this.keyId });
    }
}

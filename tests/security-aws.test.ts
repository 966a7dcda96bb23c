/**
 * The AWS security baseline as the plans show it: the trail (stack key, multi-region, signed,
 * delivered to an encrypted log group and a private, TLS-only bucket kept for the configured
 * days and locked in prod only), the audit alarms on the trail's log group, and GuardDuty where
 * the profile turns it on and this stack owns the account's detector.
 */
import { describe, expect, it } from "vitest";
import { awsKeyPolicy } from "../components/aws/keys";
import { AWS_AUDIT_ALARMS, METRIC_FILTER_PATTERN_MAX_LENGTH, securityGroupOpenPattern } from "../components/aws/security-alarms";
import { awsThreatDetectionNote } from "../components/aws/security-baseline";
import { AWS_GUARDDUTY_FEATURES } from "../components/aws/security-detection";
import { auditBucketName, auditBucketPolicy, trailLogsRolePolicy } from "../components/aws/security-trail";
import {
    AUDIT_METRIC_NAMESPACE,
    AUDIT_OBJECT_LOCK_MODE,
    CLOUDTRAIL_KEY_USE,
    CLOUDWATCH_LOG_RETENTION_DAYS,
    cloudWatchRetentionAtLeast,
    GUARDDUTY_FEATURES,
    GUARDDUTY_FINDING_EVENT,
    GUARDDUTY_FINDING_PUBLISHING_FREQUENCY,
} from "../domain/catalogs/aws";
import { MOCK_ACCOUNT_ID } from "../tools/plan/mocks";
import type { Plan, PlannedResource } from "../tools/plan/types";
import { byUrn, descendants, input, named, ofType, one, plan } from "./support/plan";

const BASELINE = "gravitypm:components:SecurityBaseline";
const TRAIL = "aws:cloudtrail/trail:Trail";
const BUCKET = "aws:s3/bucket:Bucket";
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const LOCK = "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration";
const LIFECYCLE = "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration";
const DETECTOR = "aws:guardduty/detector:Detector";
const FEATURE = "aws:guardduty/detectorFeature:DetectorFeature";
const RULE = "aws:cloudwatch/eventRule:EventRule";
const TARGET = "aws:cloudwatch/eventTarget:EventTarget";
const FILTER = "aws:cloudwatch/logMetricFilter:LogMetricFilter";
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";

interface Statement {
    Sid?: string;
    Effect: string;
    Principal: unknown;
    Action: string | string[];
    Resource: string | string[];
    Condition?: Record<string, Record<string, string>>;
}
const statements = (policy: unknown): Statement[] => (JSON.parse(String(policy)) as { Statement: Statement[] }).Statement;

/** The baseline's own resources, by type. */
function baseline(p: Plan, type: string): PlannedResource[] {
    const component = one(p, BASELINE, "security");
    return descendants(p, component).filter((r) => r.type === type);
}

describe.each([
    ["staging", 365, false, "us-east-2"],
    ["prod", 365, true, "us-east-1"],
] as const)("the AWS audit trail of %s", (stack, days, locked, region) => {
    let p: Plan;
    const trail = () => one(p, TRAIL, "security-trail");

    it("is one multi-region trail with global events and signed log files", async () => {
        p = await plan(stack, "aws");
        expect(ofType(p, TRAIL)).toHaveLength(1);
        expect(input(trail(), "isMultiRegionTrail")).toBe(true);
        expect(input(trail(), "includeGlobalServiceEvents")).toBe(true);
        expect(input(trail(), "enableLogFileValidation")).toBe(true);
        expect(input(trail(), "eventSelectors")).toEqual([{ readWriteType: "All", includeManagementEvents: true }]);
        expect(byUrn(p, trail().provider)?.name).toBe("aws-primary");
    });

    it("encrypts with the stack key, whose policy lets this account's trails use it", () => {
        const key = named(p, "primary-keys-key");
        expect(trail().dependencies).toContain(key.urn);
        expect(input(trail(), "kmsKeyId")).toBe(input(one(p, "aws:sns/topic:Topic", "alerts-topic"), "kmsMasterKeyId"));
        const policy = statements(input(key, "policy"));
        const encrypt = policy.find((s) => s.Sid === "CloudTrailEncryptsTrailLogs");
        expect(encrypt?.Principal).toEqual({ Service: CLOUDTRAIL_KEY_USE.value.principal });
        expect(encrypt?.Action).toEqual(["kms:GenerateDataKey*"]);
        expect(encrypt?.Condition?.StringLike[CLOUDTRAIL_KEY_USE.value.encryptionContextKey]).toBe(`arn:aws:cloudtrail:*:${MOCK_ACCOUNT_ID}:trail/*`);
        expect(encrypt?.Condition?.ArnLike["aws:SourceArn"]).toBe(`arn:aws:cloudtrail:${region}:${MOCK_ACCOUNT_ID}:trail/*`);
        expect(policy.find((s) => s.Sid === "CloudTrailDescribesKey")?.Action).toEqual(["kms:DescribeKey"]);
    });

    it("delivers to a log group encrypted with the stack key, kept the configured days, through a role scoped to it", () => {
        const group = one(p, LOG_GROUP, "security-logs");
        expect(input(group, "retentionInDays")).toBe(days);
        expect(input(group, "kmsKeyId")).toBe(input(trail(), "kmsKeyId"));
        expect(input(trail(), "cloudWatchLogsGroupArn")).toBe(`arn:aws:logs:${region}:${MOCK_ACCOUNT_ID}:log-group:/gravitypm-${stack}/audit/cloudtrail:*`);
        const role = one(p, "aws:iam/role:Role", "security-logs-role");
        expect(input(trail(), "cloudWatchLogsRoleArn")).toMatch(/:role\/security-logs-role$/);
        expect(statements(input(role, "assumeRolePolicy"))[0].Principal).toEqual({ Service: "cloudtrail.amazonaws.com" });
        const [write] = statements(input(one(p, "aws:iam/rolePolicy:RolePolicy", "security-logs-policy"), "policy"));
        expect(write.Resource).toBe(`arn:aws:logs:${region}:${MOCK_ACCOUNT_ID}:log-group:/gravitypm-${stack}/audit/cloudtrail:log-stream:*`);
        expect(write.Action).toEqual(["logs:CreateLogStream", "logs:PutLogEvents"]);
    });

    it("writes to a private, versioned, KMS-encrypted bucket that only this trail may write to, over TLS", () => {
        const bucket = one(p, BUCKET, "security-bucket");
        const name = auditBucketName(`gravitypm-${stack}`, MOCK_ACCOUNT_ID);
        expect(input(bucket, "bucket")).toBe(name);
        expect(input(trail(), "s3BucketName")).toBe(name);
        expect(input(one(p, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "security-bucket-public-access"), "restrictPublicBuckets")).toBe(true);
        expect(input(one(p, "aws:s3/bucketOwnershipControls:BucketOwnershipControls", "security-bucket-ownership"), "rule")).toEqual({ objectOwnership: "BucketOwnerEnforced" });
        expect(input(one(p, "aws:s3/bucketVersioning:BucketVersioning", "security-bucket-versioning"), "versioningConfiguration")).toEqual({ status: "Enabled" });
        const [sse] = input(one(p, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "security-bucket-encryption"), "rules") as {
            applyServerSideEncryptionByDefault: { sseAlgorithm: string; kmsMasterKeyId: string };
            bucketKeyEnabled: boolean;
        }[];
        expect(sse.applyServerSideEncryptionByDefault).toEqual({ sseAlgorithm: "aws:kms", kmsMasterKeyId: input(trail(), "kmsKeyId") });
        expect(sse.bucketKeyEnabled).toBe(true);

        const policy = one(p, "aws:s3/bucketPolicy:BucketPolicy", "security-bucket-policy");
        const trailArn = `arn:aws:cloudtrail:${region}:${MOCK_ACCOUNT_ID}:trail/gravitypm-${stack}-audit`;
        expect(JSON.parse(String(input(policy, "policy")))).toEqual(JSON.parse(auditBucketPolicy(name, MOCK_ACCOUNT_ID, trailArn)));
        const [tls, acl, write] = statements(input(policy, "policy"));
        expect(tls).toMatchObject({ Effect: "Deny", Principal: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } });
        for (const s of [acl, write]) expect(s.Condition?.StringEquals).toMatchObject({ "aws:SourceArn": trailArn, "aws:SourceAccount": MOCK_ACCOUNT_ID });
        expect(write.Resource).toBe(`arn:aws:s3:::${name}/AWSLogs/${MOCK_ACCOUNT_ID}/*`);
        expect(trail().dependencies).toContain(policy.urn);
    });

    it(`expires objects after the configured days, ${locked ? "locked in COMPLIANCE mode for as long" : "with no Object Lock"}`, () => {
        const bucket = one(p, BUCKET, "security-bucket");
        const [rule] = input(one(p, LIFECYCLE, "security-bucket-lifecycle"), "rules") as { expiration: { days: number } }[];
        expect(rule.expiration.days).toBe(days);
        expect(input(bucket, "objectLockEnabled")).toBe(locked);
        expect(input(bucket, "forceDestroy")).toBe(!locked);
        expect(ofType(p, LOCK)).toHaveLength(locked ? 1 : 0);
        if (locked) expect(input(one(p, LOCK), "rule")).toEqual({ defaultRetention: { mode: AUDIT_OBJECT_LOCK_MODE.value, days } });
    });

    it(`is ${locked ? "" : "not "}protected: bucket, log group and trail`, () => {
        for (const r of [one(p, BUCKET, "security-bucket"), one(p, LOG_GROUP, "security-logs"), trail()]) expect(r.protect, r.name).toBe(locked);
        expect(input(one(p, LOG_GROUP, "security-logs"), "deletionProtectionEnabled")).toBe(locked);
    });

    it("exports the bucket as the audit store, and what detects threats", () => {
        expect(p.outputs.auditStoreId).toBe(auditBucketName(`gravitypm-${stack}`, MOCK_ACCOUNT_ID));
        expect(p.outputs.threatDetection).toBe(locked ? awsThreatDetectionNote(true, true) : awsThreatDetectionNote(false, false));
    });

    it("alarms on each audit event through a metric filter on the trail's log group, to the alerts topic", () => {
        const filters = baseline(p, FILTER);
        const alarms = baseline(p, ALARM);
        expect(filters.map((f) => f.name).sort()).toEqual(AWS_AUDIT_ALARMS.map((a) => `security-${a.id}-filter`).sort());
        const topic = String(p.outputs.alertTargets instanceof Array ? p.outputs.alertTargets[0] : "");
        expect(topic).toMatch(/:gravitypm-.*-alerts$/);
        for (const alarm of alarms) {
            const filter = filters.find((f) => f.name === alarm.name.replace(/-alarm$/, "-filter"));
            expect(filter, alarm.name).toBeDefined();
            expect(input(filter!, "logGroupName")).toBe(`/gravitypm-${stack}/audit/cloudtrail`);
            expect(input(filter!, "metricTransformation")).toMatchObject({ namespace: AUDIT_METRIC_NAMESPACE.value, name: input(alarm, "metricName") });
            expect(String(input(alarm, "metricName"))).toMatch(new RegExp(`^gravitypm-${stack}-audit/`));
            expect(input(alarm, "alarmActions")).toEqual([topic]);
            expect(input(alarm, "actionsEnabled")).toBe(true);
            expect(byUrn(p, alarm.provider)?.name).toBe("aws-primary");
        }
        expect(alarms).toHaveLength(AWS_AUDIT_ALARMS.length);
    });
});

describe("AWS audit retention from config", async () => {
    const p = await plan("staging", "aws", { auditLogRetentionDays: "400" });
    const odd = await plan("staging", "aws", { auditLogRetentionDays: "100" });

    it("sets the log group's retention and the bucket's expiry", () => {
        expect(input(one(p, LOG_GROUP, "security-logs"), "retentionInDays")).toBe(400);
        const [rule] = input(one(p, LIFECYCLE, "security-bucket-lifecycle"), "rules") as { expiration: { days: number } }[];
        expect(rule.expiration.days).toBe(400);
    });

    it("rounds the log group up to a period CloudWatch accepts, and keeps the bucket's exact", () => {
        expect(input(one(odd, LOG_GROUP, "security-logs"), "retentionInDays")).toBe(120);
        const [rule] = input(one(odd, LIFECYCLE, "security-bucket-lifecycle"), "rules") as { expiration: { days: number } }[];
        expect(rule.expiration.days).toBe(100);
        for (const d of [1, 30, 31, 364, 365, 3650]) {
            const fitted = cloudWatchRetentionAtLeast(d);
            expect(CLOUDWATCH_LOG_RETENTION_DAYS.value, String(d)).toContain(fitted);
            expect(fitted).toBeGreaterThanOrEqual(d);
        }
    });
});

describe("GuardDuty", () => {
    it("prod owns a detector per region, with the catalogued features, publishing every fifteen minutes", async () => {
        const p = await plan("prod", "aws");
        const detectors = baseline(p, DETECTOR);
        expect(detectors.map((d) => [d.name, byUrn(p, d.provider)?.name])).toEqual([
            ["security-guardduty", "aws-primary"],
            ["security-dr-guardduty", "aws-dr"],
        ]);
        for (const d of detectors) expect(input(d, "findingPublishingFrequency")).toBe(GUARDDUTY_FINDING_PUBLISHING_FREQUENCY.value);
        const features = baseline(p, FEATURE);
        for (const detector of detectors) {
            const mine = features.filter((f) => f.dependencies.includes(detector.urn));
            expect(mine.map((f) => input(f, "name")).sort()).toEqual(AWS_GUARDDUTY_FEATURES.map((f) => f.name).sort());
            for (const f of mine) {
                expect(input(f, "status")).toBe("ENABLED");
                expect(f.provider).toBe(detector.provider);
            }
            const runtime = mine.find((f) => input(f, "name") === GUARDDUTY_FEATURES.value.runtimeMonitoring)!;
            expect(input(runtime, "additionalConfigurations")).toContainEqual({ name: GUARDDUTY_FEATURES.value.eksAddonManagement, status: "ENABLED" });
        }
        expect(features.map((f) => input(f, "name"))).not.toContain("EKS_RUNTIME_MONITORING");
    });

    it("prod sends Medium-and-above findings of each region to that region's topic, naming type, severity and resource", async () => {
        const p = await plan("prod", "aws");
        const rules = baseline(p, RULE);
        expect(rules.map((r) => r.name).sort()).toEqual(["security-dr-findings-rule", "security-findings-rule"]);
        for (const [rule, topic] of [
            ["security-findings-rule", "alerts-topic"],
            ["security-dr-findings-rule", "alerts-dr-topic"],
        ]) {
            const r = one(p, RULE, rule);
            const pattern = JSON.parse(String(input(r, "eventPattern"))) as Record<string, unknown>;
            expect(pattern).toEqual({
                source: [GUARDDUTY_FINDING_EVENT.value.source],
                "detail-type": [GUARDDUTY_FINDING_EVENT.value.detailType],
                detail: { severity: [{ numeric: [">=", 4] }] },
            });
            const target = one(p, TARGET, rule.replace("-rule", "-target"));
            expect(target.provider).toBe(r.provider);
            expect(target.dependencies).toContain(named(p, topic).urn);
            expect(input(target, "arn")).toMatch(topic === "alerts-topic" ? /:us-east-1:\d+:gravitypm-prod-alerts$/ : /:us-west-2:\d+:gravitypm-prod-alerts-dr$/);
            const transformer = input(target, "inputTransformer") as { inputPaths: Record<string, string>; inputTemplate: string };
            expect(transformer.inputPaths).toMatchObject({ type: "$.detail.type", severity: "$.detail.severity", resourceType: "$.detail.resource.resourceType" });
            for (const field of ["<type>", "<severity>", "<resourceType>"]) expect(transformer.inputTemplate).toContain(field);
            expect(() => JSON.parse(transformer.inputTemplate.replace(/<[a-zA-Z]+>/g, "x"))).not.toThrow();
        }
    });

    it("staging has none of it (threatDetection and ownsAccountSingletons off)", async () => {
        const p = await plan("staging", "aws");
        for (const type of [DETECTOR, FEATURE, RULE, TARGET]) expect(baseline(p, type), type).toEqual([]);
    });

    it("a stack that does not own the detector still sends its regions' findings to its topics", async () => {
        const p = await plan("prod", "aws", { ownsAccountSingletons: "false" });
        expect(baseline(p, DETECTOR)).toEqual([]);
        expect(baseline(p, FEATURE)).toEqual([]);
        expect(baseline(p, RULE).map((r) => r.name).sort()).toEqual(["security-dr-findings-rule", "security-findings-rule"]);
        expect(baseline(p, TARGET)).toHaveLength(2);
    });

    it("staging with threat detection on but the detector elsewhere: only the primary region's rule", async () => {
        const p = await plan("staging", "aws", { threatDetection: "true", ownsAccountSingletons: "false" });
        expect(baseline(p, DETECTOR)).toEqual([]);
        expect(baseline(p, RULE).map((r) => r.name)).toEqual(["security-findings-rule"]);
    });
});

describe("audit policies and patterns", () => {
    it("keep the security-group filter within the pattern limit, naming both address families", () => {
        const pattern = securityGroupOpenPattern();
        expect(pattern.length).toBeLessThanOrEqual(METRIC_FILTER_PATTERN_MAX_LENGTH);
        expect(pattern).toContain('"0.0.0.0/0"');
        expect(pattern).toContain('"::/0"');
        for (const alarm of AWS_AUDIT_ALARMS) expect(alarm.pattern.length, alarm.id).toBeLessThanOrEqual(METRIC_FILTER_PATTERN_MAX_LENGTH);
    });

    it("scope the delivery role to the log group's streams", () => {
        const [s] = statements(trailLogsRolePolicy("arn:aws:logs:us-east-1:123456789012:log-group:g"));
        expect(s.Resource).toBe("arn:aws:logs:us-east-1:123456789012:log-group:g:log-stream:*");
    });

    it("grant CloudTrail nothing on the key but data keys for this account's trails and DescribeKey", () => {
        const trail = statements(awsKeyPolicy("123456789012", "eu-west-1")).filter((s) => JSON.stringify(s.Principal).includes("cloudtrail"));
        expect(trail.flatMap((s) => s.Action).sort()).toEqual(["kms:DescribeKey", "kms:GenerateDataKey*"]);
        for (const s of trail) expect(s.Condition?.ArnLike["aws:SourceArn"]).toBe("arn:aws:cloudtrail:eu-west-1:123456789012:trail/*");
    });

    it("fit the bucket name in 63 characters with the account id whole", () => {
        const name = auditBucketName("gravitypm-a-very-long-stack-name-that-goes-on-and-on-and-on", "123456789012");
        expect(name.length).toBeLessThanOrEqual(63);
        expect(name).toMatch(/^[a-z0-9][a-z0-9-]*-audit-123456789012$/);
    });
});

/**
 * The AWS security baseline: the stack's CloudTrail trail (S3 store of record, CloudWatch copy
 * for alarms), audit alarms on the CIS monitoring events, and GuardDuty where config turns it on.
 *
 * AWS has no per-resource diagnostic settings to add: the trail records every control-plane
 * call of every region, and the components already send their own logs (VPC flow logs, EKS
 * control-plane logs, DocumentDB audit logs) to encrypted log groups.
 */
import { getCallerIdentityOutput } from "@pulumi/aws/getCallerIdentity";
import * as pulumi from "@pulumi/pulumi";
import { SECURITY_BASELINE_TYPE, type SecurityBaseline, type SecurityBaselineArgs } from "../contracts/security-baseline";
import { assertBuildable, type BuildProblem } from "../shared/buildable";
import type { AwsTypes } from ".";
import { awsAuditAlarms } from "./security-alarms";
import { awsThreatDetection } from "./security-detection";
import { awsAuditTrail } from "./security-trail";

/** The one-line note for plans and docs: what detects threats here, or why nothing does. */
export function awsThreatDetectionNote(threatDetection: boolean, ownsAccountSingletons: boolean): string {
    if (!threatDetection) return "off (threatDetection=false)";
    if (!ownsAccountSingletons) return "GuardDuty owned by another stack in this account; findings of this stack's regions still alert here";
    return "GuardDuty (EKS audit logs, runtime monitoring with the EKS add-on, EBS malware protection) owned by this stack";
}

export class AwsSecurityBaseline extends pulumi.ComponentResource implements SecurityBaseline {
    public readonly auditStoreId: pulumi.Output<string>;
    public readonly threatDetectionNote: string;

    constructor(name: string, args: SecurityBaselineArgs<AwsTypes>, opts?: pulumi.ComponentResourceOptions) {
        super(SECURITY_BASELINE_TYPE, name, {}, opts);
        const problems: (BuildProblem | undefined)[] = [
            Number.isInteger(args.retentionDays) && args.retentionDays > 0 ? undefined : { key: "auditLogRetentionDays", message: `${args.retentionDays} is not a whole number of days` },
            args.threatDetection && args.dr && !args.alerts.drTopicArn
                ? { message: "threat detection in the DR region needs the DR alerts topic (alerts.drTopicArn), and the alerts component has none" }
                : undefined,
        ];
        assertBuildable(this, `SecurityBaseline ${name}`, problems);

        const child = { parent: this, provider: args.site.provider };
        const identity = getCallerIdentityOutput({}, child);
        const audit = awsAuditTrail(
            name,
            { site: args.site, keys: args.keys, accountId: identity.accountId, retentionDays: args.retentionDays, lock: args.lock, protect: args.protect },
            child,
        );
        awsAuditAlarms(name, { trailName: audit.trailName, logGroupName: audit.logGroup.name, topicArn: args.alerts.topicArn }, child);

        if (args.threatDetection) {
            awsThreatDetection(name, { site: args.site, topicArn: args.alerts.topicArn, ownsDetector: args.ownsAccountSingletons }, child);
            const drTopic = args.alerts.drTopicArn;
            if (args.dr && drTopic) {
                awsThreatDetection(`${name}-dr`, { site: args.dr.site, topicArn: drTopic, ownsDetector: args.ownsAccountSingletons }, { parent: this, provider: args.dr.site.provider });
            }
        }

        this.auditStoreId = audit.bucketName;
        this.threatDetectionNote = awsThreatDetectionNote(args.threatDetection, args.ownsAccountSingletons);
        this.registerOutputs({ auditStoreId: this.auditStoreId, threatDetectionNote: this.threatDetectionNote });
    }
}

/**
 * GuardDuty in one region: the detector with the features the platform uses (only where this
 * stack owns the account's detector: one per account and region), and, wherever threat
 * detection is on, an EventBridge rule sending the region's findings of Medium severity and
 * above to the alerts topic of that region. Findings are regional, so the DR region has its own
 * rule and, when owned, its own detector.
 */
import { EventRule } from "@pulumi/aws/cloudwatch/eventRule";
import { EventTarget } from "@pulumi/aws/cloudwatch/eventTarget";
import { Detector } from "@pulumi/aws/guardduty/detector";
import { DetectorFeature } from "@pulumi/aws/guardduty/detectorFeature";
import type * as pulumi from "@pulumi/pulumi";
import { GUARDDUTY_FEATURES, GUARDDUTY_FINDING_EVENT, GUARDDUTY_FINDING_PUBLISHING_FREQUENCY } from "../../domain/catalogs/aws";
import type { AwsSite } from "./site";

/** The features set on an owned detector, and why each. */
export const AWS_GUARDDUTY_FEATURES: readonly { readonly id: string; readonly name: string; readonly additional?: readonly { name: string; status: string }[] }[] = [
    // The EKS control plane's audit log, read by GuardDuty from EKS directly (no log export needed).
    { id: "eks-audit-logs", name: GUARDDUTY_FEATURES.value.eksAuditLogs },
    // Runtime Monitoring, which supersedes EKS Runtime Monitoring (the API refuses both): GuardDuty
    // installs and updates its agent add-on on every EKS cluster of the account. No agent on
    // plain EC2 or Fargate, where the platform runs nothing (each agent is billed per vCPU).
    {
        id: "runtime-monitoring",
        name: GUARDDUTY_FEATURES.value.runtimeMonitoring,
        additional: [
            { name: GUARDDUTY_FEATURES.value.eksAddonManagement, status: "ENABLED" },
            { name: GUARDDUTY_FEATURES.value.ec2AgentManagement, status: "DISABLED" },
            { name: GUARDDUTY_FEATURES.value.ecsFargateAgentManagement, status: "DISABLED" },
        ],
    },
    // A malware scan of a node's volumes when another finding points at it; billed per GB scanned.
    { id: "ebs-malware", name: GUARDDUTY_FEATURES.value.ebsMalwareProtection },
];

/** Findings of at least Medium severity, by EventBridge numeric matching on `detail.severity`. */
export function guardDutyFindingPattern(): string {
    const event = GUARDDUTY_FINDING_EVENT.value;
    return JSON.stringify({
        source: [event.source],
        "detail-type": [event.detailType],
        detail: { severity: [{ numeric: [">=", event.minimumSeverity] }] },
    });
}

/** The SNS message: finding type, severity and resource first, then where and what. */
export function guardDutyFindingMessage(namePrefix: string): { inputPaths: Record<string, string>; inputTemplate: string } {
    const f = GUARDDUTY_FINDING_EVENT.value.fields;
    return {
        inputPaths: {
            type: f.type,
            severity: f.severity,
            title: f.title,
            resourceType: f.resourceType,
            instance: f.instanceId,
            cluster: f.eksCluster,
            user: f.accessKeyUser,
            account: f.account,
            region: f.region,
        },
        // A JSON string: SNS delivers it as the message text.
        inputTemplate: `"${namePrefix}: GuardDuty finding <type> (severity <severity>) on <resourceType> (instance <instance>, EKS cluster <cluster>, access key user <user>) in <account>/<region>: <title>"`,
    };
}

export interface AwsThreatDetectionArgs {
    readonly site: AwsSite;
    /** The alerts topic in this region. */
    readonly topicArn: pulumi.Output<string>;
    /** Create the region's detector; otherwise another stack in the account owns it. */
    readonly ownsDetector: boolean;
}

/** Children `<name>-guardduty`, `-guardduty-<feature>`, `-findings-rule`, `-findings-target`. */
export function awsThreatDetection(name: string, args: AwsThreatDetectionArgs, opts: pulumi.CustomResourceOptions): void {
    if (args.ownsDetector) {
        const detector = new Detector(`${name}-guardduty`, { enable: true, findingPublishingFrequency: GUARDDUTY_FINDING_PUBLISHING_FREQUENCY.value }, opts);
        // The features a new detector turns on by itself (S3, RDS and Lambda protection) stay as
        // GuardDuty sets them: each bills only for what it watches, and the platform runs no RDS or Lambda.
        for (const feature of AWS_GUARDDUTY_FEATURES) {
            new DetectorFeature(
                `${name}-guardduty-${feature.id}`,
                {
                    detectorId: detector.id,
                    name: feature.name,
                    status: "ENABLED",
                    ...(feature.additional ? { additionalConfigurations: feature.additional.map((a) => ({ ...a })) } : {}),
                },
                opts,
            );
        }
    }
    const rule = new EventRule(
        `${name}-findings-rule`,
        {
            name: `${args.site.namePrefix}-${args.site.role}-guardduty-findings`,
            description: `${args.site.namePrefix}: GuardDuty findings of Medium severity and above in ${args.site.region}`,
            eventPattern: guardDutyFindingPattern(),
        },
        opts,
    );
    new EventTarget(
        `${name}-findings-target`,
        { rule: rule.name, arn: args.topicArn, inputTransformer: guardDutyFindingMessage(args.site.namePrefix) },
        opts,
    );
}

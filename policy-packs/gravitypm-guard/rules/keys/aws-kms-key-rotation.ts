/** AWS KMS keys rotate automatically [CK_AWS_7, Pulumi compliance-policies]. */
import { daysSchema, resourceRule } from "../../lib/rule";
import { bool, num, shown, str, type Props } from "../../lib/values";

export const AWS_KMS_KEY = "aws:kms/key:Key";

export interface RotationConfig extends Record<string, unknown> {
    readonly maxRotationDays: number;
}

export function awsKeyRotationProblems(props: Props, config: RotationConfig): string[] {
    // Rotation applies to symmetric encryption keys only.
    const spec = str(props.customerMasterKeySpec) ?? str(props.keySpec);
    if (spec !== undefined && spec !== "SYMMETRIC_DEFAULT") return [];
    if (bool(props.enableKeyRotation) !== true) return [`enableKeyRotation is ${shown(props.enableKeyRotation)}; the key material would never change`];
    const days = num(props.rotationPeriodInDays) ?? 365;
    return days <= config.maxRotationDays ? [] : [`rotationPeriodInDays is ${days}; the maximum is ${config.maxRotationDays}`];
}

export const awsKmsKeyRotation = resourceRule({
    name: "aws-kms-key-rotation",
    description: "AWS KMS keys rotate their key material automatically, at least as often as the maximum period.",
    explanation: "Rotation bounds how much data one key version protects and is required by every compliance baseline.",
    remediation: "Set enableKeyRotation: true and rotationPeriodInDays (90-2560) no longer than the maximum.",
    enforcementLevel: "mandatory",
    area: "keys",
    anchors: ["CK_AWS_7", "CP"],
    types: [AWS_KMS_KEY],
    defaults: { maxRotationDays: 365 },
    configSchema: { properties: { maxRotationDays: daysSchema("Longest rotation period allowed, in days.", 365, 90) } },
    check: (props, ctx) => awsKeyRotationProblems(props, ctx.config),
});

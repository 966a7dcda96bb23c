/** Cloud KMS keys rotate at least every 90 days [CK_GCP_43]. */
import { daysSchema, resourceRule } from "../../lib/rule";
import { durationDays, shown, str, type Props } from "../../lib/values";
import type { RotationConfig } from "./aws-kms-key-rotation";

export const GCP_CRYPTO_KEY = "gcp:kms/cryptoKey:CryptoKey";

export function gcpKeyRotationProblems(props: Props, config: RotationConfig): string[] {
    // Automatic rotation exists for symmetric keys only (the default purpose).
    const purpose = str(props.purpose);
    if (purpose !== undefined && purpose !== "ENCRYPT_DECRYPT") return [];
    const days = durationDays(props.rotationPeriod);
    if (days === undefined) return ["rotationPeriod is unset; the key never rotates"];
    return days <= config.maxRotationDays ? [] : [`rotationPeriod is ${shown(props.rotationPeriod)} (${Math.round(days)} days); the maximum is ${config.maxRotationDays}`];
}

export const gcpKmsKeyRotation = resourceRule({
    name: "gcp-kms-key-rotation",
    description: "Cloud KMS symmetric keys rotate automatically at least every maximum period (90 days by default).",
    explanation: "Keys without a rotation period keep their first version forever.",
    remediation: 'Set rotationPeriod: "7776000s" (90 days).',
    enforcementLevel: "mandatory",
    area: "keys",
    anchors: ["CK_GCP_43"],
    types: [GCP_CRYPTO_KEY],
    defaults: { maxRotationDays: 90 },
    configSchema: { properties: { maxRotationDays: daysSchema("Longest rotation period allowed, in days.", 90) } },
    check: (props, ctx) => gcpKeyRotationProblems(props, ctx.config),
});

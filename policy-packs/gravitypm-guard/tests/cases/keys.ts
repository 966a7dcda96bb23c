import { awsKmsKeyNoWildcardPrincipal } from "../../rules/keys/aws-kms-key-no-wildcard-principal";
import { awsKmsKeyRotation } from "../../rules/keys/aws-kms-key-rotation";
import { azureKeyRotation } from "../../rules/keys/azure-key-rotation";
import { azureKeyVaultPrivate } from "../../rules/keys/azure-key-vault-private";
import { azureKeyVaultProtection } from "../../rules/keys/azure-key-vault-protection";
import { gcpKmsKeyRotation } from "../../rules/keys/gcp-kms-key-rotation";
import type { RuleCase } from "./types";

const policy = (principal: unknown) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "s", Effect: "Allow", Principal: principal, Action: "kms:*", Resource: "*" }] });
const rotation = (timeAfterCreate: string) => ({ properties: { kty: "RSA", rotationPolicy: { lifetimeActions: [{ action: { type: "rotate" }, trigger: { timeAfterCreate } }] } } });

export const keyCases: readonly RuleCase[] = [
    {
        rule: awsKmsKeyRotation,
        compliant: { enableKeyRotation: true, rotationPeriodInDays: 180 },
        violating: { enableKeyRotation: false },
        stricter: { maxRotationDays: 90 },
        extra: [{ name: "asymmetric keys cannot rotate", props: { customerMasterKeySpec: "RSA_2048" }, violates: false }],
    },
    {
        rule: awsKmsKeyNoWildcardPrincipal,
        compliant: { policy: policy({ AWS: "arn:aws:iam::123456789012:root" }) },
        violating: { policy: policy({ AWS: "*" }) },
        extra: [{ name: "bare * principal", props: { policy: policy("*") }, violates: true }],
    },
    { rule: gcpKmsKeyRotation, compliant: { rotationPeriod: "7776000s" }, violating: {}, stricter: { maxRotationDays: 30 } },
    {
        rule: azureKeyVaultProtection,
        compliant: { properties: { enablePurgeProtection: true } },
        violating: { properties: { enableSoftDelete: false } },
    },
    {
        rule: azureKeyVaultPrivate,
        compliant: { properties: { networkAcls: { defaultAction: "Deny", bypass: "AzureServices" } } },
        violating: { properties: { publicNetworkAccess: "Enabled" } },
        extra: [{ name: "public access disabled", props: { properties: { publicNetworkAccess: "Disabled" } }, violates: false }],
    },
    { rule: azureKeyRotation, compliant: rotation("P90D"), violating: { properties: { kty: "RSA" } }, stricter: { maxRotationDays: 30 } },
];

import type { KeyArgs as KmsKeyArgs } from "@pulumi/aws/kms/key";
import type { KeyArgs as KeyvaultKeyArgs } from "@pulumi/azure-native/keyvault/key";
import type { VaultArgs as KeyvaultVaultArgs } from "@pulumi/azure-native/keyvault/vault";
import type { CryptoKeyArgs as KmsCryptoKeyArgs } from "@pulumi/gcp/kms/cryptoKey";
import { awsKmsKeyNoWildcardPrincipal } from "../../rules/keys/aws-kms-key-no-wildcard-principal";
import { awsKmsKeyRotation } from "../../rules/keys/aws-kms-key-rotation";
import { azureKeyRotation } from "../../rules/keys/azure-key-rotation";
import { azureKeyVaultPrivate } from "../../rules/keys/azure-key-vault-private";
import { azureKeyVaultPurgeProtection } from "../../rules/keys/azure-key-vault-purge-protection";
import { gcpKmsKeyRotation } from "../../rules/keys/gcp-kms-key-rotation";
import { inputsOf, type RuleCase } from "./types";

const keyvaultKey = inputsOf<KeyvaultKeyArgs>;
const keyvaultVault = inputsOf<KeyvaultVaultArgs>;
const kmsCryptoKey = inputsOf<KmsCryptoKeyArgs>;
const kmsKey = inputsOf<KmsKeyArgs>;

const policy = (principal: unknown) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "s", Effect: "Allow", Principal: principal, Action: "kms:*", Resource: "*" }] });
const rotation = (timeAfterCreate: string) => ({ properties: { kty: "RSA", rotationPolicy: { lifetimeActions: [{ action: { type: "rotate" }, trigger: { timeAfterCreate } }] } } });

export const keyCases: readonly RuleCase[] = [
    {
        rule: awsKmsKeyRotation,
        compliant: kmsKey({ enableKeyRotation: true, rotationPeriodInDays: 180 }),
        violating: kmsKey({ enableKeyRotation: false }),
        stricter: { maxRotationDays: 90 },
        extra: [{ name: "asymmetric keys cannot rotate", props: kmsKey({ customerMasterKeySpec: "RSA_2048" }), violates: false }],
    },
    {
        rule: awsKmsKeyNoWildcardPrincipal,
        compliant: kmsKey({ policy: policy({ AWS: "arn:aws:iam::123456789012:root" }) }),
        violating: kmsKey({ policy: policy({ AWS: "*" }) }),
        extra: [{ name: "bare * principal", props: kmsKey({ policy: policy("*") }), violates: true }],
    },
    { rule: gcpKmsKeyRotation, compliant: kmsCryptoKey({ rotationPeriod: "7776000s" }), violating: kmsCryptoKey({}), stricter: { maxRotationDays: 30 } },
    {
        rule: azureKeyVaultPurgeProtection,
        compliant: keyvaultVault({ properties: { enablePurgeProtection: true } }),
        violating: keyvaultVault({ properties: { enableSoftDelete: false } }),
    },
    {
        rule: azureKeyVaultPrivate,
        compliant: keyvaultVault({ properties: { networkAcls: { defaultAction: "Deny", bypass: "AzureServices" } } }),
        violating: keyvaultVault({ properties: { publicNetworkAccess: "Enabled" } }),
        extra: [{ name: "public access disabled", props: keyvaultVault({ properties: { publicNetworkAccess: "Disabled" } }), violates: false }],
    },
    { rule: azureKeyRotation, compliant: rotation("P90D"), violating: keyvaultKey({ properties: { kty: "RSA" } }), stricter: { maxRotationDays: 30 } },
];

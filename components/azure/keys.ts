import { RoleAssignment } from "@pulumi/azure-native/authorization/roleAssignment";
import { getClientConfigOutput } from "@pulumi/azure-native/authorization/getClientConfig";
import { Key } from "@pulumi/azure-native/keyvault/key";
import { Vault } from "@pulumi/azure-native/keyvault/vault";
import { UserAssignedIdentity } from "@pulumi/azure-native/managedidentity/userAssignedIdentity";
import * as pulumi from "@pulumi/pulumi";
import { RandomString } from "@pulumi/random/randomString";
import { AZURE_BUILT_IN_ROLES, AZURE_SERVICE_KEY_OPS, azureRoleDefinitionId } from "../../domain/catalogs/azure";
import { KEYS_TYPE, type Keys, type KeysArgs } from "../contracts/keys";
import { NAME_SUFFIX_LENGTH, keyVaultName } from "./naming";
import { rbacPropagationWait } from "./rbac-wait";
import type { AzureSite } from "./site";

/** Key Vault lets a version expire no sooner than 28 days after creation, and versions here
 * expire after twice the period; 90 days is the stack's ceiling (the policy pack's limit). */
export const AZURE_MIN_ROTATION_DAYS = 14;
export const AZURE_MAX_ROTATION_DAYS = 90;

export function validateAzureRotationDays(days: number): string | undefined {
    if (!Number.isInteger(days) || days < AZURE_MIN_ROTATION_DAYS || days > AZURE_MAX_ROTATION_DAYS) {
        return `rotationDays ${days} must be a whole number from ${AZURE_MIN_ROTATION_DAYS} to ${AZURE_MAX_ROTATION_DAYS} on Azure Key Vault`;
    }
    return undefined;
}

/** A Key Vault key rotation policy, as plain data. */
export interface KeyRotationPolicy {
    attributes: { expiryTime: string };
    lifetimeActions: { action: { type: "rotate" }; trigger: { timeAfterCreate: string } }[];
}

/**
 * Rotate every `days`; each version expires after twice that, so a rotation that fails
 * leaves a whole period to notice before encryption with the key stops. Expired versions
 * still unwrap, so data wrapped by an old version stays readable.
 */
export function keyRotationPolicy(days: number): KeyRotationPolicy {
    return {
        attributes: { expiryTime: `P${days * 2}D` },
        lifetimeActions: [{ action: { type: "rotate" }, trigger: { timeAfterCreate: `P${days}D` } }],
    };
}

/**
 * The stack's customer-managed key in one region: an RBAC-only, purge-protected Key Vault
 * closed to public networks (trusted Azure services still reach it, which is how services
 * with customer-managed keys unwrap their data keys), an HSM-backed RSA key rotated
 * automatically, and the user-assigned identity those services encrypt as.
 */
export class AzureKeys extends pulumi.ComponentResource implements Keys {
    /** Versionless key URI: services that take it follow rotations automatically. */
    public readonly keyId: pulumi.Output<string>;
    public readonly rotationDays: number;
    /** Whether the key material is protected from deletion (prod): keys created later for the same vault follow it. */
    public readonly protect: boolean;
    public readonly vaultId: pulumi.Output<string>;
    public readonly vaultName: pulumi.Output<string>;
    public readonly vaultUri: pulumi.Output<string>;
    public readonly keyName: pulumi.Output<string>;
    public readonly keyUriWithVersion: pulumi.Output<string>;
    /** The identity encrypting services run as for customer-managed keys. */
    public readonly identityId: pulumi.Output<string>;
    public readonly identityPrincipalId: pulumi.Output<string>;
    public readonly identityClientId: pulumi.Output<string>;
    /** The identity's grant on the vault, once Azure RBAC has had time to honour it: resources
     * that encrypt as the identity depend on this, or their creation races the assignment's
     * propagation (up to ten minutes) and fails to reach the key on a fresh stack. */
    public readonly keyAccess: pulumi.Resource;
    /** The role assignment itself (keyAccess waits for it). */
    public readonly keyAccessAssignment: RoleAssignment;

    constructor(name: string, args: KeysArgs<AzureSite>, opts?: pulumi.ComponentResourceOptions) {
        super(KEYS_TYPE, name, {}, opts);
        this.rotationDays = args.rotationDays;
        this.protect = args.protect;
        const problem = validateAzureRotationDays(this.rotationDays);
        if (problem) throw new pulumi.ResourceError(problem, this);

        const { site } = args;
        const child = { parent: this, provider: site.provider };
        const resourceGroupName = site.resourceGroupName;
        const client = getClientConfigOutput({ parent: this, provider: site.provider });

        const suffix = new RandomString(
            `${name}-vault-suffix`,
            { length: NAME_SUFFIX_LENGTH, special: false, upper: false, numeric: true, lower: true },
            { parent: this },
        );
        const vault = new Vault(
            `${name}-vault`,
            {
                vaultName: suffix.result.apply((s) => keyVaultName(site.namePrefix, site.role, s)),
                resourceGroupName,
                location: site.location,
                properties: {
                    tenantId: client.tenantId,
                    // Premium: only a premium vault holds HSM-protected (RSA-HSM) keys.
                    sku: { family: "A", name: "premium" },
                    enableRbacAuthorization: true,
                    enableSoftDelete: true,
                    softDeleteRetentionInDays: 90,
                    enablePurgeProtection: true,
                    publicNetworkAccess: "Disabled",
                    networkAcls: { defaultAction: "Deny", bypass: "AzureServices" },
                },
                tags: { ...site.tags },
            },
            { ...child, protect: args.protect },
        );
        site.diagnostics.register({ name: `${name}-vault`, kind: "keyVault", resourceId: vault.id });
        // Created through Azure Resource Manager, which reaches the vault however closed its network is.
        const key = new Key(
            `${name}-key`,
            {
                keyName: "data",
                vaultName: vault.name,
                resourceGroupName,
                properties: {
                    kty: "RSA-HSM",
                    keySize: 3072,
                    // Wrap and unwrap only: Storage and Managed Redis use nothing else. Atlas, which
                    // encrypts and decrypts, gets its own key (components/azure/atlas.ts).
                    keyOps: [...AZURE_SERVICE_KEY_OPS.value],
                    rotationPolicy: keyRotationPolicy(this.rotationDays),
                },
                tags: { ...site.tags },
            },
            { ...child, protect: args.protect },
        );
        const identity = new UserAssignedIdentity(
            `${name}-identity`,
            { resourceName: `${site.namePrefix}-${site.role}-cmk`, resourceGroupName, location: site.location, tags: { ...site.tags } },
            child,
        );
        this.keyAccessAssignment = new RoleAssignment(
            `${name}-identity-crypto-user`,
            {
                principalId: identity.principalId,
                principalType: "ServicePrincipal",
                roleDefinitionId: client.subscriptionId.apply((sub) => azureRoleDefinitionId(sub, AZURE_BUILT_IN_ROLES.keyVaultCryptoServiceEncryptionUser.value)),
                scope: vault.id,
                description: `${site.namePrefix} ${site.role}: services encrypt with the stack key as this identity`,
            },
            child,
        );
        this.keyAccess = rbacPropagationWait(`${name}-identity-crypto-user-propagation`, [this.keyAccessAssignment], this);

        this.vaultId = vault.id;
        this.vaultName = vault.name;
        this.vaultUri = vault.properties.vaultUri;
        this.keyName = key.name;
        this.keyId = key.keyUri;
        this.keyUriWithVersion = key.keyUriWithVersion;
        this.identityId = identity.id;
        this.identityPrincipalId = identity.principalId;
        this.identityClientId = identity.clientId;
        this.registerOutputs({ keyId: this.keyId, vaultId: this.vaultId, identityId: this.identityId });
    }
}

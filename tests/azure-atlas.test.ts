/**
 * MongoDB Atlas encrypting with an Azure Key Vault key: Atlas encrypts and decrypts (not
 * wrap/unwrap), so it gets a key of its own allowing exactly that, roles from the catalog
 * scoped as narrowly as Atlas allows, and encryption waits out RBAC propagation.
 */
import { describe, expect, it } from "vitest";
import { ATLAS_KEY_NAME, atlasKeyRotationPolicy } from "../components/azure/atlas";
import { RBAC_PROPAGATION_WAIT_TYPE } from "../components/azure/rbac-wait";
import { AZURE_ATLAS_KEY_OPS, AZURE_BUILT_IN_ROLES, AZURE_RBAC_PROPAGATION_SECONDS, AZURE_SERVICE_KEY_OPS, azureRoleDefinitionId } from "../domain/catalogs/azure";
import { dependsOn, input, ofType, one, plan } from "./support/plan";

const AZURE_SP = "22f1d2a6-d0e9-482a-83a4-b8dd7dddc2c1";
const KEY = "azure-native:keyvault:Key";
const ROLE_ASSIGNMENT = "azure-native:authorization:RoleAssignment";

function subscriptionOf(roleDefinitionId: unknown): string {
    return /^\/subscriptions\/([0-9a-f-]{36})\//.exec(String(roleDefinitionId))?.[1] ?? "";
}

describe("Atlas key rotation", () => {
    it("rotates without ever expiring the version Atlas was given", () => {
        const policy = atlasKeyRotationPolicy(90);
        expect(policy.lifetimeActions).toEqual([{ action: { type: "rotate" }, trigger: { timeAfterCreate: "P90D" } }]);
        expect(policy).not.toHaveProperty("attributes");
    });
});

describe.each(["staging", "prod"])("Atlas on Azure in %s", async (stack) => {
    const p = await plan(stack, "azure", { databaseEngine: "atlas", atlasAzureServicePrincipalId: AZURE_SP });
    const atlasKey = one(p, KEY, "database-encryption-key");
    const serviceKey = one(p, KEY, "primary-keys-key");
    const encryption = one(p, "mongodbatlas:index/encryptionAtRest:EncryptionAtRest");

    it("encrypts with a key of its own that allows only encrypt and decrypt", () => {
        expect(input(atlasKey, "keyName")).toBe(ATLAS_KEY_NAME);
        expect(input(atlasKey, "properties.keyOps")).toEqual([...AZURE_ATLAS_KEY_OPS.value]);
        expect(input(atlasKey, "vaultName")).toBe(input(serviceKey, "vaultName"));
        expect(input(serviceKey, "properties.keyOps")).toEqual([...AZURE_SERVICE_KEY_OPS.value]);
        expect(input(atlasKey, "properties.rotationPolicy.attributes")).toBeUndefined();
        expect(String(input(encryption, "azureKeyVaultConfig.keyIdentifier"))).toMatch(new RegExp(`/keys/${ATLAS_KEY_NAME}/[0-9a-f]{32}$`));
        expect(atlasKey.protect).toBe(stack === "prod");
    });

    it("grants Atlas's principal Crypto User on that key only and Reader on the vault, from the catalog", () => {
        const grants = ofType(p, ROLE_ASSIGNMENT).filter((r) => input(r, "principalId") === AZURE_SP);
        expect(grants).toHaveLength(2);
        const crypto = one(p, ROLE_ASSIGNMENT, "database-encryption-crypto-user");
        const reader = one(p, ROLE_ASSIGNMENT, "database-encryption-reader");
        const vault = one(p, "azure-native:keyvault:Vault", "primary-keys-vault");
        const sub = subscriptionOf(crypto.inputs.roleDefinitionId);
        expect(crypto.inputs.roleDefinitionId).toBe(azureRoleDefinitionId(sub, AZURE_BUILT_IN_ROLES.keyVaultCryptoUser.value));
        expect(reader.inputs.roleDefinitionId).toBe(azureRoleDefinitionId(sub, AZURE_BUILT_IN_ROLES.keyVaultReader.value));
        expect(String(crypto.inputs.scope).toLowerCase()).toMatch(new RegExp(`/vaults/${String(vault.inputs.vaultName)}/keys/${ATLAS_KEY_NAME}$`));
        expect(String(reader.inputs.scope).toLowerCase().endsWith(`/vaults/${String(vault.inputs.vaultName)}`)).toBe(true);
        for (const grant of grants) expect(grant.inputs.principalType).toBe("ServicePrincipal");
    });

    it("turns encryption at rest on only after the grants have propagated", () => {
        const wait = one(p, RBAC_PROPAGATION_WAIT_TYPE, "database-encryption-grants-propagation");
        expect(wait.inputs.seconds).toBe(AZURE_RBAC_PROPAGATION_SECONDS.value);
        expect(dependsOn(p, wait, "database-encryption-crypto-user")).toBe(true);
        expect(dependsOn(p, wait, "database-encryption-reader")).toBe(true);
        expect(dependsOn(p, encryption, wait.name)).toBe(true);
    });
});

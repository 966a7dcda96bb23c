import { getClientConfigOutput } from "@pulumi/azure-native/authorization/getClientConfig";
import { RoleAssignment } from "@pulumi/azure-native/authorization/roleAssignment";
import { Key } from "@pulumi/azure-native/keyvault/key";
import { PrivateEndpointConnection } from "@pulumi/azure-native/keyvault/privateEndpointConnection";
import { getNetworkInterfaceOutput } from "@pulumi/azure-native/network/getNetworkInterface";
import { PrivateEndpoint } from "@pulumi/azure-native/network/privateEndpoint";
import { CloudProviderAccessAuthorization } from "@pulumi/mongodbatlas/cloudProviderAccessAuthorization";
import { CloudProviderAccessSetup } from "@pulumi/mongodbatlas/cloudProviderAccessSetup";
import { EncryptionAtRest } from "@pulumi/mongodbatlas/encryptionAtRest";
import { EncryptionAtRestPrivateEndpoint } from "@pulumi/mongodbatlas/encryptionAtRestPrivateEndpoint";
import { PrivateLinkEndpoint } from "@pulumi/mongodbatlas/privateLinkEndpoint";
import { PrivateLinkEndpointService } from "@pulumi/mongodbatlas/privateLinkEndpointService";
import * as pulumi from "@pulumi/pulumi";
import { AZURE_ATLAS_ENTRA_APP_ID, AZURE_ATLAS_KEY_OPS, AZURE_BUILT_IN_ROLES, azureRoleDefinitionId, type AzureBuiltInRole } from "../../domain/catalogs/azure";
import type { AtlasCloudSide } from "../contracts/atlas";
import { azureConnectionSecret } from "./connection-secret";
import type { AzureTypes } from ".";
import { rbacPropagationWait } from "./rbac-wait";

/** MongoDB Atlas's multi-tenant Entra application; its service principal in the stack's tenant
 * is what Atlas authenticates to Key Vault as. */
export const ATLAS_AZURE_APP_ID = AZURE_ATLAS_ENTRA_APP_ID.value;

/** The vault key Atlas encrypts with, beside the stack's wrap-only service key. */
export const ATLAS_KEY_NAME = "atlas";

/**
 * Rotate like the stack key but never expire: Atlas keeps using the key version it was given
 * (it does not follow Key Vault rotations), so an expiring version would stop Atlas encrypting.
 * Each `pulumi up` after `pulumi refresh` hands Atlas the newest version, which Atlas then
 * rotates its master key to.
 */
export function atlasKeyRotationPolicy(days: number): { lifetimeActions: { action: { type: "rotate" }; trigger: { timeAfterCreate: string } }[] } {
    return { lifetimeActions: [{ action: { type: "rotate" }, trigger: { timeAfterCreate: `P${days}D` } }] };
}

/** Atlas's names for the Azure regions this platform offers (domain/regions.ts). Source: Atlas
 * "Microsoft Azure" reference, regions table (2026-11). */
export const ATLAS_AZURE_REGIONS: Readonly<Record<string, string>> = {
    eastus: "US_EAST",
    eastus2: "US_EAST_2",
    centralus: "US_CENTRAL",
    southcentralus: "US_SOUTH_CENTRAL",
    westus: "US_WEST",
    westus2: "US_WEST_2",
    westus3: "US_WEST_3",
    northcentralus: "US_NORTH_CENTRAL",
    canadacentral: "CANADA_CENTRAL",
    brazilsouth: "BRAZIL_SOUTH",
    northeurope: "EUROPE_NORTH",
    westeurope: "EUROPE_WEST",
    uksouth: "UK_SOUTH",
    ukwest: "UK_WEST",
    francecentral: "FRANCE_CENTRAL",
    germanywestcentral: "GERMANY_WEST_CENTRAL",
    swedencentral: "SWEDEN_CENTRAL",
    centralindia: "INDIA_CENTRAL",
    southeastasia: "ASIA_SOUTH_EAST",
    japaneast: "JAPAN_EAST",
    australiaeast: "AUSTRALIA_EAST",
};

export function atlasAzureRegion(location: string): string {
    const name = ATLAS_AZURE_REGIONS[location];
    if (!name) throw new RangeError(`no Atlas region is known for Azure location ${location}; add it to ATLAS_AZURE_REGIONS`);
    return name;
}

/**
 * The Azure side of Atlas: Atlas's service principal granted encrypt/decrypt on a key of its
 * own in the stack's Key Vault (once RBAC has propagated), reached over a private endpoint Atlas opens into the vault (the vault is closed to the
 * internet) and that the stack approves; a private endpoint in each region's data subnet to
 * Atlas's Private Link service; the connection string in Key Vault.
 */
export const azureAtlasSide: AtlasCloudSide<AzureTypes> = {
    providerName: "AZURE",
    atlasRegion: atlasAzureRegion,

    encryptionAtRest(name, { projectId, site, keys, azureServicePrincipalId }, { parent, atlasProvider }) {
        if (!azureServicePrincipalId) {
            throw new pulumi.ResourceError("Atlas on Azure needs atlasAzureServicePrincipalId to use the stack's Key Vault key", parent);
        }
        const atlas = { parent, provider: atlasProvider };
        const azure = { parent, provider: site.provider };
        const client = getClientConfigOutput({ parent, provider: site.provider });
        const principal = { atlasAzureAppId: ATLAS_AZURE_APP_ID, servicePrincipalId: azureServicePrincipalId, tenantId: client.tenantId };
        const setup = new CloudProviderAccessSetup(`${name}-access`, { projectId, providerName: "AZURE", azureConfigs: [principal] }, atlas);
        const authorization = new CloudProviderAccessAuthorization(`${name}-authorization`, { projectId, roleId: setup.roleId, azure: principal }, atlas);
        // Atlas encrypts and decrypts (not wrap/unwrap), so it gets its own key allowing exactly
        // that, and its crypto role is scoped to that key: it cannot use the services' key.
        const atlasKey = new Key(
            `${name}-key`,
            {
                keyName: ATLAS_KEY_NAME,
                vaultName: keys.vaultName,
                resourceGroupName: site.resourceGroupName,
                properties: {
                    kty: "RSA-HSM",
                    keySize: 3072,
                    keyOps: [...AZURE_ATLAS_KEY_OPS.value],
                    rotationPolicy: atlasKeyRotationPolicy(keys.rotationDays),
                },
                tags: { ...site.tags },
            },
            { ...azure, protect: keys.protect },
        );
        const grant = (role: string, definition: AzureBuiltInRole, scope: pulumi.Input<string>) =>
            new RoleAssignment(
                `${name}-${role}`,
                {
                    principalId: azureServicePrincipalId,
                    principalType: "ServicePrincipal",
                    roleDefinitionId: client.subscriptionId.apply((sub) => azureRoleDefinitionId(sub, definition)),
                    scope,
                    description: `${site.namePrefix}: MongoDB Atlas encrypts the database with the stack's Atlas key`,
                },
                azure,
            );
        const grants = [
            // keys/read, encrypt, decrypt on the Atlas key (the key's key_ops forbid the rest).
            grant("crypto-user", AZURE_BUILT_IN_ROLES.keyVaultCryptoUser.value, atlasKey.id),
            // Microsoft.KeyVault/vaults/read, which Atlas's validation also asks for.
            grant("reader", AZURE_BUILT_IN_ROLES.keyVaultReader.value, keys.vaultId),
        ];
        const propagated = rbacPropagationWait(`${name}-grants-propagation`, grants, parent);
        const encryption = new EncryptionAtRest(
            `${name}-at-rest`,
            {
                projectId,
                azureKeyVaultConfig: {
                    enabled: true,
                    azureEnvironment: "AZURE",
                    tenantId: client.tenantId,
                    subscriptionId: client.subscriptionId,
                    resourceGroupName: site.resourceGroupName,
                    keyVaultName: keys.vaultName,
                    keyIdentifier: atlasKey.keyUriWithVersion,
                    roleId: authorization.roleId,
                    // The vault accepts no public traffic; Atlas reaches it over its own private endpoint.
                    requirePrivateNetworking: true,
                },
            },
            { ...atlas, dependsOn: [propagated] },
        );
        const vaultEndpoint = new EncryptionAtRestPrivateEndpoint(
            `${name}-vault-endpoint`,
            { projectId, cloudProvider: "AZURE", regionName: atlasAzureRegion(site.location) },
            { ...atlas, dependsOn: [encryption] },
        );
        // Atlas's endpoint into the vault waits for the vault owner's approval.
        new PrivateEndpointConnection(
            `${name}-vault-endpoint-approval`,
            {
                resourceGroupName: site.resourceGroupName,
                vaultName: keys.vaultName,
                privateEndpointConnectionName: vaultEndpoint.privateEndpointConnectionName,
                privateLinkServiceConnectionState: { status: "Approved", description: "MongoDB Atlas encryption at rest" },
            },
            azure,
        );
        return encryption;
    },

    privateEndpoint(name, { projectId, site, network, dependsOn }, { parent, atlasProvider }) {
        const atlas = { parent, provider: atlasProvider };
        const service = new PrivateLinkEndpoint(
            `${name}-service`,
            { projectId, providerName: "AZURE", region: site.location },
            { ...atlas, dependsOn: [...dependsOn] },
        );
        const endpointName = `${site.namePrefix}-${site.role}-atlas-pe`;
        const nicName = `${endpointName}-nic`;
        const endpoint = new PrivateEndpoint(
            `${name}-pe`,
            {
                resourceGroupName: site.resourceGroupName,
                location: site.location,
                privateEndpointName: endpointName,
                customNetworkInterfaceName: nicName,
                subnet: { id: network.dataSubnetId },
                // Atlas's Private Link service lives in Atlas's subscription: the connection is a
                // request that Atlas approves when the endpoint is registered below.
                manualPrivateLinkServiceConnections: [
                    {
                        name: service.privateLinkServiceName,
                        privateLinkServiceId: service.privateLinkServiceResourceId,
                        requestMessage: "MongoDB Atlas Private Link",
                    },
                ],
                tags: { ...site.tags },
            },
            { parent, provider: site.provider },
        );
        // Atlas needs the endpoint's private IP, which Azure assigns on the endpoint's NIC.
        const nic = getNetworkInterfaceOutput(
            { resourceGroupName: site.resourceGroupName, networkInterfaceName: nicName },
            { parent, provider: site.provider, dependsOn: [endpoint] },
        );
        const registration = new PrivateLinkEndpointService(
            `${name}-registration`,
            {
                projectId,
                privateLinkId: service.privateLinkId,
                providerName: "AZURE",
                endpointServiceId: endpoint.id,
                privateEndpointIpAddress: nic.apply((n) => n.ipConfigurations?.[0]?.privateIPAddress ?? ""),
            },
            atlas,
        );
        return { registration, endpointId: endpoint.id };
    },

    connectionSecret: azureConnectionSecret,
};

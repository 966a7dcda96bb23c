import { getClientConfigOutput } from "@pulumi/azure-native/authorization/getClientConfig";
import { RoleAssignment } from "@pulumi/azure-native/authorization/roleAssignment";
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
import type { AtlasCloudSide } from "../contracts/atlas";
import { azureConnectionSecret } from "./connection-secret";
import type { AzureTypes } from ".";
import { roleDefinitionId } from "./keys";

/** MongoDB Atlas's multi-tenant Entra application; its service principal in the stack's tenant
 * is what Atlas authenticates to Key Vault as. */
export const ATLAS_AZURE_APP_ID = "9f2deb0d-be22-4524-a403-df531868bac0";

/** Built-in roles Atlas's principal needs on the vault: use the key, and read the vault. */
export const KEY_VAULT_CRYPTO_USER_ROLE = "12338af0-0e69-4776-bea7-57ae8d297424";
export const KEY_VAULT_READER_ROLE = "21090545-7ca7-4776-b22c-e363652d74d2";

/** Atlas's names for the Azure regions this platform offers (src/regions.ts). Source: Atlas
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
 * The Azure side of Atlas: Atlas's service principal granted use of the stack's Key Vault key,
 * reached over a private endpoint Atlas opens into the vault (the vault is closed to the
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
        const grants = [
            ["crypto-user", KEY_VAULT_CRYPTO_USER_ROLE],
            ["reader", KEY_VAULT_READER_ROLE],
        ].map(
            ([role, id]) =>
                new RoleAssignment(
                    `${name}-${role}`,
                    {
                        principalId: azureServicePrincipalId,
                        principalType: "ServicePrincipal",
                        roleDefinitionId: client.subscriptionId.apply((sub) => roleDefinitionId(sub, id)),
                        scope: keys.vaultId,
                        description: `${site.namePrefix}: MongoDB Atlas encrypts the database with the stack key`,
                    },
                    azure,
                ),
        );
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
                    keyIdentifier: keys.keyUriWithVersion,
                    roleId: authorization.roleId,
                    // The vault accepts no public traffic; Atlas reaches it over its own private endpoint.
                    requirePrivateNetworking: true,
                },
            },
            { ...atlas, dependsOn: grants },
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

/** Azure mock outputs: resource ids in the provider's subscription, hostnames in the resource's location. */
import { mockPrivateIp, shortHash, str, uuidFrom, type Inputs, type OutputFn } from "./common";
import { azurePlacement, type AzurePlacement, type ProviderConfig } from "./placement";

export { MOCK_SUBSCRIPTION_ID } from "./placement";
export const MOCK_TENANT_ID = "11111111-1111-1111-1111-111111111111";

function resourceGroupOf(inputs: Inputs): string {
    return str(inputs.resourceGroupName, "mock-rg");
}

interface GenericOutputs extends Inputs {
    readonly id: string;
}

function genericOutputs(type: string, name: string, inputs: Inputs, { subscriptionId }: AzurePlacement): GenericOutputs {
    const parts = type.split(":");
    const namespace = `Microsoft.${(parts[1] ?? "").replace(/^./, (c) => c.toUpperCase())}`;
    const kind = (parts[2] ?? "").replace(/^./, (c) => c.toLowerCase()) + "s";
    const resourceName = str(inputs.resourceName, str(inputs.vaultName, str(inputs[`${kind.slice(0, -1)}Name`], name)));
    const id =
        type === "azure-native:resources:ResourceGroup"
            ? `/subscriptions/${subscriptionId}/resourceGroups/${resourceName}`
            : `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupOf(inputs)}/providers/${namespace}/${kind}/${resourceName}`;
    return { id, name: resourceName, azureApiVersion: "mock", type: `${namespace}/${kind}` };
}

/** Outputs the cloud computes that components read. */
const OUTPUTS_BY_TYPE: Readonly<Record<string, OutputFn<AzurePlacement>>> = {
    "azure-native:keyvault:Vault": (name, inputs) => ({
        properties: { ...(inputs.properties as Inputs), vaultUri: `https://${str(inputs.vaultName, name)}.vault.azure.net/` },
    }),
    "azure-native:keyvault:Key": (name, inputs, _id, { subscriptionId }) => {
        const keyName = str(inputs.keyName, name);
        const vault = str(inputs.vaultName, "mock-vault");
        return {
            id: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupOf(inputs)}/providers/Microsoft.KeyVault/vaults/${vault}/keys/${keyName}`,
            name: keyName,
            keyUri: `https://${vault}.vault.azure.net/keys/${keyName}`,
            keyUriWithVersion: `https://${vault}.vault.azure.net/keys/${keyName}/${shortHash(name, 32)}`,
        };
    },
    "azure-native:storage:StorageAccount": (name, inputs, _id, { subscriptionId }) => {
        const account = str(inputs.accountName, name);
        return {
            id: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupOf(inputs)}/providers/Microsoft.Storage/storageAccounts/${account}`,
            name: account,
            primaryEndpoints: { blob: `https://${account}.blob.core.windows.net/` },
        };
    },
    "azure-native:network:Subnet": (name, inputs, _id, { subscriptionId }) => {
        const subnet = str(inputs.subnetName, name);
        return {
            id: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupOf(inputs)}/providers/Microsoft.Network/virtualNetworks/${str(inputs.virtualNetworkName, "mock-vnet")}/subnets/${subnet}`,
            name: subnet,
        };
    },
    "azure-native:redisenterprise:RedisEnterprise": (name, inputs, _id, { location, subscriptionId }) => {
        const cluster = str(inputs.clusterName, name);
        return {
            id: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupOf(inputs)}/providers/Microsoft.Cache/redisEnterprise/${cluster}`,
            name: cluster,
            hostName: `${cluster}.${location}.redis.azure.net`,
        };
    },
    "azure-native:redisenterprise:Database": (name, inputs, _id, { subscriptionId }) => {
        const database = str(inputs.databaseName, "default");
        return {
            id: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupOf(inputs)}/providers/Microsoft.Cache/redisEnterprise/${str(inputs.clusterName, name)}/databases/${database}`,
            name: database,
            port: inputs.port ?? 10000,
        };
    },
    "azure-native:mongocluster:MongoCluster": (name, inputs) => {
        const cluster = str(inputs.mongoClusterName, name);
        return {
            // Only what the service computes: the inputs' `properties` carry the secret
            // administrator password, which would make the whole object secret.
            properties: {
                // What the service returns: the global SRV name, with placeholders for the login.
                connectionString: `mongodb+srv://<user>:<password>@${cluster}.global.mongocluster.cosmos.azure.com/?tls=true&authMechanism=SCRAM-SHA-256&retrywrites=false&maxIdleTimeMS=120000`,
            },
        };
    },
    "azure-native:keyvault:Secret": (name, inputs) => ({ name: str(inputs.secretName, name) }),
    "azure-native:containerservice:ManagedCluster": (name, inputs, _id, { location, subscriptionId }) => {
        const cluster = str(inputs.resourceName, name);
        return {
            id: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupOf(inputs)}/providers/Microsoft.ContainerService/managedClusters/${cluster}`,
            name: cluster,
            fqdn: `${cluster}-${shortHash(name, 8)}.hcp.${location}.azmk8s.io`,
            privateFQDN: `${cluster}-${shortHash(name, 8)}.${shortHash(`${name}-zone`, 36)}.privatelink.${location}.azmk8s.io`,
            oidcIssuerProfile: { enabled: true, issuerURL: `https://${location}.oic.prod-aks.azure.com/${MOCK_TENANT_ID}/${uuidFrom(`${name}-issuer`)}/` },
            identityProfile: {
                kubeletidentity: {
                    clientId: uuidFrom(`${name}-kubelet-client`),
                    objectId: uuidFrom(`${name}-kubelet-object`),
                    resourceId: `/subscriptions/${subscriptionId}/resourceGroups/${str(inputs.nodeResourceGroup, "mock-nodes")}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${cluster}-agentpool`,
                },
            },
        };
    },
    "azure-native:containerregistry:Registry": (name, inputs, _id, { subscriptionId }) => {
        const registry = str(inputs.registryName, name);
        return {
            id: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupOf(inputs)}/providers/Microsoft.ContainerRegistry/registries/${registry}`,
            name: registry,
            loginServer: `${registry}.azurecr.io`,
        };
    },
    "azure-native:network:PublicIPAddress": (name, inputs, _id, { location }) => {
        const dns = inputs.dnsSettings as Inputs | undefined;
        const label = typeof dns?.domainNameLabel === "string" ? dns.domainNameLabel : undefined;
        return {
            ipAddress: `20.${parseInt(shortHash(name, 2), 16)}.${parseInt(shortHash(`${name}-b`, 2), 16)}.${(parseInt(shortHash(`${name}-c`, 2), 16) % 254) + 1}`,
            ...(label ? { dnsSettings: { ...dns, fqdn: `${label}-${shortHash(name, 12)}.${location}.cloudapp.azure.com` } } : {}),
        };
    },
    // The new external tenant's GUID (what the azuread provider and the issuer URL are built on) and initial domain.
    "azure-native:azureactivedirectory:CIAMTenant": (name, inputs, _id, { subscriptionId }) => {
        const prefix = str(inputs.resourceName, name);
        return {
            id: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupOf(inputs)}/providers/Microsoft.AzureActiveDirectory/ciamDirectories/${prefix}`,
            name: prefix,
            tenantId: uuidFrom(`${name}-tenant`),
            domainName: `${prefix}.onmicrosoft.com`,
        };
    },
    "azure-native:managedidentity:UserAssignedIdentity": (name) => ({
        principalId: uuidFrom(`${name}-principal`),
        clientId: uuidFrom(`${name}-client`),
        tenantId: MOCK_TENANT_ID,
    }),
};

export function azureResource(type: string, name: string, inputs: Inputs, provider: ProviderConfig): { id: string; state: Inputs } {
    const placement = azurePlacement(inputs, provider);
    const generic = genericOutputs(type, name, inputs, placement);
    const { id } = generic;
    let state: Inputs = { ...inputs, ...generic };
    const specific = OUTPUTS_BY_TYPE[type];
    if (specific) state = { ...state, ...specific(name, inputs, id, placement) };
    return { id: typeof state.id === "string" ? state.id : id, state };
}

/** Results of the azure-native functions the program calls; undefined for any other token. */
export function azureCall(token: string, inputs: Inputs, provider: ProviderConfig): Inputs | undefined {
    switch (token) {
        case "azure-native:redisenterprise:listDatabaseKeys":
            return { primaryKey: `mock-key-${shortHash(`${str(inputs.clusterName, "c")}-primary`, 32)}`, secondaryKey: `mock-key-${shortHash(`${str(inputs.clusterName, "c")}-secondary`, 32)}` };
        case "azure-native:network:getNetworkInterface":
            return { name: str(inputs.networkInterfaceName, "nic"), ipConfigurations: [{ privateIPAddress: mockPrivateIp(str(inputs.networkInterfaceName, "nic")) }] };
        case "azure-native:containerservice:listManagedClusterUserCredentials": {
            // What AKS returns for an Entra cluster: the API address and CA with a kubelogin user.
            const cluster = str(inputs.resourceName, "cluster");
            const kubeconfig = [
                "apiVersion: v1",
                "clusters:",
                "- cluster:",
                `    certificate-authority-data: ${Buffer.from(`mock-ca-${cluster}`).toString("base64")}`,
                `    server: https://${cluster}.mock.privatelink.${azurePlacement(inputs, provider).location}.azmk8s.io:443`,
                `  name: ${cluster}`,
                "kind: Config",
            ].join("\n");
            return { kubeconfigs: [{ name: "clusterUser", value: Buffer.from(kubeconfig).toString("base64") }] };
        }
        case "azure-native:network:getPublicIPAddress":
            return { name: str(inputs.publicIpAddressName, "ip"), ipAddress: `20.${parseInt(shortHash(str(inputs.publicIpAddressName, "ip"), 2), 16)}.0.1` };
        case "azure-native:authorization:getClientConfig":
            return { subscriptionId: azurePlacement(inputs, provider).subscriptionId, tenantId: MOCK_TENANT_ID, objectId: uuidFrom("deployer"), clientId: uuidFrom("deployer-client") };
        default:
            return undefined;
    }
}

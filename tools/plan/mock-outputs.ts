/**
 * Plausible outputs for the mock engine, so a component that consumes another's outputs
 * (an ARN in a policy, an endpoint in a connection string) sees realistic values instead of
 * undefined. Values are deterministic: the same plan twice is byte-identical.
 *
 * Add an entry to OUTPUTS_BY_TYPE when a component reads an output the cloud computes.
 */
import { createHash } from "node:crypto";
import type * as pulumi from "@pulumi/pulumi";

export const MOCK_ACCOUNT_ID = "123456789012";
export const MOCK_SUBSCRIPTION_ID = "00000000-0000-0000-0000-000000000000";
export const MOCK_TENANT_ID = "11111111-1111-1111-1111-111111111111";
export const MOCK_GCP_PROJECT_NUMBER = "123456789012";

type Inputs = Record<string, unknown>;
type OutputFn = (name: string, inputs: Inputs, id: string) => Inputs;

export function shortHash(text: string, length = 8): string {
    return createHash("sha256").update(text).digest("hex").slice(0, length);
}

function uuidFrom(text: string): string {
    const h = createHash("sha256").update(text).digest("hex");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Private IP in 10.255.0.0/16, stable per name: for endpoints that resolve privately. */
export function mockPrivateIp(name: string): string {
    const h = parseInt(shortHash(name, 4), 16);
    return `10.255.${(h >> 8) % 256}.${(h % 254) + 1}`;
}

function str(v: unknown, fallback: string): string {
    return typeof v === "string" && v.length > 0 ? v : fallback;
}

/** Token → module, e.g. `aws:ec2/vpc:Vpc` → `ec2`, `azure-native:network:VirtualNetwork` → `network`. */
function tokenModule(type: string): string {
    return type.split(":")[1]?.split("/")[0] ?? "";
}

const AWS_ID_PREFIX: Record<string, string> = {
    "aws:ec2/vpc:Vpc": "vpc",
    "aws:ec2/subnet:Subnet": "subnet",
    "aws:ec2/internetGateway:InternetGateway": "igw",
    "aws:ec2/natGateway:NatGateway": "nat",
    "aws:ec2/eip:Eip": "eipalloc",
    "aws:ec2/routeTable:RouteTable": "rtb",
    "aws:ec2/securityGroup:SecurityGroup": "sg",
    "aws:ec2/flowLog:FlowLog": "fl",
    "aws:ec2/networkAcl:NetworkAcl": "acl",
    "aws:ec2/vpcEndpoint:VpcEndpoint": "vpce",
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": "sg",
};

function awsOutputs(type: string, inputs: Inputs, id: string): Inputs {
    const region = str(inputs.region, "us-east-1");
    const service = tokenModule(type);
    return { arn: `arn:aws:${service}:${region}:${MOCK_ACCOUNT_ID}:${service}/${id}`, region, tagsAll: inputs.tags ?? {}, ownerId: MOCK_ACCOUNT_ID };
}

function gcpOutputs(type: string, name: string, inputs: Inputs): Inputs {
    const project = str(inputs.project, "mock-project");
    const resourceName = str(inputs.name, name);
    const collection = type.split(":").pop()!.replace(/^./, (c) => c.toLowerCase()) + "s";
    const location = str(inputs.region, str(inputs.location, "global"));
    const selfLink = `https://www.googleapis.com/compute/v1/projects/${project}/${location === "global" ? "global" : `regions/${location}`}/${collection}/${resourceName}`;
    return { project, name: resourceName, selfLink, effectiveLabels: inputs.labels ?? {} };
}

function azureOutputs(type: string, name: string, inputs: Inputs): Inputs {
    const parts = type.split(":");
    const namespace = `Microsoft.${(parts[1] ?? "").replace(/^./, (c) => c.toUpperCase())}`;
    const kind = (parts[2] ?? "").replace(/^./, (c) => c.toLowerCase()) + "s";
    const resourceName = str(inputs.resourceName, str(inputs.vaultName, str(inputs[`${kind.slice(0, -1)}Name`], name)));
    const rg = str(inputs.resourceGroupName, "mock-rg");
    const id =
        type === "azure-native:resources:ResourceGroup"
            ? `/subscriptions/${MOCK_SUBSCRIPTION_ID}/resourceGroups/${resourceName}`
            : `/subscriptions/${MOCK_SUBSCRIPTION_ID}/resourceGroups/${rg}/providers/${namespace}/${kind}/${resourceName}`;
    return { id, name: resourceName, azureApiVersion: "mock", type: `${namespace}/${kind}` };
}

/** Service agents with a legacy domain; newer services use `gcp-sa-<service>`. */
const GCP_AGENT_DOMAINS: Record<string, string> = {
    "redis.googleapis.com": "cloud-redis",
    "container.googleapis.com": "container-engine-robot",
    "compute.googleapis.com": "compute-system",
    "storage.googleapis.com": "gs-project-accounts",
};

function gcpServiceAgentEmail(service: string): string {
    const domain = GCP_AGENT_DOMAINS[service] ?? `gcp-sa-${service.split(".")[0]}`;
    return `service-${MOCK_GCP_PROJECT_NUMBER}@${domain}.iam.gserviceaccount.com`;
}

/** Outputs the cloud computes that components read. */
const OUTPUTS_BY_TYPE: Readonly<Record<string, OutputFn>> = {
    "aws:kms/key:Key": (name, inputs) => {
        const keyId = uuidFrom(name);
        return { keyId, arn: `arn:aws:kms:${str(inputs.region, "us-east-1")}:${MOCK_ACCOUNT_ID}:key/${keyId}` };
    },
    "aws:kms/replicaKey:ReplicaKey": (name, inputs) => {
        const keyId = uuidFrom(name);
        return { keyId, arn: `arn:aws:kms:${str(inputs.region, "us-west-2")}:${MOCK_ACCOUNT_ID}:key/${keyId}` };
    },
    "aws:sns/topic:Topic": (name, inputs) => ({
        arn: `arn:aws:sns:${str(inputs.region, "us-east-1")}:${MOCK_ACCOUNT_ID}:${str(inputs.name, name)}`,
    }),
    "aws:cloudwatch/logGroup:LogGroup": (name, inputs) => ({
        arn: `arn:aws:logs:${str(inputs.region, "us-east-1")}:${MOCK_ACCOUNT_ID}:log-group:${str(inputs.name, name)}`,
    }),
    "aws:iam/role:Role": (name, inputs) => ({
        arn: `arn:aws:iam::${MOCK_ACCOUNT_ID}:role/${str(inputs.name, name)}`,
        name: str(inputs.name, name),
    }),
    "aws:ec2/vpc:Vpc": (_n, inputs) => ({ cidrBlock: inputs.cidrBlock, defaultSecurityGroupId: `sg-${shortHash(String(inputs.cidrBlock))}`, mainRouteTableId: `rtb-main` }),
    "aws:ec2/eip:Eip": (name) => ({ publicIp: `203.0.113.${(parseInt(shortHash(name, 2), 16) % 254) + 1}` }),
    "aws:secretsmanager/secret:Secret": (name, inputs) => ({
        arn: `arn:aws:secretsmanager:${str(inputs.region, "us-east-1")}:${MOCK_ACCOUNT_ID}:secret:${str(inputs.name, name)}-${shortHash(name, 6)}`,
    }),
    "aws:elasticache/replicationGroup:ReplicationGroup": (name, inputs) => {
        const id = str(inputs.replicationGroupId, name);
        const region = str(inputs.region, "us-east-1");
        return {
            id,
            primaryEndpointAddress: `master.${id}.abc123.use1.cache.amazonaws.com`,
            readerEndpointAddress: `replica.${id}.abc123.use1.cache.amazonaws.com`,
            configurationEndpointAddress: `clustercfg.${id}.abc123.use1.cache.amazonaws.com`,
            port: inputs.port ?? 6379,
            arn: `arn:aws:elasticache:${region}:${MOCK_ACCOUNT_ID}:replicationgroup:${id}`,
        };
    },
    "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup": (name, inputs) => {
        const id = `ldgnf-${str(inputs.globalReplicationGroupIdSuffix, name)}`;
        return { id, globalReplicationGroupId: id };
    },
    "gcp:redis/instance:Instance": (name, inputs) => {
        const instance = str(inputs.name, name);
        const tls = inputs.transitEncryptionMode === "SERVER_AUTHENTICATION";
        return {
            id: `projects/${str(inputs.project, "mock-project")}/locations/${str(inputs.region, "us-central1")}/instances/${instance}`,
            host: mockPrivateIp(`${name}-primary`),
            // Memorystore serves TLS on 6378.
            port: tls ? 6378 : 6379,
            readEndpoint: mockPrivateIp(`${name}-read`),
            authString: inputs.authEnabled === true ? `mock-auth-${shortHash(name, 24)}` : "",
            serverCaCerts: tls ? [{ cert: "-----BEGIN CERTIFICATE-----\nmock\n-----END CERTIFICATE-----", sha1Fingerprint: shortHash(name, 40) }] : [],
            // Imports and exports run as Memorystore's service agent.
            persistenceIamIdentity: `serviceAccount:${gcpServiceAgentEmail("redis.googleapis.com")}`,
        };
    },
    "gcp:redis/cluster:Cluster": (name, inputs) => {
        const cluster = str(inputs.name, name);
        return {
            id: `projects/${str(inputs.project, "mock-project")}/locations/${str(inputs.region, "us-central1")}/clusters/${cluster}`,
            name: cluster,
            discoveryEndpoints: [{ address: mockPrivateIp(`${name}-discovery`), port: 6379, pscConfig: { network: inputs.pscConfigs } }],
            managedServerCas: [{ caCerts: [{ certificates: ["-----BEGIN CERTIFICATE-----\nmock\n-----END CERTIFICATE-----"] }] }],
        };
    },
    "aws:docdb/cluster:Cluster": (name, inputs) => {
        const id = str(inputs.clusterIdentifier, name);
        const region = str(inputs.region, "us-east-1");
        return {
            endpoint: `${id}.cluster-c${shortHash(name, 12)}.${region}.docdb.amazonaws.com`,
            readerEndpoint: `${id}.cluster-ro-c${shortHash(name, 12)}.${region}.docdb.amazonaws.com`,
            port: inputs.port ?? 27017,
        };
    },
    "gcp:compute/address:Address": (name) => ({ address: mockPrivateIp(name) }),
    "gcp:kms/keyRing:KeyRing": (name, inputs) => ({
        id: `projects/${str(inputs.project, "mock-project")}/locations/${str(inputs.location, "global")}/keyRings/${str(inputs.name, name)}`,
    }),
    "gcp:kms/cryptoKey:CryptoKey": (name, inputs) => {
        const id = `${str(inputs.keyRing, "projects/mock-project/locations/global/keyRings/mock")}/cryptoKeys/${str(inputs.name, name)}`;
        return { id, primaries: [{ name: `${id}/cryptoKeyVersions/1`, state: "ENABLED" }] };
    },
    "gcp:compute/network:Network": (name, inputs) => ({
        id: `projects/${str(inputs.project, "mock-project")}/global/networks/${str(inputs.name, name)}`,
    }),
    "gcp:compute/subnetwork:Subnetwork": (name, inputs) => ({
        id: `projects/${str(inputs.project, "mock-project")}/regions/${str(inputs.region, "us-central1")}/subnetworks/${str(inputs.name, name)}`,
    }),
    "gcp:monitoring/notificationChannel:NotificationChannel": (name, inputs) => ({
        name: `projects/${str(inputs.project, "mock-project")}/notificationChannels/${parseInt(shortHash(name, 10), 16)}`,
    }),
    "gcp:serviceaccount/account:Account": (name, inputs) => ({
        email: `${str(inputs.accountId, name)}@${str(inputs.project, "mock-project")}.iam.gserviceaccount.com`,
        member: `serviceAccount:${str(inputs.accountId, name)}@${str(inputs.project, "mock-project")}.iam.gserviceaccount.com`,
    }),
    "gcp:projects/iAMCustomRole:IAMCustomRole": (name, inputs) => {
        const role = `projects/${str(inputs.project, "mock-project")}/roles/${str(inputs.roleId, name)}`;
        return { id: role, name: role };
    },
    "gcp:projects/serviceIdentity:ServiceIdentity": (_name, inputs) => {
        const email = gcpServiceAgentEmail(str(inputs.service, "mock.googleapis.com"));
        return { email, member: `serviceAccount:${email}` };
    },
    "azure-native:keyvault:Vault": (name, inputs) => ({
        properties: { ...(inputs.properties as Inputs), vaultUri: `https://${str(inputs.vaultName, name)}.vault.azure.net/` },
    }),
    "azure-native:keyvault:Key": (name, inputs) => {
        const keyName = str(inputs.keyName, name);
        const vault = str(inputs.vaultName, "mock-vault");
        return {
            id: `/subscriptions/${MOCK_SUBSCRIPTION_ID}/resourceGroups/${str(inputs.resourceGroupName, "mock-rg")}/providers/Microsoft.KeyVault/vaults/${vault}/keys/${keyName}`,
            name: keyName,
            keyUri: `https://${vault}.vault.azure.net/keys/${keyName}`,
            keyUriWithVersion: `https://${vault}.vault.azure.net/keys/${keyName}/${shortHash(name, 32)}`,
        };
    },
    "azure-native:storage:StorageAccount": (name, inputs) => {
        const account = str(inputs.accountName, name);
        return {
            id: `/subscriptions/${MOCK_SUBSCRIPTION_ID}/resourceGroups/${str(inputs.resourceGroupName, "mock-rg")}/providers/Microsoft.Storage/storageAccounts/${account}`,
            name: account,
            primaryEndpoints: { blob: `https://${account}.blob.core.windows.net/` },
        };
    },
    "azure-native:network:Subnet": (name, inputs) => {
        const subnet = str(inputs.subnetName, name);
        return {
            id: `/subscriptions/${MOCK_SUBSCRIPTION_ID}/resourceGroups/${str(inputs.resourceGroupName, "mock-rg")}/providers/Microsoft.Network/virtualNetworks/${str(inputs.virtualNetworkName, "mock-vnet")}/subnets/${subnet}`,
            name: subnet,
        };
    },
    "azure-native:redisenterprise:RedisEnterprise": (name, inputs) => {
        const cluster = str(inputs.clusterName, name);
        return {
            id: `/subscriptions/${MOCK_SUBSCRIPTION_ID}/resourceGroups/${str(inputs.resourceGroupName, "mock-rg")}/providers/Microsoft.Cache/redisEnterprise/${cluster}`,
            name: cluster,
            hostName: `${cluster}.${str(inputs.location, "eastus")}.redis.azure.net`,
        };
    },
    "azure-native:redisenterprise:Database": (name, inputs) => {
        const database = str(inputs.databaseName, "default");
        return {
            id: `/subscriptions/${MOCK_SUBSCRIPTION_ID}/resourceGroups/${str(inputs.resourceGroupName, "mock-rg")}/providers/Microsoft.Cache/redisEnterprise/${str(inputs.clusterName, name)}/databases/${database}`,
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
    "azure-native:managedidentity:UserAssignedIdentity": (name) => ({
        principalId: uuidFrom(`${name}-principal`),
        clientId: uuidFrom(`${name}-client`),
        tenantId: MOCK_TENANT_ID,
    }),
    "random:index/randomPassword:RandomPassword": (name, inputs) => ({
        result: `mock-${shortHash(name, Math.max(8, Math.min(Number(inputs.length ?? 32), 64)))}`,
        bcryptHash: "$2a$10$mock",
    }),
    "random:index/randomId:RandomId": (name) => ({ hex: shortHash(name, 8), b64Url: shortHash(name, 8) }),
    "random:index/randomString:RandomString": (name, inputs) => ({
        result: shortHash(name, Math.max(4, Math.min(Number(inputs.length ?? 8), 32))),
    }),
};

/** MongoDB Atlas: ids are 24 hex digits, and the cluster's connection strings name the project's private endpoints. */
const ATLAS_OUTPUTS: Record<string, OutputFn> = {
    "mongodbatlas:index/project:Project": (name) => ({ id: shortHash(name, 24) }),
    "mongodbatlas:index/advancedCluster:AdvancedCluster": (name, inputs) => {
        const cluster = str(inputs.name, name);
        const host = `${cluster}.${shortHash(name, 5)}.mongodb.net`;
        const sharded = inputs.clusterType === "SHARDED";
        return {
            clusterId: shortHash(`${name}-cluster`, 24),
            stateName: "IDLE",
            connectionStrings: {
                standard: `mongodb://${cluster}-shard-00-00.${shortHash(name, 5)}.mongodb.net:27017/?ssl=true&authSource=admin${sharded ? "" : `&replicaSet=atlas-${shortHash(name, 6)}-shard-0`}`,
                standardSrv: `mongodb+srv://${host}`,
                privateEndpoints: [
                    {
                        type: sharded ? "MONGOS" : "MONGOD",
                        srvConnectionString: `mongodb+srv://${cluster}-pl-0.${shortHash(name, 5)}.mongodb.net`,
                        srvShardOptimizedConnectionString: "",
                        connectionString: `mongodb://pl-0-${shortHash(name, 5)}.mongodb.net:1024/?ssl=true&authSource=admin`,
                        endpoints: [],
                    },
                ],
            },
            replicationSpecs: ((inputs.replicationSpecs as Inputs[] | undefined) ?? []).map((spec, i) => ({
                ...spec,
                zoneId: shortHash(`${name}-zone-${i}`, 24),
                externalId: shortHash(`${name}-shard-${i}`, 24),
            })),
        };
    },
    "mongodbatlas:index/privateLinkEndpoint:PrivateLinkEndpoint": (name, inputs) => ({
        privateLinkId: shortHash(name, 24),
        endpointServiceName: `com.amazonaws.vpce.${str(inputs.region, "us-east-1").toLowerCase().replace(/_/g, "-")}.vpce-svc-${shortHash(name, 17)}`,
        serviceAttachmentNames: [`projects/p-${shortHash(name, 12)}/regions/${str(inputs.region, "central")}/serviceAttachments/sa-${shortHash(name, 8)}`],
        privateLinkServiceName: `pls_${shortHash(name, 24)}`,
        privateLinkServiceResourceId: `/subscriptions/${uuidFrom("atlas")}/resourceGroups/rg_${shortHash(name, 24)}/providers/Microsoft.Network/privateLinkServices/pls_${shortHash(name, 24)}`,
    }),
    "mongodbatlas:index/cloudProviderAccessSetup:CloudProviderAccessSetup": (name) => ({
        roleId: shortHash(name, 24),
        awsConfigs: [{ atlasAwsAccountArn: "arn:aws:iam::536727724300:root", atlasAssumedRoleExternalId: uuidFrom(`${name}-external-id`) }],
        gcpConfigs: [{ serviceAccountForAtlas: `atlas-${shortHash(name, 10)}@p-${shortHash(name, 12)}.iam.gserviceaccount.com`, status: "ACTIVE" }],
    }),
    "mongodbatlas:index/cloudProviderAccessAuthorization:CloudProviderAccessAuthorization": (_name, inputs) => ({ roleId: inputs.roleId }),
    "mongodbatlas:index/encryptionAtRestPrivateEndpoint:EncryptionAtRestPrivateEndpoint": (name) => ({
        privateEndpointConnectionName: `atlas-kv-${shortHash(name, 12)}`,
        status: "PENDING_ACCEPTANCE",
    }),
};
Object.assign(OUTPUTS_BY_TYPE, ATLAS_OUTPUTS);


export function mockResource(args: pulumi.runtime.MockResourceArgs): { id: string; state: Inputs } {
    const { type, name } = args;
    const inputs = args.inputs as Inputs;
    const cloud = type.split(":")[0];
    const id =
        cloud === "aws"
            ? `${AWS_ID_PREFIX[type] ?? tokenModule(type)}-${shortHash(name, 17)}`
            : cloud === "azure-native"
              ? (azureOutputs(type, name, inputs).id as string)
              : `${name}-${shortHash(name)}`;
    let state: Inputs = { ...inputs };
    if (cloud === "aws") state = { ...state, ...awsOutputs(type, inputs, id) };
    else if (cloud === "gcp") state = { ...state, ...gcpOutputs(type, name, inputs), id };
    else if (cloud === "azure-native") state = { ...state, ...azureOutputs(type, name, inputs) };
    const specific = OUTPUTS_BY_TYPE[type];
    if (specific) state = { ...state, ...specific(name, inputs, id) };
    return { id: typeof state.id === "string" ? state.id : id, state };
}

/** Results for provider functions (invokes) the program calls. */
export function mockCall(args: pulumi.runtime.MockCallArgs): Inputs {
    const inputs = args.inputs as Inputs;
    switch (args.token) {
        case "aws:index/getCallerIdentity:getCallerIdentity":
            return { accountId: MOCK_ACCOUNT_ID, arn: `arn:aws:iam::${MOCK_ACCOUNT_ID}:user/mock`, userId: "AIDAMOCK", id: MOCK_ACCOUNT_ID };
        case "aws:index/getPartition:getPartition":
            return { partition: "aws", dnsSuffix: "amazonaws.com", id: "aws" };
        case "aws:index/getRegion:getRegion":
            return { name: str(inputs.region, "us-east-1"), region: str(inputs.region, "us-east-1"), id: str(inputs.region, "us-east-1") };
        case "gcp:organizations/getProject:getProject":
            return { projectId: str(inputs.projectId, "mock-project"), number: MOCK_GCP_PROJECT_NUMBER, id: `projects/${str(inputs.projectId, "mock-project")}` };
        case "gcp:storage/getProjectServiceAccount:getProjectServiceAccount": {
            const email = gcpServiceAgentEmail("storage.googleapis.com");
            return { emailAddress: email, member: `serviceAccount:${email}`, project: str(inputs.project, "mock-project"), id: email };
        }
        case "gcp:organizations/getClientConfig:getClientConfig":
            return { project: "mock-project", region: "us-central1", accessToken: "mock", id: "mock" };
        case "azure-native:redisenterprise:listDatabaseKeys":
            return { primaryKey: `mock-key-${shortHash(`${str(inputs.clusterName, "c")}-primary`, 32)}`, secondaryKey: `mock-key-${shortHash(`${str(inputs.clusterName, "c")}-secondary`, 32)}` };
        case "azure-native:network:getNetworkInterface":
            return { name: str(inputs.networkInterfaceName, "nic"), ipConfigurations: [{ privateIPAddress: mockPrivateIp(str(inputs.networkInterfaceName, "nic")) }] };
        case "azure-native:authorization:getClientConfig":
            return { subscriptionId: MOCK_SUBSCRIPTION_ID, tenantId: MOCK_TENANT_ID, objectId: uuidFrom("deployer"), clientId: uuidFrom("deployer-client") };
        default:
            return { ...inputs };
    }
}

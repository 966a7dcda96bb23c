/**
 * MongoDB Atlas mock outputs: ids are 24 hex digits, and the cluster's connection strings
 * name the project's private endpoints. Atlas resources carry their own (cloud-neutral)
 * region names, so nothing here depends on a provider's configuration.
 */
import { shortHash, str, uuidFrom, type Inputs, type OutputFn } from "./common";

const OUTPUTS_BY_TYPE: Readonly<Record<string, OutputFn<unknown>>> = {
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
                // As read when the cluster is created: Atlas may not list the private-endpoint
                // strings yet (provider issue #2782); the data source read afterwards has them.
                privateEndpoints: [],
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

/** `getAdvancedCluster` after the cluster and its endpoints exist: the private-endpoint SRV
 * string Atlas publishes then (its host carries `-pl-0`), beside the public ones. */
function advancedCluster(inputs: Inputs): Inputs {
    const cluster = str(inputs.name, "cluster");
    const hash = shortHash(cluster, 5);
    return {
        ...inputs,
        connectionStrings: {
            standard: `mongodb://${cluster}-shard-00-00.${hash}.mongodb.net:27017/?ssl=true&authSource=admin&replicaSet=atlas-${shortHash(cluster, 6)}-shard-0`,
            standardSrv: `mongodb+srv://${cluster}.${hash}.mongodb.net`,
            private: "",
            privateSrv: "",
            privateEndpoints: [
                {
                    type: "MONGOD",
                    srvConnectionString: `mongodb+srv://${cluster}-pl-0.${hash}.mongodb.net`,
                    srvShardOptimizedConnectionString: "",
                    connectionString: `mongodb://pl-0-${hash}.mongodb.net:1024/?ssl=true&authSource=admin`,
                    endpoints: [],
                },
            ],
        },
    };
}

const CALLS: Readonly<Record<string, (inputs: Inputs) => Inputs>> = {
    "mongodbatlas:index/getAdvancedCluster:getAdvancedCluster": advancedCluster,
};

/** Results of Atlas provider functions; undefined for one with no mock (its inputs are echoed). */
export function atlasCall(token: string, inputs: Inputs): Inputs | undefined {
    return CALLS[token]?.(inputs);
}

/** Atlas-specific outputs, merged over the inputs and the neutral id; undefined for a type with none. */
export function atlasOutputs(type: string, name: string, inputs: Inputs, id: string): Inputs | undefined {
    return OUTPUTS_BY_TYPE[type]?.(name, inputs, id, undefined);
}

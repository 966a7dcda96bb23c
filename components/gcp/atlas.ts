import { Address } from "@pulumi/gcp/compute/address";
import { ForwardingRule } from "@pulumi/gcp/compute/forwardingRule";
import { CryptoKeyIAMMember } from "@pulumi/gcp/kms/cryptoKeyIAMMember";
import { CloudProviderAccessAuthorization } from "@pulumi/mongodbatlas/cloudProviderAccessAuthorization";
import { CloudProviderAccessSetup } from "@pulumi/mongodbatlas/cloudProviderAccessSetup";
import { EncryptionAtRest } from "@pulumi/mongodbatlas/encryptionAtRest";
import { PrivateLinkEndpoint } from "@pulumi/mongodbatlas/privateLinkEndpoint";
import { PrivateLinkEndpointService } from "@pulumi/mongodbatlas/privateLinkEndpointService";
import { GCP_ROLES } from "../../domain/catalogs/gcp";
import type { AtlasCloudSide } from "../contracts/atlas";
import { gcpConnectionSecret } from "./connection-secret";
import type { GcpTypes } from ".";

/**
 * Atlas's names for the GCP regions this platform offers (domain/regions.ts). The oldest regions
 * have descriptive names (us-central1 is CENTRAL_US); newer ones follow the GCP name.
 * Source: Atlas "Google Cloud Platform" reference, regions table (2026-11).
 */
export const ATLAS_GCP_REGIONS: Readonly<Record<string, string>> = {
    "us-central1": "CENTRAL_US",
    "us-east1": "EASTERN_US",
    "us-east4": "US_EAST_4",
    "us-west1": "WESTERN_US",
    "us-west2": "US_WEST_2",
    "northamerica-northeast1": "NORTH_AMERICA_NORTHEAST_1",
    "southamerica-east1": "SOUTH_AMERICA_EAST_1",
    "europe-west1": "WESTERN_EUROPE",
    "europe-west2": "EUROPE_WEST_2",
    "europe-west3": "EUROPE_WEST_3",
    "europe-west4": "EUROPE_WEST_4",
    "europe-north1": "EUROPE_NORTH_1",
    "asia-south1": "ASIA_SOUTH_1",
    "asia-southeast1": "SOUTHEASTERN_ASIA_PACIFIC",
    "asia-east1": "EASTERN_ASIA_PACIFIC",
    "asia-northeast1": "NORTHEASTERN_ASIA_PACIFIC",
    "australia-southeast1": "AUSTRALIA_SOUTHEAST_1",
};

export function atlasGcpRegion(region: string): string {
    const name = ATLAS_GCP_REGIONS[region];
    if (!name) throw new RangeError(`no Atlas region is known for GCP region ${region}; add it to ATLAS_GCP_REGIONS`);
    return name;
}

/** Atlas's service account needs to use the key and to read its metadata (to validate it). */
export const ATLAS_GCP_KEY_ROLES = [GCP_ROLES.kmsEncrypterDecrypter.value, GCP_ROLES.kmsViewer.value] as const;

/**
 * The GCP side of Atlas. GCP has no managed MongoDB, so the stack's native database is Atlas
 * on GCP: encrypted with the stack's Cloud KMS key through Atlas's own service account, and
 * reached through a Private Service Connect endpoint in each region's data subnet.
 */
export const gcpAtlasSide: AtlasCloudSide<GcpTypes> = {
    providerName: "GCP",
    atlasRegion: atlasGcpRegion,

    encryptionAtRest(name, { projectId, site, keys }, { parent, atlasProvider }) {
        const atlas = { parent, provider: atlasProvider };
        const setup = new CloudProviderAccessSetup(`${name}-access`, { projectId, providerName: "GCP" }, atlas);
        const authorization = new CloudProviderAccessAuthorization(`${name}-authorization`, { projectId, roleId: setup.roleId }, atlas);
        const member = setup.gcpConfigs.apply((configs) => `serviceAccount:${configs[0]?.serviceAccountForAtlas ?? ""}`);
        const grants = ATLAS_GCP_KEY_ROLES.map(
            (role) =>
                new CryptoKeyIAMMember(
                    `${name}-${role.split(".").pop()}`,
                    { cryptoKeyId: keys.keyId, role, member },
                    { parent, provider: site.provider, dependsOn: [authorization] },
                ),
        );
        return new EncryptionAtRest(
            `${name}-at-rest`,
            { projectId, googleCloudKmsConfig: { enabled: true, keyVersionResourceId: keys.primaryVersionId, roleId: authorization.roleId } },
            { ...atlas, dependsOn: grants },
        );
    },

    privateEndpoint(name, { projectId, site, network, dependsOn }, { parent, atlasProvider }) {
        const atlas = { parent, provider: atlasProvider };
        const gcp = { parent, provider: site.provider, dependsOn: [site.services] };
        // Port mapping: one service attachment and one consumer endpoint serve every node
        // (the legacy architecture needed an address and forwarding rule per node).
        const service = new PrivateLinkEndpoint(
            `${name}-service`,
            { projectId, providerName: "GCP", region: atlasGcpRegion(site.region), portMappingEnabled: true },
            { ...atlas, dependsOn: [...dependsOn] },
        );
        // The endpoint is an internal address and the forwarding rule that uses it: one name, place and description.
        const endpoint = {
            project: site.project,
            name: `${site.namePrefix}-${site.role}-atlas`,
            region: site.region,
            description: "Private Service Connect endpoint to MongoDB Atlas",
        };
        const address = new Address(`${name}-address`, { ...endpoint, subnetwork: network.dataSubnetSelfLink, addressType: "INTERNAL" }, gcp);
        const forwardingRule = new ForwardingRule(
            `${name}-psc`,
            {
                ...endpoint,
                network: network.networkSelfLink,
                ipAddress: address.id,
                // A PSC consumer endpoint: no load-balancing scheme, the service attachment as target.
                loadBalancingScheme: "",
                target: service.serviceAttachmentNames.apply((names) => names[0]),
            },
            gcp,
        );
        const registration = new PrivateLinkEndpointService(
            `${name}-registration`,
            {
                projectId,
                privateLinkId: service.privateLinkId,
                providerName: "GCP",
                endpointServiceId: forwardingRule.name,
                privateEndpointIpAddress: address.address,
                gcpProjectId: site.project,
            },
            atlas,
        );
        return { registration, endpointId: forwardingRule.name };
    },

    connectionSecret: gcpConnectionSecret,
};

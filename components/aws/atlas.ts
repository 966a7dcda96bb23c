import { SecurityGroup } from "@pulumi/aws/ec2/securityGroup";
import { VpcEndpoint } from "@pulumi/aws/ec2/vpcEndpoint";
import { Role } from "@pulumi/aws/iam/role";
import { RolePolicy } from "@pulumi/aws/iam/rolePolicy";
import { SecurityGroupIngressRule } from "@pulumi/aws/vpc/securityGroupIngressRule";
import { CloudProviderAccessAuthorization } from "@pulumi/mongodbatlas/cloudProviderAccessAuthorization";
import { CloudProviderAccessSetup } from "@pulumi/mongodbatlas/cloudProviderAccessSetup";
import { EncryptionAtRest } from "@pulumi/mongodbatlas/encryptionAtRest";
import { PrivateLinkEndpoint } from "@pulumi/mongodbatlas/privateLinkEndpoint";
import { PrivateLinkEndpointService } from "@pulumi/mongodbatlas/privateLinkEndpointService";
import * as pulumi from "@pulumi/pulumi";
import type { AtlasCloudSide } from "../contracts/atlas";
import { awsConnectionSecret } from "./connection-secret";
import type { AwsTypes } from ".";

/** Atlas names AWS regions in upper snake case: us-east-1 → US_EAST_1. */
export function atlasAwsRegion(region: string): string {
    return region.toUpperCase().replace(/-/g, "_");
}

/** Atlas assumes the role from its own AWS account, and only with the project's external id
 * (the confused-deputy guard). */
export function atlasAssumeRolePolicy(atlasAwsAccountArn: string, externalId: string): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Principal: { AWS: atlasAwsAccountArn },
                Action: "sts:AssumeRole",
                Condition: { StringEquals: { "sts:ExternalId": externalId } },
            },
        ],
    });
}

/** What Atlas needs to wrap its data keys with the stack key, on that key alone. */
export function atlasKmsPolicy(keyArn: string): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: ["kms:Encrypt", "kms:Decrypt", "kms:DescribeKey"], Resource: keyArn }],
    });
}

/**
 * Atlas PrivateLink maps each cluster node to its own port on the interface endpoint, in
 * 1024-65535; the MongoDB port alone would not reach every member.
 */
export const ATLAS_PRIVATELINK_PORTS = { from: 1024, to: 65535 } as const;

/** The AWS side of Atlas: an IAM role for KMS, interface VPC endpoints, Secrets Manager. */
export const awsAtlasSide: AtlasCloudSide<AwsTypes> = {
    providerName: "AWS",
    atlasRegion: atlasAwsRegion,

    encryptionAtRest(name, { projectId, site, keys }, { parent, atlasProvider }) {
        const atlas = { parent, provider: atlasProvider };
        const aws = { parent, provider: site.provider };
        const setup = new CloudProviderAccessSetup(`${name}-access`, { projectId, providerName: "AWS" }, atlas);
        const atlasAws = setup.awsConfigs.apply((configs) => configs[0]);
        const role = new Role(
            `${name}-role`,
            {
                name: `${site.namePrefix}-atlas-kms`,
                description: "MongoDB Atlas encrypts the stack's database with the stack key",
                assumeRolePolicy: pulumi.all([atlasAws.atlasAwsAccountArn, atlasAws.atlasAssumedRoleExternalId]).apply(([arn, id]) => atlasAssumeRolePolicy(arn, id)),
            },
            aws,
        );
        const policy = new RolePolicy(`${name}-kms`, { role: role.id, policy: keys.keyArn.apply(atlasKmsPolicy) }, aws);
        const authorization = new CloudProviderAccessAuthorization(
            `${name}-authorization`,
            { projectId, roleId: setup.roleId, aws: { iamAssumedRoleArn: role.arn } },
            { ...atlas, dependsOn: [policy] },
        );
        return new EncryptionAtRest(
            `${name}-at-rest`,
            {
                projectId,
                awsKmsConfig: {
                    enabled: true,
                    // Atlas takes the key id, the last part of the key ARN.
                    customerMasterKeyId: keys.keyArn.apply((arn) => arn.split("/").pop() ?? arn),
                    region: atlasAwsRegion(site.region),
                    roleId: authorization.roleId,
                },
            },
            atlas,
        );
    },

    privateEndpoint(name, { projectId, site, network, dependsOn }, { parent, atlasProvider }) {
        const aws = { parent, provider: site.provider };
        const atlas = { parent, provider: atlasProvider };
        const endpoint = new PrivateLinkEndpoint(
            `${name}-service`,
            { projectId, providerName: "AWS", region: atlasAwsRegion(site.region) },
            { ...atlas, dependsOn: [...dependsOn] },
        );
        const securityGroup = new SecurityGroup(
            `${name}-sg`,
            {
                vpcId: network.vpcId,
                name: `${site.namePrefix}-${site.role}-atlas-endpoint`,
                description: "Atlas private endpoint: node ports from the workload security group only",
                tags: { Name: `${site.namePrefix}-${site.role}-atlas-endpoint` },
            },
            aws,
        );
        new SecurityGroupIngressRule(
            `${name}-sg-atlas`,
            {
                securityGroupId: securityGroup.id,
                referencedSecurityGroupId: network.workloadSecurityGroupId,
                ipProtocol: "tcp",
                fromPort: ATLAS_PRIVATELINK_PORTS.from,
                toPort: ATLAS_PRIVATELINK_PORTS.to,
                description: "Atlas cluster nodes (one port each) from the app tier's workloads",
            },
            aws,
        );
        const vpcEndpoint = new VpcEndpoint(
            `${name}-vpce`,
            {
                vpcId: network.vpcId,
                serviceName: endpoint.endpointServiceName,
                vpcEndpointType: "Interface",
                subnetIds: network.dataSubnetIds,
                securityGroupIds: [securityGroup.id],
                tags: { Name: `${site.namePrefix}-${site.role}-atlas` },
            },
            aws,
        );
        const registration = new PrivateLinkEndpointService(
            `${name}-registration`,
            { projectId, privateLinkId: endpoint.privateLinkId, endpointServiceId: vpcEndpoint.id, providerName: "AWS" },
            atlas,
        );
        return { registration, endpointId: vpcEndpoint.id };
    },

    connectionSecret: awsConnectionSecret,
};

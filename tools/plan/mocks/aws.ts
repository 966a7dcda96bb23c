/** AWS mock outputs: ARNs, ids and endpoints in the resource's region (its own, else its provider's). */
import { shortHash, str, tokenModule, uuidFrom, type Inputs, type OutputFn } from "./common";
import { awsPlacement, type AwsPlacement, type ProviderConfig } from "./placement";

export const MOCK_ACCOUNT_ID = "123456789012";

const ID_PREFIX: Record<string, string> = {
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
    "aws:ec2/launchTemplate:LaunchTemplate": "lt",
};

/** The short region code AWS puts in hostnames: `us-east-1` → `use1`, `eu-central-1` → `euc1`. */
export function awsRegionCode(region: string): string {
    const [area, direction, number] = region.split("-");
    return direction && number ? `${area}${direction[0]}${number}` : region;
}

/**
 * The zone name an account sees for an AZ ID. Real accounts map letters to zones per account;
 * the mock maps `<prefix>-az<n>` to the n-th letter so plans are deterministic. Anything that
 * is not an AZ ID gets no name, as a real subnet created from a bad id would not exist.
 */
export function mockZoneName(region: string, zoneId: string): string | undefined {
    const match = /-az(\d+)$/.exec(zoneId);
    return match ? `${region}${String.fromCharCode(96 + Number(match[1]))}` : undefined;
}

/** Outputs the cloud computes that components read. */
const OUTPUTS_BY_TYPE: Readonly<Record<string, OutputFn<AwsPlacement>>> = {
    "aws:kms/key:Key": (name, _inputs, _id, { region }) => {
        const keyId = uuidFrom(name);
        return { keyId, arn: `arn:aws:kms:${region}:${MOCK_ACCOUNT_ID}:key/${keyId}` };
    },
    "aws:kms/replicaKey:ReplicaKey": (name, _inputs, _id, { region }) => {
        const keyId = uuidFrom(name);
        return { keyId, arn: `arn:aws:kms:${region}:${MOCK_ACCOUNT_ID}:key/${keyId}` };
    },
    "aws:sns/topic:Topic": (name, inputs, _id, { region }) => ({
        arn: `arn:aws:sns:${region}:${MOCK_ACCOUNT_ID}:${str(inputs.name, name)}`,
    }),
    "aws:cloudwatch/logGroup:LogGroup": (name, inputs, _id, { region }) => ({
        arn: `arn:aws:logs:${region}:${MOCK_ACCOUNT_ID}:log-group:${str(inputs.name, name)}`,
    }),
    // The rule's name is what its targets name it by: without it a target loses its rule input.
    "aws:cloudwatch/eventRule:EventRule": (name, inputs, _id, { region }) => {
        const ruleName = str(inputs.name, name);
        const bus = typeof inputs.eventBusName === "string" && inputs.eventBusName !== "default" ? `${inputs.eventBusName}/` : "";
        return { name: ruleName, arn: `arn:aws:events:${region}:${MOCK_ACCOUNT_ID}:rule/${bus}${ruleName}` };
    },
    "aws:iam/role:Role": (name, inputs) => ({
        arn: `arn:aws:iam::${MOCK_ACCOUNT_ID}:role/${str(inputs.name, name)}`,
        name: str(inputs.name, name),
    }),
    "aws:ec2/vpc:Vpc": (_n, inputs) => ({ cidrBlock: inputs.cidrBlock, defaultSecurityGroupId: `sg-${shortHash(String(inputs.cidrBlock))}`, mainRouteTableId: `rtb-main` }),
    "aws:ec2/subnet:Subnet": (_n, inputs, _id, { region }) => {
        const zoneId = typeof inputs.availabilityZoneId === "string" ? inputs.availabilityZoneId : undefined;
        return { availabilityZone: inputs.availabilityZone ?? (zoneId === undefined ? undefined : mockZoneName(region, zoneId)) };
    },
    "aws:ec2/eip:Eip": (name) => ({ publicIp: `203.0.113.${(parseInt(shortHash(name, 2), 16) % 254) + 1}` }),
    "aws:secretsmanager/secret:Secret": (name, inputs, _id, { region }) => ({
        arn: `arn:aws:secretsmanager:${region}:${MOCK_ACCOUNT_ID}:secret:${str(inputs.name, name)}-${shortHash(name, 6)}`,
    }),
    "aws:elasticache/replicationGroup:ReplicationGroup": (name, inputs, _id, { region }) => {
        const id = str(inputs.replicationGroupId, name);
        const code = awsRegionCode(region);
        return {
            id,
            primaryEndpointAddress: `master.${id}.abc123.${code}.cache.amazonaws.com`,
            readerEndpointAddress: `replica.${id}.abc123.${code}.cache.amazonaws.com`,
            configurationEndpointAddress: `clustercfg.${id}.abc123.${code}.cache.amazonaws.com`,
            port: inputs.port ?? 6379,
            arn: `arn:aws:elasticache:${region}:${MOCK_ACCOUNT_ID}:replicationgroup:${id}`,
        };
    },
    "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup": (name, inputs) => {
        const id = `ldgnf-${str(inputs.globalReplicationGroupIdSuffix, name)}`;
        return { id, globalReplicationGroupId: id };
    },
    "aws:eks/cluster:Cluster": (name, inputs, _id, { region }) => {
        const clusterName = str(inputs.name, name);
        const oidcId = shortHash(name, 32).toUpperCase();
        const vpcConfig = typeof inputs.vpcConfig === "object" && inputs.vpcConfig !== null ? inputs.vpcConfig : {};
        return {
            name: clusterName,
            arn: `arn:aws:eks:${region}:${MOCK_ACCOUNT_ID}:cluster/${clusterName}`,
            endpoint: `https://${oidcId}.gr7.${region}.eks.amazonaws.com`,
            certificateAuthority: { data: Buffer.from(`mock CA of ${clusterName}`).toString("base64") },
            identities: [{ oidcs: [{ issuer: `https://oidc.eks.${region}.amazonaws.com/id/${oidcId}` }] }],
            vpcConfig: { ...vpcConfig, clusterSecurityGroupId: `sg-${shortHash(`${name}-cluster`, 17)}` },
        };
    },
    "aws:ec2/launchTemplate:LaunchTemplate": () => ({ latestVersion: 1, defaultVersion: 1 }),
    "aws:ecr/repository:Repository": (name, inputs, _id, { region }) => ({
        registryId: MOCK_ACCOUNT_ID,
        repositoryUrl: `${MOCK_ACCOUNT_ID}.dkr.ecr.${region}.amazonaws.com/${str(inputs.name, name)}`,
    }),
    "aws:docdb/cluster:Cluster": (name, inputs, _id, { region }) => {
        const id = str(inputs.clusterIdentifier, name);
        return {
            endpoint: `${id}.cluster-c${shortHash(name, 12)}.${region}.docdb.amazonaws.com`,
            readerEndpoint: `${id}.cluster-ro-c${shortHash(name, 12)}.${region}.docdb.amazonaws.com`,
            port: inputs.port ?? 27017,
        };
    },
    // Cognito: a pool id is `<region>_<9 alphanumerics>`, a client id 26 lower-case alphanumerics,
    // and only a client that asks for one has a secret; a custom domain is a CloudFront alias.
    "aws:cognito/userPool:UserPool": (name, _inputs, _id, { region }) => {
        const id = `${region}_${shortHash(name, 9)}`;
        return { id, arn: `arn:aws:cognito-idp:${region}:${MOCK_ACCOUNT_ID}:userpool/${id}`, endpoint: `cognito-idp.${region}.amazonaws.com/${id}` };
    },
    "aws:cognito/userPoolClient:UserPoolClient": (name, inputs) => ({
        id: shortHash(name, 26),
        clientSecret: inputs.generateSecret === true ? shortHash(`${name}-secret`, 51) : "",
    }),
    "aws:cognito/userPoolDomain:UserPoolDomain": (name, inputs) =>
        typeof inputs.certificateArn === "string" ? { cloudfrontDistribution: `d${shortHash(name, 13)}.cloudfront.net`, cloudfrontDistributionZoneId: "Z2FDTNDATAQYW2" } : {},
    "aws:acm/certificate:Certificate": (name, inputs, _id, { region }) => {
        const domainName = str(inputs.domainName, name);
        return {
            arn: `arn:aws:acm:${region}:${MOCK_ACCOUNT_ID}:certificate/${uuidFrom(name)}`,
            domainValidationOptions: [
                { domainName, resourceRecordName: `_${shortHash(name, 32)}.${domainName}.`, resourceRecordType: "CNAME", resourceRecordValue: `_${shortHash(`${name}-v`, 32)}.acm-validations.aws.` },
            ],
        };
    },
    "aws:route53/record:Record": (name, inputs) => ({ fqdn: str(inputs.name, name).replace(/\.$/, "") }),
};

/** The region a type falls back to when neither the resource nor its provider names one. */
const DEFAULT_REGION_BY_TYPE: Readonly<Record<string, string>> = {
    // A replica lives away from its primary, which defaults to us-east-1.
    "aws:kms/replicaKey:ReplicaKey": "us-west-2",
};

export function awsResource(type: string, name: string, inputs: Inputs, provider: ProviderConfig): { id: string; state: Inputs } {
    const placement = awsPlacement(inputs, provider, DEFAULT_REGION_BY_TYPE[type]);
    const { region } = placement;
    const service = tokenModule(type);
    const id = `${ID_PREFIX[type] ?? service}-${shortHash(name, 17)}`;
    let state: Inputs = { ...inputs, arn: `arn:aws:${service}:${region}:${MOCK_ACCOUNT_ID}:${service}/${id}`, region, tagsAll: inputs.tags ?? {}, ownerId: MOCK_ACCOUNT_ID };
    const specific = OUTPUTS_BY_TYPE[type];
    if (specific) state = { ...state, ...specific(name, inputs, id, placement) };
    return { id: typeof state.id === "string" ? state.id : id, state };
}

/** Results of the AWS provider functions the program calls; undefined for any other token. */
export function awsCall(token: string, inputs: Inputs, provider: ProviderConfig): Inputs | undefined {
    switch (token) {
        case "aws:index/getCallerIdentity:getCallerIdentity":
            return { accountId: MOCK_ACCOUNT_ID, arn: `arn:aws:iam::${MOCK_ACCOUNT_ID}:user/mock`, userId: "AIDAMOCK", id: MOCK_ACCOUNT_ID };
        case "aws:iam/getSessionContext:getSessionContext": {
            // The mock caller is an IAM user, whose session is itself.
            const arn = typeof inputs.arn === "string" ? inputs.arn : `arn:aws:iam::${MOCK_ACCOUNT_ID}:user/mock`;
            return { arn, issuerArn: arn, issuerId: "AIDAMOCK", issuerName: "mock", sessionName: "", id: arn };
        }
        case "aws:route53/getZone:getZone": {
            const name = typeof inputs.name === "string" ? inputs.name : "example.com";
            const zoneId = `Z${shortHash(name, 20).toUpperCase()}`;
            return { name, zoneId, id: zoneId, privateZone: false };
        }
        case "aws:index/getPartition:getPartition":
            return { partition: "aws", dnsSuffix: "amazonaws.com", id: "aws" };
        case "aws:index/getRegion:getRegion": {
            const { region } = awsPlacement(inputs, provider);
            return { name: region, region, id: region };
        }
        default:
            return undefined;
    }
}

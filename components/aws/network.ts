import { LogGroup } from "@pulumi/aws/cloudwatch/logGroup";
import { DefaultSecurityGroup } from "@pulumi/aws/ec2/defaultSecurityGroup";
import { Eip } from "@pulumi/aws/ec2/eip";
import { FlowLog } from "@pulumi/aws/ec2/flowLog";
import { InternetGateway } from "@pulumi/aws/ec2/internetGateway";
import { NatGateway } from "@pulumi/aws/ec2/natGateway";
import { RouteTable } from "@pulumi/aws/ec2/routeTable";
import { RouteTableAssociation } from "@pulumi/aws/ec2/routeTableAssociation";
import { SecurityGroup } from "@pulumi/aws/ec2/securityGroup";
import { Subnet } from "@pulumi/aws/ec2/subnet";
import { Vpc } from "@pulumi/aws/ec2/vpc";
import { VpcEndpoint } from "@pulumi/aws/ec2/vpcEndpoint";
import { getCallerIdentityOutput } from "@pulumi/aws/getCallerIdentity";
import { Role } from "@pulumi/aws/iam/role";
import { RolePolicy } from "@pulumi/aws/iam/rolePolicy";
import { SecurityGroupIngressRule } from "@pulumi/aws/vpc/securityGroupIngressRule";
import * as pulumi from "@pulumi/pulumi";
import { NETWORK_TYPE, type Network, type NetworkArgs } from "../contracts/network";
import {
    AWS_INTERFACE_ENDPOINT_PORT,
    AWS_VPC_ENDPOINT_SERVICES,
    awsEndpointServiceName,
    FLOW_LOG_AGGREGATION_SECONDS,
    FLOW_LOG_ROLE_ACTIONS,
    STS_ENDPOINT_POLICY_FEDERATION,
    type AwsEndpointService,
} from "../../domain/catalogs/aws";
import { layoutNetwork, type NetworkLayout, type Tier } from "../../domain/network-layout";
import type { AwsKeys } from "./keys";
import type { AwsSite } from "./site";

/** Tags the AWS load balancer controller reads to place public and internal load balancers. */
const TIER_TAGS: Record<Tier, Record<string, string>> = {
    public: { "kubernetes.io/role/elb": "1", tier: "public" },
    app: { "kubernetes.io/role/internal-elb": "1", tier: "app" },
    data: { tier: "data" },
};

/**
 * Flow logs may only be written to the log group. DescribeLogGroups lists groups and takes no
 * single group's ARN, so it gets `*` as in the documented example.
 */
export function flowLogRolePolicy(logGroupArn: string): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            { Effect: "Allow", Action: [...FLOW_LOG_ROLE_ACTIONS.value.onGroup], Resource: [logGroupArn, `${logGroupArn}:*`] },
            { Effect: "Allow", Action: [...FLOW_LOG_ROLE_ACTIONS.value.anyResource], Resource: "*" },
        ],
    });
}

/** Only the VPC flow-logs service may assume the role, and only for this account's flow logs in
 * this region (the confused-deputy guard). */
export function flowLogAssumeRolePolicy(accountId: string, region: string): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Principal: { Service: "vpc-flow-logs.amazonaws.com" },
                Action: "sts:AssumeRole",
                Condition: {
                    StringEquals: { "aws:SourceAccount": accountId },
                    ArnLike: { "aws:SourceArn": `arn:aws:ec2:${region}:${accountId}:vpc-flow-log/*` },
                },
            },
        ],
    });
}

/**
 * An interface endpoint admits only this account's signed callers. The STS endpoint also
 * admits web-identity federation (IRSA) into this account's roles: those requests carry no
 * principal, so the account condition alone would refuse them.
 */
export function interfaceEndpointPolicy(service: AwsEndpointService, accountId: string): string {
    const statements: object[] = [
        {
            Sid: "ThisAccountOnly",
            Effect: "Allow",
            Principal: "*",
            Action: "*",
            Resource: "*",
            Condition: { StringEquals: { "aws:PrincipalAccount": accountId } },
        },
    ];
    if (service.service === AWS_VPC_ENDPOINT_SERVICES.sts.value.service) {
        statements.push({
            Sid: "WebIdentityIntoThisAccountsRoles",
            Effect: "Allow",
            Principal: "*",
            Action: STS_ENDPOINT_POLICY_FEDERATION.value,
            Resource: `arn:aws:iam::${accountId}:role/*`,
        });
    }
    return JSON.stringify({ Version: "2012-10-17", Statement: statements });
}

/** The interface endpoints, keyed by a name fit for logical names. */
const INTERFACE_ENDPOINTS = Object.entries(AWS_VPC_ENDPOINT_SERVICES)
    .map(([key, entry]) => [key, entry.value] as const)
    .filter(([, service]) => service.type === "Interface");

/**
 * A VPC with public, app and data subnets in every zone of the site, NAT egress (one gateway
 * per zone when `natPerZone`), the default security group emptied, and flow logs of all
 * traffic to a KMS-encrypted CloudWatch log group.
 */
export class AwsNetwork extends pulumi.ComponentResource implements Network {
    public readonly networkId: pulumi.Output<string>;
    public readonly vpcId: pulumi.Output<string>;
    public readonly cidr: string;
    public readonly layout: NetworkLayout;
    public readonly dataTierCidrs: readonly string[];
    public readonly appSubnetIds: pulumi.Output<string>[];
    public readonly dataSubnetIds: pulumi.Output<string>[];
    public readonly publicSubnetIds: pulumi.Output<string>[];
    /** The zone name this account gives each zone of the site, in the site's zone order, as the
     * subnets report it: what services that place by zone name take. */
    public readonly zoneNames: pulumi.Output<string>[];
    /** The security group every workload (cluster node) carries: data-tier components admit
     * their ports from this group only, never from address ranges. */
    public readonly workloadSecurityGroupId: pulumi.Output<string>;

    constructor(name: string, args: NetworkArgs<AwsSite, AwsKeys>, opts?: pulumi.ComponentResourceOptions) {
        super(NETWORK_TYPE, name, {}, opts);
        const { site } = args;
        const provider = site.provider;
        const child = { parent: this, provider };
        this.cidr = site.cidr;
        this.layout = layoutNetwork(site.cidr, site.zones.length);
        this.dataTierCidrs = [this.layout.data.cidr];

        const vpc = new Vpc(
            `${name}-vpc`,
            { cidrBlock: site.cidr, enableDnsHostnames: true, enableDnsSupport: true, tags: { Name: `${site.namePrefix}-${site.role}` } },
            child,
        );
        // Adopting the default security group with no rules removes its allow-all-within-group
        // ingress and allow-all egress: nothing is open by default.
        new DefaultSecurityGroup(`${name}-default-sg`, { vpcId: vpc.id, ingress: [], egress: [] }, child);

        const subnets = (tier: Tier) =>
            site.zones.map(
                (zone, i) =>
                    new Subnet(
                        `${name}-${tier}-${i}`,
                        {
                            vpcId: vpc.id,
                            cidrBlock: this.layout[tier].zoneCidrs[i],
                            // The zone id, not a letter: letters name different zones in different accounts.
                            availabilityZoneId: zone,
                            // Even public subnets hand out no public IPs: only load balancers and NAT live there.
                            mapPublicIpOnLaunch: false,
                            tags: { Name: `${site.namePrefix}-${tier}-${zone}`, ...TIER_TAGS[tier] },
                        },
                        child,
                    ),
            );
        const publicSubnets = subnets("public");
        const appSubnets = subnets("app");
        const dataSubnets = subnets("data");

        const igw = new InternetGateway(`${name}-igw`, { vpcId: vpc.id, tags: { Name: `${site.namePrefix}-${site.role}` } }, child);
        const publicRoutes = new RouteTable(
            `${name}-public-rt`,
            { vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: igw.id }], tags: { Name: `${site.namePrefix}-public` } },
            child,
        );
        publicSubnets.forEach((s, i) => new RouteTableAssociation(`${name}-public-rta-${i}`, { subnetId: s.id, routeTableId: publicRoutes.id }, child));

        const natCount = args.natPerZone ? site.zones.length : 1;
        const nats = Array.from({ length: natCount }, (_, i) => {
            const eip = new Eip(`${name}-nat-eip-${i}`, { domain: "vpc", tags: { Name: `${site.namePrefix}-nat-${i}` } }, child);
            return new NatGateway(
                `${name}-nat-${i}`,
                { allocationId: eip.id, subnetId: publicSubnets[i].id, tags: { Name: `${site.namePrefix}-nat-${i}` } },
                { ...child, dependsOn: [igw] },
            );
        });
        // Each zone's private subnets egress through their own zone's NAT when there is one.
        const privateRoutes = site.zones.map((zone, i) => {
            const nat = nats[i % nats.length];
            const routes = new RouteTable(
                `${name}-private-rt-${i}`,
                { vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", natGatewayId: nat.id }], tags: { Name: `${site.namePrefix}-private-${zone}` } },
                child,
            );
            new RouteTableAssociation(`${name}-app-rta-${i}`, { subnetId: appSubnets[i].id, routeTableId: routes.id }, child);
            new RouteTableAssociation(`${name}-data-rta-${i}`, { subnetId: dataSubnets[i].id, routeTableId: routes.id }, child);
            return routes;
        });

        const identity = getCallerIdentityOutput({}, { parent: this, provider });
        this.endpoints(name, site, vpc, appSubnets, privateRoutes, identity.accountId);

        const logGroup = new LogGroup(
            `${name}-flow-logs`,
            {
                name: `/${site.namePrefix}/${site.role}/vpc-flow-logs`,
                retentionInDays: args.flowLogRetentionDays,
                kmsKeyId: args.keys.keyArn,
            },
            { ...child, protect: args.protect },
        );
        const role = new Role(
            `${name}-flow-logs-role`,
            { assumeRolePolicy: identity.accountId.apply((accountId) => flowLogAssumeRolePolicy(accountId, site.region)) },
            child,
        );
        new RolePolicy(`${name}-flow-logs-policy`, { role: role.id, policy: logGroup.arn.apply(flowLogRolePolicy) }, child);
        new FlowLog(
            `${name}-flow-log`,
            { vpcId: vpc.id, trafficType: "ALL", logDestinationType: "cloud-watch-logs", logDestination: logGroup.arn, iamRoleArn: role.arn, maxAggregationInterval: FLOW_LOG_AGGREGATION_SECONDS.value },
            child,
        );

        // No rules of its own: it is an identity that databases and caches reference, and the
        // cluster component that attaches it to nodes adds the egress those nodes need.
        const workloads = new SecurityGroup(
            `${name}-workload-sg`,
            {
                vpcId: vpc.id,
                name: `${site.namePrefix}-${site.role}-workloads`,
                description: "Workloads of the app tier; data-tier security groups admit their ports from this group",
                tags: { Name: `${site.namePrefix}-${site.role}-workloads` },
            },
            child,
        );

        this.vpcId = vpc.id;
        this.networkId = vpc.id;
        this.publicSubnetIds = publicSubnets.map((s) => s.id);
        this.appSubnetIds = appSubnets.map((s) => s.id);
        this.dataSubnetIds = dataSubnets.map((s) => s.id);
        this.zoneNames = appSubnets.map((s) => s.availabilityZone);
        this.workloadSecurityGroupId = workloads.id;
        this.registerOutputs({ vpcId: this.vpcId, workloadSecurityGroupId: this.workloadSecurityGroupId });
    }

    /**
     * AWS APIs reached without the NAT: S3 (ECR image layers) through a gateway endpoint on the
     * private route tables; Secrets Manager, KMS, STS, ECR and CloudWatch Logs through interface
     * endpoints in the app subnets with private DNS, so the SDKs' default hostnames resolve to
     * them. Interface endpoints carry their own security group: without one AWS attaches the
     * VPC's default group, which this network empties, and the endpoints would be unreachable.
     */
    private endpoints(name: string, site: AwsSite, vpc: Vpc, appSubnets: Subnet[], privateRoutes: RouteTable[], accountId: pulumi.Output<string>): void {
        const child = { parent: this, provider: site.provider };
        const s3 = AWS_VPC_ENDPOINT_SERVICES.s3.value;
        // No policy (full access): ECR layers come from an AWS-owned bucket through URLs signed by
        // ECR, so an account condition here would break image pulls.
        new VpcEndpoint(
            `${name}-vpce-${s3.service}`,
            {
                vpcId: vpc.id,
                serviceName: awsEndpointServiceName(site.region, s3),
                vpcEndpointType: s3.type,
                routeTableIds: privateRoutes.map((r) => r.id),
                tags: { Name: `${site.namePrefix}-${site.role}-${s3.service}` },
            },
            child,
        );
        const endpointSg = new SecurityGroup(
            `${name}-endpoints-sg`,
            {
                vpcId: vpc.id,
                name: `${site.namePrefix}-${site.role}-endpoints`,
                description: "Interface endpoints of AWS APIs: HTTPS from inside the VPC only",
                tags: { Name: `${site.namePrefix}-${site.role}-endpoints` },
            },
            child,
        );
        new SecurityGroupIngressRule(
            `${name}-endpoints-https`,
            {
                securityGroupId: endpointSg.id,
                ipProtocol: "tcp",
                fromPort: AWS_INTERFACE_ENDPOINT_PORT.value,
                toPort: AWS_INTERFACE_ENDPOINT_PORT.value,
                cidrIpv4: site.cidr,
                description: `HTTPS to AWS APIs from the VPC (${site.cidr})`,
            },
            child,
        );
        for (const [key, service] of INTERFACE_ENDPOINTS) {
            new VpcEndpoint(
                `${name}-vpce-${key}`,
                {
                    vpcId: vpc.id,
                    serviceName: awsEndpointServiceName(site.region, service),
                    vpcEndpointType: service.type,
                    privateDnsEnabled: true,
                    subnetIds: appSubnets.map((s) => s.id),
                    securityGroupIds: [endpointSg.id],
                    policy: accountId.apply((account) => interfaceEndpointPolicy(service, account)),
                    tags: { Name: `${site.namePrefix}-${site.role}-${service.service}` },
                },
                child,
            );
        }
    }
}

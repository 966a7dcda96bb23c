import type { ListenerArgs as AlbListenerArgs } from "@pulumi/aws/alb/listener";
import type { LoadBalancerArgs as AlbLoadBalancerArgs } from "@pulumi/aws/alb/loadBalancer";
import type { DefaultSecurityGroupArgs as Ec2DefaultSecurityGroupArgs } from "@pulumi/aws/ec2/defaultSecurityGroup";
import type { SecurityGroupArgs as Ec2SecurityGroupArgs } from "@pulumi/aws/ec2/securityGroup";
import type { SecurityGroupRuleArgs as Ec2SecurityGroupRuleArgs } from "@pulumi/aws/ec2/securityGroupRule";
import type { SubnetArgs as Ec2SubnetArgs } from "@pulumi/aws/ec2/subnet";
import type { ListenerArgs as LbListenerArgs } from "@pulumi/aws/lb/listener";
import type { LoadBalancerArgs as LbLoadBalancerArgs } from "@pulumi/aws/lb/loadBalancer";
import type { SecurityGroupIngressRuleArgs as VpcSecurityGroupIngressRuleArgs } from "@pulumi/aws/vpc/securityGroupIngressRule";
import type { FlowLogArgs as NetworkFlowLogArgs } from "@pulumi/azure-native/network/flowLog";
import type { NetworkSecurityGroupArgs } from "@pulumi/azure-native/network/networkSecurityGroup";
import type { SecurityRuleArgs as NetworkSecurityRuleArgs } from "@pulumi/azure-native/network/securityRule";
import type { SubnetArgs as NetworkSubnetArgs } from "@pulumi/azure-native/network/subnet";
import type { VirtualNetworkArgs as NetworkVirtualNetworkArgs } from "@pulumi/azure-native/network/virtualNetwork";
import type { FirewallArgs as ComputeFirewallArgs } from "@pulumi/gcp/compute/firewall";
import type { SSLPolicyArgs as ComputeSSLPolicyArgs } from "@pulumi/gcp/compute/sslpolicy";
import type { SubnetworkArgs as ComputeSubnetworkArgs } from "@pulumi/gcp/compute/subnetwork";
import { awsDefaultSecurityGroupClosed } from "../../rules/network/aws-default-security-group-closed";
import { awsListenerHttps } from "../../rules/network/aws-listener-https";
import { awsListenerTlsPolicy } from "../../rules/network/aws-listener-tls-policy";
import { awsLoadBalancerAccessLogs } from "../../rules/network/aws-load-balancer-access-logs";
import { awsLoadBalancerDropInvalidHeaders } from "../../rules/network/aws-load-balancer-drop-invalid-headers";
import { awsSecurityGroupNoPublicIngress, SECURITY_GROUP_INGRESS_RULE, SECURITY_GROUP_RULE } from "../../rules/network/aws-security-group-no-public-ingress";
import { awsSecurityGroupRuleDescriptions } from "../../rules/network/aws-security-group-rule-descriptions";
import { awsSubnetNoPublicIp } from "../../rules/network/aws-subnet-no-public-ip";
import { azureFlowLogRetention } from "../../rules/network/azure-flow-log-retention";
import { AZURE_SECURITY_RULE, azureNsgNoPublicIngress } from "../../rules/network/azure-nsg-no-public-ingress";
import { AZURE_VNET, azureSubnetHasNsg } from "../../rules/network/azure-subnet-has-nsg";
import { gcpFirewallNoPublicIngress } from "../../rules/network/gcp-firewall-no-public-ingress";
import { gcpSslPolicyTls12 } from "../../rules/network/gcp-ssl-policy-tls12";
import { gcpSubnetworkFlowLogs } from "../../rules/network/gcp-subnetwork-flow-logs";
import { gcpSubnetworkPrivateGoogleAccess } from "../../rules/network/gcp-subnetwork-private-google-access";
import { inputsOf, type RuleCase } from "./types";

const albListener = inputsOf<AlbListenerArgs>;
const albLoadBalancer = inputsOf<AlbLoadBalancerArgs>;
const computeFirewall = inputsOf<ComputeFirewallArgs>;
const computeSSLPolicy = inputsOf<ComputeSSLPolicyArgs>;
const computeSubnetwork = inputsOf<ComputeSubnetworkArgs>;
const ec2DefaultSecurityGroup = inputsOf<Ec2DefaultSecurityGroupArgs>;
const ec2SecurityGroup = inputsOf<Ec2SecurityGroupArgs>;
const ec2SecurityGroupRule = inputsOf<Ec2SecurityGroupRuleArgs>;
const ec2Subnet = inputsOf<Ec2SubnetArgs>;
const lbListener = inputsOf<LbListenerArgs>;
const lbLoadBalancer = inputsOf<LbLoadBalancerArgs>;
const networkFlowLog = inputsOf<NetworkFlowLogArgs>;
const networkSecurityGroup = inputsOf<NetworkSecurityGroupArgs>;
const networkSecurityRule = inputsOf<NetworkSecurityRuleArgs>;
const networkSubnet = inputsOf<NetworkSubnetArgs>;
const networkVirtualNetwork = inputsOf<NetworkVirtualNetworkArgs>;
const vpcSecurityGroupIngressRule = inputsOf<VpcSecurityGroupIngressRuleArgs>;

const web = { cidrBlocks: ["0.0.0.0/0"], fromPort: 443, toPort: 443, protocol: "tcp", description: "https" };

export const networkCases: readonly RuleCase[] = [
    {
        rule: awsSecurityGroupNoPublicIngress,
        compliant: ec2SecurityGroup({ ingress: [web] }),
        violating: ec2SecurityGroup({ ingress: [{ cidrBlocks: ["0.0.0.0/0"], fromPort: 27017, toPort: 27017, protocol: "tcp" }] }),
        stricter: { allowedPublicPorts: [80] },
        extra: [
            { name: "all traffic from ::/0", props: ec2SecurityGroup({ ingress: [{ ipv6CidrBlocks: ["::/0"], fromPort: 0, toPort: 0, protocol: "-1" }] }), violates: true },
            { name: "private source", props: ec2SecurityGroup({ ingress: [{ cidrBlocks: ["10.0.0.0/16"], fromPort: 27017, toPort: 27017, protocol: "tcp" }] }), violates: false },
            { name: "SecurityGroupRule to SSH", type: SECURITY_GROUP_RULE, props: ec2SecurityGroupRule({ type: "ingress", cidrBlocks: ["0.0.0.0/0"], fromPort: 22, toPort: 22, protocol: "tcp" }), violates: true },
            { name: "egress rule is not ingress", type: SECURITY_GROUP_RULE, props: ec2SecurityGroupRule({ type: "egress", cidrBlocks: ["0.0.0.0/0"], fromPort: 0, toPort: 0, protocol: "-1" }), violates: false },
            { name: "vpc ingress rule to Redis", type: SECURITY_GROUP_INGRESS_RULE, props: vpcSecurityGroupIngressRule({ cidrIpv4: "0.0.0.0/0", fromPort: 6379, toPort: 6379, ipProtocol: "tcp" }), violates: true },
            { name: "a range spanning the web ports", props: ec2SecurityGroup({ ingress: [{ cidrBlocks: ["0.0.0.0/0"], fromPort: 80, toPort: 443, protocol: "tcp" }] }), violates: true },
        ],
    },
    {
        rule: awsSecurityGroupRuleDescriptions,
        compliant: ec2SecurityGroup({ ingress: [web], egress: [] }),
        violating: ec2SecurityGroup({ ingress: [{ ...web, description: undefined }] }),
        extra: [{ name: "rule resource", type: SECURITY_GROUP_INGRESS_RULE, props: vpcSecurityGroupIngressRule({ cidrIpv4: "10.0.0.0/8" }), violates: true }],
    },
    { rule: awsDefaultSecurityGroupClosed, compliant: ec2DefaultSecurityGroup({ ingress: [], egress: [] }), violating: ec2DefaultSecurityGroup({ ingress: [{ self: true, fromPort: 0, toPort: 0, protocol: "-1" }] }) },
    { rule: awsSubnetNoPublicIp, compliant: ec2Subnet({ mapPublicIpOnLaunch: false }), violating: ec2Subnet({ mapPublicIpOnLaunch: true }) },
    {
        rule: awsLoadBalancerDropInvalidHeaders,
        compliant: lbLoadBalancer({ dropInvalidHeaderFields: true }),
        violating: lbLoadBalancer({}),
        extra: [
            { name: "the alb module's token", type: "aws:alb/loadBalancer:LoadBalancer", props: albLoadBalancer({}), violates: true },
            { name: "network load balancers have no headers", props: lbLoadBalancer({ loadBalancerType: "network" }), violates: false },
        ],
    },
    { rule: awsLoadBalancerAccessLogs, compliant: lbLoadBalancer({ accessLogs: { enabled: true, bucket: "logs" } }), violating: lbLoadBalancer({}) },
    {
        rule: awsListenerHttps,
        compliant: lbListener({ protocol: "HTTPS", port: 443 }),
        violating: lbListener({ protocol: "HTTP", port: 80, defaultActions: [{ type: "forward", targetGroupArn: "tg" }] }),
        extra: [
            { name: "HTTP that redirects", props: lbListener({ protocol: "HTTP", defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }] }), violates: false },
            { name: "the alb module's token", type: "aws:alb/listener:Listener", props: albListener({ protocol: "HTTP" }), violates: true },
        ],
    },
    {
        rule: awsListenerTlsPolicy,
        compliant: lbListener({ protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06" }),
        violating: lbListener({ protocol: "HTTPS" }),
        extra: [{ name: "the 2016 default policy", props: lbListener({ protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-2016-08" }), violates: true }],
    },
    {
        rule: gcpFirewallNoPublicIngress,
        compliant: computeFirewall({ sourceRanges: ["0.0.0.0/0"], allows: [{ protocol: "tcp", ports: ["443"] }] }),
        violating: computeFirewall({ sourceRanges: ["0.0.0.0/0"], allows: [{ protocol: "tcp", ports: ["22"] }] }),
        stricter: { allowedPublicPorts: [80] },
        extra: [
            { name: "every port", props: computeFirewall({ sourceRanges: ["0.0.0.0/0"], allows: [{ protocol: "all" }] }), violates: true },
            { name: "health-check ranges", props: computeFirewall({ sourceRanges: ["130.211.0.0/22", "35.191.0.0/16"], allows: [{ protocol: "tcp", ports: ["6379"] }] }), violates: false },
            { name: "egress", props: computeFirewall({ direction: "EGRESS", sourceRanges: ["0.0.0.0/0"], allows: [{ protocol: "all" }] }), violates: false },
        ],
    },
    { rule: gcpSubnetworkFlowLogs, compliant: computeSubnetwork({ logConfig: { aggregationInterval: "INTERVAL_5_SEC" } }), violating: computeSubnetwork({}), extra: [{ name: "proxy-only subnet", props: computeSubnetwork({ purpose: "REGIONAL_MANAGED_PROXY" }), violates: false }] },
    { rule: gcpSubnetworkPrivateGoogleAccess, compliant: computeSubnetwork({ privateIpGoogleAccess: true }), violating: computeSubnetwork({ privateIpGoogleAccess: false }) },
    { rule: gcpSslPolicyTls12, compliant: computeSSLPolicy({ minTlsVersion: "TLS_1_2" }), violating: computeSSLPolicy({}) },
    {
        rule: azureNsgNoPublicIngress,
        compliant: networkSecurityGroup({ securityRules: [{ name: "https", direction: "Inbound", access: "Allow", sourceAddressPrefix: "Internet", destinationPortRange: "443", protocol: "Tcp", priority: 100 }] }),
        violating: networkSecurityGroup({ securityRules: [{ name: "rdp", direction: "Inbound", access: "Allow", sourceAddressPrefix: "*", destinationPortRange: "3389", protocol: "Tcp", priority: 100 }] }),
        stricter: { allowedPublicPorts: [80] },
        extra: [
            { name: "standalone rule to MongoDB", type: AZURE_SECURITY_RULE, props: networkSecurityRule({ direction: "Inbound", access: "Allow", sourceAddressPrefixes: ["0.0.0.0/0"], destinationPortRanges: ["27017"] }), violates: true },
            { name: "deny rule", type: AZURE_SECURITY_RULE, props: networkSecurityRule({ direction: "Inbound", access: "Deny", sourceAddressPrefix: "*", destinationPortRange: "*" }), violates: false },
        ],
    },
    {
        rule: azureSubnetHasNsg,
        compliant: networkSubnet({ subnetName: "data", networkSecurityGroup: { id: "/…/networkSecurityGroups/n" } }),
        violating: networkSubnet({ subnetName: "data" }),
        extra: [
            { name: "GatewaySubnet is exempt", props: networkSubnet({ subnetName: "GatewaySubnet" }), violates: false },
            { name: "inline subnets of a virtual network", type: AZURE_VNET, props: networkVirtualNetwork({ subnets: [{ name: "app" }] }), violates: true },
        ],
    },
    {
        rule: azureFlowLogRetention,
        compliant: networkFlowLog({ enabled: true, retentionPolicy: { enabled: true, days: 365 } }),
        violating: networkFlowLog({ enabled: true, retentionPolicy: { enabled: true, days: 30 } }),
        stricter: { minimumRetentionDays: 400 },
    },
];

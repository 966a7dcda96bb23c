import { awsDefaultSecurityGroupClosed } from "../../rules/network/aws-default-security-group-closed";
import { awsListenerHttps } from "../../rules/network/aws-listener-https";
import { awsListenerTlsPolicy } from "../../rules/network/aws-listener-tls-policy";
import { awsLoadBalancerAccessLogs } from "../../rules/network/aws-load-balancer-access-logs";
import { awsLoadBalancerDropInvalidHeaders } from "../../rules/network/aws-load-balancer-hardening";
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
import type { RuleCase } from "./types";

const web = { cidrBlocks: ["0.0.0.0/0"], fromPort: 443, toPort: 443, protocol: "tcp", description: "https" };

export const networkCases: readonly RuleCase[] = [
    {
        rule: awsSecurityGroupNoPublicIngress,
        compliant: { ingress: [web] },
        violating: { ingress: [{ cidrBlocks: ["0.0.0.0/0"], fromPort: 27017, toPort: 27017, protocol: "tcp" }] },
        stricter: { allowedPublicPorts: [80] },
        extra: [
            { name: "all traffic from ::/0", props: { ingress: [{ ipv6CidrBlocks: ["::/0"], fromPort: 0, toPort: 0, protocol: "-1" }] }, violates: true },
            { name: "private source", props: { ingress: [{ cidrBlocks: ["10.0.0.0/16"], fromPort: 27017, toPort: 27017, protocol: "tcp" }] }, violates: false },
            { name: "SecurityGroupRule to SSH", type: SECURITY_GROUP_RULE, props: { type: "ingress", cidrBlocks: ["0.0.0.0/0"], fromPort: 22, toPort: 22, protocol: "tcp" }, violates: true },
            { name: "egress rule is not ingress", type: SECURITY_GROUP_RULE, props: { type: "egress", cidrBlocks: ["0.0.0.0/0"], fromPort: 0, toPort: 0, protocol: "-1" }, violates: false },
            { name: "vpc ingress rule to Redis", type: SECURITY_GROUP_INGRESS_RULE, props: { cidrIpv4: "0.0.0.0/0", fromPort: 6379, toPort: 6379, ipProtocol: "tcp" }, violates: true },
            { name: "a range spanning the web ports", props: { ingress: [{ cidrBlocks: ["0.0.0.0/0"], fromPort: 80, toPort: 443, protocol: "tcp" }] }, violates: true },
        ],
    },
    {
        rule: awsSecurityGroupRuleDescriptions,
        compliant: { ingress: [web], egress: [] },
        violating: { ingress: [{ ...web, description: undefined }] },
        extra: [{ name: "rule resource", type: SECURITY_GROUP_INGRESS_RULE, props: { cidrIpv4: "10.0.0.0/8" }, violates: true }],
    },
    { rule: awsDefaultSecurityGroupClosed, compliant: { ingress: [], egress: [] }, violating: { ingress: [{ self: true, fromPort: 0, toPort: 0, protocol: "-1" }] } },
    { rule: awsSubnetNoPublicIp, compliant: { mapPublicIpOnLaunch: false }, violating: { mapPublicIpOnLaunch: true } },
    {
        rule: awsLoadBalancerDropInvalidHeaders,
        compliant: { dropInvalidHeaderFields: true },
        violating: {},
        extra: [
            { name: "the alb module's token", type: "aws:alb/loadBalancer:LoadBalancer", props: {}, violates: true },
            { name: "network load balancers have no headers", props: { loadBalancerType: "network" }, violates: false },
        ],
    },
    { rule: awsLoadBalancerAccessLogs, compliant: { accessLogs: { enabled: true, bucket: "logs" } }, violating: {} },
    {
        rule: awsListenerHttps,
        compliant: { protocol: "HTTPS", port: 443 },
        violating: { protocol: "HTTP", port: 80, defaultActions: [{ type: "forward", targetGroupArn: "tg" }] },
        extra: [
            { name: "HTTP that redirects", props: { protocol: "HTTP", defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }] }, violates: false },
            { name: "the alb module's token", type: "aws:alb/listener:Listener", props: { protocol: "HTTP" }, violates: true },
        ],
    },
    {
        rule: awsListenerTlsPolicy,
        compliant: { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06" },
        violating: { protocol: "HTTPS" },
        extra: [{ name: "the 2016 default policy", props: { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-2016-08" }, violates: true }],
    },
    {
        rule: gcpFirewallNoPublicIngress,
        compliant: { sourceRanges: ["0.0.0.0/0"], allows: [{ protocol: "tcp", ports: ["443"] }] },
        violating: { sourceRanges: ["0.0.0.0/0"], allows: [{ protocol: "tcp", ports: ["22"] }] },
        stricter: { allowedPublicPorts: [80] },
        extra: [
            { name: "every port", props: { sourceRanges: ["0.0.0.0/0"], allows: [{ protocol: "all" }] }, violates: true },
            { name: "health-check ranges", props: { sourceRanges: ["130.211.0.0/22", "35.191.0.0/16"], allows: [{ protocol: "tcp", ports: ["6379"] }] }, violates: false },
            { name: "egress", props: { direction: "EGRESS", sourceRanges: ["0.0.0.0/0"], allows: [{ protocol: "all" }] }, violates: false },
        ],
    },
    { rule: gcpSubnetworkFlowLogs, compliant: { logConfig: { aggregationInterval: "INTERVAL_5_SEC" } }, violating: {}, extra: [{ name: "proxy-only subnet", props: { purpose: "REGIONAL_MANAGED_PROXY" }, violates: false }] },
    { rule: gcpSubnetworkPrivateGoogleAccess, compliant: { privateIpGoogleAccess: true }, violating: { privateIpGoogleAccess: false } },
    { rule: gcpSslPolicyTls12, compliant: { minTlsVersion: "TLS_1_2" }, violating: {} },
    {
        rule: azureNsgNoPublicIngress,
        compliant: { securityRules: [{ name: "https", direction: "Inbound", access: "Allow", sourceAddressPrefix: "Internet", destinationPortRange: "443", protocol: "Tcp", priority: 100 }] },
        violating: { securityRules: [{ name: "rdp", direction: "Inbound", access: "Allow", sourceAddressPrefix: "*", destinationPortRange: "3389", protocol: "Tcp", priority: 100 }] },
        stricter: { allowedPublicPorts: [80] },
        extra: [
            { name: "standalone rule to MongoDB", type: AZURE_SECURITY_RULE, props: { direction: "Inbound", access: "Allow", sourceAddressPrefixes: ["0.0.0.0/0"], destinationPortRanges: ["27017"] }, violates: true },
            { name: "deny rule", type: AZURE_SECURITY_RULE, props: { direction: "Inbound", access: "Deny", sourceAddressPrefix: "*", destinationPortRange: "*" }, violates: false },
        ],
    },
    {
        rule: azureSubnetHasNsg,
        compliant: { subnetName: "data", networkSecurityGroup: { id: "/…/networkSecurityGroups/n" } },
        violating: { subnetName: "data" },
        extra: [
            { name: "GatewaySubnet is exempt", props: { subnetName: "GatewaySubnet" }, violates: false },
            { name: "inline subnets of a virtual network", type: AZURE_VNET, props: { subnets: [{ name: "app" }] }, violates: true },
        ],
    },
    {
        rule: azureFlowLogRetention,
        compliant: { enabled: true, retentionPolicy: { enabled: true, days: 365 } },
        violating: { enabled: true, retentionPolicy: { enabled: true, days: 30 } },
        stricter: { minimumRetentionDays: 400 },
    },
];

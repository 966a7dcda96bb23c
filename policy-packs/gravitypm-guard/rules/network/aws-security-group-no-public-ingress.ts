/** AWS security groups admit the internet to web ports only [Pulumi compliance-policies, CK_AWS_24/25/260/277]. */
import type { PolicyConfigSchema } from "@pulumi/policy";
import { awsPortRange, describeRange, isOpenSource, onlyAllowedPorts, WEB_PORTS } from "../../lib/network";
import { resourceRule } from "../../lib/rule";
import { records, str, strings, type Props } from "../../lib/values";

export const SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";
export const SECURITY_GROUP_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
export const SECURITY_GROUP_INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
export const SECURITY_GROUP_EGRESS_RULE = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";

export interface PublicPortsConfig extends Record<string, unknown> {
    readonly allowedPublicPorts: readonly number[];
}
export const PUBLIC_PORTS_DEFAULTS: PublicPortsConfig = { allowedPublicPorts: WEB_PORTS };
export const PUBLIC_PORTS_SCHEMA: PolicyConfigSchema = {
    properties: {
        allowedPublicPorts: {
            type: "array",
            items: { type: "integer", minimum: 0, maximum: 65535 },
            default: [...WEB_PORTS],
            description: "Ports the internet may reach (an internet-facing load balancer's listeners).",
        },
    },
};

/** One ingress permission in the shape all three AWS tokens reduce to. */
interface Ingress {
    readonly sources: readonly string[];
    readonly fromPort: unknown;
    readonly toPort: unknown;
    readonly protocol: unknown;
}

function ingressOf(props: Props, type: string): Ingress[] {
    if (type === SECURITY_GROUP) {
        return records(props.ingress).map((r) => ({
            sources: [...strings(r.cidrBlocks), ...strings(r.ipv6CidrBlocks)],
            fromPort: r.fromPort,
            toPort: r.toPort,
            protocol: r.protocol,
        }));
    }
    if (type === SECURITY_GROUP_RULE) {
        if (str(props.type) !== "ingress") return [];
        return [{ sources: [...strings(props.cidrBlocks), ...strings(props.ipv6CidrBlocks)], fromPort: props.fromPort, toPort: props.toPort, protocol: props.protocol }];
    }
    return [{ sources: [...strings(props.cidrIpv4), ...strings(props.cidrIpv6)], fromPort: props.fromPort, toPort: props.toPort, protocol: props.ipProtocol }];
}

export function awsPublicIngressProblems(props: Props, type: string, config: PublicPortsConfig): string[] {
    const problems: string[] = [];
    for (const rule of ingressOf(props, type)) {
        const open = rule.sources.filter(isOpenSource);
        if (open.length === 0) continue;
        const range = awsPortRange(rule.fromPort, rule.toPort, rule.protocol);
        if (!onlyAllowedPorts(range, config.allowedPublicPorts)) problems.push(`ingress from ${open.join(", ")} to ${describeRange(range)}`);
    }
    return problems;
}

export const awsSecurityGroupNoPublicIngress = resourceRule({
    name: "aws-security-group-no-public-ingress",
    description: "AWS security groups allow ingress from 0.0.0.0/0 or ::/0 only to the web ports (80/443 of an internet-facing load balancer).",
    explanation: "An open SSH, database or cache port is found by scanners within minutes; only the load balancer should face the internet.",
    remediation: "Restrict the source to a security group or a private CIDR (the VPC range), or put the service behind the load balancer.",
    enforcementLevel: "mandatory",
    area: "network",
    anchors: ["CP", "CK_AWS_24", "CK_AWS_25", "CK_AWS_260", "CK_AWS_277"],
    types: [SECURITY_GROUP, SECURITY_GROUP_RULE, SECURITY_GROUP_INGRESS_RULE],
    defaults: PUBLIC_PORTS_DEFAULTS,
    configSchema: PUBLIC_PORTS_SCHEMA,
    check: (props, ctx) => awsPublicIngressProblems(props, ctx.type, ctx.config),
});

/** The default security group of every VPC allows nothing [CK2_AWS_12]. */
import { resourceRule } from "../../lib/rule";
import { list, type Props } from "../../lib/values";

export const DEFAULT_SECURITY_GROUP = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";

export function defaultSecurityGroupProblems(props: Props): string[] {
    // Adopting the default group with no rules removes AWS's allow-all rules.
    const problems: string[] = [];
    if (list(props.ingress).length > 0) problems.push(`ingress has ${list(props.ingress).length} rule(s)`);
    if (list(props.egress).length > 0) problems.push(`egress has ${list(props.egress).length} rule(s)`);
    return problems;
}

export const awsDefaultSecurityGroupClosed = resourceRule({
    name: "aws-default-security-group-closed",
    description: "The VPC's default security group has no ingress and no egress rules.",
    explanation: "Anything launched without a security group lands in the default one; it must not let traffic through.",
    remediation: "Adopt it with ec2.DefaultSecurityGroup and ingress: [], egress: [] (the Network component does).",
    enforcementLevel: "advisory",
    area: "network",
    anchors: ["CK2_AWS_12"],
    types: [DEFAULT_SECURITY_GROUP],
    defaults: {},
    check: (props) => defaultSecurityGroupProblems(props),
});

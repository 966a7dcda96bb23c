/** AWS subnets do not hand out public IPs [CK_AWS_130]. */
import { resourceRule } from "../../lib/rule";
import { bool, type Props } from "../../lib/values";

export const AWS_SUBNET = "aws:ec2/subnet:Subnet";

export function subnetPublicIpProblems(props: Props): string[] {
    return bool(props.mapPublicIpOnLaunch) === true ? ["mapPublicIpOnLaunch is true; every instance launched here gets a public address"] : [];
}

export const awsSubnetNoPublicIp = resourceRule({
    name: "aws-subnet-no-public-ip",
    description: "AWS subnets do not assign public IPs on launch.",
    explanation: "Only load balancers and NAT gateways should have public addresses, and they get theirs explicitly.",
    remediation: "Set mapPublicIpOnLaunch: false (the default).",
    enforcementLevel: "mandatory",
    area: "network",
    anchors: ["CK_AWS_130"],
    types: [AWS_SUBNET],
    defaults: {},
    check: (props) => subnetPublicIpProblems(props),
});

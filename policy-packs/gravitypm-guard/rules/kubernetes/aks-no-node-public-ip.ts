/** AKS nodes have no public IPs [CK_AZURE_143]. */
import { resourceRule } from "../../lib/rule";
import { bool, records, str, type Props } from "../../lib/values";
import { AKS_AGENT_POOL, AKS_CLUSTER } from "./aks-api-server-access";

export function aksNodePublicIpProblems(props: Props, type: string): string[] {
    const pools = type === AKS_CLUSTER ? records(props.agentPoolProfiles) : [{ ...props, name: props.agentPoolName ?? props.name }];
    return pools.filter((p) => bool(p.enableNodePublicIP) === true).map((p) => `agent pool ${str(p.name) ?? "(unnamed)"} gives every node a public IP`);
}

export const aksNoNodePublicIp = resourceRule({
    name: "aks-no-node-public-ip",
    description: "AKS agent pools do not assign public IPs to nodes.",
    explanation: "Public node IPs expose kubelet and node ports directly to the internet.",
    remediation: "Leave enableNodePublicIP unset (false); egress goes through the NAT gateway.",
    enforcementLevel: "mandatory",
    area: "kubernetes",
    anchors: ["CK_AZURE_143"],
    types: [AKS_CLUSTER, AKS_AGENT_POOL],
    defaults: {},
    check: (props, ctx) => aksNodePublicIpProblems(props, ctx.type),
});

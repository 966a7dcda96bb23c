/** GCP subnetworks keep flow logs [CK_GCP_26]. */
import { resourceRule } from "../../lib/rule";
import { str, type Props } from "../../lib/values";

export const GCP_SUBNETWORK = "gcp:compute/subnetwork:Subnetwork";

/** Proxy-only and PSC subnets carry no VM traffic and accept neither flow logs nor Private Google Access. */
export function isVmSubnet(props: Props): boolean {
    const purpose = str(props.purpose);
    return purpose === undefined || purpose === "PRIVATE" || purpose === "PRIVATE_RFC_1918";
}

export function subnetworkFlowLogProblems(props: Props): string[] {
    return !isVmSubnet(props) || props.logConfig !== undefined ? [] : ["logConfig is unset; VPC flow logs are off"];
}

export const gcpSubnetworkFlowLogs = resourceRule({
    name: "gcp-subnetwork-flow-logs",
    description: "GCP subnetworks have VPC flow logs enabled.",
    explanation: "Flow logs show which addresses talked to which; without them a breach has no network trail.",
    remediation: 'Set logConfig: { aggregationInterval: "INTERVAL_5_SEC", flowSampling: 0.5, metadata: "INCLUDE_ALL_METADATA" }.',
    enforcementLevel: "advisory",
    area: "network",
    anchors: ["CK_GCP_26"],
    types: [GCP_SUBNETWORK],
    defaults: {},
    check: (props) => subnetworkFlowLogProblems(props),
});

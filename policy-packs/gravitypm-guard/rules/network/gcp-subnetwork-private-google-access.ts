/** GCP subnetworks reach Google APIs privately [CK_GCP_74]. */
import { resourceRule } from "../../lib/rule";
import { bool, shown, type Props } from "../../lib/values";
import { GCP_SUBNETWORK, isVmSubnet } from "./gcp-subnetwork-flow-logs";

export function privateGoogleAccessProblems(props: Props): string[] {
    return !isVmSubnet(props) || bool(props.privateIpGoogleAccess) === true ? [] : [`privateIpGoogleAccess is ${shown(props.privateIpGoogleAccess)}`];
}

export const gcpSubnetworkPrivateGoogleAccess = resourceRule({
    name: "gcp-subnetwork-private-google-access",
    description: "GCP subnetworks enable Private Google Access.",
    explanation: "Without it nodes without public IPs cannot reach Cloud KMS, Artifact Registry or Logging except through NAT.",
    remediation: "Set privateIpGoogleAccess: true.",
    enforcementLevel: "advisory",
    area: "network",
    anchors: ["CK_GCP_74"],
    types: [GCP_SUBNETWORK],
    defaults: {},
    check: (props) => privateGoogleAccessProblems(props),
});

/** GKE enforces network policies [CK_GCP_12]. */
import { resourceRule } from "../../lib/rule";
import { bool, get, str, type Props } from "../../lib/values";
import { GKE_CLUSTER } from "./gke-private-cluster";

export function gkeNetworkPolicyProblems(props: Props): string[] {
    const dataplaneV2 = str(props.datapathProvider) === "ADVANCED_DATAPATH";
    return dataplaneV2 || bool(get(props, "networkPolicy.enabled")) === true || bool(props.enableAutopilot) === true
        ? []
        : ["neither networkPolicy.enabled nor datapathProvider ADVANCED_DATAPATH: NetworkPolicy objects would be ignored"];
}

export const gkeNetworkPolicy = resourceRule({
    name: "gke-network-policy",
    description: "GKE clusters enforce Kubernetes NetworkPolicy (Dataplane V2 or Calico).",
    explanation: "Without enforcement every pod can reach every other pod and the data tier.",
    remediation: 'Set datapathProvider: "ADVANCED_DATAPATH" (Dataplane V2).',
    enforcementLevel: "advisory",
    area: "kubernetes",
    anchors: ["CK_GCP_12"],
    types: [GKE_CLUSTER],
    defaults: {},
    check: (props) => gkeNetworkPolicyProblems(props),
});

/** GKE nodes are private and the control plane admits listed networks only [CK_GCP_64, CK_GCP_20]. */
import { isOpenSource } from "../../lib/network";
import { resourceRule } from "../../lib/rule";
import { bool, get, records, type Props } from "../../lib/values";

export const GKE_CLUSTER = "gcp:container/cluster:Cluster";
export const GKE_NODE_POOL = "gcp:container/nodePool:NodePool";

export function gkePrivateProblems(props: Props): string[] {
    const problems: string[] = [];
    if (bool(get(props, "privateClusterConfig.enablePrivateNodes")) !== true) problems.push("privateClusterConfig.enablePrivateNodes is not true; nodes get public IPs");
    const authorized = props.masterAuthorizedNetworksConfig;
    if (authorized === undefined) problems.push("masterAuthorizedNetworksConfig is unset; the control plane accepts any address");
    else {
        const open = records(get(authorized, "cidrBlocks")).filter((b) => isOpenSource(b.cidrBlock));
        if (open.length > 0) problems.push("masterAuthorizedNetworksConfig authorizes 0.0.0.0/0");
    }
    return problems;
}

export const gkePrivateCluster = resourceRule({
    name: "gke-private-cluster",
    description: "GKE clusters have private nodes and a control plane limited to authorized networks.",
    explanation: "Public nodes and an open control plane put the cluster one vulnerability away from the internet.",
    remediation: "Set privateClusterConfig { enablePrivateNodes: true, masterIpv4CidrBlock } and masterAuthorizedNetworksConfig with the operators' and CI's ranges.",
    enforcementLevel: "mandatory",
    area: "kubernetes",
    anchors: ["CK_GCP_64", "CK_GCP_20"],
    types: [GKE_CLUSTER],
    defaults: {},
    check: (props) => gkePrivateProblems(props),
});

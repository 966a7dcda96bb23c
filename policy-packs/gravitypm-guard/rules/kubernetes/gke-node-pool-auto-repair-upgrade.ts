/** GKE node pools repair and upgrade themselves [CK_GCP_9, CK_GCP_10]. */
import { resourceRule } from "../../lib/rule";
import { bool, get, type Props } from "../../lib/values";
import { GKE_NODE_POOL } from "./gke-private-cluster";

export function nodePoolManagementProblems(props: Props): string[] {
    const problems: string[] = [];
    // Both default to true.
    if (bool(get(props, "management.autoRepair")) === false) problems.push("management.autoRepair is false");
    if (bool(get(props, "management.autoUpgrade")) === false) problems.push("management.autoUpgrade is false");
    return problems;
}

export const gkeNodePoolAutoRepairUpgrade = resourceRule({
    name: "gke-node-pool-auto-repair-upgrade",
    description: "GKE node pools keep auto-repair and auto-upgrade on.",
    explanation: "Unhealthy nodes otherwise stay in service and nodes drift behind security patches.",
    remediation: "Leave management.autoRepair and management.autoUpgrade unset or true.",
    enforcementLevel: "advisory",
    area: "kubernetes",
    anchors: ["CK_GCP_9", "CK_GCP_10"],
    types: [GKE_NODE_POOL],
    defaults: {},
    check: (props) => nodePoolManagementProblems(props),
});

/** GKE keeps logging, monitoring and shielded nodes on [CK_GCP_1, CK_GCP_8, CK_GCP_71]. */
import { resourceRule } from "../../lib/rule";
import { bool, str, type Props } from "../../lib/values";
import { GKE_CLUSTER } from "./gke-private-cluster";

export function gkeObservabilityProblems(props: Props): string[] {
    const problems: string[] = [];
    // All three default to on; only explicit opt-outs are problems.
    if (str(props.loggingService) === "none") problems.push('loggingService is "none"');
    if (str(props.monitoringService) === "none") problems.push('monitoringService is "none"');
    if (bool(props.enableShieldedNodes) === false) problems.push("enableShieldedNodes is false");
    return problems;
}

export const gkeLoggingMonitoringShieldedNodes = resourceRule({
    name: "gke-logging-monitoring-shielded-nodes",
    description: "GKE clusters keep Cloud Logging, Cloud Monitoring and Shielded GKE Nodes on.",
    explanation: "Logs and metrics are the first things an incident needs; shielded nodes stop boot-level tampering.",
    remediation: "Leave loggingService, monitoringService and enableShieldedNodes at their defaults.",
    enforcementLevel: "advisory",
    area: "kubernetes",
    anchors: ["CK_GCP_1", "CK_GCP_8", "CK_GCP_71"],
    types: [GKE_CLUSTER],
    defaults: {},
    check: (props) => gkeObservabilityProblems(props),
});

/** AKS sends metrics and logs to Azure Monitor [CK_AZURE_4]. */
import { resourceRule } from "../../lib/rule";
import { bool, get, type Props } from "../../lib/values";
import { AKS_CLUSTER } from "./aks-api-server-access";

export function aksMonitoringProblems(props: Props): string[] {
    const containerInsights = bool(get(props, "addonProfiles.omsagent.enabled")) === true || bool(get(props, "addonProfiles.omsAgent.enabled")) === true;
    const managedPrometheus = bool(get(props, "azureMonitorProfile.metrics.enabled")) === true;
    return containerInsights || managedPrometheus ? [] : ["neither the omsagent add-on nor azureMonitorProfile.metrics is enabled"];
}

export const aksMonitoring = resourceRule({
    name: "aks-monitoring",
    description: "AKS clusters send logs and metrics to Azure Monitor (Container insights or managed Prometheus).",
    explanation: "Without them node and pod failures are invisible until users report them.",
    remediation: "Enable addonProfiles.omsagent with a Log Analytics workspace, or azureMonitorProfile.metrics.",
    enforcementLevel: "advisory",
    area: "kubernetes",
    anchors: ["CK_AZURE_4"],
    types: [AKS_CLUSTER],
    defaults: {},
    check: (props) => aksMonitoringProblems(props),
});

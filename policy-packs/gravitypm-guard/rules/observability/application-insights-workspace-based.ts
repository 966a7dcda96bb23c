/** Application Insights components keep their data in a Log Analytics workspace, client IPs masked [—]. */
import { resourceRule } from "../../lib/rule";
import { bool, present, type Props } from "../../lib/values";

export const APPLICATION_INSIGHTS = "azure-native:applicationinsights:Component";

export function applicationInsightsProblems(props: Props): string[] {
    const problems: string[] = [];
    if (!present(props, "workspaceResourceId")) problems.push("workspaceResourceId is unset; the telemetry is not kept in the stack's Log Analytics workspace, under its retention and access");
    if (bool(props.disableIpMasking) === true) problems.push("disableIpMasking is true; client IP addresses are stored in full");
    return problems;
}

export const applicationInsightsWorkspaceBased = resourceRule({
    name: "application-insights-workspace-based",
    description: "Application Insights components are workspace-based (workspaceResourceId) and keep client IP masking on (disableIpMasking not true).",
    explanation:
        "A workspace-based component stores its telemetry (availability results included) in the stack's workspace, under the retention and access the other logs have. An IP address is personal data; Application Insights zeroes its last octet unless told not to.",
    remediation: "Set workspaceResourceId to the stack's Log Analytics workspace id (ingestionMode LogAnalytics) and leave disableIpMasking unset.",
    enforcementLevel: "advisory",
    area: "observability",
    anchors: [],
    types: [APPLICATION_INSIGHTS],
    defaults: {},
    check: (props) => applicationInsightsProblems(props),
});

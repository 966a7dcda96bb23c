/** Azure flow logs are on and kept at least 90 days [CK_AZURE_12]. */
import { daysSchema, resourceRule } from "../../lib/rule";
import { bool, get, num, shown, type Props } from "../../lib/values";

export const AZURE_FLOW_LOG = "azure-native:network:FlowLog";

export interface FlowLogConfig extends Record<string, unknown> {
    readonly minimumRetentionDays: number;
}

export function flowLogProblems(props: Props, config: FlowLogConfig): string[] {
    const problems: string[] = [];
    if (bool(props.enabled) === false) problems.push("enabled is false");
    const policyOn = bool(get(props, "retentionPolicy.enabled")) === true;
    const days = num(get(props, "retentionPolicy.days"));
    // Retention disabled, or 0 days, keeps logs forever: compliant.
    if (policyOn && days !== undefined && days !== 0 && days < config.minimumRetentionDays) {
        problems.push(`retentionPolicy.days is ${shown(days)}; the minimum is ${config.minimumRetentionDays}`);
    }
    return problems;
}

export const azureFlowLogRetention = resourceRule({
    name: "azure-flow-log-retention",
    description: "Azure flow logs are enabled and kept at least the minimum number of days.",
    explanation: "Investigations routinely reach back months; a short window erases the evidence.",
    remediation: "Set enabled: true and retentionPolicy { enabled: true, days: 365 } (or keep them forever).",
    enforcementLevel: "advisory",
    area: "network",
    anchors: ["CK_AZURE_12"],
    types: [AZURE_FLOW_LOG],
    defaults: { minimumRetentionDays: 90 },
    configSchema: { properties: { minimumRetentionDays: daysSchema("Fewest days flow logs must be kept.", 90) } },
    check: (props, ctx) => flowLogProblems(props, ctx.config),
});

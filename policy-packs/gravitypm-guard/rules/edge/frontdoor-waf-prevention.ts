/** Azure Front Door WAF policies block, not just log [—]. */
import { resourceRule } from "../../lib/rule";
import { get, sameText, shown, type Props } from "../../lib/values";

export const FRONTDOOR_WAF_POLICY = "azure-native:frontdoor:Policy";

export function frontdoorWafProblems(props: Props): string[] {
    const problems: string[] = [];
    const state = get(props, "policySettings.enabledState");
    const mode = get(props, "policySettings.mode");
    if (state !== undefined && !sameText(state, "Enabled")) problems.push(`policySettings.enabledState is ${shown(state)}`);
    if (!sameText(mode, "Prevention")) problems.push(`policySettings.mode is ${shown(mode)}; matching requests are logged but let through`);
    return problems;
}

export const frontdoorWafPrevention = resourceRule({
    name: "frontdoor-waf-prevention",
    description: "Azure Front Door WAF policies are enabled in Prevention mode.",
    explanation: "Detection mode (the default) only logs attacks.",
    remediation: 'Set policySettings { enabledState: "Enabled", mode: "Prevention" } once the rules have been tuned in Detection.',
    enforcementLevel: "advisory",
    area: "edge",
    anchors: [],
    types: [FRONTDOOR_WAF_POLICY],
    defaults: {},
    check: (props) => frontdoorWafProblems(props),
});

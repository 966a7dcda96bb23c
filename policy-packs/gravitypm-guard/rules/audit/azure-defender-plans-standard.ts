/** Defender for Cloud plans the stack declares are on the Standard tier [CK_AZURE_19, TV AZU-0045]. */
import { resourceRule } from "../../lib/rule";
import { sameText, shown, str, type Props } from "../../lib/values";

export const DEFENDER_PRICING = "azure-native:security:Pricing";

export function defenderPlanProblems(props: Props): string[] {
    return sameText(props.pricingTier, "Standard") ? [] : [`plan ${str(props.pricingName) ?? "(unnamed)"} has pricingTier ${shown(props.pricingTier)}; Free is posture only, no threat detection`];
}

export const azureDefenderPlansStandard = resourceRule({
    name: "azure-defender-plans-standard",
    description: "Every Defender for Cloud plan (security.Pricing) in the plan is on the Standard tier.",
    explanation: "A Pricing resource at Free switches the plan off for the whole subscription: declaring one that is not Standard removes threat detection rather than adding it.",
    remediation: 'Set pricingTier: "Standard" (and the plan\'s subPlan where it has several); leave plans this stack does not own out of the program.',
    enforcementLevel: "mandatory",
    area: "audit",
    anchors: ["CK_AZURE_19", "TV AZU-0045"],
    types: [DEFENDER_PRICING],
    defaults: {},
    check: (props) => defenderPlanProblems(props),
});

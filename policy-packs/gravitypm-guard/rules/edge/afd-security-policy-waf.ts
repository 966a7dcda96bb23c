/** Azure Front Door security policies link a WAF policy [—]. */
import { resourceRule } from "../../lib/rule";
import { present, type Props } from "../../lib/values";

export const AFD_SECURITY_POLICY = "azure-native:cdn:SecurityPolicy";

export function afdSecurityPolicyProblems(props: Props): string[] {
    return present(props, "parameters.wafPolicy.id") ? [] : ["parameters.wafPolicy is unset; the security policy attaches no WAF"];
}

export const afdSecurityPolicyWaf = resourceRule({
    name: "afd-security-policy-waf",
    description: "Azure Front Door security policies link a WAF policy to the endpoint's domains.",
    explanation: "The security policy is what attaches the WAF to traffic; without wafPolicy it protects nothing.",
    remediation: 'Set parameters { type: "WebApplicationFirewall", wafPolicy: { id: <frontdoor.Policy id> }, associations: [{ domains, patternsToMatch: ["/*"] }] }.',
    enforcementLevel: "advisory",
    area: "edge",
    anchors: [],
    types: [AFD_SECURITY_POLICY],
    defaults: {},
    check: (props) => afdSecurityPolicyProblems(props),
});

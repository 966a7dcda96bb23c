/** Cloud Armor policies include preconfigured WAF rules [CK_GCP_73]. */
import { resourceRule } from "../../lib/rule";
import { get, records, str, type Props } from "../../lib/values";

export const GCP_SECURITY_POLICY = "gcp:compute/securityPolicy:SecurityPolicy";

export function securityPolicyWafProblems(props: Props): string[] {
    const waf = records(props.rules).some((r) => /evaluatePreconfigured(Waf|Expr)\(/.test(str(get(r, "match.expr.expression")) ?? ""));
    return waf ? [] : ["no rule evaluates a preconfigured WAF rule set (sqli, xss, lfi, rce, cve-canary)"];
}

export const gcpSecurityPolicyWaf = resourceRule({
    name: "gcp-security-policy-waf",
    description: "Cloud Armor security policies include preconfigured WAF rules.",
    explanation: "Without the preconfigured OWASP rules Cloud Armor only filters by address.",
    remediation: "Add deny rules matching evaluatePreconfiguredWaf('sqli-v33-stable'), ('xss-v33-stable') and ('cve-canary').",
    enforcementLevel: "advisory",
    area: "edge",
    anchors: ["CK_GCP_73"],
    types: [GCP_SECURITY_POLICY],
    defaults: {},
    check: (props) => securityPolicyWafProblems(props),
});

/** WAFv2 web ACLs use AWS managed rule groups [CK_AWS_192]. */
import { resourceRule } from "../../lib/rule";
import { get, records, type Props } from "../../lib/values";

export const WAF_WEB_ACL = "aws:wafv2/webAcl:WebAcl";
export const WAF_LOGGING = "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration";

export function webAclManagedRuleProblems(props: Props): string[] {
    const managed = records(props.rules).some((r) => get(r, "statement.managedRuleGroupStatement") !== undefined);
    return managed ? [] : ["no rule uses a managedRuleGroupStatement (e.g. AWSManagedRulesCommonRuleSet, AWSManagedRulesKnownBadInputsRuleSet)"];
}

export const wafv2ManagedRules = resourceRule({
    name: "wafv2-managed-rules",
    description: "WAFv2 web ACLs include AWS managed rule groups.",
    explanation: "Managed groups cover OWASP top-10 patterns and Log4j-style exploits without hand-written rules.",
    remediation: "Add rules with managedRuleGroupStatement for AWSManagedRulesCommonRuleSet and AWSManagedRulesKnownBadInputsRuleSet.",
    enforcementLevel: "advisory",
    area: "edge",
    anchors: ["CK_AWS_192"],
    types: [WAF_WEB_ACL],
    defaults: {},
    check: (props) => webAclManagedRuleProblems(props),
});

/** Every WAFv2 web ACL logs its decisions [CK2_AWS_31]. */
import { stackRule, type Finding } from "../../lib/rule";
import type { StackView } from "../../lib/stack";
import { WAF_LOGGING, WAF_WEB_ACL } from "./wafv2-managed-rules";

export function wafLoggingFindings(stack: StackView): Finding[] {
    return stack
        .ofType(WAF_WEB_ACL)
        .filter((acl) => !stack.dependentsOf(acl.urn).some((d) => d.type === WAF_LOGGING))
        .map((acl) => ({ urn: acl.urn, message: `web ACL ${acl.name} has no wafv2.WebAclLoggingConfiguration` }));
}

export const wafv2Logging = stackRule({
    name: "wafv2-logging",
    description: "Every WAFv2 web ACL has a logging configuration.",
    explanation: "Without WAF logs there is no way to tell an attack from a false positive.",
    remediation: "Add wafv2.WebAclLoggingConfiguration { resourceArn: acl.arn, logDestinationConfigs: [<aws-waf-logs-* log group ARN>] }.",
    enforcementLevel: "advisory",
    area: "edge",
    anchors: ["CK2_AWS_31"],
    types: [WAF_WEB_ACL, WAF_LOGGING],
    defaults: {},
    check: (stack) => wafLoggingFindings(stack),
});

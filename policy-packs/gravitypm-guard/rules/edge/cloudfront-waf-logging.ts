/** CloudFront has a WAF and access logs [CK_AWS_68, CK_AWS_86]. */
import { resourceRule } from "../../lib/rule";
import { present, type Props } from "../../lib/values";
import { CLOUDFRONT_DISTRIBUTION } from "./cloudfront-viewer-https";

export function cloudfrontWafLoggingProblems(props: Props): string[] {
    const problems: string[] = [];
    if (!present(props, "webAclId")) problems.push("webAclId is unset; no WAF filters requests");
    if (!present(props, "loggingConfig.bucket")) problems.push("loggingConfig is unset; requests are not logged");
    return problems;
}

export const cloudfrontWafLogging = resourceRule({
    name: "cloudfront-waf-logging",
    description: "CloudFront distributions have a WAFv2 web ACL and standard access logging.",
    explanation: "The edge is the app's front door: the WAF blocks the common attacks, the logs show the rest.",
    remediation: "Set webAclId to a CLOUDFRONT-scope wafv2.WebAcl ARN and loggingConfig { bucket }.",
    enforcementLevel: "advisory",
    area: "edge",
    anchors: ["CK_AWS_68", "CK_AWS_86"],
    types: [CLOUDFRONT_DISTRIBUTION],
    defaults: {},
    check: (props) => cloudfrontWafLoggingProblems(props),
});

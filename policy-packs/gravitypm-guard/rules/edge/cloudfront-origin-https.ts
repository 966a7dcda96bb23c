/** CloudFront talks to origins over TLS 1.2 only [CK2_AWS_72]. */
import { resourceRule } from "../../lib/rule";
import { get, records, str, strings, type Props } from "../../lib/values";
import { CLOUDFRONT_DISTRIBUTION } from "./cloudfront-viewer-https";

export function cloudfrontOriginProblems(props: Props): string[] {
    const problems: string[] = [];
    for (const origin of records(props.origins)) {
        const custom = get(origin, "customOriginConfig");
        if (custom === undefined) continue;
        const id = str(origin.originId) ?? "(origin)";
        if (str(get(custom, "originProtocolPolicy")) !== "https-only") problems.push(`origin ${id} does not use originProtocolPolicy "https-only"`);
        const weak = strings(get(custom, "originSslProtocols")).filter((p) => p !== "TLSv1.2");
        if (weak.length > 0) problems.push(`origin ${id} allows ${weak.join(", ")}`);
    }
    return problems;
}

export const cloudfrontOriginHttps = resourceRule({
    name: "cloudfront-origin-https",
    description: "CloudFront custom origins are reached over HTTPS with TLSv1.2 only.",
    explanation: "The hop from the edge to the load balancer crosses the internet too.",
    remediation: 'Set customOriginConfig { originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] }.',
    enforcementLevel: "mandatory",
    area: "edge",
    anchors: ["CK2_AWS_72"],
    types: [CLOUDFRONT_DISTRIBUTION],
    defaults: {},
    check: (props) => cloudfrontOriginProblems(props),
});

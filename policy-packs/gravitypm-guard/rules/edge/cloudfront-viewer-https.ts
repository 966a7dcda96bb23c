/** CloudFront serves viewers over HTTPS with TLS 1.2 [CK_AWS_34, CK_AWS_174, Pulumi compliance-policies]. */
import { resourceRule } from "../../lib/rule";
import { bool, get, records, shown, str, type Props } from "../../lib/values";

export const CLOUDFRONT_DISTRIBUTION = "aws:cloudfront/distribution:Distribution";

/** CloudFront's TLS 1.2 security policies; `TLSv1.2_2019` and older allow weak ciphers. */
const MODERN_POLICIES = ["TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"];

export function cloudfrontViewerProblems(props: Props): string[] {
    const problems: string[] = [];
    const behaviors = [{ where: "defaultCacheBehavior", b: get(props, "defaultCacheBehavior") }, ...records(props.orderedCacheBehaviors).map((b, i) => ({ where: `orderedCacheBehaviors[${i}]`, b }))];
    for (const { where, b } of behaviors) {
        if (str(get(b, "viewerProtocolPolicy")) === "allow-all") problems.push(`${where}.viewerProtocolPolicy is "allow-all"; viewers can use plain HTTP`);
    }
    if (bool(get(props, "viewerCertificate.cloudfrontDefaultCertificate")) === true) {
        problems.push("viewerCertificate uses the *.cloudfront.net certificate, which allows TLS 1.0; serve the app's domain with an ACM certificate");
    } else {
        const min = str(get(props, "viewerCertificate.minimumProtocolVersion"));
        if (min === undefined || !MODERN_POLICIES.includes(min)) problems.push(`viewerCertificate.minimumProtocolVersion is ${shown(min)}; the minimum is TLSv1.2_2021`);
    }
    return problems;
}

export const cloudfrontViewerHttps = resourceRule({
    name: "cloudfront-viewer-https",
    description: "CloudFront distributions never serve plain HTTP and require TLSv1.2_2021 or newer.",
    explanation: "Viewers carry session cookies; allow-all or an old security policy exposes them.",
    remediation: 'Set every viewerProtocolPolicy to "redirect-to-https" (or "https-only") and viewerCertificate { acmCertificateArn, sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" }.',
    enforcementLevel: "mandatory",
    area: "edge",
    anchors: ["CK_AWS_34", "CK_AWS_174", "CP"],
    types: [CLOUDFRONT_DISTRIBUTION],
    defaults: {},
    check: (props) => cloudfrontViewerProblems(props),
});

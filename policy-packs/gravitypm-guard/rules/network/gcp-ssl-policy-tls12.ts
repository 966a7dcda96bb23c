/** GCP SSL policies require TLS 1.2 [CK_GCP_4]. */
import { resourceRule } from "../../lib/rule";
import { shown, str, type Props } from "../../lib/values";

export const GCP_SSL_POLICY = "gcp:compute/sSLPolicy:SSLPolicy";

export function sslPolicyProblems(props: Props): string[] {
    const min = str(props.minTlsVersion);
    // The default is TLS_1_0.
    return min === "TLS_1_2" || min === "TLS_1_3" ? [] : [`minTlsVersion is ${shown(props.minTlsVersion)}`];
}

export const gcpSslPolicyTls12 = resourceRule({
    name: "gcp-ssl-policy-tls12",
    description: "GCP SSL policies set the minimum TLS version to 1.2.",
    explanation: "The default minimum, TLS 1.0, has known attacks.",
    remediation: 'Set minTlsVersion: "TLS_1_2" and profile "MODERN" or "RESTRICTED".',
    enforcementLevel: "mandatory",
    area: "network",
    anchors: ["CK_GCP_4"],
    types: [GCP_SSL_POLICY],
    defaults: {},
    check: (props) => sslPolicyProblems(props),
});

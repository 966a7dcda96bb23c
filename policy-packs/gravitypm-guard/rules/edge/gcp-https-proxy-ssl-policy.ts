/** GCP HTTPS proxies pin an SSL policy [—]. */
import { resourceRule } from "../../lib/rule";
import { present, type Props } from "../../lib/values";

export const GCP_HTTPS_PROXY = "gcp:compute/targetHttpsProxy:TargetHttpsProxy";

export function httpsProxySslPolicyProblems(props: Props): string[] {
    return present(props, "sslPolicy") ? [] : ["sslPolicy is unset; the Google default policy accepts TLS 1.0"];
}

export const gcpHttpsProxySslPolicy = resourceRule({
    name: "gcp-https-proxy-ssl-policy",
    description: "GCP target HTTPS proxies use an SSL policy (which gcp-ssl-policy-tls12 holds to TLS 1.2).",
    explanation: "Without a policy the load balancer negotiates TLS 1.0 with any client that asks.",
    remediation: "Set sslPolicy to a compute.SSLPolicy with minTlsVersion TLS_1_2.",
    enforcementLevel: "mandatory",
    area: "edge",
    anchors: [],
    types: [GCP_HTTPS_PROXY],
    defaults: {},
    check: (props) => httpsProxySslPolicyProblems(props),
});

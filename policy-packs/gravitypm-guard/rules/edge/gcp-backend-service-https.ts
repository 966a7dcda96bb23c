/** GCP external backend services reach backends over HTTPS [—]. */
import { resourceRule } from "../../lib/rule";
import { shown, str, type Props } from "../../lib/values";

export const GCP_BACKEND_SERVICE = "gcp:compute/backendService:BackendService";

export function isExternal(props: Props): boolean {
    // loadBalancingScheme defaults to EXTERNAL.
    const scheme = str(props.loadBalancingScheme) ?? "EXTERNAL";
    return scheme === "EXTERNAL" || scheme === "EXTERNAL_MANAGED";
}

export function backendHttpsProblems(props: Props): string[] {
    if (!isExternal(props)) return [];
    const protocol = str(props.protocol) ?? "HTTP";
    return protocol === "HTTPS" || protocol === "HTTP2" ? [] : [`protocol is ${shown(props.protocol)}; the load balancer reaches backends in plaintext`];
}

export const gcpBackendServiceHttps = resourceRule({
    name: "gcp-backend-service-https",
    description: "External GCP backend services reach their backends over HTTPS (or HTTP/2 with TLS).",
    explanation: "Traffic from the Google front end to the backends should stay encrypted end to end.",
    remediation: 'Set protocol: "HTTPS" and serve TLS in the ingress.',
    enforcementLevel: "mandatory",
    area: "edge",
    anchors: [],
    types: [GCP_BACKEND_SERVICE],
    defaults: {},
    check: (props) => backendHttpsProblems(props),
});

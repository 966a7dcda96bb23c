/** AWS HTTPS/TLS listeners negotiate TLS 1.2 or newer [Pulumi compliance-policies]. */
import { resourceRule } from "../../lib/rule";
import { shown, str, type Props } from "../../lib/values";
import { LISTENERS } from "./aws-load-balancer-drop-invalid-headers";

/** ELB policies whose minimum is TLS 1.2: the TLS13-*, TLS-1-2-* and FS-1-2-* families. */
const TLS12_POLICY = /TLS13|TLS-1-2|FS-1-2/i;

export function listenerTlsPolicyProblems(props: Props): string[] {
    const protocol = str(props.protocol)?.toUpperCase();
    if (protocol !== "HTTPS" && protocol !== "TLS") return [];
    const policy = str(props.sslPolicy);
    // Unset means ELBSecurityPolicy-2016-08, which still accepts TLS 1.0.
    return policy !== undefined && TLS12_POLICY.test(policy) ? [] : [`sslPolicy is ${shown(props.sslPolicy)}; TLS 1.0/1.1 clients would be accepted`];
}

export const awsListenerTlsPolicy = resourceRule({
    name: "aws-listener-tls-policy",
    description: "HTTPS and TLS listeners use an SSL policy with TLS 1.2 as the minimum.",
    explanation: "The default policy still negotiates TLS 1.0, which compliance baselines reject.",
    remediation: 'Set sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06".',
    enforcementLevel: "mandatory",
    area: "network",
    anchors: ["CP"],
    types: LISTENERS,
    defaults: {},
    check: (props) => listenerTlsPolicyProblems(props),
});

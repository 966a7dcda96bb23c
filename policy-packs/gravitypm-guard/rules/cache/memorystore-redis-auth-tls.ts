/** Memorystore for Redis requires AUTH and TLS [CK_GCP_95, CK_GCP_97]. */
import { resourceRule } from "../../lib/rule";
import { bool, shown, str, type Props } from "../../lib/values";

export const REDIS_INSTANCE = "gcp:redis/instance:Instance";

export function memorystoreSecurityProblems(props: Props): string[] {
    const problems: string[] = [];
    if (bool(props.authEnabled) !== true) problems.push(`authEnabled is ${shown(props.authEnabled)}; anyone on the network can use the instance`);
    if (str(props.transitEncryptionMode) !== "SERVER_AUTHENTICATION") problems.push(`transitEncryptionMode is ${shown(props.transitEncryptionMode)}; connections would be plaintext`);
    return problems;
}

export const memorystoreRedisAuthTls = resourceRule({
    name: "memorystore-redis-auth-tls",
    description: "Memorystore for Redis instances require AUTH and server-authenticated TLS.",
    explanation: "Both default to off; the VPC would be the only thing between a compromised pod and every cached session.",
    remediation: 'Set authEnabled: true and transitEncryptionMode: "SERVER_AUTHENTICATION" (clients use the server CA).',
    enforcementLevel: "mandatory",
    area: "cache",
    anchors: ["CK_GCP_95", "CK_GCP_97"],
    types: [REDIS_INSTANCE],
    defaults: {},
    check: (props) => memorystoreSecurityProblems(props),
});

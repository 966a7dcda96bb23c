/** Azure Cache for Redis accepts TLS 1.2 only [CK_AZURE_91, CK_AZURE_148]. */
import { resourceRule } from "../../lib/rule";
import { bool, shown, str, type Props } from "../../lib/values";

/** azure-native v3 token; v2 used azure-native:cache:Redis, which v3 no longer registers. */
export const AZURE_REDIS = "azure-native:redis:Redis";

export function azureRedisTlsProblems(props: Props): string[] {
    const problems: string[] = [];
    if (bool(props.enableNonSslPort) === true) problems.push("enableNonSslPort is true; port 6379 would accept plaintext");
    if (str(props.minimumTlsVersion) !== "1.2") problems.push(`minimumTlsVersion is ${shown(props.minimumTlsVersion)}; TLS 1.0/1.1 clients could connect`);
    return problems;
}

export const azureRedisTls = resourceRule({
    name: "azure-redis-tls",
    description: "Azure Cache for Redis keeps the non-TLS port closed and requires TLS 1.2.",
    explanation: "The access key travels in every connection; plaintext or legacy TLS exposes it.",
    remediation: 'Set enableNonSslPort: false and minimumTlsVersion: "1.2".',
    enforcementLevel: "mandatory",
    area: "cache",
    anchors: ["CK_AZURE_91", "CK_AZURE_148"],
    types: [AZURE_REDIS],
    defaults: {},
    check: (props) => azureRedisTlsProblems(props),
});

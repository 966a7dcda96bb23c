/** Azure Managed Redis / Redis Enterprise requires TLS 1.2 [—]. */
import { resourceRule } from "../../lib/rule";
import { shown, str, type Props } from "../../lib/values";

export const REDIS_ENTERPRISE = "azure-native:redisenterprise:RedisEnterprise";
export const REDIS_ENTERPRISE_DATABASE = "azure-native:redisenterprise:Database";

export function redisEnterpriseTlsProblems(props: Props, type: string): string[] {
    if (type === REDIS_ENTERPRISE) {
        const tls = str(props.minimumTlsVersion);
        // The service default is 1.2; only an explicit older version is a problem.
        return tls === undefined || tls === "1.2" || tls === "1.3" ? [] : [`minimumTlsVersion is "${tls}"`];
    }
    const protocol = str(props.clientProtocol);
    return protocol === undefined || protocol === "Encrypted" ? [] : [`clientProtocol is ${shown(protocol)}; clients would connect in plaintext`];
}

export const redisEnterpriseTls = resourceRule({
    name: "redis-enterprise-tls",
    description: "Redis Enterprise clusters require TLS 1.2 and their databases accept encrypted clients only.",
    explanation: "Plaintext Redis exposes the access key and every value on the wire.",
    remediation: 'Leave minimumTlsVersion at "1.2" and clientProtocol at "Encrypted".',
    enforcementLevel: "mandatory",
    area: "cache",
    anchors: [],
    types: [REDIS_ENTERPRISE, REDIS_ENTERPRISE_DATABASE],
    defaults: {},
    check: (props, ctx) => redisEnterpriseTlsProblems(props, ctx.type),
});

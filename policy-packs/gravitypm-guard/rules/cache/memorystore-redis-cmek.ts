/** Memorystore for Redis uses the stack key [—]. */
import { resourceRule } from "../../lib/rule";
import { present, type Props } from "../../lib/values";
import { REDIS_INSTANCE } from "./memorystore-redis-auth-tls";

export function memorystoreCmekProblems(props: Props): string[] {
    return present(props, "customerManagedKey") ? [] : ["customerManagedKey is unset; data and snapshots would use a Google-managed key"];
}

export const memorystoreRedisCmek = resourceRule({
    name: "memorystore-redis-cmek",
    description: "Memorystore for Redis instances encrypt with a customer-managed Cloud KMS key.",
    explanation: "CMEK can only be set at creation; it keeps the cache's persistence files revocable by the stack.",
    remediation: "Set customerManagedKey to the stack's CryptoKey id (in the instance's region).",
    enforcementLevel: "mandatory",
    area: "cache",
    anchors: [],
    types: [REDIS_INSTANCE],
    defaults: {},
    check: (props) => memorystoreCmekProblems(props),
});

/** Memorystore clusters (Redis Cluster, Valkey/Redis instances) require TLS and use the stack key [—]. */
import { resourceRule } from "../../lib/rule";
import { present, shown, str, type Props } from "../../lib/values";

export const GCP_REDIS_CLUSTER = "gcp:redis/cluster:Cluster";
export const MEMORYSTORE_INSTANCE = "gcp:memorystore/instance:Instance";

/** The two APIs spell their enums differently. */
const TLS_MODE: Record<string, string> = {
    [GCP_REDIS_CLUSTER]: "TRANSIT_ENCRYPTION_MODE_SERVER_AUTHENTICATION",
    [MEMORYSTORE_INSTANCE]: "SERVER_AUTHENTICATION",
};

export function gcpRedisClusterEncryptionProblems(props: Props, type: string): string[] {
    const problems: string[] = [];
    if (str(props.transitEncryptionMode) !== TLS_MODE[type]) problems.push(`transitEncryptionMode is ${shown(props.transitEncryptionMode)}; connections would be plaintext`);
    if (!present(props, "kmsKey")) problems.push("kmsKey is unset; data and backups would use a Google-managed key");
    return problems;
}

export const gcpRedisClusterEncryption = resourceRule({
    name: "gcp-redis-cluster-encryption",
    description: "Memorystore clusters and Valkey/Redis instances require server-authenticated TLS and encrypt with a customer-managed key.",
    explanation: "Transit encryption and CMEK are creation-time choices and default to off.",
    remediation: "Set transitEncryptionMode to server authentication and kmsKey to the stack's CryptoKey id.",
    enforcementLevel: "mandatory",
    area: "cache",
    anchors: [],
    types: [GCP_REDIS_CLUSTER, MEMORYSTORE_INSTANCE],
    defaults: {},
    check: (props, ctx) => gcpRedisClusterEncryptionProblems(props, ctx.type),
});

/** ElastiCache encrypts data at rest with the stack key [CK_AWS_29, TV AWS-0045, CK_AWS_191]. */
import { inheritsFromPrimary } from "../../lib/inherited";
import { resourceRule } from "../../lib/rule";
import { bool, present, shown, str, type Props } from "../../lib/values";

export const REPLICATION_GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";
export const SERVERLESS_CACHE = "aws:elasticache/serverlessCache:ServerlessCache";

export function elasticacheAtRestProblems(props: Props, type: string): string[] {
    const problems: string[] = [];
    // Serverless caches are always encrypted at rest, Valkey replication groups by default, and
    // a global datastore's secondary inherits the primary's setting: only the key is a choice.
    const inherited = inheritsFromPrimary(props, "atRestEncryptionEnabled");
    const defaultOn = str(props.engine)?.toLowerCase() === "valkey" && props.atRestEncryptionEnabled === undefined;
    if (type === REPLICATION_GROUP && !inherited && !defaultOn && bool(props.atRestEncryptionEnabled) !== true) {
        problems.push(`atRestEncryptionEnabled is ${shown(props.atRestEncryptionEnabled)}; snapshots and swap would be unencrypted`);
    }
    if (!present(props, "kmsKeyId")) problems.push("kmsKeyId is unset; data would be encrypted with an AWS-owned key");
    return problems;
}

export const elasticacheEncryptedAtRest = resourceRule({
    name: "elasticache-encrypted-at-rest",
    description: "ElastiCache replication groups and serverless caches encrypt at rest with a customer-managed KMS key.",
    explanation: "Cached sessions and snapshots hold user data; the stack's key keeps them revocable.",
    remediation: "Set atRestEncryptionEnabled: true and kmsKeyId to the stack key's ARN (replacement required).",
    enforcementLevel: "mandatory",
    area: "cache",
    anchors: ["CK_AWS_29", "TV AWS-0045", "CK_AWS_191"],
    types: [REPLICATION_GROUP, SERVERLESS_CACHE],
    defaults: {},
    check: (props, ctx) => elasticacheAtRestProblems(props, ctx.type),
});

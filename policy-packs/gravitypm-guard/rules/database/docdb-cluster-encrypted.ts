/** DocumentDB storage encrypted with a customer-managed KMS key [CK_AWS_74, TV AWS-0021, CK_AWS_182]. */
import { resourceRule } from "../../lib/rule";
import { bool, present, shown, type Props } from "../../lib/values";

export const DOCDB_CLUSTER = "aws:docdb/cluster:Cluster";

export function docdbClusterEncryptionProblems(props: Props): string[] {
    const problems: string[] = [];
    // storageEncrypted defaults to false: unset means an unencrypted cluster.
    if (bool(props.storageEncrypted) !== true) problems.push(`storageEncrypted is ${shown(props.storageEncrypted)}; the cluster's storage, backups and snapshots would be unencrypted`);
    if (!present(props, "kmsKeyId")) problems.push("kmsKeyId is unset; storage would use the AWS-managed key aws/rds, which the stack cannot rotate, audit or revoke");
    return problems;
}

export const docdbClusterEncrypted = resourceRule({
    name: "docdb-cluster-encrypted",
    description: "DocumentDB clusters encrypt storage with a customer-managed KMS key.",
    explanation: "Encryption cannot be turned on after creation, and only a customer-managed key lets the stack rotate, audit and revoke access to the data.",
    remediation: "Set storageEncrypted: true and kmsKeyId to the stack key's ARN (Keys component keyArn); changing either replaces the cluster, so restore from a snapshot into a new encrypted cluster.",
    enforcementLevel: "mandatory",
    area: "database",
    anchors: ["CK_AWS_74", "TV AWS-0021", "CK_AWS_182"],
    types: [DOCDB_CLUSTER],
    defaults: {},
    check: (props) => docdbClusterEncryptionProblems(props),
});

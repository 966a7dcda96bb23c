/** DocumentDB global clusters are encrypted [CK_AWS_292]. */
import { resourceRule } from "../../lib/rule";
import { bool, present, shown, type Props } from "../../lib/values";

export const DOCDB_GLOBAL_CLUSTER = "aws:docdb/globalCluster:GlobalCluster";

export function docdbGlobalClusterProblems(props: Props): string[] {
    // A global cluster built from an existing cluster inherits that cluster's encryption,
    // which docdb-cluster-encrypted checks.
    if (present(props, "sourceDbClusterIdentifier")) return [];
    return bool(props.storageEncrypted) === true ? [] : [`storageEncrypted is ${shown(props.storageEncrypted)}; secondary regions would hold unencrypted copies`];
}

export const docdbGlobalClusterEncrypted = resourceRule({
    name: "docdb-global-cluster-encrypted",
    description: "DocumentDB global clusters are encrypted (or inherit encryption from their source cluster).",
    explanation: "The global cluster decides encryption for every secondary region it replicates to.",
    remediation: "Create the global cluster from the encrypted primary (sourceDbClusterIdentifier) or set storageEncrypted: true.",
    enforcementLevel: "mandatory",
    area: "database",
    anchors: ["CK_AWS_292"],
    types: [DOCDB_GLOBAL_CLUSTER],
    defaults: {},
    check: (props) => docdbGlobalClusterProblems(props),
});

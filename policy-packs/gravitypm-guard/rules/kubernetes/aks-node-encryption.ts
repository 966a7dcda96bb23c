/** AKS node disks use the stack key and encryption at host [CK_AZURE_117, CK_AZURE_227]. */
import { resourceRule } from "../../lib/rule";
import { bool, present, records, str, type Props } from "../../lib/values";
import { AKS_AGENT_POOL, AKS_CLUSTER } from "./aks-api-server-access";

export function aksEncryptionProblems(props: Props, type: string): string[] {
    const problems: string[] = [];
    if (type === AKS_CLUSTER && !present(props, "diskEncryptionSetID")) problems.push("diskEncryptionSetID is unset; OS and data disks use a platform-managed key");
    const pools = type === AKS_CLUSTER ? records(props.agentPoolProfiles) : [{ ...props, name: props.agentPoolName ?? props.name }];
    for (const pool of pools) {
        if (bool(pool.enableEncryptionAtHost) !== true) problems.push(`agent pool ${str(pool.name) ?? "(unnamed)"} does not enable encryption at host (temp disks and caches stay unencrypted)`);
    }
    return problems;
}

export const aksNodeEncryption = resourceRule({
    name: "aks-node-encryption",
    description: "AKS clusters encrypt node disks with a customer-managed disk encryption set and enable encryption at host.",
    explanation: "Node disks hold container images, logs and emptyDir volumes with secrets in them.",
    remediation: "Set diskEncryptionSetID (a DiskEncryptionSet on the stack key) and enableEncryptionAtHost: true on every agent pool.",
    enforcementLevel: "mandatory",
    area: "kubernetes",
    anchors: ["CK_AZURE_117", "CK_AZURE_227"],
    types: [AKS_CLUSTER, AKS_AGENT_POOL],
    defaults: {},
    check: (props, ctx) => aksEncryptionProblems(props, ctx.type),
});

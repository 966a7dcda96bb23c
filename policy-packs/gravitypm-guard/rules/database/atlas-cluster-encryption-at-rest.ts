/** Atlas clusters encrypt storage with the stack's cloud KMS key [—]. */
import { resourceRule } from "../../lib/rule";
import { shown, str, type Props } from "../../lib/values";
import { ATLAS_CLUSTER } from "./atlas-cluster-backup";

const KEY_PROVIDERS = ["AWS", "GCP", "AZURE"];

export function atlasEncryptionProblems(props: Props): string[] {
    const provider = str(props.encryptionAtRestProvider)?.toUpperCase();
    // Unset is NONE: Atlas's own volume encryption, with a key the stack does not hold.
    return provider !== undefined && KEY_PROVIDERS.includes(provider)
        ? []
        : [`encryptionAtRestProvider is ${shown(props.encryptionAtRestProvider)}; storage would not be encrypted with the stack's key`];
}

export const atlasClusterEncryptionAtRest = resourceRule({
    name: "atlas-cluster-encryption-at-rest",
    description: "MongoDB Atlas clusters encrypt at rest with a customer-managed key (AWS KMS, Cloud KMS or Key Vault).",
    explanation: "Customer key management lets the stack revoke Atlas's access to the data and rotate the key.",
    remediation: 'Configure mongodbatlas.EncryptionAtRest for the project with the stack key, then set encryptionAtRestProvider to "AWS", "GCP" or "AZURE".',
    enforcementLevel: "mandatory",
    area: "database",
    anchors: [],
    types: [ATLAS_CLUSTER],
    defaults: {},
    check: (props) => atlasEncryptionProblems(props),
});

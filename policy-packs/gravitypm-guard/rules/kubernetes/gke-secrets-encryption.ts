/** GKE encrypts secrets with the stack key [—]. */
import { resourceRule } from "../../lib/rule";
import { get, present, shown, str, type Props } from "../../lib/values";
import { GKE_CLUSTER } from "./gke-private-cluster";

export function gkeSecretsEncryptionProblems(props: Props): string[] {
    const state = str(get(props, "databaseEncryption.state"));
    if (state !== "ENCRYPTED") return [`databaseEncryption.state is ${shown(state)}; secrets are only encrypted with Google's key`];
    return present(props, "databaseEncryption.keyName") ? [] : ["databaseEncryption.keyName is unset"];
}

export const gkeSecretsEncryption = resourceRule({
    name: "gke-secrets-encryption",
    description: "GKE clusters encrypt Kubernetes secrets at the application layer with a customer-managed key.",
    explanation: "Credentials for the database and cache live in secrets; application-layer encryption keeps them revocable.",
    remediation: 'Set databaseEncryption: { state: "ENCRYPTED", keyName: <stack CryptoKey id> } and grant the GKE service agent encrypter/decrypter on the key.',
    enforcementLevel: "mandatory",
    area: "kubernetes",
    anchors: [],
    types: [GKE_CLUSTER],
    defaults: {},
    check: (props) => gkeSecretsEncryptionProblems(props),
});

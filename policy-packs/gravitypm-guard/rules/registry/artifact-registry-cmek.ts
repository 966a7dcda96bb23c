/** Artifact Registry repositories encrypt with the stack's Cloud KMS key [CK_GCP_84]. */
import { resourceRule } from "../../lib/rule";
import { present, type Props } from "../../lib/values";

export const ARTIFACT_REPOSITORY = "gcp:artifactregistry/repository:Repository";
export const ARTIFACT_REPOSITORY_IAM_MEMBER = "gcp:artifactregistry/repositoryIamMember:RepositoryIamMember";
export const ARTIFACT_REPOSITORY_IAM_BINDING = "gcp:artifactregistry/repositoryIamBinding:RepositoryIamBinding";
export const ARTIFACT_REPOSITORY_IAM_POLICY = "gcp:artifactregistry/repositoryIamPolicy:RepositoryIamPolicy";

export function artifactRegistryCmekProblems(props: Props): string[] {
    return present(props, "kmsKeyName") ? [] : ["kmsKeyName is unset; images would be encrypted with a Google-managed key"];
}

export const artifactRegistryCmek = resourceRule({
    name: "artifact-registry-cmek",
    description: "Artifact Registry repositories encrypt with a customer-managed Cloud KMS key.",
    explanation: "CMEK can only be set when the repository is created; it keeps every image the clusters run under the stack's key.",
    remediation: "Set kmsKeyName to the stack's CryptoKey id (in the repository's location) and grant the Artifact Registry service agent encrypt/decrypt on it.",
    enforcementLevel: "mandatory",
    area: "registry",
    anchors: ["CK_GCP_84"],
    types: [ARTIFACT_REPOSITORY],
    defaults: {},
    check: (props) => artifactRegistryCmekProblems(props),
});

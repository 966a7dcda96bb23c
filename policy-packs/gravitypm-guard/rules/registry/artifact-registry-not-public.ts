/** No Artifact Registry repository IAM grant names allUsers or allAuthenticatedUsers [CK_GCP_101]. */
import { resourceRule } from "../../lib/rule";
import { get, record, records, str, strings, type Props } from "../../lib/values";
import { ARTIFACT_REPOSITORY_IAM_BINDING, ARTIFACT_REPOSITORY_IAM_MEMBER, ARTIFACT_REPOSITORY_IAM_POLICY } from "./artifact-registry-cmek";

const PUBLIC_MEMBERS = ["allusers", "allauthenticatedusers"];

function publicGrants(role: unknown, members: readonly string[]): string[] {
    return members.filter((m) => PUBLIC_MEMBERS.includes(m.toLowerCase())).map((m) => `${str(role) ?? "a role"} is granted to ${m}; the repository would be readable from the internet`);
}

export function artifactRegistryPublicProblems(props: Props, type: string): string[] {
    if (type === ARTIFACT_REPOSITORY_IAM_MEMBER) return publicGrants(props.role, strings(props.member));
    if (type === ARTIFACT_REPOSITORY_IAM_BINDING) return publicGrants(props.role, strings(props.members));
    // RepositoryIamPolicy: policyData is the JSON of { bindings: [{ role, members }] }.
    return records(get(record(props.policyData), "bindings")).flatMap((b) => publicGrants(b.role, strings(b.members)));
}

export const artifactRegistryNotPublic = resourceRule({
    name: "artifact-registry-not-public",
    description: "Artifact Registry repository IAM members, bindings and policies do not grant roles to allUsers or allAuthenticatedUsers.",
    explanation: "allAuthenticatedUsers is any Google account, not just the organisation's; either member makes the images (and the secrets baked into any of them) public.",
    remediation: "Grant roles/artifactregistry.reader to the clusters' node or workload service accounts instead.",
    enforcementLevel: "mandatory",
    area: "registry",
    anchors: ["CK_GCP_101"],
    types: [ARTIFACT_REPOSITORY_IAM_MEMBER, ARTIFACT_REPOSITORY_IAM_BINDING, ARTIFACT_REPOSITORY_IAM_POLICY],
    defaults: {},
    check: (props, ctx) => artifactRegistryPublicProblems(props, ctx.type),
});

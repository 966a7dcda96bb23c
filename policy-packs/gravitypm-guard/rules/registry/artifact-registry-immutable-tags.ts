/** Docker repositories in Artifact Registry make tags immutable [—]. */
import { resourceRule } from "../../lib/rule";
import { bool, get, sameText, shown, type Props } from "../../lib/values";
import { ARTIFACT_REPOSITORY } from "./artifact-registry-cmek";

export function artifactRegistryImmutableTagsProblems(props: Props): string[] {
    if (!sameText(props.format, "DOCKER")) return [];
    // Remote and virtual repositories hold no tags of their own; only standard ones take dockerConfig.
    if (props.mode !== undefined && !sameText(props.mode, "STANDARD_REPOSITORY")) return [];
    const immutable = get(props, "dockerConfig.immutableTags");
    return bool(immutable) === true ? [] : [`dockerConfig.immutableTags is ${shown(immutable)}; a push could replace the image a deployed tag names`];
}

export const artifactRegistryImmutableTags = resourceRule({
    name: "artifact-registry-immutable-tags",
    description: "Standard Docker repositories in Artifact Registry make tags immutable.",
    explanation: "With mutable tags (the default) a push can silently swap the image behind a tag the clusters deploy, so what runs is not what was reviewed.",
    remediation: "Set dockerConfig: { immutableTags: true }.",
    enforcementLevel: "mandatory",
    area: "registry",
    anchors: [],
    types: [ARTIFACT_REPOSITORY],
    defaults: {},
    check: (props) => artifactRegistryImmutableTagsProblems(props),
});

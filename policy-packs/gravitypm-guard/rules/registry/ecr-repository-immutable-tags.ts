/** ECR image tags cannot be overwritten [CK_AWS_51]. */
import { resourceRule } from "../../lib/rule";
import { get, records, shown, str, type Props } from "../../lib/values";
import { ECR_REPOSITORY } from "./ecr-repository-kms";

export function ecrImmutableTagsProblems(props: Props): string[] {
    const mutability = str(props.imageTagMutability)?.toUpperCase();
    if (mutability === "IMMUTABLE") return [];
    if (mutability === "IMMUTABLE_WITH_EXCLUSION") {
        // An exclusion filter of only wildcards lets every tag move: MUTABLE by another name.
        const everything = records(props.imageTagMutabilityExclusionFilters).filter((f) => /^\*+$/.test(str(get(f, "filter")) ?? ""));
        return everything.length === 0 ? [] : ['imageTagMutabilityExclusionFilters include "*", which exempts every tag from immutability'];
    }
    return [`imageTagMutability is ${shown(props.imageTagMutability)}; a push could replace the image a deployed tag names`];
}

export const ecrRepositoryImmutableTags = resourceRule({
    name: "ecr-repository-immutable-tags",
    description: "ECR repositories make image tags immutable (IMMUTABLE, or IMMUTABLE_WITH_EXCLUSION with narrow exclusions).",
    explanation: "With mutable tags (the default) a push can silently swap the image behind a tag the clusters deploy, so what runs is not what was reviewed.",
    remediation: 'Set imageTagMutability: "IMMUTABLE" (or "IMMUTABLE_WITH_EXCLUSION" with exclusion filters for moving tags such as latest only).',
    enforcementLevel: "mandatory",
    area: "registry",
    anchors: ["CK_AWS_51"],
    types: [ECR_REPOSITORY],
    defaults: {},
    check: (props) => ecrImmutableTagsProblems(props),
});

/** CloudTrail records every region and the global services [CK_AWS_67, TV AWS-0014]. */
import { resourceRule } from "../../lib/rule";
import { bool, shown, type Props } from "../../lib/values";
import { CLOUDTRAIL } from "./cloudtrail-trail-integrity";

export function trailCoverageProblems(props: Props): string[] {
    const problems: string[] = [];
    // The provider default is a single-region trail.
    if (bool(props.isMultiRegionTrail) !== true) problems.push(`isMultiRegionTrail is ${shown(props.isMultiRegionTrail)}; activity in other regions (the DR region included) goes unrecorded`);
    // Unset is true (the provider default): only an explicit false drops IAM, STS and other global-service events.
    if (bool(props.includeGlobalServiceEvents) === false) problems.push("includeGlobalServiceEvents is false; IAM, STS and CloudFront calls go unrecorded");
    return problems;
}

export const cloudtrailMultiRegion = resourceRule({
    name: "cloudtrail-multi-region",
    description: "CloudTrail trails are multi-region and include global service events.",
    explanation: "An attacker works where nobody looks: a region the stack does not use, or IAM itself (a new access key, a role trust change), which only global service events record.",
    remediation: "Set isMultiRegionTrail: true and leave includeGlobalServiceEvents unset or true.",
    enforcementLevel: "mandatory",
    area: "audit",
    anchors: ["CK_AWS_67", "TV AWS-0014"],
    types: [CLOUDTRAIL],
    defaults: {},
    check: (props) => trailCoverageProblems(props),
});

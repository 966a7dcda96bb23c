/** CloudTrail covers every region and signs its log files [CK_AWS_67, CK_AWS_36]. */
import { resourceRule } from "../../lib/rule";
import { bool, shown, type Props } from "../../lib/values";

export const CLOUDTRAIL = "aws:cloudtrail/trail:Trail";

export function trailIntegrityProblems(props: Props): string[] {
    const problems: string[] = [];
    if (bool(props.isMultiRegionTrail) !== true) problems.push(`isMultiRegionTrail is ${shown(props.isMultiRegionTrail)}; activity in other regions (the DR region included) goes unrecorded`);
    if (bool(props.enableLogFileValidation) !== true) problems.push(`enableLogFileValidation is ${shown(props.enableLogFileValidation)}; tampered log files cannot be detected`);
    return problems;
}

export const cloudtrailTrailIntegrity = resourceRule({
    name: "cloudtrail-trail-integrity",
    description: "CloudTrail trails are multi-region and validate log files.",
    explanation: "An attacker works where nobody looks and edits the record afterwards; both flags close those gaps.",
    remediation: "Set isMultiRegionTrail: true and enableLogFileValidation: true.",
    enforcementLevel: "advisory",
    area: "audit",
    anchors: ["CK_AWS_67", "CK_AWS_36"],
    types: [CLOUDTRAIL],
    defaults: {},
    check: (props) => trailIntegrityProblems(props),
});

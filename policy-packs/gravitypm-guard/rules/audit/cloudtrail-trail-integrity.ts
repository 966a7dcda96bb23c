/** CloudTrail signs its log files [CK_AWS_36, TV AWS-0016]. */
import { resourceRule } from "../../lib/rule";
import { bool, shown, type Props } from "../../lib/values";

export const CLOUDTRAIL = "aws:cloudtrail/trail:Trail";

export function trailIntegrityProblems(props: Props): string[] {
    return bool(props.enableLogFileValidation) === true ? [] : [`enableLogFileValidation is ${shown(props.enableLogFileValidation)}; tampered log files cannot be detected`];
}

// Region coverage (isMultiRegionTrail) moved to cloudtrail-multi-region, which is mandatory;
// this id keeps the log-file validation check so existing configs and suppressions still apply.
export const cloudtrailTrailIntegrity = resourceRule({
    name: "cloudtrail-trail-integrity",
    description: "CloudTrail trails validate log files (signed digest files).",
    explanation: "An attacker edits the record afterwards; digest files let anyone prove which log files were changed or deleted.",
    remediation: "Set enableLogFileValidation: true.",
    enforcementLevel: "advisory",
    area: "audit",
    anchors: ["CK_AWS_36", "TV AWS-0016"],
    types: [CLOUDTRAIL],
    defaults: {},
    check: (props) => trailIntegrityProblems(props),
});

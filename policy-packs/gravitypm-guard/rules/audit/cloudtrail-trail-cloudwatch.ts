/** CloudTrail delivers to CloudWatch Logs [CK_AWS_35 companion: CIS 3.4]. */
import { resourceRule } from "../../lib/rule";
import { present, type Props } from "../../lib/values";
import { CLOUDTRAIL } from "./cloudtrail-trail-integrity";

export function trailCloudWatchProblems(props: Props): string[] {
    return present(props, "cloudWatchLogsGroupArn") ? [] : ["cloudWatchLogsGroupArn is unset; no metric filter or alarm can watch the trail"];
}

export const cloudtrailTrailCloudWatch = resourceRule({
    name: "cloudtrail-trail-cloudwatch",
    description: "CloudTrail trails deliver events to a CloudWatch log group.",
    explanation: "Alarms on root logins, key deletion or policy changes need the events in CloudWatch Logs.",
    remediation: "Set cloudWatchLogsGroupArn (`${logGroup.arn}:*`) and cloudWatchLogsRoleArn.",
    enforcementLevel: "advisory",
    area: "audit",
    anchors: ["CIS AWS 3.4"],
    types: [CLOUDTRAIL],
    defaults: {},
    check: (props) => trailCloudWatchProblems(props),
});

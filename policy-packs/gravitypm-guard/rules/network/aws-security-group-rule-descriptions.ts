/** AWS security group rules say why they exist [CK_AWS_23]. */
import { resourceRule } from "../../lib/rule";
import { isSet, records, type Props } from "../../lib/values";
import { SECURITY_GROUP, SECURITY_GROUP_EGRESS_RULE, SECURITY_GROUP_INGRESS_RULE, SECURITY_GROUP_RULE } from "./aws-security-group-no-public-ingress";

export function awsRuleDescriptionProblems(props: Props, type: string): string[] {
    if (type !== SECURITY_GROUP) return isSet(props.description) ? [] : ["the rule has no description"];
    const problems: string[] = [];
    for (const direction of ["ingress", "egress"] as const) {
        records(props[direction]).forEach((r, i) => {
            if (!isSet(r.description)) problems.push(`${direction}[${i}] has no description`);
        });
    }
    return problems;
}

export const awsSecurityGroupRuleDescriptions = resourceRule({
    name: "aws-security-group-rule-descriptions",
    description: "Every AWS security group rule has a description.",
    explanation: "A rule nobody can explain is a rule nobody dares remove; descriptions make reviews and audits possible.",
    remediation: "Give each ingress/egress entry (or rule resource) a description naming the traffic it allows.",
    enforcementLevel: "advisory",
    area: "network",
    anchors: ["CK_AWS_23"],
    types: [SECURITY_GROUP, SECURITY_GROUP_RULE, SECURITY_GROUP_INGRESS_RULE, SECURITY_GROUP_EGRESS_RULE],
    defaults: {},
    check: (props, ctx) => awsRuleDescriptionProblems(props, ctx.type),
});

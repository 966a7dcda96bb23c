/** CloudWatch log groups keep logs at least a year [CK_AWS_338]. */
import { daysSchema, resourceRule } from "../../lib/rule";
import { num, type Props } from "../../lib/values";
import { LOG_GROUP } from "./log-group-encrypted";

export interface LogRetentionConfig extends Record<string, unknown> {
    readonly minimumRetentionDays: number;
}

export function logGroupRetentionProblems(props: Props, config: LogRetentionConfig): string[] {
    const days = num(props.retentionInDays);
    // Unset or 0 keeps logs forever.
    return days === undefined || days === 0 || days >= config.minimumRetentionDays ? [] : [`retentionInDays is ${days}; the minimum is ${config.minimumRetentionDays}`];
}

export const logGroupRetention = resourceRule({
    name: "log-group-retention",
    description: "CloudWatch log groups keep logs for at least the minimum retention (a year by default).",
    explanation: "Breaches are found months after the fact; the logs must still be there.",
    remediation: "Set retentionInDays to the stack's logRetentionDays (365 or more).",
    enforcementLevel: "advisory",
    area: "audit",
    anchors: ["CK_AWS_338"],
    types: [LOG_GROUP],
    defaults: { minimumRetentionDays: 365 },
    configSchema: { properties: { minimumRetentionDays: daysSchema("Fewest days logs must be kept.", 365) } },
    check: (props, ctx) => logGroupRetentionProblems(props, ctx.config),
});

/** In prod, every application log group is masked by a data protection policy [—]. */
import type { PolicyConfigSchema } from "@pulumi/policy";
import { ENVIRONMENT_CONFIG } from "../../lib/environment";
import { stackRule, type Finding } from "../../lib/rule";
import type { StackResource, StackView } from "../../lib/stack";
import { known, str } from "../../lib/values";
import { LOG_GROUP } from "../audit/log-group-encrypted";
import { DATA_PROTECTION_POLICY_TYPE, dataProtectionMaskingProblems, LOG_ACCOUNT_POLICY, LOG_DATA_PROTECTION_POLICY } from "./cloudwatch-log-data-protection-masking";

export interface AppLogGroupsConfig extends Record<string, unknown> {
    readonly applicationLogGroups: readonly string[];
}

/**
 * Where the clusters' container logs land: Container Insights (the amazon-cloudwatch-observability
 * add-on's Fluent Bit) writes every pod's stdout to /aws/containerinsights/<cluster>/application.
 * The other Container Insights groups (dataplane, host, performance) carry node and kubelet
 * output and metrics, not what the app writes.
 */
export const APP_LOG_GROUP_DEFAULTS: AppLogGroupsConfig = { applicationLogGroups: ["/aws/containerinsights/*/application"] };

const SCHEMA: PolicyConfigSchema = {
    properties: {
        applicationLogGroups: {
            type: "array",
            items: { type: "string" },
            default: APP_LOG_GROUP_DEFAULTS.applicationLogGroups,
            description: "Names of the log groups that receive application logs; * matches any characters.",
        },
        ...ENVIRONMENT_CONFIG,
    },
};

function matches(pattern: string, name: string): boolean {
    const regex = new RegExp(`^${pattern.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\/]/g, "\\$&")).join(".*")}$`);
    return regex.test(name);
}

/** A log group's name when the plan knows it (explicit `name`); autonamed groups are not application groups. */
function logGroupName(group: StackResource): string | undefined {
    const read = known(() => str(group.props.name));
    return read.known ? read.value : undefined;
}

/** Whether a policy masks (judged in full by cloudwatch-log-data-protection-masking); a document unknown at preview counts. */
function masks(policy: StackResource): boolean {
    const read = known(() => dataProtectionMaskingProblems(policy.props, policy.type));
    return !read.known || read.value.length === 0;
}

/** Whether a per-group policy names the group: by its logGroupName, or through its dependency on the group. */
function names(policy: StackResource, group: StackResource, groupName: string, stack: StackView): boolean {
    const target = known(() => str(policy.props.logGroupName));
    if (target.known && target.value !== undefined) return target.value === groupName || target.value.endsWith(`:log-group:${groupName}`);
    return stack.dependenciesOf(policy, "logGroupName").some((d) => d.urn === group.urn);
}

export function appLogGroupMaskingFindings(stack: StackView, config: AppLogGroupsConfig): Finding[] {
    if (stack.environment !== "prod") return [];
    const accountPolicies = stack.ofType(LOG_ACCOUNT_POLICY).filter((p) => {
        const type = known(() => str(p.props.policyType));
        return !type.known || type.value === DATA_PROTECTION_POLICY_TYPE;
    });
    // The account's policy applies to every log group, present and future.
    if (accountPolicies.some(masks)) return [];
    const groupPolicies = stack.ofType(LOG_DATA_PROTECTION_POLICY);
    const findings: Finding[] = [];
    for (const group of stack.ofType(LOG_GROUP)) {
        const name = logGroupName(group);
        if (name === undefined || !config.applicationLogGroups.some((p) => matches(p, name))) continue;
        const policies = groupPolicies.filter((p) => names(p, group, name, stack));
        if (policies.length === 0) findings.push({ urn: group.urn, message: `application log group ${name} has no data protection policy (and the account has none that masks)` });
        else if (!policies.some(masks)) findings.push({ urn: group.urn, message: `application log group ${name}'s data protection policy does not mask every kind of sensitive data (see cloudwatch-log-data-protection-masking)` });
    }
    return findings;
}

export const cloudwatchAppLogGroupsMaskedProd = stackRule({
    name: "cloudwatch-app-log-groups-masked-prod",
    description:
        "In prod, every application log group (Container Insights' /aws/containerinsights/<cluster>/application by default) has a data protection policy naming it that masks e-mail addresses, bearer tokens, passwords and card numbers, or the account has one. Config: `applicationLogGroups`, `environment`.",
    explanation:
        "The app's own output is where user data leaks into logs: a request logged with its Authorization header, a form echoed with its password. Prod logs hold real users' data; masking has to be in place before the first event arrives, since CloudWatch does not mask what it ingested earlier.",
    remediation:
        "Create the log group in the program (name /aws/containerinsights/<cluster>/application, so the add-on writes into it) and an aws.cloudwatch.LogDataProtectionPolicy { logGroupName: group.name, policyDocument } that masks every MASKED_DATA kind; or one LogAccountPolicy of policyType DATA_PROTECTION_POLICY for the account.",
    enforcementLevel: "mandatory",
    area: "observability",
    anchors: [],
    types: [LOG_GROUP, LOG_DATA_PROTECTION_POLICY, LOG_ACCOUNT_POLICY],
    defaults: APP_LOG_GROUP_DEFAULTS,
    configSchema: SCHEMA,
    check: (stack, config) => appLogGroupMaskingFindings(stack, config),
});

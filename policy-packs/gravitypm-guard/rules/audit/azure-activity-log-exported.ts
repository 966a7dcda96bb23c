/** A prod Azure stack that owns the subscription's singletons exports its activity log [CIS Azure 5.1.1]. */
import { ENVIRONMENT_CONFIG } from "../../lib/environment";
import { stackRule, type Finding } from "../../lib/rule";
import type { StackResource, StackView } from "../../lib/stack";
import { bool, known, present, records, sameText, str } from "../../lib/values";

export const SUBSCRIPTION_DIAGNOSTIC_SETTING = "azure-native:monitor:SubscriptionDiagnosticSetting";

/** The activity-log categories that record who changed what, who was denied by policy, and Defender's alerts. */
export const AUDIT_ACTIVITY_CATEGORIES = ["Administrative", "Security", "Policy"];

export interface ActivityLogConfig extends Record<string, unknown> {
    readonly ownsAccountSingletons?: boolean;
}

/** Categories of the activity log a setting exports; "all" when it exports a category group. */
function exportedCategories(setting: StackResource): string[] | "all" {
    const enabled = records(setting.props.logs).filter((l) => bool(l.enabled) === true);
    if (enabled.some((l) => str(l.categoryGroup) !== undefined)) return "all";
    return enabled.map((l) => str(l.category) ?? "");
}

export function settingProblems(setting: StackResource): string[] {
    const destination = ["workspaceId", "storageAccountId", "eventHubAuthorizationRuleId"].some((k) => present(setting.props, k));
    const categories = exportedCategories(setting);
    const missing = categories === "all" ? [] : AUDIT_ACTIVITY_CATEGORIES.filter((c) => !categories.some((x) => sameText(x, c)));
    return [...(destination ? [] : ["it has no destination (workspaceId, storageAccountId or eventHubAuthorizationRuleId)"]), ...(missing.length > 0 ? [`it does not export ${missing.join(", ")}`] : [])];
}

/** Whether this stack owns the subscription-wide singletons: policy config, then the stack's
 * `ownsAccountSingletons` output, else yes (the prod profile's default). */
export function ownsSingletons(stack: StackView, config: ActivityLogConfig): boolean {
    if (config.ownsAccountSingletons !== undefined) return config.ownsAccountSingletons;
    const output = known(() => bool(stack.outputs.ownsAccountSingletons));
    return !(output.known && output.value === false);
}

export function activityLogFindings(stack: StackView, config: ActivityLogConfig): Finding[] {
    if (stack.environment !== "prod" || !stack.resources.some((r) => r.type.startsWith("azure-native:"))) return [];
    if (!ownsSingletons(stack, config)) return [];
    const settings = stack.ofType(SUBSCRIPTION_DIAGNOSTIC_SETTING);
    if (settings.length === 0) {
        return [{ message: "no monitor.SubscriptionDiagnosticSetting exports the subscription's activity log, and the stack owns the subscription's singletons (ownsAccountSingletons)" }];
    }
    if (settings.some((s) => settingProblems(s).length === 0)) return [];
    return settings.map((s) => ({ urn: s.urn, message: `SubscriptionDiagnosticSetting ${s.name}: ${settingProblems(s).join("; ")}` }));
}

export const azureActivityLogExported = stackRule({
    name: "azure-activity-log-exported",
    description:
        "A prod Azure plan exports the subscription's activity log (Administrative, Security, Policy) through a subscription diagnostic setting, unless another stack owns the subscription's singletons.",
    explanation:
        "Azure keeps the activity log 90 days; only an export keeps role assignments, deletions and policy denials for the audit retention. The export is one per subscription, so only the stack that owns the singletons is asked for it. Advisory: the plan cannot see a setting another stack or the platform team created.",
    remediation:
        'Add monitor.SubscriptionDiagnosticSetting { workspaceId, logs: [{ category: "Administrative", enabled: true }, { category: "Security", enabled: true }, { category: "Policy", enabled: true }, …] }; or, where another stack owns it, export ownsAccountSingletons: false or set this rule\'s ownsAccountSingletons config to false.',
    enforcementLevel: "advisory",
    area: "audit",
    anchors: ["CIS Azure 5.1.1"],
    types: [SUBSCRIPTION_DIAGNOSTIC_SETTING],
    defaults: {},
    configSchema: {
        properties: {
            ownsAccountSingletons: { type: "boolean", description: "Whether this stack owns the subscription's singletons; default: the stack's ownsAccountSingletons output, else true." },
            ...ENVIRONMENT_CONFIG,
        },
    },
    check: (stack, config) => activityLogFindings(stack, config),
});

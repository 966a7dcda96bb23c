/**
 * The release notice on AKS: a log search alert rule on the cluster's Log Analytics workspace,
 * which receives every control-plane log category through the cluster's diagnostic setting.
 * The query counts the audit events of successful writes to the release record, one row per
 * event with the user who made it as a dimension, so the alert names who made the change.
 */
import { ScheduledQueryRule } from "@pulumi/azure-native/monitor/scheduledQueryRule";
import type * as pulumi from "@pulumi/pulumi";
import { AKS_AUDIT_LOG, AZURE_ALERT_SEVERITY } from "../../domain/catalogs/azure";
import type { ReleaseNoticeArgs } from "../contracts/cluster";
import type { AzureAlerts } from "./alerts";
import type { AzureSite } from "./site";

/** The query's column that names who wrote, split on as the alert's dimension. */
export const RELEASE_NOTICE_WHO_COLUMN = "who";
/** The rule runs every five minutes over the five minutes before. */
export const RELEASE_NOTICE_FREQUENCY = "PT5M";
export const RELEASE_NOTICE_WINDOW = "PT5M";

/**
 * Successful (2xx) create, update and patch events of one ConfigMap, in Azure diagnostics mode.
 * The workspace is the cluster's own, so every audit row in it is this cluster's.
 */
export function releaseNoticeQuery(notice: Pick<ReleaseNoticeArgs, "namespace" | "configMapName">): string {
    const { table, category, eventColumn, configMapWriteVerbs } = AKS_AUDIT_LOG.value;
    const verbs = configMapWriteVerbs.map((v) => `"${v}"`).join(", ");
    return [
        table,
        `| where Category == "${category}"`,
        `| extend event = parse_json(${eventColumn})`,
        `| where tostring(event.objectRef.resource) == "configmaps" and tostring(event.objectRef.namespace) == "${notice.namespace}" and tostring(event.objectRef.name) == "${notice.configMapName}"`,
        `| where tostring(event.verb) in (${verbs})`,
        // A refused or failed write changed nothing; an event without a response has no code.
        `| where toint(event.responseStatus.code) < 300`,
        `| project TimeGenerated, ${RELEASE_NOTICE_WHO_COLUMN} = tostring(event.user.username), verb = tostring(event.verb)`,
    ].join("\n");
}

export interface AzureReleaseNoticeArgs {
    readonly site: AzureSite;
    readonly alerts: AzureAlerts;
    /** The cluster's Log Analytics workspace, which the rule queries. */
    readonly workspaceId: pulumi.Input<string>;
    readonly notice: ReleaseNoticeArgs;
}

/** The rule `<component>-<notice>`, named `<prefix>-<role>-cluster-<notice>` in Azure: the resource the record depends on. */
export function azureReleaseNotice(component: string, noticeName: string, args: AzureReleaseNoticeArgs, parent: pulumi.Resource): ScheduledQueryRule {
    const { site, notice } = args;
    return new ScheduledQueryRule(
        `${component}-${noticeName}`,
        {
            resourceGroupName: site.resourceGroupName,
            ruleName: `${site.namePrefix}-${site.role}-cluster-${noticeName}`,
            location: site.location,
            kind: "LogAlert",
            displayName: `${site.namePrefix} ${site.role} cluster (AKS): release record ${notice.namespace}/${notice.configMapName} written`,
            description: notice.summary,
            severity: AZURE_ALERT_SEVERITY.informational.value,
            enabled: true,
            scopes: [args.workspaceId],
            evaluationFrequency: RELEASE_NOTICE_FREQUENCY,
            windowSize: RELEASE_NOTICE_WINDOW,
            criteria: {
                allOf: [
                    {
                        query: releaseNoticeQuery(notice),
                        timeAggregation: "Count",
                        operator: "GreaterThan",
                        threshold: 0,
                        dimensions: [{ name: RELEASE_NOTICE_WHO_COLUMN, operator: "Include", values: ["*"] }],
                        failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 },
                    },
                ],
            },
            // Each write is its own notice: nothing to resolve once the window has passed.
            autoMitigate: false,
            actions: { actionGroups: args.alerts.targetIds },
            tags: { ...site.tags },
        },
        { parent, provider: site.provider },
    );
}

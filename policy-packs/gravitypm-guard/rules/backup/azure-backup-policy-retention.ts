/** Azure backup policies keep recovery points at least the stack minimum [—]. */
import { resourceRule } from "../../lib/rule";
import { durationDays, get, records, sameText, str, type Props } from "../../lib/values";
import { RETENTION_DEFAULTS, RETENTION_SCHEMA, type RetentionConfig } from "../database/docdb-cluster-backup-retention";
import { AZURE_BACKUP_POLICY } from "./azure-backup-vault-immutability";

/** Longest deleteAfter of the policy's default retention rule, in days. */
export function azurePolicyRetentionDays(props: Props): number | undefined {
    const rules = records(get(props, "properties.policyRules")).filter((r) => sameText(r.objectType, "AzureRetentionRule"));
    const chosen = rules.filter((r) => r.isDefault === true);
    const days = (chosen.length > 0 ? chosen : rules).flatMap((r) => records(r.lifecycles).map((l) => durationDays(get(l, "deleteAfter.duration"))));
    const known = days.filter((d): d is number => d !== undefined);
    return known.length === 0 ? undefined : Math.max(...known);
}

export function azurePolicyRetentionProblems(props: Props, config: RetentionConfig): string[] {
    const days = azurePolicyRetentionDays(props);
    if (days === undefined) return [`the policy ${str(props.backupPolicyName) ?? ""} has no retention rule with a deleteAfter duration`.replace("  ", " ")];
    return days >= config.minimumRetentionDays ? [] : [`the default retention rule keeps recovery points ${days} days; the minimum is ${config.minimumRetentionDays}`];
}

export const azureBackupPolicyRetention = resourceRule({
    name: "azure-backup-policy-retention",
    description: "Azure Backup policies keep recovery points for at least the minimum retention.",
    explanation: "The default retention rule decides how far back every protected resource can be restored.",
    remediation: 'Set the default AzureRetentionRule lifecycle deleteAfter.duration to at least "P<backupRetentionDays>D".',
    enforcementLevel: "mandatory",
    area: "backup",
    anchors: [],
    types: [AZURE_BACKUP_POLICY],
    defaults: RETENTION_DEFAULTS,
    configSchema: RETENTION_SCHEMA,
    check: (props, ctx) => azurePolicyRetentionProblems(props, ctx.config),
});

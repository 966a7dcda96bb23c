/** DocumentDB keeps automated backups at least the stack minimum [CK_AWS_360]. */
import { daysSchema, resourceRule } from "../../lib/rule";
import { num, shown, type Props } from "../../lib/values";
import { DOCDB_CLUSTER } from "./docdb-cluster-encrypted";

export interface RetentionConfig extends Record<string, unknown> {
    readonly minimumRetentionDays: number;
}

export const RETENTION_DEFAULTS: RetentionConfig = { minimumRetentionDays: 7 };
export const RETENTION_SCHEMA = {
    properties: { minimumRetentionDays: daysSchema("Fewest days backups must be kept (the stack's promised floor).", 7) },
};

export function docdbBackupRetentionProblems(props: Props, config: RetentionConfig): string[] {
    // The provider default is 1 day: unset is below any sensible floor.
    const days = num(props.backupRetentionPeriod) ?? 1;
    return days >= config.minimumRetentionDays
        ? []
        : [`backupRetentionPeriod is ${shown(props.backupRetentionPeriod)} (${days} day${days === 1 ? "" : "s"}); the minimum is ${config.minimumRetentionDays}`];
}

export const docdbClusterBackupRetention = resourceRule({
    name: "docdb-cluster-backup-retention",
    description: "DocumentDB clusters keep automated backups (point-in-time restore) for at least the minimum retention.",
    explanation: "Automated backups are the only point-in-time restore DocumentDB has; a short window means corruption found late cannot be undone.",
    remediation: "Set backupRetentionPeriod to the stack's backupRetentionDays (at least the configured minimum, at most 35).",
    enforcementLevel: "mandatory",
    area: "database",
    anchors: ["CK_AWS_360"],
    types: [DOCDB_CLUSTER],
    defaults: RETENTION_DEFAULTS,
    configSchema: RETENTION_SCHEMA,
    check: (props, ctx) => docdbBackupRetentionProblems(props, ctx.config),
});

/** Atlas daily snapshots are kept at least the stack minimum [—]. */
import { resourceRule } from "../../lib/rule";
import { get, num, str, type Props } from "../../lib/values";
import { RETENTION_DEFAULTS, RETENTION_SCHEMA, type RetentionConfig } from "./docdb-cluster-backup-retention";

export const ATLAS_BACKUP_SCHEDULE = "mongodbatlas:index/cloudBackupSchedule:CloudBackupSchedule";

const UNIT_DAYS: Record<string, number> = { days: 1, weeks: 7, months: 30, years: 365 };

/** Days an Atlas policy item keeps its snapshots. */
export function atlasRetentionDays(item: unknown): number | undefined {
    const value = num(get(item, "retentionValue"));
    const unit = UNIT_DAYS[str(get(item, "retentionUnit"))?.toLowerCase() ?? ""];
    return value === undefined || unit === undefined ? undefined : value * unit;
}

export function atlasScheduleRetentionProblems(props: Props, config: RetentionConfig): string[] {
    if (props.policyItemDaily === undefined) return ["policyItemDaily is unset; the schedule keeps no daily snapshots"];
    const days = atlasRetentionDays(props.policyItemDaily);
    return days !== undefined && days >= config.minimumRetentionDays
        ? []
        : [`policyItemDaily keeps snapshots ${days ?? "an unknown number of"} days; the minimum is ${config.minimumRetentionDays}`];
}

export const atlasBackupScheduleRetention = resourceRule({
    name: "atlas-backup-schedule-retention",
    description: "MongoDB Atlas backup schedules keep daily snapshots for at least the minimum retention.",
    explanation: "Daily snapshots are the restore points beyond the point-in-time window.",
    remediation: 'Set policyItemDaily: { frequencyInterval: 1, retentionUnit: "days", retentionValue: <backupRetentionDays> }.',
    enforcementLevel: "mandatory",
    area: "database",
    anchors: [],
    types: [ATLAS_BACKUP_SCHEDULE],
    defaults: RETENTION_DEFAULTS,
    configSchema: RETENTION_SCHEMA,
    check: (props, ctx) => atlasScheduleRetentionProblems(props, ctx.config),
});

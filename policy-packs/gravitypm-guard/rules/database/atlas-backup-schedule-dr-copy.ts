/** Atlas snapshots are copied to another region in prod [—]. */
import { ENVIRONMENT_CONFIG } from "../../lib/environment";
import { resourceRule } from "../../lib/rule";
import { isSet, records, strings, type Props } from "../../lib/values";
import { ATLAS_BACKUP_SCHEDULE } from "./atlas-backup-schedule-retention";

/** A copy setting copies something: snapshot frequencies (the deprecated form), or with
 * `copyPolicyItemsEnabled` its copy policy items or the last N snapshots. */
export function atlasCopySettingCopies(c: Record<string, unknown>): boolean {
    return strings(c.frequencies).length > 0 || records(c.copyPolicyItems).length > 0 || isSet(c.lastNumberOfSnapshots);
}

export function atlasDrCopyProblems(props: Props, environment: string): string[] {
    if (environment !== "prod") return [];
    const copies = records(props.copySettings).filter((c) => isSet(c.regionName) && atlasCopySettingCopies(c));
    return copies.length > 0 ? [] : ["copySettings copies no snapshot frequency to another region; a regional outage would take the backups with it"];
}

export const atlasBackupScheduleDrCopy = resourceRule({
    name: "atlas-backup-schedule-dr-copy",
    description: "MongoDB Atlas backup schedules in prod copy snapshots to another region.",
    explanation: "Snapshots live in the cluster's region by default; the DR plan needs them where the cluster is not.",
    remediation: 'Add copySettings: [{ cloudProvider, regionName: <DR region>, frequencies: ["DAILY"], shouldCopyOplogs: true }] (and zoneId).',
    enforcementLevel: "mandatory",
    area: "database",
    anchors: [],
    types: [ATLAS_BACKUP_SCHEDULE],
    defaults: {},
    configSchema: { properties: { ...ENVIRONMENT_CONFIG } },
    check: (props, ctx) => atlasDrCopyProblems(props, ctx.environment),
});

/** MongoDB Atlas clusters and the cloud backup schedules that cover them. */
import type { StackResource, StackView } from "../stack";
import { bool, get, isSet, list, num, records, str, strings } from "../values";
import { dependentOfType, type Coverage, type StoreSpec } from "./coverage";

export const ATLAS_STORES: Readonly<Record<string, StoreSpec>> = {
    "mongodbatlas:index/advancedCluster:AdvancedCluster": {
        kind: "database",
        label: "MongoDB Atlas cluster",
        ports: () => [27015, 27016, 27017],
        keyPaths: [],
        ownBackup: (r, stack) => {
            if (bool(r.props.backupEnabled) !== true) return undefined;
            const pit = bool(r.props.pitEnabled) === true;
            // Without a CloudBackupSchedule Atlas applies its default policy (daily snapshots kept 7 days).
            const hasSchedule = dependentOfType(stack, r, "mongodbatlas:index/cloudBackupSchedule:CloudBackupSchedule").length > 0;
            return hasSchedule && !pit ? undefined : { via: pit ? "continuous cloud backup" : "default snapshot policy", retentionDays: 7, intervalMinutes: pit ? 1 : 360, crossRegion: false };
        },
        deletionProtection: (p) => bool(p.terminationProtectionEnabled) === true,
        zones: (r) =>
            records(r.props.replicationSpecs)
                .flatMap((s) => records(s.regionConfigs))
                .reduce((n, c) => n + (num(get(c, "electableSpecs.nodeCount")) ?? 0), 0),
        replicatedAcrossRegions: (r) => new Set(records(r.props.replicationSpecs).flatMap((s) => records(s.regionConfigs).map((c) => str(c.regionName)))).size >= 2,
    },
};

const UNIT_DAYS: Record<string, number> = { days: 1, weeks: 7, months: 30, years: 365 };

export function atlasScheduleCoverage(store: StackResource, stack: StackView): Coverage[] {
    const primaryRegion = str(
        records(store.props.replicationSpecs)
            .flatMap((s) => records(s.regionConfigs))
            .sort((a, b) => (num(b.priority) ?? 0) - (num(a.priority) ?? 0))[0]?.regionName,
    );
    return stack
        .dependentsOf(store.urn)
        .filter((d) => d.type === "mongodbatlas:index/cloudBackupSchedule:CloudBackupSchedule")
        .map((s): Coverage => {
            const items = [get(s.props, "policyItemHourly"), get(s.props, "policyItemDaily"), ...list(s.props.policyItemWeeklies), ...list(s.props.policyItemMonthlies), ...list(s.props.policyItemYearlies)].filter((i) => i !== undefined);
            const retention = items.map((i) => (num(get(i, "retentionValue")) ?? 0) * (UNIT_DAYS[str(get(i, "retentionUnit"))?.toLowerCase() ?? ""] ?? 0));
            const hourly = get(s.props, "policyItemHourly");
            const interval = bool(store.props.pitEnabled) === true ? 1 : hourly !== undefined ? (num(get(hourly, "frequencyInterval")) ?? 6) * 60 : 1440;
            const crossRegion = records(s.props.copySettings).some(
                (c) => isSet(c.regionName) && str(c.regionName) !== primaryRegion && (strings(c.frequencies).length > 0 || records(c.copyPolicyItems).length > 0 || isSet(c.lastNumberOfSnapshots)),
            );
            return { via: `Atlas backup schedule ${s.name}`, retentionDays: retention.length ? Math.max(...retention) : 0, intervalMinutes: interval, crossRegion };
        });
}

/** Every token this module reads besides its stores' own (for the rules' type lists). */
export const ATLAS_RELATED_TYPES: readonly string[] = [
    "mongodbatlas:index/cloudBackupSchedule:CloudBackupSchedule",
];

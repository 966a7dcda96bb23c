/** Google Cloud data stores (Memorystore, Firestore) and the Backup and DR plans and Firestore schedules that cover them. */
import type { StackResource, StackView } from "../stack";
import { bool, durationDays, get, isSet, known, num, records, sameText, str, type Props } from "../values";
import { best, cronIntervalMinutes, regionOf, type Coverage, type StoreSpec } from "./coverage";

const RDB_PERIOD_MINUTES: Record<string, number> = {
    ONE_HOUR: 60,
    SIX_HOURS: 360,
    TWELVE_HOURS: 720,
    TWENTY_FOUR_HOURS: 1440,
};

/** Redis persistence: RDB snapshots keep only the newest file; AOF loses about a second. */
function gcpPersistence(props: Props, via: string): Coverage | undefined {
    const mode = str(get(props, "persistenceConfig.mode")) ?? str(get(props, "persistenceConfig.persistenceMode"));
    if (mode === "AOF") return { via, retentionDays: "latest", intervalMinutes: 1, crossRegion: false };
    if (mode !== "RDB") return undefined;
    const period = str(get(props, "persistenceConfig.rdbConfig.rdbSnapshotPeriod")) ?? str(get(props, "persistenceConfig.rdbSnapshotPeriod")) ?? "TWENTY_FOUR_HOURS";
    return { via, retentionDays: "latest", intervalMinutes: RDB_PERIOD_MINUTES[period] ?? 1440, crossRegion: false };
}

function gcpAutomatedBackup(props: Props, via: string): Coverage | undefined {
    if (props.automatedBackupConfig === undefined) return undefined;
    const days = durationDays(get(props, "automatedBackupConfig.retention")) ?? 0;
    return { via, retentionDays: days, intervalMinutes: 1440, crossRegion: false };
}

const SCHEDULER_JOB = "gcp:cloudscheduler/job:Job";
const STORAGE_BUCKET = "gcp:storage/bucket:Bucket";

/** The Cloud Storage destination of an export request body (base64 JSON), if readable. */
export function exportDestination(body: unknown): string | undefined {
    const text = str(body);
    if (text === undefined) return undefined;
    try {
        const parsed: unknown = JSON.parse(Buffer.from(text, "base64").toString("utf8"));
        return str(get(parsed, "outputConfig.gcsDestination.uri"));
    } catch {
        return undefined;
    }
}

/**
 * A Memorystore instance cannot replicate across regions; a scheduled export of its RDB
 * snapshot to a bucket in another region is its DR copy. The export counts when a Cloud
 * Scheduler job POSTs this instance's `:export` URL and its body names a bucket of the
 * stack in another region; retention is how long the bucket keeps replaced exports.
 */
function memorystoreExport(r: StackResource, stack: StackView): Coverage | undefined {
    const name = str(r.props.name);
    if (name === undefined) return undefined;
    for (const job of stack.ofType(SCHEDULER_JOB)) {
        const uri = known(() => str(get(job.props, "httpTarget.uri")));
        if (!uri.known || !uri.value?.endsWith(`/instances/${name}:export`) || !sameText(get(job.props, "httpTarget.httpMethod"), "POST")) continue;
        const destination = known(() => exportDestination(get(job.props, "httpTarget.body")));
        const bucketName = destination.known ? /^gs:\/\/([^/]+)\//.exec(destination.value ?? "")?.[1] : undefined;
        const bucket = stack.ofType(STORAGE_BUCKET).find((b) => str(b.props.name) === bucketName);
        if (!bucket) continue;
        const bucketRegion = known(() => str(bucket.props.location)?.toLowerCase());
        const instanceRegion = regionOf(r)?.toLowerCase();
        const keptDays = records(bucket.props.lifecycleRules)
            .map((rule) => num(get(rule, "condition.daysSinceNoncurrentTime")))
            .filter((d): d is number => d !== undefined);
        return {
            via: `scheduled export to ${bucketName}`,
            // Versioning keeps replaced exports until a lifecycle rule deletes them.
            retentionDays: keptDays.length ? Math.min(...keptDays) : bool(get(bucket.props, "versioning.enabled")) ? Number.MAX_SAFE_INTEGER : "latest",
            // A Cloud Scheduler cron has the same leading fields as AWS Backup's cron().
            intervalMinutes: cronIntervalMinutes(`cron(${str(job.props.schedule) ?? ""})`),
            crossRegion: bucketRegion.known && bucketRegion.value !== undefined && instanceRegion !== undefined && bucketRegion.value !== instanceRegion,
        };
    }
    return undefined;
}

export const GCP_STORES: Readonly<Record<string, StoreSpec>> = {
    "gcp:redis/instance:Instance": {
        kind: "cache",
        label: "Memorystore for Redis instance",
        ports: () => [6379, 6378],
        keyPaths: ["customerManagedKey"],
        ownBackup: (r, stack) => best(gcpPersistence(r.props, "persistence"), memorystoreExport(r, stack)),
        deletionProtection: (p) => bool(p.deletionProtection) === true,
        zones: (r) => (str(r.props.tier) === "STANDARD_HA" ? 2 : 1),
    },
    "gcp:redis/cluster:Cluster": {
        kind: "cache",
        label: "Memorystore for Redis Cluster",
        ports: () => [6379, 11000],
        keyPaths: ["kmsKey"],
        ownBackup: (r) => best(gcpPersistence(r.props, "persistence"), gcpAutomatedBackup(r.props, "automated backups")),
        deletionProtection: (p) => bool(p.deletionProtectionEnabled) === true,
        zones: (r) => (str(get(r.props, "zoneDistributionConfig.mode")) === "SINGLE_ZONE" ? 1 : 3),
        replicatedAcrossRegions: (r) => isSet(get(r.props, "crossClusterReplicationConfig.clusterRole")) && str(get(r.props, "crossClusterReplicationConfig.clusterRole")) !== "NONE",
        secondary: (p) => str(get(p, "crossClusterReplicationConfig.clusterRole")) === "SECONDARY",
    },
    "gcp:memorystore/instance:Instance": {
        kind: "cache",
        label: "Memorystore instance",
        ports: () => [6379, 11000],
        keyPaths: ["kmsKey"],
        ownBackup: (r) => best(gcpPersistence(r.props, "persistence"), gcpAutomatedBackup(r.props, "automated backups")),
        deletionProtection: (p) => bool(p.deletionProtectionEnabled) === true,
        zones: (r) => (str(get(r.props, "zoneDistributionConfig.mode")) === "SINGLE_ZONE" ? 1 : 3),
        replicatedAcrossRegions: (r) => isSet(get(r.props, "crossInstanceReplicationConfig.instanceRole")) && str(get(r.props, "crossInstanceReplicationConfig.instanceRole")) !== "NONE",
        secondary: (p) => str(get(p, "crossInstanceReplicationConfig.instanceRole")) === "SECONDARY",
    },
    "gcp:firestore/database:Database": {
        kind: "database",
        label: "Firestore database",
        ports: () => [],
        keyPaths: ["cmekConfig.kmsKeyName"],
        ownBackup: (r) =>
            sameText(r.props.pointInTimeRecoveryEnablement, "POINT_IN_TIME_RECOVERY_ENABLED") ? { via: "point-in-time recovery", retentionDays: 7, intervalMinutes: 1, crossRegion: false } : undefined,
        deletionProtection: (p) => sameText(p.deleteProtectionState, "DELETE_PROTECTION_ENABLED"),
        // Firestore replicates synchronously across zones (regional) or regions (multi-region).
        zones: () => 3,
        replicatedAcrossRegions: (r) => /^(nam|eur)\d+$/.test(str(r.props.locationId) ?? ""),
    },
};

const RECURRENCE_MINUTES: Record<string, number> = { DAILY: 1440, WEEKLY: 10080, MONTHLY: 43200, YEARLY: 525600 };

export function gcpBackupCoverage(store: StackResource, stack: StackView): Coverage[] {
    const associations = stack.dependentsOf(store.urn).filter((d) => d.type === "gcp:backupdisasterrecovery/backupPlanAssociation:BackupPlanAssociation");
    const firestoreSchedules = stack.dependentsOf(store.urn).filter((d) => d.type === "gcp:firestore/backupSchedule:BackupSchedule");
    return [
        ...associations.flatMap((a) =>
            stack
                .dependenciesOf(a)
                .filter((d) => d.type === "gcp:backupdisasterrecovery/backupPlan:BackupPlan")
                .flatMap((plan) =>
                    records(plan.props.backupRules).map((rule): Coverage => {
                        const recurrence = str(get(rule, "standardSchedule.recurrenceType")) ?? "DAILY";
                        const hourly = recurrence === "HOURLY" ? (num(get(rule, "standardSchedule.hourlyFrequency")) ?? 1) * 60 : undefined;
                        return { via: `Backup and DR plan ${plan.name}`, retentionDays: num(rule.backupRetentionDays) ?? 0, intervalMinutes: hourly ?? RECURRENCE_MINUTES[recurrence] ?? 1440, crossRegion: false };
                    }),
                ),
        ),
        ...firestoreSchedules.map((s): Coverage => ({
            via: `Firestore backup schedule ${s.name}`,
            retentionDays: durationDays(s.props.retention) ?? 0,
            intervalMinutes: s.props.weeklyRecurrence !== undefined ? 10080 : 1440,
            crossRegion: false,
        })),
    ];
}

/** Every token this module reads besides its stores' own (for the rules' type lists). */
export const GCP_RELATED_TYPES: readonly string[] = [
    SCHEDULER_JOB,
    STORAGE_BUCKET,
    "gcp:backupdisasterrecovery/backupPlanAssociation:BackupPlanAssociation",
    "gcp:backupdisasterrecovery/backupPlan:BackupPlan",
    "gcp:firestore/backupSchedule:BackupSchedule",
];

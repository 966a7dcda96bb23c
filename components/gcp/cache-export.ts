/**
 * The DR copy of a Memorystore for Redis instance. An instance cannot replicate across
 * regions, so prod exports its RDB snapshot once a day to a Cloud Storage bucket in the DR
 * region; a regional failover imports the newest export into a new instance there.
 *
 * Cloud Scheduler calls Memorystore's `instances.export` directly, so there is no code to
 * run. Its request body is fixed, which rules out a dated object name: every export writes
 * the same object and bucket versioning keeps the earlier ones. A bucket retention policy
 * (Bucket Lock) is not used: Cloud Storage does not allow one on a versioned bucket, and
 * without versioning it would refuse the next day's overwrite. Lifecycle rules and soft
 * delete keep the copies for the retention period instead.
 */
import { Job } from "@pulumi/gcp/cloudscheduler/job";
import { CryptoKeyIAMMember } from "@pulumi/gcp/kms/cryptoKeyIAMMember";
import { AlertPolicy } from "@pulumi/gcp/monitoring/alertPolicy";
import { Metric } from "@pulumi/gcp/logging/metric";
import { IAMCustomRole } from "@pulumi/gcp/projects/iamcustomRole";
import { IAMMember } from "@pulumi/gcp/projects/iammember";
import type { Instance } from "@pulumi/gcp/redis/instance";
import { Account } from "@pulumi/gcp/serviceaccount/account";
import { Bucket, type BucketArgs } from "@pulumi/gcp/storage/bucket";
import { BucketIAMMember } from "@pulumi/gcp/storage/bucketIAMMember";
import { getProjectServiceAccountOutput } from "@pulumi/gcp/storage/getProjectServiceAccount";
import type * as pulumi from "@pulumi/pulumi";
import { Provider as RandomProvider } from "@pulumi/random/provider";
import { RandomId } from "@pulumi/random/randomId";
import { GCP_ALERT_MAX_ALIGNMENT_SECONDS, GCP_REDIS_EXPORT_AUDIT_METHOD, GCP_ROLES, GCP_USER_LOG_METRIC_PREFIX } from "../../domain/catalogs/gcp";
import { fitName } from "../shared/naming";
import type { GcpAlerts } from "./alerts";
import type { GcpKeys } from "./keys";
import type { GcpSite } from "./site";

/** Daily at 02:00 UTC: clear of the instance's Sunday 05:00 UTC maintenance window (an
 * instance runs one operation at a time, so an export during maintenance is refused). */
export const EXPORT_SCHEDULE = "0 2 * * *";
export const EXPORT_TIME_ZONE = "Etc/UTC";
/** The OAuth scope Google APIs accept for IAM-authorised calls. */
export const CLOUD_PLATFORM_SCOPE = "https://www.googleapis.com/auth/cloud-platform";
export const EXPORT_OBJECT = "export.rdb";
/** How long a deleted export (by lifecycle, by hand or by a bad export) stays restorable. */
export const EXPORT_SOFT_DELETE_DAYS = 7;
const SECONDS_PER_DAY = 86_400;

/** What the job's service account may do: start an export, nothing else (Redis Editor, the
 * smallest predefined role with this permission, would also let it reconfigure the instance,
 * fail it over and import over its data). */
export const EXPORT_CALLER_PERMISSIONS: readonly string[] = ["redis.instances.export"];
/**
 * What Memorystore's service agent needs on the bucket: write the export (replacing the
 * previous day's object needs `delete` as well as `create`), and read it back for an import.
 * Memorystore also checks the bucket itself (`buckets.get`). No predefined role fits: Object
 * Creator cannot replace an object, and the roles that can (Object User, Object Admin) grant more.
 */
export const EXPORT_AGENT_PERMISSIONS: readonly string[] = [
    "storage.buckets.get",
    "storage.objects.create",
    "storage.objects.delete",
    "storage.objects.get",
    "storage.objects.list",
];

/** Bucket names are global: 3-63 lowercase letters, digits, hyphens (no dots here), and may not mention Google. */
export const BUCKET_NAME_MAX = 63;

/** Bucket names and service account ids: lowercase letters, digits and hyphens, `--` allowed. */
const gcpName = (namePrefix: string, max: number, tail: string) =>
    fitName(namePrefix, { max, tail, invalid: { chars: /[^a-z0-9-]+/, replace: "hyphen" }, collapseHyphens: false, shrink: "end" });

/** `<prefix>-cache-dr-<suffix>`: the random suffix (kept in state) makes it globally unique
 * and lets a destroyed stack be re-created while Cloud Storage still holds the old name. */
export function cacheExportBucketName(namePrefix: string, suffix: string): string {
    const tail = `-cache-dr-${suffix}`;
    const name = gcpName(namePrefix, BUCKET_NAME_MAX, tail);
    if (!/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(name) || name.startsWith("goog") || name.includes("google")) {
        throw new Error(`"${name}" is not a valid Cloud Storage bucket name (3-63 lowercase letters, digits and hyphens, not starting with "goog" or containing "google")`);
    }
    return name;
}

/** Service account ids: 6-30 lowercase letters, digits and hyphens, starting with a letter. */
export function gcpServiceAccountId(namePrefix: string, purpose: string): string {
    const tail = `-${purpose}`;
    const id = gcpName(namePrefix, 30, tail);
    if (!/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(id)) {
        throw new Error(`"${id}" is not a valid service account id (6-30 lowercase letters, digits and hyphens, starting with a letter)`);
    }
    return id;
}

/**
 * Custom role ids: 3-64 letters, digits, `_` and `.`. A deleted custom role keeps its id for
 * up to 44 days, so the suffix (new when the stack is re-created) avoids a collision.
 */
export function gcpCustomRoleId(namePrefix: string, purpose: string, suffix: string): string {
    const tail = `_${purpose}_${suffix}`;
    const id = `${namePrefix.replace(/[^A-Za-z0-9]+/g, "_").slice(0, 64 - tail.length)}${tail}`;
    if (!/^[A-Za-z0-9_.]{3,64}$/.test(id)) throw new Error(`"${id}" is not a valid custom role id (3-64 letters, digits, "_" and ".")`);
    return id;
}

/** The instance's full resource name, known before it exists, so the job's target and the
 * alert's filter are plain values a preview (and a policy) can read. */
export function memorystoreInstancePath(project: string, region: string, instanceName: string): string {
    return `projects/${project}/locations/${region}/instances/${instanceName}`;
}

/** `projects/p/locations/r/instances/i` → the REST method Cloud Scheduler calls. */
export function memorystoreExportUrl(instancePath: string): string {
    if (!/^projects\/[^/]+\/locations\/[^/]+\/instances\/[^/]+$/.test(instancePath)) {
        throw new Error(`"${instancePath}" is not a Memorystore instance name (projects/…/locations/…/instances/…)`);
    }
    return `https://redis.googleapis.com/v1/${instancePath}:export`;
}

/** One object per instance, overwritten daily; the bucket's versions are the history. */
export function exportObjectUri(bucket: string, instanceName: string): string {
    return `gs://${bucket}/${instanceName}/${EXPORT_OBJECT}`;
}

/** The `instances.export` request, base64-encoded as Cloud Scheduler's `body` takes it. */
export function memorystoreExportBody(bucket: string, instanceName: string): string {
    const request = { outputConfig: { gcsDestination: { uri: exportObjectUri(bucket, instanceName) } } };
    return Buffer.from(JSON.stringify(request)).toString("base64");
}

/**
 * Each export stays `retentionDays` after the next one replaces it; the newest is never aged
 * out, so a stalled job leaves the last good copy in place rather than nothing.
 */
export function cacheExportLifecycle(retentionDays: number): NonNullable<BucketArgs["lifecycleRules"]> {
    if (!Number.isInteger(retentionDays) || retentionDays < 1) {
        throw new Error(`backupRetentionDays ${retentionDays} must be a whole number of days, at least 1`);
    }
    return [{ action: { type: "Delete" }, condition: { withState: "ARCHIVED", daysSinceNoncurrentTime: retentionDays } }];
}

/**
 * A failed run: the scheduler's call was refused (permissions, an operation already running,
 * maintenance), or Memorystore accepted it and the export then failed (its Admin Activity
 * audit entry for the finished operation carries the error).
 */
export function exportFailureFilter(jobName: string, region: string, instancePath: string): string {
    return [
        `(resource.type="cloud_scheduler_job" AND resource.labels.job_id="${jobName}" AND resource.labels.location="${region}" AND severity>=ERROR)`,
        `(${exportAuditFilter(instancePath)} AND severity>=ERROR)`,
    ].join(" OR ");
}

/** Admin Activity entries of this instance's exports (always written: exports are ADMIN_WRITE). */
function exportAuditFilter(instancePath: string): string {
    return `protoPayload.serviceName="redis.googleapis.com" AND protoPayload.methodName="${GCP_REDIS_EXPORT_AUDIT_METHOD.value}" AND protoPayload.resourceName="${instancePath}"`;
}

/** The closing audit entry of an export that finished without error. */
export function exportSuccessFilter(instancePath: string): string {
    return `${exportAuditFilter(instancePath)} AND operation.last=true AND severity<ERROR`;
}

/**
 * How long without a finished export before it pages: the longest window an alert condition
 * can look back over (25 h), one hour past the daily schedule. A metric-absence condition
 * cannot do it (it waits at most 23.5 h, less than a day), so a threshold condition counts the
 * successes in the window and treats no data as firing.
 */
export const EXPORT_SUCCESS_WINDOW_SECONDS = GCP_ALERT_MAX_ALIGNMENT_SECONDS.value;

/** Log-based metric names: what the success counter is published as (logging.googleapis.com/user/<name>). */
export function exportSuccessMetricName(namePrefix: string): string {
    return `${namePrefix}-cache-export-succeeded`;
}

export interface GcpCacheExportArgs {
    /** The primary site: the instance, the scheduler job, its service account and roles. */
    readonly site: GcpSite;
    /** The DR site and key: the bucket and its encryption. */
    readonly dr: { readonly site: GcpSite; readonly keys: GcpKeys };
    readonly alerts: GcpAlerts;
    /** The instance exported; its `persistenceIamIdentity` is who writes the export. */
    readonly instance: Instance;
    /** The instance's short name (its `name` input): the folder its export is written to. */
    readonly instanceName: string;
    readonly retentionDays: number;
    readonly protect: boolean;
}

export interface GcpCacheExport {
    readonly bucketName: pulumi.Output<string>;
    readonly bucketId: pulumi.Output<string>;
    readonly jobName: pulumi.Output<string>;
    /** The object each export replaces (`gs://…/export.rdb`); earlier exports are its versions. */
    readonly objectUri: pulumi.Output<string>;
}

/** The bucket in the DR region, the identities and grants, the daily job and its alert. */
export function gcpCacheExport(name: string, args: GcpCacheExportArgs, parent: pulumi.Resource): GcpCacheExport {
    const { site, dr, alerts, instance, instanceName } = args;
    const lifecycleRules = cacheExportLifecycle(args.retentionDays);
    const instancePath = memorystoreInstancePath(site.project, site.region, instanceName);
    const primary = { parent, provider: site.provider };
    const drRegion = { parent, provider: dr.site.provider };

    // An explicit provider, like every resource of the stack: never the ambient default.
    const random = new RandomProvider(`${name}-export-random`, {}, { parent });
    const suffix = new RandomId(`${name}-export-suffix`, { byteLength: 4 }, { parent, provider: random });

    // Cloud Storage encrypts with the DR key as its own service agent. Looking the agent up
    // (rather than spelling its address) also creates it in a project that never used Storage.
    const storageAgent = getProjectServiceAccountOutput({ project: dr.site.project }, { ...drRegion, dependsOn: [dr.site.services] });
    const storageKeyGrant = new CryptoKeyIAMMember(
        `${name}-export-storage-agent`,
        { cryptoKeyId: dr.keys.keyId, role: GCP_ROLES.kmsEncrypterDecrypter.value, member: storageAgent.member },
        drRegion,
    );
    const bucket = new Bucket(
        `${name}-export-bucket`,
        {
            project: dr.site.project,
            name: suffix.hex.apply((s) => cacheExportBucketName(dr.site.namePrefix, s)),
            location: dr.site.region,
            uniformBucketLevelAccess: true,
            publicAccessPrevention: "enforced",
            encryption: { defaultKmsKeyName: dr.keys.keyId },
            versioning: { enabled: true },
            lifecycleRules,
            softDeletePolicy: { retentionDurationSeconds: EXPORT_SOFT_DELETE_DAYS * SECONDS_PER_DAY },
            // A bucket that still holds exports is never deleted with the stack.
            forceDestroy: false,
        },
        // Bucket creation checks that Cloud Storage's agent may use the default key.
        { ...drRegion, protect: args.protect, dependsOn: [dr.site.services, storageKeyGrant] },
    );

    const roleSuffix = suffix.hex;
    const agentRole = new IAMCustomRole(
        `${name}-export-writer-role`,
        {
            project: site.project,
            roleId: roleSuffix.apply((s) => gcpCustomRoleId(site.namePrefix, "cacheExportWriter", s)),
            title: `${site.namePrefix} cache export writer`,
            description: "Memorystore's service agent: write the daily cache export to the DR bucket and read it back for an import",
            permissions: [...EXPORT_AGENT_PERMISSIONS],
        },
        { ...primary, dependsOn: [site.services] },
    );
    // On the bucket only: the agent gets no storage access anywhere else.
    const agentGrant = new BucketIAMMember(
        `${name}-export-writer`,
        { bucket: bucket.name, role: agentRole.name, member: instance.persistenceIamIdentity },
        drRegion,
    );

    const callerRole = new IAMCustomRole(
        `${name}-export-role`,
        {
            project: site.project,
            roleId: roleSuffix.apply((s) => gcpCustomRoleId(site.namePrefix, "cacheExport", s)),
            title: `${site.namePrefix} cache export`,
            description: "Start a Memorystore for Redis export, nothing else",
            permissions: [...EXPORT_CALLER_PERMISSIONS],
        },
        { ...primary, dependsOn: [site.services] },
    );
    const account = new Account(
        `${name}-export-account`,
        {
            project: site.project,
            accountId: gcpServiceAccountId(site.namePrefix, "cache-export"),
            displayName: `${site.namePrefix} cache export`,
            description: "Cloud Scheduler calls Memorystore's export as this account (OAuth token); it has no key",
        },
        { ...primary, dependsOn: [site.services] },
    );
    const callerGrant = new IAMMember(`${name}-export-account-role`, { project: site.project, role: callerRole.name, member: account.member }, primary);

    const jobName = `${site.namePrefix}-cache-export`;
    const objectUri = bucket.name.apply((b) => exportObjectUri(b, instanceName));
    const job = new Job(
        `${name}-export-job`,
        {
            project: site.project,
            region: site.region,
            name: jobName,
            description: `Daily RDB export of the ${site.namePrefix} cache to ${dr.site.region} (DR copy)`,
            schedule: EXPORT_SCHEDULE,
            timeZone: EXPORT_TIME_ZONE,
            // The call only starts the export (a long-running operation) and returns at once.
            attemptDeadline: "60s",
            // Retries cover a refusal while another operation (a failover, a scale-up) runs.
            retryConfig: { retryCount: 3, minBackoffDuration: "300s", maxBackoffDuration: "1800s", maxDoublings: 2 },
            httpTarget: {
                httpMethod: "POST",
                uri: memorystoreExportUrl(instancePath),
                headers: { "Content-Type": "application/json" },
                body: bucket.name.apply((b) => memorystoreExportBody(b, instanceName)),
                oauthToken: { serviceAccountEmail: account.email, scope: CLOUD_PLATFORM_SCOPE },
            },
        },
        // The first run must find the instance and both grants in place.
        { ...primary, dependsOn: [site.services, instance, callerGrant, agentGrant] },
    );

    new AlertPolicy(
        `${name}-export-failed`,
        {
            project: site.project,
            displayName: `${site.namePrefix} cache: DR export failed`,
            combiner: "OR",
            enabled: true,
            severity: "ERROR",
            conditions: [
                {
                    displayName: "the daily export to the DR region failed",
                    conditionMatchedLog: { filter: exportFailureFilter(jobName, site.region, instancePath) },
                },
            ],
            // Log-match policies require a rate limit; retries of one run notify once.
            alertStrategy: { notificationRateLimit: { period: "3600s" }, autoClose: "86400s" },
            notificationChannels: alerts.targetIds,
            documentation: {
                mimeType: "text/markdown",
                content: `The ${site.namePrefix} cache's daily export to ${dr.site.region} failed: until the next one succeeds, the DR copy is older than a day. See docs/cache.md (Cross-region).`,
            },
        },
        primary,
    );

    // A paused or deleted job, a run that never started, an export the failure alert did not
    // match: all show as no finished export in the last 25 hours.
    const successes = new Metric(
        `${name}-export-succeeded`,
        {
            project: site.project,
            name: exportSuccessMetricName(site.namePrefix),
            description: `Finished exports of the ${site.namePrefix} cache to the DR bucket`,
            filter: exportSuccessFilter(instancePath),
            metricDescriptor: { metricKind: "DELTA", valueType: "INT64", unit: "1" },
        },
        { ...primary, dependsOn: [site.services] },
    );
    new AlertPolicy(
        `${name}-export-missing`,
        {
            project: site.project,
            displayName: `${site.namePrefix} cache: no DR export in 25 hours`,
            combiner: "OR",
            enabled: true,
            severity: "ERROR",
            conditions: [
                {
                    displayName: "no export finished in the last 25 hours",
                    conditionThreshold: {
                        filter: successes.name.apply((m) => `metric.type = "${GCP_USER_LOG_METRIC_PREFIX.value}${m}"`),
                        comparison: "COMPARISON_LT",
                        thresholdValue: 1,
                        duration: "0s",
                        aggregations: [{ alignmentPeriod: `${EXPORT_SUCCESS_WINDOW_SECONDS}s`, perSeriesAligner: "ALIGN_SUM", crossSeriesReducer: "REDUCE_SUM" }],
                        // A counter with no matching entry writes no point at all: silence fires.
                        evaluationMissingData: "EVALUATION_MISSING_DATA_ACTIVE",
                        trigger: { count: 1 },
                    },
                },
            ],
            notificationChannels: alerts.targetIds,
            documentation: {
                mimeType: "text/markdown",
                content: `No export of the ${site.namePrefix} cache to ${dr.site.region} finished in 25 hours: the DR copy is getting old. Check the Cloud Scheduler job ${jobName} (paused? failing?) and the instance's operations. It also fires once after the first deploy, until the first 02:00 UTC export. See docs/cache.md (Cross-region).`,
            },
        },
        primary,
    );

    return { bucketName: bucket.name, bucketId: bucket.id, jobName: job.name, objectUri };
}

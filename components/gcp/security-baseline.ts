/**
 * The security baseline on GCP, all of it inside the stack's own project:
 *
 *   audit        Data Access audit logs (ADMIN_READ, DATA_READ, DATA_WRITE) on the services the
 *                stack uses, and a sink copying the project's four audit logs into a regional
 *                log bucket under the stack key, kept `retentionDays` and locked in prod
 *   alerts       log-match alert policies on Admin Activity entries (always written, cannot be
 *                turned off): an owner or editor grant, a key version disabled or scheduled for
 *                destruction, a firewall opened to the internet, the audit trail changed; with
 *                `threatDetection`, also network, custom-role, service-account-key and bucket
 *                IAM changes
 *   detection    Security Command Center is activated outside any project's API (console, at
 *                organisation or project level): the note says so rather than pretend
 *
 * Nothing here is an account-wide singleton: audit configs, sinks and buckets belong to the
 * project, and every stack has its own project, so `ownsAccountSingletons` changes nothing.
 * `dr` is not used: audit configs and the sink are project-wide, so the DR region's resources
 * are audited by the same configs and routed by the same sink into the primary region's bucket.
 */
import { CryptoKeyIAMMember } from "@pulumi/gcp/kms/cryptoKeyIAMMember";
import { getProjectCmekSettingsOutput } from "@pulumi/gcp/logging/getProjectCmekSettings";
import { ProjectBucketConfig } from "@pulumi/gcp/logging/projectBucketConfig";
import { ProjectSink } from "@pulumi/gcp/logging/projectSink";
import { AlertPolicy } from "@pulumi/gcp/monitoring/alertPolicy";
import { IAMAuditConfig } from "@pulumi/gcp/projects/iamauditConfig";
import * as pulumi from "@pulumi/pulumi";
import {
    GCP_AUDIT_ALERTS,
    GCP_AUDIT_LOG_IDS,
    GCP_DATA_ACCESS_AUDITED_SERVICES,
    GCP_DATA_ACCESS_LOG_TYPES,
    GCP_LOG_ALERT_LIMITS,
    GCP_LOG_BUCKET_CMEK,
    GCP_LOG_BUCKET_RETENTION_DAYS,
    GCP_THREAT_ALERTS,
    type GcpAuditAlertSpec,
} from "../../domain/catalogs/gcp";
import { assertBuildable } from "../shared/buildable";
import { SECURITY_BASELINE_TYPE, type SecurityBaseline, type SecurityBaselineArgs } from "../contracts/security-baseline";
import { serviceShortName } from "./site";
import type { GcpTypes } from ".";

/** The alerts a stack gets: the audit alerts always, the threat alerts with `threatDetection`. */
export function gcpSecurityAlerts(threatDetection: boolean): readonly GcpAuditAlertSpec[] {
    const always = Object.values(GCP_AUDIT_ALERTS).map((e) => e.value);
    return threatDetection ? [...always, ...Object.values(GCP_THREAT_ALERTS).map((e) => e.value)] : always;
}

/** Every audit log of the project, by exact name (logName is indexed, so equality is cheap). */
export function auditSinkFilter(project: string): string {
    return GCP_AUDIT_LOG_IDS.value.map((id) => `logName="projects/${project}/logs/${id}"`).join(" OR ");
}

/** An alert's filter, held to the project's Admin Activity log, where every event it watches is written. */
export function auditAlertFilter(project: string, spec: GcpAuditAlertSpec): string {
    return `logName="projects/${project}/logs/${GCP_AUDIT_LOG_IDS.value[0]}" AND (${spec.filter})`;
}

export function gcpThreatDetectionNote(threatDetection: boolean): string {
    const scc = "Security Command Center is activated from the console (organisation or project level), not by this program; it is the prerequisite for threat findings";
    const own = "no account-wide singleton on GCP (audit configs, sink and bucket are per project)";
    return threatDetection
        ? `${scc}; this project alerts on its own audit entries (owner grants, key disablement, open firewalls, audit-trail, network, custom-role, service-account-key and bucket IAM changes); ${own}`
        : `threat detection off (config threatDetection); ${scc}; audit alerts only (owner grants, key disablement, open firewalls, audit-trail changes); ${own}`;
}

export class GcpSecurityBaseline extends pulumi.ComponentResource implements SecurityBaseline {
    /** The log bucket's id (`projects/…/locations/…/buckets/…`). */
    public readonly auditStoreId: pulumi.Output<string>;
    public readonly threatDetectionNote: string;
    public readonly alertPolicyNames: pulumi.Output<string>[];

    constructor(name: string, args: SecurityBaselineArgs<GcpTypes>, opts?: pulumi.ComponentResourceOptions) {
        super(SECURITY_BASELINE_TYPE, name, {}, opts);
        const { site, keys, alerts } = args;
        const retention = GCP_LOG_BUCKET_RETENTION_DAYS.value;
        assertBuildable(this, `SecurityBaseline ${name}`, [
            Number.isInteger(args.retentionDays) && args.retentionDays >= retention.min && args.retentionDays <= retention.max
                ? undefined
                : { key: "auditLogRetentionDays", message: `${args.retentionDays} is outside the ${retention.min}-${retention.max} days a log bucket keeps` },
        ]);
        const child = { parent: this, provider: site.provider };
        // Every API must be on before its audit config, key grant or alert policy can be set.
        const afterServices = { ...child, dependsOn: [site.services] };

        // Authoritative per service, merged by GCP with any allServices config someone else
        // sets. Per service rather than allServices: Data Access logs are billed per GiB, and
        // allServices would also log reads of every API enabled later (and of the monitoring
        // the alerts themselves run on); the list in the catalog is held to site.ts's APIs.
        for (const service of GCP_DATA_ACCESS_AUDITED_SERVICES.value) {
            new IAMAuditConfig(
                `${name}-audit-${serviceShortName(service)}`,
                { project: site.project, service, auditLogConfigs: GCP_DATA_ACCESS_LOG_TYPES.value.map((logType) => ({ logType })) },
                afterServices,
            );
        }

        // Cloud Logging encrypts with its own per-project service account, which must hold the
        // key before the bucket is created with it. The key is the stack key of the primary
        // region, the bucket's own location, as a CMEK log bucket requires.
        const cmek = getProjectCmekSettingsOutput({ project: site.project }, child);
        const agentGrant = new CryptoKeyIAMMember(
            `${name}-logs-agent`,
            { cryptoKeyId: keys.keyId, role: GCP_LOG_BUCKET_CMEK.value.agentRole, member: pulumi.interpolate`serviceAccount:${cmek.serviceAccountId}` },
            afterServices,
        );
        const bucket = new ProjectBucketConfig(
            `${name}-audit-logs`,
            {
                project: site.project,
                location: site.region,
                bucketId: `${site.namePrefix}-audit`,
                description: `${site.namePrefix}: the project's audit logs (activity, data access, system event, policy)`,
                retentionDays: args.retentionDays,
                // Locked: retention cannot be shortened and the bucket cannot be deleted until empty.
                // Prod only, so staging stays one `pulumi destroy`.
                locked: args.lock,
                cmekSettings: { kmsKeyName: keys.keyId },
                deletionPolicy: args.protect ? "PREVENT" : "DELETE",
            },
            { ...child, protect: args.protect, dependsOn: [agentGrant] },
        );
        // The _Required bucket keeps Admin Activity, System Event and Policy logs for 400 days
        // whatever happens here; this copy adds Data Access, the stack key and the configured
        // retention. A sink into a bucket of its own project needs no grant to its writer.
        new ProjectSink(
            `${name}-audit-sink`,
            {
                project: site.project,
                name: `${site.namePrefix}-audit`,
                description: `${site.namePrefix}: every audit log into the CMEK audit bucket`,
                destination: pulumi.interpolate`logging.googleapis.com/projects/${site.project}/locations/${site.region}/buckets/${bucket.bucketId}`,
                filter: auditSinkFilter(site.project),
                uniqueWriterIdentity: true,
            },
            { ...child, protect: args.protect },
        );

        const limits = GCP_LOG_ALERT_LIMITS.value;
        this.alertPolicyNames = gcpSecurityAlerts(args.threatDetection).map(
            (spec) =>
                new AlertPolicy(
                    `${name}-${spec.id}`,
                    {
                        project: site.project,
                        displayName: `${site.namePrefix}: ${spec.title}`,
                        combiner: "OR",
                        enabled: true,
                        severity: spec.severity,
                        conditions: [{ displayName: spec.title, conditionMatchedLog: { filter: auditAlertFilter(site.project, spec) } }],
                        alertStrategy: {
                            notificationRateLimit: { period: `${limits.notificationRateLimitSeconds}s` },
                            autoClose: `${limits.autoCloseSeconds}s`,
                        },
                        notificationChannels: alerts.targetIds,
                        documentation: {
                            mimeType: "text/markdown",
                            content: `In project ${site.project}: ${spec.title}. The audit entry in the ${site.namePrefix}-audit log bucket names the caller (protoPayload.authenticationInfo.principalEmail); a change not made by a deploy is an incident.`,
                        },
                    },
                    afterServices,
                ).name,
        );

        this.auditStoreId = bucket.id;
        this.threatDetectionNote = gcpThreatDetectionNote(args.threatDetection);
        this.registerOutputs({ auditStoreId: this.auditStoreId, alertPolicyNames: this.alertPolicyNames });
    }
}

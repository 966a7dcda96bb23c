/**
 * The release notice on GKE: a log-match alert policy on the Admin Activity audit entries of
 * writes to the release record, which GKE writes for every cluster and which cannot be turned
 * off. The entry names the caller, so the notification carries who made the change.
 */
import { AlertPolicy } from "@pulumi/gcp/monitoring/alertPolicy";
import type * as pulumi from "@pulumi/pulumi";
import { GCP_LOG_ALERT_LIMITS, GKE_AUDIT_LOG, gkeConfigMapResourceName } from "../../domain/catalogs/gcp";
import type { ReleaseNoticeArgs } from "../contracts/cluster";
import type { GcpSite } from "./site";

/** The notification label that carries the caller's identity. */
export const RELEASE_NOTICE_WHO_LABEL = "who";

/** The audit entries of create, update and patch of one ConfigMap in one cluster. */
export function releaseNoticeLogFilter(project: string, clusterName: string, location: string, notice: Pick<ReleaseNoticeArgs, "namespace" | "configMapName">): string {
    const methods = GKE_AUDIT_LOG.configMapWriteMethods.value.map((m) => `"${m}"`).join(" OR ");
    return [
        `resource.type="${GKE_AUDIT_LOG.resourceType.value}"`,
        `resource.labels.cluster_name="${clusterName}"`,
        `resource.labels.location="${location}"`,
        `logName="projects/${project}/logs/${GKE_AUDIT_LOG.adminActivityLogId.value}"`,
        `protoPayload.resourceName="${gkeConfigMapResourceName(notice.namespace, notice.configMapName)}"`,
        `protoPayload.methodName=(${methods})`,
    ].join(" AND ");
}

export interface GcpReleaseNoticeArgs {
    readonly site: GcpSite;
    /** The GKE cluster's name, known before the cluster exists. */
    readonly clusterName: string;
    /** Notification channel names of the stack's alerts. */
    readonly channels: pulumi.Input<string>[];
    readonly notice: ReleaseNoticeArgs;
}

/** The alert policy `<component>-<notice>`, the resource the record depends on. */
export function gcpReleaseNotice(component: string, noticeName: string, args: GcpReleaseNoticeArgs, parent: pulumi.Resource): AlertPolicy {
    const { site, clusterName, notice } = args;
    const limits = GCP_LOG_ALERT_LIMITS.value;
    return new AlertPolicy(
        `${component}-${noticeName}`,
        {
            project: site.project,
            displayName: `${clusterName}: release record ${notice.namespace}/${notice.configMapName} written`,
            combiner: "OR",
            enabled: true,
            // Cloud Monitoring's severities start at WARNING; a release notice is not one, so it has none.
            conditions: [
                {
                    displayName: `${notice.namespace}/${notice.configMapName} created, updated or patched`,
                    conditionMatchedLog: {
                        filter: releaseNoticeLogFilter(site.project, clusterName, site.region, notice),
                        labelExtractors: { [RELEASE_NOTICE_WHO_LABEL]: `EXTRACT(${GKE_AUDIT_LOG.principal.value})` },
                    },
                },
            ],
            alertStrategy: {
                notificationRateLimit: { period: `${limits.notificationRateLimitSeconds}s` },
                autoClose: `${limits.autoCloseSeconds}s`,
            },
            notificationChannels: args.channels,
            documentation: { mimeType: "text/markdown", content: notice.summary },
        },
        // Monitoring must be enabled in the project before it takes a policy.
        { parent, provider: site.provider, dependsOn: [site.services] },
    );
}

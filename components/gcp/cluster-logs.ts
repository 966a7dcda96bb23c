/**
 * Control-plane and system logs kept in a regional log bucket under the stack key, for
 * `logRetentionDays`. GKE writes them to Cloud Logging; a sink copies this cluster's entries
 * into the bucket. The project's _Default bucket still receives its own copy for its own
 * retention: excluding them there would change a project-wide sink this stack does not own.
 */
import { CryptoKeyIAMMember } from "@pulumi/gcp/kms/cryptoKeyIAMMember";
import { getProjectCmekSettingsOutput } from "@pulumi/gcp/logging/getProjectCmekSettings";
import { ProjectBucketConfig } from "@pulumi/gcp/logging/projectBucketConfig";
import { ProjectSink } from "@pulumi/gcp/logging/projectSink";
import { IAMMember as ProjectIAMMember } from "@pulumi/gcp/projects/iammember";
import * as pulumi from "@pulumi/pulumi";
import { GCP_ROLES, GKE_ROLES } from "../../domain/catalogs/gcp";
import type { ClusterArgs } from "../contracts/cluster";
import { gcpMaskExclusions } from "./log-masking";
import type { GcpTypes } from ".";

/** What the sink takes: every log entry of this cluster's k8s resources. */
export function gkeLogFilter(clusterName: string, region: string): string {
    return `resource.type=("k8s_cluster" OR "k8s_node" OR "k8s_control_plane_component" OR "k8s_container" OR "k8s_pod") AND resource.labels.cluster_name="${clusterName}" AND resource.labels.location="${region}"`;
}

export function gkeLogStore(name: string, args: ClusterArgs<GcpTypes>, clusterName: string, parent: pulumi.Resource): ProjectBucketConfig {
    const { site, keys } = args;
    const child = { parent, provider: site.provider };
    // Cloud Logging encrypts with its own per-project service account, which must hold the key
    // before the bucket is created with it.
    const settings = getProjectCmekSettingsOutput({ project: site.project }, { parent, provider: site.provider });
    const grant = new CryptoKeyIAMMember(
        `${name}-logs-agent`,
        { cryptoKeyId: keys.keyId, role: GCP_ROLES.kmsEncrypterDecrypter.value, member: pulumi.interpolate`serviceAccount:${settings.serviceAccountId}` },
        { ...child, dependsOn: [site.services] },
    );
    const bucket = new ProjectBucketConfig(
        `${name}-logs`,
        {
            project: site.project,
            location: site.region,
            bucketId: `${clusterName}-logs`,
            description: `${clusterName}: control-plane, system and workload logs`,
            retentionDays: args.logRetentionDays,
            // Locked buckets cannot shorten retention or be deleted: prod only.
            locked: args.protect,
            cmekSettings: { kmsKeyName: keys.keyId },
        },
        { ...child, protect: args.protect, dependsOn: [grant] },
    );
    const sink = new ProjectSink(
        `${name}-logs-sink`,
        {
            project: site.project,
            name: `${clusterName}-logs`,
            destination: pulumi.interpolate`logging.googleapis.com/projects/${site.project}/locations/${site.region}/buckets/${bucket.bucketId}`,
            filter: gkeLogFilter(clusterName, site.region),
            // The cluster's own copy of its logs keeps out what the stack's log store keeps out.
            exclusions: gcpMaskExclusions(),
            uniqueWriterIdentity: true,
        },
        child,
    );
    new ProjectIAMMember(`${name}-logs-writer`, { project: site.project, role: GKE_ROLES.logBucketWriter.value, member: sink.writerIdentity }, child);
    return bucket;
}

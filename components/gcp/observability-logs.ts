/**
 * The stack's log store on GCP and what keeps secrets out of it.
 *
 *   store     a regional log bucket in the primary region under the stack key, kept
 *             `logRetentionDays`, fed by a sink of every GKE log (cluster, nodes, control plane,
 *             pods, containers: the app's own logs are its containers' stdout/stderr) of every
 *             observed cluster, the DR standby's included
 *   masking   Cloud Logging cannot rewrite an entry on its way in, and Sensitive Data
 *             Protection cannot scan a log bucket (it inspects Cloud Storage, BigQuery and
 *             Datastore). What really keeps an e-mail address, token, password or card number
 *             out of storage is dropping the entry that carries one: an exclusion per kind on
 *             this sink, and the same exclusions on the project's _Default sink, which receives
 *             its own copy of every GKE log. The inspect and de-identify templates name the same
 *             kinds as infoTypes, for the app's logger (DLP content:deidentify) and for any
 *             export to BigQuery or Cloud Storage, where a DLP job can scan
 */
import { PreventionDeidentifyTemplate } from "@pulumi/gcp/dataloss/preventionDeidentifyTemplate";
import { PreventionInspectTemplate } from "@pulumi/gcp/dataloss/preventionInspectTemplate";
import { ProjectBucketConfig } from "@pulumi/gcp/logging/projectBucketConfig";
import { ProjectExclusion } from "@pulumi/gcp/logging/projectExclusion";
import { ProjectSink } from "@pulumi/gcp/logging/projectSink";
import { Service } from "@pulumi/gcp/projects/service";
import * as pulumi from "@pulumi/pulumi";
import { MASKED_DATA, type MaskedData } from "../../domain/capabilities/observability";
import { gcpMaskExclusions, maskFilter } from "./log-masking";
import { GCP_DEFAULT_SINK_EXCLUSIONS_MAX, GCP_DLP_API, GCP_DLP_INFO_TYPES, GCP_LOG_BUCKET_RETENTION_DAYS } from "../../domain/catalogs/gcp";
import type { BuildProblem } from "../shared/buildable";
import { gkeLogFilter } from "./cluster-logs";
import type { GcpSite } from "./site";

/** A GKE cluster by what its logs are labelled with. */
export interface GkeLogSource {
    readonly clusterName: string;
    readonly region: string;
}


/** Every GKE log of the observed clusters. */
export function gkeStackLogFilter(sources: readonly GkeLogSource[]): string {
    return sources.map((s) => `(${gkeLogFilter(s.clusterName, s.region)})`).join(" OR ");
}

/** Exclusion names: letters, digits, hyphens (at most 100 characters). */
export function maskExclusionName(namePrefix: string, kind: MaskedData): string {
    return `${namePrefix}-mask-${kind}`.slice(0, 100);
}

export function logStoreProblems(retentionDays: number): BuildProblem[] {
    const { min, max } = GCP_LOG_BUCKET_RETENTION_DAYS.value;
    const problems: BuildProblem[] = [];
    if (!Number.isInteger(retentionDays) || retentionDays < min || retentionDays > max) {
        problems.push({ key: "logRetentionDays", message: `${retentionDays} is outside the ${min}-${max} days a log bucket keeps` });
    }
    if (MASKED_DATA.length > GCP_DEFAULT_SINK_EXCLUSIONS_MAX.value) {
        problems.push({ key: "logRetentionDays", message: `${MASKED_DATA.length} masking exclusions exceed the ${GCP_DEFAULT_SINK_EXCLUSIONS_MAX.value} the _Default sink takes` });
    }
    return problems;
}

export interface GcpLogStoreArgs {
    readonly site: GcpSite;
    readonly keyId: pulumi.Input<string>;
    readonly sources: pulumi.Output<GkeLogSource[]>;
    readonly retentionDays: number;
    readonly protect: boolean;
}

export interface GcpLogStore {
    readonly bucket: ProjectBucketConfig;
    readonly sink: ProjectSink;
    readonly defaultSinkExclusions: readonly ProjectExclusion[];
    readonly inspectTemplate: PreventionInspectTemplate;
    readonly deidentifyTemplate: PreventionDeidentifyTemplate;
}

export function gcpLogStore(name: string, args: GcpLogStoreArgs, parent: pulumi.Resource): GcpLogStore {
    const { site } = args;
    const child = { parent, provider: site.provider };
    const afterServices = { ...child, dependsOn: [site.services] };
    const logs = args.sources.apply(gkeStackLogFilter);

    // CMEK: the project's Logging service agent must hold the stack key before a CMEK bucket is
    // created. The security baseline grants exactly that binding (same agent, role and key) for
    // its audit bucket; a second CryptoKeyIAMMember of the same binding here would revoke the
    // baseline's when this component is destroyed. The composition orders this component after
    // the baseline instead.
    const bucket = new ProjectBucketConfig(
        `${name}-logs`,
        {
            project: site.project,
            location: site.region,
            bucketId: `${site.namePrefix}-logs`,
            description: `${site.namePrefix}: the clusters' and the app's logs, masked data excluded`,
            retentionDays: args.retentionDays,
            // Locked: retention cannot be shortened nor the bucket deleted. Prod only, so staging
            // stays one `pulumi destroy`.
            locked: args.protect,
            cmekSettings: { kmsKeyName: args.keyId },
            deletionPolicy: args.protect ? "PREVENT" : "DELETE",
        },
        { ...afterServices, protect: args.protect },
    );
    // A sink into a bucket of its own project is authorised without a grant to its writer.
    const sink = new ProjectSink(
        `${name}-logs-sink`,
        {
            project: site.project,
            name: `${site.namePrefix}-logs`,
            description: `${site.namePrefix}: every GKE log of the stack's clusters, entries with masked data dropped`,
            destination: pulumi.interpolate`logging.googleapis.com/projects/${site.project}/locations/${site.region}/buckets/${bucket.bucketId}`,
            filter: logs,
            exclusions: gcpMaskExclusions(),
            uniqueWriterIdentity: true,
        },
        { ...child, protect: args.protect },
    );
    // The _Default sink keeps its own copy of these logs for 30 days: without the same
    // exclusions there, the masked data would still be stored, only elsewhere.
    const defaultSinkExclusions = MASKED_DATA.map(
        (kind) =>
            new ProjectExclusion(
                `${name}-default-mask-${kind}`,
                {
                    project: site.project,
                    name: maskExclusionName(site.namePrefix, kind),
                    description: `${site.namePrefix}: keeps GKE entries carrying a ${kind} out of the _Default bucket`,
                    filter: pulumi.interpolate`(${logs}) AND (${maskFilter(kind)})`,
                },
                afterServices,
            ),
    );

    const dlp = new Service(`${name}-dlp-api`, { project: site.project, service: GCP_DLP_API.value, disableOnDestroy: false }, afterServices);
    const infoTypes = MASKED_DATA.map((kind) => ({ name: GCP_DLP_INFO_TYPES.value[kind] }));
    // Regional templates: what is sensitive is defined where the data lives.
    const parentPath = `projects/${site.project}/locations/${site.region}`;
    const inspectTemplate = new PreventionInspectTemplate(
        `${name}-inspect`,
        {
            parent: parentPath,
            templateId: `${site.namePrefix}-masked-data`,
            displayName: `${site.namePrefix} masked data`,
            description: "What log masking hides: e-mail addresses, tokens, passwords and card numbers",
            inspectConfig: { infoTypes, minLikelihood: "POSSIBLE", includeQuote: false },
        },
        { ...child, dependsOn: [dlp] },
    );
    const deidentifyTemplate = new PreventionDeidentifyTemplate(
        `${name}-deidentify`,
        {
            parent: parentPath,
            templateId: `${site.namePrefix}-mask`,
            displayName: `${site.namePrefix} mask`,
            description: "Replaces each finding with its infoType name ([EMAIL_ADDRESS], ...)",
            deidentifyConfig: { infoTypeTransformations: { transformations: [{ infoTypes, primitiveTransformation: { replaceWithInfoTypeConfig: true } }] } },
        },
        { ...child, dependsOn: [dlp] },
    );
    return { bucket, sink, defaultSinkExclusions, inspectTemplate, deidentifyTemplate };
}

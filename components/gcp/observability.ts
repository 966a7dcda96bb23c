/**
 * Observability on GCP: the stack's log bucket with masking (observability-logs.ts), the
 * dashboard (observability-dashboard.ts), uptime checks and SLO alerts (observability-slo.ts),
 * all in the primary region's project. Metrics need nothing here: every cluster runs Managed
 * Service for Prometheus (cluster-gke.ts), whose samples and GKE's system metrics land in the
 * project's Cloud Monitoring, the metrics store this component names, dashboards and alerts on.
 */
import { Dashboard } from "@pulumi/gcp/monitoring/dashboard";
import * as pulumi from "@pulumi/pulumi";
import { MASKED_DATA } from "../../domain/capabilities/observability";
import { ATLAS_CLUSTER_CONSOLE_URL, GCP_DLP_INFO_TYPES } from "../../domain/catalogs/gcp";
import { AtlasDatabase } from "../atlas/database";
import { OBSERVABILITY_TYPE, type Observability, type ObservabilityArgs } from "../contracts/observability";
import { assertBuildable } from "../shared/buildable";
import { gcpDashboardJson } from "./observability-dashboard";
import { GCP_MASKED_FIELDS } from "./log-masking";
import { gcpLogStore, logStoreProblems, type GkeLogSource } from "./observability-logs";
import { gcpUptime, uptimeProblems } from "./observability-slo";
import type { GcpTypes } from ".";

/** What the plan says about how far the signals go, for the notes. */
export function gcpObservabilityNotes(databaseMetricsNote: string): string[] {
    const infoTypes = MASKED_DATA.map((kind) => GCP_DLP_INFO_TYPES.value[kind]).join(", ");
    return [
        `log masking: Cloud Logging cannot rewrite entries and Sensitive Data Protection cannot scan log buckets, so container entries (the app's, the ingress controller's) whose ${GCP_MASKED_FIELDS.join(", ")} carry an e-mail address, bearer token, password or card number are dropped (sink exclusions on the stack bucket and the same exclusions on the _Default sink), not masked; other jsonPayload fields are not matched. The DLP inspect and de-identify templates (${infoTypes}) are for the app's logger to mask before writing`,
        "SLOs are measured by the uptime probes (a minute is good when a probe passed; latency is the probes' mean per minute), not by the app's requests: the ingress controller exports no request metrics for a request-based SLI",
        "each cluster's own log bucket (<cluster>-logs, components/gcp/cluster-logs.ts) still receives the same GKE logs through its sink without these exclusions: until that sink carries gcpMaskExclusions() or the bucket is retired in favour of this one, masked data is stored there",
        "uptime checks probe the public hosts: until their DNS names resolve to the edge, the checks fail and the down alerts fire",
        databaseMetricsNote,
    ];
}

export class GcpObservability extends pulumi.ComponentResource implements Observability {
    /** The stack log bucket (`projects/…/locations/…/buckets/…`). */
    public readonly logStoreId: pulumi.Output<string>;
    /** Cloud Monitoring's metrics scope: the project. */
    public readonly metricsStoreId: pulumi.Output<string>;
    public readonly dashboardUrl: pulumi.Output<string>;
    public readonly notes: readonly string[];

    constructor(name: string, args: ObservabilityArgs<GcpTypes>, opts?: pulumi.ComponentResourceOptions) {
        super(OBSERVABILITY_TYPE, name, {}, opts);
        assertBuildable(this, `Observability ${name}`, [
            ...logStoreProblems(args.logRetentionDays),
            ...uptimeProblems(args.uptimeTargets, args.settings.slo),
            args.clusters.length === 0 ? { key: "clusters", message: "at least one cluster to observe" } : undefined,
        ]);
        const { site } = args;
        const child = { parent: this, provider: site.provider };

        const sources: pulumi.Output<GkeLogSource[]> = pulumi.all(
            args.clusters.map((c) => c.cluster.clusterName.apply((clusterName): GkeLogSource => ({ clusterName, region: c.site.region }))),
        );
        const logs = gcpLogStore(name, { site, keyId: args.keys.keyId, sources, retentionDays: args.logRetentionDays, protect: args.protect }, this);

        const checked = gcpUptime(name, { site, channels: args.alerts.targetIds, targets: args.uptimeTargets, slo: args.settings.slo }, this);

        const atlas = args.database instanceof AtlasDatabase ? args.database : undefined;
        const consoleUrl = atlas
            ? pulumi
                  .all([atlas.projectId, atlas.clusterName])
                  .apply(([projectId, clusterName]) => ATLAS_CLUSTER_CONSOLE_URL.value.replace("{projectId}", projectId).replace("{clusterName}", clusterName))
            : pulumi.output(undefined);
        const clusters = pulumi.all(
            args.clusters.map((c) => c.cluster.clusterName.apply((clusterName) => ({ role: c.role, clusterName, region: c.site.region }))),
        );
        const uptimeChecks = pulumi.all(
            checked.map((t) => t.check.uptimeCheckId.apply((checkId) => ({ name: t.target.name, url: `https://${t.target.host}${t.target.path}`, checkId }))),
        );
        const alertPolicies = pulumi.all(
            checked.flatMap((t) => [t.alert, ...t.burnAlerts]).map((p) => pulumi.all([p.displayName, p.name]).apply(([title, policyName]) => ({ title, name: policyName }))),
        );
        const dashboard = new Dashboard(
            `${name}-dashboard`,
            {
                project: site.project,
                dashboardJson: pulumi
                    .all([clusters, uptimeChecks, alertPolicies, args.cache.metricsId, args.database.metricsId, consoleUrl])
                    .apply(([c, u, a, cacheId, databaseId, url]) =>
                        gcpDashboardJson({
                            title: `${site.namePrefix} golden signals`,
                            clusters: c,
                            appNamespace: args.appNamespace,
                            cache: { metricsId: cacheId, clusterMode: args.cache.clusterMode },
                            database: { metricsId: databaseId, consoleUrl: url },
                            uptimeChecks: u,
                            alertPolicies: a,
                        }),
                    ),
            },
            { ...child, dependsOn: [site.services] },
        );

        this.logStoreId = logs.bucket.id;
        this.metricsStoreId = pulumi.output(`projects/${site.project}`);
        this.dashboardUrl = dashboard.id.apply((id) => `https://console.cloud.google.com/monitoring/dashboards/custom/${id.split("/").pop() ?? id}?project=${site.project}`);
        this.notes = gcpObservabilityNotes(
            atlas
                ? "database: MongoDB Atlas writes no metrics to Cloud Monitoring; the dashboard's database tile links to the cluster's charts in Atlas"
                : "database: its metrics are not in Cloud Monitoring; the dashboard's database tile names it",
        );
        this.registerOutputs({ logStoreId: this.logStoreId, metricsStoreId: this.metricsStoreId, dashboardUrl: this.dashboardUrl });
    }
}

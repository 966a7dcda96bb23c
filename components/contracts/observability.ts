/**
 * Observability: where the platform's and the app's signals go and who hears about them.
 *
 *   logs        the clusters' and the app's logs in the cloud's log store, kept the stack's
 *               retention, encrypted with the stack key, with masking of e-mail addresses,
 *               tokens, passwords and card numbers (MASKED_DATA)
 *   metrics     managed Prometheus-compatible collection for each cluster, so the app's metrics
 *               and traces have a home; the clusters' node and pod alarms read it
 *   dashboard   one per stack: the golden signals of the clusters, the app, the database and
 *               the cache (and the edge once it exists)
 *   uptime/SLO  checks on the public URLs from several locations, and alerts on availability
 *               and p95 latency against the configured objectives, to the stack's alert target
 *
 * Error tracking (Sentry) is cloud-neutral and built beside it (components/sentry/).
 */
import type * as pulumi from "@pulumi/pulumi";
import type { ObservabilitySettings, UptimeTarget } from "../../domain/capabilities/observability";
import type { Environment } from "../../domain/stack-config";
import type { Cache } from "./cache";
import type { CloudTypes } from "./cloud";
import type { Cluster, ClusterRole } from "./cluster";
import type { Database } from "./database";

export const OBSERVABILITY_TYPE = "gravitypm:components:Observability";

/** A cluster to collect from, in its own region. */
export interface ObservedCluster<T extends CloudTypes> {
    readonly role: ClusterRole;
    readonly site: T["site"];
    readonly keys: T["keys"];
    readonly cluster: Cluster;
}

export interface ObservabilityArgs<T extends CloudTypes> {
    /** The primary region: the log store, the dashboard and the checks live here. */
    readonly site: T["site"];
    readonly keys: T["keys"];
    readonly alerts: T["alerts"];
    readonly environment: Environment;
    /** The primary cluster and, in prod, the DR standby. */
    readonly clusters: readonly ObservedCluster<T>[];
    readonly database: Database;
    readonly cache: Cache;
    /** The app's namespace, whose container logs and metrics the dashboard shows. */
    readonly appNamespace: string;
    readonly uptimeTargets: readonly UptimeTarget[];
    readonly settings: ObservabilitySettings;
    readonly logRetentionDays: number;
    /** `protect` on the log stores. Prod: true. */
    readonly protect: boolean;
}

export interface Observability {
    /** The stack's log store (log group prefix, log bucket, Log Analytics workspace id). */
    readonly logStoreId: pulumi.Output<string>;
    /** Where the clusters' metrics are kept (AMP workspace, Cloud Monitoring, Azure Monitor workspace). */
    readonly metricsStoreId: pulumi.Output<string>;
    /** A link to the stack's dashboard in the cloud's console. */
    readonly dashboardUrl: pulumi.Output<string>;
    /** What is not watched and why (checks waiting for the edge's DNS, signals the cloud cannot mask, ...). */
    readonly notes: readonly string[];
}

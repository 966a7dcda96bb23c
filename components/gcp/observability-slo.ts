/**
 * Uptime checks on the public URLs and the objectives they measure, on GCP.
 *
 *   checks   one HTTPS uptime check per target, every UPTIME_CHECK_INTERVAL_SECONDS from every
 *            region of GCP_UPTIME_REGIONS; an alert when more than one location fails
 *            UPTIME_FAILURES_BEFORE_ALERT probes in a row (one location's network is not an outage)
 *   SLOs     per target a service with two objectives over SLO_WINDOW_DAYS: availability (the
 *            share of one-minute windows in which the check passed somewhere) and latency (the
 *            share of windows whose mean probe latency stays under latencyP95Ms, held at 95 %);
 *            each alerts on a fast burn (SLO_FAST_BURN) of its error budget
 *
 * The objectives are measured by the probes, not by the app's requests: the ingress controller
 * exports no request metrics yet, so a request-based SLI has nothing to read.
 */
import { AlertPolicy } from "@pulumi/gcp/monitoring/alertPolicy";
import { GenericService } from "@pulumi/gcp/monitoring/genericService";
import { Slo } from "@pulumi/gcp/monitoring/slo";
import { UptimeCheckConfig } from "@pulumi/gcp/monitoring/uptimeCheckConfig";
import * as pulumi from "@pulumi/pulumi";
import {
    SLO_FAST_BURN,
    SLO_WINDOW_DAYS,
    UPTIME_CHECK_INTERVAL_SECONDS,
    UPTIME_FAILURES_BEFORE_ALERT,
    UPTIME_MIN_LOCATIONS,
    type SloSettings,
    type UptimeTarget,
} from "../../domain/capabilities/observability";
import { GCP_SLO_BURN_RATE_SELECTOR, GCP_UPTIME_METRICS, GCP_UPTIME_REGIONS, GCP_UPTIME_TIMEOUT_SECONDS } from "../../domain/catalogs/gcp";
import type { BuildProblem } from "../shared/buildable";
import type { GcpSite } from "./site";

/** The latency objective's share of good windows: a p95. */
export const LATENCY_SLO_GOAL = 0.95;

export function uptimeProblems(targets: readonly UptimeTarget[], slo: SloSettings): BuildProblem[] {
    const problems: BuildProblem[] = [];
    if (targets.length === 0) problems.push({ key: "uptimeTargets", message: "at least one public URL to check" });
    for (const t of targets) {
        if (!t.path.startsWith("/")) problems.push({ key: "uptimeTargets", message: `${t.name}: path "${t.path}" must start with /` });
        if (!/^[a-z][a-z0-9-]*$/.test(t.name)) problems.push({ key: "uptimeTargets", message: `${t.name}: names a check and a service id, lowercase letters, digits and hyphens` });
    }
    if (new Set(targets.map((t) => t.name)).size !== targets.length) problems.push({ key: "uptimeTargets", message: "target names must be unique" });
    if (!(slo.availabilityPercent > 0 && slo.availabilityPercent < 100)) problems.push({ key: "sloAvailabilityPercent", message: `${slo.availabilityPercent}: an objective strictly between 0 and 100 %` });
    if (!(slo.latencyP95Ms > 0 && slo.latencyP95Ms < GCP_UPTIME_TIMEOUT_SECONDS.value * 1000)) {
        problems.push({ key: "sloLatencyP95Ms", message: `${slo.latencyP95Ms} ms: a probe gives up after ${GCP_UPTIME_TIMEOUT_SECONDS.value} s, so the objective must be below that` });
    }
    if (GCP_UPTIME_REGIONS.value.length < UPTIME_MIN_LOCATIONS) problems.push({ key: "uptimeTargets", message: `fewer than ${UPTIME_MIN_LOCATIONS} probe regions` });
    return problems;
}

/** The check_passed series of one check, every location. */
export function checkPassedFilter(checkId: string): string {
    const m = GCP_UPTIME_METRICS.checkPassed.value;
    return `metric.type="${m.type}" AND resource.type="${m.resourceType}" AND metric.labels.check_id="${checkId}"`;
}

export function checkLatencyFilter(checkId: string): string {
    const m = GCP_UPTIME_METRICS.requestLatency.value;
    return `metric.type="${m.type}" AND resource.type="${m.resourceType}" AND metric.labels.check_id="${checkId}"`;
}

export function burnRateFilter(sloName: string): string {
    return GCP_SLO_BURN_RATE_SELECTOR.value.replace("{slo}", sloName).replace("{lookback}", `${SLO_FAST_BURN.windowMinutes}m`);
}

export interface GcpUptimeArgs {
    readonly site: GcpSite;
    readonly channels: pulumi.Input<string>[];
    readonly targets: readonly UptimeTarget[];
    readonly slo: SloSettings;
}

export interface GcpCheckedTarget {
    readonly target: UptimeTarget;
    readonly check: UptimeCheckConfig;
    readonly alert: AlertPolicy;
    readonly service: GenericService;
    readonly availability: Slo;
    readonly latency: Slo;
    readonly burnAlerts: readonly AlertPolicy[];
}

export function gcpUptime(name: string, args: GcpUptimeArgs, parent: pulumi.Resource): GcpCheckedTarget[] {
    const { site, slo } = args;
    const child = { parent, provider: site.provider, dependsOn: [site.services] };
    const period = `${UPTIME_CHECK_INTERVAL_SECONDS}s`;
    return args.targets.map((target) => {
        const id = `${name}-${target.name}`;
        const url = `https://${target.host}${target.path}`;
        const check = new UptimeCheckConfig(
            `${id}-check`,
            {
                project: site.project,
                displayName: `${site.namePrefix} ${target.name} ${url}`,
                monitoredResource: { type: GCP_UPTIME_METRICS.checkPassed.value.resourceType, labels: { project_id: site.project, host: target.host } },
                httpCheck: {
                    path: target.path,
                    port: 443,
                    useSsl: true,
                    // An expired or wrong certificate is an outage to every browser.
                    validateSsl: true,
                    requestMethod: "GET",
                    acceptedResponseStatusCodes: [{ statusClass: "STATUS_CLASS_2XX" }],
                },
                // No content matcher: the app's pages and the readiness answer are the app's to
                // change, and a 2xx from the readiness path already says the backend is ready.
                period,
                timeout: `${GCP_UPTIME_TIMEOUT_SECONDS.value}s`,
                selectedRegions: [...GCP_UPTIME_REGIONS.value],
                userLabels: { ...site.tags },
            },
            child,
        );
        const description = `${url} failing from more than one location`;
        const alert = new AlertPolicy(
            `${id}-down`,
            {
                project: site.project,
                displayName: `${site.namePrefix}: ${target.name} down`,
                combiner: "OR",
                enabled: true,
                severity: "CRITICAL",
                conditions: [
                    {
                        displayName: description,
                        conditionThreshold: {
                            filter: check.uptimeCheckId.apply(checkPassedFilter),
                            // Per location, the latest result; across locations, how many failed.
                            aggregations: [{ alignmentPeriod: period, perSeriesAligner: "ALIGN_NEXT_OLDER", crossSeriesReducer: "REDUCE_COUNT_FALSE", groupByFields: ["resource.label.*"] }],
                            comparison: "COMPARISON_GT",
                            thresholdValue: 1,
                            duration: `${UPTIME_FAILURES_BEFORE_ALERT * UPTIME_CHECK_INTERVAL_SECONDS}s`,
                            trigger: { count: 1 },
                        },
                    },
                ],
                notificationChannels: args.channels,
                documentation: { mimeType: "text/markdown", content: `The uptime check on ${url} fails from more than one location for ${UPTIME_FAILURES_BEFORE_ALERT} probes in a row.` },
                userLabels: { ...site.tags },
            },
            child,
        );

        const service = new GenericService(
            `${id}-service`,
            { project: site.project, serviceId: `${site.namePrefix}-${target.name}`, displayName: `${site.namePrefix} ${target.name} (${target.host})`, userLabels: { ...site.tags } },
            child,
        );
        const common = { project: site.project, service: service.serviceId, rollingPeriodDays: SLO_WINDOW_DAYS, userLabels: { ...site.tags } };
        const availability = new Slo(
            `${id}-availability`,
            {
                ...common,
                sloId: "availability",
                displayName: `${target.name}: ${slo.availabilityPercent}% of minutes up over ${SLO_WINDOW_DAYS} days`,
                goal: slo.availabilityPercent / 100,
                // A window is good when a probe passed in it: a failure everywhere is downtime.
                windowsBasedSli: { windowPeriod: period, goodBadMetricFilter: check.uptimeCheckId.apply(checkPassedFilter) },
            },
            child,
        );
        const latency = new Slo(
            `${id}-latency`,
            {
                ...common,
                sloId: "latency-p95",
                displayName: `${target.name}: ${LATENCY_SLO_GOAL * 100}% of minutes under ${slo.latencyP95Ms} ms over ${SLO_WINDOW_DAYS} days`,
                goal: LATENCY_SLO_GOAL,
                windowsBasedSli: { windowPeriod: period, metricMeanInRange: { timeSeries: check.uptimeCheckId.apply(checkLatencyFilter), range: { max: slo.latencyP95Ms } } },
            },
            child,
        );
        const burnAlerts = [
            { objective: availability, what: "availability" },
            { objective: latency, what: "p95 latency" },
        ].map(
            ({ objective, what }) =>
                new AlertPolicy(
                    `${id}-${objective === availability ? "availability" : "latency"}-burn`,
                    {
                        project: site.project,
                        displayName: `${site.namePrefix}: ${target.name} ${what} budget burning ${SLO_FAST_BURN.rate}x`,
                        combiner: "OR",
                        enabled: true,
                        severity: "ERROR",
                        conditions: [
                            {
                                displayName: `${what} error budget burning ${SLO_FAST_BURN.rate} times the sustainable rate over ${SLO_FAST_BURN.windowMinutes} minutes`,
                                conditionThreshold: { filter: objective.name.apply(burnRateFilter), comparison: "COMPARISON_GT", thresholdValue: SLO_FAST_BURN.rate, duration: "0s", trigger: { count: 1 } },
                            },
                        ],
                        notificationChannels: args.channels,
                        documentation: {
                            mimeType: "text/markdown",
                            content: `At this rate the ${SLO_WINDOW_DAYS}-day ${what} budget of ${target.name} (${url}) is gone in about ${Math.round((SLO_WINDOW_DAYS * 24) / SLO_FAST_BURN.rate)} hours.`,
                        },
                        userLabels: { ...site.tags },
                    },
                    child,
                ),
        );
        return { target, check, alert, service, availability, latency, burnAlerts };
    });
}

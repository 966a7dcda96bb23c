/**
 * Uptime checks and SLO alerts on AWS: a Route 53 health check per public URL, probed over
 * HTTPS from several regions, and CloudWatch alarms on its metrics.
 *
 * Why Route 53 health checks and not CloudWatch Synthetics: a canary probes from the one region
 * it runs in, so several locations mean a canary (with its Lambda, S3 artifact bucket and
 * per-run price) per region; a health check probes from every region it names for a flat
 * monthly price and publishes status, healthy share and time to first byte.
 *
 * Why the SLO alerts read the health checks and not CloudWatch Application Signals: Application
 * Signals SLOs measure the app's own requests but need the app instrumented by the add-on's
 * auto-instrumentation (a pod annotation the app does not carry), and the ingress-nginx NLB
 * publishes no latency. The probes are the outside view of the same URLs users open: the
 * availability alert is a burn-rate alert on the share of healthy probes, the latency alert a
 * p95 of the probes' time to first byte.
 *
 * Route 53 publishes health-check metrics in us-east-1 only, so these alarms live there (the
 * `region` argument, on the primary's provider) and notify the alerts topic there; when the
 * stack has no topic in us-east-1 an EventBridge relay carries their state changes to the
 * primary region's topic (observability-relay.ts).
 */
import { MetricAlarm, type MetricAlarmArgs } from "@pulumi/aws/cloudwatch/metricAlarm";
import { HealthCheck } from "@pulumi/aws/route53/healthCheck";
import * as pulumi from "@pulumi/pulumi";
import { SLO_FAST_BURN, UPTIME_CHECK_INTERVAL_SECONDS, UPTIME_FAILURES_BEFORE_ALERT, UPTIME_MIN_LOCATIONS, type SloSettings, type UptimeTarget } from "../../domain/capabilities/observability";
import { ROUTE53_HEALTH_CHECKS, ROUTE53_METRICS } from "../../domain/catalogs/aws";
import type { BuildProblem } from "../shared/buildable";

/**
 * The regions the checkers probe from: two coasts of the US (where the primary regions are)
 * and Europe, so one region's network trouble leaves two that agree.
 */
export const UPTIME_REGIONS: readonly string[] = ["us-east-1", "us-west-2", "eu-west-1"];

/**
 * Route 53 offers 10 or 30 seconds between probes, not the platform's 60: the longest offered
 * interval that probes at least as often, 30, costs the standard price (10 is a paid "fast"
 * option that would page on blips).
 */
export function route53RequestInterval(wanted: number = UPTIME_CHECK_INTERVAL_SECONDS): number {
    const offered = [...ROUTE53_HEALTH_CHECKS.value.requestIntervalsSeconds].sort((a, b) => b - a);
    return offered.find((s) => s <= wanted) ?? offered[offered.length - 1];
}

export const METRICS_REGION = ROUTE53_HEALTH_CHECKS.value.metricsRegion;

/**
 * The healthy share below which the error budget burns SLO_FAST_BURN.rate times too fast over
 * the burn window: 99.9 % available leaves 0.1 % of probes to fail; 14.4 × 0.1 % failing over an
 * hour spends 2 % of a 30-day budget in that hour.
 */
export function fastBurnHealthyPercent(availabilityPercent: number): number {
    const budget = 100 - availabilityPercent;
    return Math.max(0, Number((100 - SLO_FAST_BURN.rate * budget).toFixed(4)));
}

export function uptimeProblems(targets: readonly UptimeTarget[], slo: SloSettings): BuildProblem[] {
    const problems: BuildProblem[] = [];
    if (targets.length === 0) problems.push({ key: "uptimeTargets", message: "at least one public URL to check" });
    for (const t of targets) {
        if (!t.path.startsWith("/")) problems.push({ key: "uptimeTargets", message: `${t.name}: the path ${t.path} must start with /` });
        if (t.host.length === 0 || t.host.includes("/")) problems.push({ key: "uptimeTargets", message: `${t.name}: the host ${t.host} must be a bare host name` });
    }
    if (new Set(targets.map((t) => t.name)).size !== targets.length) problems.push({ key: "uptimeTargets", message: "target names must be unique" });
    if (!(slo.availabilityPercent > 0 && slo.availabilityPercent < 100)) problems.push({ key: "sloAvailabilityPercent", message: `${slo.availabilityPercent} must be between 0 and 100` });
    if (!(slo.latencyP95Ms > 0)) problems.push({ key: "sloLatencyP95Ms", message: `${slo.latencyP95Ms} must be a positive number of milliseconds` });
    const offered = new Set<string>(ROUTE53_HEALTH_CHECKS.value.regions);
    const unknown = UPTIME_REGIONS.filter((r) => !offered.has(r));
    if (unknown.length > 0) problems.push({ message: `Route 53 has no health checkers in ${unknown.join(", ")}` });
    if (UPTIME_REGIONS.length < Math.max(UPTIME_MIN_LOCATIONS, ROUTE53_HEALTH_CHECKS.value.minRegions)) {
        problems.push({ message: `uptime checks need at least ${Math.max(UPTIME_MIN_LOCATIONS, ROUTE53_HEALTH_CHECKS.value.minRegions)} probe regions` });
    }
    return problems;
}

export interface UptimeCheck {
    readonly target: UptimeTarget;
    readonly healthCheck: HealthCheck;
}

export interface UptimeArgs {
    readonly namePrefix: string;
    readonly targets: readonly UptimeTarget[];
    readonly slo: SloSettings;
    /** The alerts topic in us-east-1, or undefined when the relay carries the alarms' state changes. */
    readonly topicArn?: pulumi.Input<string>;
}

export interface Uptime {
    readonly checks: UptimeCheck[];
    readonly alarms: MetricAlarm[];
}

/**
 * A health check per target (`<name>-<target>-check`) and three alarms on it in us-east-1:
 * down (`-down`), availability burn (`-availability-burn`), p95 latency (`-latency-p95`).
 */
export function uptimeChecks(name: string, args: UptimeArgs, opts: pulumi.CustomResourceOptions): Uptime {
    const checks: UptimeCheck[] = [];
    const alarms: MetricAlarm[] = [];
    const actions = args.topicArn ? { actionsEnabled: true, alarmActions: [args.topicArn], okActions: [args.topicArn] } : { actionsEnabled: true };
    for (const target of args.targets) {
        const healthCheck = new HealthCheck(
            `${name}-${target.name}-check`,
            {
                type: "HTTPS",
                fqdn: target.host,
                port: 443,
                resourcePath: target.path,
                enableSni: true,
                regions: [...UPTIME_REGIONS],
                requestInterval: route53RequestInterval(),
                failureThreshold: UPTIME_FAILURES_BEFORE_ALERT,
                // Latency is measured only when asked at creation; the p95 alert needs it.
                measureLatency: true,
                referenceName: `${args.namePrefix}-${target.name}`.slice(0, 64),
                tags: { Name: `${args.namePrefix}-${target.name}` },
            },
            opts,
        );
        checks.push({ target, healthCheck });
        const url = `https://${target.host}${target.path}`;
        const alarm = (suffix: string, description: string, measured: Partial<MetricAlarmArgs>, comparison: string, threshold: number, periods: number, treatMissingData: string) =>
            new MetricAlarm(
                `${name}-${target.name}-${suffix}`,
                {
                    region: METRICS_REGION,
                    name: `${args.namePrefix}-uptime-${target.name}-${suffix}`,
                    alarmDescription: `${args.namePrefix}: ${url} ${description}`,
                    namespace: ROUTE53_METRICS.status.value.namespace,
                    dimensions: { HealthCheckId: healthCheck.id },
                    ...measured,
                    evaluationPeriods: periods,
                    datapointsToAlarm: periods,
                    threshold,
                    comparisonOperator: comparison,
                    treatMissingData,
                    ...actions,
                },
                opts,
            );
        // The check already waited for UPTIME_FAILURES_BEFORE_ALERT failed probes per checker,
        // and reports unhealthy only when most checkers agree: one minute unhealthy pages. A
        // health check always publishes, so silence is a broken check and pages too.
        alarms.push(
            alarm(
                "down",
                "is down: most Route 53 checkers failed it",
                { metricName: ROUTE53_METRICS.status.value.metricName, statistic: "Minimum", period: 60 },
                "LessThanThreshold",
                1,
                1,
                "breaching",
            ),
        );
        // Fast burn of the availability budget over the burn window (one period of that length).
        alarms.push(
            alarm(
                "availability-burn",
                `burns its ${args.slo.availabilityPercent} % availability budget ${SLO_FAST_BURN.rate}x too fast (healthy probes under ${fastBurnHealthyPercent(args.slo.availabilityPercent)} % over ${SLO_FAST_BURN.windowMinutes} minutes)`,
                { metricName: ROUTE53_METRICS.percentHealthy.value.metricName, statistic: "Average", period: SLO_FAST_BURN.windowMinutes * 60 },
                "LessThanThreshold",
                fastBurnHealthyPercent(args.slo.availabilityPercent),
                1,
                "breaching",
            ),
        );
        // p95 of the probes' time to first byte above the objective for 15 minutes.
        alarms.push(
            alarm(
                "latency-p95",
                `answers slower than its ${args.slo.latencyP95Ms} ms p95 objective for 15 minutes (probes' time to first byte)`,
                { metricName: ROUTE53_METRICS.timeToFirstByte.value.metricName, extendedStatistic: "p95", period: 300 },
                "GreaterThanThreshold",
                args.slo.latencyP95Ms,
                3,
                "notBreaching",
            ),
        );
    }
    return { checks, alarms };
}

/**
 * What Observability watches and how strictly, the same on every cloud: the service-level
 * objectives the uptime checks and alerts hold the app to, where the checks probe from, and what
 * log masking hides. The clouds' own limits (probe regions, intervals) are in their catalogs.
 */

/** What log masking finds and hides in every log the platform stores. */
export const MASKED_DATA = ["email-address", "bearer-token", "password", "credit-card-number"] as const;
export type MaskedData = (typeof MASKED_DATA)[number];

/** Seconds between two probes of an uptime check: often enough to page within minutes. */
export const UPTIME_CHECK_INTERVAL_SECONDS = 60;
/** Probe locations per check: a single location's network trouble must not page anyone. */
export const UPTIME_MIN_LOCATIONS = 3;
/** Consecutive failed probes (per location) before an uptime alert fires. */
export const UPTIME_FAILURES_BEFORE_ALERT = 2;

/** The objectives of a stack, from config. */
export interface SloSettings {
    /** Share of successful requests over the window, in percent (e.g. 99.9). */
    readonly availabilityPercent: number;
    /** The 95th-percentile latency the API stays under, in milliseconds. */
    readonly latencyP95Ms: number;
}

/** The window the objectives are measured over, and the burn-rate alert's look-back. */
export const SLO_WINDOW_DAYS = 28;
/**
 * Multi-window burn-rate alerting (Google SRE workbook, ch. 5): page when the error budget burns
 * 14.4 times faster than sustainable over an hour (2 % of a 30-day budget per hour).
 */
export const SLO_FAST_BURN = { rate: 14.4, windowMinutes: 60 } as const;

/** Error tracking: Sentry, when the stack names an organisation. */
export interface ErrorTrackingSettings {
    readonly organization: string;
    readonly team: string;
}

export interface ObservabilitySettings {
    readonly slo: SloSettings;
    /** Absent: no error tracking, and the plan says so in a note. */
    readonly errorTracking?: ErrorTrackingSettings;
}

/** One public URL an uptime check probes. */
export interface UptimeTarget {
    /** Names the check: `app`, `api`. */
    readonly name: string;
    readonly host: string;
    /** Starts with `/`. */
    readonly path: string;
}

/**
 * Error tracking on Sentry, the same on every cloud: one Sentry project per GravityPM service in
 * the stack's organisation, owned by the configured team, each with its own client key (DSN) and
 * three issue alerts (a new issue, a regression, an error spike) that email the team. Built only
 * when the stack names a Sentry organisation; without one the composition skips it and the plan
 * says so ({@link ERROR_TRACKING_OFF_NOTE}).
 *
 * One project per service rather than one for both: the backend (Node.js) and the frontend (a
 * React app in the browser) need different platforms (stack-trace grouping, source maps), and
 * their keys differ in exposure — the browser's DSN is public in the bundle, so it gets a rate
 * limit and its own allowed domains, while the backend's never leaves the cluster.
 *
 * The token comes from the SENTRY_AUTH_TOKEN environment variable of the deployment, handed to an
 * explicit provider as a secret; it is never stack config.
 */
import * as pulumi from "@pulumi/pulumi";
import * as sentry from "@pulumiverse/sentry";
import { APP_SERVICES, type AppHosts, type AppService } from "../../domain/capabilities/app";
import { MASKED_DATA, type ErrorTrackingSettings, type MaskedData } from "../../domain/capabilities/observability";
import {
    SENTRY_DEFAULT_SCRUBBED_KEYS,
    SENTRY_PLATFORMS,
    SENTRY_PROVIDER_GAPS,
    SENTRY_RULE_IDS,
    SENTRY_SLUG,
    SENTRY_TOKEN_ENV,
    type SentryFrequencyInterval,
} from "../../domain/catalogs/sentry";
import type { Environment } from "../../domain/stack-config";
import { assertBuildable, type BuildProblem } from "../shared/buildable";

export const ERROR_TRACKING_TYPE = "gravitypm:components:ErrorTracking";

/** What the plan says when a stack names no Sentry organisation. */
export const ERROR_TRACKING_OFF_NOTE = "error tracking is off: the stack sets no sentryOrganization (and sentryTeam), so no Sentry project or DSN is created and the app runs without one";

export interface ErrorTrackingArgs {
    /** The Sentry organisation and the team that owns the projects and receives the alerts. */
    readonly settings: ErrorTrackingSettings;
    /** The stack's environment: names the client keys. */
    readonly environment: Environment;
    /** The stack's name prefix (`gravitypm-<stack>`): each project's slug is `<prefix>-<service>`. */
    readonly namePrefix: string;
    /** The app's public hosts: the browser DSN should accept events from the web app's origin only. */
    readonly hosts: AppHosts;
    /** Keeps the projects (and with them every recorded error) from a destroy: prod's. */
    readonly protect: boolean;
}

/**
 * An error spike: an issue seen this many times in this interval pages the team, whether or not
 * it is new. A hundred an hour is well above a handful of users hitting one bug and well below
 * what an outage produces in minutes.
 */
export const ERROR_SPIKE = { events: 100, interval: "1h" satisfies SentryFrequencyInterval } as const;

/** Minutes between two notifications for one issue: a noisy issue emails the team at most twice an hour. */
export const ALERT_FREQUENCY_MINUTES = 30;

/**
 * The browser key's rate limit: its DSN is readable by anyone from the bundle, and the provider
 * cannot restrict its allowed domains, so the limit is what bounds a flood of forged events
 * against the organisation's quota. Ten events a second is far above a healthy app's error rate.
 */
export const BROWSER_KEY_RATE_LIMIT = { count: 600, windowSeconds: 60 } as const;

/** The Sentry issue alerts each project gets. */
export const ALERT_RULES = ["new-issue", "regression", "error-spike"] as const;
export type AlertRule = (typeof ALERT_RULES)[number];

/** A project's slug: the stack's prefix and the service, so staging and prod share an organisation without clashing. */
export function projectSlug(namePrefix: string, service: AppService): string {
    return `${namePrefix}-${service}`;
}

/** The origins the frontend's DSN should accept events from: the web app's page, nothing else. */
export function browserAllowedDomains(hosts: AppHosts): string[] {
    return [`https://${hosts.app}`];
}

/**
 * The additional sensitive fields each project should scrub: the keys the app's events carry
 * what log masking hides (MASKED_DATA) under, less those Sentry's defaults already match (a
 * default scrubs every key containing it, and card numbers by their look).
 */
export function additionalSensitiveFields(): string[] {
    const keysByMaskedData: Readonly<Record<MaskedData, readonly string[]>> = {
        "email-address": ["email"],
        "bearer-token": ["authorization"],
        password: ["password"],
        "credit-card-number": [],
    };
    const defaults: readonly string[] = SENTRY_DEFAULT_SCRUBBED_KEYS.value;
    const covered = (field: string) => defaults.some((key) => field.includes(key));
    return [...new Set(MASKED_DATA.flatMap((kind) => keysByMaskedData[kind]))].filter((field) => !covered(field));
}

/** The Security & Privacy settings each project must have that the provider cannot set, by API field. */
export function manualProjectSettings(service: AppService, hosts: AppHosts): Record<string, unknown> {
    const gaps = SENTRY_PROVIDER_GAPS.value;
    const common = { [gaps.dataScrubber]: true, [gaps.scrubIpAddresses]: true, [gaps.sensitiveFields]: additionalSensitiveFields() };
    return service === "frontend" ? { ...common, [gaps.allowedDomains]: browserAllowedDomains(hosts) } : common;
}

/** What is wrong with the args, before any resource exists. */
export function errorTrackingProblems(args: ErrorTrackingArgs): BuildProblem[] {
    const { pattern, maxLength } = SENTRY_SLUG.value;
    const slugProblem = (key: string, slug: string): BuildProblem | undefined =>
        pattern.test(slug) && slug.length <= maxLength ? undefined : { key, message: `${JSON.stringify(slug)} is not a Sentry slug (lowercase letters, digits, '-' and '_', at most ${maxLength})` };
    return [
        slugProblem("sentryOrganization", args.settings.organization),
        slugProblem("sentryTeam", args.settings.team),
        ...APP_SERVICES.map((service) => slugProblem("namePrefix", projectSlug(args.namePrefix, service))),
    ].filter((p): p is BuildProblem => p !== undefined);
}

/** The notes the plan shows: what is built, and the settings an operator sets by hand. */
export function errorTrackingNotes(args: ErrorTrackingArgs): string[] {
    const { organization, team } = args.settings;
    return [
        `error tracking: Sentry organisation ${organization}, projects ${APP_SERVICES.map((s) => `${projectSlug(args.namePrefix, s)} (${SENTRY_PLATFORMS.value[s]})`).join(" and ")}, owned by team ${team}; alerts on every event of these ${args.environment} projects (new issue, regression, more than ${ERROR_SPIKE.events} events in ${ERROR_SPIKE.interval}) email the team; the token is read from ${SENTRY_TOKEN_ENV.value} at deploy time`,
        `Sentry server-side data scrubbing is on by default for new projects (${SENTRY_DEFAULT_SCRUBBED_KEYS.value.join(", ")}, credit-card numbers); @pulumiverse/sentry 0.0.9 cannot set the rest, so set by hand in each project's Security & Privacy: ${APP_SERVICES.map((s) => `${projectSlug(args.namePrefix, s)} ${JSON.stringify(manualProjectSettings(s, args.hosts))}`).join("; ")}`,
        `the SDKs must keep sendDefaultPii off (no IP addresses, cookies or user data) and tag events environment=${args.environment}`,
        "Sentry alerts reach the team by email only: the stack's alert target (pager) gets no Sentry alert",
    ];
}

/** The conditions of one alert rule, as the provider's string maps. */
function alertConditions(rule: AlertRule): Record<string, string>[] {
    const ids = SENTRY_RULE_IDS.value;
    switch (rule) {
        case "new-issue":
            return [{ id: ids.firstSeen }];
        case "regression":
            return [{ id: ids.regression }];
        case "error-spike":
            return [{ id: ids.eventFrequency, comparisonType: "count", value: String(ERROR_SPIKE.events), interval: ERROR_SPIKE.interval }];
    }
}

/**
 * A Sentry project per service, its DSN and its alerts. `dsns` are secret: a DSN lets anyone
 * send events into the project (spending quota, burying real errors), so it is handed to the app
 * like a credential even though the browser's ends up in the bundle.
 */
export class SentryErrorTracking extends pulumi.ComponentResource {
    readonly dsns: Readonly<Record<AppService, pulumi.Output<string>>>;
    readonly projectSlugs: Readonly<Record<AppService, string>>;
    readonly notes: readonly string[];

    constructor(name: string, args: ErrorTrackingArgs, opts?: pulumi.ComponentResourceOptions) {
        super(ERROR_TRACKING_TYPE, name, {}, opts);
        assertBuildable(this, `ErrorTracking ${name}`, errorTrackingProblems(args));
        const { organization, team } = args.settings;

        // The token is passed as a secret so it never lands in the state in clear; without the
        // variable the provider reads the same one itself, and a deployment without it fails
        // at the provider's first call rather than here (the offline plan has none).
        const token = process.env[SENTRY_TOKEN_ENV.value];
        const provider = new sentry.Provider(`${name}-sentry`, token === undefined ? {} : { token: pulumi.secret(token) }, { parent: this });

        // The team is people the organisation already has; a team created here would have no
        // members and the alerts would email no one.
        const owner = sentry.getSentryTeamOutput({ organization, slug: team }, { parent: this, provider });

        const project = (service: AppService) => this.project(name, service, args, owner, { parent: this, provider });
        const backend = project("backend");
        const frontend = project("frontend");
        this.dsns = { backend: backend.dsn, frontend: frontend.dsn };
        this.projectSlugs = { backend: backend.slug, frontend: frontend.slug };
        this.notes = errorTrackingNotes(args);
        this.registerOutputs({ dsns: this.dsns, projectSlugs: this.projectSlugs, notes: this.notes });
    }

    /** One service's project, its client key and its alerts; the DSN is secret. */
    private project(name: string, service: AppService, args: ErrorTrackingArgs, owner: pulumi.Output<sentry.GetSentryTeamResult>, childOpts: pulumi.CustomResourceOptions): { slug: string; dsn: pulumi.Output<string> } {
        const { organization } = args.settings;
        const slug = projectSlug(args.namePrefix, service);
        const project = new sentry.SentryProject(`${name}-${service}`, { organization, name: slug, slug, platform: SENTRY_PLATFORMS.value[service], teams: [owner.slug] }, { ...childOpts, protect: args.protect });

        const browser = service === "frontend";
        const key = new sentry.SentryKey(
            `${name}-${service}`,
            {
                organization,
                project: project.slug,
                name: `${slug} ${args.environment}`,
                ...(browser ? { rateLimitCount: BROWSER_KEY_RATE_LIMIT.count, rateLimitWindow: BROWSER_KEY_RATE_LIMIT.windowSeconds } : {}),
            },
            childOpts,
        );

        for (const rule of ALERT_RULES) {
            new sentry.SentryIssueAlert(
                `${name}-${service}-${rule}`,
                {
                    organization,
                    project: project.slug,
                    name: `${slug} ${rule}`,
                    // No environment filter: the projects are the stack's own, so every event in
                    // them is this environment's; and Sentry refuses a rule naming an environment
                    // no event has reported yet ("This environment has not been created.",
                    // github.com/getsentry/sentry/issues/69546), which a first deployment would hit.
                    actionMatch: "any",
                    filterMatch: "all",
                    frequency: ALERT_FREQUENCY_MINUTES,
                    conditions: alertConditions(rule),
                    actions: [{ id: SENTRY_RULE_IDS.value.notifyEmail, targetType: "Team", targetIdentifier: owner.internalId }],
                },
                childOpts,
            );
        }
        return { slug, dsn: pulumi.secret(key.dsnPublic) };
    }
}

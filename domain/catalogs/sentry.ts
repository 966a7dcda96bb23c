/**
 * Sentry constants the error-tracking component reads, each with the page or provider schema it
 * was read on (2026-12-08 review). Sentry is a SaaS reached the same way from every cloud, so
 * nothing here depends on one. SDK-free.
 *
 * The provider is @pulumiverse/sentry 0.0.9, the only published version; its schema is older
 * than the Terraform provider's current one, so several project settings Sentry's API has
 * (data scrubbing, allowed domains) cannot be set from it: see SENTRY_PROVIDER_GAPS.
 */
import { sourced, UNVERIFIED } from "./entry";

/** Read on this day, for the entries of this review. */
const REVIEWED_2026_12_08 = "2026-12-08";

/** The package the component builds with, and the schema every property below was checked against. */
const PROVIDER_SCHEMA = "https://github.com/pulumiverse/pulumi-sentry";

/**
 * Each GravityPM service's Sentry platform: it picks the onboarding instructions and the stack
 * trace grouping. The backend is Node.js, the frontend a React single-page app.
 */
export const SENTRY_PLATFORMS = sourced(
    { backend: "node", frontend: "javascript-react" } as const,
    "https://github.com/jianyuan/terraform-provider-sentry/issues/404",
    REVIEWED_2026_12_08,
    "the API takes a free-form platform string with no published list (docs.sentry.io/api/projects/update-a-project/); the values are the platform slugs of the SDK docs, docs.sentry.io/platforms/node/ and docs.sentry.io/platforms/javascript/guides/react/",
);

/**
 * Issue-alert rule ids, from Sentry's rules registry (src/sentry/rules). The provider takes each
 * condition, filter and action as a map of strings with its `id`, and since provider v0.11.2
 * without a `name`.
 */
export const SENTRY_RULE_IDS = sourced(
    {
        /** An issue is seen for the first time. */
        firstSeen: "sentry.rules.conditions.first_seen_event.FirstSeenEventCondition",
        /** A resolved issue is seen again. */
        regression: "sentry.rules.conditions.regression_event.RegressionEventCondition",
        /** An issue is seen more than `value` times in `interval`. */
        eventFrequency: "sentry.rules.conditions.event_frequency.EventFrequencyCondition",
        /** Email a team (`targetType: Team`, `targetIdentifier`: the team's numeric id), a member or the issue owners. */
        notifyEmail: "sentry.mail.actions.NotifyEmailAction",
    } as const,
    "https://github.com/jianyuan/terraform-provider-sentry/blob/main/examples/resources/sentry_issue_alert/resource.tf",
    REVIEWED_2026_12_08,
    "the same ids are in the @pulumiverse/sentry 0.0.9 SentryIssueAlert doc example, with NotifyEmailAction targetType Team and targetIdentifier the team's id",
);

/** The intervals an event-frequency condition accepts. */
export const SENTRY_FREQUENCY_INTERVALS = sourced(
    ["1m", "5m", "15m", "1h", "1d", "1w", "30d"] as const,
    "https://registry.terraform.io/providers/jianyuan/sentry/0.14.5/docs/resources/issue_alert#interval",
    REVIEWED_2026_12_08,
    "event_frequency interval: `1m`, `5m`, `15m`, `1h`, `1d`, `1w`, `30d`; comparison_type `count` or `percent`",
);
export type SentryFrequencyInterval = (typeof SENTRY_FREQUENCY_INTERVALS.value)[number];

/** An issue alert's `frequency`: minutes between two notifications for the same issue, when not set. */
export const SENTRY_ALERT_FREQUENCY_DEFAULT_MINUTES = sourced(30, PROVIDER_SCHEMA, REVIEWED_2026_12_08, "the 0.0.9 schema: 'Perform actions at most once every X minutes for this issue. Defaults to 30'");

/** Sentry slugs (organisation, team, project): lowercase letters, digits, `-` and `_`, at most 50 characters. */
export const SENTRY_SLUG = sourced(
    { pattern: /^[a-z0-9_-]+$/, maxLength: 50 } as const,
    UNVERIFIED,
    REVIEWED_2026_12_08,
    "the character set is what the Sentry UI derives slugs with; the 50-character limit is Sentry's DEFAULT_SLUG_MAX_LENGTH, not read from a published page",
);

/** The environment variable the provider reads its token from: the component passes it explicitly, never via config. */
export const SENTRY_TOKEN_ENV = sourced("SENTRY_AUTH_TOKEN", PROVIDER_SCHEMA, REVIEWED_2026_12_08, "provider config `token`: 'The value can be sourced from the SENTRY_AUTH_TOKEN environment variable'");

/**
 * What Sentry's server-side scrubbing removes when it is on, which it is by default on every new
 * project ("Data scrubbing is enabled by default"): values that look like credit-card numbers,
 * and values or keys containing these strings.
 */
export const SENTRY_DEFAULT_SCRUBBED_KEYS = sourced(
    ["password", "secret", "passwd", "api_key", "apikey", "auth", "credentials", "mysql_pwd", "privatekey", "private_key", "token", "bearer"] as const,
    "https://docs.sentry.io/security-legal-pii/scrubbing/server-side-scrubbing/",
    REVIEWED_2026_12_08,
    "on by default; 'Prevent Storing of IP Addresses' and 'Additional Sensitive Fields' (e.g. email) are project or organisation settings that start off",
);

/**
 * Project settings Sentry's API has and @pulumiverse/sentry 0.0.9 cannot set: its SentryProject
 * takes only name, slug, platform, team(s), digests and resolveAge, and its SentryOrganization
 * only name, slug and agreeTerms.
 */
export const SENTRY_PROVIDER_GAPS = sourced(
    {
        /** `scrubIPAddresses`: stop storing the client's IP address. */
        scrubIpAddresses: "scrubIPAddresses",
        /** `sensitiveFields`: extra keys to scrub (email). */
        sensitiveFields: "sensitiveFields",
        /** `dataScrubber` / `dataScrubberDefaults`: the default scrubbing itself (on by default). */
        dataScrubber: "dataScrubber",
        /** `allowedDomains`: the origins a browser DSN accepts events from ("*" by default). */
        allowedDomains: "allowedDomains",
    } as const,
    "https://github.com/jianyuan/terraform-provider-sentry/issues/248",
    REVIEWED_2026_12_08,
    "the Terraform provider's feature request for the Security & Privacy settings; the API fields are those of PUT /api/0/projects/{org}/{project}/ (docs.sentry.io/api/projects/update-a-project/)",
);

/** A client key's rate limit: `rateLimitCount` events per `rateLimitWindow` seconds. */
export const SENTRY_KEY_RATE_LIMIT_FIELDS = sourced(
    { count: "rateLimitCount", windowSeconds: "rateLimitWindow" } as const,
    PROVIDER_SCHEMA,
    REVIEWED_2026_12_08,
    "SentryKeyArgs: 'Number of events that can be reported within the rate limit window' and 'Length of time that will be considered when checking the rate limit' (seconds, as the API's rateLimit.window)",
);

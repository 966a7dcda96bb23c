/**
 * Auth0 constants the identity capability table and the Auth0 component read, each with the
 * page it was read on (2026-12-08 review). Auth0 is a SaaS reached the same way from every
 * cloud, so nothing here depends on one. SDK-free.
 *
 * Enumerated values are the Management API's (snake_case). The @pulumi/auth0 .d.ts prints
 * them camelCased in its doc comments (`countPerIdentifierAndIp`), an artefact of its doc
 * generator: the Terraform provider it wraps validates the snake_case strings.
 */
import { sourced } from "./entry";

/** Read on this day, for the entries of this review. */
const REVIEWED_2026_12_08 = "2026-12-08";

/** Paths on the tenant's domain (`https://<domain><path>`) the app and the backend use. */
export const AUTH0_ENDPOINTS = sourced(
    {
        /** `iss` of every token Auth0 issues: the domain with a trailing slash. */
        issuer: "/",
        jwks: "/.well-known/jwks.json",
        discovery: "/.well-known/openid-configuration",
        authorize: "/authorize",
        /** OIDC RP-initiated logout: `post_logout_redirect_uri` must be an allowed logout URL. */
        logout: "/oidc/logout",
    } as const,
    "https://auth0.com/docs/secure/tokens/json-web-tokens/locate-json-web-key-sets",
    REVIEWED_2026_12_08,
    "JWKS at https://{yourDomain}/.well-known/jwks.json, discovery at /.well-known/openid-configuration; /oidc/logout per https://auth0.com/docs/authenticate/login/logout/log-users-out-of-auth0 (post_logout_redirect_uri checked against the application's Allowed Logout URLs when client_id is given, else the tenant's); issuer https://{domain}/ with the trailing slash as the discovery document publishes it",
);

/**
 * The legacy password strength levels of a database connection (`passwordPolicy`), with what
 * each demands. The Flexible Password Policy (`passwordOptions`, which can require all four
 * character classes) is in Early Access and cannot be combined with these fields, so the
 * component uses the levels.
 */
export const AUTH0_PASSWORD_LEVELS = sourced(
    {
        none: { minLength: 1, classes: "any" },
        low: { minLength: 6, classes: "any" },
        fair: { minLength: 8, classes: "lower, upper and digit" },
        good: { minLength: 8, classes: "3 of lower, upper, digit, symbol" },
        excellent: { minLength: 10, classes: "3 of lower, upper, digit, symbol; no more than 2 identical characters in a row" },
    } as const,
    "https://auth0.com/docs/authenticate/database-connections/password-strength",
    REVIEWED_2026_12_08,
    "five levels: none (1 char), low (6), fair (8 with lower, upper, number), good (8 with 3 of 4 types), excellent (10 with 3 of 4 types, no more than 2 identical in a row). Flexible Password Policy is Early Access and mutually exclusive with the legacy fields: https://auth0.com/docs/authenticate/database-connections/flexible-password-policy",
);

/** The minimum-length option (`passwordComplexityOptions.minLength`), independent of the level. */
export const AUTH0_PASSWORD_MIN_LENGTH = sourced(
    { min: 1, max: 72 } as const,
    "https://auth0.com/docs/authenticate/database-connections/password-strength",
    REVIEWED_2026_12_08,
    "a minimum length independent of the policy strength: at least 1 byte, at most 72 bytes (bcrypt's limit)",
);

/** Password history: how many previous passwords a user may not reuse. */
export const AUTH0_PASSWORD_HISTORY = sourced(
    { maxSize: 24 } as const,
    "https://auth0.com/docs/authenticate/database-connections/password-options",
    REVIEWED_2026_12_08,
    "Auth0 can retain a password history to prevent re-use, up to 24 entries",
);

/**
 * Attack protection: brute-force protection locks an account after `maxAttempts` consecutive
 * failures (per account and IP, or per account), breached-password detection and suspicious-IP
 * throttling. The shield and mode strings are the provider's validated values.
 */
export const AUTH0_ATTACK_PROTECTION = sourced(
    {
        bruteForce: {
            minAttempts: 1,
            maxAttempts: 100,
            defaultAttempts: 10,
            modes: { perAccountAndIp: "count_per_identifier_and_ip", perAccount: "count_per_identifier" },
            shields: { block: "block", userNotification: "user_notification" },
        },
        breachedPassword: { shields: { block: "block", userNotification: "user_notification", adminNotification: "admin_notification" }, methods: { standard: "standard" } },
        suspiciousIp: { shields: { block: "block", adminNotification: "admin_notification" } },
    } as const,
    "https://registry.terraform.io/providers/auth0/auth0/latest/docs/resources/attack_protection",
    REVIEWED_2026_12_08,
    "terraform-provider-auth0 internal/auth0/attackprotection/resource.go validates mode in {count_per_identifier_and_ip, count_per_identifier} and the shields listed; Auth0's brute-force threshold is 1-100 attempts, default 10 (https://auth0.com/docs/secure/attack-protection/brute-force-protection)",
);

/**
 * Guardian MFA policies by the contract's MFA mode. `confidence-score` (Adaptive MFA: a
 * second factor only for low-confidence logins) is the closest Auth0 has to "optional", and
 * needs the Adaptive MFA add-on of the Enterprise plan.
 */
export const AUTH0_MFA_POLICIES = sourced(
    { required: "all-applications", optional: "confidence-score", off: "never" } as const,
    "https://auth0.com/docs/api/management/v2/guardian/put-policies",
    REVIEWED_2026_12_08,
    "all-applications prompts with MFA for all logins; confidence-score only for low confidence logins and is part of Adaptive MFA, an add-on for the Enterprise plan. `never` is the Terraform provider's value for no policy (docs/resources/guardian.md)",
);

/** Tenant login-session limits Auth0 applies over the configured values (hours in the API). */
export const AUTH0_SESSION_LIMITS = sourced(
    { selfServiceIdleDays: 3, selfServiceAbsoluteDays: 30, enterpriseIdleDays: 100, enterpriseAbsoluteDays: 365 } as const,
    "https://auth0.com/docs/manage-users/sessions/session-lifetime-limits",
    REVIEWED_2026_12_08,
    "inactivity timeout superseded by system limits over 3 days (self-service) or 100 days (enterprise); require log in after superseded over 30 days (self-service) or 365 days (enterprise). session_lifetime and idle_session_lifetime are in hours (https://auth0.com/docs/manage-users/sessions/configure-session-lifetime)",
);

/** Access tokens for an API (`tokenLifetime`, seconds). */
export const AUTH0_ACCESS_TOKEN_LIFETIME = sourced(
    { maxSeconds: 2_592_000 } as const,
    "https://auth0.com/docs/secure/tokens/access-tokens/update-access-token-lifetime",
    REVIEWED_2026_12_08,
    "default 86,400 seconds (24 hours), maximum 2,592,000 seconds (30 days)",
);

/** Refresh tokens of a client (`refreshToken.tokenLifetime`, seconds). */
export const AUTH0_REFRESH_TOKEN_LIFETIME = sourced(
    { maxSeconds: 31_557_600 } as const,
    "https://auth0.com/docs/secure/tokens/refresh-tokens/configure-refresh-token-expiration",
    REVIEWED_2026_12_08,
    "absolute lifetime default 2,592,000 seconds (30 days), minimum 1 second, maximum 31,557,600 seconds (1 year); with rotation an expiring lifetime must be set",
);

/** Client settings: application types and token-endpoint authentication methods. */
export const AUTH0_CLIENTS = sourced(
    {
        appTypes: { spa: "spa", machineToMachine: "non_interactive" },
        authMethods: { publicClient: "none", secretPost: "client_secret_post" },
        grantTypes: { authorizationCode: "authorization_code", refreshToken: "refresh_token", clientCredentials: "client_credentials" },
        refreshToken: { rotating: "rotating", expiring: "expiring" },
        signingAlg: "RS256",
    } as const,
    "https://registry.terraform.io/providers/auth0/auth0/latest/docs/resources/client",
    REVIEWED_2026_12_08,
    "app_type values native, spa, regular_web, non_interactive, …; the token endpoint authentication method moved to auth0_client_credentials (none, client_secret_post, client_secret_basic, …: docs/resources/client_credentials.md); rotation_type rotating requires expiration_type expiring",
);

/** Where Auth0 log streams can deliver: only two are a cloud's own event bus. */
export const AUTH0_LOG_STREAM_TYPES = sourced(
    { aws: "eventbridge", azure: "eventgrid", generic: "http" } as const,
    "https://registry.terraform.io/providers/auth0/auth0/latest/docs/resources/log_stream",
    REVIEWED_2026_12_08,
    "type options: eventbridge, eventgrid, http, datadog, splunk, sumo, mixpanel, segment; none for Google Cloud",
);

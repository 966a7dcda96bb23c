/**
 * What each identity service can enforce, checked before any resource exists.
 *
 * The stack asks for sign-in by provider (`native` | `auth0`); which service that becomes
 * depends on the cloud:
 *
 *   aws   native → Amazon Cognito user pool (Plus tier, which threat protection needs; TOTP MFA)
 *   gcp   native → Google Cloud Identity Platform (project-level config)
 *   azure native → Microsoft Entra External ID (a CIAM tenant with app registrations)
 *   any   auth0  → Auth0 (a tenant the operator owns; `@pulumi/auth0`)
 *
 * The services do not all meet the contract: a setting a service cannot apply is a config
 * error when the stack set it, and a plan note when it came from the profile (so the default
 * profiles stay valid on every provider while nobody believes a default took effect). The
 * table says, per service and setting, "applied" (the program sets it), "fixed" (the service
 * has one behaviour, named in the note) or "unsupported".
 */
import { AUTH0_ACCESS_TOKEN_LIFETIME, AUTH0_ATTACK_PROTECTION, AUTH0_PASSWORD_MIN_LENGTH, AUTH0_REFRESH_TOKEN_LIFETIME } from "../catalogs/auth0";
import type { Cloud } from "../clouds";

export const IDENTITY_PROVIDERS = ["native", "auth0"] as const;
export type IdentityProvider = (typeof IDENTITY_PROVIDERS)[number];

export const MFA_MODES = ["required", "optional", "off"] as const;
export type MfaMode = (typeof MFA_MODES)[number];

/**
 * Character-class rules on passwords. `none` is length only (NIST SP 800-63B's advice);
 * `standard` asks for upper and lower case and a digit; `strict` adds a symbol.
 */
export const PASSWORD_COMPLEXITIES = ["none", "standard", "strict"] as const;
export type PasswordComplexity = (typeof PASSWORD_COMPLEXITIES)[number];

export type IdentityService = "cognito" | "identity-platform" | "entra-external-id" | "auth0";

export const IDENTITY_SERVICE_NAMES: Readonly<Record<IdentityService, string>> = {
    cognito: "Amazon Cognito",
    "identity-platform": "Google Cloud Identity Platform",
    "entra-external-id": "Microsoft Entra External ID",
    auth0: "Auth0",
};

export function identityService(cloud: Cloud, provider: IdentityProvider): IdentityService {
    if (provider === "auth0") return "auth0";
    return cloud === "aws" ? "cognito" : cloud === "gcp" ? "identity-platform" : "entra-external-id";
}

/** The identity settings of a stack, as config gives them. */
export interface IdentitySettings {
    readonly provider: IdentityProvider;
    readonly mfa: MfaMode;
    readonly passwordMinLength: number;
    readonly passwordComplexity: PasswordComplexity;
    /** Failed sign-ins before the account is locked for a while. */
    readonly lockoutThreshold: number;
    readonly accessTokenMinutes: number;
    /** How long a refresh token (and so a signed-in session) lasts; refresh tokens rotate. */
    readonly refreshTokenDays: number;
    /** Where the provider may send the browser back after sign-in (https, on the app's hosts). */
    readonly callbackUrls: readonly string[];
    readonly logoutUrls: readonly string[];
    /** A host on the stack's domain for the hosted sign-in pages (Cognito custom domain);
     * absent: the service's own domain serves them. */
    readonly hostname?: string;
    /** The existing public DNS zone records go in (config `dnsZone`, default `domain`). */
    readonly dnsZone: string;
    /** Auth0 only: the tenant's domain (`<tenant>.<region>.auth0.com`). */
    readonly auth0Domain?: string;
    /** Settings the chosen service cannot apply that came from the profile, not from the stack. */
    readonly notes: readonly string[];
}

/** The settings a service may be unable to honour; each maps to its config key. */
export const IDENTITY_SETTING_KEYS = {
    mfa: "identityMfa",
    passwordMinLength: "identityPasswordMinLength",
    passwordComplexity: "identityPasswordComplexity",
    lockoutThreshold: "identityLockoutThreshold",
    accessTokenMinutes: "identityAccessTokenMinutes",
    refreshTokenDays: "identityRefreshTokenDays",
} as const;
export type IdentitySetting = keyof typeof IDENTITY_SETTING_KEYS;

export type Support =
    | { readonly kind: "applied"; readonly min?: number; readonly max?: number; readonly note?: string }
    /** The service has one behaviour; `value` is it when the setting is a number it can be compared with. */
    | { readonly kind: "fixed"; readonly value?: number | string; readonly note: string }
    | { readonly kind: "unsupported"; readonly note: string };

/**
 * Per service and setting. Each implementation's tests assert that every "applied" entry is
 * set on its resources; the notes are what a stack is told when a setting is not applied.
 */
export const IDENTITY_CAPABILITIES: Readonly<Record<IdentityService, Readonly<Record<IdentitySetting, Support>>>> = {
    cognito: {
        mfa: { kind: "applied", note: "TOTP software tokens (mfaConfiguration ON or OPTIONAL)" },
        passwordMinLength: { kind: "applied", min: 6, max: 99 },
        passwordComplexity: { kind: "applied" },
        lockoutThreshold: {
            kind: "fixed",
            value: 5,
            note: "Cognito locks a user out after 5 failed sign-ins with a lockout that grows with each further failure; the threshold is not configurable (threat protection adds adaptive blocking)",
        },
        accessTokenMinutes: { kind: "applied", min: 5, max: 1440 },
        refreshTokenDays: { kind: "applied", min: 1, max: 3650 },
    },
    "identity-platform": {
        mfa: { kind: "applied", note: "a TOTP second factor (mfa.state MANDATORY or ENABLED, the TOTP provider ENABLED); SMS second factors stay off (SIM swap, per-message billing, toll fraud)" },
        passwordMinLength: { kind: "unsupported", note: "the Identity Toolkit API has a password policy (passwordPolicyConfig), but @pulumi/gcp 9.37's identityplatform.Config does not expose it; without one Identity Platform accepts passwords of 6 characters or more" },
        passwordComplexity: { kind: "unsupported", note: "the Identity Toolkit API's password policy (passwordPolicyConfig) is not in @pulumi/gcp 9.37's identityplatform.Config, so no character classes are required" },
        lockoutThreshold: { kind: "unsupported", note: "Identity Platform has no account lockout setting; it throttles sign-in attempts per IP on its own" },
        accessTokenMinutes: { kind: "fixed", value: 60, note: "Identity Platform ID tokens last one hour" },
        refreshTokenDays: { kind: "unsupported", note: "Identity Platform refresh tokens do not expire; they are revoked when the user is disabled, deleted or changes password" },
    },
    "entra-external-id": {
        mfa: {
            kind: "applied",
            note: "required: a Conditional Access policy requiring MFA of all users on the web and API registrations, email one-time passcode as the second factor (in the core offer, no premium licence); optional: External ID has no opt-in second factor, so no policy (announced by the component)",
        },
        passwordMinLength: { kind: "fixed", value: 8, note: "Entra requires 8-256 characters; the minimum is not configurable" },
        passwordComplexity: { kind: "fixed", note: "Entra requires three of the four character classes (upper, lower, digit, symbol); not configurable" },
        lockoutThreshold: { kind: "fixed", value: 10, note: "Entra smart lockout locks after 10 failed sign-ins by default; changing it needs the Graph API, not the Pulumi providers" },
        // No value: Entra picks each token's lifetime at random, so no asked value is honoured.
        accessTokenMinutes: {
            kind: "fixed",
            note: "Entra access tokens last 60-90 minutes (a random value in that range); token lifetime policies exist in Microsoft Graph, but @pulumi/azuread 6.9.1 has no resource to create or assign one",
        },
        refreshTokenDays: {
            kind: "fixed",
            value: 1,
            note: "the web client is a single-page app: Entra's refresh tokens for SPA redirect URIs last 24 hours from sign-in, and those they are exchanged for keep that expiry (the 90 days of other clients do not apply), so the browser re-runs sign-in daily, silently while the Entra session lasts",
        },
    },
    // Limits from domain/catalogs/auth0.ts: the minimum length stops at 72 bytes (bcrypt), an
    // API's access tokens at 30 days, a refresh token's absolute lifetime at one year.
    auth0: {
        mfa: { kind: "applied", note: "Guardian MFA policy `all-applications` (required) or `confidence-score` (optional, Adaptive MFA: an Enterprise add-on) with OTP" },
        passwordMinLength: { kind: "applied", min: AUTH0_PASSWORD_MIN_LENGTH.value.min, max: AUTH0_PASSWORD_MIN_LENGTH.value.max },
        passwordComplexity: {
            kind: "applied",
            note: "the connection's password strength level: none → none, standard → fair (lower, upper, digit), strict → excellent (3 of 4 classes, no triple characters: Auth0's legacy levels cannot demand all four)",
        },
        lockoutThreshold: {
            kind: "applied",
            min: AUTH0_ATTACK_PROTECTION.value.bruteForce.minAttempts,
            max: AUTH0_ATTACK_PROTECTION.value.bruteForce.maxAttempts,
            note: "attack protection's brute-force protection (max attempts per user and IP)",
        },
        accessTokenMinutes: { kind: "applied", min: 1, max: AUTH0_ACCESS_TOKEN_LIFETIME.value.maxSeconds / 60 },
        refreshTokenDays: { kind: "applied", min: 1, max: Math.floor(AUTH0_REFRESH_TOKEN_LIFETIME.value.maxSeconds / 86_400) },
    },
};

/** What prod demands of sign-in, whatever the provider. */
export const PROD_IDENTITY = { mfa: "required", minPasswordLength: 12, maxAccessTokenMinutes: 60 } as const;

export interface IdentityProblem {
    readonly setting: IdentitySetting;
    readonly message: string;
}

/**
 * Settings the service cannot honour. `explicit` says which settings the stack itself set:
 * those come back as problems (config errors), the others as notes. A fixed behaviour that
 * equals the asked value is honoured, and "off" MFA needs nothing from any service.
 */
export function identityCapabilityGaps(
    service: IdentityService,
    settings: Pick<IdentitySettings, IdentitySetting>,
    explicit: ReadonlySet<IdentitySetting>,
): { readonly problems: readonly IdentityProblem[]; readonly notes: readonly string[] } {
    const problems: IdentityProblem[] = [];
    const notes: string[] = [];
    const name = IDENTITY_SERVICE_NAMES[service];
    for (const setting of Object.keys(IDENTITY_SETTING_KEYS) as IdentitySetting[]) {
        const support = IDENTITY_CAPABILITIES[service][setting];
        const asked = settings[setting];
        let gap: string | undefined;
        if (support.kind === "applied") {
            if (typeof asked === "number" && ((support.min !== undefined && asked < support.min) || (support.max !== undefined && asked > support.max))) {
                gap = `${name} accepts ${support.min ?? "any"}-${support.max ?? "any"}`;
            }
        } else if (!(support.kind === "fixed" && support.value === asked)) {
            gap = `${name} cannot apply it: ${support.note}`;
        }
        if (gap === undefined) continue;
        if (explicit.has(setting)) problems.push({ setting, message: `is ${String(asked)}, but ${gap}` });
        else notes.push(`${IDENTITY_SETTING_KEYS[setting]}=${String(asked)} (profile default) is not applied on ${name}: ${support.kind === "applied" ? gap : support.note}`);
    }
    return { problems, notes };
}

/** The paths the app serves its sign-in callback and its signed-out page on. */
export const IDENTITY_PATHS = { callback: "/auth/callback", signedOut: "/" } as const;

/** Callback and logout URLs from the app's host name, used when config names none. */
export function defaultIdentityUrls(appHost: string): { readonly callbackUrls: readonly string[]; readonly logoutUrls: readonly string[] } {
    return { callbackUrls: [`https://${appHost}${IDENTITY_PATHS.callback}`], logoutUrls: [`https://${appHost}${IDENTITY_PATHS.signedOut}`] };
}

/** The services that can serve their hosted sign-in pages on a host of the stack's domain. */
export const CUSTOM_SIGN_IN_HOST: Readonly<Record<IdentityService, boolean>> = {
    cognito: true,
    // Identity Platform's hosted UI is the app's own (Firebase UI); Entra External ID custom URL
    // domains go through Front Door; Auth0 custom domains need a paid plan and manual verification.
    "identity-platform": false,
    "entra-external-id": false,
    auth0: false,
};

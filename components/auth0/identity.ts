/**
 * Identity on Auth0 (`identityProvider=auth0`), the same on every cloud: a tenant the operator
 * owns, reached through an explicit provider whose Management API credentials come from the
 * environment (AUTH0_CLIENT_ID / AUTH0_CLIENT_SECRET), never from config.
 *
 *   users     a database connection (Auth0's user store) with the password policy, history,
 *             dictionary and personal-data checks; `protect` in prod, since deleting it deletes
 *             every user (Auth0 has no deletion protection of its own)
 *   attacks   brute-force protection locking an account after `lockoutThreshold` failures,
 *             breached-password detection and suspicious-IP throttling
 *   MFA       the Guardian policy from the MFA mode, with OTP and recovery codes
 *   sessions  the tenant's login-session lifetimes and logout URLs
 *   api       a resource server (the backend's audience) with the access-token lifetime
 *   web       a public SPA client: authorization code (with PKCE) and rotating refresh tokens
 *   backend   a confidential machine-to-machine client granted the API by client credentials
 *
 * The tenant settings, the Guardian policy and attack protection are tenant-wide singletons:
 * the stack must own its tenant (one tenant per stack), or two stacks overwrite each other.
 */
import { AttackProtection } from "@pulumi/auth0/attackProtection";
import { Client } from "@pulumi/auth0/client";
import { ClientCredentials } from "@pulumi/auth0/clientCredentials";
import { ClientGrant } from "@pulumi/auth0/clientGrant";
import { Connection } from "@pulumi/auth0/connection";
import { ConnectionClients } from "@pulumi/auth0/connectionClients";
import { Guardian } from "@pulumi/auth0/guardian";
import { Provider } from "@pulumi/auth0/provider";
import { ResourceServer } from "@pulumi/auth0/resourceServer";
import { ResourceServerScopes } from "@pulumi/auth0/resourceServerScopes";
import { Tenant } from "@pulumi/auth0/tenant";
import * as pulumi from "@pulumi/pulumi";
import type { AppHosts } from "../../domain/capabilities/app";
import {
    IDENTITY_CAPABILITIES,
    IDENTITY_SETTING_KEYS,
    type IdentitySetting,
    type IdentitySettings,
    type MfaMode,
    type PasswordComplexity,
} from "../../domain/capabilities/identity";
import {
    AUTH0_ATTACK_PROTECTION,
    AUTH0_CLIENTS,
    AUTH0_ENDPOINTS,
    AUTH0_LOG_STREAM_TYPES,
    AUTH0_MFA_POLICIES,
    AUTH0_PASSWORD_HISTORY,
    AUTH0_SESSION_LIMITS,
} from "../../domain/catalogs/auth0";
import type { CloudTypes } from "../contracts/cloud";
import { IDENTITY_TYPE, type Identity, type IdentityArgs } from "../contracts/identity";
import { assertBuildable, type BuildProblem } from "../shared/buildable";

/** Auth0's legacy password strength levels (`passwordPolicy`); see AUTH0_PASSWORD_LEVELS. */
export type Auth0PasswordLevel = "none" | "low" | "fair" | "good" | "excellent";

/**
 * The contract's complexity as an Auth0 level. `standard` (upper, lower, digit) is exactly
 * `fair`. No legacy level demands all four classes, so `strict` takes the strongest one,
 * `excellent` (3 of 4 classes, no character three times in a row): a password may lack the
 * symbol, which {@link auth0Notes} says. The Flexible Password Policy that could demand all
 * four is Early Access and cannot be combined with the other legacy fields.
 */
export const AUTH0_PASSWORD_LEVEL: Readonly<Record<PasswordComplexity, Auth0PasswordLevel>> = { none: "none", standard: "fair", strict: "excellent" };

/** Previous passwords a user may not reuse: the most Auth0 keeps. */
export const AUTH0_PASSWORD_HISTORY_SIZE = AUTH0_PASSWORD_HISTORY.value.maxSize;

/** The one permission the backend's API defines; the backend's own client is granted it. */
export const AUTH0_API_SCOPE = "access:api";

const SECONDS_PER_DAY = 86_400;

/** The tenant's public endpoints, from its domain. */
export function auth0Urls(domain: string): { readonly issuer: string; readonly jwks: string; readonly signIn: string; readonly signOut: string } {
    const base = `https://${domain}`;
    const e = AUTH0_ENDPOINTS.value;
    return { issuer: `${base}${e.issuer}`, jwks: `${base}${e.jwks}`, signIn: `${base}${e.authorize}`, signOut: `${base}${e.logout}` };
}

/** The API's identifier (the `aud` of its access tokens): the backend's own URL. */
export function auth0ApiIdentifier(hosts: AppHosts): string {
    return `https://${hosts.api}/`;
}

/**
 * Token and session lifetimes. A refresh token lasts `refreshTokenDays` from sign-in (rotation
 * does not extend it) and dies after half that unused: a session idle that long is an
 * abandoned device, while an active user rotates well within it. The tenant's login session
 * (the Auth0 cookie behind silent sign-in) follows the same two lifetimes, in hours.
 */
export function auth0Lifetimes(settings: Pick<IdentitySettings, "accessTokenMinutes" | "refreshTokenDays">): {
    readonly accessTokenSeconds: number;
    readonly refreshTokenSeconds: number;
    readonly refreshIdleSeconds: number;
    readonly sessionHours: number;
    readonly idleSessionHours: number;
} {
    const refreshTokenSeconds = settings.refreshTokenDays * SECONDS_PER_DAY;
    const refreshIdleSeconds = Math.max(3600, Math.floor(refreshTokenSeconds / 2));
    return {
        accessTokenSeconds: settings.accessTokenMinutes * 60,
        refreshTokenSeconds,
        refreshIdleSeconds,
        sessionHours: settings.refreshTokenDays * 24,
        idleSessionHours: refreshIdleSeconds / 3600,
    };
}

/** The origins (`https://host[:port]`) of the URLs, each once, in order. */
export function originsOf(urls: readonly string[]): string[] {
    return [...new Set(urls.map((u) => new URL(u).origin))];
}

/**
 * What the plan tells the reader about this Auth0 tenant beyond the profile's notes: where
 * Auth0 does less than the contract asks, and what it needs that the program cannot create.
 */
export function auth0Notes(settings: IdentitySettings): string[] {
    const notes: string[] = [];
    const limits = AUTH0_SESSION_LIMITS.value;
    const lifetimes = auth0Lifetimes(settings);
    if (settings.passwordComplexity === "strict") {
        notes.push(`${IDENTITY_SETTING_KEYS.passwordComplexity}=strict is applied as Auth0's strongest legacy level (excellent): 3 of the 4 character classes, so a password may lack a symbol`);
    }
    if (settings.mfa === "optional") {
        notes.push(`${IDENTITY_SETTING_KEYS.mfa}=optional uses Auth0's ${AUTH0_MFA_POLICIES.value.optional} policy (Adaptive MFA: a second factor for low-confidence sign-ins), an add-on of the Enterprise plan; a tenant without it rejects the policy`);
    }
    if (lifetimes.idleSessionHours > limits.selfServiceIdleDays * 24 || settings.refreshTokenDays > limits.selfServiceAbsoluteDays) {
        notes.push(
            `Auth0 self-service plans cap the tenant's login session at ${limits.selfServiceIdleDays} idle days and ${limits.selfServiceAbsoluteDays} days in all; the refresh tokens still last ${settings.refreshTokenDays} days (${lifetimes.refreshIdleSeconds / SECONDS_PER_DAY} idle)`,
        );
    }
    if (settings.hostname !== undefined) {
        notes.push(`identityHostname=${settings.hostname} is not applied: Auth0 custom domains need a paid plan and a manual verification; sign-in is served on ${settings.auth0Domain ?? "the tenant's domain"}`);
    }
    notes.push(
        `Auth0 security events are not sent to the stack's alerts: its log streams deliver to AWS EventBridge (${AUTH0_LOG_STREAM_TYPES.value.aws}), Azure Event Grid (${AUTH0_LOG_STREAM_TYPES.value.azure}) or an HTTPS endpoint, none of which is the cloud-neutral Alerts target; the tenant administrators get Auth0's breached-password and suspicious-IP emails instead`,
        "Auth0 encrypts the tenant with its own keys: the stack key is not used (customer-managed keys are an Enterprise add-on)",
        "Auth0 tenant settings, the MFA policy and attack protection are tenant-wide: this stack must own its tenant, and destroying the stack turns MFA and attack protection off for the tenant",
    );
    return notes;
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

function httpsProblems(key: string, urls: readonly string[]): BuildProblem | undefined {
    const bad = urls.filter((u) => {
        try {
            return new URL(u).protocol !== "https:";
        } catch {
            return true;
        }
    });
    if (urls.length === 0) return { key, message: "names no URL; Auth0 redirects only to listed URLs" };
    return bad.length > 0 ? { key, message: `${bad.join(", ")} is not an https URL` } : undefined;
}

/** What Auth0 cannot build from these args, before any resource exists. */
export function auth0IdentityProblems(settings: IdentitySettings): BuildProblem[] {
    const problems: (BuildProblem | undefined)[] = [];
    const domain = settings.auth0Domain;
    if (domain === undefined || domain === "") {
        problems.push({ key: "auth0Domain", message: "is required with identityProvider=auth0 (the tenant's domain, e.g. gravitypm-prod.us.auth0.com)" });
    } else if (!DOMAIN.test(domain)) {
        problems.push({ key: "auth0Domain", message: `${JSON.stringify(domain)} is not a host name (no scheme, no path)` });
    }
    problems.push(httpsProblems("identityCallbackUrls", settings.callbackUrls), httpsProblems("identityLogoutUrls", settings.logoutUrls));
    for (const setting of Object.keys(IDENTITY_SETTING_KEYS) as IdentitySetting[]) {
        const support = IDENTITY_CAPABILITIES.auth0[setting];
        const asked = settings[setting];
        if (support.kind !== "applied" || typeof asked !== "number") continue;
        if ((support.min !== undefined && asked < support.min) || (support.max !== undefined && asked > support.max) || !Number.isInteger(asked)) {
            problems.push({ key: IDENTITY_SETTING_KEYS[setting], message: `is ${asked}, but Auth0 accepts whole numbers ${support.min ?? "any"}-${support.max ?? "any"}` });
        }
    }
    return problems.filter((p): p is BuildProblem => p !== undefined);
}

/** The Guardian policy for the contract's MFA mode. */
export function auth0MfaPolicy(mfa: MfaMode): string {
    return AUTH0_MFA_POLICIES.value[mfa];
}

/**
 * Auth0 sign-in for the stack. `args.site`, `args.keys` and `args.alerts` are the cloud's; Auth0
 * uses none of them (its notes say so), which is what lets every cloud build it unchanged.
 */
export class Auth0Identity<T extends CloudTypes> extends pulumi.ComponentResource implements Identity {
    readonly service = "auth0" as const;
    readonly issuerUrl: pulumi.Output<string>;
    readonly jwksUrl: pulumi.Output<string>;
    readonly webClientId: pulumi.Output<string>;
    readonly apiClientId: pulumi.Output<string>;
    readonly apiClientSecret: pulumi.Output<string>;
    readonly signInUrl: pulumi.Output<string>;
    readonly signOutUrl: pulumi.Output<string>;
    readonly notes: readonly string[];

    constructor(name: string, args: IdentityArgs<T>, opts?: pulumi.ComponentResourceOptions) {
        super(IDENTITY_TYPE, name, {}, opts);
        const s = args.settings;
        assertBuildable(this, `Identity ${name}`, auth0IdentityProblems(s));
        // Checked above: a domain that passed is a string.
        const domain = s.auth0Domain ?? "";
        const prefix = args.site.namePrefix;
        const lifetimes = auth0Lifetimes(s);
        const c = AUTH0_CLIENTS.value;
        const ap = AUTH0_ATTACK_PROTECTION.value;
        // Auth0 has no tags; client and connection metadata (at most 10 string entries) carry them.
        const metadata = Object.fromEntries(Object.entries(args.site.tags).slice(0, 10));

        // Only the domain is configured: the Management API client id and secret stay in the
        // deployer's environment, where the provider reads them.
        const provider = new Provider(`${name}-auth0`, { domain }, { parent: this });
        const child = { parent: this, provider };
        // Deleting these resets the tenant-wide setting (MFA off, attack protection off), and
        // the connection holds the users: all kept from a prod destroy.
        const kept = { ...child, protect: args.protect };

        const users = new Connection(
            `${name}-users`,
            {
                name: `${prefix}-users`,
                strategy: "auth0",
                metadata,
                options: {
                    passwordPolicy: AUTH0_PASSWORD_LEVEL[s.passwordComplexity],
                    passwordComplexityOptions: { minLength: s.passwordMinLength },
                    passwordHistories: [{ enable: true, size: AUTH0_PASSWORD_HISTORY_SIZE }],
                    passwordDictionary: { enable: true, dictionaries: [] },
                    passwordNoPersonalInfo: { enable: true },
                    bruteForceProtection: true,
                    mfa: { active: s.mfa !== "off", returnEnrollSettings: true },
                    // Sign-up stays open: the app creates no users through the Management API
                    // (its backend has no grant to it), and an account grants nothing in
                    // GravityPM until a workspace admits it. Breached passwords and
                    // suspicious-IP throttling also guard sign-ups below.
                    disableSignup: false,
                    requiresUsername: false,
                },
            },
            kept,
        );

        new AttackProtection(
            `${name}-attack-protection`,
            {
                bruteForceProtection: {
                    enabled: true,
                    maxAttempts: s.lockoutThreshold,
                    // Per account and IP: an attacker cannot lock a user out from elsewhere.
                    mode: ap.bruteForce.modes.perAccountAndIp,
                    shields: [ap.bruteForce.shields.block, ap.bruteForce.shields.userNotification],
                },
                breachedPasswordDetection: {
                    enabled: true,
                    method: ap.breachedPassword.methods.standard,
                    shields: [ap.breachedPassword.shields.block, ap.breachedPassword.shields.userNotification, ap.breachedPassword.shields.adminNotification],
                    adminNotificationFrequencies: ["daily"],
                    preUserRegistration: { shields: [ap.breachedPassword.shields.block] },
                    preChangePassword: { shields: [ap.breachedPassword.shields.block] },
                },
                suspiciousIpThrottling: {
                    enabled: true,
                    shields: [ap.suspiciousIp.shields.block, ap.suspiciousIp.shields.adminNotification],
                },
            },
            kept,
        );

        new Guardian(
            `${name}-mfa`,
            {
                policy: auth0MfaPolicy(s.mfa),
                // TOTP apps, with recovery codes so a lost phone is not a support ticket. No
                // SMS or email: both are weaker factors, and SMS needs a paid phone provider.
                otp: true,
                recoveryCode: true,
                email: false,
            },
            kept,
        );

        new Tenant(
            `${name}-tenant`,
            {
                sessionLifetime: lifetimes.sessionHours,
                idleSessionLifetime: lifetimes.idleSessionHours,
                allowedLogoutUrls: [...s.logoutUrls],
                // Publishes end_session_endpoint, so OIDC libraries find /oidc/logout themselves.
                oidcLogout: { rpLogoutEndSessionEndpointDiscovery: true },
            },
            child,
        );

        const identifier = auth0ApiIdentifier(args.hosts);
        const api = new ResourceServer(
            `${name}-api`,
            {
                name: `${prefix}-api`,
                identifier,
                signingAlg: c.signingAlg,
                tokenLifetime: lifetimes.accessTokenSeconds,
                // Implicit and hybrid flows are never used; their lifetime may not exceed the other.
                tokenLifetimeForWeb: lifetimes.accessTokenSeconds,
                allowOfflineAccess: true,
                skipConsentForVerifiableFirstPartyClients: true,
            },
            child,
        );
        const scopes = new ResourceServerScopes(
            `${name}-api-scopes`,
            { resourceServerIdentifier: api.identifier, scopes: [{ name: AUTH0_API_SCOPE, description: "Call the GravityPM API" }] },
            child,
        );

        const appOrigin = `https://${args.hosts.app}`;
        const webOrigins = originsOf([appOrigin, ...s.callbackUrls]);
        const web = new Client(
            `${name}-web`,
            {
                name: `${prefix}-web`,
                description: "GravityPM web app: authorization code with PKCE, rotating refresh tokens",
                appType: c.appTypes.spa,
                isFirstParty: true,
                oidcConformant: true,
                // Never the implicit grant: the code flow only, and refresh tokens.
                grantTypes: [c.grantTypes.authorizationCode, c.grantTypes.refreshToken],
                callbacks: [...s.callbackUrls],
                allowedLogoutUrls: [...s.logoutUrls],
                webOrigins,
                allowedOrigins: webOrigins,
                crossOriginAuth: false,
                // ID tokens live no longer than the access tokens they come with.
                jwtConfiguration: { alg: c.signingAlg, lifetimeInSeconds: lifetimes.accessTokenSeconds },
                refreshToken: {
                    rotationType: c.refreshToken.rotating,
                    expirationType: c.refreshToken.expiring,
                    tokenLifetime: lifetimes.refreshTokenSeconds,
                    infiniteTokenLifetime: false,
                    idleTokenLifetime: lifetimes.refreshIdleSeconds,
                    infiniteIdleTokenLifetime: false,
                    // No reuse window: a replayed refresh token revokes the family at once.
                    leeway: 0,
                },
                clientMetadata: metadata,
            },
            child,
        );
        // A public client: no secret, so the code exchange is bound to the browser that began
        // it only by the PKCE verifier, which the Auth0 SPA SDK always sends.
        new ClientCredentials(`${name}-web-credentials`, { clientId: web.clientId, authenticationMethod: c.authMethods.publicClient }, child);

        // The backend calls the API as itself (client credentials), signing no user in:
        // a machine-to-machine client, not a regular web app.
        const backend = new Client(
            `${name}-api-client`,
            {
                name: `${prefix}-api-client`,
                description: "GravityPM backend: client credentials to the GravityPM API",
                appType: c.appTypes.machineToMachine,
                isFirstParty: true,
                oidcConformant: true,
                grantTypes: [c.grantTypes.clientCredentials],
                jwtConfiguration: { alg: c.signingAlg },
                clientMetadata: metadata,
            },
            child,
        );
        const backendCredentials = new ClientCredentials(`${name}-api-credentials`, { clientId: backend.clientId, authenticationMethod: c.authMethods.secretPost }, child);
        new ClientGrant(`${name}-api-grant`, { clientId: backend.clientId, audience: api.identifier, scopes: [AUTH0_API_SCOPE], subjectType: "client" }, { ...child, dependsOn: [scopes] });

        // Authoritative: only these two clients may use the user store.
        new ConnectionClients(`${name}-users-clients`, { connectionId: users.id, enabledClients: [web.clientId, backend.clientId] }, child);

        const urls = auth0Urls(domain);
        this.issuerUrl = pulumi.output(urls.issuer);
        this.jwksUrl = pulumi.output(urls.jwks);
        this.signInUrl = pulumi.output(urls.signIn);
        this.signOutUrl = pulumi.output(urls.signOut);
        this.webClientId = web.clientId;
        this.apiClientId = backend.clientId;
        // The provider marks it secret too; this keeps it secret whatever the engine does.
        this.apiClientSecret = pulumi.secret(backendCredentials.clientSecret);
        this.notes = [...s.notes, ...auth0Notes(s)];

        this.registerOutputs({
            issuerUrl: this.issuerUrl,
            jwksUrl: this.jwksUrl,
            webClientId: this.webClientId,
            apiClientId: this.apiClientId,
            apiClientSecret: this.apiClientSecret,
            signInUrl: this.signInUrl,
            signOutUrl: this.signOutUrl,
        });
    }
}

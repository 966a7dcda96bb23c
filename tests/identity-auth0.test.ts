/**
 * The Auth0 identity component on its own, for staging-like and prod-like settings: the
 * explicit provider (domain only, no credentials in config), the user store with the password
 * policy (protected in prod), attack protection with the lockout threshold, the Guardian MFA
 * policy, the tenant's session lifetimes, the API, the public PKCE web client (no implicit
 * grant, exactly the configured URLs, rotating refresh tokens), the confidential backend client
 * and its grant, the outputs (the secret kept secret) and the notes. Auth0 is the same on
 * every cloud: the component builds unchanged on the GCP and Azure spines.
 */
import { IDENTITY_PROFILES, identityArgs, identitySettingsFor } from "./support/identity";
import { describe, expect, it } from "vitest";
import {
    AUTH0_API_SCOPE,
    AUTH0_PASSWORD_HISTORY_SIZE,
    AUTH0_PASSWORD_LEVEL,
    Auth0Identity,
    auth0IdentityProblems,
    auth0Lifetimes,
    auth0MfaPolicy,
    auth0Notes,
    originsOf,
} from "../components/auth0/identity";
import type { CloudTypes } from "../components/contracts/cloud";
import {
    IDENTITY_CAPABILITIES,
    IDENTITY_SETTING_KEYS,
    type IdentitySetting,
    type IdentitySettings,
} from "../domain/capabilities/identity";
import {
    AUTH0_ACCESS_TOKEN_LIFETIME,
    AUTH0_ATTACK_PROTECTION,
    AUTH0_ENDPOINTS,
    AUTH0_MFA_POLICIES,
    AUTH0_PASSWORD_LEVELS,
    AUTH0_PASSWORD_MIN_LENGTH,
    AUTH0_REFRESH_TOKEN_LIFETIME,
} from "../domain/catalogs/auth0";
import type { Cloud } from "../domain/clouds";
import type { Environment } from "../domain/stack-config";
import type { Plan, PlannedResource } from "../tools/plan/types";
import { buildComponent, type Spine, settled } from "./support/component";
import { byUrn, descendants, input, one } from "./support/plan";

const IDENTITY = "gravitypm:components:Identity";
const T = {
    provider: "pulumi:providers:auth0",
    connection: "auth0:index/connection:Connection",
    attack: "auth0:index/attackProtection:AttackProtection",
    guardian: "auth0:index/guardian:Guardian",
    tenant: "auth0:index/tenant:Tenant",
    api: "auth0:index/resourceServer:ResourceServer",
    scopes: "auth0:index/resourceServerScopes:ResourceServerScopes",
    client: "auth0:index/client:Client",
    credentials: "auth0:index/clientCredentials:ClientCredentials",
    grant: "auth0:index/clientGrant:ClientGrant",
    connectionClients: "auth0:index/connectionClients:ConnectionClients",
};
const DOMAIN: Readonly<Record<Environment, string>> = { staging: "gravitypm-staging.us.auth0.com", prod: "gravitypm-prod.us.auth0.com" };
const DAY = 86_400;

/** Settings as config hands them over: the profile's on the stack's tenant, with a note config added. */
function settingsFor(environment: Environment, own: Partial<IdentitySettings> = {}): IdentitySettings {
    const settings = identitySettingsFor("auth0", environment, own);
    return { ...settings, auth0Domain: DOMAIN[environment], notes: [...settings.notes, "a note from config"], ...own };
}

/** Builds the component on a cloud's spine, keeping it to read its outputs. */
async function build(cloud: Cloud, environment: Environment, own: Partial<IdentitySettings> = {}): Promise<{ p: Plan; identity: Auth0Identity<CloudTypes> }> {
    let identity: Auth0Identity<CloudTypes> | undefined;
    const p = await buildComponent(cloud, (spine: Spine<CloudTypes>) => (identity = new Auth0Identity("identity", identityArgs(spine, environment, settingsFor(environment, own)))), { environment, stack: environment });
    if (!identity) throw new Error("the component was not built");
    return { p, identity };
}

const mine = (p: Plan): PlannedResource[] => descendants(p, one(p, IDENTITY, "identity"));
const countByType = (resources: readonly PlannedResource[]) => resources.reduce<Record<string, number>>((n, r) => ({ ...n, [r.type]: (n[r.type] ?? 0) + 1 }), {});
const only = (p: Plan, type: string, name?: string): PlannedResource => {
    const found = mine(p).filter((r) => r.type === type && (name === undefined || r.name === name));
    expect(found, `${type} ${name ?? ""}`).toHaveLength(1);
    return found[0];
};

const EXPECTED_COUNTS = {
    [T.provider]: 1,
    [T.connection]: 1,
    [T.attack]: 1,
    [T.guardian]: 1,
    [T.tenant]: 1,
    [T.api]: 1,
    [T.scopes]: 1,
    [T.client]: 2,
    [T.credentials]: 2,
    [T.grant]: 1,
    [T.connectionClients]: 1,
};

describe.each([
    ["staging", AUTH0_MFA_POLICIES.value.optional, false],
    ["prod", AUTH0_MFA_POLICIES.value.required, true],
] as const)("the Auth0 identity of %s", (environment, mfaPolicy, prod) => {
    const built = build("aws", environment);
    const profile = IDENTITY_PROFILES[environment].settings;
    const hosts = IDENTITY_PROFILES[environment].hosts;
    const prefix = `gravitypm-${environment}`;

    it("registers the provider, user store, attack protection, MFA, tenant settings, the API, two clients with their credentials, the grant and the connection's clients, all its own", async () => {
        const { p } = await built;
        const component = one(p, IDENTITY, "identity");
        const resources = mine(p);
        expect(countByType(resources)).toEqual(EXPECTED_COUNTS);
        // Direct children, every Auth0 resource on the component's explicit provider.
        const provider = only(p, T.provider);
        for (const r of resources) {
            expect(r.parent, r.name).toBe(component.urn);
            if (r.type !== T.provider) expect(r.provider, r.name).toBe(provider.urn);
        }
    });

    it("configures the provider with the tenant's domain only: the Management API credentials stay in the environment", async () => {
        const { p } = await built;
        const provider = only(p, T.provider);
        expect(input(provider, "domain")).toBe(DOMAIN[environment]);
        for (const key of ["clientId", "clientSecret", "apiToken"]) expect(input(provider, key), key).toBeUndefined();
    });

    it("keeps users in an Auth0 database connection with the password policy, protected in prod", async () => {
        const { p } = await built;
        const users = only(p, T.connection);
        expect(input(users, "strategy")).toBe("auth0");
        expect(input(users, "name")).toBe(`${prefix}-users`);
        expect(input(users, "options.passwordPolicy")).toBe("fair");
        expect(input(users, "options.passwordComplexityOptions.minLength")).toBe(profile.passwordMinLength);
        expect(input(users, "options.passwordHistories")).toEqual([{ enable: true, size: AUTH0_PASSWORD_HISTORY_SIZE }]);
        expect(input(users, "options.passwordDictionary.enable")).toBe(true);
        expect(input(users, "options.passwordNoPersonalInfo.enable")).toBe(true);
        expect(input(users, "options.bruteForceProtection")).toBe(true);
        expect(input(users, "options.mfa.active")).toBe(true);
        expect(users.protect).toBe(prod);
    });

    it("locks an account after lockoutThreshold failures per account and IP, blocks breached passwords and throttles suspicious IPs", async () => {
        const { p } = await built;
        const attack = only(p, T.attack);
        const ap = AUTH0_ATTACK_PROTECTION.value;
        expect(input(attack, "bruteForceProtection")).toEqual({
            enabled: true,
            maxAttempts: profile.lockoutThreshold,
            mode: ap.bruteForce.modes.perAccountAndIp,
            shields: [ap.bruteForce.shields.block, ap.bruteForce.shields.userNotification],
        });
        expect(input(attack, "breachedPasswordDetection.enabled")).toBe(true);
        expect(input(attack, "breachedPasswordDetection.shields")).toContain(ap.breachedPassword.shields.block);
        expect(input(attack, "breachedPasswordDetection.preUserRegistration.shields")).toEqual([ap.breachedPassword.shields.block]);
        expect(input(attack, "breachedPasswordDetection.preChangePassword.shields")).toEqual([ap.breachedPassword.shields.block]);
        expect(input(attack, "suspiciousIpThrottling.enabled")).toBe(true);
        expect(input(attack, "suspiciousIpThrottling.shields")).toContain(ap.suspiciousIp.shields.block);
        // A destroy would turn the tenant's protection off: kept in prod.
        expect(attack.protect).toBe(prod);
    });

    it(`asks for MFA with the ${mfaPolicy} policy, TOTP and recovery codes`, async () => {
        const { p } = await built;
        const guardian = only(p, T.guardian);
        expect(input(guardian, "policy")).toBe(mfaPolicy);
        expect(input(guardian, "otp")).toBe(true);
        expect(input(guardian, "recoveryCode")).toBe(true);
        expect(input(guardian, "email")).toBe(false);
        expect(guardian.protect).toBe(prod);
    });

    it("sets the tenant's sessions from refreshTokenDays and its logout URLs, and publishes the end-session endpoint", async () => {
        const { p } = await built;
        const tenant = only(p, T.tenant);
        expect(input(tenant, "sessionLifetime")).toBe(profile.refreshTokenDays * 24);
        expect(input(tenant, "idleSessionLifetime")).toBe(profile.refreshTokenDays * 12);
        expect(input(tenant, "allowedLogoutUrls")).toEqual(profile.logoutUrls);
        expect(input(tenant, "oidcLogout.rpLogoutEndSessionEndpointDiscovery")).toBe(true);
    });

    it("registers the backend's API with the access-token lifetime, RS256 and refresh tokens allowed, and its one scope", async () => {
        const { p } = await built;
        const api = only(p, T.api);
        expect(input(api, "identifier")).toBe(`https://${hosts.api}/`);
        expect(input(api, "tokenLifetime")).toBe(profile.accessTokenMinutes * 60);
        expect(input(api, "tokenLifetimeForWeb")).toBe(profile.accessTokenMinutes * 60);
        expect(input(api, "signingAlg")).toBe("RS256");
        expect(input(api, "allowOfflineAccess")).toBe(true);
        const scopes = only(p, T.scopes);
        expect(input(scopes, "resourceServerIdentifier")).toBe(`https://${hosts.api}/`);
        expect(input(scopes, "scopes")).toEqual([{ name: AUTH0_API_SCOPE, description: "Call the GravityPM API" }]);
    });

    it("gives the browser a public SPA client: code flow and refresh tokens only (no implicit grant), exactly the configured URLs, rotating refresh tokens", async () => {
        const { p, identity } = await built;
        const web = only(p, T.client, "identity-web");
        expect(input(web, "appType")).toBe("spa");
        expect(input(web, "grantTypes")).toEqual(["authorization_code", "refresh_token"]);
        expect(input(web, "grantTypes")).not.toContain("implicit");
        expect(input(web, "oidcConformant")).toBe(true);
        expect(input(web, "callbacks")).toEqual(profile.callbackUrls);
        expect(input(web, "allowedLogoutUrls")).toEqual(profile.logoutUrls);
        expect(input(web, "webOrigins")).toEqual([`https://${hosts.app}`]);
        expect(input(web, "allowedOrigins")).toEqual([`https://${hosts.app}`]);
        expect(input(web, "crossOriginAuth")).toBe(false);
        expect(input(web, "refreshToken")).toEqual({
            rotationType: "rotating",
            expirationType: "expiring",
            tokenLifetime: profile.refreshTokenDays * DAY,
            infiniteTokenLifetime: false,
            idleTokenLifetime: (profile.refreshTokenDays * DAY) / 2,
            infiniteIdleTokenLifetime: false,
            leeway: 0,
        });
        expect(input(web, "jwtConfiguration")).toEqual({ alg: "RS256", lifetimeInSeconds: profile.accessTokenMinutes * 60 });
        // No secret: the public client authenticates with nothing but its PKCE verifier.
        const credentials = only(p, T.credentials, "identity-web-credentials");
        expect(input(credentials, "authenticationMethod")).toBe("none");
        expect(input(credentials, "clientId")).toBe((await settled(identity.webClientId)).value);
    });

    it("gives the backend a confidential machine-to-machine client, granted the API's scope by client credentials", async () => {
        const { p, identity } = await built;
        const backend = only(p, T.client, "identity-api-client");
        expect(input(backend, "appType")).toBe("non_interactive");
        expect(input(backend, "grantTypes")).toEqual(["client_credentials"]);
        const apiClientId = (await settled(identity.apiClientId)).value;
        const credentials = only(p, T.credentials, "identity-api-credentials");
        expect(input(credentials, "authenticationMethod")).toBe("client_secret_post");
        expect(input(credentials, "clientId")).toBe(apiClientId);
        const grant = only(p, T.grant);
        expect(input(grant, "clientId")).toBe(apiClientId);
        expect(input(grant, "audience")).toBe(`https://${hosts.api}/`);
        expect(input(grant, "scopes")).toEqual([AUTH0_API_SCOPE]);
        // The grant names a scope: it waits for the scope to exist.
        expect(grant.dependencies.map((u) => byUrn(p, u)?.type)).toContain(T.scopes);
    });

    it("enables the user store for exactly the two clients", async () => {
        const { p, identity } = await built;
        const link = only(p, T.connectionClients);
        const web = (await settled(identity.webClientId)).value;
        const api = (await settled(identity.apiClientId)).value;
        expect(input(link, "enabledClients")).toEqual([web, api]);
        expect(link.dependencies).toContain(only(p, T.connection).urn);
    });

    it("outputs the tenant's issuer, JWKS, sign-in and sign-out URLs, the client ids, and the secret as a secret", async () => {
        const { identity } = await built;
        const base = `https://${DOMAIN[environment]}`;
        expect((await settled(identity.issuerUrl)).value).toBe(`${base}/`);
        expect((await settled(identity.jwksUrl)).value).toBe(`${base}${AUTH0_ENDPOINTS.value.jwks}`);
        expect((await settled(identity.signInUrl)).value).toBe(`${base}/authorize`);
        expect((await settled(identity.signOutUrl)).value).toBe(`${base}/oidc/logout`);
        const web = await settled(identity.webClientId);
        const api = await settled(identity.apiClientId);
        expect(web.value).toMatch(/^[0-9a-f]{32}$/);
        expect(api.value).toMatch(/^[0-9a-f]{32}$/);
        expect(web.value).not.toBe(api.value);
        expect(web.secret).toBe(false);
        const secret = await settled(identity.apiClientSecret);
        expect(secret.secret).toBe(true);
        expect(secret.value).not.toBe("");
        expect(identity.service).toBe("auth0");
    });

    it("puts no secret in any input, and the stack's tags in the Auth0 metadata", async () => {
        const { p } = await built;
        for (const r of mine(p)) expect(JSON.stringify(r.inputs), r.name).not.toMatch(/mock-[0-9a-f]{64}/);
        expect(input(only(p, T.connection), "metadata.stack")).toBe(environment);
        expect(input(only(p, T.client, "identity-web"), "clientMetadata.environment")).toBe(environment);
    });

    it("carries config's notes and announces what Auth0 does not do here: alerts, the stack key, the tenant-wide singletons", async () => {
        const { identity } = await built;
        expect(identity.notes[0]).toBe("a note from config");
        const text = identity.notes.join("\n");
        expect(text).toMatch(/not sent to the stack's alerts/);
        expect(text).toMatch(/stack key is not used/);
        expect(text).toMatch(/tenant-wide/);
        // Optional MFA needs the Adaptive MFA add-on: said in staging only.
        expect(text.includes("Adaptive MFA")).toBe(!prod);
        // Both profiles keep sessions longer idle than self-service plans allow.
        expect(text).toMatch(/self-service plans cap/);
    });
});

describe("Auth0 identity settings", () => {
    it("maps each complexity onto a level Auth0 documents, standard exactly onto fair (lower, upper, digit)", () => {
        for (const level of Object.values(AUTH0_PASSWORD_LEVEL)) expect(Object.keys(AUTH0_PASSWORD_LEVELS.value)).toContain(level);
        expect(AUTH0_PASSWORD_LEVEL).toEqual({ none: "none", standard: "fair", strict: "excellent" });
        expect(AUTH0_PASSWORD_LEVELS.value.fair.classes).toBe("lower, upper and digit");
    });

    it("maps MFA modes onto Guardian policies", () => {
        expect(auth0MfaPolicy("required")).toBe("all-applications");
        expect(auth0MfaPolicy("optional")).toBe("confidence-score");
        expect(auth0MfaPolicy("off")).toBe("never");
    });

    it("derives lifetimes: refresh tokens idle out after half their life, never under an hour", () => {
        expect(auth0Lifetimes({ accessTokenMinutes: 15, refreshTokenDays: 14 })).toEqual({
            accessTokenSeconds: 900,
            refreshTokenSeconds: 14 * DAY,
            refreshIdleSeconds: 7 * DAY,
            sessionHours: 336,
            idleSessionHours: 168,
        });
        expect(auth0Lifetimes({ accessTokenMinutes: 5, refreshTokenDays: 1 }).refreshIdleSeconds).toBe(DAY / 2);
    });

    it("keeps each callback origin once", () => {
        expect(originsOf(["https://app.example.com/auth/callback", "https://app.example.com/other", "https://admin.example.com:8443/cb"])).toEqual([
            "https://app.example.com",
            "https://admin.example.com:8443",
        ]);
    });

    it("applies every setting of the capability table, within the limits Auth0 documents", () => {
        const row = IDENTITY_CAPABILITIES.auth0;
        for (const setting of Object.keys(IDENTITY_SETTING_KEYS) as IdentitySetting[]) expect(row[setting].kind, setting).toBe("applied");
        expect(row.passwordMinLength).toMatchObject({ min: AUTH0_PASSWORD_MIN_LENGTH.value.min, max: 72 });
        expect(row.lockoutThreshold).toMatchObject({ min: 1, max: 100 });
        expect(row.accessTokenMinutes).toMatchObject({ max: AUTH0_ACCESS_TOKEN_LIFETIME.value.maxSeconds / 60 });
        expect(row.refreshTokenDays).toMatchObject({ max: 365 });
        expect(AUTH0_REFRESH_TOKEN_LIFETIME.value.maxSeconds).toBeGreaterThanOrEqual(365 * DAY);
    });

    it("announces strict complexity's missing symbol rule, a custom sign-in host it cannot serve, and no session cap within self-service limits", () => {
        const base = settingsFor("prod");
        const strict = auth0Notes({ ...base, passwordComplexity: "strict", hostname: "auth.gravitypm.example.com" }).join("\n");
        expect(strict).toMatch(/identityPasswordComplexity=strict .* may lack a symbol/);
        expect(strict).toMatch(/identityHostname=auth\.gravitypm\.example\.com is not applied/);
        // Two days: one idle day and two in all fit the self-service limits.
        expect(auth0Notes({ ...base, refreshTokenDays: 2 }).join("\n")).not.toMatch(/self-service plans cap/);
    });

    it("refuses what Auth0 cannot build, naming each key", () => {
        const problems = auth0IdentityProblems({
            ...settingsFor("prod"),
            auth0Domain: "https://gravitypm.us.auth0.com/",
            callbackUrls: ["http://app.gravitypm.example.com/auth/callback"],
            logoutUrls: [],
            lockoutThreshold: 101,
            passwordMinLength: 80,
            accessTokenMinutes: 7.5,
        });
        expect(problems.map((p) => p.key)).toEqual([
            "auth0Domain",
            "identityCallbackUrls",
            "identityLogoutUrls",
            "identityPasswordMinLength",
            "identityLockoutThreshold",
            "identityAccessTokenMinutes",
        ]);
        expect(auth0IdentityProblems({ ...settingsFor("prod"), auth0Domain: undefined })[0]).toMatchObject({ key: "auth0Domain", message: expect.stringMatching(/required/) });
        expect(auth0IdentityProblems(settingsFor("staging"))).toEqual([]);
    });

    it("rejects the args before registering any resource", async () => {
        await expect(build("aws", "staging", { auth0Domain: undefined, lockoutThreshold: 0 })).rejects.toThrow(/Identity identity: auth0Domain: .*identityLockoutThreshold/);
    });
});

describe.each(["gcp", "azure"] as const)("the Auth0 identity on %s", (cloud) => {
    it("builds the same resources, settings and notes as on AWS: it touches no cloud", async () => {
        const [{ p: here, identity }, { p: aws, identity: onAws }] = [await build(cloud, "prod"), await build("aws", "prod")];
        expect(countByType(mine(here))).toEqual(EXPECTED_COUNTS);
        const inputsOf = (p: Plan) => mine(p).map((r) => [r.type, r.name, r.inputs]);
        expect(inputsOf(here)).toEqual(inputsOf(aws));
        expect(identity.notes).toEqual(onAws.notes);
    });
});

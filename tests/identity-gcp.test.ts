/**
 * Identity Platform on its own, for staging-like and prod-like settings: the APIs it needs, the
 * project config (email and password only, TOTP MFA mandatory in prod and optional in staging,
 * redirects only to the app's hosts, request logging, protected in prod), the browser key held
 * to the sign-in APIs and the app's pages, the outputs the backend trusts, and a note for every
 * setting and contract part the service does not offer.
 */
import { IDENTITY_PROFILES, identityArgs, identitySettingsFor } from "./support/identity";
import { describe, expect, it } from "vitest";
import {
    GcpIdentity,
    identityAuthorizedDomains,
    identityKeyReferrers,
    identityMfaConfig,
    identityUrlProblem,
} from "../components/gcp/identity";
import {
    IDENTITY_CAPABILITIES,
    IDENTITY_SETTING_KEYS,
    type IdentitySetting,
    type IdentitySettings,
} from "../domain/capabilities/identity";
import {
    GCP_IDENTITY_APIS,
    GCP_IDENTITY_ISSUER_PREFIX,
    GCP_IDENTITY_JWKS_URL,
    GCP_IDENTITY_TOTP_ADJACENT_INTERVALS,
} from "../domain/catalogs/gcp";
import type { Environment } from "../domain/stack-config";
import type { Plan, PlannedResource } from "../tools/plan/types";
import { buildComponent, settled } from "./support/component";
import { childrenOf, descendants, input, one } from "./support/plan";

const IDENTITY = "gravitypm:components:Identity";
const T = {
    config: "gcp:identityplatform/config:Config",
    key: "gcp:projects/apiKey:ApiKey",
    service: "gcp:projects/service:Service",
};
const PROJECT = "gravitypm-component";

/** Settings as config hands them over: the profile's, with the notes the capability table gives the service. */
function settingsFor(environment: Environment, own: Partial<IdentitySettings> = {}): IdentitySettings {
    return identitySettingsFor("identity-platform", environment, own);
}

function ownResources(p: Plan): PlannedResource[] {
    return descendants(p, one(p, IDENTITY, "identity"));
}

describe.each(["staging", "prod"] as const)("Identity Platform (%s)", (environment) => {
    const prod = environment === "prod";
    const { hosts, settings } = IDENTITY_PROFILES[environment];
    let identity: GcpIdentity | undefined;
    const built = buildComponent(
        "gcp",
        (spine) => {
            identity = new GcpIdentity("identity", identityArgs(spine, environment, settingsFor(environment)));
        },
        { environment, stack: environment },
    );

    function component(): GcpIdentity {
        if (!identity) throw new Error("the identity was not built");
        return identity;
    }

    it("registers the APIs, one config and one browser key, all children of the component", async () => {
        const p = await built;
        const own = ownResources(p);
        const root = one(p, IDENTITY, "identity");
        expect(own.map((r) => r.type).sort()).toEqual([T.config, T.key, T.service, T.service, T.service].sort());
        expect(own.every((r) => r.parent === root.urn)).toBe(true);
        expect(own.every((r) => r.provider?.endsWith("::gcp-primary"))).toBe(true);
        const services = childrenOf(p, root, T.service);
        expect(services.map((s) => input(s, "service")).sort()).toEqual(Object.values(GCP_IDENTITY_APIS.value).sort());
        for (const s of services) {
            expect(input(s, "project")).toBe(PROJECT);
            // Left on at destroy: switching Identity Toolkit off would lock every user out.
            expect(input(s, "disableOnDestroy")).toBe(false);
        }
    });

    it("signs in with email and password only, never anonymously, by phone or by email link", async () => {
        const p = await built;
        const config = one(p, T.config, "identity-config");
        expect(input(config, "project")).toBe(PROJECT);
        expect(input(config, "signIn.email")).toEqual({ enabled: true, passwordRequired: true });
        expect(input(config, "signIn.anonymous.enabled")).toBe(false);
        expect(input(config, "signIn.phoneNumber.enabled")).toBe(false);
        expect(input(config, "signIn.allowDuplicateEmails")).toBe(false);
        expect(input(config, "blockingFunctions")).toBeUndefined();
        expect(input(config, "multiTenant")).toBeUndefined();
        expect(input(config, "monitoring.requestLogging.enabled")).toBe(true);
    });

    it(`${prod ? "requires" : "offers"} a TOTP second factor and never SMS`, async () => {
        const p = await built;
        const config = one(p, T.config, "identity-config");
        expect(input(config, "mfa.state")).toBe(prod ? "MANDATORY" : "ENABLED");
        expect(input(config, "mfa.enabledProviders")).toEqual([]);
        expect(input(config, "mfa.providerConfigs")).toEqual([{ state: "ENABLED", totpProviderConfig: { adjacentIntervals: GCP_IDENTITY_TOTP_ADJACENT_INTERVALS.value.value } }]);
        const { min, max } = GCP_IDENTITY_TOTP_ADJACENT_INTERVALS.value;
        expect(GCP_IDENTITY_TOTP_ADJACENT_INTERVALS.value.value).toBeGreaterThanOrEqual(min);
        expect(GCP_IDENTITY_TOTP_ADJACENT_INTERVALS.value.value).toBeLessThanOrEqual(max);
    });

    it("redirects only to the app's hosts, never to localhost", async () => {
        const p = await built;
        const domains = input(one(p, T.config, "identity-config"), "authorizedDomains") as string[];
        expect(domains.sort()).toEqual([hosts.app, hosts.api, hosts.static].sort());
        expect(domains).not.toContain("localhost");
        for (const url of [...settings.callbackUrls, ...settings.logoutUrls]) expect(domains).toContain(new URL(url).hostname);
    });

    it(`keeps the user directory ${prod ? "protected" : "unprotected, so staging stays one destroy"}`, async () => {
        const p = await built;
        expect(one(p, T.config, "identity-config").protect).toBe(prod);
        expect(ownResources(p).filter((r) => r.protect).map((r) => r.name)).toEqual(prod ? ["identity-config"] : []);
    });

    it("holds the browser key to the two sign-in APIs and to pages of the app", async () => {
        const p = await built;
        const key = one(p, T.key, "identity-web-key");
        expect(input(key, "name")).toBe(`gravitypm-${environment}-identity-web`);
        expect(String(input(key, "name"))).toMatch(/^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/);
        expect(input(key, "restrictions.apiTargets")).toEqual([{ service: "identitytoolkit.googleapis.com" }, { service: "securetoken.googleapis.com" }]);
        expect(input(key, "restrictions.browserKeyRestrictions.allowedReferrers")).toEqual([`https://${hosts.app}/*`]);
        // A key bound to a service account would authenticate as it; this one only identifies the project.
        expect(input(key, "serviceAccountEmail")).toBeUndefined();
        const services = childrenOf(p, one(p, IDENTITY, "identity"), T.service).map((s) => s.urn);
        expect(services.every((urn) => key.dependencies.includes(urn))).toBe(true);
        expect(services.every((urn) => one(p, T.config, "identity-config").dependencies.includes(urn))).toBe(true);
    });

    it("gives the backend the issuer, keys and audience of Identity Platform ID tokens, and a secret it never uses", async () => {
        await built;
        const c = component();
        expect(c.service).toBe("identity-platform");
        const [issuer, jwks, apiClientId, secret, webClientId] = await Promise.all([
            settled(c.issuerUrl),
            settled(c.jwksUrl),
            settled(c.apiClientId),
            settled(c.apiClientSecret),
            settled(c.webClientId),
        ]);
        expect(issuer.value).toBe(`${GCP_IDENTITY_ISSUER_PREFIX.value}${PROJECT}`);
        expect(issuer.value).toBe(`https://securetoken.google.com/${PROJECT}`);
        expect(jwks.value).toBe(GCP_IDENTITY_JWKS_URL.value);
        // The audience of an ID token is the project id.
        expect(apiClientId.value).toBe(PROJECT);
        expect(apiClientId.secret).toBe(false);
        expect(secret).toEqual({ value: "", secret: true });
        expect(webClientId.value).toMatch(/^AIza/);
    });

    it("starts and ends sign-in on the app's own pages", async () => {
        await built;
        const [signIn, signOut] = await Promise.all([settled(component().signInUrl), settled(component().signOutUrl)]);
        expect(signIn.value).toBe(settings.callbackUrls[0]);
        expect(signOut.value).toBe(settings.logoutUrls[0]);
    });

    it("announces every profile setting the table says it cannot apply, and the contract parts it lacks", async () => {
        await built;
        const notes = component().notes;
        const table = IDENTITY_CAPABILITIES["identity-platform"];
        const notApplied = (Object.keys(IDENTITY_SETTING_KEYS) as IdentitySetting[]).filter((s) => {
            const support = table[s];
            return support.kind === "unsupported" || (support.kind === "fixed" && support.value !== settings[s]);
        });
        // Password length and complexity, lockout and refresh lifetime always; the token lifetime
        // only where the profile asks other than the fixed hour.
        expect(notApplied.sort()).toEqual(
            (prod
                ? ["accessTokenMinutes", "lockoutThreshold", "passwordComplexity", "passwordMinLength", "refreshTokenDays"]
                : ["lockoutThreshold", "passwordComplexity", "passwordMinLength", "refreshTokenDays"]
            ).sort(),
        );
        for (const setting of notApplied) expect(notes.some((n) => n.startsWith(`${IDENTITY_SETTING_KEYS[setting]}=`)), setting).toBe(true);
        // MFA is applied, so it is never announced as a gap.
        expect(notes.some((n) => n.startsWith("identityMfa="))).toBe(false);
        expect(notes.some((n) => n.includes("no OAuth client registration, so no PKCE client"))).toBe(true);
        expect(notes.some((n) => n.includes("no confidential client") && n.includes("apiClientSecret is empty and unused"))).toBe(true);
        expect(notes.some((n) => n.includes("no sign-in or sign-out page"))).toBe(true);
        expect(notes.some((n) => n.includes("TOTP only") && n.includes("verified email"))).toBe(true);
    });
});

describe("Identity Platform with MFA off (a staging stack that set identityMfa=off)", () => {
    let identity: GcpIdentity | undefined;
    const built = buildComponent(
        "gcp",
        (spine) => {
            identity = new GcpIdentity("identity", identityArgs(spine, "staging", settingsFor("staging", { mfa: "off" })));
        },
        { stack: "staging-nomfa" },
    );

    it("turns MFA and the TOTP provider off and says nothing about enrolment", async () => {
        const p = await built;
        expect(input(one(p, T.config, "identity-config"), "mfa")).toEqual(identityMfaConfig("off"));
        expect(identityMfaConfig("off").state).toBe("DISABLED");
        expect(identityMfaConfig("off").providerConfigs[0].state).toBe("DISABLED");
        expect(identity?.notes.some((n) => n.includes("TOTP only"))).toBe(false);
    });
});

describe("Identity Platform refuses what it cannot build", () => {
    it("names each bad key at once: another provider, MFA short of required in prod, URLs off the app's hosts", async () => {
        await expect(
            buildComponent(
                "gcp",
                (spine) =>
                    new GcpIdentity(
                        "identity",
                        identityArgs(
                            spine,
                            "prod",
                            settingsFor("prod", {
                                provider: "auth0",
                                mfa: "optional",
                                callbackUrls: ["http://app.gravitypm.example.com/auth/callback"],
                                logoutUrls: ["https://elsewhere.example.org/"],
                            }),
                        ),
                    ),
                { environment: "prod", stack: "prod-refused" },
            ),
        ).rejects.toThrow(/identityProvider: is auth0.*identityMfa: is optional; prod requires required.*identityCallbackUrls: http:\/\/app\.gravitypm\.example\.com\/auth\/callback.*identityLogoutUrls: https:\/\/elsewhere\.example\.org\//);
    });

    it("needs at least one callback and one logout URL", () => {
        const hosts = IDENTITY_PROFILES.staging.hosts;
        expect(identityUrlProblem("identityCallbackUrls", [], hosts)?.message).toMatch(/names no URL/);
        expect(identityUrlProblem("identityLogoutUrls", ["not a url"], hosts)?.message).toMatch(/must be https on one of the app's hosts/);
        expect(identityUrlProblem("identityLogoutUrls", [`https://${hosts.app}/`], hosts)).toBeUndefined();
    });
});

describe("Identity Platform domains and referrers", () => {
    const hosts = IDENTITY_PROFILES.prod.hosts;

    it("authorises each of the app's hosts once, whatever the URLs repeat", () => {
        const urls = { callbackUrls: [`https://${hosts.app}/auth/callback`, `https://${hosts.app}/auth/other`], logoutUrls: [`https://${hosts.static}/bye`] };
        expect(identityAuthorizedDomains(hosts, urls)).toEqual([hosts.app, hosts.api, hosts.static]);
    });

    it("answers referrers from the pages that sign in and out, not the API", () => {
        const urls = { callbackUrls: [`https://${hosts.app}/auth/callback`], logoutUrls: [`https://${hosts.static}/bye`] };
        expect(identityKeyReferrers(hosts, urls)).toEqual([`https://${hosts.app}/*`, `https://${hosts.static}/*`]);
    });
});

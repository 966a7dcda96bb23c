/**
 * Entra External ID on its own, for staging-like and prod-like settings: the external tenant in
 * the site's resource group (data location and country from the region, a valid global domain
 * prefix, protected and locked in prod), the azuread provider bound to it, the SPA web app (PKCE,
 * no implicit grant, exactly the callback and logout URLs), the API with its scope and v2.0
 * tokens, the rotating client secret kept secret, admin consent, MFA by Conditional Access in
 * prod, the ciamlogin.com outputs, and a note for every setting and contract part not applied.
 */
import { IDENTITY_PROFILES, identityArgs, identitySettingsFor } from "./support/identity";
import { describe, expect, it } from "vitest";
import {
    API_SCOPE,
    AzureIdentity,
    azureIdentityProblems,
    CLIENT_SECRET_ROTATION,
    clientSecretSlots,
    clientSecretWindow,
    entraContractNotes,
    entraDomainPrefix,
    SECRET_SLOT_NAMES,
    spaRedirectUris,
} from "../components/azure/identity";
import {
    IDENTITY_CAPABILITIES,
    IDENTITY_SETTING_KEYS,
    type IdentitySetting,
    type IdentitySettings,
} from "../domain/capabilities/identity";
import {
    ENTRA_CIAM_DOMAIN_PREFIX,
    ENTRA_CIAM_ENDPOINTS,
    ENTRA_CIAM_SKU,
    ENTRA_EXTERNAL_ID_DATA_LOCATIONS,
    entraCiamEndpoint,
    MICROSOFT_GRAPH,
} from "../domain/catalogs/azure";
import { REGIONS } from "../domain/regions";
import type { Environment } from "../domain/stack-config";
import { shortHash } from "../tools/plan/mocks/common";
import type { Plan, PlannedResource } from "../tools/plan/types";
import { buildComponent, settled } from "./support/component";
import { descendants, input, one } from "./support/plan";

const IDENTITY = "gravitypm:components:Identity";
const T = {
    tenant: "azure-native:azureactivedirectory:CIAMTenant",
    lock: "azure-native:authorization:ManagementLockByScope",
    suffix: "random:index/randomString:RandomString",
    provider: "pulumi:providers:azuread",
    application: "azuread:index/application:Application",
    identifierUri: "azuread:index/applicationIdentifierUri:ApplicationIdentifierUri",
    principal: "azuread:index/servicePrincipal:ServicePrincipal",
    grant: "azuread:index/servicePrincipalDelegatedPermissionGrant:ServicePrincipalDelegatedPermissionGrant",
    password: "azuread:index/applicationPassword:ApplicationPassword",
    policy: "azuread:index/conditionalAccessPolicy:ConditionalAccessPolicy",
};

/** Settings as config hands them over: the profile's, with the notes the capability table gives the service. */
function settingsFor(environment: Environment, own: Partial<IdentitySettings> = {}): IdentitySettings {
    return identitySettingsFor("entra-external-id", environment, own);
}

function ownResources(p: Plan): PlannedResource[] {
    return descendants(p, one(p, IDENTITY, "identity"));
}

describe("pure helpers", () => {
    it("windows the client secret from a fixed epoch: 180 days from the window's start, a new one every 90", () => {
        const first = clientSecretWindow(new Date("2026-01-01T00:00:00Z"));
        expect(first).toEqual({ start: "2026-01-01T00:00:00Z", endDate: "2026-06-30T00:00:00Z" });
        // The same secret all through a window, the next one from its last instant.
        expect(clientSecretWindow(new Date("2026-03-31T23:59:59Z"))).toEqual(first);
        const second = clientSecretWindow(new Date("2026-04-01T00:00:00Z"));
        expect(second.start).toBe("2026-04-01T00:00:00Z");
        const days = (Date.parse(second.endDate) - Date.parse(second.start)) / 86_400_000;
        expect(days).toBe(CLIENT_SECRET_ROTATION.validDays);
        expect(second.endDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    });

    it("keeps two secret slots: the current window's and the one before, each replaced every other window", () => {
        const early = clientSecretSlots(new Date("2026-02-01T00:00:00Z"));
        expect(early.current).toBe(0);
        expect(early.slots[0].start).toBe("2026-01-01T00:00:00Z");
        expect(early.slots[1].start).toBe("2025-10-03T00:00:00Z");
        // The previous slot is still valid when the window starts, and lapses when the next one does.
        expect(early.slots[1].endDate).toBe("2026-04-01T00:00:00Z");
        const next = clientSecretSlots(new Date("2026-04-01T00:00:00Z"));
        expect(next.current).toBe(1);
        // Rotation replaced slot b only; slot a, now the previous one, is untouched.
        expect(next.slots[0]).toEqual(early.slots[0]);
        expect(next.slots[1]).toEqual(clientSecretWindow(new Date("2026-04-01T00:00:00Z")));
        expect(Date.parse(next.slots[0].endDate)).toBeGreaterThan(Date.parse("2026-04-01T00:00:00Z"));
    });

    it("derives a domain prefix Entra accepts from the stack's name, the suffix kept whole", () => {
        const { maxLength, pattern } = ENTRA_CIAM_DOMAIN_PREFIX.value;
        expect(entraDomainPrefix("gravitypm-prod", "1a2b3c")).toBe("gravitypmprodid1a2b3c");
        const long = entraDomainPrefix("gravitypm-preview-feature-x", "1a2b3c");
        expect(long.length).toBeLessThanOrEqual(maxLength);
        expect(long).toMatch(pattern);
        expect(long.endsWith("id1a2b3c")).toBe(true);
    });

    it("refuses a region without an External ID data location, non-https URLs and no callback", () => {
        const ok = { provider: "native", callbackUrls: ["https://app.example.com/auth/callback"], logoutUrls: ["https://app.example.com/"] } as const;
        expect(azureIdentityProblems("eastus", ok)).toEqual([]);
        expect(azureIdentityProblems("australiaeast", ok).map((p) => p.key)).toEqual(["azureRegion"]);
        expect(azureIdentityProblems("eastus", { provider: "native", callbackUrls: [], logoutUrls: ["http://app.example.com/"] }).map((p) => p.key)).toEqual([
            "identityCallbackUrls",
            "identityLogoutUrls",
        ]);
    });

    it("knows a data location for every zoned region it admits, and only the locations ARM takes", () => {
        for (const [region, { location, countryCode }] of Object.entries(ENTRA_EXTERNAL_ID_DATA_LOCATIONS.value)) {
            expect(REGIONS.azure.has(region), region).toBe(true);
            expect(["United States", "Europe", "Asia Pacific"]).toContain(location);
            expect(countryCode).toMatch(/^[A-Z]{2}$/);
        }
    });

    it("registers logout URLs beside the callbacks, once each", () => {
        expect(spaRedirectUris({ callbackUrls: ["https://a/auth/callback", "https://a/"], logoutUrls: ["https://a/"] })).toEqual(["https://a/auth/callback", "https://a/"]);
    });
});

describe.each(["staging", "prod"] as const)("Entra External ID (%s)", (environment) => {
    const prod = environment === "prod";
    const { settings } = IDENTITY_PROFILES[environment];
    const prefix = `gravitypm-${environment}`;
    let identity: AzureIdentity | undefined;
    const built = buildComponent(
        "azure",
        (spine) => {
            identity = new AzureIdentity("identity", identityArgs(spine, environment, settingsFor(environment)));
        },
        { environment, stack: environment },
    );

    function component(): AzureIdentity {
        if (!identity) throw new Error("the identity was not built");
        return identity;
    }

    it(`registers the tenant, the Entra objects${prod ? ", the lock and the MFA policy" : ""}, all children of the component`, async () => {
        const p = await built;
        const root = one(p, IDENTITY, "identity");
        const own = ownResources(p);
        const expected = [
            T.suffix,
            T.tenant,
            T.provider,
            T.application,
            T.application,
            T.identifierUri,
            T.principal,
            T.principal,
            T.principal,
            T.grant,
            T.grant,
            T.password,
            T.password,
            ...(prod ? [T.lock, T.policy] : []),
        ];
        expect(own.map((r) => r.type).sort()).toEqual(expected.sort());
        expect(own.every((r) => r.parent === root.urn)).toBe(true);
        // ARM resources on the site's provider, Entra objects on the tenant's.
        for (const r of own) {
            if (r.type.startsWith("azure-native:")) expect(r.provider, r.name).toMatch(/::azure-primary$/);
            if (r.type.startsWith("azuread:")) expect(r.provider, r.name).toMatch(/::identity-entra$/);
        }
    });

    it("creates the external tenant in the site's resource group, its users kept in the region's geography", async () => {
        const p = await built;
        const tenant = one(p, T.tenant, "identity-tenant");
        const residency = ENTRA_EXTERNAL_ID_DATA_LOCATIONS.value.eastus;
        expect(input(tenant, "resourceGroupName")).toBe(`${prefix}-primary`);
        expect(input(tenant, "location")).toBe(residency.location);
        expect(input(tenant, "createTenantProperties.countryCode")).toBe(residency.countryCode);
        expect(input(tenant, "createTenantProperties.displayName")).toBe(`${prefix} customers`);
        expect(input(tenant, "sku")).toEqual(ENTRA_CIAM_SKU.value);
        const name = String(input(tenant, "resourceName"));
        expect(name).toMatch(ENTRA_CIAM_DOMAIN_PREFIX.value.pattern);
        expect(name.startsWith(`gravitypm${environment}id`)).toBe(true);
        expect(input(tenant, "tags.environment")).toBe(environment);
    });

    it(`keeps the customer directory ${prod ? "protected and locked against deletion" : "unprotected, so staging stays one destroy"}`, async () => {
        const p = await built;
        const tenant = one(p, T.tenant, "identity-tenant");
        expect(tenant.protect).toBe(prod);
        expect(ownResources(p).filter((r) => r.protect).map((r) => r.name)).toEqual(prod ? ["identity-tenant"] : []);
        const locks = ownResources(p).filter((r) => r.type === T.lock);
        expect(locks.length).toBe(prod ? 1 : 0);
        if (prod) {
            expect(input(locks[0], "level")).toBe("CanNotDelete");
            expect(locks[0].dependencies).toContain(tenant.urn);
        }
    });

    it("binds the azuread provider to the new tenant's id", async () => {
        const p = await built;
        const provider = one(p, T.provider, "identity-entra");
        const { value: tenantId } = await settled(component().tenantId);
        expect(tenantId).toMatch(/^[0-9a-f-]{36}$/);
        expect(input(provider, "tenantId")).toBe(tenantId);
        expect(provider.dependencies).toContain(one(p, T.tenant, "identity-tenant").urn);
    });

    it("registers the web app as a single-page app: PKCE code flow to exactly the configured URLs, no implicit grant", async () => {
        const p = await built;
        const web = one(p, T.application, "identity-web");
        expect(input(web, "signInAudience")).toBe("AzureADMyOrg");
        expect(input(web, "singlePageApplication.redirectUris")).toEqual([...settings.callbackUrls, ...settings.logoutUrls]);
        expect(input(web, "web.redirectUris")).toBeUndefined();
        expect(input(web, "web.implicitGrant")).toEqual({ accessTokenIssuanceEnabled: false, idTokenIssuanceEnabled: false });
        expect(input(web, "fallbackPublicClientEnabled")).toBe(false);
        expect(web.secretInputs).toEqual([]);
    });

    it("asks for openid, offline_access and the API's scope, consented by the admin for all customers", async () => {
        const p = await built;
        const web = one(p, T.application, "identity-web");
        const { value: apiClientId } = await settled(component().apiClientId);
        const graph = MICROSOFT_GRAPH.value;
        expect(input(web, "requiredResourceAccesses")).toEqual([
            { resourceAppId: graph.appId, resourceAccesses: [{ id: graph.scopes.openid, type: "Scope" }, { id: graph.scopes.offline_access, type: "Scope" }] },
            { resourceAppId: apiClientId, resourceAccesses: [{ id: API_SCOPE.id, type: "Scope" }] },
        ]);
        const graphPrincipal = one(p, T.principal, "identity-graph-principal");
        expect(input(graphPrincipal, "clientId")).toBe(graph.appId);
        expect(input(graphPrincipal, "useExisting")).toBe(true);
        expect(graphPrincipal.retainOnDelete).toBe(true);
        const webPrincipal = one(p, T.principal, "identity-web-principal");
        const apiPrincipal = one(p, T.principal, "identity-api-principal");
        const graphGrant = one(p, T.grant, "identity-web-graph-consent");
        const apiGrant = one(p, T.grant, "identity-web-api-consent");
        expect(input(graphGrant, "claimValues")).toEqual(["openid", "offline_access"]);
        expect(input(apiGrant, "claimValues")).toEqual([API_SCOPE.value]);
        for (const g of [graphGrant, apiGrant]) expect(g.dependencies).toContain(webPrincipal.urn);
        expect(graphGrant.dependencies).toContain(graphPrincipal.urn);
        expect(apiGrant.dependencies).toContain(apiPrincipal.urn);
    });

    it("exposes the API's scope with v2.0 access tokens and no implicit grant, under api://<client id>", async () => {
        const p = await built;
        const api = one(p, T.application, "identity-api");
        expect(input(api, "api.requestedAccessTokenVersion")).toBe(2);
        expect(input(api, "api.oauth2PermissionScopes")).toEqual([expect.objectContaining({ id: API_SCOPE.id, value: API_SCOPE.value, type: "Admin", enabled: true })]);
        expect(input(api, "web.implicitGrant")).toEqual({ accessTokenIssuanceEnabled: false, idTokenIssuanceEnabled: false });
        const { value: clientId } = await settled(component().apiClientId);
        expect(input(one(p, T.identifierUri, "identity-api-identifier"), "identifierUri")).toBe(`api://${clientId}`);
        expect((await settled(component().apiScope)).value).toBe(`api://${clientId}/${API_SCOPE.value}`);
    });

    it("gives the API client secrets bounded to 180 days in two rotating slots, and the current one only as a secret", async () => {
        const p = await built;
        const now = new Date();
        const { current, slots } = clientSecretSlots(now);
        for (const [slot, window] of slots.entries()) {
            const password = one(p, T.password, `identity-api-secret-${SECRET_SLOT_NAMES[slot]}`);
            expect(input(password, "endDate")).toBe(window.endDate);
            expect(input(password, "rotateWhenChanged")).toEqual({ window: window.start });
            expect(password.dependencies).toContain(one(p, T.application, "identity-api").urn);
            // Never longer than 180 days, and the older slot still valid now.
            expect(Date.parse(window.endDate) - Date.parse(window.start)).toBe(CLIENT_SECRET_ROTATION.validDays * 86_400_000);
            expect(Date.parse(window.endDate)).toBeGreaterThan(now.getTime());
        }
        expect(slots[current]).toEqual(clientSecretWindow(now));
        const lifetime = (Date.parse(slots[current].endDate) - now.getTime()) / 86_400_000;
        expect(lifetime).toBeGreaterThan(CLIENT_SECRET_ROTATION.validDays - CLIENT_SECRET_ROTATION.rotateDays);
        const secret = await settled(component().apiClientSecret);
        expect(secret.secret).toBe(true);
        // The current slot's secret (the mocks derive each from its resource's name).
        expect(secret.value).toBe(`mock~${shortHash(`identity-api-secret-${SECRET_SLOT_NAMES[current]}`, 40)}`);
        // Never a tag, a description or a display name.
        for (const r of ownResources(p)) expect(JSON.stringify(r.inputs)).not.toContain(secret.value);
    });

    it(prod ? "requires MFA of every user on both registrations with an enabled Conditional Access policy" : "creates no MFA policy: External ID has no opt-in second factor", async () => {
        const p = await built;
        const policies = ownResources(p).filter((r) => r.type === T.policy);
        if (!prod) {
            expect(policies).toEqual([]);
            return;
        }
        expect(policies).toHaveLength(1);
        const [policy] = policies;
        const [web, api] = await Promise.all([settled(component().webClientId), settled(component().apiClientId)]);
        expect(input(policy, "state")).toBe("enabled");
        expect(input(policy, "conditions.users.includedUsers")).toEqual(["All"]);
        expect(input(policy, "conditions.applications.includedApplications")).toEqual([web.value, api.value]);
        expect(input(policy, "conditions.clientAppTypes")).toEqual(["all"]);
        expect(input(policy, "grantControls")).toEqual({ operator: "OR", builtInControls: ["mfa"] });
        expect(policy.dependencies).toEqual(expect.arrayContaining([one(p, T.principal, "identity-web-principal").urn, one(p, T.principal, "identity-api-principal").urn]));
    });

    it("gives the backend the tenant's ciamlogin.com issuer, keys and endpoints, and the two client ids", async () => {
        await built;
        const c = component();
        expect(c.service).toBe("entra-external-id");
        const [tenantId, issuer, jwks, signIn, signOut, web, api] = await Promise.all([
            settled(c.tenantId),
            settled(c.issuerUrl),
            settled(c.jwksUrl),
            settled(c.signInUrl),
            settled(c.signOutUrl),
            settled(c.webClientId),
            settled(c.apiClientId),
        ]);
        const id = tenantId.value;
        const endpoints = ENTRA_CIAM_ENDPOINTS.value;
        expect(issuer.value).toBe(`https://${id}.ciamlogin.com/${id}/v2.0`);
        expect(issuer.value).toBe(entraCiamEndpoint(endpoints.issuer, id));
        expect(jwks.value).toBe(entraCiamEndpoint(endpoints.jwks, id));
        expect(signIn.value).toBe(entraCiamEndpoint(endpoints.authorize, id));
        expect(signOut.value).toBe(entraCiamEndpoint(endpoints.logout, id));
        expect(web.value).not.toBe(api.value);
        for (const o of [issuer, jwks, signIn, signOut, web, api]) expect(o.secret).toBe(false);
    });

    it("announces every setting the table does not apply and every contract part left to the operator", async () => {
        await built;
        const notes = component().notes;
        const table = IDENTITY_CAPABILITIES["entra-external-id"];
        for (const setting of Object.keys(IDENTITY_SETTING_KEYS) as IdentitySetting[]) {
            const support = table[setting];
            if (support.kind === "applied" || (support.kind === "fixed" && support.value === settings[setting])) continue;
            expect(notes.some((n) => n.startsWith(`${IDENTITY_SETTING_KEYS[setting]}=`)), setting).toBe(true);
        }
        // Entra's own password, lockout and token rules: every one of them differs from the profiles'.
        for (const key of ["identityPasswordMinLength", "identityPasswordComplexity", "identityLockoutThreshold", "identityAccessTokenMinutes", "identityRefreshTokenDays"]) {
            expect(notes.some((n) => n.startsWith(`${key}=`)), key).toBe(true);
        }
        expect(notes).toEqual(expect.arrayContaining(entraContractNotes(settings)));
        expect(notes.some((n) => n.includes("user flow"))).toBe(true);
        expect(notes.some((n) => n.startsWith("identityMfa=optional"))).toBe(!prod);
        expect(notes.some((n) => n.includes("email one-time passcode"))).toBe(prod);
    });
});

describe("Entra External ID refusals", () => {
    it("refuses a region with no data location before registering anything", async () => {
        await expect(
            buildComponent(
                "azure",
                (spine) => {
                    new AzureIdentity("identity", identityArgs(spine, "staging", settingsFor("staging")));
                },
                { primary: { region: "australiaeast", zones: ["1", "2", "3"], cidr: "10.0.0.0/16" } },
            ),
        ).rejects.toThrow(/azureRegion: no Microsoft Entra External ID data location is known for australiaeast/);
    });

    it("announces a custom sign-in host it cannot serve", () => {
        expect(entraContractNotes({ mfa: "required", hostname: "login.gravitypm.example.com" }).some((n) => n.startsWith("identityHostname=login.gravitypm.example.com"))).toBe(true);
    });
});

/**
 * Identity on Azure: Microsoft Entra External ID, an external (CIAM) tenant of its own with the
 * stack's app registrations in it.
 *
 *   tenant   the external tenant (azure-native CIAMTenant) in the site's resource group, its
 *            users kept in the data location of the stack's region, on a globally unique
 *            initial domain derived from the stack's name; `protect` and, with args.protect,
 *            a CanNotDelete lock (a tenant's deletion takes every customer account with it)
 *   entra    an azuread provider bound to the new tenant (see the constructor on credentials)
 *   api      the backend's registration: exposes one delegated scope, v2.0 access tokens, no
 *            implicit grant; client secrets (the confidential client) in two slots rotated
 *            on a fixed schedule, the previous one valid through the next window, only
 *            ever a pulumi.secret
 *   web      the browser's registration: a single-page application (authorization code with
 *            PKCE, which Entra enforces for SPA redirect URIs; no implicit grant) redirecting
 *            only to the configured callback and logout URLs; openid, offline_access and the
 *            API's scope admin-consented, since customers of an external tenant cannot consent
 *   mfa      with mfa "required", a Conditional Access policy requiring MFA of every user on
 *            both registrations (email one-time passcode is the second factor)
 *
 * Password rules, smart lockout and token lifetimes are Entra's own (the capability table's
 * "fixed" entries); the stack's settings for them reach the plan as notes, from the config layer.
 * Not used: args.keys (Entra encrypts directory data with Microsoft's keys; there is no customer
 * key option) and args.alerts (risky sign-ins are in the tenant's own logs, whose export needs a
 * tenant-level diagnostic setting the operator's credentials in the new tenant would have to make).
 */
import { ManagementLockByScope } from "@pulumi/azure-native/authorization/managementLockByScope";
import { CIAMTenant } from "@pulumi/azure-native/azureactivedirectory/ciamtenant";
import { Application } from "@pulumi/azuread/application";
import { ApplicationIdentifierUri } from "@pulumi/azuread/applicationIdentifierUri";
import { ApplicationPassword } from "@pulumi/azuread/applicationPassword";
import { ConditionalAccessPolicy } from "@pulumi/azuread/conditionalAccessPolicy";
import { Provider as EntraProvider } from "@pulumi/azuread/provider";
import { ServicePrincipal } from "@pulumi/azuread/servicePrincipal";
import { ServicePrincipalDelegatedPermissionGrant } from "@pulumi/azuread/servicePrincipalDelegatedPermissionGrant";
import * as pulumi from "@pulumi/pulumi";
import { RandomString } from "@pulumi/random/randomString";
import { CUSTOM_SIGN_IN_HOST, type IdentityService, type IdentitySettings } from "../../domain/capabilities/identity";
import {
    ENTRA_CIAM_DOMAIN_PREFIX,
    ENTRA_CIAM_ENDPOINTS,
    ENTRA_CIAM_SKU,
    ENTRA_EXTERNAL_ID_DATA_LOCATIONS,
    ENTRA_EXTERNAL_ID_MFA,
    entraCiamEndpoint,
    MICROSOFT_GRAPH,
    type EntraDataLocation,
} from "../../domain/catalogs/azure";
import { IDENTITY_TYPE, type Identity, type IdentityArgs } from "../contracts/identity";
import { assertBuildable, type BuildProblem } from "../shared/buildable";
import { fitName } from "../shared/naming";
import type { AzureTypes } from ".";
import { NAME_SUFFIX_LENGTH } from "./naming";

const SERVICE: IdentityService = "entra-external-id";

/**
 * The delegated scope the API exposes and the web app is granted. The id only has to be unique
 * among this application's scopes and roles; a fixed one keeps the scope stable across updates.
 */
export const API_SCOPE = { id: "6f0c2a4e-3b1d-4c7e-9a58-2d4f8b1e7c90", value: "access_as_user", displayName: "Call the GravityPM API as the signed-in user" } as const;

/**
 * The API's client secrets: two slots, each replaced every other window, so a rotation never
 * cuts off a backend still holding the previous secret. A secret lasts `validDays` from the start
 * of the window it belongs to; windows are `rotateDays` long and counted from a fixed epoch, so
 * every run in a window plans the same secrets (no time provider: @pulumi/time is not a
 * dependency here). The first `pulumi up` of a window replaces the older slot, the outputs move
 * to it, and the other slot, made a window earlier, stays valid until the next window starts:
 * pods that have not reloaded keep working. An up at least every `validDays - rotateDays` days
 * keeps the current secret from lapsing. 180 days stays well inside the two years Entra allows.
 */
export const CLIENT_SECRET_ROTATION = { rotateDays: 90, validDays: 180, epoch: "2026-01-01T00:00:00Z" } as const;

const DAY_MS = 86_400_000;

/** The secret slots' names (`<name>-api-secret-a`, `-b`). */
export const SECRET_SLOT_NAMES = ["a", "b"] as const;

/** A rotation window: when it started and when a secret made for it expires (RFC 3339). */
export interface SecretWindow {
    readonly start: string;
    readonly endDate: string;
}

function windowAt(index: number): SecretWindow {
    const length = CLIENT_SECRET_ROTATION.rotateDays * DAY_MS;
    const start = Date.parse(CLIENT_SECRET_ROTATION.epoch) + index * length;
    const rfc3339 = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
    return { start: rfc3339(start), endDate: rfc3339(start + CLIENT_SECRET_ROTATION.validDays * DAY_MS) };
}

function windowIndex(now: Date): number {
    return Math.floor((now.getTime() - Date.parse(CLIENT_SECRET_ROTATION.epoch)) / (CLIENT_SECRET_ROTATION.rotateDays * DAY_MS));
}

/** The rotation window `now` falls in. */
export function clientSecretWindow(now: Date): SecretWindow {
    return windowAt(windowIndex(now));
}

/**
 * The two secret slots at `now`: slot k holds the latest window whose index has parity k, and
 * `current` is the slot of the window `now` is in (the one the outputs carry).
 */
export function clientSecretSlots(now: Date): { readonly current: 0 | 1; readonly slots: readonly [SecretWindow, SecretWindow] } {
    const index = windowIndex(now);
    const current = ((index % 2) + 2) % 2 === 0 ? 0 : 1;
    const latest = (parity: 0 | 1) => (parity === current ? index : index - 1);
    return { current, slots: [windowAt(latest(0)), windowAt(latest(1))] };
}

/** Where the tenant of a stack in `region` keeps its users; undefined where no External ID location fits. */
export function entraDataLocation(region: string): EntraDataLocation | undefined {
    return ENTRA_EXTERNAL_ID_DATA_LOCATIONS.value[region];
}

/**
 * The tenant's initial domain prefix, `<project><stack>id<suffix>` in lowercase letters and
 * digits (e.g. `gravitypmprodid1a2b3c`, 26 at most): the domain is global across Entra, so the
 * random suffix keeps one stack's tenant from colliding with any other's.
 */
export function entraDomainPrefix(namePrefix: string, suffix: string): string {
    const rule = ENTRA_CIAM_DOMAIN_PREFIX.value;
    const name = fitName(namePrefix, {
        max: rule.maxLength,
        tail: `id${suffix}`,
        invalid: { chars: /[^A-Za-z0-9-]/, replace: "drop" },
        collapseHyphens: false,
        shrink: "project-first",
        separator: "",
    });
    if (!rule.pattern.test(name)) throw new Error(`"${name}" is not a valid External ID domain prefix (1-${rule.maxLength} letters and digits)`);
    return name;
}

/** What this component cannot build: a region with no External ID data location, redirect URLs Entra or the contract refuse. */
export function azureIdentityProblems(region: string, settings: Pick<IdentitySettings, "provider" | "callbackUrls" | "logoutUrls">): BuildProblem[] {
    const problems: BuildProblem[] = [];
    if (settings.provider !== "native") problems.push({ key: "identityProvider", message: `Microsoft Entra External ID is the native provider; ${settings.provider} is built by its own component` });
    if (!entraDataLocation(region)) {
        problems.push({
            key: "azureRegion",
            message: `no Microsoft Entra External ID data location is known for ${region} (${Object.keys(ENTRA_EXTERNAL_ID_DATA_LOCATIONS.value).join(", ")}); choose identityProvider=auth0 or one of those regions`,
        });
    }
    if (settings.callbackUrls.length === 0) problems.push({ key: "identityCallbackUrls", message: "the web app needs at least one callback URL" });
    for (const [key, urls] of [["identityCallbackUrls", settings.callbackUrls], ["identityLogoutUrls", settings.logoutUrls]] as const) {
        for (const url of urls) if (!url.startsWith("https://")) problems.push({ key, message: `${url} is not an https URL` });
    }
    return problems;
}

/**
 * What the contract asks that the providers cannot set in an external tenant, announced on every
 * stack, and the settings-dependent ones: all operator steps, done once per tenant.
 */
export function entraContractNotes(settings: Pick<IdentitySettings, "mfa" | "hostname">): string[] {
    const notes = [
        "Microsoft Entra External ID: the sign-up and sign-in user flow (local accounts with 'Email with password') and its link to the web app registration cannot be managed by @pulumi/azuread 6.9.1; until an operator creates it in the tenant (External Identities > User flows) and adds the web app, customers cannot sign up or sign in",
    ];
    if (settings.mfa === "required") {
        notes.push(
            "Microsoft Entra External ID: Conditional Access asks for email one-time passcode as the second factor, which must be enabled for all users in the tenant's Authentication methods policy (the providers cannot set it); without it MFA-required sign-ins fail",
        );
    }
    if (settings.mfa === "optional") {
        notes.push("identityMfa=optional: Microsoft Entra External ID has no opt-in second factor (MFA is a Conditional Access requirement or nothing), so no policy is created and no user is asked for one");
    }
    if (settings.hostname !== undefined && !CUSTOM_SIGN_IN_HOST[SERVICE]) {
        notes.push(`identityHostname=${settings.hostname} is not applied: External ID custom URL domains go through Azure Front Door, which this stack does not build; sign-in stays on ciamlogin.com`);
    }
    return notes;
}

/** The web app's SPA redirect URIs: the callbacks, and the logout URLs Entra accepts as post_logout_redirect_uri only when registered. */
export function spaRedirectUris(settings: Pick<IdentitySettings, "callbackUrls" | "logoutUrls">): string[] {
    return [...new Set([...settings.callbackUrls, ...settings.logoutUrls])];
}

/**
 * Sign-in through Microsoft Entra External ID. Wire as the cloud's `identity` factory:
 * `new AzureIdentity(name, args, opts)`.
 *
 * The app registrations live in the new tenant, not in the subscription's: the azuread provider
 * here is bound to the tenant's id, and it authenticates with whatever credentials the operator's
 * environment gives it (Azure CLI by default). Those credentials must be able to act inside the
 * new tenant. Its creator is made its administrator, but a fresh CIAM tenant has no sign-in
 * session for anyone yet, and a service principal of the workforce tenant is never a member of
 * it. So on a new stack the first `pulumi up` creates the tenant and then stops at the
 * registrations until the operator signs in to the new tenant once
 * (`az login --tenant <tenantId> --allow-no-subscriptions`); the second `up` completes. For
 * unattended runs the operator registers an automation app inside the tenant (Application
 * Administrator and Conditional Access Administrator rights, or the Graph permissions they
 * correspond to) and gives the provider its credentials.
 *
 * Creating the tenant through ARM likely needs a user too: the same resource provider refuses
 * service principals when it creates Azure AD B2C tenants, because the creator becomes the new
 * tenant's administrator. Destroying needs an operator as well: Entra deletes an external tenant
 * only once it holds no users but one administrator and no apps (its own b2c-extensions-app
 * included) and no user flows, none of which `pulumi destroy` removes.
 */
export class AzureIdentity extends pulumi.ComponentResource implements Identity {
    public readonly service: IdentityService = SERVICE;
    public readonly issuerUrl: pulumi.Output<string>;
    public readonly jwksUrl: pulumi.Output<string>;
    public readonly webClientId: pulumi.Output<string>;
    public readonly apiClientId: pulumi.Output<string>;
    public readonly apiClientSecret: pulumi.Output<string>;
    public readonly signInUrl: pulumi.Output<string>;
    public readonly signOutUrl: pulumi.Output<string>;
    public readonly notes: readonly string[];
    /** The external tenant's GUID. */
    public readonly tenantId: pulumi.Output<string>;
    /** The tenant's initial domain prefix (`<prefix>.ciamlogin.com`, `<prefix>.onmicrosoft.com`). */
    public readonly domainPrefix: pulumi.Output<string>;
    /** The scope the web app requests for the API (`api://<apiClientId>/access_as_user`). */
    public readonly apiScope: pulumi.Output<string>;

    constructor(name: string, args: IdentityArgs<AzureTypes>, opts?: pulumi.ComponentResourceOptions) {
        super(IDENTITY_TYPE, name, {}, opts);
        const { site, settings } = args;
        assertBuildable(this, `Identity ${name}`, azureIdentityProblems(site.location, settings));
        const residency = entraDataLocation(site.location);
        if (!residency) throw new pulumi.ResourceError(`Identity ${name}: no data location for ${site.location}`, this);
        const arm = { parent: this, provider: site.provider };

        const suffix = new RandomString(`${name}-tenant-suffix`, { length: NAME_SUFFIX_LENGTH, special: false, upper: false, numeric: true, lower: true }, { parent: this });
        this.domainPrefix = suffix.result.apply((s) => entraDomainPrefix(site.namePrefix, s));
        const tenant = new CIAMTenant(
            `${name}-tenant`,
            {
                resourceGroupName: site.resourceGroupName,
                resourceName: this.domainPrefix,
                location: residency.location,
                createTenantProperties: { displayName: `${site.namePrefix} customers`, countryCode: residency.countryCode },
                sku: { ...ENTRA_CIAM_SKU.value },
                tags: { ...site.tags },
            },
            // The location, country and name only take effect at creation (a tenant cannot move);
            // the users are data: protected, and locked against deletion where args.protect says.
            { ...arm, protect: args.protect, ignoreChanges: ["createTenantProperties"] },
        );
        if (args.protect) {
            new ManagementLockByScope(
                `${name}-tenant-lock`,
                { lockName: "identity-tenant", level: "CanNotDelete", scope: tenant.id, notes: `${site.namePrefix} customer directory: deleting the tenant deletes every customer account` },
                arm,
            );
        }
        this.tenantId = tenant.tenantId.apply((id) => {
            if (!id) throw new Error(`Identity ${name}: the external tenant reported no tenant id`);
            return id;
        });

        // Everything below is in the new tenant. See the class comment: the credentials the
        // provider finds must already be signed in to it.
        const entra = new EntraProvider(`${name}-entra`, { tenantId: this.tenantId }, { parent: this });
        const ad = { parent: this, provider: entra };

        const api = new Application(
            `${name}-api`,
            {
                displayName: `${site.namePrefix} api`,
                description: "The GravityPM backend: validates access tokens for its scope and calls as a confidential client",
                signInAudience: "AzureADMyOrg",
                api: {
                    requestedAccessTokenVersion: 2,
                    oauth2PermissionScopes: [
                        {
                            id: API_SCOPE.id,
                            value: API_SCOPE.value,
                            type: "Admin",
                            enabled: true,
                            adminConsentDisplayName: API_SCOPE.displayName,
                            adminConsentDescription: `${API_SCOPE.displayName}; granted to the web app by the stack`,
                        },
                    ],
                },
                web: { implicitGrant: { accessTokenIssuanceEnabled: false, idTokenIssuanceEnabled: false } },
            },
            // The identifier URI names the application's own client id, so it is set after
            // creation by ApplicationIdentifierUri, which this resource must not undo.
            { ...ad, ignoreChanges: ["identifierUris"] },
        );
        const identifierUri = new ApplicationIdentifierUri(`${name}-api-identifier`, { applicationId: api.id, identifierUri: pulumi.interpolate`api://${api.clientId}` }, ad);
        this.apiScope = pulumi.interpolate`${identifierUri.identifierUri}/${API_SCOPE.value}`;

        const graph = MICROSOFT_GRAPH.value;
        const web = new Application(
            `${name}-web`,
            {
                displayName: `${site.namePrefix} web`,
                description: "The GravityPM browser app: authorization code with PKCE",
                signInAudience: "AzureADMyOrg",
                // SPA redirect URIs: Entra issues codes to them only with PKCE and their refresh
                // tokens are bound to the browser's origin; no web redirect URIs, no implicit grant.
                singlePageApplication: { redirectUris: spaRedirectUris(settings) },
                web: { implicitGrant: { accessTokenIssuanceEnabled: false, idTokenIssuanceEnabled: false } },
                fallbackPublicClientEnabled: false,
                requiredResourceAccesses: [
                    { resourceAppId: graph.appId, resourceAccesses: [{ id: graph.scopes.openid, type: "Scope" }, { id: graph.scopes.offline_access, type: "Scope" }] },
                    { resourceAppId: api.clientId, resourceAccesses: [{ id: API_SCOPE.id, type: "Scope" }] },
                ],
            },
            ad,
        );

        const apiPrincipal = new ServicePrincipal(`${name}-api-principal`, { clientId: api.clientId }, ad);
        const webPrincipal = new ServicePrincipal(`${name}-web-principal`, { clientId: web.clientId }, ad);
        // Microsoft Graph's principal exists in every tenant: adopted, never deleted with the stack.
        const graphPrincipal = new ServicePrincipal(`${name}-graph-principal`, { clientId: graph.appId, useExisting: true }, { ...ad, retainOnDelete: true });
        // Customers of an external tenant cannot consent: the admin grants on their behalf.
        new ServicePrincipalDelegatedPermissionGrant(
            `${name}-web-graph-consent`,
            { servicePrincipalObjectId: webPrincipal.objectId, resourceServicePrincipalObjectId: graphPrincipal.objectId, claimValues: ["openid", "offline_access"] },
            ad,
        );
        new ServicePrincipalDelegatedPermissionGrant(
            `${name}-web-api-consent`,
            { servicePrincipalObjectId: webPrincipal.objectId, resourceServicePrincipalObjectId: apiPrincipal.objectId, claimValues: [API_SCOPE.value] },
            ad,
        );

        const { current, slots } = clientSecretSlots(new Date());
        const secrets = slots.map(
            (window, slot) =>
                new ApplicationPassword(
                    `${name}-api-secret-${SECRET_SLOT_NAMES[slot]}`,
                    { applicationId: api.id, displayName: `${site.namePrefix} backend (from ${window.start})`, endDate: window.endDate, rotateWhenChanged: { window: window.start } },
                    ad,
                ),
        );

        if (settings.mfa === "required") {
            const mfa = ENTRA_EXTERNAL_ID_MFA.value;
            new ConditionalAccessPolicy(
                `${name}-mfa`,
                {
                    displayName: `${site.namePrefix}: require MFA`,
                    state: "enabled",
                    conditions: {
                        clientAppTypes: [...mfa.clientAppTypes],
                        // Both: the sign-in itself (the web app) and every token for the API.
                        applications: { includedApplications: [web.clientId, api.clientId] },
                        users: { includedUsers: [mfa.users] },
                    },
                    grantControls: { operator: mfa.operator, builtInControls: [mfa.grant] },
                },
                { ...ad, dependsOn: [webPrincipal, apiPrincipal] },
            );
        }

        const endpoints = ENTRA_CIAM_ENDPOINTS.value;
        this.issuerUrl = this.tenantId.apply((id) => entraCiamEndpoint(endpoints.issuer, id));
        this.jwksUrl = this.tenantId.apply((id) => entraCiamEndpoint(endpoints.jwks, id));
        this.signInUrl = this.tenantId.apply((id) => entraCiamEndpoint(endpoints.authorize, id));
        this.signOutUrl = this.tenantId.apply((id) => entraCiamEndpoint(endpoints.logout, id));
        this.webClientId = web.clientId;
        this.apiClientId = api.clientId;
        this.apiClientSecret = pulumi.secret(secrets[current].value);
        this.notes = [...settings.notes, ...entraContractNotes(settings)];
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

/**
 * Sign-in on GCP: Google Cloud Identity Platform, configured once per project (the stack's own
 * project, so there is one user directory per stack).
 *
 *   apis     Identity Toolkit, Token Service and API Keys, enabled here rather than in
 *            site.ts's list: only a stack whose identity provider is native uses them
 *   config   the project's Identity Platform config: email and password sign-in only (no
 *            anonymous users, no phone numbers, no email links), TOTP as the second factor,
 *            MFA MANDATORY / ENABLED / DISABLED from `settings.mfa`, OAuth redirects only to the
 *            app's own hosts, request logging on. It is the user directory: `protect` in prod
 *   web key  the browser API key the web SDK identifies the project with, restricted to the
 *            two APIs sign-in calls and to pages served from the app's hosts
 *
 * What the contract asks and the service does not have: no OAuth client registration (so no
 * PKCE client and no confidential client with a secret), no hosted sign-in or sign-out page,
 * and no password policy, lockout or refresh-token lifetime in @pulumi/gcp 9.37's Config. The
 * backend verifies Identity Platform ID tokens (issuer securetoken.google.com/<project>,
 * audience the project id) against Google's published keys, which needs no secret. Each gap is
 * in `notes`; the unsupported settings arrive there from domain/capabilities/identity.ts.
 */
// From the module index: a deep import ending in /config would match the layer rule for config/.
import { Config } from "@pulumi/gcp/identityplatform";
import { ApiKey } from "@pulumi/gcp/projects/apiKey";
import { Service } from "@pulumi/gcp/projects/service";
import * as pulumi from "@pulumi/pulumi";
import type { AppHosts } from "../../domain/capabilities/app";
import { PROD_IDENTITY, type IdentitySettings } from "../../domain/capabilities/identity";
import {
    GCP_IDENTITY_APIS,
    GCP_IDENTITY_ISSUER_PREFIX,
    GCP_IDENTITY_JWKS_URL,
    GCP_IDENTITY_MFA_STATES,
    GCP_IDENTITY_TOOLKIT_ENDPOINT,
    GCP_IDENTITY_TOTP_ADJACENT_INTERVALS,
} from "../../domain/catalogs/gcp";
import { assertBuildable, type BuildProblem } from "../shared/buildable";
import { IDENTITY_TYPE, type Identity, type IdentityArgs } from "../contracts/identity";
import { serviceShortName } from "./site";
import type { GcpTypes } from ".";

/** The domains Identity Platform may redirect to after sign-in: the app's three hosts and the
 * hosts of the configured callback and logout URLs, each once. Never localhost: a stack's
 * directory holds real users, and a developer's machine is no place to send their tokens. */
export function identityAuthorizedDomains(hosts: AppHosts, settings: Pick<IdentitySettings, "callbackUrls" | "logoutUrls">): string[] {
    const fromUrls = [...settings.callbackUrls, ...settings.logoutUrls].map((url) => new URL(url).hostname);
    return [...new Set([hosts.app, hosts.api, hosts.static, ...fromUrls])];
}

/** The referrers the browser key answers: pages of the web app and of its callback and logout
 * URLs. The API and static hosts serve no page that signs in, so they are not among them. */
export function identityKeyReferrers(hosts: AppHosts, settings: Pick<IdentitySettings, "callbackUrls" | "logoutUrls">): string[] {
    const pageHosts = [hosts.app, ...[...settings.callbackUrls, ...settings.logoutUrls].map((url) => new URL(url).hostname)];
    return [...new Set(pageHosts)].map((host) => `https://${host}/*`);
}

/** The project-level MFA config: TOTP only. SMS stays off: codes sent by SMS fall to SIM swaps
 * and phishing, every message is billed, and SMS is the usual target of toll fraud. */
export function identityMfaConfig(mfa: IdentitySettings["mfa"]): { state: string; enabledProviders: string[]; providerConfigs: { state: string; totpProviderConfig: { adjacentIntervals: number } }[] } {
    const states = GCP_IDENTITY_MFA_STATES.value;
    return {
        state: states[mfa],
        enabledProviders: [],
        // The TOTP provider has its own switch under the project's: ENABLED whenever MFA is on,
        // the project-level state deciding whether a second factor is optional or mandatory.
        providerConfigs: [
            {
                state: mfa === "off" ? states.off : states.optional,
                totpProviderConfig: { adjacentIntervals: GCP_IDENTITY_TOTP_ADJACENT_INTERVALS.value.value },
            },
        ],
    };
}

/** What the contract asks that Identity Platform does not offer, said once per stack. */
export function identityPlatformNotes(project: string, mfa: IdentitySettings["mfa"]): string[] {
    const notes = [
        "Identity Platform has no OAuth client registration, so no PKCE client: the web client id is a browser API key restricted to the Identity Toolkit and Token Service APIs and to the app's pages, and the web SDK signs in over the Identity Toolkit API (no implicit grant exists either)",
        `Identity Platform has no confidential client: apiClientId is the project id (${project}), the audience the backend checks on ID tokens from ${GCP_IDENTITY_ISSUER_PREFIX.value}${project}, and apiClientSecret is empty and unused (verifying a token needs only the published keys)`,
        `Identity Platform hosts no sign-in or sign-out page for a custom app: signInUrl and signOutUrl are the app's own callback and signed-out pages, where the web SDK calls ${GCP_IDENTITY_TOOLKIT_ENDPOINT.value} and signs out locally; the backend revokes a user's refresh tokens with the Admin SDK`,
        "Identity Platform encrypts its user store with Google-managed keys (no customer-managed key) and emits no security events of its own; its request logs go to Cloud Logging",
    ];
    if (mfa !== "off") {
        notes.push("MFA is TOTP only (SMS off); Identity Platform enrols a second factor only for a verified email address, so the app sends the verification email before enrolment");
    }
    return notes;
}

/** Whether `raw` is an https URL on one of the app's hosts. */
function onAppHost(raw: string, hosts: AppHosts): boolean {
    try {
        const url = new URL(raw);
        return url.protocol === "https:" && [hosts.app, hosts.api, hosts.static].includes(url.hostname);
    } catch {
        return false;
    }
}

/** The callback or logout URLs refused: none at all (sign-in and sign-out URLs come from the
 * first), or any not https on the app's hosts (the authorised domains are built from them). */
export function identityUrlProblem(key: string, urls: readonly string[], hosts: AppHosts): BuildProblem | undefined {
    if (urls.length === 0) return { key, message: "names no URL; the app needs at least one" };
    const bad = urls.filter((raw) => !onAppHost(raw, hosts));
    return bad.length === 0 ? undefined : { key, message: `${bad.join(", ")}: every URL must be https on one of the app's hosts (${hosts.app}, ${hosts.api}, ${hosts.static})` };
}

export class GcpIdentity extends pulumi.ComponentResource implements Identity {
    public readonly service = "identity-platform" as const;
    public readonly issuerUrl: pulumi.Output<string>;
    public readonly jwksUrl: pulumi.Output<string>;
    public readonly webClientId: pulumi.Output<string>;
    public readonly apiClientId: pulumi.Output<string>;
    public readonly apiClientSecret: pulumi.Output<string>;
    public readonly signInUrl: pulumi.Output<string>;
    public readonly signOutUrl: pulumi.Output<string>;
    public readonly notes: readonly string[];
    /** The Identity Platform config's name (`projects/<project>/config`). */
    public readonly configName: pulumi.Output<string>;

    constructor(name: string, args: IdentityArgs<GcpTypes>, opts?: pulumi.ComponentResourceOptions) {
        super(IDENTITY_TYPE, name, {}, opts);
        const { site, settings, hosts } = args;
        assertBuildable(this, `Identity ${name}`, [
            settings.provider === "native" ? undefined : { key: "identityProvider", message: `is ${settings.provider}; GcpIdentity builds Identity Platform, the native provider` },
            args.environment === "prod" && settings.mfa !== PROD_IDENTITY.mfa ? { key: "identityMfa", message: `is ${settings.mfa}; prod requires ${PROD_IDENTITY.mfa}` } : undefined,
            identityUrlProblem("identityCallbackUrls", settings.callbackUrls, hosts),
            identityUrlProblem("identityLogoutUrls", settings.logoutUrls, hosts),
        ]);
        const child = { parent: this, provider: site.provider };

        // Left on at destroy, like site.ts's APIs: turning Identity Toolkit off would lock every
        // user out, and other workloads in the project may call the same APIs.
        const apis = Object.values(GCP_IDENTITY_APIS.value).map(
            (service) => new Service(`${name}-${serviceShortName(service)}`, { project: site.project, service, disableOnDestroy: false }, child),
        );

        // One config per project, which Identity Platform cannot delete (destroying it only
        // forgets it): it holds the users, so prod protects it from a replace as well. A project
        // whose Identity Platform is already on (a console click, or a destroyed stack brought
        // back) fails the create with "Identity Platform has already been enabled for this
        // project" (hashicorp/terraform-provider-google#16520, #17322): import it instead,
        // `pulumi import gcp:identityplatform/config:Config <name>-config projects/<project>/config`.
        const config = new Config(
            `${name}-config`,
            {
                project: site.project,
                signIn: {
                    // The password is the first factor MFA builds on; an email link alone would
                    // make the mailbox the only factor.
                    email: { enabled: true, passwordRequired: true },
                    allowDuplicateEmails: false,
                    // Anonymous and phone-number sign-in cannot take a second factor, so either
                    // would be a way round MFA.
                    anonymous: { enabled: false },
                    phoneNumber: { enabled: false },
                },
                mfa: identityMfaConfig(settings.mfa),
                authorizedDomains: identityAuthorizedDomains(hosts, settings),
                // Every sign-in request in Cloud Logging: the only record of failed attempts,
                // which the service does not lock accounts on.
                monitoring: { requestLogging: { enabled: true } },
                // Anonymous sign-in is off; were it turned on by hand, its users would not pile up.
                autodeleteAnonymousUsers: true,
                // No blocking functions, no tenants. The sign-up quota override is temporary (a
                // start time and a duration), a tool for an incident rather than a standing setting.
            },
            { ...child, dependsOn: apis, protect: args.protect },
        );

        const key = new ApiKey(
            `${name}-web-key`,
            {
                project: site.project,
                name: `${site.namePrefix}-identity-web`,
                displayName: `${site.namePrefix}: web sign-in (Identity Platform)`,
                restrictions: {
                    // Sign-in calls the Identity Toolkit API; keeping a session calls the Token
                    // Service API to trade the refresh token for a new ID token each hour.
                    apiTargets: [{ service: GCP_IDENTITY_APIS.value.identityToolkit }, { service: GCP_IDENTITY_APIS.value.tokenService }],
                    browserKeyRestrictions: { allowedReferrers: identityKeyReferrers(hosts, settings) },
                },
            },
            { ...child, dependsOn: apis },
        );

        const project = config.project;
        this.configName = config.name;
        this.issuerUrl = pulumi.interpolate`${GCP_IDENTITY_ISSUER_PREFIX.value}${project}`;
        this.jwksUrl = pulumi.output(GCP_IDENTITY_JWKS_URL.value);
        // The key is secret in state (the provider marks keyString so); the browser bundle
        // carries it all the same, which is why it is held to the app's referrers and two APIs.
        this.webClientId = key.keyString;
        this.apiClientId = project;
        this.apiClientSecret = pulumi.secret("");
        this.signInUrl = pulumi.output(settings.callbackUrls[0]);
        this.signOutUrl = pulumi.output(settings.logoutUrls[0]);
        this.notes = [...settings.notes, ...identityPlatformNotes(site.project, settings.mfa)];

        this.registerOutputs({
            issuerUrl: this.issuerUrl,
            jwksUrl: this.jwksUrl,
            webClientId: this.webClientId,
            apiClientId: this.apiClientId,
            apiClientSecret: this.apiClientSecret,
            signInUrl: this.signInUrl,
            signOutUrl: this.signOutUrl,
            configName: this.configName,
        });
    }
}

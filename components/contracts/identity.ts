/**
 * Identity: the managed identity provider GravityPM delegates sign-in to (OAuth 2.0 / OpenID
 * Connect with MFA, a password policy, lockout and token lifetimes from config).
 *
 * Two clients, as an experienced team registers them:
 *   web   a public client (the browser app): authorization code with PKCE, no secret, refresh
 *         tokens rotating on use, redirects only to the configured callback and logout URLs
 *   api   a confidential client (the backend): its secret is a `pulumi.secret`, delivered to
 *         the app as a Kubernetes Secret; the backend validates access tokens against the
 *         issuer's JWKS
 * Never the implicit grant. What a service cannot apply is a config error when the stack set
 * it, else a note (`notes`, from domain/capabilities/identity.ts) the plan shows.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { AppHosts } from "../../domain/capabilities/app";
import type { IdentityService, IdentitySettings } from "../../domain/capabilities/identity";
import type { Environment } from "../../domain/stack-config";
import type { CloudTypes } from "./cloud";

export const IDENTITY_TYPE = "gravitypm:components:Identity";

export interface IdentityArgs<T extends CloudTypes> {
    /** The primary region: where a regional service (Cognito) keeps its directory. */
    readonly site: T["site"];
    /** Encrypts what the service lets a customer key encrypt (the client secret in the cloud's secret store). */
    readonly keys: T["keys"];
    /** Where the service's security events (compromised credentials, high-risk sign-ins) go, where it emits them. */
    readonly alerts: T["alerts"];
    readonly environment: Environment;
    readonly settings: IdentitySettings;
    /** The app's host names: allowed origins, authorised domains. */
    readonly hosts: AppHosts;
    /** `protect` on the user directory (user pool, tenant): the users are data. Prod: true. */
    readonly protect: boolean;
}

export interface Identity {
    readonly service: IdentityService;
    /** The OpenID issuer the backend trusts (`iss` of every token). */
    readonly issuerUrl: pulumi.Output<string>;
    /** Where the issuer's signing keys are published. */
    readonly jwksUrl: pulumi.Output<string>;
    /** The public PKCE client the browser app signs in with. */
    readonly webClientId: pulumi.Output<string>;
    /** The confidential client the backend uses. */
    readonly apiClientId: pulumi.Output<string>;
    /** Secret. */
    readonly apiClientSecret: pulumi.Output<string>;
    /** Where the browser starts sign-in (the authorization endpoint or hosted page). */
    readonly signInUrl: pulumi.Output<string>;
    /** Where the browser signs out at the provider. */
    readonly signOutUrl: pulumi.Output<string>;
    /** Settings from the profile the service does not apply, and contract parts it does not offer. */
    readonly notes: readonly string[];
}

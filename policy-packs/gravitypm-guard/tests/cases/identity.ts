import type { UserPoolArgs as CognitoUserPoolArgs } from "@pulumi/aws/cognito/userPool";
import type { UserPoolClientArgs as CognitoUserPoolClientArgs } from "@pulumi/aws/cognito/userPoolClient";
import type { ConfigArgs as IdentityplatformConfigArgs } from "@pulumi/gcp/identityplatform/config";
import type { ApplicationArgs as AzureadApplicationArgs } from "@pulumi/azuread/application";
import type { ApplicationRedirectUrisArgs as AzureadApplicationRedirectUrisArgs } from "@pulumi/azuread/applicationRedirectUris";
import type { AttackProtectionArgs as Auth0AttackProtectionArgs } from "@pulumi/auth0/attackProtection";
import type { ClientArgs as Auth0ClientArgs } from "@pulumi/auth0/client";
import type { ConnectionArgs as Auth0ConnectionArgs } from "@pulumi/auth0/connection";
import type { GuardianArgs as Auth0GuardianArgs } from "@pulumi/auth0/guardian";
import { auth0AttackProtectionBreachedPasswords } from "../../rules/identity/auth0-attack-protection-breached-passwords";
import { auth0AttackProtectionBruteForce } from "../../rules/identity/auth0-attack-protection-brute-force";
import { auth0ClientNoImplicitGrant } from "../../rules/identity/auth0-client-no-implicit-grant";
import { auth0ConnectionBruteForceProtection } from "../../rules/identity/auth0-connection-brute-force-protection";
import { auth0ConnectionPasswordLength } from "../../rules/identity/auth0-connection-password-length";
import { auth0GuardianMfaProd } from "../../rules/identity/auth0-guardian-mfa-prod";
import { cognitoUserPoolClientNoImplicitGrant } from "../../rules/identity/cognito-user-pool-client-no-implicit-grant";
import { cognitoUserPoolClientTokenValidity } from "../../rules/identity/cognito-user-pool-client-token-validity";
import { cognitoUserPoolClientUserExistenceErrors } from "../../rules/identity/cognito-user-pool-client-user-existence-errors";
import { cognitoUserPoolMfaProd } from "../../rules/identity/cognito-user-pool-mfa-prod";
import { cognitoUserPoolPasswordLength } from "../../rules/identity/cognito-user-pool-password-length";
import { cognitoUserPoolThreatProtectionProd } from "../../rules/identity/cognito-user-pool-threat-protection-prod";
import { entraApplicationNoImplicitGrant } from "../../rules/identity/entra-application-no-implicit-grant";
import { ENTRA_APPLICATION_REDIRECT_URIS, entraApplicationRedirectUris } from "../../rules/identity/entra-application-redirect-uris";
import { identityPlatformAuthorizedDomainsProd } from "../../rules/identity/identity-platform-authorized-domains-prod";
import { identityPlatformMfaProd } from "../../rules/identity/identity-platform-mfa-prod";
import { identityPlatformNoAnonymousProd } from "../../rules/identity/identity-platform-no-anonymous-prod";
import { inputsOf, type RuleCase } from "./types";

const userPool = inputsOf<CognitoUserPoolArgs>;
const userPoolClient = inputsOf<CognitoUserPoolClientArgs>;
const identityPlatform = inputsOf<IdentityplatformConfigArgs>;
const application = inputsOf<AzureadApplicationArgs>;
const applicationRedirectUris = inputsOf<AzureadApplicationRedirectUrisArgs>;
const attackProtection = inputsOf<Auth0AttackProtectionArgs>;
const auth0Client = inputsOf<Auth0ClientArgs>;
const connection = inputsOf<Auth0ConnectionArgs>;
const guardian = inputsOf<Auth0GuardianArgs>;

const CALLBACK = "https://app.gravitypm.example.com/auth/callback";

/** The web client the Identity components build: code flow with PKCE, no secret, prod lifetimes. */
const WEB_CLIENT = {
    userPoolId: "us-east-1_abc",
    allowedOauthFlowsUserPoolClient: true,
    allowedOauthFlows: ["code"],
    allowedOauthScopes: ["openid", "email", "profile"],
    callbackUrls: [CALLBACK],
    generateSecret: false,
    preventUserExistenceErrors: "ENABLED",
    accessTokenValidity: 15,
    idTokenValidity: 15,
    refreshTokenValidity: 14,
    tokenValidityUnits: { accessToken: "minutes", idToken: "minutes", refreshToken: "days" },
} as const;

export const identityCases: readonly RuleCase[] = [
    // Cognito user pools
    {
        rule: cognitoUserPoolMfaProd,
        compliant: userPool({ mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true } }),
        violating: userPool({ mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true } }),
        extra: [
            { name: "MFA left at the provider default (OFF) in prod", props: userPool({}), violates: true },
            { name: "optional MFA in staging", environment: "staging", props: userPool({ mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true } }), violates: false },
            { name: "an environment tag saying prod outranks the stack name", environment: "staging", props: userPool({ mfaConfiguration: "OPTIONAL", tags: { environment: "prod" } }), violates: true },
        ],
    },
    {
        rule: cognitoUserPoolPasswordLength,
        compliant: userPool({ passwordPolicy: { minimumLength: 14, requireLowercase: true, requireUppercase: true, requireNumbers: true } }),
        violating: userPool({ passwordPolicy: { minimumLength: 10 } }),
        stricter: { prodMinimumPasswordLength: 16 },
        extra: [
            { name: "no password policy (Cognito's 8) in prod", props: userPool({}), violates: true },
            { name: "10 characters in staging", environment: "staging", props: userPool({ passwordPolicy: { minimumLength: 10 } }), violates: false },
            { name: "6 characters in staging", environment: "staging", props: userPool({ passwordPolicy: { minimumLength: 6 } }), violates: true },
            { name: "a stricter staging minimum", environment: "staging", config: { minimumPasswordLength: 12 }, props: userPool({ passwordPolicy: { minimumLength: 10 } }), violates: true },
        ],
    },
    {
        rule: cognitoUserPoolThreatProtectionProd,
        compliant: userPool({ userPoolTier: "PLUS", userPoolAddOns: { advancedSecurityMode: "ENFORCED" } }),
        violating: userPool({ userPoolTier: "PLUS", userPoolAddOns: { advancedSecurityMode: "AUDIT" } }),
        extra: [
            { name: "no add-ons in prod", props: userPool({ userPoolTier: "ESSENTIALS" }), violates: true },
            { name: "no add-ons in staging", environment: "staging", props: userPool({ userPoolTier: "ESSENTIALS" }), violates: false },
        ],
    },
    // Cognito app clients
    {
        rule: cognitoUserPoolClientNoImplicitGrant,
        compliant: userPoolClient(WEB_CLIENT),
        violating: userPoolClient({ ...WEB_CLIENT, allowedOauthFlows: ["code", "implicit"] }),
        extra: [
            { name: "a machine-to-machine client with a secret", props: userPoolClient({ userPoolId: "p", allowedOauthFlows: ["client_credentials"], generateSecret: true }), violates: false },
            { name: "implicit in staging too", environment: "staging", props: userPoolClient({ userPoolId: "p", allowedOauthFlows: ["implicit"] }), violates: true },
            { name: "flows computed at preview", props: { userPoolId: "p", allowedOauthFlows: "[unknown]" }, violates: true },
        ],
    },
    {
        rule: cognitoUserPoolClientUserExistenceErrors,
        compliant: userPoolClient(WEB_CLIENT),
        violating: userPoolClient({ ...WEB_CLIENT, preventUserExistenceErrors: "LEGACY" }),
        extra: [{ name: "left at the API default (LEGACY)", props: userPoolClient({ userPoolId: "p" }), violates: true }],
    },
    {
        rule: cognitoUserPoolClientTokenValidity,
        compliant: userPoolClient(WEB_CLIENT),
        violating: userPoolClient({ ...WEB_CLIENT, accessTokenValidity: 2, tokenValidityUnits: { accessToken: "hours", idToken: "minutes", refreshToken: "days" } }),
        stricter: { prodMaxAccessTokenMinutes: 10 },
        extra: [
            { name: "Cognito's defaults (1 hour, 30 days)", props: userPoolClient({ userPoolId: "p" }), violates: false },
            { name: "ID tokens of a day in prod", props: userPoolClient({ ...WEB_CLIENT, idTokenValidity: 1, tokenValidityUnits: { idToken: "days" } }), violates: true },
            { name: "two-hour access tokens in staging", environment: "staging", props: userPoolClient({ userPoolId: "p", accessTokenValidity: 2 }), violates: false },
            { name: "a refresh token of 90 days in staging", environment: "staging", props: userPoolClient({ userPoolId: "p", refreshTokenValidity: 90 }), violates: true },
            { name: "a refresh token of 10 hours", props: userPoolClient({ userPoolId: "p", refreshTokenValidity: 600, tokenValidityUnits: { refreshToken: "minutes" } }), violates: false },
            { name: "a shorter refresh maximum", config: { maxRefreshTokenDays: 7 }, props: userPoolClient(WEB_CLIENT), violates: true },
            { name: "a machine-to-machine client judged on access tokens only", config: { prodMaxAccessTokenMinutes: 30, maxRefreshTokenDays: 7 }, props: userPoolClient({ userPoolId: "p", allowedOauthFlows: ["client_credentials"], accessTokenValidity: 15, tokenValidityUnits: { accessToken: "minutes" } }), violates: false },
            { name: "a machine-to-machine client with hour-long access tokens", config: { prodMaxAccessTokenMinutes: 30 }, props: userPoolClient({ userPoolId: "p", allowedOauthFlows: ["client_credentials"] }), violates: true },
        ],
    },
    // Identity Platform
    {
        rule: identityPlatformMfaProd,
        compliant: identityPlatform({ mfa: { state: "MANDATORY", providerConfigs: [{ state: "ENABLED", totpProviderConfig: { adjacentIntervals: 5 } }] } }),
        violating: identityPlatform({ mfa: { state: "ENABLED", enabledProviders: ["PHONE_SMS"] } }),
        extra: [
            { name: "no MFA block (DISABLED) in prod", props: identityPlatform({}), violates: true },
            { name: "optional MFA in staging", environment: "staging", props: identityPlatform({ mfa: { state: "ENABLED" } }), violates: false },
        ],
    },
    {
        rule: identityPlatformNoAnonymousProd,
        compliant: identityPlatform({ signIn: { email: { enabled: true, passwordRequired: true }, anonymous: { enabled: false } } }),
        violating: identityPlatform({ signIn: { email: { enabled: true, passwordRequired: true }, anonymous: { enabled: true } } }),
        extra: [
            { name: "anonymous sign-in left unset", props: identityPlatform({ signIn: { email: { enabled: true } } }), violates: false },
            { name: "anonymous sign-in in staging", environment: "staging", props: identityPlatform({ signIn: { anonymous: { enabled: true } } }), violates: false },
        ],
    },
    {
        rule: identityPlatformAuthorizedDomainsProd,
        compliant: identityPlatform({ authorizedDomains: ["app.gravitypm.example.com", "gravitypm-prod.firebaseapp.com"] }),
        violating: identityPlatform({ authorizedDomains: ["app.gravitypm.example.com", "localhost"] }),
        extra: [
            { name: "unset: the defaults authorize localhost", props: identityPlatform({}), violates: true },
            { name: "a loopback address", props: identityPlatform({ authorizedDomains: ["app.gravitypm.example.com", "127.0.0.1"] }), violates: true },
            { name: "localhost in staging", environment: "staging", props: identityPlatform({ authorizedDomains: ["staging.gravitypm.example.com", "localhost"] }), violates: false },
            { name: "a domain that merely starts with localhost", props: identityPlatform({ authorizedDomains: ["localhost.gravitypm.example.com"] }), violates: false },
        ],
    },
    // Microsoft Entra
    {
        rule: entraApplicationNoImplicitGrant,
        compliant: application({ displayName: "gravitypm-prod-web", singlePageApplication: { redirectUris: [CALLBACK] }, web: { implicitGrant: { accessTokenIssuanceEnabled: false, idTokenIssuanceEnabled: false } } }),
        violating: application({ displayName: "gravitypm-prod-web", web: { redirectUris: [CALLBACK], implicitGrant: { idTokenIssuanceEnabled: true } } }),
        extra: [
            { name: "no web block at all", props: application({ displayName: "gravitypm-prod-api" }), violates: false },
            { name: "access tokens through the implicit grant in staging", environment: "staging", props: application({ web: { implicitGrant: { accessTokenIssuanceEnabled: true } } }), violates: true },
        ],
    },
    {
        rule: entraApplicationRedirectUris,
        compliant: application({ singlePageApplication: { redirectUris: [CALLBACK] }, publicClient: { redirectUris: ["ms-appx-web://microsoft.aad.brokerplugin/abc"] }, web: { redirectUris: ["http://localhost:3000/auth/callback"] } }),
        violating: application({ web: { redirectUris: ["https://*.gravitypm.example.com/auth/callback"] } }),
        extra: [
            { name: "plain http to a real host", props: application({ web: { redirectUris: ["http://app.gravitypm.example.com/auth/callback"] } }), violates: true },
            { name: "plain http to IPv4 and IPv6 loopback", props: application({ web: { redirectUris: ["http://127.0.0.1:8080/cb", "http://[::1]:3000/cb"] } }), violates: false },
            { name: "plain http to a host named like localhost", props: application({ web: { redirectUris: ["http://localhost.attacker.example/cb"] } }), violates: true },
            { name: "a wildcard path on an SPA", props: application({ singlePageApplication: { redirectUris: ["https://app.gravitypm.example.com/*"] } }), violates: true },
            {
                name: "a wildcard added by ApplicationRedirectUris",
                type: ENTRA_APPLICATION_REDIRECT_URIS,
                props: applicationRedirectUris({ applicationId: "/applications/1", type: "Web", redirectUris: ["https://*.example.com/cb"] }),
                violates: true,
            },
            { name: "exact URIs added by ApplicationRedirectUris", type: ENTRA_APPLICATION_REDIRECT_URIS, props: applicationRedirectUris({ applicationId: "/applications/1", type: "SPA", redirectUris: [CALLBACK] }), violates: false },
        ],
    },
    // Auth0
    {
        rule: auth0ClientNoImplicitGrant,
        compliant: auth0Client({ name: "gravitypm-web", appType: "regular_web", grantTypes: ["authorization_code", "refresh_token"], oidcConformant: true, callbacks: [CALLBACK] }),
        violating: auth0Client({ name: "gravitypm-web", appType: "spa", grantTypes: ["implicit", "authorization_code"], oidcConformant: true }),
        extra: [
            { name: "grant types left to Auth0's defaults", props: auth0Client({ name: "gravitypm-web", oidcConformant: true }), violates: true },
            { name: "the resource owner password grant", props: auth0Client({ grantTypes: ["password"], oidcConformant: true }), violates: true },
            { name: "not OIDC-conformant", props: auth0Client({ grantTypes: ["authorization_code"] }), violates: true },
            { name: "a machine-to-machine client", props: auth0Client({ appType: "non_interactive", grantTypes: ["client_credentials"], oidcConformant: true }), violates: false },
        ],
    },
    {
        rule: auth0GuardianMfaProd,
        compliant: guardian({ policy: "all-applications", otp: true, recoveryCode: true }),
        violating: guardian({ policy: "confidence-score", otp: true }),
        extra: [
            { name: "all applications but no factor", props: guardian({ policy: "all-applications", recoveryCode: true }), violates: true },
            { name: "security keys as the factor", props: guardian({ policy: "all-applications", webauthnRoaming: { userVerification: "required" } }), violates: false },
            { name: "confidence-score in staging", environment: "staging", props: guardian({ policy: "confidence-score", otp: true }), violates: false },
        ],
    },
    {
        rule: auth0ConnectionPasswordLength,
        compliant: connection({ name: "gravitypm-users", strategy: "auth0", options: { passwordPolicy: "good", passwordComplexityOptions: { minLength: 14 }, bruteForceProtection: true } }),
        violating: connection({ name: "gravitypm-users", strategy: "auth0", options: { passwordPolicy: "excellent" } }),
        stricter: { prodMinimumPasswordLength: 16 },
        extra: [
            { name: "no password settings (strength none)", props: connection({ strategy: "auth0", options: {} }), violates: true },
            { name: "the flexible policy's default of 15", props: connection({ strategy: "auth0", options: { passwordOptions: { complexity: { characterTypes: ["lowercase", "uppercase", "number"] } } } }), violates: false },
            { name: "the flexible policy at 10", props: connection({ strategy: "auth0", options: { passwordOptions: { complexity: { minLength: 10 } } } }), violates: true },
            { name: "strength good (8) in staging", environment: "staging", props: connection({ strategy: "auth0", options: { passwordPolicy: "good" } }), violates: false },
            { name: "a social connection", props: connection({ strategy: "google-oauth2", options: {} }), violates: false },
        ],
    },
    {
        rule: auth0ConnectionBruteForceProtection,
        compliant: connection({ name: "gravitypm-users", strategy: "auth0", options: { bruteForceProtection: true } }),
        violating: connection({ name: "gravitypm-users", strategy: "auth0", options: { bruteForceProtection: false } }),
        extra: [
            { name: "left unset", props: connection({ strategy: "auth0", options: { passwordPolicy: "good" } }), violates: true },
            { name: "a social connection", props: connection({ strategy: "google-oauth2" }), violates: false },
        ],
    },
    {
        rule: auth0AttackProtectionBruteForce,
        compliant: attackProtection({ bruteForceProtection: { enabled: true, maxAttempts: 5, mode: "count_per_identifier_and_ip", shields: ["block", "user_notification"] } }),
        violating: attackProtection({ bruteForceProtection: { enabled: false } }),
        extra: [
            { name: "not configured", props: attackProtection({}), violates: true },
            { name: "enabled with Auth0's default shields", props: attackProtection({ bruteForceProtection: { enabled: true } }), violates: false },
            { name: "notification without blocking", props: attackProtection({ bruteForceProtection: { enabled: true, shields: ["user_notification"] } }), violates: true },
        ],
    },
    {
        rule: auth0AttackProtectionBreachedPasswords,
        compliant: attackProtection({ breachedPasswordDetection: { enabled: true, shields: ["block", "user_notification"] } }),
        violating: attackProtection({ breachedPasswordDetection: { enabled: false } }),
        extra: [{ name: "not configured", props: attackProtection({ bruteForceProtection: { enabled: true } }), violates: true }],
    },
];

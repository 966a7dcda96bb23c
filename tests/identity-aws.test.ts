/**
 * The Cognito identity component on its own, for staging-like and prod-like settings: the user
 * pool (Plus plan, threat protection enforced, MFA with TOTP, the password policy, email user
 * names, invitations only, protected and deletion-protected in prod), the domain (Cognito's
 * prefix domain, or a custom host with its us-east-1 certificate validated and aliased in the
 * stack's zone), the public web client (code flow, no implicit grant, rotating refresh tokens,
 * exactly the configured URLs and lifetimes), the confidential API client and its secret in
 * Secrets Manager under the stack key, the threat alarms, the outputs and the notes.
 */
import { IDENTITY_PROFILES, identityArgs, identitySettingsFor } from "./support/identity";
import { describe, expect, it } from "vitest";
import {
    API_SCOPE,
    AwsCognitoIdentity,
    COGNITO_CONTRACT_NOTES,
    COGNITO_RISK_RESPONSES,
    COGNITO_THREAT_ALARMS,
    cognitoMfaConfiguration,
    cognitoPasswordPolicy,
    cognitoThreatQuery,
    WEB_REFRESH_GRACE_SECONDS,
} from "../components/aws/identity";
import { cognitoHostnameProblem, cognitoPrefixProblem, COGNITO_MANAGED_LOGIN_VERSION } from "../components/aws/identity-domain";
import {
    IDENTITY_CAPABILITIES,
    IDENTITY_SETTING_KEYS,
    type IdentitySetting,
    type IdentitySettings,
} from "../domain/capabilities/identity";
import {
    COGNITO_CUSTOM_DOMAIN_CERTIFICATE_REGION,
    COGNITO_LOCKOUT,
    COGNITO_REFRESH_TOKEN_ROTATION,
    COGNITO_THREAT_PROTECTION_MODE,
    COGNITO_THREAT_PROTECTION_TIER,
} from "../domain/catalogs/aws";
import type { Environment } from "../domain/stack-config";
import { MOCK_ACCOUNT_ID } from "../tools/plan/mocks";
import type { Plan, PlannedResource } from "../tools/plan/types";
import { buildComponent, settled } from "./support/component";
import { byUrn, descendants, input, named, ofType, one } from "./support/plan";

const IDENTITY = "gravitypm:components:Identity";
const T = {
    pool: "aws:cognito/userPool:UserPool",
    domain: "aws:cognito/userPoolDomain:UserPoolDomain",
    client: "aws:cognito/userPoolClient:UserPoolClient",
    server: "aws:cognito/resourceServer:ResourceServer",
    branding: "aws:cognito/managedLoginBranding:ManagedLoginBranding",
    risk: "aws:cognito/riskConfiguration:RiskConfiguration",
    secret: "aws:secretsmanager/secret:Secret",
    secretVersion: "aws:secretsmanager/secretVersion:SecretVersion",
    alarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
    certificate: "aws:acm/certificate:Certificate",
    validation: "aws:acm/certificateValidation:CertificateValidation",
    record: "aws:route53/record:Record",
};
const REGION = "us-east-1";

/** Settings as config hands them over: the profile's, with the notes the capability table gives the service. */
function settingsFor(environment: Environment, own: Partial<IdentitySettings> = {}): IdentitySettings {
    return identitySettingsFor("cognito", environment, own);
}

/** Builds the component, keeping it to read its outputs. */
async function build(environment: Environment, own: Partial<IdentitySettings> = {}): Promise<{ p: Plan; identity: AwsCognitoIdentity }> {
    let identity: AwsCognitoIdentity | undefined;
    const p = await buildComponent("aws", (spine) => (identity = new AwsCognitoIdentity("identity", identityArgs(spine, environment, settingsFor(environment, own)))), { environment, stack: environment });
    if (!identity) throw new Error("the component was not built");
    return { p, identity };
}

const mine = (p: Plan): PlannedResource[] => descendants(p, one(p, IDENTITY, "identity"));
const countByType = (resources: readonly PlannedResource[]) => resources.reduce<Record<string, number>>((n, r) => ({ ...n, [r.type]: (n[r.type] ?? 0) + 1 }), {});

describe.each([
    ["staging", "OPTIONAL", false, "INACTIVE"],
    ["prod", "ON", true, "ACTIVE"],
] as const)("the Cognito identity of %s", (environment, mfa, prod, deletion) => {
    const built = build(environment, environment === "prod" ? { hostname: "auth.gravitypm.example.com" } : {});
    const profile = IDENTITY_PROFILES[environment].settings;
    const prefix = `gravitypm-${environment}`;

    it("registers the pool, domain, two clients, the API's resource server, risk responses, the secret and the threat alarms, all its own", async () => {
        const { p } = await built;
        const component = one(p, IDENTITY, "identity");
        const resources = mine(p);
        const custom = prod ? { [T.certificate]: 1, [T.validation]: 1, [T.record]: 2 } : {};
        expect(countByType(resources)).toEqual({
            [T.pool]: 1,
            [T.domain]: 1,
            [T.client]: 2,
            [T.server]: 1,
            [T.branding]: 1,
            [T.risk]: 1,
            [T.secret]: 1,
            [T.secretVersion]: 1,
            [T.alarm]: COGNITO_THREAT_ALARMS.length,
            ...custom,
        });
        expect(resources.length).toBe(prod ? 15 : 11);
        for (const r of resources) {
            expect(r.parent).toBe(component.urn);
            expect(byUrn(p, r.provider)?.name).toBe("aws-primary");
        }
    });

    it("keeps users in a pool on the Plus plan with threat protection enforced", async () => {
        const { p } = await built;
        const pool = one(p, T.pool);
        expect(input(pool, "name")).toBe(`${prefix}-users`);
        expect(input(pool, "userPoolTier")).toBe(COGNITO_THREAT_PROTECTION_TIER.value);
        expect(input(pool, "userPoolTier")).toBe("PLUS");
        expect(input(pool, "userPoolAddOns")).toEqual({ advancedSecurityMode: COGNITO_THREAT_PROTECTION_MODE.value });
        expect(COGNITO_THREAT_PROTECTION_MODE.value).toBe("ENFORCED");
    });

    it(`asks for MFA (${mfa}) with TOTP only`, async () => {
        const { p } = await built;
        const pool = one(p, T.pool);
        expect(input(pool, "mfaConfiguration")).toBe(mfa);
        expect(input(pool, "softwareTokenMfaConfiguration")).toEqual({ enabled: true });
        expect(input(pool, "smsConfiguration")).toBeUndefined();
        expect(input(pool, "emailMfaConfiguration")).toBeUndefined();
    });

    it(`holds passwords to ${profile.passwordMinLength} characters with upper, lower and a digit`, async () => {
        const { p } = await built;
        expect(input(one(p, T.pool), "passwordPolicy")).toEqual({
            minimumLength: profile.passwordMinLength,
            requireUppercase: true,
            requireLowercase: true,
            requireNumbers: true,
            requireSymbols: false,
            temporaryPasswordValidityDays: 7,
        });
    });

    it("signs users in by case-insensitive, verified email, recovers by it, and takes no self sign-up", async () => {
        const { p } = await built;
        const pool = one(p, T.pool);
        expect(input(pool, "usernameAttributes")).toEqual(["email"]);
        expect(input(pool, "usernameConfiguration")).toEqual({ caseSensitive: false });
        expect(input(pool, "autoVerifiedAttributes")).toEqual(["email"]);
        expect(input(pool, "userAttributeUpdateSettings")).toEqual({ attributesRequireVerificationBeforeUpdates: ["email"] });
        expect(input(pool, "accountRecoverySetting")).toEqual({ recoveryMechanisms: [{ name: "verified_email", priority: 1 }] });
        expect(input(pool, "adminCreateUserConfig")).toEqual({ allowAdminCreateUserOnly: true });
    });

    it(prod ? "protects the users: protect and deletion protection" : "leaves the staging pool deletable", async () => {
        const { p } = await built;
        const pool = one(p, T.pool);
        expect(pool.protect).toBe(prod);
        expect(input(pool, "deletionProtection")).toBe(deletion);
    });

    it("responds to risk: MFA for low, MFA required for medium, block for high and for compromised credentials", async () => {
        const { p, identity } = await built;
        const risk = one(p, T.risk);
        expect(input(risk, "userPoolId")).toBe((await settled(identity.userPoolId)).value);
        expect(input(risk, "clientId")).toBeUndefined();
        expect(input(risk, "accountTakeoverRiskConfiguration.actions")).toEqual({
            lowAction: { eventAction: "MFA_IF_CONFIGURED", notify: false },
            mediumAction: { eventAction: "MFA_REQUIRED", notify: false },
            highAction: { eventAction: "BLOCK", notify: false },
        });
        expect(input(risk, "compromisedCredentialsRiskConfiguration")).toEqual({
            actions: { eventAction: COGNITO_RISK_RESPONSES.compromised },
            eventFilters: ["SIGN_IN", "PASSWORD_CHANGE", "SIGN_UP"],
        });
    });

    it("gives the browser a public code-flow client: no secret, no implicit grant, exactly the configured URLs", async () => {
        const { p, identity } = await built;
        const web = named(p, "identity-web");
        expect(input(web, "generateSecret")).toBe(false);
        expect(input(web, "allowedOauthFlowsUserPoolClient")).toBe(true);
        expect(input(web, "allowedOauthFlows")).toEqual(["code"]);
        expect(input(web, "allowedOauthFlows")).not.toContain("implicit");
        expect(input(web, "allowedOauthScopes")).toEqual(["openid", "email", "profile"]);
        expect(input(web, "supportedIdentityProviders")).toEqual(["COGNITO"]);
        expect(input(web, "callbackUrls")).toEqual(profile.callbackUrls);
        expect(input(web, "logoutUrls")).toEqual(profile.logoutUrls);
        const appHost = IDENTITY_PROFILES[environment].hosts.app;
        for (const url of [...profile.callbackUrls, ...profile.logoutUrls]) expect(new URL(url).host).toBe(appHost);
        expect(input(web, "preventUserExistenceErrors")).toBe("ENABLED");
        expect(input(web, "enableTokenRevocation")).toBe(true);
        expect(input(web, "name")).toBe(`${prefix}-web`);
        // Managed login serves the client's pages once it has a style: Cognito's defaults.
        const branding = one(p, T.branding);
        expect(input(branding, "clientId")).toBe((await settled(identity.webClientId)).value);
        expect(input(branding, "useCognitoProvidedValues")).toBe(true);
    });

    it(`issues ${profile.accessTokenMinutes}-minute access and ID tokens and ${profile.refreshTokenDays}-day refresh tokens that rotate`, async () => {
        const { p } = await built;
        const web = named(p, "identity-web");
        expect(input(web, "accessTokenValidity")).toBe(profile.accessTokenMinutes);
        expect(input(web, "idTokenValidity")).toBe(profile.accessTokenMinutes);
        expect(input(web, "refreshTokenValidity")).toBe(profile.refreshTokenDays);
        expect(input(web, "tokenValidityUnits")).toEqual({ accessToken: "minutes", idToken: "minutes", refreshToken: "days" });
        expect(input(web, "refreshTokenRotation")).toEqual({ feature: "ENABLED", retryGracePeriodSeconds: WEB_REFRESH_GRACE_SECONDS });
        expect(WEB_REFRESH_GRACE_SECONDS).toBeLessThanOrEqual(COGNITO_REFRESH_TOKEN_ROTATION.value.maxRetryGracePeriodSeconds);
        // Rotation refuses REFRESH_TOKEN_AUTH: SRP is the only API sign-in, refresh is the token endpoint's.
        expect(input(web, "explicitAuthFlows")).toEqual(["ALLOW_USER_SRP_AUTH"]);
    });

    it("gives the backend a confidential client-credentials client for the API's scope", async () => {
        const { p } = await built;
        const api = named(p, "identity-api-client");
        const server = one(p, T.server);
        const identifier = `https://${IDENTITY_PROFILES[environment].hosts.api}`;
        expect(input(server, "identifier")).toBe(identifier);
        expect(input(server, "scopes")).toEqual([{ scopeName: API_SCOPE.name, scopeDescription: API_SCOPE.description }]);
        expect(input(api, "generateSecret")).toBe(true);
        expect(input(api, "allowedOauthFlows")).toEqual(["client_credentials"]);
        expect(input(api, "allowedOauthScopes")).toEqual([`${identifier}/${API_SCOPE.name}`]);
        expect(input(api, "callbackUrls")).toBeUndefined();
        expect(input(api, "explicitAuthFlows")).toEqual(["ALLOW_REFRESH_TOKEN_AUTH"]);
        expect(api.dependencies).toContain(server.urn);
    });

    it("keeps the API client's secret in Secrets Manager under the stack key, secret everywhere", async () => {
        const { p, identity } = await built;
        const secret = one(p, T.secret);
        expect(input(secret, "name")).toBe(`${prefix}/identity/api-client-secret`);
        expect(input(secret, "kmsKeyId")).toBe(`arn:aws:kms:${REGION}:${MOCK_ACCOUNT_ID}:key/${String(input(secret, "kmsKeyId")).split("/")[1]}`);
        expect(secret.dependencies).toContain(named(p, "primary-keys-key").urn);
        expect(input(secret, "recoveryWindowInDays")).toBe(30);
        expect(secret.protect).toBe(prod);
        const version = one(p, T.secretVersion);
        expect(version.secretInputs).toContain("secretString");
        expect(input(version, "secretString")).toBe("[secret]");
        for (const r of mine(p)) expect(JSON.stringify(r.inputs.tags ?? {})).not.toMatch(/secret/i);
        const value = await settled(identity.apiClientSecret);
        expect(value.secret).toBe(true);
        expect(value.value.length).toBeGreaterThan(0);
        expect((await settled(identity.apiClientId)).secret).toBe(false);
    });

    it("alarms to the alerts topic on compromised credentials and high account-takeover risk", async () => {
        const { p, identity } = await built;
        const poolId = (await settled(identity.userPoolId)).value;
        const topic = `arn:aws:sns:${REGION}:${MOCK_ACCOUNT_ID}:${prefix}-alerts`;
        for (const alarm of COGNITO_THREAT_ALARMS) {
            const resource = named(p, `identity-${alarm.id}`);
            expect(input(resource, "alarmActions")).toEqual([topic]);
            expect(input(resource, "metricQueries")).toEqual([{ id: "q1", expression: cognitoThreatQuery(alarm, poolId), period: 300, returnData: true }]);
            expect(input(resource, "threshold")).toBe(0);
            expect(input(resource, "comparisonOperator")).toBe("GreaterThanThreshold");
            expect(input(resource, "treatMissingData")).toBe("notBreaching");
        }
        expect(cognitoThreatQuery(COGNITO_THREAT_ALARMS[0], poolId)).toBe(
            `SELECT SUM(CompromisedCredentialRisk) FROM SCHEMA("AWS/Cognito", Operation, RiskLevel, UserPoolId) WHERE UserPoolId = '${poolId}'`,
        );
        expect(cognitoThreatQuery(COGNITO_THREAT_ALARMS[1], poolId)).toBe(
            `SELECT SUM(AccountTakeoverRisk) FROM SCHEMA("AWS/Cognito", Operation, RiskLevel, UserPoolId) WHERE UserPoolId = '${poolId}' AND RiskLevel = 'high'`,
        );
    });

    it("publishes the issuer and its JWKS on the regional Cognito host, and sign-in and sign-out on the pool's domain", async () => {
        const { identity } = await built;
        const poolId = (await settled(identity.userPoolId)).value;
        expect(poolId).toMatch(new RegExp(`^${REGION}_[0-9a-f]{9}$`));
        const issuer = `https://cognito-idp.${REGION}.amazonaws.com/${poolId}`;
        expect((await settled(identity.issuerUrl)).value).toBe(issuer);
        expect((await settled(identity.jwksUrl)).value).toBe(`${issuer}/.well-known/jwks.json`);
        const host = prod ? "auth.gravitypm.example.com" : `${prefix}.auth.${REGION}.amazoncognito.com`;
        expect((await settled(identity.signInUrl)).value).toBe(`https://${host}/oauth2/authorize`);
        expect((await settled(identity.signOutUrl)).value).toBe(`https://${host}/logout`);
        expect(identity.service).toBe("cognito");
    });

    it("announces what Cognito cannot apply: the profile's notes and PKCE it cannot make mandatory", async () => {
        const { identity } = await built;
        expect(identity.notes).toEqual([...settingsFor(environment).notes, ...COGNITO_CONTRACT_NOTES]);
        expect(identity.notes.some((n) => n.includes("PKCE"))).toBe(true);
    });
});

describe("the Cognito domain", () => {
    it("is Cognito's prefix domain, with managed login, when the stack names no host", async () => {
        const { p } = await build("staging");
        const domain = one(p, T.domain);
        expect(input(domain, "domain")).toBe("gravitypm-staging");
        expect(input(domain, "certificateArn")).toBeUndefined();
        expect(input(domain, "managedLoginVersion")).toBe(COGNITO_MANAGED_LOGIN_VERSION);
        expect(ofType(p, T.certificate)).toHaveLength(0);
        expect(ofType(p, T.record)).toHaveLength(0);
    });

    it("is the stack's host with a us-east-1 certificate validated in the stack's zone and aliased to Cognito's distribution", async () => {
        const { p } = await build("prod", { hostname: "auth.gravitypm.example.com" });
        const certificate = one(p, T.certificate);
        expect(input(certificate, "domainName")).toBe("auth.gravitypm.example.com");
        expect(input(certificate, "validationMethod")).toBe("DNS");
        expect(input(certificate, "region")).toBe(COGNITO_CUSTOM_DOMAIN_CERTIFICATE_REGION.value);
        const validationRecord = named(p, "identity-cert-validation-record");
        expect(input(validationRecord, "type")).toBe("CNAME");
        expect(String(input(validationRecord, "name"))).toMatch(/^_[0-9a-f]{32}\.auth\.gravitypm\.example\.com\.$/);
        const zoneId = input(validationRecord, "zoneId");
        expect(zoneId).toMatch(/^Z[0-9A-F]{20}$/);
        const validation = one(p, T.validation);
        expect(input(validation, "region")).toBe("us-east-1");
        expect(input(validation, "validationRecordFqdns")).toEqual([String(input(validationRecord, "name")).replace(/\.$/, "")]);
        const domain = one(p, T.domain);
        expect(input(domain, "domain")).toBe("auth.gravitypm.example.com");
        expect(input(domain, "certificateArn")).toBe(input(validation, "certificateArn"));
        expect(String(input(domain, "certificateArn"))).toMatch(/^arn:aws:acm:us-east-1:/);
        expect(domain.dependencies).toContain(validation.urn);
        const alias = named(p, "identity-domain-alias");
        expect(input(alias, "type")).toBe("A");
        expect(input(alias, "name")).toBe("auth.gravitypm.example.com");
        expect(input(alias, "zoneId")).toBe(zoneId);
        expect(input(alias, "aliases")).toEqual([{ name: expect.stringMatching(/\.cloudfront\.net$/) as unknown, zoneId: "Z2FDTNDATAQYW2", evaluateTargetHealth: false }]);
    });

    it("checks prefixes and hosts before anything is built", () => {
        expect(cognitoPrefixProblem("gravitypm-prod")).toBeUndefined();
        expect(cognitoPrefixProblem("gravitypm-cognito")).toMatch(/reserves/);
        expect(cognitoPrefixProblem("-gravitypm")).toMatch(/not a Cognito prefix/);
        expect(cognitoPrefixProblem("GravityPM")).toMatch(/not a Cognito prefix/);
        expect(cognitoHostnameProblem("auth.gravitypm.example.com", "gravitypm.example.com")).toBeUndefined();
        expect(cognitoHostnameProblem("auth.gravitypm.example.com", "gravitypm.example.com.")).toBeUndefined();
        expect(cognitoHostnameProblem("auth.other.example", "gravitypm.example.com")).toMatch(/not a host below/);
        expect(cognitoHostnameProblem("gravitypm.example.com", "gravitypm.example.com")).toMatch(/not a host below/);
    });
});

describe("the Cognito settings", () => {
    it("maps MFA modes and leaves TOTP out when MFA is off", async () => {
        expect([cognitoMfaConfiguration("required"), cognitoMfaConfiguration("optional"), cognitoMfaConfiguration("off")]).toEqual(["ON", "OPTIONAL", "OFF"]);
        const { p } = await build("staging", { mfa: "off" });
        expect(input(one(p, T.pool), "mfaConfiguration")).toBe("OFF");
        expect(input(one(p, T.pool), "softwareTokenMfaConfiguration")).toBeUndefined();
    });

    it("turns complexity into character classes: none is length only, strict adds a symbol", () => {
        expect(cognitoPasswordPolicy({ passwordMinLength: 16, passwordComplexity: "none" })).toMatchObject({
            minimumLength: 16,
            requireUppercase: false,
            requireLowercase: false,
            requireNumbers: false,
            requireSymbols: false,
        });
        expect(cognitoPasswordPolicy({ passwordMinLength: 12, passwordComplexity: "strict" })).toMatchObject({
            requireUppercase: true,
            requireLowercase: true,
            requireNumbers: true,
            requireSymbols: true,
        });
    });

    it("applies every setting its capability row marks applied, and lockout is Cognito's fixed five", () => {
        const row = IDENTITY_CAPABILITIES.cognito;
        const applied = (Object.keys(IDENTITY_SETTING_KEYS) as IdentitySetting[]).filter((s) => row[s].kind === "applied");
        // Each is asserted on the plan above: mfa, password length and complexity, both lifetimes.
        expect(applied.sort()).toEqual(["accessTokenMinutes", "mfa", "passwordComplexity", "passwordMinLength", "refreshTokenDays"]);
        const lockout = row.lockoutThreshold;
        expect(lockout.kind).toBe("fixed");
        expect(lockout.kind === "fixed" ? lockout.value : undefined).toBe(COGNITO_LOCKOUT.value.failedAttempts);
    });

    it("announces a lockout threshold from the profile that Cognito cannot apply", async () => {
        const { identity } = await build("staging", { lockoutThreshold: 10 });
        const note = identity.notes.find((n) => n.startsWith("identityLockoutThreshold=10"));
        expect(note).toContain("Amazon Cognito");
        expect(note).toContain("not configurable");
    });

    it.each([
        [{ accessTokenMinutes: 2 }, "identityAccessTokenMinutes: 2 is outside what Cognito accepts (5-1440)"],
        [{ passwordMinLength: 100 }, "identityPasswordMinLength: 100 is outside what Cognito accepts (6-99)"],
        [{ refreshTokenDays: 0 }, "identityRefreshTokenDays: 0 is outside what Cognito accepts (1-3650)"],
        [{ callbackUrls: ["http://app.staging.gravitypm.example.com/auth/callback"] }, "identityCallbackUrls: http://app.staging.gravitypm.example.com/auth/callback is not an https URL"],
        [{ callbackUrls: [] }, "identityCallbackUrls: the web client needs at least one callback URL"],
        [{ hostname: "auth.other.example" }, "identityHostname: auth.other.example is not a host below the DNS zone gravitypm.example.com"],
        [{ provider: "auth0" as const }, "identityProvider: auth0 is not built by the Cognito component"],
    ] satisfies [Partial<IdentitySettings>, string][])("refuses %j, naming the key", async (own, message) => {
        await expect(build("staging", own)).rejects.toThrow(message);
    });
});

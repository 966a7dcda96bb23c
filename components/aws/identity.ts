/**
 * Identity on AWS: an Amazon Cognito user pool in the primary region.
 *
 *   pool     email as the case-insensitive user name, verified by email and recovered by it;
 *            the password policy and MFA (TOTP) from settings; on the Plus plan with threat
 *            protection ENFORCED (compromised-credential blocking and adaptive responses to
 *            account-takeover risk, on top of Cognito's fixed lockout); users created by the
 *            app's administrators only; deletion protection and `protect` with args.protect
 *   domain   managed login on Cognito's prefix domain, or on settings.hostname (identity-domain.ts)
 *   web      the browser's public client: authorization code only, PKCE (see the note: Cognito
 *            cannot make it mandatory), SRP for API sign-in, rotating refresh tokens, the
 *            configured token lifetimes, exactly the configured callback and logout URLs
 *   api      the backend's confidential client: client credentials for a scope of the API's
 *            resource server; its secret kept in Secrets Manager under the stack key
 *   alarms   compromised credentials and high account-takeover risk to the alerts topic
 *
 * Cognito's own sender mails codes and invitations (no SES identity here), which allows only
 * a few emails a day (COGNITO_DEFAULT_EMAIL): enough for invitations and recovery at today's
 * size, an SES identity before bulk invitations.
 */
import { MetricAlarm } from "@pulumi/aws/cloudwatch/metricAlarm";
import { ManagedLoginBranding } from "@pulumi/aws/cognito/managedLoginBranding";
import { ResourceServer } from "@pulumi/aws/cognito/resourceServer";
import { RiskConfiguration } from "@pulumi/aws/cognito/riskConfiguration";
import { UserPool } from "@pulumi/aws/cognito/userPool";
import { UserPoolClient } from "@pulumi/aws/cognito/userPoolClient";
import { Secret } from "@pulumi/aws/secretsmanager/secret";
import { SecretVersion } from "@pulumi/aws/secretsmanager/secretVersion";
import * as pulumi from "@pulumi/pulumi";
import {
    COGNITO_API_VALUES,
    COGNITO_ENDPOINTS,
    COGNITO_HIGH_RISK_LEVEL,
    COGNITO_REFRESH_TOKEN_ROTATION,
    COGNITO_RISK_ACTIONS,
    COGNITO_THREAT_METRICS,
    COGNITO_THREAT_PROTECTION_MODE,
    COGNITO_THREAT_PROTECTION_TIER,
    cognitoIssuerUrl,
    type AwsMetric,
} from "../../domain/catalogs/aws";
import {
    IDENTITY_CAPABILITIES,
    IDENTITY_SETTING_KEYS,
    type IdentitySetting,
    type IdentitySettings,
    type MfaMode,
} from "../../domain/capabilities/identity";
import { IDENTITY_TYPE, type Identity, type IdentityArgs } from "../contracts/identity";
import { assertBuildable, type BuildProblem } from "../shared/buildable";
import type { AwsTypes } from ".";
import { awsIdentityDomain, cognitoHostnameProblem, cognitoPrefixProblem } from "./identity-domain";

export function cognitoMfaConfiguration(mfa: MfaMode): "ON" | "OPTIONAL" | "OFF" {
    return mfa === "required" ? "ON" : mfa === "optional" ? "OPTIONAL" : "OFF";
}

/**
 * The pool's password policy. `standard` is upper, lower and a digit; `strict` adds a symbol.
 * A temporary password (an invitation's) lasts 7 days, Cognito's default: long enough to
 * answer an invitation sent before a weekend, and the user must change it at first sign-in.
 */
export function cognitoPasswordPolicy(settings: Pick<IdentitySettings, "passwordMinLength" | "passwordComplexity">) {
    const classes = settings.passwordComplexity !== "none";
    return {
        minimumLength: settings.passwordMinLength,
        requireUppercase: classes,
        requireLowercase: classes,
        requireNumbers: classes,
        requireSymbols: settings.passwordComplexity === "strict",
        temporaryPasswordValidityDays: 7,
    };
}

/** Settings the Cognito row of the capability table applies, outside the range it accepts. */
export function cognitoRangeProblems(settings: Pick<IdentitySettings, IdentitySetting>): BuildProblem[] {
    const problems: BuildProblem[] = [];
    for (const setting of Object.keys(IDENTITY_SETTING_KEYS) as IdentitySetting[]) {
        const support = IDENTITY_CAPABILITIES.cognito[setting];
        const value = settings[setting];
        if (support.kind !== "applied" || typeof value !== "number") continue;
        const low = support.min ?? -Infinity;
        const high = support.max ?? Infinity;
        if (!Number.isInteger(value) || value < low || value > high) {
            problems.push({ key: IDENTITY_SETTING_KEYS[setting], message: `${value} is outside what Cognito accepts (${support.min ?? "any"}-${support.max ?? "any"})` });
        }
    }
    return problems;
}

/** Redirect URLs Cognito would refuse or the contract forbids: https only, and at least one callback. */
export function cognitoUrlProblems(settings: Pick<IdentitySettings, "callbackUrls" | "logoutUrls">): BuildProblem[] {
    const problems: BuildProblem[] = [];
    if (settings.callbackUrls.length === 0) problems.push({ key: "identityCallbackUrls", message: "the web client needs at least one callback URL" });
    for (const [key, urls] of [["identityCallbackUrls", settings.callbackUrls], ["identityLogoutUrls", settings.logoutUrls]] as const) {
        for (const url of urls) if (!url.startsWith("https://")) problems.push({ key, message: `${url} is not an https URL` });
    }
    return problems;
}

/** What the contract asks that Cognito does not offer, announced on every stack. */
export const COGNITO_CONTRACT_NOTES: readonly string[] = [
    "Amazon Cognito verifies PKCE (S256) when the web app sends a code_challenge but has no setting that makes it mandatory for a client (@pulumi/aws 7.48's UserPoolClient has none): the web app must always send one",
];

/** The web client's refresh tokens rotate on use; the replaced token stays valid this long so a retried refresh does not sign the user out. */
export const WEB_REFRESH_GRACE_SECONDS = 10;

/** The API's resource server scope the confidential client is granted. */
export const API_SCOPE = { name: "service", description: "Calls made by the GravityPM backend itself" } as const;

/**
 * Account-takeover responses by risk level: low risk is challenged only where the user has MFA,
 * medium risk must pass MFA (a user without it is refused), high risk is blocked. Compromised
 * credentials are refused on sign-in, password change and sign-up alike. No email notice to the
 * user: that needs an SES identity the stack does not have.
 */
export const COGNITO_RISK_RESPONSES = {
    low: "MFA_IF_CONFIGURED",
    medium: "MFA_REQUIRED",
    high: "BLOCK",
    compromised: "BLOCK",
} as const satisfies Record<"low" | "medium" | "high", (typeof COGNITO_RISK_ACTIONS.value.accountTakeover)[number]> & {
    compromised: (typeof COGNITO_RISK_ACTIONS.value.compromisedCredentials)[number];
};

/** A threat-protection alarm: its metric summed over every operation of the pool (and one risk level when set). */
export interface CognitoThreatAlarm {
    readonly id: string;
    readonly metric: AwsMetric;
    readonly riskLevel?: string;
    readonly description: string;
}

export const COGNITO_THREAT_ALARMS: readonly CognitoThreatAlarm[] = [
    {
        id: "compromised-credentials",
        metric: COGNITO_THREAT_METRICS.compromisedCredentials.value,
        description: "Cognito refused a sign-in, sign-up or password change with a password known from a breach",
    },
    {
        id: "account-takeover",
        metric: COGNITO_THREAT_METRICS.accountTakeover.value,
        riskLevel: COGNITO_HIGH_RISK_LEVEL.value,
        description: "Cognito blocked a high-risk (likely account takeover) sign-in",
    },
];

/**
 * The Metrics Insights query of an alarm: one series, the metric summed across the operations
 * (and risk levels, unless one is named) of this pool. A query, not one alarm per dimension
 * combination, because the metric carries three dimensions and appears only once a risk is seen.
 */
export function cognitoThreatQuery(alarm: CognitoThreatAlarm, userPoolId: string): string {
    const { namespace, metricName, dimensions } = alarm.metric;
    const where = [`UserPoolId = '${userPoolId}'`, ...(alarm.riskLevel ? [`RiskLevel = '${alarm.riskLevel}'`] : [])].join(" AND ");
    return `SELECT SUM(${metricName}) FROM SCHEMA("${namespace}", ${dimensions.join(", ")}) WHERE ${where}`;
}

export class AwsCognitoIdentity extends pulumi.ComponentResource implements Identity {
    public readonly service = "cognito" as const;
    public readonly issuerUrl: pulumi.Output<string>;
    public readonly jwksUrl: pulumi.Output<string>;
    public readonly webClientId: pulumi.Output<string>;
    public readonly apiClientId: pulumi.Output<string>;
    public readonly apiClientSecret: pulumi.Output<string>;
    public readonly signInUrl: pulumi.Output<string>;
    public readonly signOutUrl: pulumi.Output<string>;
    public readonly notes: readonly string[];
    /** The Secrets Manager secret holding the API client's secret (what an IAM policy or the CSI driver names). */
    public readonly apiClientSecretArn: pulumi.Output<string>;
    public readonly userPoolId: pulumi.Output<string>;

    constructor(name: string, args: IdentityArgs<AwsTypes>, opts?: pulumi.ComponentResourceOptions) {
        super(IDENTITY_TYPE, name, {}, opts);
        const { settings, site } = args;
        const prefix = site.namePrefix;
        assertBuildable(this, `Identity ${name}`, [
            settings.provider === "native" ? undefined : { key: "identityProvider", message: `${settings.provider} is not built by the Cognito component` },
            ...cognitoRangeProblems(settings),
            ...cognitoUrlProblems(settings),
            settings.accessTokenMinutes > settings.refreshTokenDays * 24 * 60
                ? { key: "identityAccessTokenMinutes", message: "an access token may not outlive the refresh token that renews it" }
                : undefined,
            settings.hostname === undefined
                ? ((p) => (p ? { message: `the sign-in prefix domain: ${p}` } : undefined))(cognitoPrefixProblem(prefix))
                : ((p) => (p ? { key: "identityHostname", message: p } : undefined))(cognitoHostnameProblem(settings.hostname, settings.dnsZone)),
        ]);

        const child = { parent: this, provider: site.provider };
        const mfa = cognitoMfaConfiguration(settings.mfa);
        const values = COGNITO_API_VALUES.value;
        const pool = new UserPool(
            `${name}-pool`,
            {
                name: `${prefix}-users`,
                userPoolTier: COGNITO_THREAT_PROTECTION_TIER.value,
                userPoolAddOns: { advancedSecurityMode: COGNITO_THREAT_PROTECTION_MODE.value },
                usernameAttributes: [values.usernameEmail],
                usernameConfiguration: { caseSensitive: false },
                autoVerifiedAttributes: [values.usernameEmail],
                // A changed address takes effect only once its code is entered, so a typo or a
                // hijacked session cannot move an account's recovery address.
                userAttributeUpdateSettings: { attributesRequireVerificationBeforeUpdates: [values.usernameEmail] },
                accountRecoverySetting: { recoveryMechanisms: [{ name: values.recoveryVerifiedEmail, priority: 1 }] },
                // GravityPM workspaces invite their members: no public sign-up endpoint for bots to
                // fill the pool (and the bill) or probe for accounts.
                adminCreateUserConfig: { allowAdminCreateUserOnly: true },
                passwordPolicy: cognitoPasswordPolicy(settings),
                mfaConfiguration: mfa,
                // TOTP only: SMS needs an SNS role and spending limits, and is the weaker factor.
                ...(mfa === "OFF" ? {} : { softwareTokenMfaConfiguration: { enabled: true } }),
                deletionProtection: args.protect ? "ACTIVE" : "INACTIVE",
            },
            { ...child, protect: args.protect },
        );

        const host = awsIdentityDomain(name, { userPoolId: pool.id, region: site.region, prefix, hostname: settings.hostname, dnsZone: settings.dnsZone }, child);

        const api = new ResourceServer(
            `${name}-api`,
            {
                userPoolId: pool.id,
                identifier: `https://${args.hosts.api}`,
                name: `${prefix}-api`,
                scopes: [{ scopeName: API_SCOPE.name, scopeDescription: API_SCOPE.description }],
            },
            child,
        );

        const web = new UserPoolClient(
            `${name}-web`,
            {
                userPoolId: pool.id,
                name: `${prefix}-web`,
                generateSecret: false,
                allowedOauthFlowsUserPoolClient: true,
                allowedOauthFlows: ["code"],
                allowedOauthScopes: ["openid", "email", "profile"],
                supportedIdentityProviders: [values.cognitoProvider],
                callbackUrls: [...settings.callbackUrls],
                logoutUrls: [...settings.logoutUrls],
                // SRP only for sign-in through the API; refresh goes through the token endpoint,
                // since rotation refuses REFRESH_TOKEN_AUTH (COGNITO_REFRESH_TOKEN_ROTATION).
                explicitAuthFlows: ["ALLOW_USER_SRP_AUTH"],
                preventUserExistenceErrors: "ENABLED",
                enableTokenRevocation: true,
                refreshTokenRotation: { feature: COGNITO_REFRESH_TOKEN_ROTATION.value.feature, retryGracePeriodSeconds: WEB_REFRESH_GRACE_SECONDS },
                accessTokenValidity: settings.accessTokenMinutes,
                idTokenValidity: settings.accessTokenMinutes,
                refreshTokenValidity: settings.refreshTokenDays,
                tokenValidityUnits: { accessToken: "minutes", idToken: "minutes", refreshToken: "days" },
            },
            child,
        );
        // Managed login shows a client's pages only once the client has a style: Cognito's own.
        new ManagedLoginBranding(`${name}-web-branding`, { userPoolId: pool.id, clientId: web.id, useCognitoProvidedValues: true }, child);

        const apiClient = new UserPoolClient(
            `${name}-api-client`,
            {
                userPoolId: pool.id,
                name: `${prefix}-api`,
                generateSecret: true,
                allowedOauthFlowsUserPoolClient: true,
                allowedOauthFlows: [values.clientCredentialsFlow],
                allowedOauthScopes: [pulumi.interpolate`${api.identifier}/${API_SCOPE.name}`],
                supportedIdentityProviders: [values.cognitoProvider],
                // No user signs in with this client; refresh is the one flow Cognito insists on.
                explicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH"],
                preventUserExistenceErrors: "ENABLED",
                enableTokenRevocation: true,
                accessTokenValidity: settings.accessTokenMinutes,
                tokenValidityUnits: { accessToken: "minutes" },
            },
            { ...child, dependsOn: [api] },
        );

        new RiskConfiguration(
            `${name}-risk`,
            {
                userPoolId: pool.id,
                accountTakeoverRiskConfiguration: {
                    actions: {
                        lowAction: { eventAction: COGNITO_RISK_RESPONSES.low, notify: false },
                        mediumAction: { eventAction: COGNITO_RISK_RESPONSES.medium, notify: false },
                        highAction: { eventAction: COGNITO_RISK_RESPONSES.high, notify: false },
                    },
                },
                compromisedCredentialsRiskConfiguration: {
                    actions: { eventAction: COGNITO_RISK_RESPONSES.compromised },
                    eventFilters: [...COGNITO_RISK_ACTIONS.value.compromisedCredentialsEvents],
                },
            },
            child,
        );

        const secret = new Secret(
            `${name}-api-secret`,
            {
                name: `${prefix}/identity/api-client-secret`,
                description: `${prefix}: the Cognito API client's secret (client credentials)`,
                kmsKeyId: args.keys.keyArn,
                // The longest window: a secret deleted by mistake can be restored for 30 days.
                recoveryWindowInDays: 30,
            },
            { ...child, protect: args.protect },
        );
        const clientSecret = pulumi.secret(apiClient.clientSecret);
        new SecretVersion(`${name}-api-secret-value`, { secretId: secret.id, secretString: clientSecret }, child);

        for (const alarm of COGNITO_THREAT_ALARMS) {
            new MetricAlarm(
                `${name}-${alarm.id}`,
                {
                    name: `${prefix}-identity-${alarm.id}`,
                    alarmDescription: `${prefix} identity: ${alarm.description}`,
                    metricQueries: [{ id: "q1", expression: pool.id.apply((id) => cognitoThreatQuery(alarm, id)), period: 300, returnData: true }],
                    evaluationPeriods: 1,
                    datapointsToAlarm: 1,
                    threshold: 0,
                    comparisonOperator: "GreaterThanThreshold",
                    // Cognito publishes these only when it sees a risk: silence is the quiet state.
                    treatMissingData: "notBreaching",
                    actionsEnabled: true,
                    alarmActions: [args.alerts.topicArn],
                },
                child,
            );
        }

        const endpoints = COGNITO_ENDPOINTS.value;
        this.userPoolId = pool.id;
        this.issuerUrl = pool.id.apply((id) => cognitoIssuerUrl(site.region, id));
        this.jwksUrl = this.issuerUrl.apply((issuer) => `${issuer}${endpoints.jwksPath}`);
        this.webClientId = web.id;
        this.apiClientId = apiClient.id;
        this.apiClientSecret = clientSecret;
        this.apiClientSecretArn = secret.arn;
        this.signInUrl = host.apply((h) => `https://${h}${endpoints.authorizePath}`);
        this.signOutUrl = host.apply((h) => `https://${h}${endpoints.logoutPath}`);
        this.notes = [...settings.notes, ...COGNITO_CONTRACT_NOTES];
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

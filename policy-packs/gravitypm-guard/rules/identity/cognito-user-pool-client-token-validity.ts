/** Cognito app clients issue short-lived tokens [—]. */
import { ENVIRONMENT_CONFIG, type Environment } from "../../lib/environment";
import { PROD_MAX_ACCESS_TOKEN_MINUTES } from "../../lib/identity";
import { resourceRule } from "../../lib/rule";
import { num, record, records, shown, str, strings, type Props } from "../../lib/values";
import { COGNITO_USER_POOL_CLIENT } from "./cognito-user-pool-client-no-implicit-grant";

export interface TokenValidityConfig extends Record<string, unknown> {
    readonly prodMaxAccessTokenMinutes: number;
    readonly maxRefreshTokenDays: number;
}

/** Cognito's refresh token lifetime when a client sets none, and the staging profile's identityRefreshTokenDays. */
const DEFAULT_MAX_REFRESH_TOKEN_DAYS = 30;

export const TOKEN_VALIDITY_DEFAULTS: TokenValidityConfig = {
    prodMaxAccessTokenMinutes: PROD_MAX_ACCESS_TOKEN_MINUTES,
    maxRefreshTokenDays: DEFAULT_MAX_REFRESH_TOKEN_DAYS,
};

const MINUTES_PER_UNIT: Readonly<Record<string, number>> = { seconds: 1 / 60, minutes: 1, hours: 60, days: 1440 };

/** Cognito's lifetimes when a client sets none: one hour for access and ID tokens, 30 days for refresh tokens. */
const COGNITO_DEFAULTS = {
    accessToken: { value: 1, unit: "hours" },
    idToken: { value: 1, unit: "hours" },
    refreshToken: { value: 30, unit: "days" },
} as const;

type Token = keyof typeof COGNITO_DEFAULTS;
const VALIDITY_PROPERTY: Readonly<Record<Token, string>> = { accessToken: "accessTokenValidity", idToken: "idTokenValidity", refreshToken: "refreshTokenValidity" };

/** A token's lifetime in minutes, with Cognito's default value and unit where the client sets none. */
function lifetimeMinutes(props: Props, token: Token): number | undefined {
    // aws 7.x takes tokenValidityUnits as one object; older schemas held it as a one-element list.
    const units = record(props.tokenValidityUnits) ?? records(props.tokenValidityUnits)[0];
    const unit = str(units?.[token]) ?? COGNITO_DEFAULTS[token].unit;
    const value = num(props[VALIDITY_PROPERTY[token]]) ?? COGNITO_DEFAULTS[token].value;
    const perUnit = MINUTES_PER_UNIT[unit];
    return perUnit === undefined ? undefined : value * perUnit;
}

function described(props: Props, token: Token, minutes: number): string {
    return `${VALIDITY_PROPERTY[token]} is ${shown(props[VALIDITY_PROPERTY[token]])} (${minutes >= 1440 ? `${minutes / 1440} days` : `${minutes} minutes`})`;
}

/** A machine-to-machine client: the client credentials grant issues access tokens only, never ID or refresh tokens. */
function machineOnly(props: Props): boolean {
    const flows = strings(props.allowedOauthFlows);
    return flows.length > 0 && flows.every((f) => f === "client_credentials");
}

export function cognitoTokenValidityProblems(props: Props, config: TokenValidityConfig, environment: Environment): string[] {
    const problems: string[] = [];
    const machine = machineOnly(props);
    if (environment === "prod") {
        for (const token of machine ? (["accessToken"] as const) : (["accessToken", "idToken"] as const)) {
            const minutes = lifetimeMinutes(props, token);
            if (minutes !== undefined && minutes > config.prodMaxAccessTokenMinutes) {
                problems.push(`${described(props, token, minutes)}; prod allows at most ${config.prodMaxAccessTokenMinutes} minutes`);
            }
        }
    }
    const refresh = machine ? undefined : lifetimeMinutes(props, "refreshToken");
    if (refresh !== undefined && refresh > config.maxRefreshTokenDays * 1440) {
        problems.push(`${described(props, "refreshToken", refresh)}; the maximum is ${config.maxRefreshTokenDays} days`);
    }
    return problems;
}

export const cognitoUserPoolClientTokenValidity = resourceRule({
    name: "cognito-user-pool-client-token-validity",
    description: "Cognito app clients issue access and ID tokens for at most 60 minutes in prod, and refresh tokens for at most the maximum days (30).",
    explanation:
        "An access token cannot be revoked before it expires, so its lifetime is how long a leaked token stays useful; the refresh token's lifetime is how long a session lasts without signing in again. Unset values are Cognito's: one hour, and 30 days. A client_credentials-only client is judged on its access tokens alone (it is issued no others).",
    remediation:
        "Set accessTokenValidity and idTokenValidity (with tokenValidityUnits) to the stack's identityAccessTokenMinutes (at most 60 in prod) and refreshTokenValidity to identityRefreshTokenDays.",
    enforcementLevel: "advisory",
    area: "identity",
    anchors: [],
    types: [COGNITO_USER_POOL_CLIENT],
    defaults: TOKEN_VALIDITY_DEFAULTS,
    configSchema: {
        properties: {
            prodMaxAccessTokenMinutes: {
                type: "integer",
                minimum: 5,
                default: PROD_MAX_ACCESS_TOKEN_MINUTES,
                description: "Longest lifetime of an access or ID token in prod, in minutes.",
            },
            maxRefreshTokenDays: { type: "integer", minimum: 1, default: DEFAULT_MAX_REFRESH_TOKEN_DAYS, description: "Longest lifetime of a refresh token, in days." },
            ...ENVIRONMENT_CONFIG,
        },
    },
    check: (props, ctx) => cognitoTokenValidityProblems(props, ctx.config, ctx.environment),
});

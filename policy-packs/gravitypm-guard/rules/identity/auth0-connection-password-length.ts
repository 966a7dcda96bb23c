/** Auth0 database connections accept no password shorter than the environment's minimum [—]. */
import type { Environment } from "../../lib/environment";
import { minimumPasswordLength, PASSWORD_LENGTH_DEFAULTS, PASSWORD_LENGTH_SCHEMA, type PasswordLengthConfig } from "../../lib/identity";
import { resourceRule } from "../../lib/rule";
import { get, isSet, num, shown, str, type Props } from "../../lib/values";

export const AUTH0_CONNECTION = "auth0:index/connection:Connection";

/** The strategy of Auth0's own user store; other strategies (social, enterprise) leave passwords to their provider. */
export const AUTH0_DATABASE_STRATEGY = "auth0";

/** Minimum lengths of the legacy password strength levels (`none` is Auth0's default). */
const POLICY_LENGTHS: Readonly<Record<string, number>> = { none: 1, low: 6, fair: 8, good: 8, excellent: 10 };
/** The flexible password policy's minimum when `complexity.minLength` is unset. */
const FLEXIBLE_DEFAULT_MIN_LENGTH = 15;

/** The shortest password the connection accepts, and the settings that say so. */
function effectiveMinLength(options: unknown): { readonly length: number; readonly from: string } {
    // The flexible policy (passwordOptions) replaces the legacy fields; Auth0 refuses both together.
    if (isSet(get(options, "passwordOptions"))) {
        const set = get(options, "passwordOptions.complexity.minLength");
        return { length: num(set) ?? FLEXIBLE_DEFAULT_MIN_LENGTH, from: `options.passwordOptions.complexity.minLength is ${shown(set)}` };
    }
    const policy = get(options, "passwordPolicy");
    const minLength = get(options, "passwordComplexityOptions.minLength");
    // The legacy minimum length applies on top of the strength level's own.
    const length = Math.max(POLICY_LENGTHS[str(policy) ?? "none"] ?? 1, num(minLength) ?? 0);
    return { length, from: `options.passwordPolicy is ${shown(policy)} and options.passwordComplexityOptions.minLength is ${shown(minLength)}` };
}

export function auth0PasswordLengthProblems(props: Props, config: PasswordLengthConfig, environment: Environment): string[] {
    if (str(props.strategy) !== AUTH0_DATABASE_STRATEGY) return [];
    const minimum = minimumPasswordLength(config, environment);
    const { length, from } = effectiveMinLength(props.options);
    return length >= minimum ? [] : [`${from} (${length} characters); the ${environment} minimum is ${minimum}`];
}

export const auth0ConnectionPasswordLength = resourceRule({
    name: "auth0-connection-password-length",
    description: "Auth0 database connections require passwords of at least the minimum length (12 in prod, 8 elsewhere).",
    explanation:
        "Length is what makes a password hard to guess or crack (NIST SP 800-63B). Auth0's default strength level (none) accepts a single character; the legacy levels ask for 6 to 10.",
    remediation:
        "Set options.passwordComplexityOptions.minLength (legacy policy) or options.passwordOptions.complexity.minLength (flexible policy) to the stack's identityPasswordMinLength (at least 12 in prod).",
    enforcementLevel: "mandatory",
    area: "identity",
    anchors: [],
    types: [AUTH0_CONNECTION],
    defaults: PASSWORD_LENGTH_DEFAULTS,
    configSchema: PASSWORD_LENGTH_SCHEMA,
    check: (props, ctx) => auth0PasswordLengthProblems(props, ctx.config, ctx.environment),
});

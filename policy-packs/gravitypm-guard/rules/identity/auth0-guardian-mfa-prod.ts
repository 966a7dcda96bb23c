/** Auth0 tenants in prod require MFA on every application [—]. */
import { ENVIRONMENT_CONFIG } from "../../lib/environment";
import { resourceRule } from "../../lib/rule";
import { bool, isSet, shown, str, type Props } from "../../lib/values";

export const AUTH0_GUARDIAN = "auth0:index/guardian:Guardian";

/** Boolean factors, and factors whose configuration block turns them on. */
const FLAG_FACTORS = ["otp", "email"] as const;
const BLOCK_FACTORS = ["webauthnRoaming", "webauthnPlatform", "push", "phone", "duo"] as const;

export function auth0GuardianProblems(props: Props, environment: string): string[] {
    if (environment !== "prod") return [];
    const problems: string[] = [];
    if (str(props.policy) !== "all-applications") {
        problems.push(`policy is ${shown(props.policy)} in prod; only all-applications asks every user for a second factor at every sign-in`);
    }
    // recoveryCode is left out: it is a fallback for another factor, not one a user can enrol with alone.
    const factors = [...FLAG_FACTORS.filter((f) => bool(props[f]) === true), ...BLOCK_FACTORS.filter((f) => isSet(props[f]))];
    if (factors.length === 0) problems.push("no MFA factor is enabled (otp, email, webauthnRoaming, webauthnPlatform, push, phone or duo)");
    return problems;
}

export const auth0GuardianMfaProd = resourceRule({
    name: "auth0-guardian-mfa-prod",
    description: "Auth0 Guardian in prod requires MFA for all applications (policy all-applications) with at least one factor enabled.",
    explanation:
        "A stolen or reused password is the commonest way into an account; a second factor stops it. confidence-score only challenges sign-ins Auth0 finds risky, and never asks for none.",
    remediation: "Set policy: \"all-applications\" and enable a factor (otp: true for TOTP; webauthnRoaming for security keys) on the prod tenant's Guardian resource.",
    enforcementLevel: "mandatory",
    area: "identity",
    anchors: [],
    types: [AUTH0_GUARDIAN],
    defaults: {},
    configSchema: { properties: { ...ENVIRONMENT_CONFIG } },
    check: (props, ctx) => auth0GuardianProblems(props, ctx.environment),
});

/** Auth0 database connections turn brute-force protection on [—]. */
import { resourceRule } from "../../lib/rule";
import { bool, get, shown, str, type Props } from "../../lib/values";
import { AUTH0_CONNECTION, AUTH0_DATABASE_STRATEGY } from "./auth0-connection-password-length";

export function auth0ConnectionBruteForceProblems(props: Props): string[] {
    if (str(props.strategy) !== AUTH0_DATABASE_STRATEGY) return [];
    const value = get(props.options, "bruteForceProtection");
    return bool(value) === true ? [] : [`options.bruteForceProtection is ${shown(value)}; the tenant's brute-force lockout does not apply to this connection`];
}

export const auth0ConnectionBruteForceProtection = resourceRule({
    name: "auth0-connection-brute-force-protection",
    description: "Auth0 database connections have brute-force protection on (options.bruteForceProtection true).",
    explanation:
        "The tenant's attack protection locks an account after repeated failed sign-ins only on connections that opt in; without it a password can be guessed without limit. Set it explicitly: the provider replaces the whole options block on update, so an unset flag is not a promise.",
    remediation: "Set options.bruteForceProtection: true on every database connection (and keep the tenant's AttackProtection bruteForceProtection enabled).",
    enforcementLevel: "mandatory",
    area: "identity",
    anchors: [],
    types: [AUTH0_CONNECTION],
    defaults: {},
    check: (props) => auth0ConnectionBruteForceProblems(props),
});

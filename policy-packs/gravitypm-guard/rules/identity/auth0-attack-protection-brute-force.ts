/** Auth0 tenants block brute-force sign-in attempts [—]. */
import { resourceRule } from "../../lib/rule";
import { bool, get, isSet, shown, strings, type Props } from "../../lib/values";

export const AUTH0_ATTACK_PROTECTION = "auth0:index/attackProtection:AttackProtection";

export function auth0BruteForceProblems(props: Props): string[] {
    const enabled = get(props.bruteForceProtection, "enabled");
    if (bool(enabled) !== true) return [`bruteForceProtection.enabled is ${shown(enabled)}; failed sign-ins never lock an account`];
    const shields = get(props.bruteForceProtection, "shields");
    // Unset shields are Auth0's default, which blocks.
    return !isSet(shields) || strings(shields).includes("block") ? [] : [`bruteForceProtection.shields is ${shown(shields)}; without "block" a flagged account is only reported, not locked`];
}

export const auth0AttackProtectionBruteForce = resourceRule({
    name: "auth0-attack-protection-brute-force",
    description: "Auth0 attack protection has brute-force protection enabled and blocking.",
    explanation:
        "Brute-force protection is Auth0's account lockout: after maxAttempts failed sign-ins (the stack's identityLockoutThreshold) from one IP the account is blocked for that IP. Off, a password can be guessed without limit.",
    remediation: "Set bruteForceProtection { enabled: true, shields: [\"block\", \"user_notification\"], maxAttempts: <identityLockoutThreshold> }.",
    enforcementLevel: "mandatory",
    area: "identity",
    anchors: [],
    types: [AUTH0_ATTACK_PROTECTION],
    defaults: {},
    check: (props) => auth0BruteForceProblems(props),
});

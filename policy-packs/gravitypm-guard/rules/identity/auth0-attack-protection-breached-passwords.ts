/** Auth0 tenants detect breached passwords [—]. */
import { resourceRule } from "../../lib/rule";
import { bool, get, shown, type Props } from "../../lib/values";
import { AUTH0_ATTACK_PROTECTION } from "./auth0-attack-protection-brute-force";

export function auth0BreachedPasswordProblems(props: Props): string[] {
    const enabled = get(props.breachedPasswordDetection, "enabled");
    return bool(enabled) === true ? [] : [`breachedPasswordDetection.enabled is ${shown(enabled)}; users can sign in with passwords published in known breaches`];
}

export const auth0AttackProtectionBreachedPasswords = resourceRule({
    name: "auth0-attack-protection-breached-passwords",
    description: "Auth0 attack protection has breached password detection enabled.",
    explanation:
        "Credential stuffing replays passwords leaked from other sites; breached password detection blocks (or flags) sign-ins and sign-ups with them. Advisory: the full feature depends on the tenant's Auth0 plan.",
    remediation: "Set breachedPasswordDetection { enabled: true, shields: [\"block\", \"user_notification\"] } (and preUserRegistration { shields: [\"block\"] } where the plan offers it).",
    enforcementLevel: "advisory",
    area: "identity",
    anchors: [],
    types: [AUTH0_ATTACK_PROTECTION],
    defaults: {},
    check: (props) => auth0BreachedPasswordProblems(props),
});

/** Auth0 applications use neither the implicit nor the password grant, and conform to OIDC [—]. */
import { resourceRule } from "../../lib/rule";
import { bool, isSet, shown, strings, type Props } from "../../lib/values";

export const AUTH0_CLIENT = "auth0:index/client:Client";

/** Grants the OAuth 2.0 Security BCP (RFC 9700) says not to use: tokens in the URL, and the user's password handed to the app. */
const LEGACY_GRANTS = ["implicit", "password", "http://auth0.com/oauth/grant-type/password-realm"];

export function auth0ClientGrantProblems(props: Props): string[] {
    const problems: string[] = [];
    if (!isSet(props.grantTypes)) {
        // Auth0 fills an application created without grant types with defaults that include implicit.
        problems.push("grantTypes is unset; Auth0 then grants the application its defaults, which include implicit");
    } else {
        const legacy = strings(props.grantTypes).filter((g) => LEGACY_GRANTS.includes(g));
        if (legacy.length > 0) problems.push(`grantTypes includes ${legacy.map((g) => JSON.stringify(g)).join(", ")}`);
    }
    if (bool(props.oidcConformant) !== true) {
        problems.push(`oidcConformant is ${shown(props.oidcConformant)}; the application may still use Auth0's legacy, non-OIDC authentication pipeline`);
    }
    return problems;
}

export const auth0ClientNoImplicitGrant = resourceRule({
    name: "auth0-client-no-implicit-grant",
    description: "Auth0 applications list their grant types without implicit or password (resource owner) grants, and are OIDC-conformant.",
    explanation:
        "The implicit grant returns tokens in the redirect URL, and the password grants hand the user's password to the application and skip the hosted login (and its MFA prompts); RFC 9700 says not to use either. Unset grant types take Auth0's defaults, which include implicit. oidcConformant turns off the legacy flows and endpoints that predate OIDC.",
    remediation:
        "Set grantTypes explicitly: [\"authorization_code\", \"refresh_token\"] for the web app (with PKCE), [\"client_credentials\"] for machine-to-machine clients; set oidcConformant: true.",
    enforcementLevel: "mandatory",
    area: "identity",
    anchors: [],
    types: [AUTH0_CLIENT],
    defaults: {},
    check: (props) => auth0ClientGrantProblems(props),
});

/** Entra app registrations do not issue tokens through the implicit grant [—]. */
import { resourceRule } from "../../lib/rule";
import { bool, get, type Props } from "../../lib/values";

export const ENTRA_APPLICATION = "azuread:index/application:Application";

export function entraImplicitGrantProblems(props: Props): string[] {
    const grant = get(props.web, "implicitGrant");
    return (["accessTokenIssuanceEnabled", "idTokenIssuanceEnabled"] as const)
        .filter((flag) => bool(get(grant, flag)) === true)
        .map((flag) => `web.implicitGrant.${flag} is true; the authorize endpoint hands ${flag.startsWith("access") ? "access" : "ID"} tokens to the browser in the redirect URL`);
}

export const entraApplicationNoImplicitGrant = resourceRule({
    name: "entra-application-no-implicit-grant",
    description: "Microsoft Entra app registrations keep implicit-grant access and ID token issuance off.",
    explanation:
        "The implicit grant returns tokens in the redirect URL, with no client authentication and no way to bind them to the client; the OAuth 2.0 Security BCP (RFC 9700) says not to use it. Single-page apps use the authorization code flow with PKCE (a singlePageApplication redirect URI), which needs neither flag. Both default to false.",
    remediation: "Remove web.implicitGrant or set accessTokenIssuanceEnabled and idTokenIssuanceEnabled to false; register browser redirect URIs under singlePageApplication.",
    enforcementLevel: "mandatory",
    area: "identity",
    anchors: [],
    types: [ENTRA_APPLICATION],
    defaults: {},
    check: (props) => entraImplicitGrantProblems(props),
});

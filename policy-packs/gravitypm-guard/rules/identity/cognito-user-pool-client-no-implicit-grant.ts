/** Cognito app clients never use the OAuth implicit grant [—]. */
import { resourceRule } from "../../lib/rule";
import { strings, type Props } from "../../lib/values";

export const COGNITO_USER_POOL_CLIENT = "aws:cognito/userPoolClient:UserPoolClient";

export function cognitoImplicitGrantProblems(props: Props): string[] {
    return strings(props.allowedOauthFlows).includes("implicit")
        ? ["allowedOauthFlows includes \"implicit\"; tokens come back in the browser's URL, where history, logs and other scripts can read them"]
        : [];
}

export const cognitoUserPoolClientNoImplicitGrant = resourceRule({
    name: "cognito-user-pool-client-no-implicit-grant",
    description: "Cognito app clients do not allow the OAuth implicit flow (allowedOauthFlows without \"implicit\").",
    explanation:
        "The implicit grant returns tokens in the redirect URL's fragment, with no client authentication and no way to bind them to the client; the OAuth 2.0 Security BCP (RFC 9700) says not to use it. The authorization code flow with PKCE serves browsers and native apps instead; a public client without a secret (generateSecret false) is fine for it.",
    remediation: "Set allowedOauthFlows: [\"code\"] (and have the app send a PKCE code_challenge); use clientCredentials only on a separate machine-to-machine client.",
    enforcementLevel: "mandatory",
    area: "identity",
    anchors: [],
    types: [COGNITO_USER_POOL_CLIENT],
    defaults: {},
    check: (props) => cognitoImplicitGrantProblems(props),
});

/** Identity Platform in prod does not sign in anonymous users [—]. */
import { ENVIRONMENT_CONFIG } from "../../lib/environment";
import { resourceRule } from "../../lib/rule";
import { bool, get, type Props } from "../../lib/values";
import { IDENTITY_PLATFORM_CONFIG } from "./identity-platform-mfa-prod";

export function identityPlatformAnonymousProblems(props: Props, environment: string): string[] {
    if (environment !== "prod") return [];
    return bool(get(props.signIn, "anonymous.enabled")) === true
        ? ["signIn.anonymous.enabled is true in prod; anyone can obtain a signed-in ID token for the project without credentials"]
        : [];
}

export const identityPlatformNoAnonymousProd = resourceRule({
    name: "identity-platform-no-anonymous-prod",
    description: "Identity Platform projects in prod do not allow anonymous sign-in.",
    explanation:
        "An anonymous user gets a real ID token from the project, so any backend that only checks for a valid token (rather than a verified user) admits strangers; GravityPM has no guest use for it.",
    remediation: "Leave signIn.anonymous unset or set signIn { anonymous: { enabled: false } } for prod.",
    enforcementLevel: "mandatory",
    area: "identity",
    anchors: [],
    types: [IDENTITY_PLATFORM_CONFIG],
    defaults: {},
    configSchema: { properties: { ...ENVIRONMENT_CONFIG } },
    check: (props, ctx) => identityPlatformAnonymousProblems(props, ctx.environment),
});

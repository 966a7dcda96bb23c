/** Identity Platform in prod redirects only to the app's own domains [—]. */
import { ENVIRONMENT_CONFIG } from "../../lib/environment";
import { isLoopback } from "../../lib/identity";
import { resourceRule } from "../../lib/rule";
import { isSet, strings, type Props } from "../../lib/values";
import { IDENTITY_PLATFORM_CONFIG } from "./identity-platform-mfa-prod";

export function identityPlatformAuthorizedDomainsProblems(props: Props, environment: string): string[] {
    if (environment !== "prod") return [];
    if (!isSet(props.authorizedDomains)) {
        return ["authorizedDomains is unset in prod; the project keeps Identity Platform's defaults, which authorize localhost"];
    }
    const local = strings(props.authorizedDomains).filter(isLoopback);
    return local.length === 0 ? [] : [`authorizedDomains includes ${local.join(", ")} in prod; sign-in may redirect tokens to the user's own machine`];
}

export const identityPlatformAuthorizedDomainsProd = resourceRule({
    name: "identity-platform-authorized-domains-prod",
    description: "Identity Platform projects in prod list their authorized (OAuth redirect) domains explicitly, without localhost or loopback addresses.",
    explanation:
        "Identity Platform sends sign-in results to any URL on an authorized domain, any port. Localhost is authorized by default for development; in prod it lets any page served on the user's machine complete a sign-in and receive the tokens.",
    remediation: "Set authorizedDomains to the app's hosts (and the project's own <project>.firebaseapp.com auth handler when it is used) for prod; keep localhost for staging only.",
    enforcementLevel: "advisory",
    area: "identity",
    anchors: [],
    types: [IDENTITY_PLATFORM_CONFIG],
    defaults: {},
    configSchema: { properties: { ...ENVIRONMENT_CONFIG } },
    check: (props, ctx) => identityPlatformAuthorizedDomainsProblems(props, ctx.environment),
});

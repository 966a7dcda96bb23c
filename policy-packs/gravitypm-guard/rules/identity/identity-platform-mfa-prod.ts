/** Identity Platform in prod makes MFA mandatory [—]. */
import { ENVIRONMENT_CONFIG } from "../../lib/environment";
import { resourceRule } from "../../lib/rule";
import { get, shown, str, type Props } from "../../lib/values";

export const IDENTITY_PLATFORM_CONFIG = "gcp:identityplatform/config:Config";

export function identityPlatformMfaProblems(props: Props, environment: string): string[] {
    if (environment !== "prod") return [];
    const state = get(props.mfa, "state");
    // ENABLED only lets users enrol a second factor; unset is DISABLED.
    return str(state) === "MANDATORY" ? [] : [`mfa.state is ${shown(state)} in prod; only MANDATORY makes every user pass a second factor`];
}

export const identityPlatformMfaProd = resourceRule({
    name: "identity-platform-mfa-prod",
    description: "Identity Platform projects in prod make multi-factor authentication mandatory (mfa.state MANDATORY).",
    explanation: "A stolen or reused password is the commonest way into an account; a second factor stops it. ENABLED only offers MFA to users who enrol, and unset is DISABLED.",
    remediation: "Set mfa { state: \"MANDATORY\" } with the second factors to offer (enabledProviders [\"PHONE_SMS\"] and/or a TOTP providerConfig) for prod.",
    enforcementLevel: "mandatory",
    area: "identity",
    anchors: [],
    types: [IDENTITY_PLATFORM_CONFIG],
    defaults: {},
    configSchema: { properties: { ...ENVIRONMENT_CONFIG } },
    check: (props, ctx) => identityPlatformMfaProblems(props, ctx.environment),
});

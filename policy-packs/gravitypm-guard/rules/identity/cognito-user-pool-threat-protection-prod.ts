/** Cognito user pools in prod enforce threat protection [cdk-nag AwsSolutions-COG3]. */
import { ENVIRONMENT_CONFIG } from "../../lib/environment";
import { resourceRule } from "../../lib/rule";
import { get, shown, str, type Props } from "../../lib/values";
import { COGNITO_USER_POOL } from "./cognito-user-pool-mfa-prod";

export function cognitoThreatProtectionProblems(props: Props, environment: string): string[] {
    if (environment !== "prod") return [];
    const mode = get(props.userPoolAddOns, "advancedSecurityMode");
    return str(mode) === "ENFORCED"
        ? []
        : [`userPoolAddOns.advancedSecurityMode is ${shown(mode)} in prod; compromised credentials and risky sign-ins are not blocked (AUDIT only logs them)`];
}

export const cognitoUserPoolThreatProtectionProd = resourceRule({
    name: "cognito-user-pool-threat-protection-prod",
    description: "Cognito user pools in prod enforce threat protection (advanced security mode ENFORCED).",
    explanation:
        "Threat protection blocks sign-ins with passwords known from breaches and challenges or blocks risky sign-ins (new device, impossible travel); Cognito's fixed lockout does not. Advisory: it needs the Plus feature plan, which is billed per monthly active user.",
    remediation: "Set userPoolTier: \"PLUS\" and userPoolAddOns { advancedSecurityMode: \"ENFORCED\" } on prod user pools (run AUDIT for a while first to tune the risk actions).",
    enforcementLevel: "advisory",
    area: "identity",
    anchors: ["NAG AwsSolutions-COG3"],
    types: [COGNITO_USER_POOL],
    defaults: {},
    configSchema: { properties: { ...ENVIRONMENT_CONFIG } },
    check: (props, ctx) => cognitoThreatProtectionProblems(props, ctx.environment),
});

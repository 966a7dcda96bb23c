/** Cognito user pools in prod require MFA [cdk-nag AwsSolutions-COG2]. */
import { ENVIRONMENT_CONFIG } from "../../lib/environment";
import { resourceRule } from "../../lib/rule";
import { shown, str, type Props } from "../../lib/values";

export const COGNITO_USER_POOL = "aws:cognito/userPool:UserPool";

export function cognitoMfaProblems(props: Props, environment: string): string[] {
    if (environment !== "prod") return [];
    // OPTIONAL only asks users who enrolled a factor; unset is OFF.
    return str(props.mfaConfiguration) === "ON"
        ? []
        : [`mfaConfiguration is ${shown(props.mfaConfiguration)} in prod; only ON makes every user pass a second factor`];
}

export const cognitoUserPoolMfaProd = resourceRule({
    name: "cognito-user-pool-mfa-prod",
    description: "Cognito user pools in prod require MFA from every user (mfaConfiguration ON).",
    explanation:
        "A stolen or reused password is the commonest way into an account; a second factor stops it. OPTIONAL only challenges users who chose to enrol, and the provider default is OFF.",
    remediation: "Set mfaConfiguration: \"ON\" with softwareTokenMfaConfiguration { enabled: true } (TOTP) for prod (identityMfa \"required\", the prod profile's value).",
    enforcementLevel: "mandatory",
    area: "identity",
    anchors: ["NAG AwsSolutions-COG2"],
    types: [COGNITO_USER_POOL],
    defaults: {},
    configSchema: { properties: { ...ENVIRONMENT_CONFIG } },
    check: (props, ctx) => cognitoMfaProblems(props, ctx.environment),
});

/** Cognito user pools accept no password shorter than the environment's minimum [cdk-nag AwsSolutions-COG1]. */
import type { Environment } from "../../lib/environment";
import { minimumPasswordLength, PASSWORD_LENGTH_DEFAULTS, PASSWORD_LENGTH_SCHEMA, type PasswordLengthConfig } from "../../lib/identity";
import { resourceRule } from "../../lib/rule";
import { get, num, shown, type Props } from "../../lib/values";
import { COGNITO_USER_POOL } from "./cognito-user-pool-mfa-prod";

/** Cognito's minimum length when a pool sets no password policy. */
const COGNITO_DEFAULT_MIN_LENGTH = 8;

export function cognitoPasswordLengthProblems(props: Props, config: PasswordLengthConfig, environment: Environment): string[] {
    const minimum = minimumPasswordLength(config, environment);
    const set = get(props.passwordPolicy, "minimumLength");
    const length = num(set) ?? COGNITO_DEFAULT_MIN_LENGTH;
    return length >= minimum ? [] : [`passwordPolicy.minimumLength is ${shown(set)} (${length} characters); the ${environment} minimum is ${minimum}`];
}

export const cognitoUserPoolPasswordLength = resourceRule({
    name: "cognito-user-pool-password-length",
    description: "Cognito user pools require passwords of at least the minimum length (12 in prod, 8 elsewhere).",
    explanation: "Length is what makes a password hard to guess or crack (NIST SP 800-63B); an unset policy lets Cognito accept 8 characters.",
    remediation: "Set passwordPolicy.minimumLength to the stack's identityPasswordMinLength (at least 12 in prod; the prod profile uses 14).",
    enforcementLevel: "mandatory",
    area: "identity",
    anchors: ["NAG AwsSolutions-COG1"],
    types: [COGNITO_USER_POOL],
    defaults: PASSWORD_LENGTH_DEFAULTS,
    configSchema: PASSWORD_LENGTH_SCHEMA,
    check: (props, ctx) => cognitoPasswordLengthProblems(props, ctx.config, ctx.environment),
});

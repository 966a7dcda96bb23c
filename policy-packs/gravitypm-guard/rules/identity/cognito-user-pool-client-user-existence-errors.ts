/** Cognito app clients do not reveal whether a user exists [—]. */
import { resourceRule } from "../../lib/rule";
import { shown, str, type Props } from "../../lib/values";
import { COGNITO_USER_POOL_CLIENT } from "./cognito-user-pool-client-no-implicit-grant";

export function cognitoUserExistenceProblems(props: Props): string[] {
    // A client created through the API (as the provider does) defaults to LEGACY.
    return str(props.preventUserExistenceErrors) === "ENABLED"
        ? []
        : [`preventUserExistenceErrors is ${shown(props.preventUserExistenceErrors)}; sign-in and password reset answer UserNotFoundException for unknown users`];
}

export const cognitoUserPoolClientUserExistenceErrors = resourceRule({
    name: "cognito-user-pool-client-user-existence-errors",
    description: "Cognito app clients prevent user existence errors (preventUserExistenceErrors ENABLED).",
    explanation:
        "With LEGACY (the API's default) an attacker learns which e-mail addresses have accounts, the first step of credential stuffing and targeted phishing; ENABLED gives the same answer for unknown users and wrong passwords.",
    remediation: "Set preventUserExistenceErrors: \"ENABLED\" on every app client.",
    enforcementLevel: "advisory",
    area: "identity",
    anchors: [],
    types: [COGNITO_USER_POOL_CLIENT],
    defaults: {},
    check: (props) => cognitoUserExistenceProblems(props),
});

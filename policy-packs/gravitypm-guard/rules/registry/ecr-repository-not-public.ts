/** ECR repository policies grant nothing to everyone [CK_AWS_32]. */
import { policyStatements, principalsOf } from "../../lib/iam";
import { resourceRule } from "../../lib/rule";
import { get, isRecord, str, type Props } from "../../lib/values";
import { ECR_REPOSITORY_POLICY } from "./ecr-repository-kms";

function hasCondition(statement: unknown): boolean {
    const condition = get(statement, "Condition");
    return isRecord(condition) && Object.keys(condition).length > 0;
}

export function ecrPolicyPublicProblems(props: Props): string[] {
    return policyStatements(props.policy)
        .filter((s) => str(get(s, "Effect")) === "Allow" && principalsOf(get(s, "Principal")).includes("*") && !hasCondition(s))
        .map((s) => `statement ${str(get(s, "Sid")) ?? "(no Sid)"} allows principal "*" with no condition; anyone could use the repository`);
}

export const ecrRepositoryNotPublic = resourceRule({
    name: "ecr-repository-not-public",
    description: 'ECR repository policies do not allow the principal * without a condition.',
    explanation: "An unconditioned wildcard principal lets every AWS account pull (or, with write actions, push) the repository's images.",
    remediation: "Name the accounts or roles that pull, or keep the wildcard only with a condition such as aws:PrincipalOrgID.",
    enforcementLevel: "mandatory",
    area: "registry",
    anchors: ["CK_AWS_32"],
    types: [ECR_REPOSITORY_POLICY],
    defaults: {},
    check: (props) => ecrPolicyPublicProblems(props),
});

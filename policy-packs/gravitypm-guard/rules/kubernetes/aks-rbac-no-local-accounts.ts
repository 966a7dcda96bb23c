/** AKS uses Kubernetes RBAC with Entra ID only [CK_AZURE_5, CK_AZURE_141]. */
import { resourceRule } from "../../lib/rule";
import { bool, shown, type Props } from "../../lib/values";
import { AKS_CLUSTER } from "./aks-api-server-access";

export function aksIdentityProblems(props: Props): string[] {
    const problems: string[] = [];
    if (bool(props.enableRBAC) === false) problems.push("enableRBAC is false");
    if (bool(props.disableLocalAccounts) !== true) problems.push(`disableLocalAccounts is ${shown(props.disableLocalAccounts)}; the static cluster-admin kubeconfig stays valid`);
    return problems;
}

export const aksRbacNoLocalAccounts = resourceRule({
    name: "aks-rbac-no-local-accounts",
    description: "AKS clusters keep Kubernetes RBAC on and disable local accounts.",
    explanation: "Local accounts are a shared admin credential outside Entra ID: no MFA, no per-user audit, no revocation.",
    remediation: "Set disableLocalAccounts: true with aadProfile { managed: true, enableAzureRBAC: true }; leave enableRBAC unset or true.",
    enforcementLevel: "mandatory",
    area: "kubernetes",
    anchors: ["CK_AZURE_5", "CK_AZURE_141"],
    types: [AKS_CLUSTER],
    defaults: {},
    check: (props) => aksIdentityProblems(props),
});

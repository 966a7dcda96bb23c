/** Azure Container Registry encrypts with the stack's Key Vault key [—]. */
import { resourceRule } from "../../lib/rule";
import { get, present, sameText, shown, type Props } from "../../lib/values";
import { ACR_REGISTRY } from "./acr-admin-user-disabled";

export function acrCmkProblems(props: Props): string[] {
    const status = get(props, "encryption.status");
    if (!sameText(status, "enabled")) return [`encryption.status is ${shown(status)}; images would be encrypted with a Microsoft-managed key`];
    return present(props, "encryption.keyVaultProperties.keyIdentifier") ? [] : ["encryption.status is enabled but encryption.keyVaultProperties.keyIdentifier is unset"];
}

export const acrCmk = resourceRule({
    name: "acr-cmk",
    description: "Azure Container Registries encrypt with a customer-managed Key Vault key.",
    explanation: "Customer-managed encryption can only be turned on when the registry is created; it keeps every image the clusters run under the stack's key.",
    remediation:
        'Set encryption: { status: "enabled", keyVaultProperties: { keyIdentifier: <key URI>, identity: <client id of a user-assigned identity> } } with that identity on the registry (Premium SKU).',
    enforcementLevel: "mandatory",
    area: "registry",
    anchors: [],
    types: [ACR_REGISTRY],
    defaults: {},
    check: (props) => acrCmkProblems(props),
});

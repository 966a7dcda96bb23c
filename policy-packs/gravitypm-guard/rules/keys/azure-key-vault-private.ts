/** Azure Key Vaults are closed to the public internet [CK_AZURE_189]. */
import { resourceRule } from "../../lib/rule";
import { get, sameText, shown, type Props } from "../../lib/values";
import { AZURE_KEY_VAULT } from "./azure-key-vault-purge-protection";

export function keyVaultPrivateProblems(props: Props): string[] {
    const access = get(props, "properties.publicNetworkAccess");
    const defaultAction = get(props, "properties.networkAcls.defaultAction");
    // A firewall that denies by default (trusted Azure services bypassing it) also closes the vault.
    return sameText(access, "Disabled") || sameText(defaultAction, "Deny")
        ? []
        : [`properties.publicNetworkAccess is ${shown(access)} and networkAcls.defaultAction is ${shown(defaultAction)}; the vault accepts requests from any network`];
}

export const azureKeyVaultPrivate = resourceRule({
    name: "azure-key-vault-private",
    description: "Azure Key Vaults disable public network access or deny it by default in their firewall.",
    explanation: "The key that protects every data store should only be reachable from the stack's networks and trusted Azure services.",
    remediation: 'Set properties.networkAcls { defaultAction: "Deny", bypass: "AzureServices" } or publicNetworkAccess: "Disabled" with a private endpoint.',
    enforcementLevel: "mandatory",
    area: "keys",
    anchors: ["CK_AZURE_189"],
    types: [AZURE_KEY_VAULT],
    defaults: {},
    check: (props) => keyVaultPrivateProblems(props),
});

/** Azure Key Vaults keep deleted keys recoverable [CK_AZURE_110, CK_AZURE_111]. */
import { resourceRule } from "../../lib/rule";
import { bool, get, shown, type Props } from "../../lib/values";

export const AZURE_KEY_VAULT = "azure-native:keyvault:Vault";

export function keyVaultProtectionProblems(props: Props): string[] {
    const problems: string[] = [];
    const purge = get(props, "properties.enablePurgeProtection");
    if (bool(purge) !== true) problems.push(`properties.enablePurgeProtection is ${shown(purge)}; a deleted key could be purged and every resource it encrypts lost`);
    // Soft delete defaults to on; only an explicit false turns it off.
    if (bool(get(props, "properties.enableSoftDelete")) === false) problems.push("properties.enableSoftDelete is false");
    return problems;
}

export const azureKeyVaultPurgeProtection = resourceRule({
    name: "azure-key-vault-purge-protection",
    description: "Azure Key Vaults have purge protection on and soft delete not disabled.",
    explanation: "Purging the vault's key makes every database, cache and backup encrypted with it unreadable, forever.",
    remediation: "Set properties.enablePurgeProtection: true (irreversible) and leave enableSoftDelete unset or true.",
    enforcementLevel: "mandatory",
    area: "keys",
    anchors: ["CK_AZURE_110", "CK_AZURE_111"],
    types: [AZURE_KEY_VAULT],
    defaults: {},
    check: (props) => keyVaultProtectionProblems(props),
});

/** Cosmos DB accounts use the stack key and TLS 1.2 [CK_AZURE_100]. */
import { resourceRule } from "../../lib/rule";
import { present, sameText, shown, type Props } from "../../lib/values";
import { COSMOS_ACCOUNT } from "./cosmosdb-account-private";

export function cosmosEncryptionProblems(props: Props): string[] {
    const problems: string[] = [];
    if (!present(props, "keyVaultKeyUri")) problems.push("keyVaultKeyUri is unset; data would be encrypted with a Microsoft-managed key");
    if (!sameText(props.minimalTlsVersion, "Tls12")) problems.push(`minimalTlsVersion is ${shown(props.minimalTlsVersion)}; clients could negotiate TLS 1.0/1.1`);
    return problems;
}

export const cosmosdbAccountEncryption = resourceRule({
    name: "cosmosdb-account-encryption",
    description: "Cosmos DB accounts encrypt with a customer-managed Key Vault key and require TLS 1.2.",
    explanation: "Only a customer-managed key can be rotated and revoked by the stack; TLS 1.0/1.1 are broken.",
    remediation: 'Set keyVaultKeyUri to the stack key\'s versionless URI and minimalTlsVersion: "Tls12".',
    enforcementLevel: "mandatory",
    area: "database",
    anchors: ["CK_AZURE_100"],
    types: [COSMOS_ACCOUNT],
    defaults: {},
    check: (props) => cosmosEncryptionProblems(props),
});

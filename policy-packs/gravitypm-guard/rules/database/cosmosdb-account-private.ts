/** Cosmos DB accounts have no public endpoint [CK_AZURE_101]. */
import { resourceRule } from "../../lib/rule";
import { sameText, shown, type Props } from "../../lib/values";

export const COSMOS_ACCOUNT = "azure-native:cosmosdb:DatabaseAccount";

export function cosmosPrivateProblems(props: Props): string[] {
    return sameText(props.publicNetworkAccess, "Disabled") ? [] : [`publicNetworkAccess is ${shown(props.publicNetworkAccess)}; the account would be reachable from the internet`];
}

export const cosmosdbAccountPrivate = resourceRule({
    name: "cosmosdb-account-private",
    description: "Cosmos DB accounts disable public network access.",
    explanation: "Keys and tokens leak; a private endpoint keeps a leaked key useless outside the network.",
    remediation: 'Set publicNetworkAccess: "Disabled" and reach the account through a private endpoint.',
    enforcementLevel: "mandatory",
    area: "database",
    anchors: ["CK_AZURE_101"],
    types: [COSMOS_ACCOUNT],
    defaults: {},
    check: (props) => cosmosPrivateProblems(props),
});

/** Cosmos DB accounts accept only Entra ID authentication [CK_AZURE_140]. */
import { resourceRule } from "../../lib/rule";
import { bool, shown, type Props } from "../../lib/values";
import { COSMOS_ACCOUNT } from "./cosmosdb-account-private";

export function cosmosLocalAuthProblems(props: Props): string[] {
    return bool(props.disableLocalAuth) === true ? [] : [`disableLocalAuth is ${shown(props.disableLocalAuth)}; account keys would grant full access`];
}

export const cosmosdbAccountLocalAuthDisabled = resourceRule({
    name: "cosmosdb-account-local-auth-disabled",
    description: "Cosmos DB accounts disable key-based (local) authentication.",
    explanation: "Account keys are shared secrets with full access and no per-caller audit trail.",
    remediation: "Set disableLocalAuth: true and grant the app's managed identity a data-plane role.",
    enforcementLevel: "advisory",
    area: "database",
    anchors: ["CK_AZURE_140"],
    types: [COSMOS_ACCOUNT],
    defaults: {},
    check: (props) => cosmosLocalAuthProblems(props),
});

/** Cosmos DB accounts use continuous backup [—]. */
import { resourceRule } from "../../lib/rule";
import { get, sameText, shown, type Props } from "../../lib/values";
import { COSMOS_ACCOUNT } from "./cosmosdb-account-private";

export function cosmosBackupProblems(props: Props): string[] {
    const type = get(props, "backupPolicy.type");
    return sameText(type, "Continuous") ? [] : [`backupPolicy.type is ${shown(type)}; periodic backups keep 8 hours by default and cannot restore to a point in time`];
}

export const cosmosdbAccountContinuousBackup = resourceRule({
    name: "cosmosdb-account-continuous-backup",
    description: "Cosmos DB accounts use continuous backup (point-in-time restore).",
    explanation: "The periodic default keeps two copies four hours apart; continuous mode restores to any second of the last 7 or 30 days.",
    remediation: 'Set backupPolicy: { type: "Continuous", continuousModeProperties: { tier: "Continuous30Days" } }.',
    enforcementLevel: "mandatory",
    area: "database",
    anchors: [],
    types: [COSMOS_ACCOUNT],
    defaults: {},
    check: (props) => cosmosBackupProblems(props),
});

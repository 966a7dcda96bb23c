/** Firestore databases refuse deletion [—]. */
import { resourceRule } from "../../lib/rule";
import { sameText, shown, type Props } from "../../lib/values";
import { FIRESTORE_DATABASE } from "./firestore-database-cmek";

export function firestoreDeleteProtectionProblems(props: Props): string[] {
    return sameText(props.deleteProtectionState, "DELETE_PROTECTION_ENABLED") ? [] : [`deleteProtectionState is ${shown(props.deleteProtectionState)}`];
}

export const firestoreDatabaseDeleteProtection = resourceRule({
    name: "firestore-database-delete-protection",
    description: "Firestore databases have delete protection enabled.",
    explanation: "Deleting a Firestore database deletes its data immediately; PITR does not survive it.",
    remediation: 'Set deleteProtectionState: "DELETE_PROTECTION_ENABLED".',
    enforcementLevel: "advisory",
    area: "database",
    anchors: [],
    types: [FIRESTORE_DATABASE],
    defaults: {},
    check: (props) => firestoreDeleteProtectionProblems(props),
});

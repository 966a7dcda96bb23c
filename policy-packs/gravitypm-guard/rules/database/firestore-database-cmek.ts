/** Firestore databases use the stack key [—]. */
import { resourceRule } from "../../lib/rule";
import { present, type Props } from "../../lib/values";

export const FIRESTORE_DATABASE = "gcp:firestore/database:Database";

export function firestoreCmekProblems(props: Props): string[] {
    return present(props, "cmekConfig.kmsKeyName") ? [] : ["cmekConfig.kmsKeyName is unset; data would be encrypted with a Google-managed key"];
}

export const firestoreDatabaseCmek = resourceRule({
    name: "firestore-database-cmek",
    description: "Firestore databases encrypt with a customer-managed Cloud KMS key.",
    explanation: "CMEK can only be chosen at creation; without it the stack cannot rotate, audit or revoke the key.",
    remediation: "Set cmekConfig.kmsKeyName to the stack's CryptoKey id (same location as the database).",
    enforcementLevel: "mandatory",
    area: "database",
    anchors: [],
    types: [FIRESTORE_DATABASE],
    defaults: {},
    check: (props) => firestoreCmekProblems(props),
});

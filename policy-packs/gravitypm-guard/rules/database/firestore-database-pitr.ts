/** Firestore databases keep point-in-time recovery [—]. */
import { resourceRule } from "../../lib/rule";
import { sameText, shown, type Props } from "../../lib/values";
import { FIRESTORE_DATABASE } from "./firestore-database-cmek";

export function firestorePitrProblems(props: Props): string[] {
    return sameText(props.pointInTimeRecoveryEnablement, "POINT_IN_TIME_RECOVERY_ENABLED")
        ? []
        : [`pointInTimeRecoveryEnablement is ${shown(props.pointInTimeRecoveryEnablement)}; only the last hour could be read back`];
}

export const firestoreDatabasePitr = resourceRule({
    name: "firestore-database-pitr",
    description: "Firestore databases have point-in-time recovery enabled.",
    explanation: "PITR keeps seven days of versions at minute granularity; without it there is no undo for a bad write.",
    remediation: 'Set pointInTimeRecoveryEnablement: "POINT_IN_TIME_RECOVERY_ENABLED" and add a firestore.BackupSchedule for longer retention.',
    enforcementLevel: "mandatory",
    area: "database",
    anchors: [],
    types: [FIRESTORE_DATABASE],
    defaults: {},
    check: (props) => firestorePitrProblems(props),
});

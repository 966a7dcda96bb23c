/** Atlas clusters have cloud backup and continuous (point-in-time) restore [—]. */
import { resourceRule } from "../../lib/rule";
import { bool, shown, type Props } from "../../lib/values";

export const ATLAS_CLUSTER = "mongodbatlas:index/advancedCluster:AdvancedCluster";

export function atlasBackupProblems(props: Props): string[] {
    const problems: string[] = [];
    if (bool(props.backupEnabled) !== true) problems.push(`backupEnabled is ${shown(props.backupEnabled)}; the cluster would have no snapshots`);
    if (bool(props.pitEnabled) !== true) problems.push(`pitEnabled is ${shown(props.pitEnabled)}; restores would be limited to snapshot times`);
    return problems;
}

export const atlasClusterBackup = resourceRule({
    name: "atlas-cluster-backup",
    description: "MongoDB Atlas clusters enable cloud backup and continuous cloud backup (point-in-time restore).",
    explanation: "Both default to off; without them a dropped collection is gone for good.",
    remediation: "Set backupEnabled: true and pitEnabled: true, and give the cluster a CloudBackupSchedule.",
    enforcementLevel: "mandatory",
    area: "database",
    anchors: [],
    types: [ATLAS_CLUSTER],
    defaults: {},
    check: (props) => atlasBackupProblems(props),
});

/** DocumentDB exports audit and profiler logs to CloudWatch [CK_AWS_85]. */
import { resourceRule } from "../../lib/rule";
import { strings, type Props } from "../../lib/values";
import { DOCDB_CLUSTER } from "./docdb-cluster-encrypted";

const REQUIRED = ["audit", "profiler"];

export function docdbLogExportProblems(props: Props): string[] {
    const exported = strings(props.enabledCloudwatchLogsExports);
    const missing = REQUIRED.filter((l) => !exported.includes(l));
    return missing.length === 0 ? [] : [`enabledCloudwatchLogsExports lacks ${missing.join(" and ")}`];
}

export const docdbClusterLogExports = resourceRule({
    name: "docdb-cluster-log-exports",
    description: "DocumentDB clusters export audit and profiler logs to CloudWatch Logs.",
    explanation: "Without the audit log nobody can say who read or changed data; without the profiler slow queries go unseen until they are an outage.",
    remediation: 'Set enabledCloudwatchLogsExports: ["audit", "profiler"] and enable audit_logs in the cluster parameter group.',
    enforcementLevel: "advisory",
    area: "database",
    anchors: ["CK_AWS_85"],
    types: [DOCDB_CLUSTER],
    defaults: {},
    check: (props) => docdbLogExportProblems(props),
});

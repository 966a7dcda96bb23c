/** DocumentDB cluster parameter groups keep TLS on [CK_AWS_90]. */
import { resourceRule } from "../../lib/rule";
import { records, str, type Props } from "../../lib/values";

export const DOCDB_PARAMETER_GROUP = "aws:docdb/clusterParameterGroup:ClusterParameterGroup";

export function parameterValue(props: Props, name: string): string | undefined {
    const p = records(props.parameters).find((item) => str(item.name) === name);
    return p === undefined ? undefined : String(p.value);
}

export function docdbTlsProblems(props: Props): string[] {
    // The engine default is "enabled"; only an explicit "disabled" turns TLS off.
    return parameterValue(props, "tls") === "disabled" ? ["parameter tls is disabled; clients would connect in plaintext"] : [];
}

export const docdbParameterGroupTls = resourceRule({
    name: "docdb-parameter-group-tls",
    description: "DocumentDB cluster parameter groups do not disable TLS.",
    explanation: "Connection strings carry credentials; without TLS they and every document cross the network in plaintext.",
    remediation: 'Remove the tls parameter or set it to "enabled" (or "tls1.2+").',
    enforcementLevel: "mandatory",
    area: "database",
    anchors: ["CK_AWS_90"],
    types: [DOCDB_PARAMETER_GROUP],
    defaults: {},
    check: (props) => docdbTlsProblems(props),
});

/** Atlas clusters accept TLS 1.2 or newer only [—]. */
import { resourceRule } from "../../lib/rule";
import { get, str, type Props } from "../../lib/values";
import { ATLAS_CLUSTER } from "./atlas-cluster-backup";

const MODERN = ["TLS1_2", "TLS1_3"];

export function atlasTlsProblems(props: Props): string[] {
    const tls = str(get(props, "advancedConfiguration.minimumEnabledTlsProtocol"));
    // Atlas's default for new clusters is TLS1_2; only an explicit older value is a problem.
    return tls === undefined || MODERN.includes(tls.toUpperCase()) ? [] : [`advancedConfiguration.minimumEnabledTlsProtocol is "${tls}"; TLS 1.0/1.1 are broken`];
}

export const atlasClusterTls = resourceRule({
    name: "atlas-cluster-tls",
    description: "MongoDB Atlas clusters require TLS 1.2 or newer.",
    explanation: "TLS 1.0 and 1.1 have known attacks and are rejected by current compliance baselines.",
    remediation: 'Set advancedConfiguration.minimumEnabledTlsProtocol: "TLS1_2" (or leave it unset).',
    enforcementLevel: "mandatory",
    area: "database",
    anchors: [],
    types: [ATLAS_CLUSTER],
    defaults: {},
    check: (props) => atlasTlsProblems(props),
});

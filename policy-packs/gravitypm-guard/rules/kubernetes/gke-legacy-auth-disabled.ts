/** GKE drops legacy authentication [CK_GCP_7, CK_GCP_13]. */
import { resourceRule } from "../../lib/rule";
import { bool, get, type Props } from "../../lib/values";
import { GKE_CLUSTER } from "./gke-private-cluster";

export function gkeLegacyAuthProblems(props: Props): string[] {
    const problems: string[] = [];
    if (bool(props.enableLegacyAbac) === true) problems.push("enableLegacyAbac is true; ABAC grants bypass RBAC");
    if (bool(get(props, "masterAuth.clientCertificateConfig.issueClientCertificate")) === true) problems.push("masterAuth issues a client certificate, a credential that cannot be revoked");
    return problems;
}

export const gkeLegacyAuthDisabled = resourceRule({
    name: "gke-legacy-auth-disabled",
    description: "GKE clusters keep legacy ABAC off and issue no client certificate.",
    explanation: "Both are credentials outside IAM that cannot be revoked or audited per user.",
    remediation: "Leave enableLegacyAbac unset (false) and masterAuth.clientCertificateConfig.issueClientCertificate false.",
    enforcementLevel: "mandatory",
    area: "kubernetes",
    anchors: ["CK_GCP_7", "CK_GCP_13"],
    types: [GKE_CLUSTER],
    defaults: {},
    check: (props) => gkeLegacyAuthProblems(props),
});

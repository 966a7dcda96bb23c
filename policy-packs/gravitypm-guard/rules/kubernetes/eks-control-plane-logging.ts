/** EKS ships every control-plane log [CK_AWS_37]. */
import { resourceRule } from "../../lib/rule";
import { strings, type Props } from "../../lib/values";
import { EKS_CLUSTER } from "./eks-secrets-encryption";

const LOG_TYPES = ["api", "audit", "authenticator", "controllerManager", "scheduler"];

export function eksLoggingProblems(props: Props): string[] {
    const enabled = strings(props.enabledClusterLogTypes);
    const missing = LOG_TYPES.filter((t) => !enabled.includes(t));
    return missing.length === 0 ? [] : [`enabledClusterLogTypes lacks ${missing.join(", ")}`];
}

export const eksControlPlaneLogging = resourceRule({
    name: "eks-control-plane-logging",
    description: "EKS clusters send all five control-plane log types to CloudWatch.",
    explanation: "The audit log is the only record of who did what through the Kubernetes API.",
    remediation: `Set enabledClusterLogTypes: ${JSON.stringify(LOG_TYPES)}.`,
    enforcementLevel: "advisory",
    area: "kubernetes",
    anchors: ["CK_AWS_37"],
    types: [EKS_CLUSTER],
    defaults: {},
    check: (props) => eksLoggingProblems(props),
});

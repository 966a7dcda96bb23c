/** EKS runs a supported Kubernetes version [CK_AWS_339]. */
import { resourceRule } from "../../lib/rule";
import { str, type Props } from "../../lib/values";
import { EKS_CLUSTER } from "./eks-secrets-encryption";

export interface VersionConfig extends Record<string, unknown> {
    readonly minimumVersion: string;
}

function minor(version: string): number | undefined {
    const m = /^1\.(\d+)/.exec(version);
    return m ? Number(m[1]) : undefined;
}

export function eksVersionProblems(props: Props, config: VersionConfig): string[] {
    const version = str(props.version);
    // Unset means the newest version EKS offers.
    if (version === undefined) return [];
    const have = minor(version);
    const need = minor(config.minimumVersion);
    return have === undefined || need === undefined || have >= need ? [] : [`version ${version} is older than ${config.minimumVersion}; it is out of (or close to the end of) standard support`];
}

export const eksSupportedVersion = resourceRule({
    name: "eks-supported-version",
    description: "EKS clusters run at least the minimum supported Kubernetes version.",
    explanation: "Versions past standard support cost six times as much in extended support and stop getting fixes.",
    remediation: "Upgrade the control plane (then node groups) one minor version at a time.",
    enforcementLevel: "advisory",
    area: "kubernetes",
    anchors: ["CK_AWS_339"],
    types: [EKS_CLUSTER],
    defaults: { minimumVersion: "1.31" },
    configSchema: { properties: { minimumVersion: { type: "string", pattern: "^1\\.\\d+$", default: "1.31", description: "Oldest Kubernetes minor version allowed." } } },
    check: (props, ctx) => eksVersionProblems(props, ctx.config),
});

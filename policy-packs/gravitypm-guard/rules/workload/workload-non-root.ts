/** Kubernetes workloads run every container as a non-root user [CK_K8S_23, TV KSV-0012, TV KSV-0105]. */
import { resourceRule } from "../../lib/rule";
import { bool, get, num, shown, type Props } from "../../lib/values";
import { containersOf, effectiveSecurity, podSpecOf, WORKLOAD_TYPES } from "../../lib/workloads";

export function workloadNonRootProblems(props: Props, type: string): string[] {
    const pod = podSpecOf(type, props);
    if (!pod) return [];
    const problems: string[] = [];
    if (num(get(pod, "securityContext.runAsUser")) === 0) problems.push("pod securityContext.runAsUser is 0 (root)");
    for (const { label, spec } of containersOf(pod)) {
        if (num(get(spec, "securityContext.runAsUser")) === 0) problems.push(`${label}: securityContext.runAsUser is 0 (root)`);
        const nonRoot = effectiveSecurity(pod, spec, "runAsNonRoot");
        if (bool(nonRoot) === true) continue;
        // Unset leaves it to the image's USER, and most base images default to root.
        problems.push(nonRoot === undefined || nonRoot === null ? `${label}: runAsNonRoot is unset at container and pod level; the image's USER decides, which may be root` : `${label}: runAsNonRoot is ${shown(nonRoot)}`);
    }
    return problems;
}

export const workloadNonRoot = resourceRule({
    name: "workload-non-root",
    description: "Kubernetes workloads set runAsNonRoot: true (container or pod level) for every container and init container, and never runAsUser: 0.",
    explanation:
        "A container running as root is root on the node's kernel too: one container escape or writable host mount and the node, its kubelet credentials and every pod on it are the attacker's. runAsNonRoot makes the kubelet refuse to start a root container, whatever USER the image declares.",
    remediation: "Set securityContext: { runAsNonRoot: true, runAsUser: <non-zero UID> } in the pod template's spec (or on each container), and build images with a numeric non-root USER.",
    enforcementLevel: "mandatory",
    area: "workload",
    anchors: ["CK_K8S_23", "TV KSV-0012", "TV KSV-0105"],
    types: WORKLOAD_TYPES,
    defaults: {},
    check: (props, ctx) => workloadNonRootProblems(props, ctx.type),
});

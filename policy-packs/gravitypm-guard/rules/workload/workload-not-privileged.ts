/** Kubernetes workloads run unprivileged, in their own namespaces, under a seccomp profile [CK_K8S_16, CK_K8S_20, CK_K8S_37, CK_K8S_17, CK_K8S_18, CK_K8S_19, CK_K8S_31, TV KSV-0017, TV KSV-0001, TV KSV-0003, TV KSV-0008, TV KSV-0009, TV KSV-0010, TV KSV-0030]. */
import { resourceRule } from "../../lib/rule";
import { bool, get, shown, str, strings, type Props } from "../../lib/values";
import { containersOf, effectiveSecurity, podSpecOf, WORKLOAD_TYPES } from "../../lib/workloads";

const HOST_NAMESPACES = ["hostNetwork", "hostPID", "hostIPC"] as const;
const SECCOMP_CONFINED = ["RuntimeDefault", "Localhost"];
/** The one capability the restricted Pod Security Standard lets a container add back. */
const ADDABLE_CAPABILITIES = ["NET_BIND_SERVICE"];

export function workloadNotPrivilegedProblems(props: Props, type: string): string[] {
    const pod = podSpecOf(type, props);
    if (!pod) return [];
    const problems: string[] = [];
    for (const field of HOST_NAMESPACES) {
        if (bool(pod[field]) === true) problems.push(`pod sets ${field}: true and shares the node's namespace`);
    }
    for (const { label, spec } of containersOf(pod)) {
        if (bool(get(spec, "securityContext.privileged")) === true) problems.push(`${label}: securityContext.privileged is true`);
        const escalation = get(spec, "securityContext.allowPrivilegeEscalation");
        // Unset means allowed: a setuid binary in the image can gain privileges.
        if (bool(escalation) !== false) problems.push(`${label}: securityContext.allowPrivilegeEscalation is ${shown(escalation)}, not false`);
        if (!strings(get(spec, "securityContext.capabilities.drop")).includes("ALL")) problems.push(`${label}: securityContext.capabilities.drop does not include ALL`);
        const added = strings(get(spec, "securityContext.capabilities.add")).filter((c) => !ADDABLE_CAPABILITIES.includes(c.replace(/^CAP_/, "")));
        if (added.length > 0) problems.push(`${label}: securityContext.capabilities.add grants ${added.join(", ")}`);
        const seccomp = str(effectiveSecurity(pod, spec, "seccompProfile.type"));
        if (!SECCOMP_CONFINED.includes(seccomp ?? "")) problems.push(`${label}: seccompProfile.type is ${seccomp ?? "unset at container and pod level"}, not RuntimeDefault or Localhost`);
    }
    return problems;
}

export const workloadNotPrivileged = resourceRule({
    name: "workload-not-privileged",
    description:
        "Kubernetes workloads run no privileged container, set allowPrivilegeEscalation: false and drop ALL capabilities on every container, share none of the node's network, PID or IPC namespaces, and run under the RuntimeDefault or a Localhost seccomp profile.",
    explanation:
        "Each of these is a step from a compromised container to the node: a privileged container or an added capability such as SYS_ADMIN can mount the host's disks; privilege escalation lets a setuid binary regain what was dropped; the host's network namespace exposes the node's interfaces and localhost-only services, its PID and IPC namespaces other pods' processes and memory; and without seccomp the whole kernel syscall surface is open. They are the restricted Pod Security Standard the app namespaces enforce, checked at preview rather than when the API server refuses the pod.",
    remediation:
        'Set securityContext: { seccompProfile: { type: "RuntimeDefault" } } in the pod spec, and on every container securityContext: { allowPrivilegeEscalation: false, privileged: false, capabilities: { drop: ["ALL"] } } (add back NET_BIND_SERVICE only if it binds a port below 1024); leave hostNetwork, hostPID and hostIPC unset.',
    enforcementLevel: "mandatory",
    area: "workload",
    anchors: ["CK_K8S_16", "CK_K8S_20", "CK_K8S_37", "CK_K8S_17", "CK_K8S_18", "CK_K8S_19", "CK_K8S_31", "TV KSV-0017", "TV KSV-0001", "TV KSV-0003", "TV KSV-0008", "TV KSV-0009", "TV KSV-0010", "TV KSV-0030"],
    types: WORKLOAD_TYPES,
    defaults: {},
    check: (props, ctx) => workloadNotPrivilegedProblems(props, ctx.type),
});

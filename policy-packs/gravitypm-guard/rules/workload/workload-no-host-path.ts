/** Kubernetes workloads mount no hostPath volumes [TV KSV-0023, CK_K8S_27]. */
import { resourceRule } from "../../lib/rule";
import { get, known, present, records, str, type Props } from "../../lib/values";
import { podSpecOf, WORKLOAD_TYPES } from "../../lib/workloads";

export function workloadNoHostPathProblems(props: Props, type: string): string[] {
    const pod = podSpecOf(type, props);
    if (!pod) return [];
    return records(pod.volumes)
        .filter((v) => present(v, "hostPath"))
        .map((v) => {
            // The path only names the finding: a hostPath volume violates whatever it mounts.
            const path = known(() => str(get(v, "hostPath.path")));
            return `volume ${str(v.name) ?? "(unnamed)"} mounts the node's ${path.known ? (path.value ?? "(unset path)") : "(path unknown at preview)"}`;
        });
}

export const workloadNoHostPath = resourceRule({
    name: "workload-no-host-path",
    description: "Kubernetes workloads mount no hostPath volumes.",
    explanation:
        "A hostPath volume hands the container a directory of the node itself: the container runtime socket, the kubelet's credentials or other pods' volumes are one path away, and a writable mount survives the pod. The Pod Security Standards forbid it from the baseline profile up, so the app's restricted namespaces would refuse the pod anyway; this catches it at preview instead.",
    remediation: "Use emptyDir for scratch space, a PersistentVolumeClaim for data, and a ConfigMap, Secret or projected volume for files; node agents belong in the cluster's managed add-ons, not in app workloads.",
    enforcementLevel: "mandatory",
    area: "workload",
    anchors: ["TV KSV-0023", "CK_K8S_27"],
    types: WORKLOAD_TYPES,
    defaults: {},
    check: (props, ctx) => workloadNoHostPathProblems(props, ctx.type),
});

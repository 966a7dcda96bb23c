/** Kubernetes workloads request CPU and memory and cap memory for every container [CK_K8S_10, CK_K8S_12, CK_K8S_13, TV KSV-0015, TV KSV-0016, TV KSV-0018]. */
import { resourceRule } from "../../lib/rule";
import { present, type Props } from "../../lib/values";
import { containersOf, podSpecOf, WORKLOAD_TYPES } from "../../lib/workloads";

const REQUIRED = ["requests.cpu", "requests.memory", "limits.memory"] as const;

export function workloadResourcesProblems(props: Props, type: string): string[] {
    const pod = podSpecOf(type, props);
    if (!pod) return [];
    return containersOf(pod).flatMap(({ label, spec }) => {
        // A value unknown at preview (computed from config) is set: it is a quantity, just not yet known.
        const missing = REQUIRED.filter((path) => !present(spec, `resources.${path}`));
        return missing.length === 0 ? [] : [`${label}: resources.${missing.join(", resources.")} unset`];
    });
}

export const workloadResources = resourceRule({
    name: "workload-resources",
    description: "Kubernetes workloads set CPU and memory requests and a memory limit on every container and init container.",
    explanation:
        "The scheduler places pods by their requests: without them a node is overcommitted and its pods are the first the kubelet evicts (BestEffort QoS), and the autoscalers have nothing to scale on. Without a memory limit one leaking container can push the node into memory pressure and take its neighbours down with it. A CPU limit is left out on purpose: it throttles a pod even on an idle node.",
    remediation: 'Set resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { memory: "512Mi" } } (sized from the service\'s measured usage) on every container, init containers included.',
    enforcementLevel: "mandatory",
    area: "workload",
    anchors: ["CK_K8S_10", "CK_K8S_12", "CK_K8S_13", "TV KSV-0015", "TV KSV-0016", "TV KSV-0018"],
    types: WORKLOAD_TYPES,
    defaults: {},
    check: (props, ctx) => workloadResourcesProblems(props, ctx.type),
});

/** Every namespace that runs a declared workload has a default-deny NetworkPolicy [CK2_K8S_6]. */
import { stackRule, type Finding } from "../../lib/rule";
import type { StackView } from "../../lib/stack";
import { get, isRecord, known, list, record, records, strings, type Props } from "../../lib/values";
import { K8S_NAMESPACE, K8S_NETWORK_POLICY, placementKey, placementOf, WORKLOAD_TYPES, workloadLabel } from "../../lib/workloads";

/** An ingress rule without `from` and `ports` (or an egress rule without `to` and `ports`) admits all traffic. */
function admitsEverything(rule: Record<string, unknown>, peers: "from" | "to"): boolean {
    return list(rule[peers]).length === 0 && list(rule.ports).length === 0;
}

/**
 * A policy that selects every pod of its namespace (an empty or absent podSelector), governs
 * both directions, and has no rule that admits everything. Its other rules may open what the
 * namespace needs (DNS, the ingress controller); what they leave out stays denied.
 */
export function isDefaultDeny(props: Props): boolean {
    const spec = record(props.spec) ?? {};
    const selector = get(spec, "podSelector");
    const selectsAll = !isRecord(selector) || (Object.keys(record(selector.matchLabels) ?? {}).length === 0 && list(selector.matchExpressions).length === 0);
    const types = strings(spec.policyTypes);
    return (
        selectsAll &&
        types.includes("Ingress") &&
        types.includes("Egress") &&
        !records(spec.ingress).some((r) => admitsEverything(r, "from")) &&
        !records(spec.egress).some((r) => admitsEverything(r, "to"))
    );
}

export function namespaceDefaultDenyFindings(stack: StackView): Finding[] {
    const covered = new Set<string>();
    // Clusters with a policy whose namespace is unknown at preview: any of their namespaces may be covered.
    const unplaced = new Set<string>();
    for (const policy of stack.ofType(K8S_NETWORK_POLICY)) {
        const deny = known(() => isDefaultDeny(policy.props));
        if (deny.known && !deny.value) continue;
        const placement = placementOf(policy, stack);
        // A policy whose spec is unknown at preview may be the default deny: it counts until it is known.
        if (placement) covered.add(placementKey(placement));
        else unplaced.add(policy.provider?.urn ?? "");
    }
    const workloads = stack.ofType(...WORKLOAD_TYPES);
    const clusters = new Set(workloads.map((w) => w.provider?.urn ?? ""));
    return workloads.flatMap((w) => {
        const placement = placementOf(w, stack);
        if (!placement || covered.has(placementKey(placement)) || unplaced.has(placement.cluster)) return [];
        const cluster = clusters.size > 1 && placement.cluster ? ` on the cluster of provider ${placement.cluster.split("::").pop()}` : "";
        return [{ urn: w.urn, message: `${workloadLabel(w.type, w.name)} runs in namespace ${placement.namespace}${cluster}, which has no default-deny NetworkPolicy (podSelector {} with policyTypes Ingress and Egress)` }];
    });
}

export const workloadNamespaceDefaultDeny = stackRule({
    name: "workload-namespace-default-deny",
    description:
        "Every namespace that runs a workload declared in the plan has a default-deny NetworkPolicy: a podSelector that selects every pod and policyTypes with both Ingress and Egress.",
    explanation:
        "Kubernetes admits all traffic to and from a pod until a NetworkPolicy selects it, so one compromised pod can reach every other pod, the cloud metadata endpoint and the data tier's private endpoints. A default deny per namespace turns that around: each allow policy then opens only what the service needs. The namespace is the workload's metadata.namespace, else its provider's default namespace, else default, and namespaces are told apart per cluster (provider). Workloads inside a Helm v3 release (kubernetes:helm.sh/v3:Release) are rendered by the provider and are not in the plan, so their namespaces are not judged here; nor is a workload or policy whose namespace is unknown at preview and depends on no Namespace resource that names it.",
    remediation:
        'Add a NetworkPolicy in each app namespace: { metadata: { namespace }, spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] } }, then allow policies for DNS (kube-system:53), the ingress controller and each dependency.',
    enforcementLevel: "mandatory",
    area: "workload",
    anchors: ["CK2_K8S_6"],
    types: [...WORKLOAD_TYPES, K8S_NETWORK_POLICY, K8S_NAMESPACE],
    defaults: {},
    check: (stack) => namespaceDefaultDenyFindings(stack),
});

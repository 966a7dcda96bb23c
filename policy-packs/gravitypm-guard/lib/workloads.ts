/**
 * Kubernetes workloads as a plan holds them. A @pulumi/kubernetes resource's inputs are its
 * manifest (apiVersion, kind, metadata, spec); each workload kind keeps its pod template at
 * its own path, and a pod runs its init containers (sidecars included) and its containers.
 * Helm v3 releases (`kubernetes:helm.sh/v3:Release`) render their objects inside the
 * provider, so their workloads never appear in the plan; Helm v4 charts and yaml/v2 config
 * groups register each object as a resource of its own and are judged like any other.
 */
import type { StackResource, StackView } from "./stack";
import { get, isRecord, known, records, str, type Props } from "./values";

/** Where each workload kind keeps its pod spec. */
export const WORKLOAD_POD_SPEC: Readonly<Record<string, string>> = {
    "kubernetes:apps/v1:Deployment": "spec.template.spec",
    "kubernetes:apps/v1:StatefulSet": "spec.template.spec",
    "kubernetes:apps/v1:DaemonSet": "spec.template.spec",
    "kubernetes:apps/v1:ReplicaSet": "spec.template.spec",
    "kubernetes:batch/v1:Job": "spec.template.spec",
    "kubernetes:batch/v1:CronJob": "spec.jobTemplate.spec.template.spec",
    "kubernetes:core/v1:Pod": "spec",
};

export const WORKLOAD_TYPES: readonly string[] = Object.keys(WORKLOAD_POD_SPEC);

export const K8S_NAMESPACE = "kubernetes:core/v1:Namespace";
export const K8S_NETWORK_POLICY = "kubernetes:networking.k8s.io/v1:NetworkPolicy";

export interface PodContainer {
    /** `container api` or `init container migrate`, for messages. */
    readonly label: string;
    readonly spec: Record<string, unknown>;
}

/** The workload's pod spec; undefined for a type that is not a workload or a manifest without one. */
export function podSpecOf(type: string, props: Props): Record<string, unknown> | undefined {
    const path = WORKLOAD_POD_SPEC[type];
    if (path === undefined) return undefined;
    const spec = get(props, path);
    return isRecord(spec) ? spec : undefined;
}

/** Init containers first, as the kubelet starts them. */
export function containersOf(pod: Record<string, unknown>): PodContainer[] {
    const named = (kind: string) => (c: Record<string, unknown>, i: number) => ({ label: `${kind} ${str(c.name) ?? `#${i + 1}`}`, spec: c });
    return [...records(pod.initContainers).map(named("init container")), ...records(pod.containers).map(named("container"))];
}

/** A container's securityContext field, else the pod's: the container's value wins where both are set. */
export function effectiveSecurity(pod: Record<string, unknown>, container: Record<string, unknown>, path: string): unknown {
    const own = get(container, `securityContext.${path}`);
    return own !== undefined && own !== null ? own : get(pod, `securityContext.${path}`);
}

/** `Deployment api`: the kind from the type token and the resource's name. */
export function workloadLabel(type: string, name: string): string {
    return `${type.split(":").pop() ?? type} ${name}`;
}

/** Where a namespaced object lands: its cluster (the URN of the provider that deploys it) and namespace. */
export interface Placement {
    readonly cluster: string;
    readonly namespace: string;
}

export const placementKey = (p: Placement): string => `${p.cluster} ${p.namespace}`;

/**
 * The object's own metadata.namespace, else its provider's default namespace, else
 * "default" (as the Kubernetes provider resolves it). A namespace unknown at preview (the
 * name output of a Namespace created in the same update) is read from the one Namespace
 * resource the object's metadata depends on; undefined when nothing tells.
 */
export function placementOf(r: StackResource, stack: StackView): Placement | undefined {
    const cluster = r.provider?.urn ?? "";
    const own = known(() => str(get(r.props, "metadata.namespace")));
    if (own.known) {
        if (own.value) return { cluster, namespace: own.value };
        const fallback = known(() => str(r.provider?.props.namespace));
        return fallback.known ? { cluster, namespace: fallback.value || "default" } : undefined;
    }
    const names = new Set(
        stack
            .dependenciesOf(r, "metadata")
            .filter((d) => d.type === K8S_NAMESPACE)
            .map((d) => known(() => str(get(d.props, "metadata.name"))))
            .flatMap((n) => (n.known && n.value ? [n.value] : [])),
    );
    return names.size === 1 ? { cluster, namespace: [...names][0] } : undefined;
}

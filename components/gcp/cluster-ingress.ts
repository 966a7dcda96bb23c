/**
 * The public entry point: ingress-nginx behind a regional external passthrough load balancer
 * that GKE's service controller creates from the Service, bound to a static address this
 * program owns so the Edge knows its origin before the controller exists. Only 443 is exposed
 * (plus the health-check node port `externalTrafficPolicy: Local` allocates); TLS terminates in
 * ingress-nginx.
 */
import { Address } from "@pulumi/gcp/compute/address";
import { Namespace } from "@pulumi/kubernetes/core/v1/namespace";
import { Release } from "@pulumi/kubernetes/helm/v3/release";
import type { Provider as K8sProvider } from "@pulumi/kubernetes/provider";
import * as pulumi from "@pulumi/pulumi";
import { INGRESS_NGINX_CHART } from "../../domain/catalogs/gcp";
import type { ClusterArgs } from "../contracts/cluster";
import type { GcpTypes } from ".";
import { INGRESS_NAMESPACE } from "../shared/ingress-nginx";

export { INGRESS_NAMESPACE };

/** The namespace, as the Kubernetes object (validated against the OpenAPI schema in tests). */
export function ingressNamespaceObject(): { metadata: { name: string; labels: Record<string, string> } } {
    // The controller binds 443 with NET_BIND_SERVICE: the baseline Pod Security level allows that, restricted does not.
    return { metadata: { name: INGRESS_NAMESPACE, labels: { "pod-security.kubernetes.io/enforce": "baseline", "pod-security.kubernetes.io/warn": "restricted" } } };
}

/** The chart values: a LoadBalancer Service on the static IP, HTTPS only. */
export function ingressValues(ip: pulumi.Input<string>, replicas: number): Record<string, unknown> {
    return {
        controller: {
            replicaCount: replicas,
            service: {
                type: "LoadBalancer",
                loadBalancerIP: ip,
                // Keeps client addresses and gives the load balancer a per-node health check.
                externalTrafficPolicy: "Local",
                enableHttp: false,
                enableHttps: true,
                ports: { https: 443 },
            },
        },
    };
}

export function gcpIngress(name: string, args: ClusterArgs<GcpTypes>, provider: K8sProvider, dependsOn: pulumi.Resource[], parent: pulumi.Resource): { address: Address; release: Release } {
    const { site } = args;
    const address = new Address(
        `${name}-ingress-ip`,
        { project: site.project, region: site.region, name: `${site.namePrefix}-${args.role}-ingress`, addressType: "EXTERNAL", networkTier: "PREMIUM", description: "ingress-nginx load balancer" },
        { parent, provider: site.provider, protect: args.protect },
    );
    const namespace = new Namespace(`${name}-ingress-ns`, ingressNamespaceObject(), { parent, provider, dependsOn });
    const release = new Release(
        `${name}-ingress`,
        {
            name: "ingress-nginx",
            chart: INGRESS_NGINX_CHART.name.value,
            version: INGRESS_NGINX_CHART.version.value,
            repositoryOpts: { repo: INGRESS_NGINX_CHART.repo.value },
            namespace: namespace.metadata.name,
            values: ingressValues(address.address, args.role === "standby" ? 1 : 2),
            atomic: true,
        },
        { parent, provider, dependsOn },
    );
    return { address, release };
}

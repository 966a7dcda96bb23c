/**
 * The public entry point: ingress-nginx behind a Network Load Balancer that the cloud
 * controller EKS runs creates from the Service's annotations, internet-facing in the public
 * subnets (tagged kubernetes.io/role/elb). Only 443 is exposed; TLS terminates at ingress-nginx.
 */
import { Namespace } from "@pulumi/kubernetes/core/v1/namespace";
import { Service } from "@pulumi/kubernetes/core/v1/service";
import { Release } from "@pulumi/kubernetes/helm/v3/release";
import type { Provider } from "@pulumi/kubernetes/provider";
import * as pulumi from "@pulumi/pulumi";
import { EKS_NLB_SERVICE_ANNOTATIONS, INGRESS_NGINX_CHART } from "../../domain/catalogs/aws";
import { INGRESS_NAMESPACE } from "../shared/ingress-nginx";

export { INGRESS_NAMESPACE };
/** `fullnameOverride`, so the controller Service is `<this>-controller`. */
export const INGRESS_RELEASE = "ingress-nginx";
export const INGRESS_SERVICE = `${INGRESS_RELEASE}-controller`;

/** The namespace object: pods there may run no more than the baseline profile allows (restricted warns). */
export function ingressNamespaceManifest(): { metadata: { name: string; labels: Record<string, string> } } {
    return {
        metadata: {
            name: INGRESS_NAMESPACE,
            labels: {
                "pod-security.kubernetes.io/enforce": "baseline",
                "pod-security.kubernetes.io/warn": "restricted",
            },
        },
    };
}

/**
 * Chart values: a LoadBalancer Service of the NLB type with HTTPS only; `Local` traffic policy
 * keeps client addresses and makes the NLB health-check the node's health-check port, so only
 * nodes running a controller pod receive traffic. Two replicas spread across zones.
 */
export function ingressValues(): Record<string, unknown> {
    return {
        fullnameOverride: INGRESS_RELEASE,
        controller: {
            replicaCount: 2,
            topologySpreadConstraints: [
                {
                    maxSkew: 1,
                    topologyKey: "topology.kubernetes.io/zone",
                    whenUnsatisfiable: "ScheduleAnyway",
                    labelSelector: { matchLabels: { "app.kubernetes.io/name": INGRESS_RELEASE, "app.kubernetes.io/component": "controller" } },
                },
            ],
            service: {
                type: "LoadBalancer",
                externalTrafficPolicy: "Local",
                enableHttp: false,
                enableHttps: true,
                annotations: { ...EKS_NLB_SERVICE_ANNOTATIONS.value },
            },
        },
    };
}

export interface Ingress {
    readonly release: Release;
    readonly hostname: pulumi.Output<string>;
}

export function ingress(name: string, provider: Provider, dependsOn: pulumi.Resource[], parent: pulumi.Resource): Ingress {
    const opts = { parent, provider };
    const namespace = new Namespace(`${name}-ingress-namespace`, ingressNamespaceManifest(), { ...opts, dependsOn });
    const chart = INGRESS_NGINX_CHART.value;
    const release = new Release(
        `${name}-ingress`,
        {
            name: INGRESS_RELEASE,
            chart: chart.chart,
            version: chart.version,
            repositoryOpts: { repo: chart.repo },
            namespace: namespace.metadata.name,
            values: ingressValues(),
        },
        { ...opts, dependsOn: [namespace, ...dependsOn] },
    );
    // The load balancer's name is known only once the controller has made it; read the Service
    // after the release has waited for it.
    const service = Service.get(`${name}-ingress-service`, pulumi.interpolate`${namespace.metadata.name}/${INGRESS_SERVICE}`, { ...opts, dependsOn: [release] });
    const hostname = service.status.apply((status) => status?.loadBalancer?.ingress?.[0]?.hostname ?? "");
    return { release, hostname };
}

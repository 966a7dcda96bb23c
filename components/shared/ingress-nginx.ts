/**
 * The ingress controller every cluster runs (ingress-nginx from its Helm chart): where it lives
 * and how its pods are labelled, so the app's Ingress names its class and the app's
 * NetworkPolicies admit exactly its pods, on every cloud alike.
 */
import type { IngressController } from "../contracts/cluster";

export const INGRESS_NAMESPACE = "ingress-nginx";

/** The chart's default IngressClass (`controller.ingressClassResource.name`) and the labels its
 * controller pods carry (`app.kubernetes.io/name` is the chart name, unaffected by `fullnameOverride`). */
export const INGRESS_NGINX_CONTROLLER: IngressController = {
    className: "nginx",
    namespace: INGRESS_NAMESPACE,
    podLabels: { "app.kubernetes.io/name": "ingress-nginx", "app.kubernetes.io/component": "controller" },
};

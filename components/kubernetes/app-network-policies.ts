/**
 * The app namespace's NetworkPolicies: deny everything, then open exactly the paths the app
 * needs. Every cluster enforces them (EKS VPC CNI network policy, GKE Dataplane V2, AKS Cilium).
 *
 *   ingress controller → frontend, backend      (the only way in)
 *   every pod          → cluster DNS
 *   backend            → the data tier's private ranges (database, cache, private endpoints)
 *   backend            → workload-identity credential endpoints, and HTTPS to public addresses
 *                        (cloud APIs, the identity provider); never to other private ranges
 *
 * The frontend reaches nothing but DNS: the browser, not the frontend, calls the API.
 * Kubelet probes come from the node and are not subject to these policies on any of the three.
 */
import type * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import type { AppService } from "../../domain/capabilities/app";
import type { CredentialEndpoint, IngressController } from "../contracts/cluster";
import { HTTP_PORT, NAME_LABEL, PART_OF } from "./app-manifests";

type NetworkPolicy = k8s.types.input.networking.v1.NetworkPolicy;

/** RFC 1918 and the shared address space (GKE's pod and service ranges here): the public-HTTPS
 * rule excludes them, so "the internet" never means "the network". */
export const NON_PUBLIC_RANGES = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"] as const;

/** The cluster DNS pods: CoreDNS (EKS, AKS) and kube-dns (GKE) carry the same label. */
const CLUSTER_DNS = { namespace: "kube-system", podLabels: { "k8s-app": "kube-dns" } } as const;

const namespaceSelector = (name: string) => ({ matchLabels: { "kubernetes.io/metadata.name": name } });

function policy(namespace: pulumi.Input<string>, name: string, spec: NetworkPolicy["spec"]): NetworkPolicy {
    return { metadata: { name, namespace, labels: { "app.kubernetes.io/part-of": PART_OF } }, spec };
}

export interface AppNetworkPolicyArgs {
    readonly namespace: pulumi.Input<string>;
    readonly ingressController: IngressController;
    readonly dataTierCidrs: readonly string[];
    readonly credentialEndpoints: readonly CredentialEndpoint[];
}

/** The policies by their object names, in the order they should be read. */
export function appNetworkPolicies(args: AppNetworkPolicyArgs): Readonly<Record<string, NetworkPolicy>> {
    const { namespace } = args;
    const fromIngressController = (service: AppService): NetworkPolicy =>
        policy(namespace, `${service}-from-ingress`, {
            podSelector: { matchLabels: { [NAME_LABEL]: service } },
            policyTypes: ["Ingress"],
            ingress: [
                {
                    from: [{ namespaceSelector: namespaceSelector(args.ingressController.namespace), podSelector: { matchLabels: { ...args.ingressController.podLabels } } }],
                    ports: [{ protocol: "TCP", port: HTTP_PORT }],
                },
            ],
        });
    return {
        "default-deny": policy(namespace, "default-deny", { podSelector: {}, policyTypes: ["Ingress", "Egress"] }),
        "allow-dns": policy(namespace, "allow-dns", {
            podSelector: {},
            policyTypes: ["Egress"],
            egress: [
                {
                    to: [{ namespaceSelector: namespaceSelector(CLUSTER_DNS.namespace), podSelector: { matchLabels: { ...CLUSTER_DNS.podLabels } } }],
                    ports: [
                        { protocol: "UDP", port: 53 },
                        { protocol: "TCP", port: 53 },
                    ],
                },
            ],
        }),
        "frontend-from-ingress": fromIngressController("frontend"),
        "backend-from-ingress": fromIngressController("backend"),
        // Addresses, not ports: Atlas PrivateLink and clustered caches answer on per-node port
        // ranges, and the data tier holds nothing but the data stores and their endpoints.
        "backend-to-data-tier": policy(namespace, "backend-to-data-tier", {
            podSelector: { matchLabels: { [NAME_LABEL]: "backend" } },
            policyTypes: ["Egress"],
            egress: [{ to: args.dataTierCidrs.map((cidr) => ({ ipBlock: { cidr } })) }],
        }),
        "backend-to-cloud-apis": policy(namespace, "backend-to-cloud-apis", {
            podSelector: { matchLabels: { [NAME_LABEL]: "backend" } },
            policyTypes: ["Egress"],
            egress: [
                { to: [{ ipBlock: { cidr: "0.0.0.0/0", except: [...NON_PUBLIC_RANGES] } }], ports: [{ protocol: "TCP", port: 443 }] },
                ...args.credentialEndpoints.map((endpoint) => ({ to: [{ ipBlock: { cidr: endpoint.cidr } }], ports: [{ protocol: "TCP", port: endpoint.port }] })),
            ],
        }),
    };
}

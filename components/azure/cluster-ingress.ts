/**
 * The public entry point: ingress-nginx behind the AKS cloud provider's Standard load balancer,
 * bound to a static, zone-redundant public IP this program owns (so the Edge knows the origin's
 * address before any Service exists, and a re-created Service keeps it). TLS terminates at
 * ingress-nginx; only 443 is exposed, plus the health-check node port the load balancer probes.
 */
import { Release } from "@pulumi/kubernetes/helm/v3/release";
import { Namespace } from "@pulumi/kubernetes/core/v1/namespace";
import type { Provider as KubernetesProvider } from "@pulumi/kubernetes/provider";
import { PublicIPAddress } from "@pulumi/azure-native/network/publicIPAddress";
import { SecurityRule } from "@pulumi/azure-native/network/securityRule";
import type * as pulumi from "@pulumi/pulumi";
import { AKS_LOAD_BALANCER_ANNOTATIONS, AZURE_INGRESS_NGINX_CHART } from "../../domain/catalogs/azure";
import type { AzureNetwork } from "./network";
import type { AzureSite } from "./site";
import { INGRESS_NAMESPACE } from "../shared/ingress-nginx";

export { INGRESS_NAMESPACE };
/** Where the load balancer probes the controller (externalTrafficPolicy Local: only nodes running a controller answer). */
export const INGRESS_HEALTH_PATH = "/healthz";
/** The app tier's NSG rule that lets HTTPS from the internet reach the controller's nodes. */
export const INGRESS_RULE_PRIORITY = 200;

/**
 * The namespace of the controller, under the `baseline` Pod Security Standard: the chart's pods
 * run unprivileged, and nothing else may run privileged there.
 */
export function ingressNamespaceManifest(): { apiVersion: "v1"; kind: "Namespace"; metadata: { name: string; labels: Record<string, string> } } {
    return {
        apiVersion: "v1",
        kind: "Namespace",
        metadata: {
            name: INGRESS_NAMESPACE,
            labels: { "pod-security.kubernetes.io/enforce": "baseline", "pod-security.kubernetes.io/warn": "restricted" },
        },
    };
}

/** The chart's values: a LoadBalancer Service on 443 only, bound to the program's public IP, a controller per zone. */
export function ingressValues(args: { readonly resourceGroupName: string; readonly publicIpName: string; readonly zones: readonly string[] }): Record<string, unknown> {
    const annotations = AKS_LOAD_BALANCER_ANNOTATIONS.value;
    return {
        controller: {
            replicaCount: Math.max(2, args.zones.length),
            topologySpreadConstraints: [
                {
                    maxSkew: 1,
                    topologyKey: "topology.kubernetes.io/zone",
                    whenUnsatisfiable: "ScheduleAnyway",
                    labelSelector: { matchLabels: { "app.kubernetes.io/name": "ingress-nginx", "app.kubernetes.io/component": "controller" } },
                },
            ],
            service: {
                type: "LoadBalancer",
                // Client addresses reach nginx, and the probe sends traffic only to nodes with a controller.
                externalTrafficPolicy: "Local",
                enableHttp: false,
                enableHttps: true,
                annotations: {
                    [annotations.resourceGroup]: args.resourceGroupName,
                    [annotations.pipName]: args.publicIpName,
                    [annotations.healthProbePath]: INGRESS_HEALTH_PATH,
                },
            },
        },
    };
}

export interface ClusterIngressArgs {
    readonly site: AzureSite;
    readonly network: AzureNetwork;
    readonly provider: KubernetesProvider;
    /** `protect` on the public IP, whose address the Edge points at. */
    readonly protect: boolean;
    /** What the release waits for: the cluster identity's grant on the IP's resource group, the deployer's cluster-admin grant. */
    readonly dependsOn: pulumi.Resource[];
}

export interface ClusterIngress {
    readonly publicIp: PublicIPAddress;
    readonly release: Release;
}

/** Children `<name>-ingress-ip`, `-ingress-https-rule`, `-ingress-namespace`, `-ingress`. */
export function clusterIngress(name: string, args: ClusterIngressArgs, parent: pulumi.Resource): ClusterIngress {
    const { site } = args;
    const child = { parent, provider: site.provider };
    const publicIpName = `${site.namePrefix}-${site.role}-ingress`;
    const publicIp = new PublicIPAddress(
        `${name}-ingress-ip`,
        {
            publicIpAddressName: publicIpName,
            resourceGroupName: site.resourceGroupName,
            location: site.location,
            sku: { name: "Standard", tier: "Regional" },
            publicIPAllocationMethod: "Static",
            publicIPAddressVersion: "IPv4",
            zones: [...site.zones],
            // A name under cloudapp.azure.com, hashed per resource group so no other tenant holds it.
            dnsSettings: { domainNameLabel: publicIpName, domainNameLabelScope: "ResourceGroupReuse" },
            tags: { ...site.tags },
        },
        // The Edge points at this address: losing it means re-pointing the Edge.
        { ...child, protect: args.protect },
    );
    site.diagnostics.register({ name: `${name}-ingress-ip`, kind: "publicIp", resourceId: publicIp.id });
    // The nodes sit in the app tier, whose NSG denies the internet: HTTPS to the ingress address
    // only. Named as components/azure/network.ts names the tier's NSG; added after its own rules,
    // because Azure refuses concurrent writes to one NSG.
    const httpsRule = new SecurityRule(
        `${name}-ingress-https-rule`,
        {
            securityRuleName: "allow-ingress-https-inbound",
            networkSecurityGroupName: `${site.namePrefix}-${site.role}-app`,
            resourceGroupName: site.resourceGroupName,
            direction: "Inbound",
            priority: INGRESS_RULE_PRIORITY,
            access: "Allow",
            protocol: "Tcp",
            sourceAddressPrefix: "Internet",
            sourcePortRange: "*",
            destinationAddressPrefix: publicIp.ipAddress.apply((ip) => ip ?? ""),
            destinationPortRange: "443",
            description: "HTTPS from the internet to the ingress load balancer's address (the controller's nodes)",
        },
        { ...child, dependsOn: [args.network] },
    );
    const namespace = new Namespace(`${name}-ingress-namespace`, ingressNamespaceManifest(), { parent, provider: args.provider, dependsOn: args.dependsOn });
    const chart = AZURE_INGRESS_NGINX_CHART.value;
    const release = new Release(
        `${name}-ingress`,
        {
            name: "ingress-nginx",
            chart: chart.chart,
            version: chart.version,
            repositoryOpts: { repo: chart.repo },
            namespace: namespace.metadata.name,
            values: site.resourceGroupName.apply((resourceGroupName) => ingressValues({ resourceGroupName, publicIpName, zones: site.zones })),
            atomic: true,
            cleanupOnFail: true,
            maxHistory: 5,
        },
        { parent, provider: args.provider, dependsOn: [publicIp, httpsRule, ...args.dependsOn] },
    );
    return { publicIp, release };
}

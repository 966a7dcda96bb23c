import { Firewall } from "@pulumi/gcp/compute/firewall";
import { GlobalAddress } from "@pulumi/gcp/compute/globalAddress";
import { Network as VpcNetwork } from "@pulumi/gcp/compute/network";
import { Router } from "@pulumi/gcp/compute/router";
import { RouterNat } from "@pulumi/gcp/compute/routerNat";
import { Subnetwork } from "@pulumi/gcp/compute/subnetwork";
import { Connection } from "@pulumi/gcp/servicenetworking/connection";
import type * as inputs from "@pulumi/gcp/types/input";
import * as pulumi from "@pulumi/pulumi";
import { IPv4CidrRange, IPv4Prefix } from "ip-num";
import { NETWORK_TYPE, type Network, type NetworkArgs } from "../contracts/network";
import type { SiteRole } from "../contracts/site";
import { layoutNetwork, type NetworkLayout } from "../../domain/network-layout";
import type { GcpKeys } from "./keys";
import type { GcpSite } from "./site";

/**
 * RFC 6598 shared address space. Site networks are validated to lie in RFC 1918 space, so
 * nothing carved from here can overlap any site's subnets, and GKE and private services
 * access both accept it.
 */
export const SHARED_ADDRESS_SPACE = "100.64.0.0/10";

/** Where Google Cloud load balancer health checks come from. */
export const GOOGLE_HEALTH_CHECK_RANGES: readonly string[] = ["35.191.0.0/16", "130.211.0.0/22"];

const ROLE_BLOCK: Record<SiteRole, number> = { primary: 0, dr: 1 };

/** Ranges a site uses beside its subnets' primary ranges. */
export interface GcpAddressPlan {
    /** GKE pods (app subnet secondary range): a /14, room for 1,024 nodes at 110 pods each. */
    readonly pods: string;
    /** GKE services (app subnet secondary range): 4,096 cluster IPs. */
    readonly services: string;
    /** Private services access (Memorystore and other Google-managed producers): the /16 Google recommends. */
    readonly privateServices: string;
}

function split(cidr: string, prefix: number): IPv4CidrRange[] {
    return IPv4CidrRange.fromCidr(cidr).splitInto(IPv4Prefix.fromNumber(BigInt(prefix)));
}

/**
 * The secondary and private-services ranges of a site, from its own /12 of the shared
 * address space per role, so the primary and DR networks never overlap and can be peered.
 */
export function gcpAddressPlan(role: SiteRole): GcpAddressPlan {
    const block = split(SHARED_ADDRESS_SPACE, 12)[ROLE_BLOCK[role]].toCidrString();
    const [pods, servicesBlock, privateServicesBlock] = split(block, 14);
    return {
        pods: pods.toCidrString(),
        services: split(servicesBlock.toCidrString(), 20)[0].toCidrString(),
        privateServices: split(privateServicesBlock.toCidrString(), 16)[0].toCidrString(),
    };
}

/** Every flow, every 5 seconds, with all metadata: what CIS GCP 3.8 asks for. */
const FLOW_LOGS: inputs.compute.SubnetworkLogConfig = {
    aggregationInterval: "INTERVAL_5_SEC",
    flowSampling: 1.0,
    metadata: "INCLUDE_ALL_METADATA",
};

export const PODS_RANGE_NAME = "pods";
export const SERVICES_RANGE_NAME = "services";

/**
 * A custom-mode VPC network with regional subnets for the app tier (GKE nodes, with pod and
 * service secondary ranges), the data tier (Private Service Connect endpoints) and the
 * public tier (the proxy-only subnet regional Envoy load balancers run in); Cloud NAT for
 * egress; flow logs on every subnet that supports them; a logged deny-all ingress rule so
 * nothing is open by default, except load balancer health checks to the app tier; and
 * private services access for Google-managed data services.
 *
 * Flow logs go to Cloud Logging, whose retention is set per project on the log bucket by the
 * logging component, so `flowLogRetentionDays`, `keys` and `protect` have no store to apply
 * to here. Cloud NAT is a regional, zone-resilient service rather than a gateway per zone,
 * so `natPerZone` has nothing to choose.
 */
export class GcpNetwork extends pulumi.ComponentResource implements Network {
    public readonly networkId: pulumi.Output<string>;
    public readonly networkSelfLink: pulumi.Output<string>;
    public readonly networkName: pulumi.Output<string>;
    public readonly cidr: string;
    public readonly layout: NetworkLayout;
    public readonly dataTierCidrs: readonly string[];
    public readonly addressPlan: GcpAddressPlan;
    public readonly appSubnetIds: pulumi.Output<string>[];
    public readonly dataSubnetIds: pulumi.Output<string>[];
    public readonly publicSubnetIds: pulumi.Output<string>[];
    public readonly appSubnetSelfLink: pulumi.Output<string>;
    public readonly dataSubnetSelfLink: pulumi.Output<string>;
    /** Secondary range names GKE's `ipAllocationPolicy` takes. */
    public readonly podsRangeName = PODS_RANGE_NAME;
    public readonly servicesRangeName = SERVICES_RANGE_NAME;
    /** The private services access peering: Memorystore and other producers depend on it. */
    public readonly privateServiceConnectionId: pulumi.Output<string>;
    /** The allocated range's name, what `reservedIpRange` of a Memorystore instance takes. */
    public readonly privateServiceRangeName: pulumi.Output<string>;

    constructor(name: string, args: NetworkArgs<GcpSite, GcpKeys>, opts?: pulumi.ComponentResourceOptions) {
        super(NETWORK_TYPE, name, {}, opts);
        const { site } = args;
        const child = { parent: this, provider: site.provider, dependsOn: [site.services] };
        const prefix = `${site.namePrefix}-${site.role}`;
        this.cidr = site.cidr;
        this.layout = layoutNetwork(site.cidr, site.zones.length);
        this.addressPlan = gcpAddressPlan(site.role);
        this.dataTierCidrs = [this.layout.data.cidr, this.addressPlan.privateServices];

        const network = new VpcNetwork(
            `${name}-vpc`,
            {
                project: site.project,
                name: prefix,
                autoCreateSubnetworks: false,
                // Cloud Routers advertise only their own region: each site's network stands alone.
                routingMode: "REGIONAL",
                // NAT egress needs the default internet route.
                deleteDefaultRoutesOnCreate: false,
            },
            child,
        );

        const app = new Subnetwork(
            `${name}-app`,
            {
                project: site.project,
                region: site.region,
                network: network.id,
                name: `${prefix}-app`,
                ipCidrRange: this.layout.app.cidr,
                privateIpGoogleAccess: true,
                secondaryIpRanges: [
                    { rangeName: PODS_RANGE_NAME, ipCidrRange: this.addressPlan.pods },
                    { rangeName: SERVICES_RANGE_NAME, ipCidrRange: this.addressPlan.services },
                ],
                logConfig: FLOW_LOGS,
            },
            child,
        );
        const data = new Subnetwork(
            `${name}-data`,
            {
                project: site.project,
                region: site.region,
                network: network.id,
                name: `${prefix}-data`,
                ipCidrRange: this.layout.data.cidr,
                privateIpGoogleAccess: true,
                logConfig: FLOW_LOGS,
            },
            child,
        );
        // Proxy-only subnets take neither flow logs nor Private Google Access: the API
        // rejects both for REGIONAL_MANAGED_PROXY, and no VM runs there.
        const proxy = new Subnetwork(
            `${name}-public`,
            {
                project: site.project,
                region: site.region,
                network: network.id,
                name: `${prefix}-public-proxy`,
                ipCidrRange: this.layout.public.cidr,
                purpose: "REGIONAL_MANAGED_PROXY",
                role: "ACTIVE",
            },
            child,
        );

        const router = new Router(`${name}-router`, { project: site.project, region: site.region, network: network.id, name: `${prefix}-router` }, child);
        new RouterNat(
            `${name}-nat`,
            {
                project: site.project,
                region: site.region,
                router: router.name,
                name: `${prefix}-nat`,
                natIpAllocateOption: "AUTO_ONLY",
                sourceSubnetworkIpRangesToNat: "ALL_SUBNETWORKS_ALL_IP_RANGES",
                // A GKE node egresses for all its pods: ports grow with demand instead of a
                // fixed 64 per node running out under load.
                enableDynamicPortAllocation: true,
                enableEndpointIndependentMapping: false,
                minPortsPerVm: 64,
                maxPortsPerVm: 4096,
                logConfig: { enable: true, filter: "ERRORS_ONLY" },
            },
            child,
        );

        // GCP already drops unmatched ingress at 65535; an explicit rule just above it makes
        // the default visible and logs what it blocks.
        new Firewall(
            `${name}-deny-all-ingress`,
            {
                project: site.project,
                network: network.id,
                name: `${prefix}-deny-all-ingress`,
                description: "Nothing is open by default; components open the paths they need at higher priority.",
                direction: "INGRESS",
                priority: 65534,
                sourceRanges: ["0.0.0.0/0"],
                denies: [{ protocol: "all" }],
                logConfig: { metadata: "INCLUDE_ALL_METADATA" },
            },
            child,
        );
        new Firewall(
            `${name}-allow-health-checks`,
            {
                project: site.project,
                network: network.id,
                name: `${prefix}-allow-health-checks`,
                description: "Google load balancer health checks to app-tier nodes and (container-native) pods only.",
                direction: "INGRESS",
                priority: 1000,
                sourceRanges: [...GOOGLE_HEALTH_CHECK_RANGES],
                destinationRanges: [this.layout.app.cidr, this.addressPlan.pods],
                allows: [{ protocol: "tcp" }],
            },
            child,
        );

        const privateServicesRange = IPv4CidrRange.fromCidr(this.addressPlan.privateServices);
        const reserved = new GlobalAddress(
            `${name}-private-services`,
            {
                project: site.project,
                network: network.id,
                name: `${prefix}-private-services`,
                purpose: "VPC_PEERING",
                addressType: "INTERNAL",
                address: privateServicesRange.getFirst().toString(),
                prefixLength: Number(privateServicesRange.getPrefix().getValue()),
            },
            child,
        );
        const connection = new Connection(
            `${name}-private-services-connection`,
            { network: network.id, service: "servicenetworking.googleapis.com", reservedPeeringRanges: [reserved.name] },
            child,
        );

        this.networkId = network.id;
        this.networkSelfLink = network.selfLink;
        this.networkName = network.name;
        this.appSubnetIds = [app.id];
        this.dataSubnetIds = [data.id];
        this.publicSubnetIds = [proxy.id];
        this.appSubnetSelfLink = app.selfLink;
        this.dataSubnetSelfLink = data.selfLink;
        this.privateServiceConnectionId = connection.id;
        this.privateServiceRangeName = reserved.name;
        this.registerOutputs({ networkId: this.networkId, privateServiceConnectionId: this.privateServiceConnectionId });
    }
}

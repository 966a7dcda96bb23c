/**
 * Address plan for one region's network, computed from its CIDR with ip-num so every cloud
 * lays out the same tiers the same way:
 *
 *   first half      app tier (workloads, Kubernetes nodes and pods on AWS VPC CNI): 4 zone blocks
 *   third quarter   data tier (databases, caches, private endpoints): 4 zone blocks
 *   last quarter    public tier (load balancers and NAT only): 4 zone blocks
 *
 * AWS subnets are zonal, so it uses the zone blocks; GCP and Azure subnets are regional, so
 * they use the whole tier range. Four zone blocks per tier leave room for a fourth zone
 * without renumbering existing subnets (renumbering replaces them).
 */
import { IPv4CidrRange, IPv4Prefix, Validator } from "ip-num";

export const MIN_NETWORK_PREFIX = 16;
export const MAX_NETWORK_PREFIX = 22;
export const MAX_ZONES = 4;

/** RFC 1918 private ranges: a platform network must sit inside one of them. */
const PRIVATE_RANGES = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"].map((c) => IPv4CidrRange.fromCidr(c));

export type Tier = "app" | "data" | "public";

export interface TierLayout {
    /** The tier's whole range (regional subnets). */
    readonly cidr: string;
    /** One block per zone, in zone order (zonal subnets). */
    readonly zoneCidrs: readonly string[];
}

export type NetworkLayout = Readonly<Record<Tier, TierLayout>>;

/** Why a CIDR cannot be a platform network, or undefined when it can. */
export function networkCidrProblem(cidr: string): string | undefined {
    const [valid] = Validator.isValidIPv4CidrNotation(cidr);
    if (!valid) return "is not an IPv4 CIDR block such as 10.0.0.0/16";
    const range = IPv4CidrRange.fromCidr(cidr);
    if (range.getFirst().toString() !== cidr.split("/")[0]) {
        return `has host bits set; the network address is ${range.getFirst().toString()}/${cidr.split("/")[1]}`;
    }
    if (!PRIVATE_RANGES.some((p) => range.inside(p) || range.isEquals(p))) {
        return "is not private; use a block inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16";
    }
    const prefix = Number(range.getPrefix().getValue());
    if (prefix < MIN_NETWORK_PREFIX || prefix > MAX_NETWORK_PREFIX) {
        return `has prefix /${prefix}; allowed /${MIN_NETWORK_PREFIX} to /${MAX_NETWORK_PREFIX}`;
    }
    return undefined;
}

export function cidrsOverlap(a: string, b: string): boolean {
    return IPv4CidrRange.fromCidr(a).isOverlapping(IPv4CidrRange.fromCidr(b));
}

function splitTo(range: IPv4CidrRange, prefix: number): IPv4CidrRange[] {
    return range.splitInto(IPv4Prefix.fromNumber(BigInt(prefix)));
}

/** Lays out the tiers of a network; `cidr` must have passed {@link networkCidrProblem}. */
export function layoutNetwork(cidr: string, zoneCount: number): NetworkLayout {
    if (zoneCount < 1 || zoneCount > MAX_ZONES) {
        throw new RangeError(`zoneCount ${zoneCount} is outside 1..${MAX_ZONES}`);
    }
    const range = IPv4CidrRange.fromCidr(cidr);
    const prefix = Number(range.getPrefix().getValue());
    const [firstHalf, secondHalf] = splitTo(range, prefix + 1);
    const [dataRange, publicRange] = splitTo(secondHalf, prefix + 2);
    const tier = (r: IPv4CidrRange, blockPrefix: number): TierLayout => ({
        cidr: r.toCidrString(),
        zoneCidrs: splitTo(r, blockPrefix)
            .slice(0, zoneCount)
            .map((b) => b.toCidrString()),
    });
    return {
        app: tier(firstHalf, prefix + 3),
        data: tier(dataRange, prefix + 4),
        public: tier(publicRange, prefix + 4),
    };
}

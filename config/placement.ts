/**
 * Where the stack runs: the primary region, its zones and network range, and the DR
 * region. Checks every region key against its own cloud's region table, the zones against
 * what the region has, and the network ranges against each other.
 */
import { CLOUDS, CLOUD_NAMES, type Cloud } from "../domain/clouds";
import { MAX_ZONES, cidrsOverlap, networkCidrProblem } from "../domain/network-layout";
import { REGIONS, regionInfo } from "../domain/regions";
import { PROD_MIN_ZONES, type RegionPlacement } from "../domain/stack-config";
import type { Report } from "./errors";
import type { Parsed } from "./schema";

export interface Placement {
    readonly primary?: RegionPlacement;
    readonly dr?: RegionPlacement;
}

export function placeStack(parsed: Parsed, cloud: Cloud, isProd: boolean, report: Report): Placement {
    let primary: RegionPlacement | undefined;
    let dr: RegionPlacement | undefined;
    const regionKey = `${cloud}Region` as const;
    const drKey = `${cloud}DrRegion` as const;
    // Every region key given must be a region of its own cloud, even for an unchosen
    // cloud, so switching `cloud` later does not surface an old typo.
    for (const c of CLOUDS) {
        for (const key of [`${c}Region`, `${c}DrRegion`] as const) {
            const region = parsed[key];
            if (region !== undefined && !REGIONS[c].has(region)) report(key, regionMessage(c, region));
        }
    }
    const region = parsed[regionKey];
    const drRegion = parsed[drKey];
    const info = region === undefined ? undefined : regionInfo(cloud, region);
    if (region === undefined) report(regionKey, `must be set: the primary ${CLOUD_NAMES[cloud]} region`);
    if (isProd && drRegion === undefined) {
        report(drKey, `prod needs a disaster-recovery region different from ${regionKey}`);
    }
    if (drRegion !== undefined && drRegion === region) {
        report(drKey, `must differ from ${regionKey} (${region}): a DR region in the same region survives nothing`);
    }
    const drInfo = drRegion === undefined ? undefined : regionInfo(cloud, drRegion);

    const cidr = parsed.networkCidr;
    const drCidr = parsed.drNetworkCidr;
    const cidrProblem = cidr === undefined ? "must be set" : networkCidrProblem(cidr);
    if (cidrProblem) report("networkCidr", cidrProblem);
    const drCidrProblem = drCidr === undefined ? undefined : networkCidrProblem(drCidr);
    if (drCidrProblem) report("drNetworkCidr", drCidrProblem);
    if (drRegion !== undefined && drCidr === undefined) report("drNetworkCidr", "must be set when a DR region is");
    if (!cidrProblem && !drCidrProblem && cidr && drCidr && drRegion !== undefined && cidrsOverlap(cidr, drCidr)) {
        report("drNetworkCidr", `overlaps networkCidr ${cidr}; the primary and DR ranges must be disjoint so the two networks can be connected (peering, VPN) for a failover without renumbering either`);
    }

    const zones = info ? pickZones(info.zones, parsed.zoneCount, isProd, region!, report) : undefined;
    if (zones && cidr && !cidrProblem) primary = { region: region!, zones, cidr };
    if (drInfo && drCidr && !drCidrProblem && zones) {
        const drZones = drInfo.zones.slice(0, Math.min(zones.length, drInfo.zones.length));
        if (drZones.length < 2) {
            report(drKey, `${drRegion} has ${drInfo.zones.length} availability zones; the DR region needs at least 2`);
        } else {
            dr = { region: drRegion!, zones: drZones, cidr: drCidr };
        }
    }
    return { primary, dr };
}

/** How each cloud spells a region, to tell a region the table lacks from a typo. */
const REGION_SHAPES: Readonly<Record<Cloud, RegExp>> = {
    aws: /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d+$/,
    gcp: /^[a-z]+-[a-z]+\d+$/,
    azure: /^[a-z]+\d?$/,
};

const withArticle = (name: string) => `${/^[AEIOU]/.test(name) ? "an" : "a"} ${name}`;

function regionMessage(cloud: Cloud, region: string): string {
    const name = CLOUD_NAMES[cloud];
    const known = [...REGIONS[cloud].keys()].join(", ");
    const owner = CLOUDS.find((c) => c !== cloud && REGIONS[c].has(region));
    if (owner) return `${region} is ${withArticle(CLOUD_NAMES[owner])} region, not ${name}. Must be ${withArticle(name)} region; the ones this platform knows the zones of: ${known}`;
    // A region that exists but is missing from the table is not a typo: say what to do.
    if (REGION_SHAPES[cloud].test(region)) {
        return `${region} is not in this platform's table of ${name} regions and their zones (domain/regions.ts); add it there with its zones, or use one of: ${known}`;
    }
    return `must be ${withArticle(name)} region; the ones this platform knows the zones of: ${known}`;
}

function pickZones(regionZones: readonly string[], requested: number | undefined, isProd: boolean, region: string, report: Report): readonly string[] | undefined {
    const available = Math.min(regionZones.length, MAX_ZONES);
    if (available < 2) {
        report("zoneCount", `region ${region} has ${regionZones.length} availability zones; the platform needs a region with at least 2`);
        return undefined;
    }
    const prodMinimum = Math.min(PROD_MIN_ZONES, available);
    const count = requested ?? (isProd ? prodMinimum : 2);
    if (count > available) {
        report("zoneCount", `region ${region} has ${available} usable zones; allowed 2 to ${available}`);
        return undefined;
    }
    if (isProd && count < prodMinimum) {
        report("zoneCount", `prod spans at least ${prodMinimum} zones in ${region}; allowed ${prodMinimum} to ${available}`);
        return undefined;
    }
    return regionZones.slice(0, count);
}

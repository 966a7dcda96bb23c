/**
 * The regions each cloud offers and the availability zones in each, as a table the config
 * validator and the network layout read. Config can only name a region listed here, so a
 * typo or a region of another cloud fails before anything is registered.
 *
 * Sources, taken 2026-11: AWS "Regions and Zones" (docs.aws.amazon.com/global-infrastructure),
 * Google Cloud "Regions and zones" (cloud.google.com/compute/docs/regions-zones), Azure
 * "Azure regions with availability zone support" (learn.microsoft.com/azure/reliability).
 * AWS zones are AZ IDs from the AWS catalog (letters map to different physical zones per
 * account); Azure zones are logical numbers "1".."3".
 * A region with no zones (several older Azure regions) cannot host this platform: the
 * validator rejects it because every stack spans at least two zones.
 */
import { AWS_ZONE_IDS } from "./catalogs/aws";
import type { Cloud } from "./clouds";

export interface RegionInfo {
    /** Zones usable as placement (AWS AZ IDs "use1-az1", GCP "us-central1-a", Azure "1"). */
    readonly zones: readonly string[];
}

function gcpRegion(name: string, letters: string): [string, RegionInfo] {
    return [name, { zones: [...letters].map((l) => `${name}-${l}`) }];
}
function azureRegion(name: string, zoneCount: number): [string, RegionInfo] {
    return [name, { zones: Array.from({ length: zoneCount }, (_, i) => String(i + 1)) }];
}

export const REGIONS: Readonly<Record<Cloud, ReadonlyMap<string, RegionInfo>>> = {
    // AWS zones are AZ IDs (use1-az1): the same physical zone in every account, unlike letters.
    aws: new Map(Object.entries(AWS_ZONE_IDS).map(([name, ids]) => [name, { zones: ids.value }])),
    gcp: new Map([
        gcpRegion("us-central1", "abcf"),
        gcpRegion("us-east1", "bcd"),
        gcpRegion("us-east4", "abc"),
        gcpRegion("us-west1", "abc"),
        gcpRegion("us-west2", "abc"),
        gcpRegion("northamerica-northeast1", "abc"),
        gcpRegion("southamerica-east1", "abc"),
        gcpRegion("europe-west1", "bcd"),
        gcpRegion("europe-west2", "abc"),
        gcpRegion("europe-west3", "abc"),
        gcpRegion("europe-west4", "abc"),
        gcpRegion("europe-north1", "abc"),
        gcpRegion("asia-south1", "abc"),
        gcpRegion("asia-southeast1", "abc"),
        gcpRegion("asia-east1", "abc"),
        gcpRegion("asia-northeast1", "abc"),
        gcpRegion("australia-southeast1", "abc"),
    ]),
    azure: new Map([
        azureRegion("eastus", 3),
        azureRegion("eastus2", 3),
        azureRegion("centralus", 3),
        azureRegion("southcentralus", 3),
        azureRegion("westus2", 3),
        azureRegion("westus3", 3),
        azureRegion("westus", 0),
        azureRegion("northcentralus", 0),
        azureRegion("canadacentral", 3),
        azureRegion("brazilsouth", 3),
        azureRegion("northeurope", 3),
        azureRegion("westeurope", 3),
        azureRegion("uksouth", 3),
        azureRegion("ukwest", 0),
        azureRegion("francecentral", 3),
        azureRegion("germanywestcentral", 3),
        azureRegion("swedencentral", 3),
        azureRegion("centralindia", 3),
        azureRegion("southeastasia", 3),
        azureRegion("japaneast", 3),
        azureRegion("australiaeast", 3),
    ]),
};

export function regionInfo(cloud: Cloud, region: string): RegionInfo | undefined {
    return REGIONS[cloud].get(region);
}

/**
 * The price snapshot compare reads: tools/compare/prices/snapshot.json, one entry per price
 * (per id, region set and tier band) with its SKU or meter, unit, the date and where it came
 * from. `npm run prices:refresh` rewrites it from the clouds' price APIs; compare never
 * reaches a network, so every figure it prints can be traced to an entry here.
 */
import { z } from "zod";
import raw from "./snapshot.json";

/** How the refresh script finds an entry again in its source's answer. */
const awsLookup = z.object({
    source: z.literal("aws-price-list"),
    /** The bulk offer file (service code), e.g. AmazonEC2. */
    offer: z.string(),
    /** The usage type without its region prefix (USE1-, USW2-, none in us-east-1). */
    usagetype: z.string(),
    /** Further product attributes that must match, e.g. operatingSystem=Linux. */
    attributes: z.record(z.string(), z.string()).optional(),
    /** The tier band's lower bound as the offer file's beginRange. */
    beginRange: z.number().optional(),
});
const azureLookup = z.object({
    source: z.literal("azure-retail-prices"),
    serviceName: z.string(),
    productName: z.string(),
    meterName: z.string(),
    skuName: z.string().optional(),
    tierMinimumUnits: z.number().optional(),
});
const gcpLookup = z.object({
    source: z.literal("gcp-billing-catalog"),
    /** The service's display name; the script resolves its id from the services list. */
    service: z.string(),
    /** The SKU's description, matched exactly. */
    description: z.string(),
    startUsageAmount: z.number().optional(),
});
export const LOOKUP = z.discriminatedUnion("source", [awsLookup, azureLookup, gcpLookup]);
export type Lookup = z.infer<typeof LOOKUP>;
export type AwsLookup = z.infer<typeof awsLookup>;
export type AzureLookup = z.infer<typeof azureLookup>;
export type GcpLookup = z.infer<typeof gcpLookup>;

export const ORIGINS = ["manual", "aws-price-list", "azure-retail-prices", "gcp-billing-catalog"] as const;

export const PRICE_ENTRY = z.object({
    /** What compare asks for, e.g. `aws.nat.hour`; several entries share an id across regions and bands. */
    id: z.string().regex(/^[A-Za-z0-9_.-]+$/),
    cloud: z.enum(["aws", "gcp", "azure", "atlas", "auth0"]),
    service: z.string(),
    /** The usage type, meter or SKU description as the price list names it. */
    sku: z.string(),
    /** Regions this rate applies in (the cloud's own region names; Atlas's for Atlas; "global"). */
    regions: z.array(z.string()).min(1),
    unit: z.string(),
    /** The tier band this rate covers, in `of` units; `to` absent = no upper bound. */
    band: z.object({ from: z.number(), to: z.number().optional(), of: z.string(), name: z.string().optional() }).optional(),
    usd: z.number().nonnegative(),
    /** When the rate was published or read: YYYY-MM or YYYY-MM-DD. */
    asOf: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/),
    origin: z.enum(ORIGINS),
    url: z.url(),
    /** How far the figure was verified, in words. */
    checked: z.string(),
    note: z.string().optional(),
    lookup: LOOKUP.optional(),
});
export type PriceEntry = z.infer<typeof PRICE_ENTRY>;

export const SNAPSHOT = z.object({ about: z.string(), generated: z.string(), entries: z.array(PRICE_ENTRY) });
export type Snapshot = z.infer<typeof SNAPSHOT>;

/** The committed snapshot, validated once when compare loads. */
export const snapshot: Snapshot = SNAPSHOT.parse(raw);

/** A rate found for one resource: the entry and the region it was looked up for. */
export interface Price {
    readonly entry: PriceEntry;
    readonly region: string;
    readonly usd: number;
}

/**
 * The rate for `id` in `region` and, for banded rates, the band holding `quantity` (a
 * capacity in GB, a count of keys, …). Undefined when the snapshot has none: the caller
 * reports the resource as unknown, never as free.
 */
export function lookup(id: string, region: string, quantity?: number, from: Snapshot = snapshot): Price | undefined {
    const entry = from.entries.find(
        (e) =>
            e.id === id &&
            (e.regions.includes(region) || e.regions.includes("global")) &&
            (quantity === undefined || e.band === undefined || (quantity >= e.band.from && (e.band.to === undefined || quantity <= e.band.to))),
    );
    return entry ? { entry, region, usd: entry.usd } : undefined;
}

/** Every id in the snapshot, for the "what do we know" listing and tests. */
export function entriesFor(id: string, from: Snapshot = snapshot): readonly PriceEntry[] {
    return from.entries.filter((e) => e.id === id);
}

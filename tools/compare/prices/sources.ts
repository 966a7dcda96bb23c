/**
 * Readers of the three clouds' price APIs, as their documentation describes the responses:
 *
 * - AWS Price List bulk offer files (one per service and region):
 *   https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/<offer>/current/<region>/index.json
 *   `products[sku].attributes` (usagetype, regionCode, …) and
 *   `terms.OnDemand[sku][term].priceDimensions[rate]` (unit, beginRange, pricePerUnit.USD).
 * - Azure Retail Prices API: https://prices.azure.com/api/retail/prices?$filter=…, pages of
 *   `Items` (serviceName, productName, meterName, skuName, armRegionName, type,
 *   tierMinimumUnits, retailPrice, unitOfMeasure, effectiveStartDate) linked by NextPageLink.
 * - GCP Cloud Billing Catalog API: https://cloudbilling.googleapis.com/v1/services (display
 *   name → service id) and /v1/services/<id>/skus (description, serviceRegions,
 *   category.usageType, pricingInfo[].pricingExpression.{usageUnit, tieredRates}); an API key.
 *
 * Pure functions over parsed JSON: refresh.ts fetches, these pick the one price an entry's
 * lookup names, so they are tested on documented-format fixtures without a network.
 */
import type { AwsLookup, AzureLookup, GcpLookup } from "./snapshot";

/** A price as the API states it, before conversion to the snapshot entry's unit. */
export interface SourcePrice {
    readonly usd: number;
    /** The API's own unit, e.g. "Hrs", "1 GB/Month", "GiBy.mo". */
    readonly unit: string;
    /** The API's id of what was priced: AWS sku.rateCode, Azure meterId, GCP skuId. */
    readonly sku: string;
    /** The date the API gives the price from (publication or effective date), YYYY-MM-DD. */
    readonly asOf: string;
}

function rec(v: unknown): Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
function arr(v: unknown): unknown[] {
    return Array.isArray(v) ? v : [];
}
const day = (v: unknown) => (typeof v === "string" ? v.slice(0, 10) : "");

/** An AWS usage type carries a region prefix (USE2-, USW2-; none for most us-east-1 rows). */
function sameUsageType(actual: unknown, wanted: string): boolean {
    return typeof actual === "string" && (actual === wanted || actual.endsWith(`-${wanted}`));
}

/** The on-demand price an AWS offer file holds for the lookup in `region`. */
export function awsOfferPrice(offer: unknown, lookup: AwsLookup, region: string): SourcePrice | undefined {
    const doc = rec(offer);
    const onDemand = rec(rec(doc.terms).OnDemand);
    for (const [sku, product] of Object.entries(rec(doc.products))) {
        const attributes = rec(rec(product).attributes);
        if (!sameUsageType(attributes.usagetype, lookup.usagetype)) continue;
        if (attributes.regionCode !== undefined && attributes.regionCode !== region) continue;
        if (Object.entries(lookup.attributes ?? {}).some(([k, v]) => attributes[k] !== v)) continue;
        for (const term of Object.values(rec(onDemand[sku]))) {
            for (const [rateCode, dimension] of Object.entries(rec(rec(term).priceDimensions))) {
                const d = rec(dimension);
                if (lookup.beginRange !== undefined && Number(d.beginRange) !== lookup.beginRange) continue;
                const usd = Number(rec(d.pricePerUnit).USD);
                if (!Number.isFinite(usd)) continue;
                return { usd, unit: String(d.unit), sku: rateCode, asOf: day(doc.publicationDate) || day(rec(term).effectiveDate) };
            }
        }
    }
    return undefined;
}

/** The Azure retail price of the lookup in `region` ("global" matches meters without a region). */
export function azureRetailPrice(pages: readonly unknown[], lookup: AzureLookup, region: string): SourcePrice | undefined {
    const items = pages.flatMap((page) => arr(rec(page).Items)).map(rec);
    const match = items.find(
        (i) =>
            i.type === "Consumption" &&
            i.serviceName === lookup.serviceName &&
            i.productName === lookup.productName &&
            i.meterName === lookup.meterName &&
            (lookup.skuName === undefined || i.skuName === lookup.skuName) &&
            (region === "global" ? i.armRegionName === "" || i.armRegionName === "Global" || i.armRegionName === "global" : i.armRegionName === region) &&
            Number(i.tierMinimumUnits ?? 0) === (lookup.tierMinimumUnits ?? 0),
    );
    if (!match || typeof match.retailPrice !== "number") return undefined;
    return { usd: match.retailPrice, unit: String(match.unitOfMeasure), sku: String(match.meterId), asOf: day(match.effectiveStartDate) };
}

/** The OData filter that asks the Azure API for a lookup's meter in one region. */
export function azureFilter(lookup: AzureLookup, region: string): string {
    const q = (v: string) => `'${v.replace(/'/g, "''")}'`;
    return [
        `serviceName eq ${q(lookup.serviceName)}`,
        `meterName eq ${q(lookup.meterName)}`,
        ...(region === "global" ? [] : [`armRegionName eq ${q(region)}`]),
        ...(lookup.skuName ? [`skuName eq ${q(lookup.skuName)}`] : []),
    ].join(" and ");
}

/** The GCP service id for a display name in the services list. */
export function gcpServiceId(pages: readonly unknown[], displayName: string): string | undefined {
    const service = pages.flatMap((page) => arr(rec(page).services)).map(rec).find((s) => s.displayName === displayName);
    return typeof service?.serviceId === "string" ? service.serviceId : undefined;
}

/** A Money value: whole units plus nanos. */
function money(v: unknown): number {
    const m = rec(v);
    return Number(m.units ?? 0) + Number(m.nanos ?? 0) / 1e9;
}

/**
 * The on-demand rate of the lookup's SKU in `region`: the tier starting at the lookup's
 * startUsageAmount, or else the first tier with a price (the ones before it are free tiers).
 */
export function gcpCatalogPrice(pages: readonly unknown[], lookup: GcpLookup, region: string): SourcePrice | undefined {
    const skus = pages.flatMap((page) => arr(rec(page).skus)).map(rec);
    const sku = skus.find(
        (s) => s.description === lookup.description && rec(s.category).usageType === "OnDemand" && arr(s.serviceRegions).includes(region === "global" ? "global" : region),
    );
    if (!sku) return undefined;
    const info = rec(arr(sku.pricingInfo)[0]);
    const expression = rec(info.pricingExpression);
    const tiers = arr(expression.tieredRates).map(rec);
    const tier = lookup.startUsageAmount !== undefined ? tiers.find((t) => Number(t.startUsageAmount ?? 0) === lookup.startUsageAmount) : tiers.find((t) => money(t.unitPrice) > 0);
    if (!tier) return undefined;
    return { usd: money(tier.unitPrice), unit: String(expression.usageUnit), sku: String(sku.skuId), asOf: day(info.effectiveTime) };
}

/**
 * The API units each snapshot unit accepts, with the factor from the API's price to the
 * snapshot's (a price per event × 1e6 = per million events). An API unit not listed is not
 * trusted: the refresh reports it and keeps the entry.
 */
const UNITS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
    hour: { Hrs: 1, Hours: 1, "1 Hour": 1, h: 1 },
    "VM-hour": { Hrs: 1, "1 Hour": 1, h: 1 },
    GB: { GB: 1, "1 GB": 1, GiBy: 1, "1 GiB": 1 },
    "GB-month": { "GB-Mo": 1, "1 GB/Month": 1, "GiBy.mo": 1 },
    "GB-hour": { "GB-Hours": 1, "1 GB/Hour": 1, "GiBy.h": 1 },
    month: { Keys: 1, Secrets: 1, Alarms: 1, Metrics: 1, "Mo": 1, "1/Month": 1, "1 /Month": 1, mo: 1 },
    "million events": { Events: 1e6, "1M": 1, "1 Million": 1 },
    "vCPU-month": { "vCPU-Mo": 1, vCPU: 1 },
    MAU: { MAU: 1, "1 User": 1, "1/Month": 1 },
};

/** The API's price in the snapshot entry's unit, or undefined when the units are not known to agree. */
export function convertUnit(price: SourcePrice, snapshotUnit: string): number | undefined {
    const factor = UNITS[snapshotUnit]?.[price.unit];
    return factor === undefined ? undefined : Math.round(price.usd * factor * 1e6) / 1e6;
}

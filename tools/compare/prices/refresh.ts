/**
 * npm run prices:refresh [-- --source aws|azure|gcp]... [--dry-run]
 *
 * Regenerates tools/compare/prices/snapshot.json from the clouds' price APIs for every entry
 * that says how to find itself (`lookup`), in every region it lists: the AWS Price List bulk
 * offer files and the Azure Retail Prices API need no account; the GCP Cloud Billing Catalog
 * needs an API key in GCP_BILLING_API_KEY (its entries are kept as they are without one).
 * Entries with no API (Atlas, Auth0) stay hand-kept. A price the API does not give, or gives
 * in a unit the snapshot does not know to convert, is reported and its entry kept, so a
 * refresh never drops a price compare relies on. compare itself never reaches a network.
 *
 * Note: AWS offer files are large (Amazon EC2's is hundreds of MB per region); each is
 * fetched once per run and region.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { awsOfferPrice, azureFilter, azureRetailPrice, convertUnit, gcpCatalogPrice, gcpServiceId, type SourcePrice } from "./sources";
import { SNAPSHOT, type Lookup, type PriceEntry, type Snapshot } from "./snapshot";

const SNAPSHOT_FILE = path.join(__dirname, "snapshot.json");
type Source = Lookup["source"];

/** Where a lookup's price is read, for the entry's `url`. */
export function sourceUrl(lookup: Lookup, region: string, serviceId?: string): string {
    switch (lookup.source) {
        case "aws-price-list":
            return `https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/${lookup.offer}/current/${region}/index.json`;
        case "azure-retail-prices":
            return `https://prices.azure.com/api/retail/prices?$filter=${encodeURIComponent(azureFilter(lookup, region))}`;
        case "gcp-billing-catalog":
            return `https://cloudbilling.googleapis.com/v1/services/${serviceId ?? "-"}/skus`;
    }
}

/** The price found for one region of an entry, already in the entry's unit. */
export interface RegionPrice {
    readonly region: string;
    readonly usd: number;
    readonly sku: string;
    readonly url: string;
}

/**
 * An entry refreshed from the prices found for its regions: one entry per distinct price
 * (regions with the same rate stay together); regions with no price keep the old entry.
 */
export function applyPrices(entry: PriceEntry, found: readonly RegionPrice[], today: string): PriceEntry[] {
    const byUsd = new Map<number, RegionPrice[]>();
    for (const f of found) byUsd.set(f.usd, [...(byUsd.get(f.usd) ?? []), f]);
    const refreshed = [...byUsd].map(([usd, prices]) => ({
        ...entry,
        regions: prices.map((p) => p.region),
        sku: prices[0].sku,
        usd,
        asOf: today,
        origin: entry.lookup!.source,
        url: prices[0].url,
        checked: `read from the ${entry.lookup!.source} API on ${today}`,
    }));
    const missing = entry.regions.filter((r) => !found.some((f) => f.region === r));
    return [...refreshed, ...(missing.length ? [{ ...entry, regions: missing }] : [])];
}

async function getJson(url: string): Promise<unknown> {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response.json();
}

/** Fetches each distinct document once per run (offer files are large). */
function cached<T>(load: (key: string) => Promise<T>): (key: string) => Promise<T> {
    const cache = new Map<string, Promise<T>>();
    return (key) => {
        if (!cache.has(key)) cache.set(key, load(key));
        return cache.get(key)!;
    };
}

async function pages(first: string, next: (page: unknown) => string | undefined): Promise<unknown[]> {
    const all: unknown[] = [];
    for (let url: string | undefined = first; url; url = next(all[all.length - 1])) all.push(await getJson(url));
    return all;
}

function nextField(field: string): (page: unknown) => string | undefined {
    return (page) => {
        const v = (page as Record<string, unknown>)[field];
        return typeof v === "string" && v ? v : undefined;
    };
}

/** Reads one region's price of an entry from its source; undefined with a reason when it cannot. */
type Reader = (entry: PriceEntry & { lookup: Lookup }, region: string) => Promise<{ price: SourcePrice; url: string } | string>;

function readers(gcpKey: string | undefined): Record<Source, Reader> {
    const offer = cached((url) => getJson(url));
    const azure = cached((url) => pages(url, nextField("NextPageLink")));
    const gcpServices = cached((url) => pages(url, (p) => (nextField("nextPageToken")(p) ? `${url}&pageToken=${nextField("nextPageToken")(p)}` : undefined)));
    const gcpSkus = cached((url) => pages(url, (p) => (nextField("nextPageToken")(p) ? `${url}&pageToken=${nextField("nextPageToken")(p)}` : undefined)));
    return {
        "aws-price-list": async (entry, region) => {
            if (entry.lookup.source !== "aws-price-list") return "not an AWS lookup";
            const url = sourceUrl(entry.lookup, region);
            const price = awsOfferPrice(await offer(url), entry.lookup, region);
            return price ? { price, url } : `no ${entry.lookup.usagetype} in ${url}`;
        },
        "azure-retail-prices": async (entry, region) => {
            if (entry.lookup.source !== "azure-retail-prices") return "not an Azure lookup";
            const url = sourceUrl(entry.lookup, region);
            const price = azureRetailPrice(await azure(url), entry.lookup, region);
            return price ? { price, url } : `no ${entry.lookup.meterName} meter in ${region}`;
        },
        "gcp-billing-catalog": async (entry, region) => {
            if (entry.lookup.source !== "gcp-billing-catalog") return "not a GCP lookup";
            if (!gcpKey) return "GCP_BILLING_API_KEY is not set";
            const serviceId = gcpServiceId(await gcpServices(`https://cloudbilling.googleapis.com/v1/services?key=${gcpKey}`), entry.lookup.service);
            if (!serviceId) return `no service named ${entry.lookup.service}`;
            const url = sourceUrl(entry.lookup, region, serviceId);
            const price = gcpCatalogPrice(await gcpSkus(`${url}?key=${gcpKey}`), entry.lookup, region);
            return price ? { price, url } : `no SKU "${entry.lookup.description}" in ${region}`;
        },
    };
}

export async function refresh(current: Snapshot, sources: readonly Source[], today: string, report: (line: string) => void): Promise<Snapshot> {
    const read = readers(process.env.GCP_BILLING_API_KEY);
    const entries: PriceEntry[] = [];
    for (const entry of current.entries) {
        if (!entry.lookup || !sources.includes(entry.lookup.source)) {
            entries.push(entry);
            continue;
        }
        const withLookup = { ...entry, lookup: entry.lookup };
        const found: RegionPrice[] = [];
        for (const region of entry.regions) {
            try {
                const result = await read[entry.lookup.source](withLookup, region);
                if (typeof result === "string") {
                    report(`kept ${entry.id} in ${region}: ${result}`);
                    continue;
                }
                const usd = convertUnit(result.price, entry.unit);
                if (usd === undefined) {
                    report(`kept ${entry.id} in ${region}: the API prices it per "${result.price.unit}", which the snapshot's "${entry.unit}" is not known to match`);
                    continue;
                }
                found.push({ region, usd, sku: result.price.sku, url: result.url });
            } catch (error) {
                report(`kept ${entry.id} in ${region}: ${error instanceof Error ? error.message : String(error)}`);
            }
        }
        const next = applyPrices(entry, found, today);
        for (const e of next.filter((n) => n.origin === entry.lookup?.source && n.asOf === today)) {
            report(`${entry.id} in ${e.regions.join(", ")}: ${entry.usd} → ${e.usd} (${e.origin})`);
        }
        entries.push(...next);
    }
    return SNAPSHOT.parse({ ...current, generated: today, entries });
}

async function main(): Promise<void> {
    const args = process.argv.slice(2);
    const dryRun = args.includes("--dry-run");
    const chosen = args.flatMap((a, i) => (args[i - 1] === "--source" ? [a] : []));
    const all: Record<string, Source> = { aws: "aws-price-list", azure: "azure-retail-prices", gcp: "gcp-billing-catalog" };
    const unknownSource = chosen.find((s) => !(s in all));
    if (unknownSource) throw new Error(`--source ${unknownSource}: choose aws, azure or gcp`);
    const sources = chosen.length ? chosen.map((s) => all[s]) : Object.values(all);
    const current = SNAPSHOT.parse(JSON.parse(fs.readFileSync(SNAPSHOT_FILE, "utf8")));
    const today = new Date().toISOString().slice(0, 10);
    const next = await refresh(current, sources, today, (line) => console.log(line));
    if (dryRun) return;
    fs.writeFileSync(SNAPSHOT_FILE, JSON.stringify(next, null, 1) + "\n");
    console.log(`Wrote ${SNAPSHOT_FILE}: ${next.entries.length} entries`);
}

if (require.main === module) {
    main().catch((error: unknown) => {
        console.error(error instanceof Error ? error.message : String(error));
        process.exitCode = 2;
    });
}

/**
 * A cloud constant with where it came from. The offline engine accepts any value that
 * type-checks, so a wrong role id, metric name, SKU or size passes every offline test; the
 * only defence is to read each constant from the vendor and say where. Config checks,
 * components and tests read catalog entries; nothing re-types a constant.
 */
export interface Sourced<T> {
    readonly value: T;
    /** The vendor page, provider schema or issue thread the value was read on, or
     * {@link UNVERIFIED} when no source could be read (never an invented URL). */
    readonly source: string;
    /** The day the source was read (ISO date). */
    readonly checked: string;
    /** What the source says that matters here, when the value alone does not. */
    readonly note?: string;
}

export const UNVERIFIED = "unverified";

/** Read on this day, for entries checked in the same review. */
export const REVIEWED_2026_12_03 = "2026-12-03";

export function sourced<T>(value: T, source: string, checked: string = REVIEWED_2026_12_03, note?: string): Sourced<T> {
    return note === undefined ? { value, source, checked } : { value, source, checked, note };
}

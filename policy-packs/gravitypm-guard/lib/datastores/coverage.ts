/**
 * What every cloud's store specs share: the spec and coverage types, the maths that combines
 * and measures backup coverage (retention, cron intervals) and a few resource helpers.
 */
import type { StackResource, StackView } from "../stack";
import { known, str, type Props } from "../values";

export type StoreKind = "database" | "cache";

/** A backup mechanism covering a store. */
export interface Coverage {
    readonly via: string;
    /** Days recovery points are kept; "latest" for persistence that keeps only the newest snapshot. */
    readonly retentionDays: number | "latest";
    /** Longest gap between recovery points, in minutes (what bounds the RPO). */
    readonly intervalMinutes: number;
    /** The mechanism keeps a copy in another region. */
    readonly crossRegion: boolean;
}

export interface StoreSpec {
    readonly kind: StoreKind;
    readonly label: string;
    readonly ports: (props: Props) => readonly number[];
    /** Where the customer-managed key is referenced; empty when the service offers none. */
    readonly keyPaths: readonly string[];
    /** Why the service cannot use a customer-managed key (in the installed SDK). */
    readonly noCmk?: string;
    readonly ownBackup?: (r: StackResource, stack: StackView) => Coverage | undefined;
    readonly deletionProtection?: (props: Props) => boolean;
    readonly zones: (r: StackResource, stack: StackView) => number;
    /** Why the store has a public endpoint, if it does. */
    readonly publicEndpoint?: (props: Props) => string | undefined;
    /** The store keeps a live replica in another region. */
    readonly replicatedAcrossRegions?: (r: StackResource, stack: StackView) => boolean;
    /** The store is the DR-region replica of another: its zones and RPO are its primary's. */
    readonly secondary?: (props: Props) => boolean;
}

/** The union of several mechanisms: the longest retention, the shortest interval, any cross-region copy. */
export function best(...coverages: (Coverage | undefined)[]): Coverage | undefined {
    const list = coverages.filter((c): c is Coverage => c !== undefined);
    if (list.length === 0) return undefined;
    return list.reduce((a, b) => ({
        via: `${a.via} + ${b.via}`,
        retentionDays: retentionOf(a) >= retentionOf(b) ? a.retentionDays : b.retentionDays,
        intervalMinutes: Math.min(a.intervalMinutes, b.intervalMinutes),
        crossRegion: a.crossRegion || b.crossRegion,
    }));
}

export function retentionOf(c: Coverage): number {
    return c.retentionDays === "latest" ? 0 : c.retentionDays;
}

/** Minutes between runs of an AWS Backup cron schedule, e.g. cron(0 5 ? * * *). */
export function cronIntervalMinutes(schedule: string | undefined): number {
    const m = /^cron\((.+)\)$/.exec(schedule?.trim() ?? "");
    if (!m) return 1440;
    const [minute, hour, dayOfMonth, , dayOfWeek] = m[1].split(/\s+/);
    const count = (field: string | undefined, span: number): number => {
        if (field === undefined || field === "*" || field === "?") return span;
        const step = /^(?:\*|\d+)\/(\d+)$/.exec(field);
        if (step) return Math.ceil(span / Number(step[1]));
        return field.split(",").length;
    };
    const perHour = minute === "*" ? 60 : count(minute, 60);
    const perDay = count(hour, 24) * perHour;
    const daily = dayOfMonth === "*" || dayOfMonth === "?" ? (dayOfWeek === "*" || dayOfWeek === "?" ? 1 : 7 / count(dayOfWeek, 7)) : 30 / count(dayOfMonth, 30);
    return Math.round((1440 / perDay) * daily);
}

// ---------------------------------------------------------------------------------------
// Resource helpers the clouds' specs share.

export function regionOf(r: StackResource): string | undefined {
    const own = known(() => str(r.props.region) ?? str(r.props.location));
    if (own.known && own.value) return own.value;
    const fromProvider = known(() => str(r.provider?.props.region) ?? str(r.provider?.props.location));
    return fromProvider.known ? fromProvider.value : undefined;
}

/** A dependent of `r` of one of `types`. */
export function dependentOfType(stack: StackView, r: StackResource, ...types: string[]): StackResource[] {
    return stack.dependentsOf(r.urn).filter((d) => types.includes(d.type));
}

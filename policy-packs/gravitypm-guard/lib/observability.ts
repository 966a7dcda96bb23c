/**
 * What the observability rules hold the log stores and checks to. The pack is published on its
 * own (only its folder ships), so it keeps copies of the program's demands from
 * domain/capabilities/observability.ts (`MASKED_DATA`, `UPTIME_MIN_LOCATIONS`);
 * tests/observability-agreement.test.ts holds each copy to its source.
 */
import type { PolicyConfigSchema } from "@pulumi/policy";

/** `MASKED_DATA`: what log masking must find and hide in every log the platform stores. */
export const MASKED_DATA = ["email-address", "bearer-token", "password", "credit-card-number"] as const;
export type MaskedData = (typeof MASKED_DATA)[number];

/** `UPTIME_MIN_LOCATIONS`: probe locations per uptime check, so one location's network trouble pages nobody. */
export const UPTIME_MIN_LOCATIONS = 3;

export interface UptimeLocationsConfig extends Record<string, unknown> {
    readonly minimumLocations: number;
}

export const UPTIME_LOCATIONS_DEFAULTS: UptimeLocationsConfig = { minimumLocations: UPTIME_MIN_LOCATIONS };

export const UPTIME_LOCATIONS_SCHEMA: PolicyConfigSchema = {
    properties: {
        minimumLocations: {
            type: "integer",
            minimum: 1,
            default: UPTIME_MIN_LOCATIONS,
            description: "Fewest probe locations an uptime check may run from.",
        },
    },
};

/** Whether a URL is https (scheme compared case-insensitively). */
export function isHttpsUrl(url: string): boolean {
    return /^https:\/\//i.test(url.trim());
}

/**
 * How a masking configuration names what it hides: an AWS managed data identifier
 * (`…/data-identifier/EmailAddress`), a custom identifier's name (`BearerToken`), a GCP
 * Sensitive Data Protection info type (`EMAIL_ADDRESS`) or a label in a transform. Each kind of
 * MASKED_DATA is recognised by the words such names use for it.
 */
const MASKED_DATA_NAMES: Readonly<Record<MaskedData, RegExp>> = {
    "email-address": /e[-_ ]?mail/i,
    "bearer-token": /bearer|token|jwt/i,
    password: /passw(or)?d|pwd/i,
    "credit-card-number": /credit[-_ ]?card|card[-_ ]?number/i,
};

/** The MASKED_DATA kinds a set of identifier names covers. */
export function maskedDataNamed(names: readonly string[]): Set<MaskedData> {
    return new Set(MASKED_DATA.filter((kind) => names.some((n) => MASKED_DATA_NAMES[kind].test(n))));
}

/** The MASKED_DATA kinds a set of names leaves out, in MASKED_DATA's order. */
export function maskedDataMissing(names: readonly string[]): MaskedData[] {
    const covered = maskedDataNamed(names);
    return MASKED_DATA.filter((kind) => !covered.has(kind));
}

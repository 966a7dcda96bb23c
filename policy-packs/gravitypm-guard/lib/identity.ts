/**
 * Thresholds and readers the identity rules share. The pack is published on its own (only its
 * folder ships), so it keeps copies of the program's sign-in demands from
 * domain/capabilities/identity.ts (`PROD_IDENTITY`); tests/identity-agreement.test.ts holds
 * each copy to its source.
 */
import type { PolicyConfigSchema } from "@pulumi/policy";
import { ENVIRONMENT_CONFIG, type Environment } from "./environment";

/** `PROD_IDENTITY.minPasswordLength`: the shortest password prod accepts. */
export const PROD_MIN_PASSWORD_LENGTH = 12;
/** NIST SP 800-63B's floor for a password used alongside a second factor (and Entra's fixed minimum). */
export const MIN_PASSWORD_LENGTH = 8;
/** `PROD_IDENTITY.maxAccessTokenMinutes`: the longest a prod access (or ID) token may live. */
export const PROD_MAX_ACCESS_TOKEN_MINUTES = 60;

export interface PasswordLengthConfig extends Record<string, unknown> {
    readonly minimumPasswordLength: number;
    readonly prodMinimumPasswordLength: number;
}

export const PASSWORD_LENGTH_DEFAULTS: PasswordLengthConfig = {
    minimumPasswordLength: MIN_PASSWORD_LENGTH,
    prodMinimumPasswordLength: PROD_MIN_PASSWORD_LENGTH,
};

export const PASSWORD_LENGTH_SCHEMA: PolicyConfigSchema = {
    properties: {
        minimumPasswordLength: {
            type: "integer",
            minimum: 1,
            default: MIN_PASSWORD_LENGTH,
            description: "Shortest password a sign-in service may accept outside prod.",
        },
        prodMinimumPasswordLength: {
            type: "integer",
            minimum: 1,
            default: PROD_MIN_PASSWORD_LENGTH,
            description: "Shortest password a sign-in service may accept in prod.",
        },
        ...ENVIRONMENT_CONFIG,
    },
};

export function minimumPasswordLength(config: PasswordLengthConfig, environment: Environment): number {
    return environment === "prod" ? config.prodMinimumPasswordLength : config.minimumPasswordLength;
}

/** A redirect URI or authorized domain on the local machine: fine for a developer, not for prod users. */
export function isLoopback(hostOrUrl: string): boolean {
    const host = hostOf(hostOrUrl);
    return host === "localhost" || host.endsWith(".localhost") || host === "[::1]" || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The host of a URL, or of a bare `host[:port]` (lowercased, port dropped; IPv6 keeps its brackets). */
export function hostOf(hostOrUrl: string): string {
    const value = hostOrUrl.trim().toLowerCase();
    const schemeless = value.includes("://") ? value.slice(value.indexOf("://") + 3) : value;
    const authority = schemeless.split(/[/?#]/)[0] ?? "";
    const host = authority.includes("@") ? authority.slice(authority.lastIndexOf("@") + 1) : authority;
    if (host.startsWith("[")) return host.slice(0, host.indexOf("]") + 1);
    return host.split(":")[0] ?? "";
}

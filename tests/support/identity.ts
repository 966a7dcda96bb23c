/**
 * The identity settings the composition hands an Identity component, for component tests: the
 * staging and prod profiles' values on each stack's hosts, with the notes the capability table
 * gives the service for the profile values it cannot apply (none set by the stack itself).
 */
import type { CloudTypes } from "../../components/contracts/cloud";
import type { IdentityArgs } from "../../components/contracts/identity";
import type { AppHosts } from "../../domain/capabilities/app";
import { identityCapabilityGaps, type IdentityService, type IdentitySetting, type IdentitySettings } from "../../domain/capabilities/identity";
import type { Environment } from "../../domain/stack-config";
import type { Spine } from "./component";

export type IdentityProfile = Pick<IdentitySettings, IdentitySetting | "callbackUrls" | "logoutUrls">;

export const IDENTITY_PROFILES: Readonly<Record<Environment, { readonly hosts: AppHosts; readonly settings: IdentityProfile }>> = {
    staging: {
        hosts: { app: "app.staging.gravitypm.example.com", api: "api.staging.gravitypm.example.com", static: "static.staging.gravitypm.example.com" },
        settings: {
            mfa: "optional",
            passwordMinLength: 12,
            passwordComplexity: "standard",
            lockoutThreshold: 5,
            accessTokenMinutes: 60,
            refreshTokenDays: 30,
            callbackUrls: ["https://app.staging.gravitypm.example.com/auth/callback"],
            logoutUrls: ["https://app.staging.gravitypm.example.com/"],
        },
    },
    prod: {
        hosts: { app: "app.gravitypm.example.com", api: "api.gravitypm.example.com", static: "static.gravitypm.example.com" },
        settings: {
            mfa: "required",
            passwordMinLength: 14,
            passwordComplexity: "standard",
            lockoutThreshold: 5,
            accessTokenMinutes: 15,
            refreshTokenDays: 14,
            callbackUrls: ["https://app.gravitypm.example.com/auth/callback"],
            logoutUrls: ["https://app.gravitypm.example.com/"],
        },
    },
};

/** The profile's settings with `own` on top, and the service's notes for what it cannot apply of them. */
export function identitySettingsFor(service: IdentityService, environment: Environment, own: Partial<IdentitySettings> = {}): IdentitySettings {
    const profile = { ...IDENTITY_PROFILES[environment].settings, ...own };
    const { notes } = identityCapabilityGaps(service, profile, new Set());
    return { provider: service === "auth0" ? "auth0" : "native", dnsZone: "gravitypm.example.com", notes, ...profile, ...own };
}

/** The args the composition gives an Identity component on the spine, with these settings. */
export function identityArgs<T extends CloudTypes>(spine: Spine<T>, environment: Environment, settings: IdentitySettings): IdentityArgs<T> {
    return { site: spine.site, keys: spine.keys, alerts: spine.alerts, environment, settings, hosts: IDENTITY_PROFILES[environment].hosts, protect: environment === "prod" };
}

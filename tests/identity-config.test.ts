/**
 * Identity config: what prod demands of sign-in whatever the provider, what each service can
 * apply (a setting the stack set that the service cannot honour is an error naming the key; a
 * profile default it cannot honour is a note), and redirects only to the app's own hosts.
 */
import { describe, expect, it } from "vitest";
import { parseStackConfig } from "../config/parse";
import { IDENTITY_CAPABILITIES, identityCapabilityGaps } from "../domain/capabilities/identity";
import { PROJECT } from "../domain/stack-config";
import { problems, prod, staging } from "./support/config";

const keys = (raw: Record<string, string>, stack: string) => problems(raw, stack).map((p) => p.key);

describe("identity config", () => {
    it("refuses weak sign-in in prod, naming each key and what prod requires", () => {
        const found = problems(prod("aws", { identityMfa: "optional", identityPasswordMinLength: "10", identityAccessTokenMinutes: "120" }), "prod");
        expect(found).toEqual([
            { key: `${PROJECT}:identityMfa`, value: "optional", message: "prod requires MFA for every user (required)" },
            { key: `${PROJECT}:identityPasswordMinLength`, value: "10", message: "prod requires passwords of at least 12 characters" },
            {
                key: `${PROJECT}:identityAccessTokenMinutes`,
                value: "120",
                message: "prod access tokens last at most 60 minutes (a leaked token must expire soon; refresh tokens keep the session)",
            },
        ]);
        // The same values are a choice staging may make.
        expect(problems(staging("aws", { identityMfa: "off", identityPasswordMinLength: "10", identityAccessTokenMinutes: "120" }), "staging")).toEqual([]);
    });

    it("rejects values outside the schema with what is allowed", () => {
        expect(problems(staging("aws", { identityMfa: "sometimes" }), "staging")).toEqual([
            { key: `${PROJECT}:identityMfa`, value: "sometimes", message: expect.stringContaining("required, optional, off") },
        ]);
        expect(keys(staging("aws", { identityPasswordMinLength: "5" }), "staging")).toEqual([`${PROJECT}:identityPasswordMinLength`]);
        expect(keys(staging("aws", { identityCallbackUrls: JSON.stringify(["http://app.gravitypm.example.com/auth/callback"]) }), "staging")).toEqual([
            `${PROJECT}:identityCallbackUrls`,
        ]);
    });

    it("sends the browser back only to the app's own hosts", () => {
        const found = problems(staging("aws", { identityLogoutUrls: JSON.stringify(["https://evil.example.net/"]) }), "staging");
        expect(found).toEqual([
            {
                key: `${PROJECT}:identityLogoutUrls`,
                value: JSON.stringify(["https://evil.example.net/"]),
                message: "https://evil.example.net/ is not on one of the app's hosts (app.gravitypm.example.com, api.app.gravitypm.example.com, static.app.gravitypm.example.com)",
            },
        ]);
    });

    it("needs the Auth0 tenant for auth0, and only for auth0", () => {
        expect(keys(staging("gcp", { identityProvider: "auth0" }), "staging")).toEqual([`${PROJECT}:auth0Domain`]);
        expect(keys(staging("gcp", { auth0Domain: "gravitypm.eu.auth0.com" }), "staging")).toEqual([`${PROJECT}:auth0Domain`]);
        expect(problems(staging("gcp", { identityProvider: "auth0", auth0Domain: "gravitypm.eu.auth0.com" }), "staging")).toEqual([]);
    });

    it("refuses a setting the stack set that its service cannot apply, naming the service", () => {
        // Identity Platform has no password policy; Cognito's lockout is fixed at 5.
        const gcp = problems(staging("gcp", { identityPasswordMinLength: "16" }), "staging");
        expect(gcp).toEqual([{ key: `${PROJECT}:identityPasswordMinLength`, value: "16", message: expect.stringContaining("Google Cloud Identity Platform cannot apply it") }]);
        expect(keys(staging("aws", { identityLockoutThreshold: "8" }), "staging")).toEqual([`${PROJECT}:identityLockoutThreshold`]);
        // The service's own behaviour, asked for explicitly, is no gap.
        expect(problems(staging("aws", { identityLockoutThreshold: "5" }), "staging")).toEqual([]);
        // Auth0 applies all of them.
        expect(problems(staging("gcp", { identityProvider: "auth0", auth0Domain: "gravitypm.eu.auth0.com", identityPasswordMinLength: "16", identityLockoutThreshold: "8" }), "staging")).toEqual([]);
    });

    it("announces the profile defaults a service cannot apply instead of refusing them", () => {
        const gcp = parseStackConfig(prod("gcp"), "prod").identity;
        expect(gcp.notes.map((n) => n.split("=")[0])).toEqual(["identityPasswordMinLength", "identityPasswordComplexity", "identityLockoutThreshold", "identityAccessTokenMinutes", "identityRefreshTokenDays"]);
        expect(parseStackConfig(prod("aws"), "prod").identity.notes).toEqual([]);
        expect(parseStackConfig(prod("aws", { identityProvider: "auth0", auth0Domain: "gravitypm.eu.auth0.com" }), "prod").identity.notes).toEqual([]);
    });

    it("takes the profile's defaults and derives the redirects from the app's host", () => {
        expect(parseStackConfig(prod("aws"), "prod").identity).toEqual({
            provider: "native",
            mfa: "required",
            passwordMinLength: 14,
            passwordComplexity: "standard",
            lockoutThreshold: 5,
            accessTokenMinutes: 15,
            refreshTokenDays: 14,
            callbackUrls: ["https://app.gravitypm.example.com/auth/callback"],
            logoutUrls: ["https://app.gravitypm.example.com/"],
            dnsZone: "app.gravitypm.example.com",
            notes: [],
        });
    });

    it("refuses Entra External ID in a region without a data location, before anything is created", () => {
        const found = problems(staging("azure", { azureRegion: "brazilsouth" }), "staging");
        expect(found).toEqual([{ key: `${PROJECT}:azureRegion`, value: "brazilsouth", message: expect.stringContaining("has no Microsoft Entra External ID data location") }]);
        expect(problems(staging("azure", { azureRegion: "brazilsouth", identityProvider: "auth0", auth0Domain: "gravitypm.eu.auth0.com" }), "staging")).toEqual([]);
    });

    it("serves the sign-in pages on the stack's domain only where the service can, inside the zone", () => {
        expect(problems(staging("aws", { identityHostname: "auth.app.gravitypm.example.com" }), "staging")).toEqual([]);
        expect(keys(staging("aws", { identityHostname: "auth.other.example.org" }), "staging")).toEqual([`${PROJECT}:identityHostname`]);
        expect(problems(staging("azure", { identityHostname: "auth.app.gravitypm.example.com" }), "staging")).toEqual([
            { key: `${PROJECT}:identityHostname`, value: "auth.app.gravitypm.example.com", message: expect.stringContaining("Microsoft Entra External ID cannot serve") },
        ]);
    });

    it("measures a setting against the service's range, and a fixed behaviour against its value", () => {
        const settings = { mfa: "required", passwordMinLength: 200, passwordComplexity: "standard", lockoutThreshold: 5, accessTokenMinutes: 60, refreshTokenDays: 30 } as const;
        const cognito = identityCapabilityGaps("cognito", settings, new Set(["passwordMinLength"]));
        expect(cognito.problems).toEqual([{ setting: "passwordMinLength", message: "is 200, but Amazon Cognito accepts 6-99" }]);
        expect(cognito.notes).toEqual([]);
        expect(IDENTITY_CAPABILITIES["identity-platform"].accessTokenMinutes).toMatchObject({ kind: "fixed", value: 60 });
        expect(identityCapabilityGaps("identity-platform", settings, new Set()).notes.some((n) => n.startsWith("identityAccessTokenMinutes"))).toBe(false);
    });
});

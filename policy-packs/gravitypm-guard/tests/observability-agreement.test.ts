/**
 * The observability rules keep their own copies of the program's demands (the pack is
 * published on its own, so it cannot import domain/). These tests hold each copy, and the rules'
 * config defaults built from it, to domain/capabilities/observability.ts, and check that the
 * names each cloud gives a kind of masked data are recognised as that kind.
 */
import { describe, expect, it } from "vitest";
import { MASKED_DATA as PROGRAM_MASKED_DATA, UPTIME_MIN_LOCATIONS as PROGRAM_UPTIME_MIN_LOCATIONS } from "../../../domain/capabilities/observability";
import { MASKED_DATA, maskedDataMissing, maskedDataNamed, UPTIME_MIN_LOCATIONS } from "../lib/observability";
import { azureWebTestHttps } from "../rules/observability/azure-web-test-https";
import { gcpUptimeCheckHttps } from "../rules/observability/gcp-uptime-check-https";
import { route53HealthCheckHttps } from "../rules/observability/route53-health-check-https";

describe("the observability rules agree with domain/capabilities/observability.ts", () => {
    it("mask the same kinds of data", () => {
        expect([...MASKED_DATA]).toEqual([...PROGRAM_MASKED_DATA]);
    });

    it("hold uptime checks to the program's fewest locations", () => {
        expect(UPTIME_MIN_LOCATIONS).toBe(PROGRAM_UPTIME_MIN_LOCATIONS);
        for (const rule of [route53HealthCheckHttps, gcpUptimeCheckHttps, azureWebTestHttps]) {
            expect(rule.defaults.minimumLocations).toBe(PROGRAM_UPTIME_MIN_LOCATIONS);
            expect(rule.configSchema?.properties.minimumLocations).toMatchObject({ default: PROGRAM_UPTIME_MIN_LOCATIONS });
        }
    });
});

describe("masking names are recognised by kind", () => {
    it.each([
        ["AWS managed identifiers", ["EmailAddress", "CreditCardNumber"], ["email-address", "credit-card-number"]],
        ["custom identifiers", ["BearerToken", "Password", "JwtToken"], ["bearer-token", "password"]],
        ["exclusion names", ["gravitypm-prod-mask-email-address", "mask-bearer-token", "mask-password", "mask-credit-card-number"], [...MASKED_DATA]],
        ["unrelated names", ["AwsSecretKey", "IpAddress", "Address"], []],
    ])("%s", (_what, names, kinds) => {
        expect([...maskedDataNamed(names)].sort()).toEqual([...kinds].sort());
    });

    it.each([
        ["EMAIL_ADDRESS", "email-address"],
        ["AUTH_TOKEN", "bearer-token"],
        ["PASSWORD", "password"],
        ["CREDIT_CARD_NUMBER", "credit-card-number"],
    ])("recognises Sensitive Data Protection's infoType %s as %s", (infoType, kind) => {
        expect([...maskedDataNamed([infoType])]).toEqual([kind]);
    });

    it("lists what is missing in MASKED_DATA's order", () => {
        expect(maskedDataMissing(["EmailAddress"])).toEqual(["bearer-token", "password", "credit-card-number"]);
    });
});

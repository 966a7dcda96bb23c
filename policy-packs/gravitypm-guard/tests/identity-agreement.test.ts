/**
 * The identity rules keep their own copies of the program's sign-in demands (the pack is
 * published on its own, so it cannot import domain/). These tests hold each copy, and the
 * rules' config defaults built from it, to domain/capabilities/identity.ts.
 */
import { describe, expect, it } from "vitest";
import { PROD_IDENTITY } from "../../../domain/capabilities/identity";
import { PASSWORD_LENGTH_DEFAULTS, PROD_MAX_ACCESS_TOKEN_MINUTES, PROD_MIN_PASSWORD_LENGTH } from "../lib/identity";
import { auth0ConnectionPasswordLength } from "../rules/identity/auth0-connection-password-length";
import { cognitoUserPoolClientTokenValidity } from "../rules/identity/cognito-user-pool-client-token-validity";
import { cognitoUserPoolPasswordLength } from "../rules/identity/cognito-user-pool-password-length";

describe("the identity rules agree with PROD_IDENTITY", () => {
    it("hold prod passwords to the program's minimum length", () => {
        expect(PROD_MIN_PASSWORD_LENGTH).toBe(PROD_IDENTITY.minPasswordLength);
        for (const rule of [cognitoUserPoolPasswordLength, auth0ConnectionPasswordLength]) {
            expect(rule.defaults.prodMinimumPasswordLength).toBe(PROD_IDENTITY.minPasswordLength);
            expect(rule.configSchema?.properties.prodMinimumPasswordLength).toMatchObject({ default: PROD_IDENTITY.minPasswordLength });
        }
    });

    it("never ask less of prod than of staging", () => {
        expect(PASSWORD_LENGTH_DEFAULTS.minimumPasswordLength).toBeLessThanOrEqual(PASSWORD_LENGTH_DEFAULTS.prodMinimumPasswordLength);
    });

    it("hold prod access tokens to the program's longest lifetime", () => {
        expect(PROD_MAX_ACCESS_TOKEN_MINUTES).toBe(PROD_IDENTITY.maxAccessTokenMinutes);
        expect(cognitoUserPoolClientTokenValidity.defaults.prodMaxAccessTokenMinutes).toBe(PROD_IDENTITY.maxAccessTokenMinutes);
        expect(cognitoUserPoolClientTokenValidity.configSchema?.properties.prodMaxAccessTokenMinutes).toMatchObject({ default: PROD_IDENTITY.maxAccessTokenMinutes });
    });
});

/**
 * fitName replaced four hand-written fitters; each case below is what the old one produced
 * for the same input (names already deployed must not change), `--` stacks included.
 */
import { describe, expect, it } from "vitest";
import { elasticacheId } from "../components/aws/cache";
import { actionGroupShortName, azureName, keyVaultName, storageAccountName } from "../components/azure/naming";
import { memorystoreName } from "../components/gcp/memorystore";
import { cacheExportBucketName, gcpServiceAccountId } from "../components/gcp/cache-export";
import { fitName, type FitNameOptions } from "../components/shared/naming";

const GCP_LIKE: FitNameOptions = { max: 40, invalid: { chars: /[^a-z0-9-]+/, replace: "hyphen" }, collapseHyphens: false, shrink: "end" };

describe("fitName", () => {
    it("keeps the tail whole and shrinks only the prefix, dropping the hyphens a cut leaves", () => {
        expect(fitName("gravitypm-prod", { ...GCP_LIKE, tail: "-cache" })).toBe("gravitypm-prod-cache");
        expect(fitName("gravitypm-a-very-long-stack-name-for-testing", { ...GCP_LIKE, tail: "-cache-dr" })).toBe("gravitypm-a-very-long-stack-nam-cache-dr");
        expect(fitName("abc-def", { ...GCP_LIKE, max: 6, tail: "-x" })).toBe("abc-x");
    });

    it("replaces, drops or keeps the characters a service rejects", () => {
        expect(fitName("GravityPM_Prod.eu", GCP_LIKE)).toBe("gravitypm-prod-eu");
        expect(fitName("GravityPM_Prod.eu", { ...GCP_LIKE, invalid: { chars: /[^A-Za-z0-9-]/, replace: "drop" } })).toBe("gravitypmprodeu");
        expect(fitName("GravityPM_Prod.eu", { ...GCP_LIKE, invalid: "keep" })).toBe("gravitypm_prod.eu");
    });

    it("collapses hyphen runs only when asked: ElastiCache forbids `--`, Memorystore names keep them", () => {
        expect(fitName("gravitypm--staging--x", { ...GCP_LIKE, collapseHyphens: true, tail: "-cache" })).toBe("gravitypm-staging-x-cache");
        expect(fitName("gravitypm--staging--x", { ...GCP_LIKE, tail: "-cache" })).toBe("gravitypm--staging--x-cache");
    });

    it("shrinks the project before the stack in project-first mode", () => {
        const opts: FitNameOptions = { max: 13, invalid: "keep", collapseHyphens: false, shrink: "project-first" };
        expect(fitName("gravitypm-staging", opts)).toBe("gravi-staging");
        expect(fitName("gravitypm-staging", { ...opts, max: 11, separator: "" })).toBe("gravstaging");
        expect(fitName("gravitypm-a-very-long-stack-name", { ...opts, max: 10 })).toBe("gravitypm");
        // A prefix that fits is returned as given, trailing hyphens and all.
        expect(fitName("g-x--", opts)).toBe("g-x--");
    });
});

describe("the names built with it are the ones the old fitters built", () => {
    it("ElastiCache ids collapse `--`", () => {
        expect(elasticacheId("gravitypm-prod", "cache-dr")).toBe("gravitypm-prod-cache-dr");
        expect(elasticacheId("gravitypm-a--b", "cache-dr")).toBe("gravitypm-a-b-cache-dr");
        expect(elasticacheId("gravitypm--staging--x", "cache-dr")).toBe("gravitypm-staging-x-cache-dr");
        expect(elasticacheId("GravityPM_Prod.eu", "cache-dr")).toBe("gravitypm-prod-eu-cache-dr");
        expect(elasticacheId("gravitypm-a-very-long-stack-name-for-testing", "cache-dr")).toBe("gravitypm-a-very-long-stack-nam-cache-dr");
        expect(elasticacheId("g-x--", "cache-dr")).toBe("g-x-cache-dr");
    });

    it("Memorystore names keep `--` (collapsing them would replace the caches of such stacks)", () => {
        expect(memorystoreName("gravitypm-prod", "cache-dr")).toBe("gravitypm-prod-cache-dr");
        expect(memorystoreName("gravitypm-a--b", "cache-dr")).toBe("gravitypm-a--b-cache-dr");
        expect(memorystoreName("gravitypm--staging--x", "cache-dr")).toBe("gravitypm--staging--x-cache-dr");
        expect(memorystoreName("GravityPM_Prod.eu", "cache-dr")).toBe("gravitypm-prod-eu-cache-dr");
        expect(memorystoreName("gravitypm-a-very-long-stack-name-for-testing", "cache-dr")).toBe("gravitypm-a-very-long-stack-nam-cache-dr");
    });

    it("GCP export bucket and service account names", () => {
        expect(cacheExportBucketName("gravitypm--staging--x", "0a1b2c3d")).toBe("gravitypm--staging--x-cache-dr-0a1b2c3d");
        expect(cacheExportBucketName("gravitypm-a-very-long-stack-name-for-testing", "0a1b2c3d")).toBe("gravitypm-a-very-long-stack-name-for-testing-cache-dr-0a1b2c3d");
        expect(gcpServiceAccountId("gravitypm-prod", "cache-export")).toBe("gravitypm-prod-cache-export");
        expect(gcpServiceAccountId("gravitypm--staging--x", "cache-export")).toBe("gravitypm--stagin-cache-export");
        expect(gcpServiceAccountId("gravitypm-a-very-long-stack-name", "cache-export")).toBe("gravitypm-a-very-cache-export");
    });

    it("Azure names shrink the project first", () => {
        expect(keyVaultName("gravitypm-prod", "primary", "1a2b3c")).toBe("gravityp-prod-pri-1a2b3c");
        expect(keyVaultName("gravitypm-staging", "primary", "1a2b3c")).toBe("gravi-staging-pri-1a2b3c");
        expect(keyVaultName("gravitypm-a-very-long-stack-name", "primary", "1a2b3c")).toBe("gravitypm-a-v-pri-1a2b3c");
        // Key Vault forbids `--`, and the project-first fit keeps them: such a stack is refused, as before.
        expect(() => keyVaultName("gravitypm-a--b", "primary", "1a2b3c")).toThrow(/not a valid Key Vault name/);
        expect(storageAccountName("gravitypm-prod", "primary", "logs", "1a2b3c")).toBe("gravityprodprilogs1a2b3c");
        expect(storageAccountName("gravitypm-staging", "primary", "logs", "1a2b3c")).toBe("gravstagingprilogs1a2b3c");
        expect(storageAccountName("gravitypm-a--b", "primary", "logs", "1a2b3c")).toBe("gravitypmabprilogs1a2b3c");
        expect(storageAccountName("GravityPM_Prod.eu", "primary", "logs", "1a2b3c")).toBe("gravitypmprprilogs1a2b3c");
        expect(actionGroupShortName("gravitypm-prod")).toBe("gravity-prod");
        expect(actionGroupShortName("gravitypm-staging")).toBe("grav-staging");
        expect(azureName("gravitypm-a--b", 12)).toBe("gravity-a--b");
        expect(azureName("gravitypm--staging--x", 12)).toBe("gravitypm--s");
    });
});

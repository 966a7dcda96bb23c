/** Security config: prod keeps a year of audit history; the switches reach the settings as given. */
import { describe, expect, it } from "vitest";
import { parseStackConfig } from "../config/parse";
import { PROJECT } from "../domain/stack-config";
import { problems, prod, staging } from "./support/config";

describe("security config", () => {
    it("refuses less than a year of audit history in prod, naming the key", () => {
        expect(problems(prod("aws", { auditLogRetentionDays: "180" }), "prod")).toEqual([
            { key: `${PROJECT}:auditLogRetentionDays`, value: "180", message: "prod keeps audit logs at least 365 days (a year of history for incident investigation)" },
        ]);
        expect(problems(staging("aws", { auditLogRetentionDays: "30" }), "staging")).toEqual([]);
    });

    it("rejects a retention outside 30-3650 days and a switch that is not a boolean", () => {
        expect(problems(staging("gcp", { auditLogRetentionDays: "4000" }), "staging").map((p) => p.key)).toEqual([`${PROJECT}:auditLogRetentionDays`]);
        expect(problems(staging("aws", { threatDetection: "yes" }), "staging")).toEqual([{ key: `${PROJECT}:threatDetection`, value: "yes", message: "must be true or false" }]);
    });

    it("takes the profile's defaults: staging detects nothing and owns no singleton, prod does both", () => {
        expect(parseStackConfig(staging("aws"), "staging").security).toEqual({ auditLogRetentionDays: 365, threatDetection: false, ownsAccountSingletons: false });
        expect(parseStackConfig(prod("azure"), "prod").security).toEqual({ auditLogRetentionDays: 365, threatDetection: true, ownsAccountSingletons: true });
    });
});

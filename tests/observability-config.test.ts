/** Observability config: the objectives parse as numbers within bounds, and error tracking needs both Sentry slugs. */
import { describe, expect, it } from "vitest";
import { parseStackConfig } from "../config/parse";
import { PROJECT } from "../domain/stack-config";
import { problems, prod, staging } from "./support/config";

describe("observability config", () => {
    it("takes the profile's objectives, with no error tracking unless an organisation is named", () => {
        expect(parseStackConfig(prod("aws"), "prod").observability).toEqual({ slo: { availabilityPercent: 99.9, latencyP95Ms: 500 } });
        expect(parseStackConfig(staging("gcp"), "staging").observability).toEqual({ slo: { availabilityPercent: 99.5, latencyP95Ms: 1000 } });
        expect(parseStackConfig(staging("azure", { sentryOrganization: "gravitypm", sentryTeam: "platform", sloAvailabilityPercent: "99.95" }), "staging").observability).toEqual({
            slo: { availabilityPercent: 99.95, latencyP95Ms: 1000 },
            errorTracking: { organization: "gravitypm", team: "platform" },
        });
    });

    it("refuses an objective outside its bounds or with more than two decimals, naming the key", () => {
        expect(problems(staging("aws", { sloAvailabilityPercent: "100" }), "staging")).toEqual([{ key: `${PROJECT}:sloAvailabilityPercent`, value: "100", message: "must be at most 99.99" }]);
        expect(problems(staging("aws", { sloAvailabilityPercent: "99.999" }), "staging")).toEqual([
            { key: `${PROJECT}:sloAvailabilityPercent`, value: "99.999", message: "must be a percentage such as 99.9 (at most two decimals)" },
        ]);
        expect(problems(staging("aws", { sloLatencyP95Ms: "20" }), "staging").map((p) => p.key)).toEqual([`${PROJECT}:sloLatencyP95Ms`]);
    });

    it("needs the Sentry organisation and team together", () => {
        expect(problems(staging("aws", { sentryOrganization: "gravitypm" }), "staging")).toEqual([
            { key: `${PROJECT}:sentryTeam`, value: undefined, message: "must be set with sentryOrganization: the Sentry team that owns the stack's projects and receives their alerts" },
        ]);
        expect(problems(staging("aws", { sentryTeam: "platform" }), "staging").map((p) => p.key)).toEqual([`${PROJECT}:sentryOrganization`]);
        expect(problems(staging("aws", { sentryOrganization: "Gravity PM", sentryTeam: "platform" }), "staging").map((p) => p.key)).toEqual([`${PROJECT}:sentryOrganization`]);
    });
});

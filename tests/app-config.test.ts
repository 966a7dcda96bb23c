/**
 * App config: a bad release fails at config time naming the key, the value and what is allowed;
 * a good one becomes the settings the composition hands the app.
 */
import { describe, expect, it } from "vitest";
import { parseImageRef } from "../domain/capabilities/app";
import { PROJECT } from "../domain/stack-config";
import { parseStackConfig } from "../config/parse";
import { APP_IMAGES_PINNED, problems, prod, staging } from "./support/config";

const DIGEST = `sha256:${"ab".repeat(32)}`;
const images = (value: unknown) => ({ appImages: JSON.stringify(value) });
const messagesFor = (raw: Record<string, string>, stack: string, key: string) => problems(raw, stack).filter((p) => p.key === `${PROJECT}:${key}`).map((p) => p.message);

describe("image references", () => {
    it("accepts a tag, a tag pinned to a digest, or a digest", () => {
        expect(parseImageRef("1.4.2")).toEqual({ tag: "1.4.2", digest: undefined });
        expect(parseImageRef(`1.4.2@${DIGEST}`)).toEqual({ tag: "1.4.2", digest: DIGEST });
        expect(parseImageRef(DIGEST)).toEqual({ tag: undefined, digest: DIGEST });
    });

    it.each([
        ["latest", /names no release/],
        ["-1.0", /not an image tag/],
        ["1.0@sha256:abc", /malformed digest/],
        ["1.0 beta", /not an image tag/],
    ])("rejects %s", (raw, message) => {
        expect(parseImageRef(raw)).toMatch(message);
    });
});

describe("bad app config fails at config time naming the key", () => {
    it("an unknown colour, as the active colour or as a key of an image", () => {
        expect(messagesFor(staging("aws", { appActiveColour: "red" }), "staging", "appActiveColour").join()).toMatch(/must be one of: blue, green/);
        const unknown = messagesFor(staging("aws", images({ ...APP_IMAGES_PINNED, backend: { blue: "1.0.0", red: "1.0.0" } })), "staging", "appImages").join();
        expect(unknown).toMatch(/unknown key "red": a service takes repository, blue, green/);
    });

    it("an unknown or missing service", () => {
        expect(messagesFor(staging("aws", images({ ...APP_IMAGES_PINNED, worker: { blue: "1" } })), "staging", "appImages").join()).toMatch(/unknown service "worker"/);
        expect(messagesFor(staging("aws", images({ backend: APP_IMAGES_PINNED.backend })), "staging", "appImages").join()).toMatch(/frontend/);
    });

    it("no image for the active colour", () => {
        const raw = staging("aws", { appActiveColour: "green", ...images({ backend: { blue: "1.0.0" }, frontend: { blue: "1.0.0", green: "1.0.1" } }) });
        expect(messagesFor(raw, "staging", "appImages")).toEqual(["backend has no image for the active colour green (appActiveColour): set backend.green to a tag or digest"]);
    });

    it("min replicas above max", () => {
        expect(messagesFor(staging("aws", { appBackendMinReplicas: "4", appBackendMaxReplicas: "2" }), "staging", "appBackendMaxReplicas")).toEqual(["must be at least appBackendMinReplicas (4)"]);
    });

    it("a probe path without a leading slash", () => {
        const problem = problems(staging("aws", { appBackendReadinessPath: "readyz" }), "staging").find((p) => p.key === `${PROJECT}:appBackendReadinessPath`);
        expect(problem).toMatchObject({ value: "readyz", message: expect.stringMatching(/must be an absolute HTTP path starting with "\/"/) });
    });

    it("prod below one replica per zone, a DR minimum above a maximum, and a DR minimum without a DR region", () => {
        expect(messagesFor(prod("aws", { appFrontendMinReplicas: "2" }), "prod", "appFrontendMinReplicas").join()).toMatch(/one replica per zone \(3 across 3 zones\)/);
        expect(messagesFor(prod("aws", { appDrMinReplicas: "9" }), "prod", "appDrMinReplicas").join()).toMatch(/at most every service's maximum replicas \(6\)/);
        expect(messagesFor(staging("aws", { appDrMinReplicas: "2" }), "staging", "appDrMinReplicas").join()).toMatch(/needs a DR region/);
    });

    it("tags without digests on Azure, whose registry tags are mutable", () => {
        const raw = staging("azure", images({ backend: { blue: "1.0.0", green: `1.0.0@${DIGEST}` }, frontend: { blue: DIGEST } }));
        expect(messagesFor(raw, "staging", "appImages")).toEqual([expect.stringMatching(/^backend\.blue must be pinned by digest on Azure/)]);
        expect(messagesFor(staging("aws", images({ backend: { blue: "1.0.0" }, frontend: { blue: "1.0.0" } })), "staging", "appImages")).toEqual([]);
    });

    it("the same host name twice, and appImages missing from the stack file", () => {
        expect(messagesFor(staging("aws", { appHostname: "x.gravitypm.example.com", apiHostname: "x.gravitypm.example.com" }), "staging", "apiHostname").join()).toMatch(/must differ/);
        const { appImages: _, ...withoutImages } = staging("aws");
        expect(messagesFor(withoutImages, "staging", "appImages")).toEqual(["must be set in the stack file"]);
    });
});

describe("good app config", () => {
    it("derives the host names from the domain and lets an idle colour without an image run the active one's", () => {
        const cfg = parseStackConfig(staging("aws", images({ backend: { repository: "gravitypm/api", blue: "2.0.0" }, frontend: { blue: "2.0.0", green: "2.1.0" } })), "staging");
        expect(cfg.app.hosts).toEqual({ app: "app.gravitypm.example.com", api: "api.app.gravitypm.example.com", static: "static.app.gravitypm.example.com" });
        expect(cfg.app.images.backend).toEqual({ repository: "gravitypm/api", colours: { blue: { tag: "2.0.0", digest: undefined }, green: { tag: "2.0.0", digest: undefined } } });
        expect(cfg.app.images.frontend.repository).toBe("frontend");
        expect(cfg.app.images.frontend.colours.green.tag).toBe("2.1.0");
        expect(cfg.app.replicas).toEqual({ backend: { min: 1, max: 3 }, frontend: { min: 1, max: 2 } });
    });
});

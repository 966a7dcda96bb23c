/**
 * The policy pack is published on its own (`pulumi policy publish` ships only its folder), so
 * where a rule needs a catalog value the pack keeps its own copy. These tests keep each copy
 * in agreement with the project's sourced catalog entry.
 */
import { describe, expect, it } from "vitest";
import { ELASTICACHE_SECONDARY_INHERITED } from "../domain/catalogs/aws";
import { ELASTICACHE_SECONDARY_INHERITS } from "../policy-packs/gravitypm-guard/lib/inherited";

describe("the policy pack's copies of catalog values", () => {
    it("exempts an ElastiCache secondary only from settings the catalog says it inherits", () => {
        const inherited: readonly string[] = ELASTICACHE_SECONDARY_INHERITED.value;
        expect(ELASTICACHE_SECONDARY_INHERITS.filter((setting) => !inherited.includes(setting))).toEqual([]);
    });
});

/**
 * A cache that cannot be built says everything that is wrong at once, naming the component,
 * before any of its resources exists.
 */
import { describe, expect, it } from "vitest";
import { AwsCache } from "../components/aws/cache";
import { AzureCache } from "../components/azure/cache";
import { GcpCache } from "../components/gcp/cache";
import { buildComponent, cacheArgs } from "./support/component";


async function refusal(built: Promise<unknown>): Promise<string> {
    try {
        await built;
    } catch (e) {
        return e instanceof Error ? e.message : String(e);
    }
    throw new Error("the cache was built");
}

describe("a cache refuses every bad arg at once", () => {
    it("AWS: AOF, too many replicas and a version without required TLS", async () => {
        const message = await refusal(buildComponent("aws", (spine) => new AwsCache("cache", cacheArgs("aws", spine, { persistence: "aof", replicasPerShard: 9, version: "6.2" }))));
        expect(message).toMatch(/Cache cache: /);
        expect(message).toMatch(/cachePersistence: ElastiCache has no AOF persistence/);
        expect(message).toMatch(/cacheReplicasPerShard: ElastiCache keeps at most 5 replicas/);
        expect(message).toMatch(/redis 6\.2 is too old/);
    });

    it("GCP: valkey and AOF on a Memorystore instance", async () => {
        const message = await refusal(buildComponent("gcp", (spine) => new GcpCache("cache", cacheArgs("gcp", spine, { engine: "valkey", persistence: "aof" }))));
        expect(message).toMatch(/Cache cache: /);
        expect(message).toMatch(/cacheEngine: Memorystore for Redis \(instance\) does not run valkey/);
        expect(message).toMatch(/cachePersistence: Memorystore for Redis \(instance\) has no AOF persistence/);
    });

    it("Azure: a shard count and more replicas than Managed Redis keeps", async () => {
        const message = await refusal(buildComponent("azure", (spine) => new AzureCache("cache", cacheArgs("azure", spine, { shards: 3, replicasPerShard: 2 }))));
        expect(message).toMatch(/Cache cache: /);
        expect(message).toMatch(/cacheShards: Azure Managed Redis has no shard-count setting/);
        expect(message).toMatch(/cacheReplicasPerShard: Azure Managed Redis keeps at most 1 replica per shard/);
    });
});

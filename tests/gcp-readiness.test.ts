/**
 * GCP deploy readiness: every alert policy's metric, monitored resource and aligner is a
 * catalog entry's (domain/catalogs/gcp.ts), the Memorystore instance keeps headroom for the
 * nightly export's fork and says when that export is at risk or missing, and cluster node
 * types come from the catalog with shared-core nodes kept out of prod.
 */
import { describe, expect, it } from "vitest";
import { EXPORT_SCHEDULE, exportSuccessFilter } from "../components/gcp/cache-export";
import { cacheConfigProblems, GCP_CLUSTER_NODES, GCP_INSTANCE_MEMORY_GB } from "../domain/capabilities/cache";
import {
    GCP_ALERT_ABSENCE_SECONDS,
    GCP_ALERT_MAX_ALIGNMENT_SECONDS,
    GCP_CLUSTER_NODE_TYPES,
    GCP_METRICS,
    GCP_REDIS_EXPORT_AUDIT_METHOD,
    GCP_REDIS_MEMORY,
    GCP_USER_LOG_METRIC_PREFIX,
} from "../domain/catalogs/gcp";
import type { CacheSettings } from "../domain/stack-config";
import type { Plan } from "../tools/plan/types";
import { input, ofType, one, plan } from "./support/plan";

const POLICY = "gcp:monitoring/alertPolicy:AlertPolicy";
const CATALOG_METRICS = Object.values(GCP_METRICS).map((e) => e.value);
const GAUGE_ALIGNERS = ["ALIGN_MAX", "ALIGN_MEAN", "ALIGN_MIN"];
const DELTA_ALIGNERS = ["ALIGN_SUM", "ALIGN_RATE", "ALIGN_DELTA"];
const seconds = (d: unknown) => Number(String(d).replace(/s$/, ""));

interface Condition {
    conditionThreshold?: { filter: string; aggregations?: { perSeriesAligner?: string; alignmentPeriod?: string }[]; thresholdValue?: number; evaluationMissingData?: string };
    conditionAbsent?: { filter: string; duration: string; aggregations?: { perSeriesAligner?: string }[] };
    conditionMatchedLog?: { filter: string };
}
/** The cache's own alert policies (the cluster's are checked in tests/cluster-gcp.test.ts). */
const conditionsOf = (p: Plan) => ofType(p, POLICY).filter((policy) => policy.name.startsWith("cache-")).flatMap((policy) => (input(policy, "conditions") as Condition[]).map((c) => ({ policy: policy.name, c })));
const quoted = (filter: string, field: string) => new RegExp(`${field.replace(/\./g, "\\.")}\\s*=\\s*"([^"]+)"`).exec(filter)?.[1];
const policy = (p: Plan, name: string) => one(p, POLICY, name);
const threshold = (p: Plan, name: string) => (input(policy(p, name), "conditions") as Condition[])[0].conditionThreshold;

const PLANS: readonly [string, string, Record<string, string>][] = [
    ["staging", "instance", {}],
    ["prod", "instance", {}],
    ["prod", "cluster", { cacheShards: "3", cachePersistence: "aof" }],
];

describe.each(PLANS)("GCP %s %s: alert policies against the catalog", async (stack, _kind, set) => {
    const p = await plan(stack, "gcp", set);
    const metricConditions = conditionsOf(p).filter(({ c }) => !c.conditionMatchedLog);

    it("use only catalogued metric types, on their monitored resource, with an aligner fit for their kind", () => {
        expect(metricConditions.length).toBeGreaterThan(3);
        for (const { policy: name, c } of metricConditions) {
            const cond = c.conditionThreshold ?? c.conditionAbsent;
            const type = quoted(cond?.filter ?? "", "metric.type");
            expect(type, name).toBeDefined();
            if (type?.startsWith(GCP_USER_LOG_METRIC_PREFIX.value)) continue;
            const entry = CATALOG_METRICS.find((m) => m.type === type);
            expect(entry, `${name}: ${type}`).toBeDefined();
            expect(quoted(cond?.filter ?? "", "resource.type"), name).toBe(entry?.resourceType);
            const aligner = cond?.aggregations?.[0]?.perSeriesAligner ?? "";
            expect(entry?.kind === "GAUGE" ? GAUGE_ALIGNERS : DELTA_ALIGNERS, `${name}: ${aligner} on a ${entry?.kind}`).toContain(aligner);
        }
    });

    it("page when the cache stops reporting memory, within what an absence condition allows", () => {
        const absent = metricConditions.filter(({ c }) => c.conditionAbsent);
        expect(absent).toHaveLength(1);
        const { duration, filter } = absent[0].c.conditionAbsent ?? { duration: "", filter: "" };
        expect(seconds(duration)).toBeGreaterThanOrEqual(GCP_ALERT_ABSENCE_SECONDS.min.value);
        expect(seconds(duration)).toBeLessThanOrEqual(GCP_ALERT_ABSENCE_SECONDS.max.value);
        expect([GCP_METRICS.redisSystemMemoryUsageRatio.value.type, GCP_METRICS.redisClusterMemoryMaxUtilization.value.type]).toContain(quoted(filter, "metric.type"));
    });
});

describe("GCP cluster alerts", () => {
    it("count evictions with the DELTA metric, not the gauge of a running total", async () => {
        const p = await plan("prod", "gcp", { cacheShards: "3", cachePersistence: "aof" });
        const evictions = threshold(p, "cache-evictions");
        expect(quoted(evictions?.filter ?? "", "metric.type")).toBe(GCP_METRICS.redisClusterEvictedKeysCount.value.type);
        expect(GCP_METRICS.redisClusterEvictedKeysCount.value.kind).toBe("DELTA");
        expect(evictions?.aggregations?.[0].perSeriesAligner).toBe("ALIGN_SUM");
    });
});

describe("GCP prod instance: the nightly export is sized and watched", async () => {
    const p = await plan("prod", "gcp");
    const instance = one(p, "gcp:redis/instance:Instance");
    const capacity = Number(input(instance, "memorySizeGb"));

    it("reserves fork headroom: maxmemory at the catalog's fraction of capacity, above the floor", () => {
        const configs = input(instance, "redisConfigs") as Record<string, string>;
        const maxmemory = Number(configs[GCP_REDIS_MEMORY.maxmemoryConfig.value]);
        expect(maxmemory).toBeCloseTo(GCP_REDIS_MEMORY.maxmemoryFraction.value * capacity, 5);
        expect(maxmemory).toBeGreaterThanOrEqual(GCP_REDIS_MEMORY.maxmemoryFloorFraction.value * capacity);
        expect(maxmemory).toBeLessThan(capacity);
        expect(Object.values(GCP_INSTANCE_MEMORY_GB)).toContain(capacity);
    });

    it("warns when system memory leaves the export too little room, and pages at memory pressure", () => {
        const warn = policy(p, "cache-system-memory");
        expect(input(warn, "severity")).toBe("WARNING");
        expect(threshold(p, "cache-system-memory")?.thresholdValue).toBe(GCP_REDIS_MEMORY.exportSystemMemoryRatio.value);
        expect(quoted(threshold(p, "cache-system-memory")?.filter ?? "", "metric.type")).toBe(GCP_METRICS.redisSystemMemoryUsageRatio.value.type);
        expect(input(policy(p, "cache-memory-pressure"), "severity")).toBe("ERROR");
        expect(threshold(p, "cache-memory-pressure")?.thresholdValue).toBe(GCP_REDIS_MEMORY.pressureSystemMemoryRatio.value);
    });

    it("pages when no export finished in the longest window an alert can look back over, longer than a day", () => {
        const metric = one(p, "gcp:logging/metric:Metric");
        expect(input(metric, "filter")).toBe(exportSuccessFilter("projects/gravitypm-prod/locations/us-central1/instances/gravitypm-prod-cache"));
        expect(String(input(metric, "filter"))).toContain(`protoPayload.methodName="${GCP_REDIS_EXPORT_AUDIT_METHOD.value}"`);
        const missing = threshold(p, "cache-export-missing");
        expect(quoted(missing?.filter ?? "", "metric.type")).toBe(`${GCP_USER_LOG_METRIC_PREFIX.value}${String(input(metric, "name"))}`);
        const window = seconds(missing?.aggregations?.[0].alignmentPeriod);
        expect(window).toBe(GCP_ALERT_MAX_ALIGNMENT_SECONDS.value);
        // The schedule runs once a day, so the window must span more than a day.
        expect(EXPORT_SCHEDULE.split(" ").slice(2)).toEqual(["*", "*", "*"]);
        expect(window).toBeGreaterThan(86_400);
        expect(missing?.evaluationMissingData).toBe("EVALUATION_MISSING_DATA_ACTIVE");
        expect(input(policy(p, "cache-export-missing"), "notificationChannels")).toEqual(p.outputs.alertTargets);
    });
});

describe("Memorystore Cluster node types", () => {
    const settings = (size: CacheSettings["size"]): CacheSettings => ({ engine: "redis", size, shards: 3, replicasPerShard: 1, persistence: "aof", snapshotRetentionDays: 7 });

    it("come from the catalog, with a 26 GB node for xlarge like the instance and the other clouds", () => {
        expect(GCP_CLUSTER_NODES.xlarge).toEqual(GCP_CLUSTER_NODE_TYPES.standardLarge.value);
        expect(GCP_CLUSTER_NODES.xlarge.memoryGb).toBe(GCP_INSTANCE_MEMORY_GB.xlarge);
        const catalogued = Object.values(GCP_CLUSTER_NODE_TYPES).map((e) => e.value);
        for (const node of Object.values(GCP_CLUSTER_NODES)) expect(catalogued).toContainEqual(node);
    });

    it("keep the shared-core node (no SLA) out of prod, and allow it in staging", () => {
        expect(GCP_CLUSTER_NODE_TYPES.sharedCoreNano.value.production).toBe(false);
        expect(cacheConfigProblems(settings("small"), "gcp", true).map((x) => x.key)).toEqual(["cacheSize"]);
        expect(cacheConfigProblems(settings("small"), "gcp", false)).toEqual([]);
        expect(cacheConfigProblems(settings("medium"), "gcp", true)).toEqual([]);
    });

    it("a prod sharded plan runs the catalogued node type", async () => {
        const p = await plan("prod", "gcp", { cacheShards: "3", cachePersistence: "aof" });
        const nodeType = input(one(p, "gcp:redis/cluster:Cluster", "cache-cluster"), "nodeType");
        expect(Object.values(GCP_CLUSTER_NODE_TYPES).filter((e) => e.value.production).map((e) => e.value.nodeType)).toContain(nodeType);
    });
});

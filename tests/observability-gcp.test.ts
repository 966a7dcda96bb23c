/**
 * GcpObservability on its own, for staging-like args (one cluster, a Memorystore instance) and
 * prod-like args (a DR standby cluster too, a Memorystore cluster, protection): the CMEK log
 * bucket with the configured retention fed by every cluster's GKE logs, an exclusion per kind of
 * masked data on its sink and on the _Default sink, the DLP templates naming each infoType, the
 * dashboard charting the real cluster names, namespace and store ids, an uptime check per target
 * from enough locations with its down alert, and the availability and latency SLOs with their
 * burn-rate alerts, every alert to the stack's channels.
 */
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import type { Database } from "../components/contracts/database";
import type { ObservabilityArgs, ObservedCluster } from "../components/contracts/observability";
import type { GcpTypes } from "../components/gcp";
import { GcpCache } from "../components/gcp/cache";
import { GcpCluster } from "../components/gcp/cluster";
import { GcpObservability } from "../components/gcp/observability";
import { maskFilter } from "../components/gcp/log-masking";
import { gkeStackLogFilter } from "../components/gcp/observability-logs";
import { burnRateFilter, checkLatencyFilter, checkPassedFilter, LATENCY_SLO_GOAL } from "../components/gcp/observability-slo";
import { MASKED_DATA, SLO_FAST_BURN, SLO_WINDOW_DAYS, UPTIME_CHECK_INTERVAL_SECONDS, UPTIME_FAILURES_BEFORE_ALERT, UPTIME_MIN_LOCATIONS, type UptimeTarget } from "../domain/capabilities/observability";
import { GCP_DLP_INFO_TYPES, GCP_LOG_MASK_PATTERNS, GCP_UPTIME_REGIONS, GKE_MANAGED_PROMETHEUS } from "../domain/catalogs/gcp";
import type { Environment } from "../domain/stack-config";
import type { Plan, PlannedResource } from "../tools/plan/types";
import { buildComponent, cacheArgs, clusterArgs, type Spine } from "./support/component";
import { dependsOn, descendants, input, ofType, one } from "./support/plan";

const OBSERVABILITY = "gravitypm:components:Observability";
const T = {
    bucket: "gcp:logging/projectBucketConfig:ProjectBucketConfig",
    sink: "gcp:logging/projectSink:ProjectSink",
    exclusion: "gcp:logging/projectExclusion:ProjectExclusion",
    keyMember: "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember",
    inspect: "gcp:dataloss/preventionInspectTemplate:PreventionInspectTemplate",
    deidentify: "gcp:dataloss/preventionDeidentifyTemplate:PreventionDeidentifyTemplate",
    api: "gcp:projects/service:Service",
    check: "gcp:monitoring/uptimeCheckConfig:UptimeCheckConfig",
    policy: "gcp:monitoring/alertPolicy:AlertPolicy",
    service: "gcp:monitoring/genericService:GenericService",
    slo: "gcp:monitoring/slo:Slo",
    dashboard: "gcp:monitoring/dashboard:Dashboard",
    gke: "gcp:container/cluster:Cluster",
};

const TARGETS: readonly UptimeTarget[] = [
    { name: "app", host: "app.gravitypm.example.com", path: "/" },
    { name: "api", host: "api.gravitypm.example.com", path: "/health/ready" },
];

const SCENARIOS = {
    staging: { environment: "staging", retention: 30, slo: { availabilityPercent: 99.5, latencyP95Ms: 1000 }, dr: false, shards: 1 },
    prod: { environment: "prod", retention: 400, slo: { availabilityPercent: 99.9, latencyP95Ms: 500 }, dr: true, shards: 3 },
} as const;

/** The stack's database: Atlas on GCP, of which the dashboard needs only the name. */
function atlasLike(name: string): Database {
    return {
        metricsId: pulumi.output(name),
        host: pulumi.output(`${name}-pl-0.mock.mongodb.net`),
        port: pulumi.output(27017),
        readerHost: pulumi.output(`${name}-pl-0.mock.mongodb.net`),
        replicaSetName: pulumi.output<string | undefined>(undefined),
        connectionString: pulumi.secret(`mongodb+srv://gravitypm:pw@${name}-pl-0.mock.mongodb.net`),
        connectionSecretId: pulumi.output(`projects/gravitypm-component/secrets/${name}`),
    };
}

interface Built {
    readonly plan: Plan;
    readonly keyId: string;
    readonly channels: string[];
    readonly notes: readonly string[];
    readonly dashboardUrl: string;
}

function build(scenario: keyof typeof SCENARIOS): Promise<Built> {
    const s = SCENARIOS[scenario];
    const environment: Environment = s.environment;
    const protect = environment === "prod";
    const seen: { keyId?: string; channels?: string[]; notes?: readonly string[]; dashboardUrl?: string } = {};
    const plan = buildComponent(
        "gcp",
        (spine: Spine<GcpTypes>) => {
            spine.keys.keyId.apply((id) => (seen.keyId = id));
            pulumi.all(spine.alerts.targetIds).apply((ids) => (seen.channels = ids));
            const primary = new GcpCluster("cluster", clusterArgs(spine, { environment, protect }));
            const clusters: ObservedCluster<GcpTypes>[] = [{ role: "primary", site: spine.site, keys: spine.keys, cluster: primary }];
            if (s.dr && spine.dr) {
                const drSpine = { ...spine, ...spine.dr };
                const standby = new GcpCluster("dr-cluster", clusterArgs(drSpine, { environment, protect, role: "standby" }));
                clusters.push({ role: "standby", site: spine.dr.site, keys: spine.dr.keys, cluster: standby });
            }
            const cache = new GcpCache("cache", cacheArgs("gcp", spine, { environment, shards: s.shards, size: protect ? "medium" : "small", protect }));
            const args: ObservabilityArgs<GcpTypes> = {
                site: spine.site,
                keys: spine.keys,
                alerts: spine.alerts,
                environment,
                clusters,
                database: atlasLike("gravitypm-component-db"),
                cache,
                appNamespace: "gravitypm",
                uptimeTargets: TARGETS,
                settings: { slo: s.slo },
                logRetentionDays: s.retention,
                protect,
            };
            const observability = new GcpObservability("observability", args);
            seen.notes = observability.notes;
            observability.dashboardUrl.apply((url) => (seen.dashboardUrl = url));
        },
        {
            environment,
            ...(s.dr ? { dr: { region: "us-east1", zones: ["us-east1-b", "us-east1-c", "us-east1-d"], cidr: "10.1.0.0/16" } } : {}),
        },
    );
    return plan.then((p) => ({ plan: p, keyId: seen.keyId ?? "", channels: seen.channels ?? [], notes: seen.notes ?? [], dashboardUrl: seen.dashboardUrl ?? "" }));
}

const built = { staging: build("staging"), prod: build("prod") };

function mine(p: Plan): PlannedResource[] {
    return descendants(p, one(p, OBSERVABILITY, "observability"));
}

function mineOf(p: Plan, type: string): PlannedResource[] {
    return mine(p).filter((r) => r.type === type);
}

describe.each(["staging", "prod"] as const)("GcpObservability (%s)", (scenario) => {
    const s = SCENARIOS[scenario];
    const prod = scenario === "prod";
    const clusterNames = prod ? ["gravitypm-component-primary", "gravitypm-component-standby"] : ["gravitypm-component-primary"];
    const clusterRegions = prod ? ["us-central1", "us-east1"] : ["us-central1"];

    it("builds exactly its resources, all below the component, on the primary site's provider", async () => {
        const { plan: p } = await built[scenario];
        const counts = (type: string) => mineOf(p, type).length;
        expect(counts(T.bucket)).toBe(1);
        expect(counts(T.sink)).toBe(1);
        expect(counts(T.exclusion)).toBe(MASKED_DATA.length);
        expect(counts(T.inspect)).toBe(1);
        expect(counts(T.deidentify)).toBe(1);
        expect(counts(T.api)).toBe(1);
        expect(counts(T.check)).toBe(TARGETS.length);
        expect(counts(T.service)).toBe(TARGETS.length);
        expect(counts(T.slo)).toBe(2 * TARGETS.length);
        // Per target: the down alert and a burn alert per objective.
        expect(counts(T.policy)).toBe(3 * TARGETS.length);
        expect(counts(T.dashboard)).toBe(1);
        expect(mine(p)).toHaveLength(1 + 1 + MASKED_DATA.length + 3 + TARGETS.length * (1 + 1 + 2 + 3) + 1);
        // No second grant of the stack key to the Logging agent: the security baseline's serves.
        expect(counts(T.keyMember)).toBe(0);
        const provider = ofType(p, "pulumi:providers:gcp").find((r) => r.name === "gcp-primary")!;
        for (const r of mine(p)) expect(r.provider?.startsWith(provider.urn), r.name).toBe(true);
    });

    it("keeps every GKE log of every cluster in one bucket under the stack key, for the configured days", async () => {
        const { plan: p, keyId } = await built[scenario];
        const bucket = mineOf(p, T.bucket)[0];
        expect(keyId).toMatch(/cryptoKeys/);
        expect(input(bucket, "cmekSettings.kmsKeyName")).toBe(keyId);
        expect(input(bucket, "location")).toBe("us-central1");
        expect(input(bucket, "retentionDays")).toBe(s.retention);
        expect(input(bucket, "locked")).toBe(prod);
        expect(input(bucket, "deletionPolicy")).toBe(prod ? "PREVENT" : "DELETE");
        expect(bucket.protect).toBe(prod);
        const sink = mineOf(p, T.sink)[0];
        expect(input(sink, "destination")).toBe(`logging.googleapis.com/projects/gravitypm-component/locations/us-central1/buckets/${String(input(bucket, "bucketId"))}`);
        expect(input(sink, "filter")).toBe(gkeStackLogFilter(clusterNames.map((clusterName, i) => ({ clusterName, region: clusterRegions[i] }))));
        for (const name of clusterNames) expect(String(input(sink, "filter"))).toContain(`resource.labels.cluster_name="${name}"`);
        expect(String(input(sink, "filter"))).toContain('"k8s_container"');
    });

    it("drops entries carrying each kind of masked data from the stack bucket and from the _Default bucket", async () => {
        const { plan: p, notes } = await built[scenario];
        const sink = mineOf(p, T.sink)[0];
        const exclusions = input(sink, "exclusions") as { name: string; filter: string }[];
        expect(exclusions.map((e) => e.filter)).toEqual(MASKED_DATA.map(maskFilter));
        const defaults = mineOf(p, T.exclusion);
        for (const kind of MASKED_DATA) {
            const exclusion = defaults.find((e) => String(input(e, "filter")).endsWith(`(${maskFilter(kind)})`));
            expect(exclusion, kind).toBeDefined();
            // Scoped to the clusters' logs: nothing else in the project is dropped.
            expect(String(input(exclusion!, "filter"))).toContain(String(input(sink, "filter")));
            expect(maskFilter(kind)).toMatch(/textPayload =~ "/);
        }
        // The templates name one infoType per kind, and the de-identify template replaces each.
        const infoTypes = MASKED_DATA.map((kind) => ({ name: GCP_DLP_INFO_TYPES.value[kind] }));
        expect(infoTypes.map((i) => i.name)).toEqual(["EMAIL_ADDRESS", "AUTH_TOKEN", "PASSWORD", "CREDIT_CARD_NUMBER"]);
        const inspect = mineOf(p, T.inspect)[0];
        expect(input(inspect, "inspectConfig.infoTypes")).toEqual(infoTypes);
        expect(input(inspect, "parent")).toBe("projects/gravitypm-component/locations/us-central1");
        const deidentify = mineOf(p, T.deidentify)[0];
        expect(input(deidentify, "deidentifyConfig.infoTypeTransformations.transformations")).toEqual([{ infoTypes, primitiveTransformation: { replaceWithInfoTypeConfig: true } }]);
        expect(dependsOn(p, inspect, "observability-dlp-api")).toBe(true);
        expect(input(mineOf(p, T.api)[0], "service")).toBe("dlp.googleapis.com");
        // The plan says the entries are dropped, not masked.
        expect(notes.some((n) => n.includes("dropped") && n.includes("not masked"))).toBe(true);
    });

    it("runs Managed Service for Prometheus on every cluster", async () => {
        const { plan: p } = await built[scenario];
        const gke = ofType(p, T.gke);
        expect(gke.map((c) => input(c, "name")).sort()).toEqual([...clusterNames].sort());
        for (const c of gke) expect(input(c, "monitoringConfig.managedPrometheus")).toEqual(GKE_MANAGED_PROMETHEUS.value);
    });

    it("alarms on node pressure (CPU or memory), failed nodes and restarts of every cluster from the same Cloud Monitoring metrics", async () => {
        const { plan: p, channels } = await built[scenario];
        for (const [i, cluster] of (prod ? ["cluster", "dr-cluster"] : ["cluster"]).entries()) {
            const where = `resource.labels.cluster_name = "${clusterNames[i]}" AND resource.labels.location = "${clusterRegions[i]}"`;
            const filters = (alarm: string) =>
                (input(one(p, T.policy, `${cluster}-${alarm}`), "conditions") as { conditionThreshold?: { filter: string }; conditionAbsent?: { filter: string } }[]).map(
                    (c) => (c.conditionThreshold ?? c.conditionAbsent)!.filter,
                );
            expect(filters("node-cpu")).toEqual([
                `resource.type = "k8s_node" AND ${where} AND metric.type = "kubernetes.io/node/cpu/allocatable_utilization"`,
                `resource.type = "k8s_node" AND ${where} AND metric.type = "kubernetes.io/node/memory/allocatable_utilization" AND metric.labels.memory_type = "non-evictable"`,
            ]);
            expect(filters("no-nodes")).toEqual([`resource.type = "k8s_node" AND ${where} AND metric.type = "kubernetes.io/node/cpu/core_usage_time"`]);
            expect(filters("restarts")).toEqual([`resource.type = "k8s_container" AND ${where} AND metric.type = "kubernetes.io/container/restart_count"`]);
            for (const alarm of ["node-cpu", "no-nodes", "restarts"]) expect(input(one(p, T.policy, `${cluster}-${alarm}`), "notificationChannels")).toEqual(channels);
        }
    });

    it("checks each public URL over HTTPS every minute from enough locations, and pages when more than one location fails", async () => {
        const { plan: p, channels } = await built[scenario];
        expect(channels.length).toBeGreaterThan(0);
        for (const target of TARGETS) {
            const check = one(p, T.check, `observability-${target.name}-check`);
            expect(input(check, "monitoredResource")).toEqual({ type: "uptime_url", labels: { project_id: "gravitypm-component", host: target.host } });
            expect(input(check, "httpCheck.path")).toBe(target.path);
            expect(input(check, "httpCheck.useSsl")).toBe(true);
            expect(input(check, "httpCheck.validateSsl")).toBe(true);
            expect(input(check, "period")).toBe(`${UPTIME_CHECK_INTERVAL_SECONDS}s`);
            const regions = input(check, "selectedRegions") as string[];
            expect(regions).toEqual([...GCP_UPTIME_REGIONS.value]);
            expect(regions.length).toBeGreaterThanOrEqual(UPTIME_MIN_LOCATIONS);

            const down = one(p, T.policy, `observability-${target.name}-down`);
            expect(input(down, "notificationChannels")).toEqual(channels);
            const condition = (input(down, "conditions") as { conditionThreshold: Record<string, unknown> }[])[0].conditionThreshold;
            expect(String(condition.filter)).toContain('metric.labels.check_id="observability-');
            expect(condition.filter).toBe(checkPassedFilter(String(condition.filter).split('check_id="')[1].slice(0, -1)));
            expect(condition.thresholdValue).toBe(1);
            expect(condition.duration).toBe(`${UPTIME_FAILURES_BEFORE_ALERT * UPTIME_CHECK_INTERVAL_SECONDS}s`);
            expect((condition.aggregations as { crossSeriesReducer: string }[])[0].crossSeriesReducer).toBe("REDUCE_COUNT_FALSE");
        }
    });

    it("holds each target to the configured availability and p95 latency, with fast-burn alerts to the channels", async () => {
        const { plan: p, channels } = await built[scenario];
        for (const target of TARGETS) {
            const service = one(p, T.service, `observability-${target.name}-service`);
            const serviceId = String(input(service, "serviceId"));
            const checkId = checkIdOf(p, target.name);

            const availability = one(p, T.slo, `observability-${target.name}-availability`);
            expect(input(availability, "service")).toBe(serviceId);
            expect(input(availability, "goal")).toBe(s.slo.availabilityPercent / 100);
            expect(input(availability, "rollingPeriodDays")).toBe(SLO_WINDOW_DAYS);
            expect(input(availability, "windowsBasedSli.goodBadMetricFilter")).toBe(checkPassedFilter(checkId));

            const latency = one(p, T.slo, `observability-${target.name}-latency`);
            expect(input(latency, "goal")).toBe(LATENCY_SLO_GOAL);
            expect(input(latency, "windowsBasedSli.metricMeanInRange.range.max")).toBe(s.slo.latencyP95Ms);
            expect(input(latency, "windowsBasedSli.metricMeanInRange.timeSeries")).toBe(checkLatencyFilter(checkId));

            for (const objective of ["availability", "latency"]) {
                const burn = one(p, T.policy, `observability-${target.name}-${objective}-burn`);
                expect(input(burn, "notificationChannels")).toEqual(channels);
                const condition = (input(burn, "conditions") as { conditionThreshold: Record<string, unknown> }[])[0].conditionThreshold;
                const sloName = `projects/123456789012/services/${serviceId}/serviceLevelObjectives/${objective === "availability" ? "availability" : "latency-p95"}`;
                expect(condition.filter).toBe(burnRateFilter(sloName));
                expect(condition.filter).toBe(`select_slo_burn_rate("${sloName}", "${SLO_FAST_BURN.windowMinutes}m")`);
                expect(condition.thresholdValue).toBe(SLO_FAST_BURN.rate);
                expect(condition.comparison).toBe("COMPARISON_GT");
            }
        }
        // Every alert of the component notifies the stack's channels.
        for (const policy of mineOf(p, T.policy)) expect(input(policy, "notificationChannels"), policy.name).toEqual(channels);
    });

    it("charts the clusters, the app namespace, the cache, the checks and names the Atlas database on one dashboard", async () => {
        const { plan: p, dashboardUrl } = await built[scenario];
        const json = JSON.parse(String(input(mineOf(p, T.dashboard)[0], "dashboardJson"))) as {
            mosaicLayout: { tiles: { widget: { title: string; xyChart?: { dataSets: { timeSeriesQuery: { timeSeriesFilter: { filter: string } } }[] }; text?: { content: string }; alertChart?: { name: string } } }[] };
        };
        const widgets = json.mosaicLayout.tiles.map((t) => t.widget);
        const filters = widgets.flatMap((w) => w.xyChart?.dataSets.map((d) => d.timeSeriesQuery.timeSeriesFilter.filter) ?? []);
        for (const [i, name] of clusterNames.entries()) {
            const ofCluster = filters.filter((f) => f.includes(`resource.labels.cluster_name="${name}"`) && f.includes(`resource.labels.location="${clusterRegions[i]}"`));
            expect(ofCluster.some((f) => f.includes("kubernetes.io/container/restart_count"))).toBe(true);
            expect(ofCluster.some((f) => f.includes("kubernetes.io/node/cpu/allocatable_utilization"))).toBe(true);
            expect(ofCluster.some((f) => f.includes("kubernetes.io/node/memory/allocatable_utilization"))).toBe(true);
            expect(ofCluster.filter((f) => f.includes('resource.labels.namespace_name="gravitypm"'))).toHaveLength(3);
        }
        // The cache by what its metrics name it: the instance path, or the cluster.
        const cacheFilter = prod
            ? 'resource.type = "redis.googleapis.com/Cluster" AND resource.labels.cluster_id = "gravitypm-component-cache"'
            : 'resource.type = "redis_instance" AND resource.labels.instance_id = "projects/gravitypm-component/locations/us-central1/instances/gravitypm-component-cache"';
        expect(filters.filter((f) => f.startsWith(cacheFilter)).length).toBeGreaterThanOrEqual(3);
        for (const target of TARGETS) expect(filters.filter((f) => f.includes(`check_id="${checkIdOf(p, target.name)}"`))).toHaveLength(2);
        expect(widgets.find((w) => w.text)?.text?.content).toContain("gravitypm-component-db");
        expect(widgets.filter((w) => w.alertChart)).toHaveLength(3 * TARGETS.length);
        expect(dashboardUrl).toMatch(/^https:\/\/console\.cloud\.google\.com\/monitoring\/dashboards\/custom\/[0-9a-f-]+\?project=gravitypm-component$/);
    });
});

function checkIdOf(p: Plan, target: string): string {
    const filter = (input(one(p, T.policy, `observability-${target}-down`), "conditions") as { conditionThreshold: { filter: string } }[])[0].conditionThreshold.filter;
    return filter.split('check_id="')[1].slice(0, -1);
}

describe("GCP log masking patterns", () => {
    /** The pattern as RE2 sees it once the filter's string literal is read, as a JS RegExp. */
    function regex(kind: (typeof MASKED_DATA)[number]): RegExp {
        const literal = GCP_LOG_MASK_PATTERNS.value[kind].replace(/\\\\/g, "\\").replace(/\\"/g, '"');
        return literal.startsWith("(?i)") ? new RegExp(literal.slice(4), "i") : new RegExp(literal);
    }
    const SAMPLES: Record<(typeof MASKED_DATA)[number], string> = {
        "email-address": 'invited {"to":"jane.doe+pm@example.co.uk"}',
        "bearer-token": "GET /api/tasks Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig",
        password: 'login failed {"password": "hunter2!"}',
        "credit-card-number": "charge 4111 1111 1111 1111 declined",
    };

    it.each(MASKED_DATA)("finds a %s in a log line, and nothing in an ordinary one", (kind) => {
        expect(regex(kind).test(SAMPLES[kind])).toBe(true);
        expect(regex(kind).test('GET /health/ready 200 3ms {"pod":"api-7d9f","namespace":"gravitypm"}')).toBe(false);
        // Only container entries are dropped: control-plane and node logs name service accounts and Secrets.
        expect(maskFilter(kind).startsWith('resource.type="k8s_container" AND (')).toBe(true);
    });
});

describe("GcpObservability refuses what it cannot build", () => {
    it("names the retention a log bucket cannot keep and a path without a slash", async () => {
        const refused = buildComponent("gcp", (spine) => {
            const cluster = new GcpCluster("cluster", clusterArgs(spine, { environment: "staging", protect: false }));
            new GcpObservability("observability", {
                site: spine.site,
                keys: spine.keys,
                alerts: spine.alerts,
                environment: "staging",
                clusters: [{ role: "primary", site: spine.site, keys: spine.keys, cluster }],
                database: atlasLike("db"),
                cache: new GcpCache("cache", cacheArgs("gcp", spine)),
                appNamespace: "gravitypm",
                uptimeTargets: [{ name: "api", host: "api.example.com", path: "ready" }],
                settings: { slo: { availabilityPercent: 99.9, latencyP95Ms: 500 } },
                logRetentionDays: 0,
                protect: false,
            });
        });
        await expect(refused).rejects.toThrow(/logRetentionDays[\s\S]*uptimeTargets|uptimeTargets[\s\S]*logRetentionDays/);
    });
});

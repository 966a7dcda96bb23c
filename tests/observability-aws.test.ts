/**
 * AWS observability built on the harness's spine with real clusters: a staging-like stack in
 * us-east-2 (one cluster, its uptime alarms relayed from us-east-1) and a prod-like stack in
 * us-east-1 with a DR standby in us-west-2 (uptime alarms notify the primary topic directly).
 */
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import type { AwsTypes } from "../components/aws";
import { CONTAINER_INSIGHTS_ALARMS } from "../components/aws/cluster-alarms";
import { AwsCluster } from "../components/aws/cluster";
import { AwsObservability, awsObservabilityProblems, type AwsObservabilityArgs } from "../components/aws/observability";
import { cacheNodeSearch } from "../components/aws/observability-dashboard";
import { AWS_MASKING, logDataProtectionPolicy, managedIdentifierArn, MASKED_LOG_GROUPS } from "../components/aws/observability-logs";
import { alarmStateChangePattern } from "../components/aws/observability-relay";
import { fastBurnHealthyPercent, route53RequestInterval, UPTIME_REGIONS } from "../components/aws/observability-uptime";
import type { Cache } from "../components/contracts/cache";
import type { Database } from "../components/contracts/database";
import { MASKED_DATA, UPTIME_FAILURES_BEFORE_ALERT, UPTIME_MIN_LOCATIONS, type UptimeTarget } from "../domain/capabilities/observability";
import { CLOUDWATCH_OBSERVABILITY_ADDON, CONTAINER_INSIGHTS_LOG_GROUPS, ROUTE53_HEALTH_CHECKS } from "../domain/catalogs/aws";
import type { Plan, PlannedResource } from "../tools/plan/types";
import { buildComponent, clusterArgs, type Spine } from "./support/component";
import { childrenOf, descendants, input, objectInput, ofType, one } from "./support/plan";

const OBSERVABILITY = "gravitypm:components:Observability";
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const MASKING = "aws:cloudwatch/logDataProtectionPolicy:LogDataProtectionPolicy";
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const HEALTH_CHECK = "aws:route53/healthCheck:HealthCheck";
const ADDON = "aws:eks/addon:Addon";
const WORKSPACE = "aws:amp/workspace:Workspace";
const DASHBOARD = "aws:cloudwatch/dashboard:Dashboard";
const EVENT_RULE = "aws:cloudwatch/eventRule:EventRule";
const EVENT_TARGET = "aws:cloudwatch/eventTarget:EventTarget";

const DATABASE_ID = "gravitypm-test-docdb";
const CACHE_ID = "gravitypm-test-cache";
const SLO = { availabilityPercent: 99.9, latencyP95Ms: 800 };
const TARGETS: UptimeTarget[] = [
    { name: "app", host: "app.gravitypm.example.com", path: "/" },
    { name: "api", host: "api.gravitypm.example.com", path: "/healthz/ready" },
];
const STAGING_RETENTION = 30;
const PROD_RETENTION = 365;

function fakeDatabase(): Database {
    const host = pulumi.output(`${DATABASE_ID}.cluster-abc.us-east-1.docdb.amazonaws.com`);
    return {
        metricsId: pulumi.output(DATABASE_ID),
        host,
        port: pulumi.output(27017),
        readerHost: host,
        replicaSetName: pulumi.output<string | undefined>("rs0"),
        connectionString: pulumi.secret("mongodb://u:p@h:27017/?tls=true"),
        connectionSecretId: pulumi.output("arn:aws:secretsmanager:us-east-1:123456789012:secret:db"),
    };
}

function fakeCache(): Cache {
    return {
        metricsId: pulumi.output(CACHE_ID),
        host: pulumi.output(`master.${CACHE_ID}.abc123.use1.cache.amazonaws.com`),
        port: pulumi.output(6379),
        tls: true,
        clusterMode: false,
        connectionString: pulumi.secret("rediss://:p@h:6379"),
        crossRegion: { mode: "none", note: "test cache" },
    };
}

function observabilityArgs(spine: Spine<AwsTypes>, clusters: AwsObservabilityArgs["clusters"], own: Partial<AwsObservabilityArgs>): AwsObservabilityArgs {
    return {
        site: spine.site,
        keys: spine.keys,
        alerts: spine.alerts,
        environment: "staging",
        clusters,
        database: fakeDatabase(),
        cache: fakeCache(),
        appNamespace: "gravitypm",
        uptimeTargets: TARGETS,
        settings: { slo: SLO },
        logRetentionDays: STAGING_RETENTION,
        protect: false,
        ...own,
    };
}

let stagingObservability: AwsObservability | undefined;
let stagingArgs: AwsObservabilityArgs | undefined;
const staging = buildComponent(
    "aws",
    (spine) => {
        const cluster = new AwsCluster("cluster", clusterArgs(spine, { environment: "staging", protect: false }));
        stagingArgs = observabilityArgs(spine, [{ role: "primary", site: spine.site, keys: spine.keys, cluster }], {});
        stagingObservability = new AwsObservability("observability", stagingArgs);
    },
    { stack: "staging", environment: "staging", primary: { region: "us-east-2", zones: ["use2-az1", "use2-az2", "use2-az3"], cidr: "10.0.0.0/16" } },
);

const prod = buildComponent(
    "aws",
    (spine) => {
        const dr = spine.dr;
        if (!dr) throw new Error("the harness was asked for a DR region");
        const primary = new AwsCluster("cluster", clusterArgs(spine));
        const standby = new AwsCluster(
            "standby",
            clusterArgs({ ...spine, ...dr }, { role: "standby", endpoint: "private", authorizedCidrs: [], primaryRegistry: primary.registry }),
        );
        new AwsObservability(
            "observability",
            observabilityArgs(
                spine,
                [
                    { role: "primary", site: spine.site, keys: spine.keys, cluster: primary },
                    { role: "standby", site: dr.site, keys: dr.keys, cluster: standby },
                ],
                { environment: "prod", logRetentionDays: PROD_RETENTION, protect: true },
            ),
        );
    },
    {
        stack: "prod",
        environment: "prod",
        primary: { region: "us-east-1", zones: ["use1-az1", "use1-az2", "use1-az4"], cidr: "10.0.0.0/16" },
        dr: { region: "us-west-2", zones: ["usw2-az1", "usw2-az2", "usw2-az3"], cidr: "10.1.0.0/16" },
    },
);

const own = (p: Plan): PlannedResource[] => descendants(p, one(p, OBSERVABILITY, "observability"));
const ownOfType = (p: Plan, type: string) => own(p).filter((r) => r.type === type);
const regionOf = (r: PlannedResource): string | undefined => (typeof r.inputs.region === "string" ? r.inputs.region : undefined);
const topicArn = (region: string, name: string) => `arn:aws:sns:${region}:123456789012:${name}`;

describe("AWS observability: logs with masking", () => {
    it("creates the four Container Insights log groups per cluster, with the cluster region's key, the retention from args, protected in prod", async () => {
        for (const [p, retention, protect, clusters] of [
            [await staging, STAGING_RETENTION, false, 1],
            [await prod, PROD_RETENTION, true, 2],
        ] as const) {
            const groups = ownOfType(p, LOG_GROUP);
            expect(groups).toHaveLength(CONTAINER_INSIGHTS_LOG_GROUPS.value.length * clusters);
            for (const g of groups) {
                expect(input(g, "retentionInDays")).toBe(retention);
                expect(g.protect).toBe(protect);
                expect(input(g, "deletionProtectionEnabled")).toBe(protect);
                expect(String(input(g, "name"))).toMatch(/^\/aws\/containerinsights\/gravitypm-(staging|prod)-(primary|dr)\/(application|host|dataplane|performance)$/);
            }
        }
        const p = await prod;
        const standbyGroups = ownOfType(p, LOG_GROUP).filter((g) => g.name.startsWith("observability-standby-"));
        expect(standbyGroups).toHaveLength(4);
        expect(standbyGroups.every((g) => String(input(g, "kmsKeyId")).startsWith("arn:aws:kms:us-west-2:"))).toBe(true);
        const primaryGroups = ownOfType(p, LOG_GROUP).filter((g) => g.name.startsWith("observability-primary-"));
        expect(primaryGroups.every((g) => String(input(g, "kmsKeyId")).startsWith("arn:aws:kms:us-east-1:"))).toBe(true);
    });

    it("puts a data protection policy on every log-line group, masking every MASKED_DATA kind", async () => {
        const p = await prod;
        const policies = ownOfType(p, MASKING);
        expect(policies).toHaveLength(MASKED_LOG_GROUPS.length * 2);
        expect(MASKED_LOG_GROUPS).toEqual(["application", "host", "dataplane"]);
        for (const policy of policies) {
            const doc = objectInput(input(policy, "policyDocument"));
            const statements = doc.Statement as { DataIdentifier: string[]; Operation: Record<string, unknown> }[];
            const mask = statements.find((s) => "Deidentify" in s.Operation);
            expect(mask).toBeDefined();
            for (const kind of MASKED_DATA) {
                const { managed, custom } = AWS_MASKING[kind];
                expect(managed.length + custom.length).toBeGreaterThan(0);
                for (const id of managed) expect(mask?.DataIdentifier).toContain(managedIdentifierArn(id));
                for (const c of custom) expect(mask?.DataIdentifier).toContain(c.name);
            }
            const customIds = (doc.Configuration as { CustomDataIdentifier: { Name: string; Regex: string }[] }).CustomDataIdentifier;
            expect(customIds.map((c) => c.Name).sort()).toEqual(MASKED_DATA.flatMap((k) => AWS_MASKING[k].custom.map((c) => c.name)).sort());
        }
        const appGroup = one(p, LOG_GROUP, "observability-primary-application-logs");
        expect(input(one(p, MASKING, "observability-primary-application-masking"), "logGroupName")).toBe(input(appGroup, "name"));
    });

    it("masks with custom identifiers inside CloudWatch's limits, and their regexes find what they are for", () => {
        const custom = MASKED_DATA.flatMap((k) => AWS_MASKING[k].custom);
        expect(custom.length).toBeLessThanOrEqual(10);
        for (const c of custom) {
            expect(c.regex.length).toBeLessThanOrEqual(200);
            expect(c.regex).toMatch(/^[A-Za-z0-9_#=@/;,\- ^$?[\]{}|\\*+.]+$/);
        }
        const find = (name: string, line: string) => new RegExp(custom.find((c) => c.name === name)?.regex ?? "^$").test(line);
        expect(find("BearerToken", "Authorization: Bearer abcdefghijklmnop1234")).toBe(true);
        expect(find("JsonWebToken", "token=eyJhbGciOiJIUzI1.eyJzdWIiOiIxMjM0.SflKxwRJSMeKKF2QT4f")).toBe(true);
        expect(find("PasswordField", '{"password":"hunter22"}')).toBe(true);
        expect(find("PasswordField", "PASSWORD=s3cretpass")).toBe(true);
        expect(find("UriCredential", "mongodb://gravitypm:pw-123@host:27017")).toBe(true);
        expect(find("UriCredential", "https://app.gravitypm.example.com/")).toBe(false);
        expect(JSON.parse(logDataProtectionPolicy("x")).Version).toBe("2021-06-01");
    });
});

describe("AWS observability: metrics collection per cluster", () => {
    it("installs the CloudWatch Observability add-on on each cluster with a Pod Identity role holding the agent policy, after its log groups", async () => {
        const p = await prod;
        const addons = ownOfType(p, ADDON);
        expect(addons.map((a) => a.name).sort()).toEqual(["observability-primary-observability-addon", "observability-standby-observability-addon"]);
        for (const a of addons) {
            expect(input(a, "addonName")).toBe(CLOUDWATCH_OBSERVABILITY_ADDON.value.name);
            expect(input(a, "podIdentityAssociations.0.serviceAccount")).toBe("cloudwatch-agent");
            const role = a.name.startsWith("observability-primary") ? "primary" : "standby";
            const groups = ownOfType(p, LOG_GROUP).filter((g) => g.name.startsWith(`observability-${role}-`));
            expect(groups.every((g) => a.dependencies.includes(g.urn))).toBe(true);
        }
        // It waits for the cluster's nodes (and their Pod Identity agent), where its DaemonSets run.
        expect(one(p, ADDON, "observability-primary-observability-addon").dependencies).toContain(one(p, "aws:eks/nodeGroup:NodeGroup", "cluster-nodes").urn);
        expect(one(p, ADDON, "observability-standby-observability-addon").dependencies).toContain(one(p, "aws:eks/nodeGroup:NodeGroup", "standby-nodes").urn);
        expect(input(one(p, ADDON, "observability-primary-observability-addon"), "clusterName")).toBe("gravitypm-prod-primary");
        expect(input(one(p, ADDON, "observability-standby-observability-addon"), "clusterName")).toBe("gravitypm-prod-dr");
        expect(ownOfType(p, "aws:iam/rolePolicyAttachment:RolePolicyAttachment").map((r) => input(r, "policyArn"))).toEqual([
            "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy",
            "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy",
        ]);
    });

    it("keeps a Prometheus workspace per cluster region, encrypted with that region's key", async () => {
        const p = await prod;
        const workspaces = ownOfType(p, WORKSPACE);
        expect(workspaces).toHaveLength(2);
        expect(String(input(one(p, WORKSPACE, "observability-primary-prometheus"), "kmsKeyArn"))).toMatch(/^arn:aws:kms:us-east-1:123456789012:key\//);
        expect(String(input(one(p, WORKSPACE, "observability-standby-prometheus"), "kmsKeyArn"))).toMatch(/^arn:aws:kms:us-west-2:123456789012:key\//);
        expect(ownOfType(await staging, WORKSPACE)).toHaveLength(1);
    });

    it("alarms on node pressure, failed nodes and pod restarts from Container Insights, each cluster to its region's topic", async () => {
        const p = await prod;
        const clusterAlarms = ownOfType(p, ALARM).filter((a) => a.name.includes("-cluster-"));
        expect(clusterAlarms).toHaveLength(CONTAINER_INSIGHTS_ALARMS.length * 2);
        expect(CONTAINER_INSIGHTS_ALARMS.map((a) => a.id)).toEqual(["failed-nodes", "node-cpu-pressure", "node-memory-pressure", "pod-restarts"]);
        for (const a of clusterAlarms) {
            const standby = a.name.startsWith("observability-standby");
            expect(input(a, "alarmActions")).toEqual([topicArn(standby ? "us-west-2" : "us-east-1", standby ? "gravitypm-prod-alerts-dr" : "gravitypm-prod-alerts")]);
            const addon = one(p, ADDON, `observability-${standby ? "standby" : "primary"}-observability-addon`);
            expect(a.dependencies).toContain(addon.urn);
        }
        const restarts = one(p, ALARM, "observability-primary-cluster-pod-restarts");
        expect(String(input(restarts, "metricQueries.0.expression"))).toBe(
            `SELECT SUM(pod_number_of_container_restarts) FROM SCHEMA("ContainerInsights", ClusterName, Namespace, PodName) WHERE ClusterName = 'gravitypm-prod-primary'`,
        );
        const failed = one(p, ALARM, "observability-standby-cluster-failed-nodes");
        expect(input(failed, "namespace")).toBe("ContainerInsights");
        expect(input(failed, "dimensions")).toEqual({ ClusterName: "gravitypm-prod-dr" });
        expect(input(failed, "treatMissingData")).toBe("breaching");
    });
});

describe("AWS observability: dashboard", () => {
    it("is one dashboard naming the real clusters, namespace, database, cache and health checks", async () => {
        const p = await prod;
        const dashboard = one(p, DASHBOARD);
        expect(dashboard.parent).toBe(one(p, OBSERVABILITY, "observability").urn);
        const body = String(input(dashboard, "dashboardBody"));
        const widgets = (JSON.parse(body) as { widgets: { type: string; properties: { region?: string; metrics?: unknown[] } }[] }).widgets;
        expect(body).toContain('"ClusterName","gravitypm-prod-primary"');
        expect(body).toContain('"ClusterName","gravitypm-prod-dr"');
        expect(body).toContain('"Namespace","gravitypm"');
        expect(body).toContain(`"DBClusterIdentifier","${DATABASE_ID}"`);
        expect(body).toContain(JSON.stringify(cacheNodeSearch("EngineCPUUtilization", CACHE_ID, "Maximum")).slice(1, -1));
        // Each check charted twice (healthy share, latency), by the id Route 53 gives it.
        expect(body.match(/"HealthCheckId","route53-[0-9a-f]+"/g)).toHaveLength(TARGETS.length * 2);
        const regions = new Set(widgets.filter((w) => w.type === "metric").map((w) => w.properties.region));
        expect(regions).toEqual(new Set(["us-east-1", "us-west-2"]));
        for (const w of widgets) expect((w as unknown as { x: number; width: number }).x + (w as unknown as { width: number }).width).toBeLessThanOrEqual(24);
    });
});

describe("AWS observability: uptime checks and SLO alerts", () => {
    it("checks each target over HTTPS from at least UPTIME_MIN_LOCATIONS Route 53 regions every 30 seconds, measuring latency", async () => {
        const p = await staging;
        const checks = ownOfType(p, HEALTH_CHECK);
        expect(checks).toHaveLength(TARGETS.length);
        for (const target of TARGETS) {
            const check = one(p, HEALTH_CHECK, `observability-${target.name}-check`);
            expect(input(check, "type")).toBe("HTTPS");
            expect(input(check, "fqdn")).toBe(target.host);
            expect(input(check, "resourcePath")).toBe(target.path);
            expect(input(check, "port")).toBe(443);
            expect(input(check, "measureLatency")).toBe(true);
            expect(input(check, "failureThreshold")).toBe(UPTIME_FAILURES_BEFORE_ALERT);
            expect(input(check, "requestInterval")).toBe(30);
            const regions = input(check, "regions") as string[];
            expect(regions.length).toBeGreaterThanOrEqual(UPTIME_MIN_LOCATIONS);
            expect(regions.every((r) => (ROUTE53_HEALTH_CHECKS.value.regions as readonly string[]).includes(r))).toBe(true);
        }
        expect(route53RequestInterval(60)).toBe(30);
        expect(route53RequestInterval(10)).toBe(10);
        expect(UPTIME_REGIONS.length).toBeGreaterThanOrEqual(UPTIME_MIN_LOCATIONS);
    });

    it("alarms in us-east-1 on down, availability burn and p95 latency with the configured thresholds", async () => {
        const p = await prod;
        const uptime = ownOfType(p, ALARM).filter((a) => a.name.startsWith("observability-app-") || a.name.startsWith("observability-api-"));
        expect(uptime).toHaveLength(TARGETS.length * 3);
        expect(uptime.every((a) => regionOf(a) === "us-east-1")).toBe(true);
        const burn = one(p, ALARM, "observability-api-availability-burn");
        expect(input(burn, "metricName")).toBe("HealthCheckPercentageHealthy");
        expect(input(burn, "threshold")).toBe(fastBurnHealthyPercent(SLO.availabilityPercent));
        expect(fastBurnHealthyPercent(99.9)).toBeCloseTo(98.56, 6);
        expect(input(burn, "period")).toBe(3600);
        const latency = one(p, ALARM, "observability-api-latency-p95");
        expect(input(latency, "metricName")).toBe("TimeToFirstByte");
        expect(input(latency, "extendedStatistic")).toBe("p95");
        expect(input(latency, "threshold")).toBe(SLO.latencyP95Ms);
        const down = one(p, ALARM, "observability-app-down");
        expect(input(down, "metricName")).toBe("HealthCheckStatus");
        expect(input(down, "comparisonOperator")).toBe("LessThanThreshold");
    });

    it("in prod (primary us-east-1) notifies the primary topic directly, with no relay", async () => {
        const p = await prod;
        const uptime = ownOfType(p, ALARM).filter((a) => !a.name.includes("-cluster-"));
        for (const a of uptime) expect(input(a, "alarmActions")).toEqual([topicArn("us-east-1", "gravitypm-prod-alerts")]);
        expect(ownOfType(p, EVENT_RULE)).toHaveLength(0);
    });

    it("in staging (primary us-east-2) relays the us-east-1 alarms' state changes to the us-east-2 topic through EventBridge", async () => {
        const p = await staging;
        const uptime = ownOfType(p, ALARM).filter((a) => !a.name.includes("-cluster-"));
        expect(uptime).toHaveLength(TARGETS.length * 3);
        for (const a of uptime) {
            expect(regionOf(a)).toBe("us-east-1");
            expect(String(input(a, "name"))).toMatch(/^gravitypm-staging-uptime-/);
        }
        const forwardRule = one(p, EVENT_RULE, "observability-uptime-relay-forward-rule");
        expect(regionOf(forwardRule)).toBe("us-east-1");
        expect(input(forwardRule, "eventPattern")).toBe(alarmStateChangePattern("us-east-1", "123456789012", "gravitypm-staging-uptime-"));
        const forward = one(p, EVENT_TARGET, "observability-uptime-relay-forward-target");
        expect(input(forward, "arn")).toBe("arn:aws:events:us-east-2:123456789012:event-bus/default");
        expect(regionOf(forward)).toBe("us-east-1");
        const publish = one(p, EVENT_TARGET, "observability-uptime-relay-publish-target");
        expect(regionOf(publish)).toBeUndefined();
        expect(input(publish, "arn")).toBe(topicArn("us-east-2", "gravitypm-staging-alerts"));
        expect(stagingObservability?.notes.some((n) => n.includes("EventBridge relays"))).toBe(true);
        // The cluster's own Container Insights alarms are in its region and notify its topic.
        for (const a of ownOfType(p, ALARM).filter((x) => x.name.includes("-cluster-"))) {
            expect(input(a, "alarmActions")).toEqual([topicArn("us-east-2", "gravitypm-staging-alerts")]);
        }
    });
});

describe("AWS observability: shape", () => {
    it("registers its resources under the component with the site's provider and counts them", async () => {
        for (const [p, expected] of [
            [await staging, { logs: 4, masking: 3, alarms: 4 + 6, addons: 1, relays: 2 }],
            [await prod, { logs: 8, masking: 6, alarms: 8 + 6, addons: 2, relays: 0 }],
        ] as const) {
            const component = one(p, OBSERVABILITY, "observability");
            expect(ownOfType(p, LOG_GROUP)).toHaveLength(expected.logs);
            expect(ownOfType(p, MASKING)).toHaveLength(expected.masking);
            expect(ownOfType(p, ALARM)).toHaveLength(expected.alarms);
            expect(ownOfType(p, ADDON)).toHaveLength(expected.addons);
            expect(ownOfType(p, EVENT_TARGET)).toHaveLength(expected.relays);
            expect(childrenOf(p, component, DASHBOARD)).toHaveLength(1);
            expect(own(p).every((r) => r.parent === component.urn && r.provider !== undefined)).toBe(true);
        }
        expect(ofType(await staging, OBSERVABILITY)).toHaveLength(1);
    });

    it("says what it does not watch", async () => {
        await staging;
        expect(stagingObservability?.notes.some((n) => n.includes("no scraper"))).toBe(true);
        expect(stagingObservability?.notes.some((n) => n.includes("not DocumentDB"))).toBe(true);
        expect(stagingObservability?.notes.some((n) => n.includes("no host or dataplane logs"))).toBe(true);
    });

    it("refuses a retention CloudWatch Logs does not accept, bad targets and objectives, no cluster, and a DR cluster without a DR topic", async () => {
        await staging;
        const base = stagingArgs;
        if (!base) throw new Error("the staging build keeps its args");
        const problems = (extra: Partial<AwsObservabilityArgs>) => awsObservabilityProblems({ ...base, ...extra }).map((x) => x.key ?? x.message);
        expect(problems({})).toEqual([]);
        expect(problems({ logRetentionDays: 45 })).toContain("logRetentionDays");
        expect(problems({ clusters: [] })).toContain("no cluster to observe");
        expect(problems({ uptimeTargets: [{ name: "api", host: "api.example.com", path: "healthz" }] })).toContain("uptimeTargets");
        expect(problems({ settings: { slo: { availabilityPercent: 100, latencyP95Ms: 0 } } })).toEqual(expect.arrayContaining(["sloAvailabilityPercent", "sloLatencyP95Ms"]));
        const primary = base.clusters[0];
        const drCluster = { ...primary, role: "standby" as const, site: { ...primary.site, role: "dr" as const, region: "us-west-2" } };
        expect(problems({ clusters: [primary, drCluster] }).some((m) => m.includes("DR topic"))).toBe(true);
    });
});

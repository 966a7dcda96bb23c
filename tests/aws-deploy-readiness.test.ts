/**
 * What a real AWS account would refuse or silently ignore, checked against the AWS catalog:
 * alarms on metrics that exist, a global-datastore secondary that sends nothing it inherits,
 * placement by zone id, private endpoints to the AWS APIs, key and role policies.
 */
import { describe, expect, it } from "vitest";
import { flowLogAssumeRolePolicy, flowLogRolePolicy, interfaceEndpointPolicy } from "../components/aws/network";
import { awsKeyPolicy } from "../components/aws/keys";
import {
    AWS_INTERFACE_ENDPOINT_PORT,
    AWS_KEY_SERVICE_PRINCIPALS,
    AWS_METRICS,
    COGNITO_THREAT_METRICS,
    CONTAINER_INSIGHTS_METRICS,
    EKS_METRICS,
    AWS_VPC_ENDPOINT_SERVICES,
    AWS_ZONE_IDS,
    awsEndpointServiceName,
    CLOUDWATCH_TREAT_MISSING_DATA,
    ELASTICACHE_SECONDARY_INHERITED,
    FLOW_LOG_ROLE_ACTIONS,
    ROUTE53_METRICS,
    STS_ENDPOINT_POLICY_FEDERATION,
} from "../domain/catalogs/aws";
import { REGIONS } from "../domain/regions";
import type { Plan, PlannedResource } from "../tools/plan/types";
import { input, ofType, one, plan } from "./support/plan";

const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";
const SUBNET = "aws:ec2/subnet:Subnet";
const CATALOGUED_METRICS = [AWS_METRICS, EKS_METRICS, COGNITO_THREAT_METRICS, CONTAINER_INSIGHTS_METRICS, ROUTE53_METRICS].flatMap((catalog) => Object.values(catalog).map((m) => m.value));

interface WatchedMetric {
    readonly namespace: string;
    readonly metricName: string;
    readonly dimensions: readonly string[];
}

/** `SELECT FUNC(metric) FROM SCHEMA("namespace", dimension, ...)`: the metric a Metrics Insights query reads. */
const INSIGHTS_QUERY = /^SELECT\s+\w+\((\w+)\)\s+FROM\s+SCHEMA\("([^"]+)"((?:,\s*\w+)*)\)/;

/** The metrics an alarm reads: its own metric, or each metric of its queries (math over them reads nothing new). */
function watchedMetrics(alarm: PlannedResource): WatchedMetric[] {
    const queries = input(alarm, "metricQueries") as { metric?: { namespace: string; metricName: string; dimensions?: Record<string, string> }; expression?: string }[] | undefined;
    if (queries === undefined) {
        return [{ namespace: String(input(alarm, "namespace")), metricName: String(input(alarm, "metricName")), dimensions: Object.keys((input(alarm, "dimensions") ?? {}) as object) }];
    }
    return queries.flatMap((q): WatchedMetric[] => {
        if (q.metric) return [{ namespace: q.metric.namespace, metricName: q.metric.metricName, dimensions: Object.keys(q.metric.dimensions ?? {}) }];
        const select = INSIGHTS_QUERY.exec(q.expression ?? "");
        if (!select) return [];
        const dimensions = select[3].split(",").map((d) => d.trim()).filter((d) => d.length > 0);
        return [{ namespace: select[2], metricName: select[1], dimensions }];
    });
}

interface Statement {
    Sid?: string;
    Principal: unknown;
    Action: string | string[];
    Resource: string | string[];
    Condition?: Record<string, Record<string, string>>;
}
const statements = (policy: string): Statement[] => (JSON.parse(policy) as { Statement: Statement[] }).Statement;

describe.each([
    ["prod", {}],
    ["staging", {}],
    ["prod", { databaseEngine: "atlas" }],
    ["prod", { cacheShards: "2", cacheReplicasPerShard: "1" }],
] as const)("AWS alarms of %s %j", (stack, set) => {
    let p: Plan;
    const alarms = () => ofType(p, ALARM);

    it("exist", async () => {
        p = await plan(stack, "aws", { ...set });
        expect(alarms().length).toBeGreaterThan(0);
    });

    it("each watch a catalogued metric, or the custom metric a log metric filter of the plan publishes", () => {
        const published = ofType(p, "aws:cloudwatch/logMetricFilter:LogMetricFilter").map((f) => input(f, "metricTransformation") as { namespace: string; name: string });
        for (const alarm of alarms()) {
            const watched = watchedMetrics(alarm);
            expect(watched.length, `${alarm.name} reads no metric this test can name`).toBeGreaterThan(0);
            for (const metric of watched) {
                if (published.some((m) => m.namespace === metric.namespace && m.name === metric.metricName)) continue;
                const match = CATALOGUED_METRICS.find(
                    (m) => m.metricName === metric.metricName && m.namespace === metric.namespace && JSON.stringify([...m.dimensions].sort()) === JSON.stringify([...metric.dimensions].sort()),
                );
                expect(match, `${alarm.name}: ${metric.namespace}/${metric.metricName} ${metric.dimensions.join(",")}`).toBeDefined();
            }
        }
    });

    it("each say what missing data means", () => {
        for (const alarm of alarms()) {
            expect(CLOUDWATCH_TREAT_MISSING_DATA.value as readonly unknown[], alarm.name).toContain(input(alarm, "treatMissingData"));
        }
    });

    it("page when a health or cross-region lag metric goes silent", () => {
        const loud = [AWS_METRICS.elasticacheMemory, AWS_METRICS.elasticacheEngineCpu, AWS_METRICS.elasticacheGlobalLag, AWS_METRICS.docdbCpu, AWS_METRICS.docdbGlobalLag, AWS_METRICS.docdbClusterReplicaLag];
        const names = new Set(loud.map((m) => m.value.metricName));
        for (const alarm of alarms().filter((a) => names.has(String(input(a, "metricName"))))) {
            expect(input(alarm, "treatMissingData"), alarm.name).toBe("breaching");
        }
    });
});

describe("the ElastiCache global-datastore secondary", async () => {
    const p = await plan("prod", "aws");
    const secondary = one(p, "aws:elasticache/replicationGroup:ReplicationGroup", "cache-dr-group");

    it("sends none of what it inherits from the primary", () => {
        const sent = Object.keys(secondary.inputs);
        for (const inherited of ELASTICACHE_SECONDARY_INHERITED.value) expect(sent, inherited).not.toContain(inherited);
    });

    it("is reached with the primary's token: the one connection secret, replicated to the DR region", () => {
        expect(ofType(p, "random:index/randomPassword:RandomPassword").filter((r) => r.name.startsWith("cache-"))).toHaveLength(1);
        const secret = one(p, "aws:secretsmanager/secret:Secret", "cache-secret");
        expect((input(secret, "replicas") as { region: string }[]).map((r) => r.region)).toEqual(["us-west-2"]);
    });
});

describe("AWS zones", async () => {
    const p = await plan("prod", "aws");

    it("are the catalog's AZ IDs, per region", () => {
        expect([...REGIONS.aws.keys()]).toEqual(Object.keys(AWS_ZONE_IDS));
        for (const [region, ids] of Object.entries(AWS_ZONE_IDS)) {
            expect(REGIONS.aws.get(region)?.zones).toEqual(ids.value);
            for (const id of ids.value) expect(id).toMatch(/^[a-z]+\d-az\d+$/);
        }
    });

    it("place every subnet by zone id, never by a per-account letter", () => {
        const subnets = ofType(p, SUBNET);
        expect(subnets.length).toBeGreaterThan(0);
        for (const subnet of subnets) {
            expect(input(subnet, "availabilityZone"), subnet.name).toBeUndefined();
            const region = subnet.name.startsWith("dr-") ? "us-west-2" : "us-east-1";
            expect(AWS_ZONE_IDS[region].value, subnet.name).toContain(input(subnet, "availabilityZoneId"));
        }
    });

    it("reach zone-name services only through what the subnets report", () => {
        const subnetUrns = new Set(ofType(p, SUBNET).map((s) => s.urn));
        const zonal: PlannedResource[] = [
            ...ofType(p, "aws:docdb/clusterInstance:ClusterInstance"),
            ...ofType(p, "aws:elasticache/replicationGroup:ReplicationGroup"),
        ];
        for (const r of zonal) {
            const zones = [input(r, "availabilityZone"), ...((input(r, "preferredCacheClusterAzs") as unknown[] | undefined) ?? [])].filter((z) => z !== undefined);
            expect(zones.length, r.name).toBeGreaterThan(0);
            for (const zone of zones) expect(String(zone), r.name).not.toMatch(/-az\d+$/);
            expect(r.dependencies.some((d) => subnetUrns.has(d)), r.name).toBe(true);
        }
    });
});

describe("VPC endpoints to AWS APIs", async () => {
    const p = await plan("prod", "aws");
    const endpoints = ofType(p, ENDPOINT).filter((e) => !e.name.includes("atlas"));

    it.each([
        ["primary", "us-east-1"],
        ["dr", "us-west-2"],
    ])("exist in the %s network for every catalogued service, named for its region", (role, region) => {
        const mine = endpoints.filter((e) => e.name.startsWith(`${role}-network-`));
        const expected = Object.values(AWS_VPC_ENDPOINT_SERVICES).map((s) => [awsEndpointServiceName(region, s.value), s.value.type]);
        expect(mine.map((e) => [input(e, "serviceName"), input(e, "vpcEndpointType")]).sort()).toEqual(expected.sort());
    });

    it("route S3 as a gateway on every private route table", () => {
        for (const gateway of endpoints.filter((e) => input(e, "vpcEndpointType") === "Gateway")) {
            expect(input(gateway, "serviceName")).toMatch(new RegExp(`\\.${AWS_VPC_ENDPOINT_SERVICES.s3.value.service}$`));
            const role = gateway.name.split("-")[0];
            const tables = ofType(p, "aws:ec2/routeTable:RouteTable").filter((t) => t.name.startsWith(`${role}-network-private-rt-`));
            expect((input(gateway, "routeTableIds") as string[]).length).toBe(tables.length);
        }
    });

    it("give every interface endpoint (Atlas's too) a security group, and the AWS ones private DNS in the app subnets", () => {
        const interfaces = ofType(p, ENDPOINT).filter((e) => input(e, "vpcEndpointType") === "Interface");
        for (const endpoint of interfaces) expect((input(endpoint, "securityGroupIds") as string[] | undefined)?.length, endpoint.name).toBeGreaterThan(0);
        for (const endpoint of interfaces.filter((e) => endpoints.includes(e))) {
            expect(input(endpoint, "privateDnsEnabled"), endpoint.name).toBe(true);
            const role = endpoint.name.split("-")[0];
            expect((input(endpoint, "subnetIds") as string[]).length).toBe(ofType(p, SUBNET).filter((s) => s.name.startsWith(`${role}-network-app-`)).length);
            expect(endpoint.secretInputs).not.toContain("policy");
            expect(statements(String(input(endpoint, "policy")))[0].Condition?.StringEquals["aws:PrincipalAccount"]).toMatch(/^\d{12}$/);
        }
    });

    it("admit HTTPS from the VPC range alone", () => {
        for (const role of ["primary", "dr"]) {
            const rule = one(p, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", `${role}-network-endpoints-https`);
            expect(input(rule, "fromPort")).toBe(AWS_INTERFACE_ENDPOINT_PORT.value);
            expect(input(rule, "toPort")).toBe(AWS_INTERFACE_ENDPOINT_PORT.value);
            expect(input(rule, "cidrIpv4")).toBe(role === "primary" ? "10.0.0.0/16" : "10.1.0.0/16");
        }
    });

    it("let STS serve web-identity federation, which carries no principal account", () => {
        const sts = statements(interfaceEndpointPolicy(AWS_VPC_ENDPOINT_SERVICES.sts.value, "123456789012"));
        expect(sts).toContainEqual(expect.objectContaining({ Action: STS_ENDPOINT_POLICY_FEDERATION.value, Resource: "arn:aws:iam::123456789012:role/*" }));
        expect(statements(interfaceEndpointPolicy(AWS_VPC_ENDPOINT_SERVICES.kms.value, "123456789012"))).toHaveLength(1);
    });
});

describe("AWS key and role policies", () => {
    it("split CloudWatch alarms (account- and alarm-scoped) from EventBridge (no source condition)", () => {
        const policy = statements(awsKeyPolicy("123456789012", "us-east-1"));
        const by = (principal: string) => policy.filter((s) => JSON.stringify(s.Principal).includes(principal));
        const [cloudwatch] = by(AWS_KEY_SERVICE_PRINCIPALS.cloudwatch.value);
        const [events] = by(AWS_KEY_SERVICE_PRINCIPALS.events.value);
        expect(cloudwatch.Principal).toEqual({ Service: AWS_KEY_SERVICE_PRINCIPALS.cloudwatch.value });
        expect(cloudwatch.Condition?.StringEquals["aws:SourceAccount"]).toBe("123456789012");
        expect(cloudwatch.Condition?.ArnLike["aws:SourceArn"]).toBe("arn:aws:cloudwatch:us-east-1:123456789012:alarm:*");
        expect(events.Principal).toEqual({ Service: AWS_KEY_SERVICE_PRINCIPALS.events.value });
        expect(events.Condition).toBeUndefined();
    });

    it("let the flow-log role describe log groups, and only this account's flow logs assume it", () => {
        const actions = statements(flowLogRolePolicy("arn:aws:logs:us-east-1:123456789012:log-group:g")).flatMap((s) => s.Action);
        for (const action of [...FLOW_LOG_ROLE_ACTIONS.value.onGroup, ...FLOW_LOG_ROLE_ACTIONS.value.anyResource]) expect(actions).toContain(action);
        const [trust] = statements(flowLogAssumeRolePolicy("123456789012", "us-east-1"));
        expect(trust.Condition?.StringEquals["aws:SourceAccount"]).toBe("123456789012");
        expect(trust.Condition?.ArnLike["aws:SourceArn"]).toBe("arn:aws:ec2:us-east-1:123456789012:vpc-flow-log/*");
    });
});

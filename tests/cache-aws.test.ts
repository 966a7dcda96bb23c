import { describe, expect, it } from "vitest";
import {
    AWS_CACHE_ALARMS,
    awsCacheAlarmsFor,
    awsCacheShape,
    awsVersionProblem,
    defaultParameterGroup,
    ELASTICACHE_ID_MAX,
    elasticacheId,
    preferredZones,
} from "../components/aws/cache";
import { redisConnectionString } from "../components/contracts/cache";
import { AWS_METRICS, ELASTICACHE_SECONDARY_INHERITED, ELASTICACHE_SECONDARY_MIRRORED } from "../domain/catalogs/aws";
import { layoutNetwork } from "../domain/network-layout";
import { mockZoneName } from "../tools/plan/mocks/aws";
import { byUrn, cacheOf, input, named, ofType, one, plan } from "./support/plan";

const RG = "aws:elasticache/replicationGroup:ReplicationGroup";
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";

describe("pure ElastiCache helpers", () => {
    it("builds replication group ids within 40 characters, keeping the role suffix", () => {
        expect(elasticacheId("gravitypm-prod", "cache")).toBe("gravitypm-prod-cache");
        const long = elasticacheId("gravitypm-a-very-long-stack-name-for-testing", "cache-dr");
        expect(long.length).toBeLessThanOrEqual(ELASTICACHE_ID_MAX);
        expect(long.endsWith("-cache-dr")).toBe(true);
        expect(long).not.toMatch(/--/);
        expect(() => elasticacheId("9lives", "cache")).toThrow(/not a valid ElastiCache id/);
    });

    it("picks ElastiCache's own parameter groups, cluster.on when sharded", () => {
        expect(defaultParameterGroup("redis", "7.1", false)).toBe("default.redis7");
        expect(defaultParameterGroup("valkey", "8.0", true)).toBe("default.valkey8.cluster.on");
    });

    it("refuses versions that cannot require TLS", () => {
        expect(awsVersionProblem("redis", "7.1")).toBeUndefined();
        expect(awsVersionProblem("valkey", "7.2")).toBeUndefined();
        expect(awsVersionProblem("redis", "6.2")).toMatch(/too old/);
        expect(awsVersionProblem("valkey", "7.0")).toMatch(/too old/);
        expect(awsVersionProblem("redis", "7")).toMatch(/major\.minor/);
    });

    it("names every node the way ElastiCache does, for the alarms", () => {
        expect(awsCacheShape("g", "redis", "7.1", "medium", 1, 1).memberClusterIds).toEqual(["g-001", "g-002"]);
        const sharded = awsCacheShape("g", "redis", "7.1", "medium", 2, 1);
        expect(sharded.clusterMode).toBe(true);
        expect(sharded.memberClusterIds).toEqual(["g-0001-001", "g-0001-002", "g-0002-001", "g-0002-002"]);
        expect(awsCacheShape("g", "redis", "7.1", "small", 1, 0)).toMatchObject({ highlyAvailable: false, automaticFailover: false });
        // Cluster mode requires automatic failover even without a replica; Multi-AZ needs one.
        expect(awsCacheShape("g", "redis", "7.1", "small", 2, 0)).toMatchObject({ highlyAvailable: false, automaticFailover: true });
        expect(preferredZones(["a", "b"], 3)).toEqual(["a", "b", "a"]);
    });

    it("picks each group's alarms: no evictions on the DR secondary, its lag behind the primary region only there", () => {
        const ids = (role: "primary" | "dr", ha: boolean) => awsCacheAlarmsFor(role, ha).map((a) => a.id);
        expect(ids("primary", true)).toEqual(["memory", "engine-cpu", "evictions", "replication-lag"]);
        expect(ids("primary", false)).toEqual(["memory", "engine-cpu", "evictions"]);
        expect(ids("dr", true)).toEqual(["memory", "engine-cpu", "replication-lag", "global-lag"]);
        expect(ids("dr", false)).toEqual(["memory", "engine-cpu", "global-lag"]);
        expect(AWS_CACHE_ALARMS.find((a) => a.id === "global-lag")?.metric).toEqual(AWS_METRICS.elasticacheGlobalLag.value);
    });

    it("percent-encodes the credential in the URL", () => {
        expect(redisConnectionString("h", 6379, "p@ss/w:rd")).toBe("rediss://:p%40ss%2Fw%3Ard@h:6379");
        expect(redisConnectionString("h", 6380)).toBe("rediss://h:6380");
        expect(redisConnectionString("h", 1, "pw", "app")).toBe("rediss://app:pw@h:1");
    });
});

describe("AWS cache, staging", async () => {
    const p = await plan("staging", "aws");
    const group = one(p, RG);

    it("is one small node, encrypted with the stack key, TLS required, AUTH on", () => {
        const key = named(p, "primary-keys-key");
        expect(input(group, "nodeType")).toBe("cache.t4g.small");
        expect(input(group, "numCacheClusters")).toBe(1);
        expect(input(group, "automaticFailoverEnabled")).toBe(false);
        expect(input(group, "atRestEncryptionEnabled")).toBe(true);
        expect(group.dependencies).toContain(key.urn);
        expect(input(group, "kmsKeyId")).toBe(p.outputs.keyId);
        expect(input(group, "transitEncryptionEnabled")).toBe(true);
        expect(input(group, "transitEncryptionMode")).toBe("required");
        expect(group.secretInputs).toContain("authToken");
        expect(input(group, "snapshotRetentionLimit")).toBe(1);
        expect(input(group, "snapshotWindow")).toBe("03:00-04:00");
    });

    it("is private: data-tier subnets, Redis port only from the app tier", () => {
        const subnets = one(p, "aws:elasticache/subnetGroup:SubnetGroup");
        const used = subnets.dependencies.map((u) => byUrn(p, u)?.name);
        expect(used.sort()).toEqual(["primary-network-data-0", "primary-network-data-1"]);
        const rules = ofType(p, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").filter((r) => r.name.startsWith("cache-"));
        expect(rules.map((r) => input(r, "cidrIpv4"))).toEqual(layoutNetwork("10.20.0.0/16", 2).app.zoneCidrs);
        for (const rule of rules) {
            expect(input(rule, "fromPort")).toBe(6379);
            expect(input(rule, "toPort")).toBe(6379);
            expect(input(rule, "description")).toBeTruthy();
        }
        expect(input(one(p, "aws:ec2/securityGroup:SecurityGroup", "cache-sg"), "egress")).toBeUndefined();
    });

    it("ships slow and engine logs to KMS-encrypted CloudWatch log groups", () => {
        expect((input(group, "logDeliveryConfigurations") as { logType: string }[]).map((l) => l.logType)).toEqual(["slow-log", "engine-log"]);
        for (const name of ["cache-slow-log", "cache-engine-log"]) expect(input(named(p, name), "kmsKeyId")).toBe(p.outputs.keyId);
    });

    it("stores the connection secret in Secrets Manager with the stack key, never as a plain output", () => {
        const secret = one(p, "aws:secretsmanager/secret:Secret", "cache-secret");
        expect(input(secret, "kmsKeyId")).toBe(p.outputs.keyId);
        expect(one(p, "aws:secretsmanager/secretVersion:SecretVersion", "cache-secret-value").secretInputs).toContain("secretString");
        expect(p.outputs.cacheHost).toBe("master.gravitypm-staging-cache.abc123.use2.cache.amazonaws.com");
        expect(p.outputs.cachePort).toBe(6379);
        expect(JSON.stringify(p.outputs)).not.toContain("rediss://");
    });

    it("alarms on memory, engine CPU and evictions (no replica, so no lag) to the alert topic", () => {
        const alarms = ofType(p, ALARM).filter((a) => a.name.startsWith("cache-"));
        expect(alarms.map((a) => input(a, "metricName")).sort()).toEqual(["DatabaseMemoryUsagePercentage", "EngineCPUUtilization", "Evictions"]);
        for (const alarm of alarms) {
            expect(input(alarm, "alarmActions")).toEqual(p.outputs.alertTargets);
            expect(input(alarm, "actionsEnabled")).toBe(true);
            expect(input(alarm, "dimensions")).toEqual({ CacheClusterId: "gravitypm-staging-cache-001" });
        }
    });

    it("protects nothing in staging", () => {
        expect(cacheOf(p).filter((r) => r.protect)).toEqual([]);
    });
});

describe("AWS cache, prod", async () => {
    const p = await plan("prod", "aws");
    const primary = one(p, RG, "cache-group");
    const secondary = one(p, RG, "cache-dr-group");

    it("fails over automatically across zones", () => {
        expect(input(primary, "nodeType")).toBe("cache.m7g.large");
        expect(input(primary, "numCacheClusters")).toBe(2);
        expect(input(primary, "automaticFailoverEnabled")).toBe(true);
        expect(input(primary, "multiAzEnabled")).toBe(true);
        // The zone names the account's app subnets report, in the site's zone order.
        const subnets = ["primary-network-app-0", "primary-network-app-1"].map((n) => one(p, "aws:ec2/subnet:Subnet", n));
        expect(input(primary, "preferredCacheClusterAzs")).toEqual(subnets.map((s) => mockZoneName("us-east-1", String(input(s, "availabilityZoneId")))));
        expect(input(primary, "snapshotRetentionLimit")).toBe(7);
        expect(input(primary, "finalSnapshotIdentifier")).toBe("gravitypm-prod-cache-final");
    });

    it("replicates to the DR region through a global datastore, encrypted there with the DR key", () => {
        const global = one(p, "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup");
        expect(input(global, "primaryReplicationGroupId")).toBe("gravitypm-prod-cache");
        expect(input(secondary, "globalReplicationGroupId")).toBe("ldgnf-gravitypm-prod-cache");
        expect(byUrn(p, secondary.provider)?.name).toBe("aws-dr");
        expect(secondary.dependencies).toContain(named(p, "dr-keys-key").urn);
        // Inherited from the global datastore (AUTH included): sending them to a secondary is rejected.
        for (const key of ELASTICACHE_SECONDARY_INHERITED.value) expect(input(secondary, key), key).toBeUndefined();
        expect(secondary.secretInputs).not.toContain("authToken");
        // Inherited too, but defaulted to false by the provider when absent: mirrored from the primary.
        for (const key of ELASTICACHE_SECONDARY_MIRRORED.value) expect(input(secondary, key), key).toBe(input(primary, key));
        const subnets = one(p, "aws:elasticache/subnetGroup:SubnetGroup", "cache-dr-subnets");
        expect(subnets.dependencies.map((u) => byUrn(p, u)?.name).sort()).toEqual(["dr-network-data-0", "dr-network-data-1", "dr-network-data-2"]);
        expect(p.outputs.cacheCrossRegion).toMatch(/^global-datastore: .*us-west-2/);
    });

    it("replicates the connection secret to the DR region", () => {
        const secret = one(p, "aws:secretsmanager/secret:Secret", "cache-secret");
        expect((input(secret, "replicas") as { region: string }[]).map((r) => r.region)).toEqual(["us-west-2"]);
        expect(input(secret, "name")).toBe("gravitypm-prod/cache/connection-string");
    });

    it("protects the replication groups, the global datastore, the log groups and the secret", () => {
        expect(cacheOf(p).filter((r) => r.protect).map((r) => r.name).sort()).toEqual([
            "cache-dr-engine-log",
            "cache-dr-group",
            "cache-dr-slow-log",
            "cache-engine-log",
            "cache-global",
            "cache-group",
            "cache-secret",
            "cache-slow-log",
        ]);
    });

    it("alarms on every node, replication lag included", () => {
        const alarms = ofType(p, ALARM).filter((a) => a.name.startsWith("cache-") && !a.name.startsWith("cache-dr-"));
        expect(alarms).toHaveLength(2 * awsCacheAlarmsFor("primary", true).length);
        expect(alarms.filter((a) => input(a, "metricName") === "ReplicationLag")).toHaveLength(2);
        for (const alarm of alarms) {
            expect(byUrn(p, alarm.provider)?.name).toBe("aws-primary");
            expect(input(alarm, "alarmActions")).toEqual(p.outputs.alertTargets);
        }
    });

    it("alarms on every node of the DR secondary in its own region, to the DR region's topic", () => {
        const alarms = ofType(p, ALARM).filter((a) => a.name.startsWith("cache-dr-"));
        expect(alarms).toHaveLength(2 * awsCacheAlarmsFor("dr", true).length - 1);
        const drTopic = one(p, "aws:sns/topic:Topic", "alerts-dr-topic");
        for (const alarm of alarms) {
            expect(byUrn(p, alarm.provider)?.name).toBe("aws-dr");
            expect(input(alarm, "actionsEnabled")).toBe(true);
            expect(input(alarm, "alarmActions")).toEqual([expect.stringMatching(new RegExp(`:${String(input(drTopic, "name"))}$`))]);
            expect(input(alarm, "okActions")).toEqual(input(alarm, "alarmActions"));
            expect(alarm.dependencies).toEqual(expect.arrayContaining([drTopic.urn, secondary.urn]));
            expect(String((input(alarm, "dimensions") as { CacheClusterId: string }).CacheClusterId)).toMatch(/^gravitypm-prod-cache-dr-00[12]$/);
        }
        // Only the secondary's primary node reports its lag behind the primary region.
        expect(alarms.filter((a) => input(a, "metricName") === AWS_METRICS.elasticacheGlobalLag.value.metricName).map((a) => a.name)).toEqual([
            "cache-dr-global-lag-001",
        ]);
        expect(alarms.filter((a) => input(a, "metricName") === "Evictions")).toEqual([]);
    });
});

describe("AWS cache, sharded", async () => {
    const p = await plan("staging", "aws", { cacheShards: "3", cacheReplicasPerShard: "1", cacheEngine: "valkey" });
    const group = one(p, RG);

    it("runs cluster mode with the configuration endpoint as host", () => {
        expect(input(group, "clusterMode")).toBe("enabled");
        expect(input(group, "numNodeGroups")).toBe(3);
        expect(input(group, "replicasPerNodeGroup")).toBe(1);
        expect(input(group, "numCacheClusters")).toBeUndefined();
        expect(input(group, "engine")).toBe("valkey");
        expect(input(group, "parameterGroupName")).toBe("default.valkey8.cluster.on");
        expect(p.outputs.cacheClusterMode).toBe(true);
        expect(p.outputs.cacheHost).toMatch(/^clustercfg\./);
        expect(ofType(p, ALARM).filter((a) => a.name.startsWith("cache-"))).toHaveLength(6 * awsCacheAlarmsFor("primary", true).length);
    });
});

import { describe, expect, it } from "vitest";
import { DOCUMENTDB_CLASSES, documentDbFamily, documentDbGlobalRegionProblem, documentDbInstancePlan } from "../components/aws/database";
import { AWS_METRICS, DOCUMENTDB_GLOBAL_CLUSTER_UNAVAILABLE_REGIONS } from "../domain/catalogs/aws";
import type { PlannedResource } from "../tools/plan/types";
import { byUrn, descendants, input, ofType, one, plan } from "./support/plan";

const CLUSTER = "aws:docdb/cluster:Cluster";
const INSTANCE = "aws:docdb/clusterInstance:ClusterInstance";
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";

function database(p: Awaited<ReturnType<typeof plan>>): PlannedResource[] {
    return descendants(p, one(p, "gravitypm:components:Database"));
}
/** The region's stack key ARN, as the network's flow-log group (encrypted with it) references it. */
const stackKey = (p: Awaited<ReturnType<typeof plan>>, role: "primary" | "dr") =>
    input(one(p, "aws:cloudwatch/logGroup:LogGroup", `${role}-network-flow-logs`), "kmsKeyId");

describe("DocumentDB pure logic", () => {
    it("derives the parameter-group family from the version", () => {
        expect(documentDbFamily("5.0.0")).toBe("docdb5.0");
        expect(documentDbFamily("4.0")).toBe("docdb4.0");
        expect(() => documentDbFamily("five")).toThrow();
    });

    it("spreads members across zones, writer first, read replicas promoted last", () => {
        const planned = documentDbInstancePlan(["a", "b", "c"], 3, 1);
        expect(planned.map((p) => p.zone)).toEqual(["a", "b", "c", "a"]);
        expect(planned.map((p) => p.promotionTier)).toEqual([0, 1, 1, 15]);
        expect(planned.map((p) => p.role)).toEqual(["member", "member", "member", "read-replica"]);
    });

    it("refuses a global cluster where DocumentDB offers none", () => {
        for (const region of DOCUMENTDB_GLOBAL_CLUSTER_UNAVAILABLE_REGIONS.value) {
            expect(documentDbGlobalRegionProblem("us-east-1", region)).toMatch(new RegExp(region));
            expect(documentDbGlobalRegionProblem(region, "us-east-1")).toMatch(new RegExp(region));
        }
        expect(documentDbGlobalRegionProblem("us-east-1", "us-west-2")).toBeUndefined();
        expect(documentDbGlobalRegionProblem(DOCUMENTDB_GLOBAL_CLUSTER_UNAVAILABLE_REGIONS.value[0], undefined)).toBeUndefined();
    });

    it("sizes only medium and up on memory-optimized classes", () => {
        expect(DOCUMENTDB_CLASSES.small.instanceClass).toMatch(/^db\.t4g\./);
        for (const size of ["medium", "large", "xlarge"] as const) expect(DOCUMENTDB_CLASSES[size].instanceClass).toMatch(/^db\.r6g\./);
    });
});

describe("DocumentDB in staging", async () => {
    const p = await plan("staging", "aws");
    const cluster = one(p, CLUSTER);

    it("runs one instance and no global cluster", () => {
        expect(ofType(p, INSTANCE)).toHaveLength(1);
        expect(ofType(p, "aws:docdb/globalCluster:GlobalCluster")).toHaveLength(0);
        expect(cluster.protect).toBe(false);
        expect(input(cluster, "deletionProtection")).toBe(false);
        expect(input(cluster, "backupRetentionPeriod")).toBe(7);
    });

    it("alarms only in the primary region, to the stack's one topic", () => {
        const alarms = ofType(p, ALARM).filter((a) => database(p).includes(a));
        expect(alarms.length).toBeGreaterThan(0);
        expect(alarms.filter((a) => a.name.startsWith("database-dr-"))).toEqual([]);
        expect(ofType(p, "aws:sns/topic:Topic")).toHaveLength(1);
        for (const alarm of alarms) expect(input(alarm, "alarmActions")).toEqual(p.outputs.alertTargets);
    });

    it("lives in the data subnets", () => {
        const subnets = input(one(p, "aws:docdb/subnetGroup:SubnetGroup"), "subnetIds") as string[];
        const dataSubnets = ofType(p, "aws:ec2/subnet:Subnet").filter((s) => (input(s, "tags.tier") as string) === "data");
        expect(subnets).toHaveLength(dataSubnets.length);
    });
});

describe("DocumentDB in prod", async () => {
    const p = await plan("prod", "aws");
    const [primary, secondary] = ["database-cluster", "database-dr-cluster"].map((n) => one(p, CLUSTER, n));

    it("encrypts storage with the stack key and keeps backups for the retention", () => {
        expect(input(primary, "storageEncrypted")).toBe(true);
        expect(input(primary, "kmsKeyId")).toMatch(/^arn:aws:kms:us-east-1:\d+:key\//);
        expect(input(primary, "kmsKeyId")).toBe(stackKey(p, "primary"));
        expect(input(primary, "backupRetentionPeriod")).toBe(35);
        expect(input(primary, "preferredBackupWindow")).toBe("03:00-04:00");
        expect(input(primary, "enabledCloudwatchLogsExports")).toEqual(["audit", "profiler"]);
    });

    it("requires TLS and audit logs in its parameter group", () => {
        for (const group of ofType(p, "aws:docdb/clusterParameterGroup:ClusterParameterGroup")) {
            const params = input(group, "parameters") as { name: string; value: string }[];
            expect(params).toContainEqual(expect.objectContaining({ name: "tls", value: "enabled" }));
            expect(params).toContainEqual(expect.objectContaining({ name: "audit_logs", value: "enabled" }));
        }
        expect(input(primary, "dbClusterParameterGroupName")).toBe("gravitypm-prod-docdb-docdb50");
    });

    it("is protected and deletion-protected, with a final snapshot", () => {
        expect(primary.protect).toBe(true);
        expect(input(primary, "deletionProtection")).toBe(true);
        expect(input(primary, "skipFinalSnapshot")).toBe(false);
        expect(one(p, "aws:docdb/globalCluster:GlobalCluster").protect).toBe(true);
        expect(secondary.protect).toBe(true);
    });

    it("spreads at least two instances across different zones", () => {
        const instances = ofType(p, INSTANCE).filter((i) => !i.name.includes("-dr-"));
        expect(instances.length).toBeGreaterThanOrEqual(2);
        const zones = new Set(instances.map((i) => input(i, "availabilityZone")));
        expect(zones.size).toBe(instances.length);
        expect(instances.map((i) => input(i, "instanceClass"))).toEqual(instances.map(() => "db.r6g.large"));
    });

    it("admits the MongoDB port only from the workload security group", () => {
        const rules = ofType(p, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").filter((r) => database(p).includes(r));
        expect(rules).toHaveLength(2);
        for (const rule of rules) {
            expect(input(rule, "fromPort")).toBe(27017);
            expect(input(rule, "toPort")).toBe(27017);
            expect(input(rule, "cidrIpv4")).toBeUndefined();
            expect(input(rule, "referencedSecurityGroupId")).toMatch(/^sg-/);
        }
        const workloadSgs = ofType(p, "aws:ec2/securityGroup:SecurityGroup").filter((g) => g.name.endsWith("-workload-sg"));
        expect(workloadSgs).toHaveLength(2);
    });

    it("replicates to the DR region through a global cluster encrypted there with the DR key", () => {
        const global = one(p, "aws:docdb/globalCluster:GlobalCluster");
        expect(input(global, "storageEncrypted")).toBe(true);
        expect(primary.dependencies).toContain(global.urn);
        expect(secondary.dependencies).toContain(global.urn);
        expect(secondary.dependencies).toContain(primary.urn);
        expect(input(secondary, "kmsKeyId")).toBe(stackKey(p, "dr"));
        expect(stackKey(p, "dr")).not.toBe(stackKey(p, "primary"));
        expect(secondary.provider).toContain("aws-dr");
        expect(input(secondary, "masterPassword")).toBeUndefined();
        expect(ofType(p, INSTANCE).filter((i) => i.name.includes("-dr-"))).toHaveLength(1);
    });

    it("exports audit and profiler logs to encrypted log groups it creates first", () => {
        const groups = ofType(p, "aws:cloudwatch/logGroup:LogGroup").filter((g) => String(input(g, "name")).startsWith("/aws/docdb/gravitypm-prod-docdb/"));
        expect(groups.map((g) => input(g, "name")).sort()).toEqual(["/aws/docdb/gravitypm-prod-docdb/audit", "/aws/docdb/gravitypm-prod-docdb/profiler"]);
        for (const g of groups) {
            expect(input(g, "kmsKeyId")).toBeTruthy();
            expect(input(g, "deletionProtectionEnabled")).toBe(true);
            expect(primary.dependencies).toContain(g.urn);
        }
    });

    it("keeps the password and connection string secret and stores it in Secrets Manager with a DR replica", () => {
        expect(primary.secretInputs).toContain("masterPassword");
        const secret = one(p, "aws:secretsmanager/secret:Secret", "database-connection-secret");
        expect(input(secret, "name")).toBe("gravitypm-prod/database/connection-string");
        expect(input(secret, "kmsKeyId")).toBe(stackKey(p, "primary"));
        expect(input(secret, "replicas")).toEqual([{ region: "us-west-2", kmsKeyId: stackKey(p, "dr") }]);
        expect(secret.protect).toBe(true);
        expect(one(p, "aws:secretsmanager/secretVersion:SecretVersion", "database-connection-secret-value").secretInputs).toContain("secretString");
        expect(p.outputs.databaseConnectionString).toBe("[secret]");
    });

    it("alarms on CPU, memory, connections and replica lag to the stack's topic", () => {
        const alarms = ofType(p, ALARM).filter((a) => database(p).includes(a) && !a.name.startsWith("database-dr-"));
        const metrics = new Set(alarms.map((a) => input(a, "metricName")));
        expect(metrics).toEqual(
            new Set([AWS_METRICS.docdbCpu, AWS_METRICS.docdbFreeableMemory, AWS_METRICS.docdbConnections, AWS_METRICS.docdbClusterReplicaLag].map((m) => m.value.metricName)),
        );
        // The within-cluster lag alarm watches the cluster metric, by the cluster's dimension.
        const lag = one(p, ALARM, "database-replica-lag");
        expect(input(lag, "metricName")).toBe(AWS_METRICS.docdbClusterReplicaLag.value.metricName);
        expect(Object.keys(input(lag, "dimensions") as object)).toEqual([...AWS_METRICS.docdbClusterReplicaLag.value.dimensions]);
        const topic = input(one(p, "aws:sns/topic:Topic", "alerts-topic"), "name");
        for (const alarm of alarms) {
            expect(input(alarm, "actionsEnabled")).toBe(true);
            expect(input(alarm, "alarmActions")).toEqual([expect.stringMatching(new RegExp(`:${String(topic)}$`))]);
            expect(byUrn(p, alarm.provider)?.name).toBe("aws-primary");
        }
    });

    it("alarms on the DR secondary in its own region, to the DR region's topic", () => {
        const alarms = ofType(p, ALARM).filter((a) => database(p).includes(a) && a.name.startsWith("database-dr-"));
        expect(alarms.map((a) => a.name).sort()).toEqual(["database-dr-connections-0", "database-dr-cpu-0", "database-dr-memory-0", "database-dr-replication-lag"]);
        const drTopic = one(p, "aws:sns/topic:Topic", "alerts-dr-topic");
        const drInstance = one(p, INSTANCE, "database-dr-instance-0");
        for (const alarm of alarms) {
            expect(byUrn(p, alarm.provider)?.name).toBe("aws-dr");
            expect(input(alarm, "actionsEnabled")).toBe(true);
            expect(input(alarm, "alarmActions")).toEqual([expect.stringMatching(new RegExp(`:${String(input(drTopic, "name"))}$`))]);
            expect(input(alarm, "okActions")).toEqual(input(alarm, "alarmActions"));
            expect(alarm.dependencies).toContain(drTopic.urn);
        }
        for (const alarm of alarms.filter((a) => a.name !== "database-dr-replication-lag")) {
            expect(input(alarm, "dimensions")).toEqual({ DBInstanceIdentifier: input(drInstance, "identifier") });
        }
        const lag = one(p, ALARM, "database-dr-replication-lag");
        expect(input(lag, "metricName")).toBe(AWS_METRICS.docdbGlobalLag.value.metricName);
        expect(input(lag, "treatMissingData")).toBe("breaching");
        expect(input(lag, "dimensions")).toEqual({ DBClusterIdentifier: input(secondary, "clusterIdentifier") });
        expect(input(lag, "threshold")).toBe(10_000);
    });

    it("exports host, reader host, port and replica set", () => {
        expect(p.outputs.databaseHost).toMatch(/^gravitypm-prod-docdb\.cluster-/);
        expect(p.outputs.databaseReaderHost).toMatch(/^gravitypm-prod-docdb\.cluster-ro-/);
        expect(p.outputs.databasePort).toBe(27017);
        expect(p.outputs.databaseReplicaSetName).toBe("rs0");
        expect(p.outputs.databaseService).toBe("Amazon DocumentDB");
    });
});

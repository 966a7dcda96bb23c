/**
 * Each stack rule against a plan that breaks it, asserting the exact resources reported
 * (Checkov style), and against the repaired plan.
 */
import { describe, expect, it } from "vitest";
import { evaluatePlan } from "../../../tools/policy/evaluate";
import type { Plan } from "../../../tools/plan/types";
import type { GuardPolicy } from "../lib/rule";
import { policies } from "../policies";
import { awsDatabase, awsSite, prodAws } from "./fixtures";
import { planOf, policyNamed, urnOf } from "./support";

async function findings(plan: Plan, name: string, config?: Record<string, unknown>) {
    const rule: GuardPolicy = policyNamed(policies, name);
    const report = await evaluatePlan(plan, { policies: [rule], config: config ? { [name]: config } : undefined });
    return report.violations;
}

const urns = (vs: readonly { urn?: string }[]) => [...new Set(vs.map((v) => v.urn))].sort();
const prodUrn = (type: string, name: string) => urnOf("prod", type, name);
const CLUSTER = prodUrn("aws:docdb/cluster:Cluster", "db");

describe("stack-data-store-backup", () => {
    it("passes a cluster with 35 days of backups and a DR copy", async () => {
        expect(await findings(prodAws(), "stack-data-store-backup")).toEqual([]);
    });
    it("reports retention below the minimum", async () => {
        const vs = await findings(prodAws([], awsDatabase({ cluster: { backupRetentionPeriod: 1 } }).filter((r) => !r.type.startsWith("aws:backup/"))), "stack-data-store-backup");
        expect(urns(vs)).toEqual([CLUSTER]);
        expect(vs.map((v) => v.message).join("\n")).toMatch(/keeps backups 1 days.*minimum is 7[\s\S]*no copy in another region/);
    });
    it("reports a prod cluster whose backups never leave the region", async () => {
        const vs = await findings(prodAws([], awsDatabase({ backupCopy: false })), "stack-data-store-backup");
        expect(vs.map((v) => v.message)).toEqual([expect.stringMatching(/no copy in another region/)]);
    });
    it("reports a cache with no snapshots and no persistence", async () => {
        const cache = { type: "aws:elasticache/replicationGroup:ReplicationGroup", name: "cache", provider: "aws-primary", inputs: { snapshotRetentionLimit: 0 } };
        const vs = await findings(prodAws([cache]), "stack-data-store-backup");
        expect(urns(vs)).toEqual([prodUrn(cache.type, "cache")]);
        expect(vs[0].message).toMatch(/covered by no backup/);
    });
    it("counts a secondary in another region as the DR copy", async () => {
        const plan = prodAws([
            { type: "aws:docdb/globalCluster:GlobalCluster", name: "global", provider: "aws-primary", inputs: { storageEncrypted: true } },
            { type: "aws:docdb/cluster:Cluster", name: "db-dr", provider: "aws-dr", protect: true, dependsOn: ["global", "dr-key"], inputs: { storageEncrypted: true, kmsKeyId: "k", backupRetentionPeriod: 7, globalClusterIdentifier: "global" } },
        ], awsDatabase({ backupCopy: false }).map((r) => (r.name === "db" ? { ...r, dependsOn: [...(r.dependsOn ?? []), "global"] } : r)));
        expect(await findings(plan, "stack-data-store-backup")).toEqual([]);
    });
    it("counts an active geo-replication group as a Redis Enterprise cache's backup and DR copy", async () => {
        const member = (region: string, deps: string[]) => [
            { type: "azure-native:redisenterprise:RedisEnterprise", name: `redis-${region}`, inputs: { location: region } },
            { type: "azure-native:redisenterprise:Database", name: `db-${region}`, dependsOn: [`redis-${region}`, ...deps], inputs: { geoReplication: { groupNickname: "cache", linkedDatabases: [{ id: "x" }] } } },
        ];
        expect(await findings(planOf([...member("eastus", []), ...member("westus2", ["db-eastus"])], "prod"), "stack-data-store-backup")).toEqual([]);
        const alone = await findings(planOf(member("eastus", []), "prod"), "stack-data-store-backup");
        expect(alone.map((v) => v.message)).toEqual([expect.stringMatching(/covered by no backup/)]);
    });
    it("counts a scheduled export to a bucket in another region as a Memorystore instance's DR copy", async () => {
        const instance = {
            type: "gcp:redis/instance:Instance",
            name: "cache",
            inputs: { name: "gravitypm-prod-cache", region: "us-central1", tier: "STANDARD_HA", persistenceConfig: { persistenceMode: "RDB", rdbSnapshotPeriod: "ONE_HOUR" } },
        };
        const bucket = (location: string) => ({
            type: "gcp:storage/bucket:Bucket",
            name: "exports",
            inputs: { name: "gravitypm-prod-cache-dr-1a2b", location, versioning: { enabled: true }, lifecycleRules: [{ action: { type: "Delete" }, condition: { daysSinceNoncurrentTime: 35, withState: "ARCHIVED" } }] },
        });
        const job = (uri: string) => ({
            type: "gcp:cloudscheduler/job:Job",
            name: "export",
            inputs: {
                schedule: "0 2 * * *",
                httpTarget: {
                    httpMethod: "POST",
                    uri,
                    body: Buffer.from(JSON.stringify({ outputConfig: { gcsDestination: { uri: "gs://gravitypm-prod-cache-dr-1a2b/gravitypm-prod-cache/export.rdb" } } })).toString("base64"),
                },
            },
        });
        const exportUrl = "https://redis.googleapis.com/v1/projects/p/locations/us-central1/instances/gravitypm-prod-cache:export";
        expect(await findings(planOf([instance, bucket("US-EAST1"), job(exportUrl)], "prod"), "stack-data-store-backup")).toEqual([]);
        const noCopy = /no copy in another region/;
        const sameRegion = await findings(planOf([instance, bucket("US-CENTRAL1"), job(exportUrl)], "prod"), "stack-data-store-backup");
        expect(sameRegion.map((v) => v.message)).toEqual([expect.stringMatching(noCopy)]);
        const otherInstance = await findings(planOf([instance, bucket("US-EAST1"), job(exportUrl.replace("gravitypm-prod-cache:", "other:"))], "prod"), "stack-data-store-backup");
        expect(otherInstance.map((v) => v.message)).toEqual([expect.stringMatching(noCopy)]);
    });
    it("holds staging caches to one day and reads the threshold from config", async () => {
        const cache = { type: "aws:elasticache/replicationGroup:ReplicationGroup", name: "cache", inputs: { snapshotRetentionLimit: 1 } };
        expect(await findings(planOf([cache], "staging"), "stack-data-store-backup")).toEqual([]);
        expect(await findings(planOf([cache], "staging"), "stack-data-store-backup", { cacheMinimumRetentionDays: 3 })).toHaveLength(1);
    });
});

describe("stack-data-store-not-public", () => {
    it("passes a cluster whose security group admits the VPC only", async () => {
        expect(await findings(prodAws(), "stack-data-store-not-public")).toEqual([]);
    });
    it("reports a database port opened to 0.0.0.0/0 by a separate ingress rule", async () => {
        const rule = { type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", name: "oops", provider: "aws-primary", dependsOn: ["db-sg"], inputs: { cidrIpv4: "0.0.0.0/0", fromPort: 27017, toPort: 27017, ipProtocol: "tcp" } };
        const vs = await findings(prodAws([rule]), "stack-data-store-not-public");
        expect(urns(vs)).toEqual([CLUSTER]);
        expect(vs[0].message).toMatch(/port 27017 is open to the internet through SecurityGroupIngressRule oops/);
    });
    it("ignores an open web port on the same group", async () => {
        const rule = { type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", name: "https", provider: "aws-primary", dependsOn: ["db-sg"], inputs: { cidrIpv4: "0.0.0.0/0", fromPort: 443, toPort: 443, ipProtocol: "tcp" } };
        expect(await findings(prodAws([rule]), "stack-data-store-not-public")).toEqual([]);
    });
    it("reports public Azure and Atlas endpoints and a GCP firewall path", async () => {
        const plan = planOf(
            [
                { type: "azure-native:redis:Redis", name: "redis", inputs: { publicNetworkAccess: "Enabled" } },
                { type: "azure-native:mongocluster:MongoCluster", name: "mongo", inputs: { properties: { publicNetworkAccess: "Disabled" } } },
                { type: "mongodbatlas:index/advancedCluster:AdvancedCluster", name: "atlas", inputs: {} },
                { type: "mongodbatlas:index/projectIpAccessList:ProjectIpAccessList", name: "anyone", inputs: { cidrBlock: "0.0.0.0/0" } },
                { type: "gcp:compute/network:Network", name: "vpc", inputs: {} },
                { type: "gcp:redis/instance:Instance", name: "memorystore", dependsOn: ["vpc"], inputs: { authorizedNetwork: "projects/p/global/networks/vpc" } },
                { type: "gcp:compute/firewall:Firewall", name: "open", dependsOn: ["vpc"], inputs: { network: "projects/p/global/networks/vpc", sourceRanges: ["0.0.0.0/0"], allows: [{ protocol: "tcp", ports: ["6379"] }] } },
            ],
            "prod",
        );
        const vs = await findings(plan, "stack-data-store-not-public");
        expect(urns(vs)).toEqual(
            [
                prodUrn("azure-native:redis:Redis", "redis"),
                prodUrn("mongodbatlas:index/advancedCluster:AdvancedCluster", "atlas"),
                prodUrn("gcp:redis/instance:Instance", "memorystore"),
            ].sort(),
        );
    });
});

describe("stack-prod-stateful-protected", () => {
    it("passes protected and deletion-protected resources", async () => {
        expect(await findings(prodAws([], awsDatabase({ protect: false })), "stack-prod-stateful-protected")).toEqual([]);
    });
    it("reports unprotected keys and stores in prod, nothing in staging", async () => {
        const fixture = [
            { type: "aws:kms/key:Key", name: "loose-key", inputs: {} },
            { type: "aws:elasticache/replicationGroup:ReplicationGroup", name: "cache", inputs: {} },
            { type: "aws:docdb/cluster:Cluster", name: "db", inputs: { deletionProtection: true } },
        ];
        const vs = await findings(planOf(fixture, "prod"), "stack-prod-stateful-protected");
        expect(urns(vs)).toEqual([prodUrn("aws:elasticache/replicationGroup:ReplicationGroup", "cache"), prodUrn("aws:kms/key:Key", "loose-key")].sort());
        expect(await findings(planOf(fixture, "staging"), "stack-prod-stateful-protected")).toEqual([]);
    });
});

describe("stack-cmk-encryption", () => {
    it("passes stores and log groups that reference the stack key", async () => {
        const logs = { type: "aws:cloudwatch/logGroup:LogGroup", name: "logs", provider: "aws-primary", dependsOn: ["key"], inputs: { kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/primary" } };
        expect(await findings(prodAws([logs]), "stack-cmk-encryption")).toEqual([]);
    });
    it("reports an AWS-managed alias and a missing key", async () => {
        const plan = prodAws(
            [{ type: "aws:cloudwatch/logGroup:LogGroup", name: "logs", provider: "aws-primary", inputs: {} }],
            awsDatabase({ cluster: { kmsKeyId: "alias/aws/rds" } }).map((r) => (r.name === "db" ? { ...r, dependsOn: ["db-sg", "db-subnets"] } : r)),
        );
        const vs = await findings(plan, "stack-cmk-encryption");
        expect(urns(vs)).toEqual([CLUSTER, prodUrn("aws:cloudwatch/logGroup:LogGroup", "logs")].sort());
        expect(vs.find((v) => v.urn === CLUSTER)?.message).toMatch(/not one of this stack's keys/);
    });
});

describe("stack-cmk-unsupported", () => {
    it("lists stores whose service has no customer-managed key, as advisory", async () => {
        const vs = await findings(planOf([{ type: "azure-native:redis:Redis", name: "redis" }]), "stack-cmk-unsupported");
        expect(vs).toEqual([expect.objectContaining({ enforcementLevel: "advisory", urn: prodUrn("azure-native:redis:Redis", "redis") })]);
        expect(await findings(prodAws(), "stack-cmk-unsupported")).toEqual([]);
    });
});

describe("stack-prod-multi-zone", () => {
    it("passes three instances in three zones", async () => {
        expect(await findings(prodAws(), "stack-prod-multi-zone")).toEqual([]);
    });
    it("reports a single-instance cluster, a single-AZ cache and a one-zone node group", async () => {
        const extra = [
            { type: "aws:elasticache/replicationGroup:ReplicationGroup", name: "cache", inputs: { multiAzEnabled: false, numCacheClusters: 2 } },
            { type: "aws:eks/nodeGroup:NodeGroup", name: "nodes", dependsOn: ["data-a"], inputs: { subnetIds: ["s-a"] } },
        ];
        const vs = await findings(prodAws(extra, awsDatabase({ instances: 1 })), "stack-prod-multi-zone");
        expect(urns(vs)).toEqual([CLUSTER, prodUrn("aws:elasticache/replicationGroup:ReplicationGroup", "cache"), prodUrn("aws:eks/nodeGroup:NodeGroup", "nodes")].sort());
    });
    it("leaves a DR-region secondary to its primary", async () => {
        const secondary = { type: "aws:docdb/cluster:Cluster", name: "db-dr", provider: "aws-dr", inputs: { globalClusterIdentifier: "g" } };
        expect(await findings(prodAws([secondary]), "stack-prod-multi-zone")).toEqual([]);
    });
});

describe("stack-rpo-achievable", () => {
    const atlas = (pit: boolean) => ({ type: "mongodbatlas:index/advancedCluster:AdvancedCluster", name: "atlas", inputs: { backupEnabled: true, pitEnabled: pit, replicationSpecs: [] } });
    it("passes point-in-time recovery against a 15-minute prod RPO", async () => {
        expect(await findings(planOf([atlas(true)], "prod"), "stack-rpo-achievable")).toEqual([]);
    });
    it("reports six-hourly snapshots against a 15-minute prod RPO", async () => {
        const vs = await findings(planOf([atlas(false)], "prod"), "stack-rpo-achievable");
        expect(vs.map((v) => v.message)).toEqual([expect.stringMatching(/lose up to 360 min.*RPO is 15 min \(the prod profile\)/)]);
    });
    it("reads the RPO from the stack output, and from config over it", async () => {
        expect(await findings(planOf([atlas(false)], "prod", { rpoMinutes: 720 }), "stack-rpo-achievable")).toEqual([]);
        expect(await findings(planOf([atlas(false)], "prod", { rpoMinutes: 720 }), "stack-rpo-achievable", { rpoMinutes: 60 })).toHaveLength(1);
    });
});

describe("stack-standard-tags", () => {
    it("passes tagged providers", async () => {
        expect(await findings(prodAws(), "stack-standard-tags")).toEqual([]);
    });
    it("reports an untagged provider, a resource on the default provider and incomplete Azure tags", async () => {
        const plan = planOf(
            [
                { type: "pulumi:providers:aws", name: "bare", inputs: { region: "us-east-1" } },
                { type: "aws:s3/bucket:Bucket", name: "implicit", inputs: {} },
                { type: "azure-native:network:VirtualNetwork", name: "vnet", inputs: { tags: { project: "gravitypm" } } },
            ],
            "prod",
        );
        const vs = await findings(plan, "stack-standard-tags");
        expect(urns(vs)).toEqual([prodUrn("pulumi:providers:aws", "bare"), prodUrn("aws:s3/bucket:Bucket", "implicit"), prodUrn("azure-native:network:VirtualNetwork", "vnet")].sort());
        expect(vs.every((v) => v.enforcementLevel === "advisory")).toBe(true);
    });
});

describe("area stack rules", () => {
    it("aws-vpc-flow-logs reports a VPC without a flow log", async () => {
        const vpc = { type: "aws:ec2/vpc:Vpc", name: "vpc", inputs: {} };
        expect(urns(await findings(planOf([vpc]), "aws-vpc-flow-logs"))).toEqual([prodUrn(vpc.type, "vpc")]);
        expect(await findings(planOf([vpc, { type: "aws:ec2/flowLog:FlowLog", name: "fl", dependsOn: ["vpc"] }]), "aws-vpc-flow-logs")).toEqual([]);
    });
    it("wafv2-logging reports a web ACL without logging", async () => {
        const acl = { type: "aws:wafv2/webAcl:WebAcl", name: "acl", inputs: {} };
        expect(urns(await findings(planOf([acl]), "wafv2-logging"))).toEqual([prodUrn(acl.type, "acl")]);
        expect(await findings(planOf([acl, { type: "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration", name: "log", dependsOn: ["acl"] }]), "wafv2-logging")).toEqual([]);
    });
    it("the Cloudflare zone rules report a zone with only a DNS record", async () => {
        const record = { type: "cloudflare:index/dnsRecord:DnsRecord", name: "app", inputs: { zoneId: "z1", name: "app", type: "CNAME", proxied: true, ttl: 1 } };
        const plan = planOf([record]);
        expect(await findings(plan, "cloudflare-zone-tls-baseline")).toHaveLength(3);
        expect(await findings(plan, "cloudflare-managed-waf")).toHaveLength(1);
        expect(await findings(plan, "cloudflare-authenticated-origin-pulls")).toHaveLength(1);
        const complete = planOf([
            record,
            ...[["ssl", "strict"], ["min_tls_version", "1.2"], ["always_use_https", "on"]].map(([settingId, value]) => ({ type: "cloudflare:index/zoneSetting:ZoneSetting", name: settingId, inputs: { zoneId: "z1", settingId, value } })),
            { type: "cloudflare:index/ruleset:Ruleset", name: "waf", inputs: { zoneId: "z1", kind: "zone", phase: "http_request_firewall_managed", name: "waf" } },
            { type: "cloudflare:index/authenticatedOriginPullsSettings:AuthenticatedOriginPullsSettings", name: "aop", inputs: { zoneId: "z1", enabled: true } },
        ]);
        for (const name of ["cloudflare-zone-tls-baseline", "cloudflare-managed-waf", "cloudflare-authenticated-origin-pulls"]) expect(await findings(complete, name)).toEqual([]);
    });
    it("azure-diagnostic-settings reports a Key Vault without one", async () => {
        const vault = { type: "azure-native:keyvault:Vault", name: "kv", inputs: {} };
        expect(urns(await findings(planOf([vault]), "azure-diagnostic-settings"))).toEqual([prodUrn(vault.type, "kv")]);
        expect(await findings(planOf([vault, { type: "azure-native:monitor:DiagnosticSetting", name: "diag", dependsOn: ["kv"] }]), "azure-diagnostic-settings")).toEqual([]);
    });
});

it("every stack rule is exercised here", () => {
    const tested = ["stack-data-store-backup", "stack-data-store-not-public", "stack-prod-stateful-protected", "stack-cmk-encryption", "stack-cmk-unsupported", "stack-prod-multi-zone", "stack-rpo-achievable", "stack-standard-tags", "aws-vpc-flow-logs", "wafv2-logging", "cloudflare-zone-tls-baseline", "cloudflare-managed-waf", "cloudflare-authenticated-origin-pulls", "azure-diagnostic-settings"];
    expect(policies.filter((p) => "validateStack" in p).map((p) => p.name).sort()).toEqual(tested.sort());
    expect(awsSite().length).toBeGreaterThan(0);
});

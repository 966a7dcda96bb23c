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
import {
    acrRegistry,
    artifactRepository,
    awsApp,
    container,
    cronJob,
    DEPLOYMENT,
    deployment,
    DIGEST,
    ECR_IMAGE,
    ecrRepository,
    CRON_JOB,
    NAMESPACE,
    namespace,
    NETWORK_POLICY,
    networkPolicy,
    POD,
    pod,
    podSpec,
} from "./cases/workload";
import { dataProtectionDocument } from "./cases/observability";
import { planOf, policyNamed, urnOf, type FixtureResource } from "./support";

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
    it("holds an AMP workspace to the stack key", async () => {
        const amp = (name: string, inputs: Record<string, unknown>, dependsOn: string[] = []) => ({ type: "aws:amp/workspace:Workspace", name, provider: "aws-primary", dependsOn, inputs });
        const plan = prodAws([amp("metrics", { kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/primary" }, ["key"]), amp("elsewhere", { kmsKeyArn: "arn:aws:kms:us-east-1:999999999999:key/other" }), amp("owned", {})]);
        expect(urns(await findings(plan, "stack-cmk-encryption"))).toEqual([prodUrn("aws:amp/workspace:Workspace", "elsewhere"), prodUrn("aws:amp/workspace:Workspace", "owned")]);
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

describe("workload-namespace-default-deny", () => {
    const rule = "workload-namespace-default-deny";
    const api = { type: DEPLOYMENT, name: "api", inputs: deployment() };
    const withoutDefaultDeny = (policy: FixtureResource["inputs"]) => awsApp([api]).map((r) => (r.type === NETWORK_POLICY ? { ...r, inputs: policy } : r));

    it("passes workloads in a namespace with a default deny", async () => {
        expect(await findings(planOf(awsApp([api, { type: CRON_JOB, name: "report", inputs: cronJob(podSpec()) }])), rule)).toEqual([]);
    });
    it("reports each workload of a namespace without one, and the default namespace", async () => {
        const plan = planOf(awsApp([{ type: DEPLOYMENT, name: "worker", inputs: deployment(podSpec(), "jobs") }, { type: POD, name: "debug", inputs: pod(podSpec()) }]));
        const vs = await findings(plan, rule);
        expect(urns(vs)).toEqual([prodUrn(DEPLOYMENT, "worker"), prodUrn(POD, "debug")].sort());
        expect(vs.map((v) => v.message).sort()).toEqual([expect.stringMatching(/^Deployment worker runs in namespace jobs, which has no default-deny/), expect.stringMatching(/^Pod debug runs in namespace default,/)]);
        expect(vs.every((v) => v.enforcementLevel === "mandatory")).toBe(true);
    });
    it("does not count a policy that selects some pods, governs one direction or admits everything", async () => {
        for (const spec of [
            { podSelector: { matchLabels: { app: "api" } }, policyTypes: ["Ingress", "Egress"] },
            { podSelector: {}, policyTypes: ["Ingress"] },
            { podSelector: {} },
            { podSelector: {}, policyTypes: ["Ingress", "Egress"], ingress: [{}] },
        ]) {
            expect(urns(await findings(planOf(withoutDefaultDeny(networkPolicy("app", spec))), rule)), JSON.stringify(spec)).toEqual([prodUrn(DEPLOYMENT, "api")]);
        }
    });
    it("counts a default deny that still allows DNS egress, and one with no podSelector", async () => {
        const dns = { podSelector: {}, policyTypes: ["Ingress", "Egress"], egress: [{ to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } } }], ports: [{ port: 53, protocol: "UDP" }] }] };
        expect(await findings(planOf(withoutDefaultDeny(networkPolicy("app", dns))), rule)).toEqual([]);
        expect(await findings(planOf(withoutDefaultDeny(networkPolicy("app", { policyTypes: ["Egress", "Ingress"] }))), rule)).toEqual([]);
    });
    it("tells clusters apart: the DR cluster's namespace needs its own policy", async () => {
        const dr = [{ type: "pulumi:providers:kubernetes", name: "k8s-dr", inputs: {} }, { type: DEPLOYMENT, name: "api-dr", provider: "k8s-dr", inputs: deployment() }];
        const vs = await findings(planOf(awsApp([api], dr)), rule);
        expect(urns(vs)).toEqual([prodUrn(DEPLOYMENT, "api-dr")]);
        expect(vs[0].message).toMatch(/namespace app on the cluster of provider k8s-dr/);
    });
    it("reads the provider's default namespace for a workload and a policy that name none", async () => {
        const site = [
            { type: "pulumi:providers:kubernetes", name: "k8s", inputs: { namespace: "app" } },
            { type: NETWORK_POLICY, name: "deny", provider: "k8s", inputs: networkPolicy(undefined) },
            { type: DEPLOYMENT, name: "api", provider: "k8s", inputs: deployment(podSpec(), undefined) },
        ];
        expect(await findings(planOf(site), rule)).toEqual([]);
    });
    it("follows the Namespace a workload depends on when its namespace is unknown at preview, and judges nothing it cannot place", async () => {
        const unknownNs = (name: string, deps: string[]) => ({ type: DEPLOYMENT, name, dependsOn: deps, inputs: { ...deployment(), metadata: { name, namespace: "[unknown]" } } });
        expect(await findings(planOf(awsApp([unknownNs("api", ["app-ns"])])), rule)).toEqual([]);
        const other = { type: NAMESPACE, name: "jobs-ns", provider: "k8s", inputs: namespace("jobs") };
        expect(urns(await findings(planOf(awsApp([unknownNs("worker", ["jobs-ns"])], [other])), rule))).toEqual([prodUrn(DEPLOYMENT, "worker")]);
        expect(await findings(planOf(awsApp([unknownNs("orphan", [])])), rule)).toEqual([]);
    });
    it("counts a policy whose spec is unknown at preview until it is known", async () => {
        const unknownSpec = { ...networkPolicy("app"), spec: "[unknown]" };
        expect(await findings(planOf(withoutDefaultDeny(unknownSpec)), rule)).toEqual([]);
    });
});

describe("workload-image-provenance", () => {
    const rule = "workload-image-provenance";
    const withImages = (...images: string[]) => deployment(podSpec({ initContainers: [], containers: images.map((image, i) => container({ name: `c${i}`, image })) }));
    const gcp = [
        { type: "pulumi:providers:gcp", name: "gcp", inputs: { project: "gravitypm-prod", region: "us-central1" } },
        { type: "gcp:artifactregistry/repository:Repository", name: "registry", provider: "gcp", inputs: artifactRepository({ repositoryId: "apps", format: "DOCKER", location: "us-central1", dockerConfig: { immutableTags: true } }) },
        { type: "gcp:artifactregistry/repository:Repository", name: "hub", provider: "gcp", inputs: artifactRepository({ repositoryId: "hub", format: "DOCKER", location: "us", mode: "REMOTE_REPOSITORY" }) },
    ];
    const acr = [{ type: "azure-native:containerregistry:Registry", name: "acr", inputs: acrRegistry({ registryName: "GravityPMProd", resourceGroupName: "rg" }) }];
    const messages = async (plan: Plan) => (await findings(plan, rule)).map((v) => v.message);

    it("passes immutable-tagged ECR and Artifact Registry images and digest-pinned ACR and remote-repository images", async () => {
        const images = [`${ECR_IMAGE}:1.4.2`, "us-central1-docker.pkg.dev/gravitypm-prod/apps/api:1.4.2", `gravitypmprod.azurecr.io/api@${DIGEST}`, `us-docker.pkg.dev/gravitypm-prod/hub/library/redis@${DIGEST}`, `${ECR_IMAGE}:1.4.2@${DIGEST}`];
        expect(await findings(planOf(awsApp([{ type: DEPLOYMENT, name: "api", inputs: withImages(...images) }], [...gcp, ...acr])), rule)).toEqual([]);
    });
    it("reports images from elsewhere, floating tags and tags a push can move, init containers and CronJobs included", async () => {
        const mutable = { type: "aws:ecr/repository:Repository", name: "repo-worker", provider: "aws-primary", inputs: ecrRepository({ name: "gravitypm/worker", imageTagMutability: "MUTABLE" }) };
        const api = { type: DEPLOYMENT, name: "api", inputs: withImages("docker.io/library/nginx:1.27", `${ECR_IMAGE}:latest`, ECR_IMAGE, `${ECR_IMAGE}:latest@${DIGEST}`, `${ECR_IMAGE}@sha256:abc`) };
        const report = { type: CRON_JOB, name: "report", inputs: cronJob(podSpec({ initContainers: [container({ name: "fetch", image: "gravitypmprod.azurecr.io/api:1.4.2" })], containers: [container({ image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/gravitypm/worker:1.0" })] })) };
        const elsewhere = { type: POD, name: "debug", inputs: pod(podSpec({ initContainers: [], containers: [container({ image: "123456789012.dkr.ecr.us-west-2.amazonaws.com/gravitypm/api:1.4.2" }), container({ name: "hub", image: "us-docker.pkg.dev/gravitypm-prod/hub/library/redis:7" })] }), "app") };
        const vs = await findings(planOf(awsApp([api, report, elsewhere], [mutable, ...gcp, ...acr])), rule);
        expect(vs.map((v) => v.message)).toEqual([
            expect.stringMatching(/^Deployment api container c0: image docker\.io\/library\/nginx:1\.27 is not from a registry this stack declares/),
            expect.stringMatching(/^Deployment api container c1: image \S+:latest uses the :latest tag$/),
            expect.stringMatching(/^Deployment api container c2: image \S+ has no tag and no digest/),
            expect.stringMatching(/^Deployment api container c3: image \S+ uses the :latest tag$/),
            expect.stringMatching(/^Deployment api container c4: image \S+ has a digest that is not sha256: and 64 hex digits$/),
            expect.stringMatching(/^CronJob report init container fetch: image \S+ is pinned only by tag 1\.4\.2, and tags in Azure Container Registry gravitypmprod\.azurecr\.io are not immutable$/),
            expect.stringMatching(/^CronJob report container api: image \S+ is pinned only by tag 1\.0, and tags in ECR repository gravitypm\/worker are not immutable$/),
            expect.stringMatching(/^Pod debug container api: image \S+us-west-2\S+ is not from a registry this stack declares/),
            expect.stringMatching(/^Pod debug container hub: image \S+ is pinned only by tag 7, and tags in Artifact Registry repository hub are not immutable$/),
        ]);
        expect(urns(vs)).toEqual([prodUrn(DEPLOYMENT, "api"), prodUrn(CRON_JOB, "report"), prodUrn(POD, "debug")].sort());
    });
    it("holds IMMUTABLE_WITH_EXCLUSION tags to the exclusion filters", async () => {
        const repo = ecrRepository({ name: "gravitypm/api", imageTagMutability: "IMMUTABLE_WITH_EXCLUSION", imageTagMutabilityExclusionFilters: [{ filter: "dev-*", filterType: "WILDCARD" }] });
        const plan = planOf(awsApp([{ type: DEPLOYMENT, name: "api", inputs: withImages(`${ECR_IMAGE}:1.4.2`, `${ECR_IMAGE}:dev-42`) }]).map((r) => (r.name === "repo-api" ? { ...r, inputs: repo } : r)));
        expect(await messages(plan)).toEqual([expect.stringMatching(/container c1: image \S+:dev-42 is pinned only by tag dev-42/)]);
    });
    it("matches the repository URL once it is known (pulumi up), and judges no image or registry address unknown at preview", async () => {
        const immutable = ecrRepository({ name: "gravitypm/api", imageTagMutability: "IMMUTABLE" });
        const withUrl = { ...immutable, repositoryUrl: "210987654321.dkr.ecr.eu-west-1.amazonaws.com/gravitypm/api" };
        const app = (repo: FixtureResource["inputs"], ...images: string[]) => planOf(awsApp([{ type: DEPLOYMENT, name: "api", inputs: withImages(...images) }]).map((r) => (r.name === "repo-api" ? { ...r, inputs: repo } : r)));
        expect(await messages(app(withUrl, "210987654321.dkr.ecr.eu-west-1.amazonaws.com/gravitypm/api:2.0"))).toEqual([]);
        expect(await messages(app(immutable, "[unknown]"))).toEqual([]);
        // The repository's name is unknown: an ECR image may be its, a Docker Hub image is not.
        expect(await messages(app({ ...immutable, name: "[unknown]" }, `${ECR_IMAGE}:latest`, "nginx:1.27"))).toEqual([expect.stringMatching(/container c1: image nginx:1\.27 is not from a registry/)]);
    });
});

describe("s3-bucket-public-access-blocked", () => {
    const rule = "s3-bucket-public-access-blocked";
    const bucket = { type: "aws:s3/bucket:Bucket", name: "trail", inputs: { bucket: "gravitypm-prod-trail" } };
    const block = (flags: Record<string, boolean>, link: Partial<FixtureResource> = { dependsOn: ["trail"] }) => ({
        type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
        name: "trail-block",
        ...link,
        inputs: { bucket: "gravitypm-prod-trail", ...flags },
    });
    const ALL = { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };
    it("passes a bucket whose block sets all four flags, matched by dependency or by bucket name", async () => {
        expect(await findings(planOf([bucket, block(ALL)]), rule)).toEqual([]);
        expect(await findings(planOf([bucket, block(ALL, {})]), rule)).toEqual([]);
    });
    it("reports a bucket without a block, and one whose block leaves a flag off", async () => {
        const bare = await findings(planOf([bucket]), rule);
        expect(urns(bare)).toEqual([prodUrn(bucket.type, "trail")]);
        expect(bare[0]).toMatchObject({ enforcementLevel: "mandatory", message: expect.stringMatching(/has no s3\.BucketPublicAccessBlock/) });
        const partial = await findings(planOf([bucket, block({ ...ALL, restrictPublicBuckets: false })]), rule);
        expect(partial.map((v) => v.message)).toEqual([expect.stringMatching(/leaves restrictPublicBuckets off/)]);
    });
    it("counts an account-wide block, and judges the deprecated BucketV2 too", async () => {
        const account = { type: "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock", name: "account", inputs: ALL };
        expect(await findings(planOf([bucket, account]), rule)).toEqual([]);
        const v2 = { ...bucket, type: "aws:s3/bucketV2:BucketV2" };
        expect(urns(await findings(planOf([v2]), rule))).toEqual([prodUrn(v2.type, "trail")]);
    });
});

describe("s3-bucket-encrypted-cmk", () => {
    const rule = "s3-bucket-encrypted-cmk";
    const bucket = { type: "aws:s3/bucket:Bucket", name: "trail", inputs: { bucket: "gravitypm-prod-trail" } };
    const sse = (byDefault: Record<string, unknown>, type = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration") => ({
        type,
        name: "trail-sse",
        dependsOn: ["trail"],
        inputs: { bucket: "gravitypm-prod-trail", rules: [{ applyServerSideEncryptionByDefault: byDefault, bucketKeyEnabled: true }] },
    });
    it("passes SSE-KMS with the stack key, under either token, and a key created in the same update", async () => {
        expect(await findings(planOf([bucket, sse({ sseAlgorithm: "aws:kms", kmsMasterKeyId: "arn:aws:kms:us-east-1:123456789012:key/primary" })]), rule)).toEqual([]);
        const v2 = "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2";
        expect(await findings(planOf([bucket, sse({ sseAlgorithm: "aws:kms", kmsMasterKeyId: "[unknown]" }, v2)]), rule)).toEqual([]);
    });
    it("reports no configuration, SSE-S3 and the AWS-managed key", async () => {
        const messages = async (extra: FixtureResource[]) => (await findings(planOf([bucket, ...extra]), rule)).map((v) => v.message);
        expect(await messages([])).toEqual([expect.stringMatching(/has no s3\.BucketServerSideEncryptionConfiguration/)]);
        expect(await messages([sse({ sseAlgorithm: "AES256" })])).toEqual([expect.stringMatching(/sseAlgorithm is "AES256"/)]);
        expect(await messages([sse({ sseAlgorithm: "aws:kms" })])).toEqual([expect.stringMatching(/kmsMasterKeyId is unset/)]);
        expect(await messages([sse({ sseAlgorithm: "aws:kms", kmsMasterKeyId: "alias/aws/s3" })])).toEqual([expect.stringMatching(/AWS-managed key/)]);
    });
    it("reads the deprecated inline block", async () => {
        const inline = { ...bucket, inputs: { ...bucket.inputs, serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: "k" } } } } };
        expect(await findings(planOf([inline]), rule)).toEqual([]);
    });
});

describe("audit-bucket-object-lock-prod", () => {
    const rule = "audit-bucket-object-lock-prod";
    const bucket = (inputs: Record<string, unknown> = { objectLockEnabled: true }) => ({ type: "aws:s3/bucket:Bucket", name: "trail-bucket", inputs: { bucket: "gravitypm-prod-trail", ...inputs } });
    const trail = { type: "aws:cloudtrail/trail:Trail", name: "trail", dependsOn: ["trail-bucket"], inputs: { s3BucketName: "gravitypm-prod-trail", isMultiRegionTrail: true } };
    const lock = (defaultRetention: Record<string, unknown>) => ({
        type: "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration",
        name: "trail-lock",
        dependsOn: ["trail-bucket"],
        inputs: { bucket: "gravitypm-prod-trail", rule: { defaultRetention } },
    });
    it("passes a prod trail bucket with Object Lock and a default retention", async () => {
        expect(await findings(planOf([bucket(), trail, lock({ mode: "COMPLIANCE", days: 365 })]), rule)).toEqual([]);
        expect(await findings(planOf([bucket(), trail, lock({ mode: "GOVERNANCE", years: 1 })]), rule)).toEqual([]);
    });
    it("reports a prod trail bucket without Object Lock or without a default retention", async () => {
        const none = await findings(planOf([bucket({}), trail]), rule);
        expect(urns(none)).toEqual([prodUrn("aws:s3/bucket:Bucket", "trail-bucket")]);
        expect(none[0]).toMatchObject({ enforcementLevel: "mandatory", message: expect.stringMatching(/objectLockEnabled is not true; no s3\.BucketObjectLockConfiguration/) });
        const noPeriod = await findings(planOf([bucket(), trail, lock({ mode: "COMPLIANCE" })]), rule);
        expect(noPeriod.map((v) => v.message)).toEqual([expect.stringMatching(/sets a default retention/)]);
    });
    it("leaves staging and buckets no trail writes to alone", async () => {
        expect(await findings(planOf([bucket({}), trail], "staging"), rule)).toEqual([]);
        expect(await findings(planOf([bucket({})]), rule)).toEqual([]);
    });
});

describe("guardduty-detector-features", () => {
    const rule = "guardduty-detector-features";
    const detector = (inputs: Record<string, unknown> = {}) => ({ type: "aws:guardduty/detector:Detector", name: "detector", inputs: { enable: true, ...inputs } });
    const feature = (name: string, extra: Record<string, unknown> = {}) => ({
        type: "aws:guardduty/detectorFeature:DetectorFeature",
        name: `feature-${name}`,
        dependsOn: ["detector"],
        inputs: { detectorId: "d", name, status: "ENABLED", ...extra },
    });
    const runtime = feature("RUNTIME_MONITORING", { additionalConfigurations: [{ name: "EKS_ADDON_MANAGEMENT", status: "ENABLED" }] });
    it("passes a detector with EKS audit logs, runtime monitoring and malware protection", async () => {
        expect(await findings(planOf([detector(), feature("EKS_AUDIT_LOGS"), runtime, feature("EBS_MALWARE_PROTECTION")]), rule)).toEqual([]);
    });
    it("reports each missing feature, an unmanaged runtime agent and a disabled detector, as advisory", async () => {
        const bare = await findings(planOf([detector()]), rule);
        expect(bare).toEqual([expect.objectContaining({ enforcementLevel: "advisory", urn: prodUrn("aws:guardduty/detector:Detector", "detector") })]);
        expect(bare[0].message).toMatch(/EKS_AUDIT_LOGS is not enabled.*RUNTIME_MONITORING.*EBS_MALWARE_PROTECTION is not enabled/);
        const unmanaged = await findings(planOf([detector(), feature("EKS_AUDIT_LOGS"), feature("RUNTIME_MONITORING"), feature("EBS_MALWARE_PROTECTION")]), rule);
        expect(unmanaged.map((v) => v.message)).toEqual([expect.stringMatching(/does not enable EKS_ADDON_MANAGEMENT/)]);
        const off = await findings(planOf([detector({ enable: false }), feature("EKS_AUDIT_LOGS"), runtime, feature("EBS_MALWARE_PROTECTION")]), rule);
        expect(off.map((v) => v.message)).toEqual([expect.stringMatching(/enable is false/)]);
    });
    it("counts a disabled feature as missing", async () => {
        const vs = await findings(planOf([detector(), feature("EKS_AUDIT_LOGS", { status: "DISABLED" }), runtime, feature("EBS_MALWARE_PROTECTION")]), rule);
        expect(vs.map((v) => v.message)).toEqual([expect.stringMatching(/EKS_AUDIT_LOGS is not enabled/)]);
    });
});

describe("gcp-audit-sink-present", () => {
    const rule = "gcp-audit-sink-present";
    const bucket = { type: "gcp:logging/projectBucketConfig:ProjectBucketConfig", name: "audit-logs", inputs: { project: "p", location: "us-central1", bucketId: "gravitypm-prod-audit" } };
    const sink = (inputs: Record<string, unknown>) => ({
        type: "gcp:logging/projectSink:ProjectSink",
        name: "audit-sink",
        dependsOn: ["audit-logs"],
        inputs: { destination: "logging.googleapis.com/projects/p/locations/us-central1/buckets/gravitypm-prod-audit", ...inputs },
    });
    it("passes a sink routing the audit logs by logName, and one with no filter", async () => {
        const filter = ["activity", "data_access"].map((id) => `logName="projects/p/logs/cloudaudit.googleapis.com%2F${id}"`).join(" OR ");
        expect(await findings(planOf([bucket, sink({ filter })]), rule)).toEqual([]);
        expect(await findings(planOf([bucket, sink({ filter: "" })]), rule)).toEqual([]);
        expect(await findings(planOf([bucket, sink({ filter, destination: "[unknown]" })]), rule)).toEqual([]);
    });
    it("reports a GCP plan whose sinks miss the audit logs or are disabled, for the stack as a whole", async () => {
        const gke = sink({ filter: 'resource.type="k8s_cluster"' });
        const vs = await findings(planOf([bucket, gke]), rule);
        expect(vs).toEqual([expect.objectContaining({ enforcementLevel: "mandatory", message: expect.stringMatching(/no logging\.ProjectSink routes cloudaudit\.googleapis\.com/) })]);
        expect(vs[0].urn).toBeUndefined();
        expect(await findings(planOf([bucket, sink({ filter: 'logName:"cloudaudit.googleapis.com"', disabled: true })]), rule)).toHaveLength(1);
    });
    it("leaves plans without GCP resources alone", async () => {
        expect(await findings(prodAws(), rule)).toEqual([]);
    });
});

describe("azure-activity-log-exported", () => {
    const rule = "azure-activity-log-exported";
    const vault = { type: "azure-native:keyvault:Vault", name: "kv", inputs: {} };
    const setting = (logs: Record<string, unknown>[]) => ({ type: "azure-native:monitor:SubscriptionDiagnosticSetting", name: "activity", inputs: { workspaceId: "/…/workspaces/audit", logs } });
    const categories = (...names: string[]) => names.map((category) => ({ category, enabled: true }));
    it("passes a subscription setting exporting the audit categories, or a category group", async () => {
        expect(await findings(planOf([vault, setting(categories("Administrative", "Security", "Policy", "Alert"))]), rule)).toEqual([]);
        expect(await findings(planOf([vault, setting([{ categoryGroup: "allLogs", enabled: true }])]), rule)).toEqual([]);
    });
    it("reports a prod Azure plan without one, and a setting that drops a category, as advisory", async () => {
        const none = await findings(planOf([vault]), rule);
        expect(none).toEqual([expect.objectContaining({ enforcementLevel: "advisory", message: expect.stringMatching(/no monitor\.SubscriptionDiagnosticSetting/) })]);
        const partial = await findings(planOf([vault, setting(categories("Administrative"))]), rule);
        expect(partial.map((v) => v.message)).toEqual([expect.stringMatching(/does not export Security, Policy/)]);
    });
    it("leaves the export to the owning stack: the ownsAccountSingletons output or config, staging, other clouds", async () => {
        expect(await findings(planOf([vault], "prod", { ownsAccountSingletons: false }), rule)).toEqual([]);
        expect(await findings(planOf([vault]), rule, { ownsAccountSingletons: false })).toEqual([]);
        expect(await findings(planOf([vault], "prod", { ownsAccountSingletons: false }), rule, { ownsAccountSingletons: true })).toHaveLength(1);
        expect(await findings(planOf([vault], "staging"), rule)).toEqual([]);
        expect(await findings(prodAws(), rule)).toEqual([]);
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
    it("azure-diagnostic-settings matches a setting by its resourceUri, and holds a storage account to its blob service", async () => {
        const rule = "azure-diagnostic-settings";
        const vault = { type: "azure-native:keyvault:Vault", name: "kv", inputs: { resourceGroupName: "rg-audit", vaultName: "gravitypm-prod-kv" } };
        const account = { type: "azure-native:storage:StorageAccount", name: "archive", inputs: { resourceGroupName: "rg-audit", accountName: "gravitypmprodaudit" } };
        const id = (armPath: string) => `/subscriptions/s/resourceGroups/RG-AUDIT/providers/${armPath}`;
        const setting = (name: string, resourceUri: string, dependsOn: string[] = []) => ({ type: "azure-native:monitor:DiagnosticSetting", name, dependsOn, inputs: { resourceUri, workspaceId: "w" } });
        // Built from names by the security baseline: no dependency, matched by the URI (case-insensitive).
        const byUri = [setting("kv-audit", id("Microsoft.KeyVault/vaults/gravitypm-prod-kv")), setting("archive-blobs", id("Microsoft.Storage/storageAccounts/gravitypmprodaudit/blobServices/default"))];
        expect(await findings(planOf([vault, account, ...byUri]), rule)).toEqual([]);
        const accountOnly = await findings(planOf([vault, account, byUri[0], setting("archive-metrics", id("Microsoft.Storage/storageAccounts/gravitypmprodaudit"))]), rule);
        expect(accountOnly.map((v) => v.message)).toEqual([expect.stringMatching(/StorageAccount archive has diagnostic settings on the account only/)]);
        // The vault's setting sends to the account: that depends on the account but is not its setting.
        const sendsThere = { ...setting("kv-to-archive", id("Microsoft.KeyVault/vaults/gravitypm-prod-kv"), ["archive"]), inputs: { resourceUri: id("Microsoft.KeyVault/vaults/gravitypm-prod-kv"), storageAccountId: id("Microsoft.Storage/storageAccounts/gravitypmprodaudit") } };
        expect(urns(await findings(planOf([vault, account, sendsThere]), rule))).toEqual([prodUrn(account.type, "archive")]);
        // A resourceUri unknown at preview: the dependency decides.
        expect(await findings(planOf([vault, account, setting("kv", "[unknown]", ["kv"]), setting("blobs", "[unknown]", ["archive"])]), rule)).toEqual([]);
    });
});

describe("cloudwatch-app-log-groups-masked-prod", () => {
    const rule = "cloudwatch-app-log-groups-masked-prod";
    const APP = "/aws/containerinsights/gravitypm-prod/application";
    const group = (name: string, logGroupName: string) => ({ type: "aws:cloudwatch/logGroup:LogGroup", name, inputs: { name: logGroupName, kmsKeyId: "k", retentionInDays: 365 } });
    const policy = (name: string, inputs: Record<string, unknown>, dependsOn: string[] = []) => ({ type: "aws:cloudwatch/logDataProtectionPolicy:LogDataProtectionPolicy", name, dependsOn, inputs });
    const appGroup = group("app", APP);
    const hostGroup = group("host", "/aws/containerinsights/gravitypm-prod/host");

    it("reports a prod application log group without a policy, and no other group", async () => {
        expect(urns(await findings(planOf([appGroup, hostGroup]), rule))).toEqual([prodUrn(appGroup.type, "app")]);
    });
    it("passes a group whose masking policy names it, by name or by dependency", async () => {
        expect(await findings(planOf([appGroup, policy("mask", { logGroupName: APP, policyDocument: dataProtectionDocument() })]), rule)).toEqual([]);
        expect(await findings(planOf([appGroup, policy("mask", { logGroupName: "[unknown]", policyDocument: dataProtectionDocument() }, ["app"])]), rule)).toEqual([]);
    });
    it("reports a group whose policy masks too little, or names another group", async () => {
        const partial = await findings(planOf([appGroup, policy("mask", { logGroupName: APP, policyDocument: dataProtectionDocument(["arn:aws:dataprotection::aws:data-identifier/EmailAddress"]) })]), rule);
        expect(partial.map((v) => v.message)).toEqual([expect.stringMatching(/does not mask every kind/)]);
        expect(urns(await findings(planOf([appGroup, policy("mask", { logGroupName: "/other", policyDocument: dataProtectionDocument() })]), rule))).toEqual([prodUrn(appGroup.type, "app")]);
    });
    it("counts the account's data protection policy for every group", async () => {
        const account = { type: "aws:cloudwatch/logAccountPolicy:LogAccountPolicy", name: "account", inputs: { policyName: "mask", policyType: "DATA_PROTECTION_POLICY", scope: "ALL", policyDocument: dataProtectionDocument() } };
        expect(await findings(planOf([appGroup, account]), rule)).toEqual([]);
        const shipping = { ...account, inputs: { ...account.inputs, policyType: "SUBSCRIPTION_FILTER_POLICY" } };
        expect(urns(await findings(planOf([appGroup, shipping]), rule))).toEqual([prodUrn(appGroup.type, "app")]);
    });
    it("asks nothing of staging, and reads the application groups from config", async () => {
        expect(await findings(planOf([appGroup], "staging"), rule)).toEqual([]);
        expect(urns(await findings(planOf([appGroup, hostGroup]), rule, { applicationLogGroups: ["/aws/containerinsights/*"] }))).toEqual([prodUrn(appGroup.type, "app"), prodUrn(appGroup.type, "host")]);
    });
});

describe("gcp-container-logs-masked-prod", () => {
    const rule = "gcp-container-logs-masked-prod";
    const kinds = ["email-address", "bearer-token", "password", "credit-card-number"];
    const filter = 'resource.type=("k8s_container" OR "k8s_pod") AND resource.labels.cluster_name="gravitypm-prod"';
    const exclusions = (only = kinds) => only.map((kind) => ({ name: `mask-${kind}`, filter: `textPayload =~ "${kind}"` }));
    const sink = (name: string, inputs: Record<string, unknown>) => ({ type: "gcp:logging/projectSink:ProjectSink", name, inputs: { destination: "logging.googleapis.com/projects/p/locations/r/buckets/b", ...inputs } });
    const projectExclusions = (only = kinds) => only.map((kind) => ({ type: "gcp:logging/projectExclusion:ProjectExclusion", name: `default-${kind}`, inputs: { name: `gravitypm-prod-mask-${kind}`, filter: "x" } }));
    const gke = { type: "gcp:container/cluster:Cluster", name: "gke", inputs: {} };

    it("passes container-log sinks and the _Default sink that exclude every kind", async () => {
        expect(await findings(planOf([gke, sink("logs", { filter, exclusions: exclusions() }), ...projectExclusions()]), rule)).toEqual([]);
    });
    it("reports a container-log sink missing a kind, or with its exclusion disabled", async () => {
        const missing = await findings(planOf([gke, sink("logs", { filter, exclusions: exclusions(kinds.slice(0, 3)) }), ...projectExclusions()]), rule);
        expect(missing.map((v) => v.message)).toEqual([expect.stringMatching(/excludes no entries carrying credit-card-number/)]);
        const disabled = exclusions().map((e, i) => (i === 0 ? { ...e, disabled: true } : e));
        expect(urns(await findings(planOf([gke, sink("logs", { filter, exclusions: disabled }), ...projectExclusions()]), rule))).toEqual([prodUrn("gcp:logging/projectSink:ProjectSink", "logs")]);
    });
    it("reports a sink without a filter (every log), and not the audit sink", async () => {
        const audit = sink("audit", { filter: 'logName:"cloudaudit.googleapis.com"' });
        expect(urns(await findings(planOf([sink("all", {}), audit]), rule))).toEqual([prodUrn("gcp:logging/projectSink:ProjectSink", "all")]);
    });
    it("reports each GKE cluster when the project's exclusions leave a kind in the _Default bucket", async () => {
        const vs = await findings(planOf([gke, ...projectExclusions(kinds.slice(1))]), rule);
        expect(vs.map((v) => v.message)).toEqual([expect.stringMatching(/_Default sink keeps cluster gke's container logs.*email-address/)]);
    });
    it("asks nothing of staging", async () => {
        expect(await findings(planOf([gke, sink("logs", { filter })], "staging"), rule)).toEqual([]);
    });
});

describe("gcp-slo-burn-rate-alert", () => {
    const rule = "gcp-slo-burn-rate-alert";
    const slo = { type: "gcp:monitoring/slo:Slo", name: "availability", inputs: { service: "gravitypm-prod-api", sloId: "availability", goal: 0.999, rollingPeriodDays: 28 } };
    const alert = (conditions: unknown[], dependsOn: string[] = []) => ({ type: "gcp:monitoring/alertPolicy:AlertPolicy", name: "burn", dependsOn, inputs: { combiner: "OR", notificationChannels: ["c"], conditions } });
    const burn = (name: string) => [{ displayName: "burn", conditionThreshold: { filter: `select_slo_burn_rate("${name}", "60m")`, comparison: "COMPARISON_GT", thresholdValue: 14.4 } }];

    it("reports an SLO nobody is alerted on", async () => {
        expect(urns(await findings(planOf([slo]), rule))).toEqual([prodUrn(slo.type, "availability")]);
        expect(urns(await findings(planOf([slo, alert(burn("projects/p/services/other/serviceLevelObjectives/availability"))]), rule))).toEqual([prodUrn(slo.type, "availability")]);
    });
    it("passes an SLO selected by a burn-rate alert, by name or by dependency", async () => {
        expect(await findings(planOf([slo, alert(burn("projects/p/services/gravitypm-prod-api/serviceLevelObjectives/availability"))]), rule)).toEqual([]);
        expect(await findings(planOf([slo, alert([{ displayName: "burn", conditionThreshold: { filter: "[unknown]" } }], ["availability"])]), rule)).toEqual([]);
    });
});

describe("cloudwatch-alarm-actions", () => {
    const rule = "cloudwatch-alarm-actions";
    const alarm = (name: string, inputs: Record<string, unknown>) => ({ type: "aws:cloudwatch/metricAlarm:MetricAlarm", name, inputs: { name, region: "us-east-1", comparisonOperator: "LessThanThreshold", evaluationPeriods: 1, ...inputs } });
    const pattern = (resources: unknown[]) => JSON.stringify({ source: ["aws.cloudwatch"], "detail-type": ["CloudWatch Alarm State Change"], resources });
    const relay = (eventPattern: string, inputs: Record<string, unknown> = {}) => [
        { type: "aws:cloudwatch/eventRule:EventRule", name: "forward", inputs: { region: "us-east-1", eventPattern, ...inputs } },
        { type: "aws:cloudwatch/eventTarget:EventTarget", name: "forward-target", dependsOn: ["forward"], inputs: { region: "us-east-1", rule: "forward", arn: "arn:aws:events:us-east-2:123456789012:event-bus/default" } },
    ];
    const down = alarm("gravitypm-staging-uptime-app-down", {});

    it("passes an alarm with an action, and reports one without or with actions disabled", async () => {
        expect(await findings(planOf([alarm("a", { alarmActions: ["arn:aws:sns:us-east-1:123456789012:alerts"] })]), rule)).toEqual([]);
        expect((await findings(planOf([down]), rule)).map((v) => v.message)).toEqual([expect.stringMatching(/fires into the void/)]);
        const disabled = await findings(planOf([alarm("b", { actionsEnabled: false, alarmActions: ["arn:aws:sns:us-east-1:123456789012:alerts"] })]), rule);
        expect(disabled.map((v) => v.message)).toEqual(["actionsEnabled is false"]);
    });
    it("passes an alarm whose state changes an EventBridge rule with a target relays, by ARN prefix or exact ARN", async () => {
        expect(await findings(planOf([down, ...relay(pattern([{ prefix: "arn:aws:cloudwatch:us-east-1:123456789012:alarm:gravitypm-staging-uptime-" }]))]), rule)).toEqual([]);
        expect(await findings(planOf([down, ...relay(pattern(["arn:aws:cloudwatch:us-east-1:123456789012:alarm:gravitypm-staging-uptime-app-down"]))]), rule)).toEqual([]);
        // A target that names its rule rather than depending on it.
        const [forward, target] = relay(pattern([{ prefix: "arn:aws:cloudwatch:us-east-1:123456789012:alarm:gravitypm-staging-" }]), { name: "relay-alarms" });
        expect(await findings(planOf([down, forward, { ...target, dependsOn: [], inputs: { ...target.inputs, rule: "relay-alarms" } }]), rule)).toEqual([]);
    });
    it("reports an alarm the relay does not select, a relay without a target, in another region or disabled", async () => {
        const others = pattern([{ prefix: "arn:aws:cloudwatch:us-east-1:123456789012:alarm:gravitypm-prod-" }]);
        expect(urns(await findings(planOf([down, ...relay(others)]), rule))).toEqual([prodUrn(down.type, down.name)]);
        const selects = pattern([{ prefix: "arn:aws:cloudwatch:us-east-1:123456789012:alarm:gravitypm-staging-" }]);
        expect(urns(await findings(planOf([down, relay(selects)[0]]), rule))).toEqual([prodUrn(down.type, down.name)]);
        expect(urns(await findings(planOf([down, ...relay(selects, { region: "us-west-2" })]), rule))).toEqual([prodUrn(down.type, down.name)]);
        expect(urns(await findings(planOf([down, ...relay(selects, { state: "DISABLED" })]), rule))).toEqual([prodUrn(down.type, down.name)]);
        const ec2 = JSON.stringify({ source: ["aws.ec2"], "detail-type": ["EC2 Instance State-change Notification"] });
        expect(urns(await findings(planOf([down, ...relay(ec2)]), rule))).toEqual([prodUrn(down.type, down.name)]);
    });
});

it("every stack rule is exercised here", () => {
    const tested = ["stack-data-store-backup", "stack-data-store-not-public", "stack-prod-stateful-protected", "stack-cmk-encryption", "stack-cmk-unsupported", "stack-prod-multi-zone", "stack-rpo-achievable", "stack-standard-tags", "aws-vpc-flow-logs", "wafv2-logging", "cloudflare-zone-tls-baseline", "cloudflare-managed-waf", "cloudflare-authenticated-origin-pulls", "azure-diagnostic-settings", "workload-namespace-default-deny", "workload-image-provenance", "s3-bucket-public-access-blocked", "s3-bucket-encrypted-cmk", "audit-bucket-object-lock-prod", "guardduty-detector-features", "gcp-audit-sink-present", "azure-activity-log-exported", "cloudwatch-app-log-groups-masked-prod", "gcp-container-logs-masked-prod", "gcp-slo-burn-rate-alert", "cloudwatch-alarm-actions"];
    expect(policies.filter((p) => "validateStack" in p).map((p) => p.name).sort()).toEqual(tested.sort());
    expect(awsSite().length).toBeGreaterThan(0);
});

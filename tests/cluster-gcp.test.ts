/**
 * The GKE cluster component on its own: what the issue requires of the cluster, node pool,
 * registry, ingress and alarms, and the GKE policy rules matching it and catching each weakening.
 */
import { maskFilter } from "../components/gcp/log-masking";
import { MASKED_DATA } from "../domain/capabilities/observability";
import * as pulumi from "@pulumi/pulumi";
import { Namespace } from "kubernetes-models/v1";
import { describe, expect, it } from "vitest";
import { GcpCluster } from "../components/gcp/cluster";
import { gkeMaintenanceWindow } from "../components/gcp/cluster-gke";
import { ingressNamespaceObject } from "../components/gcp/cluster-ingress";
import type { ClusterArgs } from "../components/contracts/cluster";
import type { GcpTypes } from "../components/gcp";
import { GKE, GKE_NODE_ROLES, INGRESS_NGINX_CHART } from "../domain/catalogs/gcp";
import { evaluatePlan } from "../tools/policy/evaluate";
import type { Plan } from "../tools/plan/types";
import { gkeLegacyAuthDisabled } from "../policy-packs/gravitypm-guard/rules/kubernetes/gke-legacy-auth-disabled";
import { gkeLoggingMonitoringShieldedNodes } from "../policy-packs/gravitypm-guard/rules/kubernetes/gke-logging-monitoring-shielded-nodes";
import { gkeNetworkPolicy } from "../policy-packs/gravitypm-guard/rules/kubernetes/gke-network-policy";
import { gkeNodePoolAutoRepairUpgrade } from "../policy-packs/gravitypm-guard/rules/kubernetes/gke-node-pool-auto-repair-upgrade";
import { gkePrivateCluster } from "../policy-packs/gravitypm-guard/rules/kubernetes/gke-private-cluster";
import { gkeSecretsEncryption } from "../policy-packs/gravitypm-guard/rules/kubernetes/gke-secrets-encryption";
import { buildComponent, CLUSTER_TEST_CIDRS, clusterArgs as sharedClusterArgs, type Spine } from "./support/component";
import { childrenOf, descendants, input, ofType, one } from "./support/plan";

const CLUSTER = "gravitypm:components:Cluster";
const GKE_CLUSTER = "gcp:container/cluster:Cluster";
const POOL = "gcp:container/nodePool:NodePool";
const REPO = "gcp:artifactregistry/repository:Repository";
const KEY = "gcp:kms/cryptoKey:CryptoKey";
const KEY_MEMBER = "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember";
const RELEASE = "kubernetes:helm.sh/v3:Release";
const CIDRS = CLUSTER_TEST_CIDRS;

/** The shared prod args with a ten-node ceiling, which the GKE totals below read. */
function clusterArgs(spine: Spine<GcpTypes>, own: Partial<ClusterArgs<GcpTypes>> = {}): ClusterArgs<GcpTypes> {
    return sharedClusterArgs(spine, { nodePool: { size: "medium", minNodes: 3, maxNodes: 10 }, ...own });
}


describe("GKE cluster, restricted endpoint, prod", () => {
    const built = buildComponent("gcp", (spine) => new GcpCluster("cluster", clusterArgs(spine)), { environment: "prod" });

    it("is a regional Standard cluster with private nodes and exactly the authorised CIDRs", async () => {
        const p = await built;
        const c = one(p, GKE_CLUSTER);
        expect(input(c, "location")).toBe("us-central1");
        expect(input(c, "enableAutopilot")).toBeUndefined();
        expect(input(c, "privateClusterConfig.enablePrivateNodes")).toBe(true);
        expect(input(c, "privateClusterConfig.enablePrivateEndpoint")).toBe(false);
        expect((input(c, "masterAuthorizedNetworksConfig.cidrBlocks") as { cidrBlock: string }[]).map((b) => b.cidrBlock)).toEqual(CIDRS);
        expect(input(c, "masterAuthorizedNetworksConfig.gcpPublicCidrsAccessEnabled")).toBe(false);
        expect(input(c, "workloadIdentityConfig.workloadPool")).toBe("gravitypm-component.svc.id.goog");
        // Workload configuration auditing on; the removed vulnerability tiers are not asked for.
        expect(input(c, "securityPostureConfig")).toEqual({ mode: "BASIC", vulnerabilityMode: "VULNERABILITY_DISABLED" });
        expect(input(c, "removeDefaultNodePool")).toBe(true);
        expect(input(c, "datapathProvider")).toBe("ADVANCED_DATAPATH");
        expect(input(c, "ipAllocationPolicy.clusterSecondaryRangeName")).toBe("pods");
        expect(c.protect).toBe(true);
        expect(input(c, "deletionProtection")).toBe(true);
    });

    it("encrypts secrets, boot disks, registry and logs with the stack key, after the agents hold it", async () => {
        const p = await built;
        const c = one(p, GKE_CLUSTER);
        expect(input(c, "databaseEncryption.state")).toBe("ENCRYPTED");
        const used = [input(c, "databaseEncryption.keyName"), input(one(p, POOL), "nodeConfig.bootDiskKmsKey"), input(one(p, REPO), "kmsKeyName"), input(one(p, "gcp:logging/projectBucketConfig:ProjectBucketConfig"), "cmekSettings.kmsKeyName")];
        expect(new Set(used).size).toBe(1);
        // The mock names a CryptoKey `<ring id>/cryptoKeys/<logical name>`: this is the stack key.
        expect(one(p, KEY, "primary-keys-key").type).toBe(KEY);
        expect(String(used[0])).toMatch(/^projects\/gravitypm-component\/locations\/us-central1\/keyRings\/.+\/cryptoKeys\/primary-keys-key$/);
        const agents = ofType(p, KEY_MEMBER).map((g) => String(input(g, "member")));
        expect(agents.some((m) => m.includes("@container-engine-robot."))).toBe(true);
        expect(agents.some((m) => m.includes("@compute-system."))).toBe(true);
        expect(agents.some((m) => m.includes("@gcp-sa-artifactregistry."))).toBe(true);
        expect(c.dependencies.some((u) => u.endsWith("::primary-keys-container-agent"))).toBe(true);
        expect(one(p, REPO).dependencies.some((u) => u.endsWith("::primary-keys-artifactregistry-agent"))).toBe(true);
        expect(one(p, POOL).dependencies.some((u) => u.endsWith("::cluster-compute-agent"))).toBe(true);
    });

    it("logs every control-plane component, kept for logRetentionDays in a locked CMEK bucket", async () => {
        const p = await built;
        expect(input(one(p, GKE_CLUSTER), "loggingConfig.enableComponents")).toEqual([...GKE.loggingComponents.value]);
        const bucket = one(p, "gcp:logging/projectBucketConfig:ProjectBucketConfig");
        expect(input(bucket, "retentionDays")).toBe(365);
        expect(input(bucket, "location")).toBe("us-central1");
        expect(input(one(p, "gcp:logging/projectSink:ProjectSink"), "filter")).toContain('cluster_name="gravitypm-component-primary"');
        // The cluster's own copy of its logs drops entries with masked data, as the stack's store does.
        const exclusions = input(one(p, "gcp:logging/projectSink:ProjectSink"), "exclusions") as { name: string; filter: string }[];
        expect(exclusions.map((e) => e.filter)).toEqual(MASKED_DATA.map(maskFilter));
    });

    it("autoscales the pool between the totals across every zone, shielded, no public IPs, own service account", async () => {
        const p = await built;
        const pool = one(p, POOL);
        expect(input(pool, "autoscaling.totalMinNodeCount")).toBe(3);
        expect(input(pool, "autoscaling.totalMaxNodeCount")).toBe(10);
        expect(input(pool, "nodeLocations")).toEqual(["us-central1-a", "us-central1-b", "us-central1-c"]);
        expect(input(pool, "initialNodeCount")).toBe(1);
        expect(input(pool, "management")).toEqual({ autoRepair: true, autoUpgrade: true });
        expect(input(pool, "nodeConfig.shieldedInstanceConfig")).toEqual({ enableSecureBoot: true, enableIntegrityMonitoring: true });
        expect(input(pool, "nodeConfig.machineType")).toBe(GKE.machineTypes.value.medium);
        expect(input(pool, "nodeConfig.workloadMetadataConfig.mode")).toBe("GKE_METADATA");
        expect(input(pool, "nodeConfig.serviceAccount")).toMatch(/^gravitypm-[a-z-]+-primary-nodes@gravitypm-component\.iam\.gserviceaccount\.com$/);
        const roles = ofType(p, "gcp:projects/iAMMember:IAMMember").filter((r) => r.name.startsWith("cluster-nodes-")).map((r) => input(r, "role"));
        expect(roles.sort()).toEqual([...GKE_NODE_ROLES.value].sort());
        expect(input(one(p, GKE_CLUSTER), "enableShieldedNodes")).toBe(true);
    });

    it("keeps a recurring window that gives GKE its 48 hours per 32 days", async () => {
        const p = await built;
        expect(input(one(p, GKE_CLUSTER), "maintenancePolicy.recurringWindow")).toEqual({ startTime: "2024-01-07T03:00:00Z", endTime: "2024-01-07T07:00:00Z", recurrence: "FREQ=WEEKLY;BYDAY=SU,MO,TU" });
        const w = gkeMaintenanceWindow({ day: "sat", startHourUtc: 22 }, 12);
        expect(w.recurrence).toBe("FREQ=WEEKLY;BYDAY=SA");
        expect(w.endTime).toBe("2024-01-07T10:00:00Z");
        expect(4 * 4 * gkeMaintenanceWindow({ day: "mon", startHourUtc: 0 }, 4).days).toBeGreaterThanOrEqual(GKE.maintenanceMinHoursPer32Days.value);
    });

    it("has an immutable, scanned, cleaned-up Docker registry in the region", async () => {
        const p = await built;
        const repo = one(p, REPO);
        expect(input(repo, "format")).toBe("DOCKER");
        expect(input(repo, "location")).toBe("us-central1");
        expect(input(repo, "dockerConfig.immutableTags")).toBe(true);
        expect(input(repo, "vulnerabilityScanningConfig.enablementConfig")).toBe("INHERITED");
        expect((input(repo, "cleanupPolicies") as unknown[]).length).toBe(2);
        expect(repo.protect).toBe(true);
        expect(ofType(p, "gcp:artifactregistry/repositoryIamMember:RepositoryIamMember")).toHaveLength(0);
    });

    it("installs ingress-nginx with the cluster's provider on a static regional address, HTTPS only", async () => {
        const p = await built;
        const provider = one(p, "pulumi:providers:kubernetes", "cluster-k8s");
        const release = one(p, RELEASE);
        expect(release.provider?.startsWith(provider.urn)).toBe(true);
        expect(input(release, "chart")).toBe(INGRESS_NGINX_CHART.name.value);
        expect(input(release, "version")).toBe(INGRESS_NGINX_CHART.version.value);
        const address = one(p, "gcp:compute/address:Address");
        expect(input(address, "addressType")).toBe("EXTERNAL");
        expect(input(address, "region")).toBe("us-central1");
        expect(input(release, "values.controller.service.type")).toBe("LoadBalancer");
        expect(input(release, "values.controller.service.enableHttp")).toBe(false);
        expect(input(release, "values.controller.service.ports")).toEqual({ https: 443 });
        expect(typeof input(release, "values.controller.service.loadBalancerIP")).toBe("string");
        expect(one(p, "kubernetes:core/v1:Namespace").provider?.startsWith(provider.urn)).toBe(true);
    });

    it("alarms to the stack's channels on GKE system metrics, with an absence alarm", async () => {
        const p = await built;
        const alarms = ofType(p, "gcp:monitoring/alertPolicy:AlertPolicy");
        expect(alarms.map((a) => a.name).sort()).toEqual(["cluster-no-nodes", "cluster-node-cpu", "cluster-restarts"]);
        expect(alarms.every((a) => (input(a, "notificationChannels") as unknown[]).length > 0)).toBe(true);
        expect(input(one(p, "gcp:monitoring/alertPolicy:AlertPolicy", "cluster-no-nodes"), "conditions")).toEqual([expect.objectContaining({ conditionAbsent: expect.anything() })]);
    });

    it("puts every child under the component, named after it, with the site's provider on GCP resources", async () => {
        const p = await built;
        const cluster = one(p, CLUSTER, "cluster");
        const children = descendants(p, cluster);
        expect(children.every((r) => r.parent === cluster.urn && r.name.startsWith("cluster-"))).toBe(true);
        expect(children.filter((r) => r.type.startsWith("gcp:")).every((r) => r.provider?.includes("::gcp-primary"))).toBe(true);
        expect(childrenOf(p, cluster, GKE_CLUSTER)).toHaveLength(1);
        expect(childrenOf(p, cluster, POOL)).toHaveLength(1);
    });

    it("validates its Namespace against the Kubernetes schema", () => {
        expect(() => new Namespace(ingressNamespaceObject()).validate()).not.toThrow();
    });
});

describe("GKE cluster, private endpoint, workload identity", () => {
    let identity: { principal: unknown } | undefined;
    const built = buildComponent("gcp", (spine) => {
        const cluster = new GcpCluster("cluster", clusterArgs(spine, { endpoint: "private", authorizedCidrs: [], protect: false, environment: "staging", nodePool: { size: "small", minNodes: 2, maxNodes: 4 } }));
        identity = cluster.workloadIdentity("api", { namespace: "app", serviceAccount: "api" });
    });

    it("has a private endpoint and no public range", async () => {
        const p = await built;
        const c = one(p, GKE_CLUSTER);
        expect(input(c, "privateClusterConfig.enablePrivateEndpoint")).toBe(true);
        expect(input(c, "masterAuthorizedNetworksConfig.cidrBlocks")).toEqual([]);
        expect(c.protect).toBe(false);
        expect(input(one(p, "gcp:logging/projectBucketConfig:ProjectBucketConfig"), "locked")).toBe(false);
    });

    it("binds a Google service account to the Kubernetes one through the workload pool", async () => {
        const p = await built;
        expect(identity).toBeDefined();
        const binding = one(p, "gcp:serviceaccount/iAMMember:IAMMember", "cluster-wi-api-user");
        expect(input(binding, "role")).toBe("roles/iam.workloadIdentityUser");
        expect(input(binding, "member")).toBe("serviceAccount:gravitypm-component.svc.id.goog[app/api]");
        expect(binding.dependencies.some((u) => u.endsWith("::cluster-cluster"))).toBe(true);
    });

    it("refuses a private endpoint with public ranges, inverted bounds and an unsupported version", async () => {
        await expect(
            buildComponent("gcp", (spine) => new GcpCluster("bad", clusterArgs(spine, { endpoint: "private", kubernetesVersion: "1.20", nodePool: { size: "small", minNodes: 5, maxNodes: 2 } }))),
        ).rejects.toThrow(/nodePool.*kubernetesVersion.*authorizedCidrs/);
    });
});

describe("GKE standby with the primary's registry, in the DR region", () => {
    const built = buildComponent(
        "gcp",
        (spine) => {
            const dr = spine.dr!;
            new GcpCluster("standby", {
                ...clusterArgs({ ...spine, ...dr }),
                role: "standby",
                nodePool: { size: "medium", minNodes: 2, maxNodes: 10 },
                primaryRegistry: { url: pulumiOutput("us-central1-docker.pkg.dev/p/images"), id: pulumiOutput("primary") },
            });
        },
        { environment: "prod", dr: { region: "us-east1", zones: ["us-east1-b", "us-east1-c", "us-east1-d"], cidr: "10.1.0.0/16" } },
    );

    it("keeps its own repository and cluster in the DR region under the DR key, at the DR minimum", async () => {
        const p = await built;
        const repo = one(p, REPO);
        expect(input(repo, "location")).toBe("us-east1");
        expect(String(input(repo, "kmsKeyName"))).toMatch(/locations\/us-east1\//);
        expect(input(one(p, GKE_CLUSTER), "location")).toBe("us-east1");
        expect(input(one(p, GKE_CLUSTER), "name")).toBe("gravitypm-component-standby");
        expect(input(one(p, POOL), "autoscaling.totalMinNodeCount")).toBe(2);
        expect(one(p, GKE_CLUSTER).provider).toMatch(/::gcp-dr$/);
    });
});

function pulumiOutput(value: string): pulumi.Output<string> {
    return pulumi.output(value);
}

const RULES = [gkePrivateCluster, gkeSecretsEncryption, gkeLegacyAuthDisabled, gkeLoggingMonitoringShieldedNodes, gkeNetworkPolicy, gkeNodePoolAutoRepairUpgrade];
type Inputs = Record<string, unknown>;
function mutate(p: Plan, type: string, change: (inputs: Inputs) => Inputs): Plan {
    return { ...p, resources: p.resources.map((r) => (r.type === type ? { ...r, inputs: change({ ...r.inputs }) } : r)) };
}
const WEAKEN: Record<string, { type: string; change: (i: Inputs) => Inputs }> = {
    "gke-private-cluster": { type: GKE_CLUSTER, change: (i) => ({ ...i, privateClusterConfig: { enablePrivateNodes: false } }) },
    "gke-secrets-encryption": { type: GKE_CLUSTER, change: (i) => ({ ...i, databaseEncryption: { state: "DECRYPTED" } }) },
    "gke-legacy-auth-disabled": { type: GKE_CLUSTER, change: (i) => ({ ...i, enableLegacyAbac: true }) },
    "gke-logging-monitoring-shielded-nodes": { type: GKE_CLUSTER, change: (i) => ({ ...i, enableShieldedNodes: false }) },
    "gke-network-policy": { type: GKE_CLUSTER, change: (i) => ({ ...i, datapathProvider: "LEGACY_DATAPATH" }) },
    "gke-node-pool-auto-repair-upgrade": { type: POOL, change: (i) => ({ ...i, management: { autoRepair: false, autoUpgrade: true } }) },
};

describe("the GKE policy rules over the cluster's plan", () => {
    const built = buildComponent("gcp", (spine) => new GcpCluster("cluster", clusterArgs(spine)), { environment: "prod" });

    it("each matches a resource and reports nothing on the compliant cluster", async () => {
        const p = await built;
        for (const rule of RULES) expect(ofType(p, WEAKEN[rule.name].type)).toHaveLength(1);
        const report = await evaluatePlan(p, { policies: RULES });
        expect(report.violations).toEqual([]);
    });

    it.each(RULES.map((r) => r.name))("%s catches its weakening", async (ruleName) => {
        const p = await built;
        const rule = RULES.find((r) => r.name === ruleName)!;
        const { type, change } = WEAKEN[ruleName];
        const report = await evaluatePlan(mutate(p, type, change), { policies: [rule] });
        expect(report.violations.map((v) => v.policyName)).toContain(ruleName);
    });
});

/**
 * The Cluster in the whole plan of every stack and cloud: one cluster with its node pool,
 * registry and ingress, a standby in prod's DR region, every in-cluster object applied through
 * that cluster's own Kubernetes provider, and compare pricing it.
 */
import { describe, expect, it } from "vitest";
import { CLOUDS, type Cloud } from "../domain/clouds";
import { estimateResource } from "../tools/compare/prices";
import { descendants, one, plan } from "./support/plan";

const CLUSTER = "gravitypm:components:Cluster";
const SERVICE: Record<Cloud, { cluster: string; pool: string; registry: string }> = {
    aws: { cluster: "aws:eks/cluster:Cluster", pool: "aws:eks/nodeGroup:NodeGroup", registry: "aws:ecr/repository:Repository" },
    gcp: { cluster: "gcp:container/cluster:Cluster", pool: "gcp:container/nodePool:NodePool", registry: "gcp:artifactregistry/repository:Repository" },
    // AKS pools are inline in the managed cluster.
    azure: { cluster: "azure-native:containerservice:ManagedCluster", pool: "azure-native:containerservice:ManagedCluster", registry: "azure-native:containerregistry:Registry" },
};

describe.each(CLOUDS)("the cluster in the %s plans", (cloud) => {
    it.each(["staging", "prod"])("%s: a cluster with nodes, registry and ingress; a standby only in prod", async (stack) => {
        const p = await plan(stack, cloud);
        const components = p.resources.filter((r) => r.type === CLUSTER).map((c) => c.name).sort();
        expect(components).toEqual(stack === "prod" ? ["cluster", "dr-cluster"] : ["cluster"]);
        const primary = descendants(p, one(p, CLUSTER, "cluster"));
        for (const type of Object.values(SERVICE[cloud])) expect(primary.some((r) => r.type === type), type).toBe(true);
        const provider = primary.find((r) => r.type === "pulumi:providers:kubernetes")!;
        const releases = primary.filter((r) => r.type === "kubernetes:helm.sh/v3:Release");
        expect(releases.length).toBeGreaterThan(0);
        for (const r of primary.filter((x) => x.type.startsWith("kubernetes:"))) expect(r.provider, r.name).toBe(provider.urn);
        expect(p.outputs.kubeconfig).toBe("[secret]");
        expect(Object.keys(p.outputs)).toEqual(expect.arrayContaining(["clusterName", "registryUrl", "ingressHostname", "ingressIp"]));
    });

    it("prices the cluster's nodes at the pool's minimum", async () => {
        const p = await plan("prod", cloud);
        const pool = descendants(p, one(p, CLUSTER, "cluster")).find((r) => r.type === SERVICE[cloud].pool)!;
        const estimate = estimateResource(pool, { databaseStorageGb: 128, clusterNodes: 3 }, p.resources);
        expect(estimate.usd, estimate.basis).toBeGreaterThan(100);
    });
});

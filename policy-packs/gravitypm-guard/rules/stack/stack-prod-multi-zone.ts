/** Prod spans at least two zones for data stores and cluster nodes [—]. */
import { dataStores, STORE_RELATED_TYPES, STORES, subnetZones } from "../../lib/datastores";
import { ENVIRONMENT_CONFIG } from "../../lib/environment";
import { stackRule, type Finding } from "../../lib/rule";
import type { StackResource, StackView } from "../../lib/stack";
import { list, records, str } from "../../lib/values";

const EKS_NODE_GROUP = "aws:eks/nodeGroup:NodeGroup";
const GKE_CLUSTER = "gcp:container/cluster:Cluster";
const GKE_NODE_POOL = "gcp:container/nodePool:NodePool";
const AKS_CLUSTER = "azure-native:containerservice:ManagedCluster";
const AKS_AGENT_POOL = "azure-native:containerservice:AgentPool";

/** A GCP location is a zone when it ends in "-<letter>" (us-central1-a). */
function gcpZones(r: StackResource): number {
    const nodeLocations = list(r.props.nodeLocations).length;
    if (nodeLocations > 0) return nodeLocations;
    const location = str(r.props.location) ?? "";
    return /-[a-z]$/.test(location) ? 1 : 3;
}

function nodeFindings(stack: StackView): Finding[] {
    const findings: Finding[] = [];
    for (const ng of stack.ofType(EKS_NODE_GROUP)) {
        const zones = subnetZones(ng, stack).size;
        if (zones < 2) findings.push({ urn: ng.urn, message: `EKS node group ${ng.name} spans ${zones} zone(s)` });
    }
    const pools = stack.ofType(GKE_NODE_POOL);
    for (const r of pools.length > 0 ? pools : stack.ofType(GKE_CLUSTER)) {
        if (gcpZones(r) < 2) findings.push({ urn: r.urn, message: `GKE ${r.type === GKE_NODE_POOL ? "node pool" : "cluster"} ${r.name} runs nodes in one zone` });
    }
    for (const aks of stack.ofType(AKS_CLUSTER)) {
        for (const pool of records(aks.props.agentPoolProfiles)) {
            if (list(pool.availabilityZones).length < 2) findings.push({ urn: aks.urn, message: `AKS agent pool ${str(pool.name) ?? "(unnamed)"} of ${aks.name} spans fewer than 2 availability zones` });
        }
    }
    for (const pool of stack.ofType(AKS_AGENT_POOL)) {
        if (list(pool.props.availabilityZones).length < 2) findings.push({ urn: pool.urn, message: `AKS agent pool ${pool.name} spans fewer than 2 availability zones` });
    }
    return findings;
}

export function multiZoneFindings(stack: StackView): Finding[] {
    if (stack.environment !== "prod") return [];
    const storeFindings = dataStores(stack)
        .filter(({ resource, spec }) => spec.secondary?.(resource.props) !== true)
        .map(({ resource, spec }) => ({ resource, spec, zones: spec.zones(resource, stack) }))
        .filter((s) => s.zones < 2)
        .map(({ resource, spec, zones }) => ({ urn: resource.urn, message: `${spec.label} ${resource.name} spans ${zones} zone(s); a zone outage takes it down` }));
    return [...storeFindings, ...nodeFindings(stack)];
}

export const stackProdMultiZone = stackRule({
    name: "stack-prod-multi-zone",
    description: "In prod every database, cache and Kubernetes node pool spans at least two availability zones.",
    explanation: "The prod SLO assumes a zone can fail; a single-zone store or node pool turns that into an outage.",
    remediation: "Spread instances and replicas across the site's zones (availabilityZone per instance, multiAzEnabled, STANDARD_HA, ZoneRedundantPreferred, zones on every agent pool, subnets in every zone).",
    enforcementLevel: "mandatory",
    area: "stack",
    anchors: [],
    types: [...Object.keys(STORES), ...STORE_RELATED_TYPES, EKS_NODE_GROUP, GKE_CLUSTER, GKE_NODE_POOL, AKS_CLUSTER, AKS_AGENT_POOL],
    defaults: {},
    configSchema: { properties: { ...ENVIRONMENT_CONFIG } },
    check: (stack) => multiZoneFindings(stack),
});

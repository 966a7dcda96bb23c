/**
 * Estimated deploy time: the critical path through the plan's dependency graph, weighting
 * each cloud resource by how long its type typically takes to create.
 *
 * Typical creation times are medians seen in provider docs and our own deploys of similar
 * stacks (minutes, rounded up): a managed database or cache dominates everything else.
 * Types not listed take DEFAULT_CREATE_SECONDS. Components and providers take no time
 * themselves; depending on a component means waiting for every resource inside it.
 */
import type { Plan, PlannedResource } from "../plan/types";

export const DEFAULT_CREATE_SECONDS = 10;

const MIN = 60;
/** Seconds to create one resource of a type, by exact token or token prefix. */
export const TYPICAL_CREATE_SECONDS: ReadonlyArray<readonly [token: string, seconds: number]> = [
    // AWS
    ["aws:docdb/cluster:Cluster", 10 * MIN],
    ["aws:docdb/clusterInstance:ClusterInstance", 9 * MIN],
    ["aws:docdb/globalCluster:GlobalCluster", 2 * MIN],
    ["aws:docdb/elasticCluster:ElasticCluster", 20 * MIN],
    ["aws:elasticache/replicationGroup:ReplicationGroup", 15 * MIN],
    ["aws:elasticache/globalReplicationGroup:GlobalReplicationGroup", 20 * MIN],
    ["aws:elasticache/serverlessCache:ServerlessCache", 5 * MIN],
    ["aws:eks/cluster:Cluster", 10 * MIN],
    ["aws:eks/nodeGroup:NodeGroup", 4 * MIN],
    ["aws:eks/addon:Addon", 2 * MIN],
    ["aws:eks/podIdentityAssociation:PodIdentityAssociation", 30],
    ["aws:ec2/natGateway:NatGateway", 2 * MIN],
    ["aws:ec2/vpcEndpoint:VpcEndpoint", 2 * MIN],
    ["aws:cloudfront/distribution:Distribution", 5 * MIN],
    ["aws:acm/certificateValidation:CertificateValidation", 5 * MIN],
    ["aws:lb/loadBalancer:LoadBalancer", 3 * MIN],
    ["aws:backup/vault:Vault", 30],
    ["aws:secretsmanager/secretVersion:SecretVersion", 5],
    // GCP
    ["gcp:container/cluster:Cluster", 8 * MIN],
    ["gcp:container/nodePool:NodePool", 4 * MIN],
    ["gcp:redis/instance:Instance", 10 * MIN],
    ["gcp:redis/cluster:Cluster", 15 * MIN],
    ["gcp:servicenetworking/connection:Connection", 2 * MIN],
    ["gcp:compute/routerNat:RouterNat", 1 * MIN],
    ["gcp:compute/router:Router", 30],
    ["gcp:compute/network:Network", 30],
    ["gcp:compute/subnetwork:Subnetwork", 20],
    ["gcp:compute/forwardingRule:ForwardingRule", 30],
    ["gcp:certificatemanager/certificate:Certificate", 10 * MIN],
    ["gcp:artifactregistry/repository:Repository", 30],
    // Kubernetes: a Helm release waits for its workloads (the ingress controller and its load balancer)
    ["kubernetes:helm.sh/v3:Release", 3 * MIN],
    // Azure
    ["azure-native:mongocluster:MongoCluster", 25 * MIN],
    ["azure-native:redis:Redis", 30 * MIN],
    ["azure-native:redis:LinkedServer", 20 * MIN],
    ["azure-native:redisenterprise:RedisEnterprise", 15 * MIN],
    ["azure-native:containerservice:ManagedCluster", 10 * MIN],
    ["azure-native:containerservice:AgentPool", 5 * MIN],
    ["azure-native:containerregistry:Registry", 1 * MIN],
    ["azure-native:containerregistry:Replication", 5 * MIN],
    ["azure-native:compute:DiskEncryptionSet", 30],
    ["azure-native:network:NatGateway", 1 * MIN],
    ["azure-native:network:PrivateEndpoint", 2 * MIN],
    ["azure-native:network:VirtualNetwork", 15],
    ["azure-native:network:FlowLog", 1 * MIN],
    ["azure-native:keyvault:Vault", 1 * MIN],
    ["azure-native:cdn:Profile", 2 * MIN],
    ["azure-native:cdn:AFDCustomDomain", 10 * MIN],
    ["azure-native:storage:StorageAccount", 30],
    // MongoDB Atlas, Cloudflare
    ["mongodbatlas:index/advancedCluster:AdvancedCluster", 12 * MIN],
    ["mongodbatlas:index/privateLinkEndpoint:PrivateLinkEndpoint", 3 * MIN],
    ["mongodbatlas:index/privateLinkEndpointService:PrivateLinkEndpointService", 3 * MIN],
    ["mongodbatlas:index/encryptionAtRest:EncryptionAtRest", 1 * MIN],
    ["cloudflare:", 5],
];

export function createSeconds(type: string): number {
    for (const [token, seconds] of TYPICAL_CREATE_SECONDS) {
        if (type === token || (token.endsWith(":") && type.startsWith(token))) return seconds;
    }
    return DEFAULT_CREATE_SECONDS;
}

/** Only cloud resources take time; the stack, components and providers are bookkeeping. */
function takesTime(r: PlannedResource): boolean {
    return r.custom && !r.type.startsWith("pulumi:providers:");
}

export interface CriticalPath {
    readonly seconds: number;
    /** URNs on the longest chain, first created first. */
    readonly path: readonly string[];
}

/**
 * The longest chain of dependent creations. `durationOf` gives each resource's time;
 * a dependency on a component expands to every resource inside it.
 */
export function criticalPath(resources: readonly PlannedResource[], durationOf: (r: PlannedResource) => number = (r) => createSeconds(r.type)): CriticalPath {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const children = new Map<string, string[]>();
    for (const r of resources) {
        if (r.parent) children.set(r.parent, [...(children.get(r.parent) ?? []), r.urn]);
    }
    const expand = (urn: string, seen = new Set<string>()): string[] => {
        const r = byUrn.get(urn);
        if (!r || seen.has(urn)) return [];
        seen.add(urn);
        if (takesTime(r)) return [urn];
        return (children.get(urn) ?? []).flatMap((c) => expand(c, seen));
    };
    const finish = new Map<string, { seconds: number; via?: string }>();
    const visiting = new Set<string>();
    const finishOf = (urn: string): { seconds: number; via?: string } => {
        const known = finish.get(urn);
        if (known) return known;
        if (visiting.has(urn)) throw new Error(`dependency cycle through ${urn}`);
        visiting.add(urn);
        const r = byUrn.get(urn)!;
        let start = 0;
        let via: string | undefined;
        for (const dep of r.dependencies.flatMap((d) => expand(d))) {
            const f = finishOf(dep).seconds;
            if (f > start) {
                start = f;
                via = dep;
            }
        }
        visiting.delete(urn);
        const result = { seconds: start + (takesTime(r) ? durationOf(r) : 0), via };
        finish.set(urn, result);
        return result;
    };
    let end: string | undefined;
    let longest = 0;
    for (const r of resources.filter(takesTime)) {
        const f = finishOf(r.urn).seconds;
        if (f > longest) {
            longest = f;
            end = r.urn;
        }
    }
    const path: string[] = [];
    for (let cur = end; cur; cur = finish.get(cur)?.via) path.unshift(cur);
    return { seconds: longest, path };
}

export function planDeploySeconds(plan: Plan): CriticalPath {
    return criticalPath(plan.resources);
}

import { IAMMember as ServiceAccountIAMMember } from "@pulumi/gcp/serviceaccount/iammember";
import { Account } from "@pulumi/gcp/serviceaccount/account";
import { Provider as K8sProvider } from "@pulumi/kubernetes/provider";
import * as pulumi from "@pulumi/pulumi";
import { authorizedCidrProblem, KUBERNETES_VERSIONS } from "../../domain/capabilities/cluster";
import { GKE, GKE_METADATA_SERVER_ENDPOINTS, GKE_ROLES } from "../../domain/catalogs/gcp";
import { CLUSTER_TYPE, type Cluster, type ClusterArgs, type CredentialEndpoint, type Registry, type ReleaseNoticeArgs, type WorkloadIdentity, type WorkloadIdentityArgs } from "../contracts/cluster";
import { assertBuildable, type BuildProblem } from "../shared/buildable";
import { gcpAccountId, gkeCluster, gkeKubeconfig } from "./cluster-gke";
import { gkeAlarms } from "./cluster-alarms";
import { gcpIngress } from "./cluster-ingress";
import { gkeLogStore } from "./cluster-logs";
import { gcpRegistry } from "./cluster-registry";
import { gcpReleaseNotice } from "./cluster-release-notice";
import type { GcpTypes } from ".";
import { INGRESS_NGINX_CONTROLLER } from "../shared/ingress-nginx";

/** What GKE or the contract cannot build, named by arg. */
export function gkeClusterProblems(args: ClusterArgs<GcpTypes>): BuildProblem[] {
    const problems: BuildProblem[] = [];
    const { minNodes, maxNodes } = args.nodePool;
    if (!Number.isInteger(minNodes) || !Number.isInteger(maxNodes) || minNodes < 0 || maxNodes < Math.max(1, minNodes)) {
        problems.push({ key: "nodePool", message: `minNodes ${minNodes} / maxNodes ${maxNodes}: whole numbers with 0 <= minNodes <= maxNodes and maxNodes >= 1` });
    }
    if (!KUBERNETES_VERSIONS.gcp.value.includes(args.kubernetesVersion)) {
        problems.push({ key: "kubernetesVersion", message: `${args.kubernetesVersion} is not a GKE minor version in standard support (${KUBERNETES_VERSIONS.gcp.value.join(", ")})` });
    }
    if (args.endpoint === "restricted" && args.authorizedCidrs.length === 0) {
        problems.push({ key: "authorizedCidrs", message: "a restricted endpoint needs at least one authorised range" });
    }
    if (args.endpoint === "private" && args.authorizedCidrs.length > 0) {
        problems.push({ key: "authorizedCidrs", message: "a private endpoint admits no public range: use endpoint restricted, or drop the ranges" });
    }
    for (const cidr of args.authorizedCidrs) {
        const problem = authorizedCidrProblem(cidr);
        if (problem) problems.push({ key: "authorizedCidrs", message: problem });
    }
    if (args.maintenanceHours < GKE.maintenanceMinContiguousHours.value) {
        problems.push({ key: "maintenanceHours", message: `${args.maintenanceHours}: GKE counts only windows of ${GKE.maintenanceMinContiguousHours.value} hours or more` });
    }
    if (args.repositories.length === 0) problems.push({ key: "repositories", message: "at least one image name" });
    return problems;
}

/**
 * GKE Standard, regional: private nodes in the app subnet's primary range (pods and services
 * in its secondary ranges) across the site's zones; the API private, or public to the
 * authorised ranges only; Workload Identity; secrets, boot disks, registry and log bucket
 * under the stack key; shielded nodes; Dataplane V2; a release channel and a recurring
 * maintenance window. The default pool is replaced by one managed pool that autoscales
 * between the configured totals.
 *
 * The deploying identity administers the cluster through IAM: `roles/container.admin` (or
 * owner/editor) on the project is project-level, so the stack grants nothing. With `endpoint: private` the API answers only inside the VPC, so `pulumi up`
 * (and the Helm release here) must run from there (a runner in the network, or IAP/VPN).
 */
export class GcpCluster extends pulumi.ComponentResource implements Cluster {
    public readonly clusterName: pulumi.Output<string>;
    public readonly kubeconfig: pulumi.Output<string>;
    public readonly provider: K8sProvider;
    public readonly oidcIssuer: pulumi.Output<string>;
    public readonly registry: Registry;
    public readonly ingressHostname: pulumi.Output<string>;
    public readonly ingressIp: pulumi.Output<string>;
    public readonly ingressController = INGRESS_NGINX_CONTROLLER;
    /** The GKE metadata server. */
    public readonly credentialEndpoints: readonly CredentialEndpoint[] = [...GKE_METADATA_SERVER_ENDPOINTS.value];
    /** The Workload Identity pool every Kubernetes service account is a member of. */
    public readonly workloadPool: string;
    private readonly args: ClusterArgs<GcpTypes>;
    private readonly gke: pulumi.Resource;
    private readonly componentName: string;
    /** The GKE cluster's name, known before the cluster exists. */
    private readonly gkeName: string;

    constructor(name: string, args: ClusterArgs<GcpTypes>, opts?: pulumi.ComponentResourceOptions) {
        super(CLUSTER_TYPE, name, {}, opts);
        assertBuildable(this, `Cluster ${name}`, gkeClusterProblems(args));
        this.args = args;
        this.componentName = name;
        const { site } = args;
        this.workloadPool = `${site.project}.svc.id.goog`;

        const { cluster, nodePool, clusterName } = gkeCluster(name, args, this);
        this.gke = cluster;
        this.gkeName = clusterName;
        gkeLogStore(name, args, clusterName, this);
        const { registry } = gcpRegistry(name, args, this);

        this.kubeconfig = gkeKubeconfig(cluster);
        this.provider = new K8sProvider(`${name}-k8s`, { kubeconfig: this.kubeconfig }, { parent: this });
        const { address } = gcpIngress(name, args, this.provider, [nodePool], this);
        gkeAlarms(name, args, clusterName, [nodePool], this);

        this.clusterName = cluster.name;
        this.oidcIssuer = pulumi.interpolate`https://container.googleapis.com/v1/projects/${site.project}/locations/${site.region}/clusters/${cluster.name}`;
        this.registry = registry;
        // The Edge reaches the origin by address; there is no load balancer host name on GCP.
        this.ingressIp = address.address;
        this.ingressHostname = address.address;
        this.registerOutputs({ clusterName: this.clusterName, oidcIssuer: this.oidcIssuer, registryUrl: registry.url, ingressIp: this.ingressIp });
    }

    /**
     * A Google service account the Kubernetes service account `namespace/serviceAccount`
     * acts as. The pool exists only once the cluster does, so the binding waits for it.
     */
    workloadIdentity(name: string, args: WorkloadIdentityArgs): WorkloadIdentity {
        const { site } = this.args;
        const child = { parent: this, provider: site.provider };
        const account = new Account(
            `${this.componentName}-wi-${name}`,
            { project: site.project, accountId: gcpAccountId(`${site.namePrefix}-${this.args.role === "standby" ? "dr" : "pri"}`, name), displayName: `${args.namespace}/${args.serviceAccount} (GKE Workload Identity)` },
            child,
        );
        new ServiceAccountIAMMember(
            `${this.componentName}-wi-${name}-user`,
            { serviceAccountId: account.name, role: GKE_ROLES.workloadIdentityUser.value, member: `serviceAccount:${this.workloadPool}[${args.namespace}/${args.serviceAccount}]` },
            { ...child, dependsOn: [this.gke] },
        );
        return {
            principal: account.email,
            serviceAccountAnnotations: account.email.apply((email) => ({ [GKE.workloadIdentityAnnotation.value]: email })),
            podLabels: {},
        };
    }

    /**
     * A log-match alert policy on the cluster's Admin Activity audit entries of writes to the
     * record, notifying the stack's channels with the caller's identity (child `<cluster>-<name>`).
     */
    releaseNotice(name: string, args: ReleaseNoticeArgs): pulumi.Resource {
        return gcpReleaseNotice(this.componentName, name, { site: this.args.site, clusterName: this.gkeName, channels: this.args.alerts.targetIds, notice: args }, this);
    }
}

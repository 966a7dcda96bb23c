/**
 * Cluster: the Kubernetes cluster GravityPM runs on, with its container registry and the
 * public entry point (an ingress controller behind a cloud load balancer in the public
 * subnets) that the Edge sends traffic to.
 *
 * Secure by default on every cloud: the API endpoint is private, or public only to the
 * authorised ranges; Kubernetes secrets are envelope-encrypted with the stack key; control-
 * plane logs go to an encrypted log store; nodes have no public IPs, no SSH, and run in the
 * private app subnets across the region's zones with autoscaling bounds from config.
 */
import type * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import type { ClusterEndpoint, Environment, MaintenanceWindow, Size } from "../../domain/stack-config";
import type { CloudTypes } from "./cloud";

export const CLUSTER_TYPE = "gravitypm:components:Cluster";

/** The cluster's role: the serving cluster, or the DR region's warm standby. */
export type ClusterRole = "primary" | "standby";

export interface NodePoolArgs {
    /** Size tier; each cloud maps it to a machine type from its catalog. */
    readonly size: Size;
    /** Totals across the pool's zones (GKE `totalMinNodeCount`/`totalMaxNodeCount`). */
    readonly minNodes: number;
    readonly maxNodes: number;
}

export interface ClusterArgs<T extends CloudTypes> {
    readonly site: T["site"];
    /** Encrypts Kubernetes secrets, node disks, the registry and the control-plane logs. */
    readonly keys: T["keys"];
    /** Nodes go in its private app subnets, the load balancer in its public subnets. */
    readonly network: T["network"];
    /** Where the cluster's health alarms notify. */
    readonly alerts: T["alerts"];
    readonly environment: Environment;
    readonly role: ClusterRole;
    /** Kubernetes minor version, e.g. "1.35" (checked against the service at config time). */
    readonly kubernetesVersion: string;
    readonly nodePool: NodePoolArgs;
    readonly maintenanceWindow: MaintenanceWindow;
    /** Hours each maintenance window lasts (`MAINTENANCE_WINDOW_HOURS`). */
    readonly maintenanceHours: number;
    readonly endpoint: ClusterEndpoint;
    /** The ranges a `restricted` endpoint admits; empty for `private`. */
    readonly authorizedCidrs: readonly string[];
    /** Days control-plane and registry logs are kept. */
    readonly logRetentionDays: number;
    /**
     * The registry of the primary cluster, which a standby replicates from (or reads) instead of
     * owning its own repositories; absent on the primary, which creates the registry.
     */
    readonly primaryRegistry?: Registry;
    /** The names of the app's container images (one repository each). */
    readonly repositories: readonly string[];
    /** `protect` on the cluster and the registry. Prod: true. */
    readonly protect: boolean;
}

/** The container registry the cluster pulls from. */
export interface Registry {
    /** Where images are pushed: `<host>/<path>` to which a repository name is appended. */
    readonly url: pulumi.Output<string>;
    /** The registry's cloud id (ECR registry id, Artifact Registry repository id, ACR id). */
    readonly id: pulumi.Output<string>;
}

/** A Kubernetes service account bound to a cloud identity (IRSA/Pod Identity, GKE Workload Identity, AKS workload identity). */
export interface WorkloadIdentityArgs {
    readonly namespace: string;
    readonly serviceAccount: string;
}

export interface WorkloadIdentity {
    /** The cloud identity the pods act as (IAM role ARN, Google service account email, managed identity client id). */
    readonly principal: pulumi.Output<string>;
    /** Annotations the Kubernetes ServiceAccount needs so its pods receive that identity. */
    readonly serviceAccountAnnotations: pulumi.Output<Record<string, string>>;
    /** Labels the pods need (AKS workload identity); empty elsewhere. */
    readonly podLabels: Record<string, string>;
}

/** The in-cluster ingress controller: the app's Ingress names its class, and the app's
 * NetworkPolicy admits only its pods. */
export interface IngressController {
    readonly className: string;
    readonly namespace: string;
    /** Labels that select the controller's pods. */
    readonly podLabels: Readonly<Record<string, string>>;
}

/** A node-local address pods reach for their workload identity's credentials (an agent or
 * metadata server); a default-deny egress policy must let the app reach it. */
export interface CredentialEndpoint {
    readonly cidr: string;
    readonly port: number;
}

/**
 * The app's release record: a ConfigMap the app writes on every promotion, rollback or tag
 * change. The cluster's audit log sees every write to it, so the notice needs no code running
 * in the cluster and names who made the change where the cloud's audit entry carries it.
 */
export interface ReleaseNoticeArgs {
    readonly namespace: string;
    /** The ConfigMap's name. */
    readonly configMapName: string;
    /** One line for the alert: stack, active colour and each colour's tags. The record depends on
     * the notice, so the alert already carries the new line when the write it reports happens. */
    readonly summary: string;
}

export interface Cluster {
    readonly clusterName: pulumi.Output<string>;
    /** A kubeconfig that authenticates with the cloud's exec credential plugin. Secret. */
    readonly kubeconfig: pulumi.Output<string>;
    /** A Kubernetes provider bound to this cluster; every in-cluster resource uses it. */
    readonly provider: k8s.Provider;
    readonly oidcIssuer: pulumi.Output<string>;
    readonly registry: Registry;
    /** The public entry point of the ingress load balancer: the Edge's origin. */
    readonly ingressHostname: pulumi.Output<string>;
    /** Its address where the cloud gives one (GCP, Azure); empty on AWS, whose load balancer has a name only. */
    readonly ingressIp: pulumi.Output<string>;
    readonly ingressController: IngressController;
    /** Where pods fetch workload-identity credentials; empty where they come from a projected token alone. */
    readonly credentialEndpoints: readonly CredentialEndpoint[];
    /** Creates a cloud identity for a Kubernetes service account; the app issue grants it access. */
    workloadIdentity(name: string, args: WorkloadIdentityArgs): WorkloadIdentity;
    /**
     * Notifies the stack's alert target (the cluster's `alerts`) when the release record is
     * written, from the cluster's audit log. Returns the resource the record must depend on.
     */
    releaseNotice(name: string, args: ReleaseNoticeArgs): pulumi.Resource;
}

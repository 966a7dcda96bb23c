/**
 * GravityApp: GravityPM's backend API and web frontend on a cluster, released blue-green.
 * Cloud-neutral: it speaks only Kubernetes, through the cluster's provider, so the same
 * component runs on EKS, GKE and AKS, in the primary region and on the DR standby.
 *
 * Both colours of each service always run, each with its own autoscaler of the same bounds; the
 * stable Services select the active colour and the preview Services the idle one. Promotion and
 * rollback change only those selectors (and the release record the deployment notice watches),
 * never a Deployment, so the colour taking traffic is already warm and the old one stays up.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { AppColour, AppHosts, AppImages, AppService, ProbePaths, ReplicaBounds } from "../../domain/capabilities/app";
import type { Environment } from "../../domain/stack-config";
import type { Cluster } from "./cluster";

export const GRAVITY_APP_TYPE = "gravitypm:components:GravityApp";

/** What the API connects to, as seen from the cluster's region. */
export interface AppDataTier {
    /** MongoDB URI with the credential: a secret, delivered to the pods as a Kubernetes Secret. */
    readonly databaseConnectionString: pulumi.Output<string>;
    /** `rediss://` URL with the credential: a secret, delivered the same way. */
    readonly cacheConnectionString: pulumi.Output<string>;
    /** The private ranges the data stores (and their private endpoints) answer in: the only
     * internal addresses the API may open connections to. */
    readonly cidrs: readonly string[];
}

/** Sign-in, from the Identity component: public settings for both services, the API client's credential for the backend. */
export interface AppIdentity {
    readonly issuerUrl: pulumi.Output<string>;
    readonly jwksUrl: pulumi.Output<string>;
    readonly webClientId: pulumi.Output<string>;
    readonly signInUrl: pulumi.Output<string>;
    readonly signOutUrl: pulumi.Output<string>;
    readonly apiClientId: pulumi.Output<string>;
    /** Secret: delivered to the backend as a Kubernetes Secret. */
    readonly apiClientSecret: pulumi.Output<string>;
}

export interface GravityAppArgs {
    /** The cluster the app runs on: its provider, registry, ingress controller and workload identities. */
    readonly cluster: Cluster;
    readonly environment: Environment;
    /** Names the stack in the release record and the notice. */
    readonly stack: string;
    /** The cluster's Kubernetes minor version: the Pod Security Standard version the namespace enforces. */
    readonly kubernetesVersion: string;
    readonly activeColour: AppColour;
    readonly images: AppImages;
    /** Per service, the same for both colours. */
    readonly replicas: Readonly<Record<AppService, ReplicaBounds>>;
    readonly probes: Readonly<Record<AppService, ProbePaths>>;
    readonly hosts: AppHosts;
    readonly data: AppDataTier;
    readonly identity: AppIdentity;
    /** Each service's error-tracking DSN (secret), when error tracking is on. */
    readonly errorTracking?: { readonly dsns: Readonly<Record<AppService, pulumi.Output<string>>> };
    /**
     * Whether this copy announces releases through the cluster's release notice: the primary
     * does; the DR copy changes in the same `pulumi up`, so a second notice would only repeat it.
     */
    readonly announceReleases: boolean;
}

export interface GravityApp {
    readonly namespace: pulumi.Output<string>;
    /** The stable Services' names per service: what the Ingress routes to. */
    readonly stableServices: Readonly<Record<AppService, pulumi.Output<string>>>;
    /** The cloud identity the backend's pods act as (granted access by the components that need it). */
    readonly backendPrincipal: pulumi.Output<string>;
}

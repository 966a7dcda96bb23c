import { Provider } from "@pulumi/gcp/provider";
import { Service } from "@pulumi/gcp/projects/service";
import { ServiceIdentity } from "@pulumi/gcp/projects/serviceIdentity";
import * as pulumi from "@pulumi/pulumi";
import { siteFromArgs, type Site, type SiteArgs } from "../contracts/site";

export const PROJECT_SERVICES_TYPE = "gravitypm:gcp:ProjectServices";

/**
 * The APIs the stack calls. A new project has most of them disabled, and every create
 * fails with "API has not been used in project" until they are on.
 */
export const GCP_APIS: readonly string[] = [
    "cloudkms.googleapis.com", // Keys
    "compute.googleapis.com", // Network
    "servicenetworking.googleapis.com", // Network: private services access
    "logging.googleapis.com", // Network: subnet flow logs
    "monitoring.googleapis.com", // Alerts
    "redis.googleapis.com", // Cache (Memorystore), and its CMEK service agent
    "secretmanager.googleapis.com", // Database and Cache: connection strings, and Secret Manager's CMEK service agent
    "networkconnectivity.googleapis.com", // Cache: the Private Service Connect policy Memorystore for Redis Cluster needs
    "iam.googleapis.com", // Cache: the DR export's service account and custom roles
    "cloudscheduler.googleapis.com", // Cache: the daily DR export of a Memorystore instance
    "storage.googleapis.com", // Cache: the DR export bucket, and Cloud Storage's CMEK service agent
    "container.googleapis.com", // Cluster (GKE), and its CMEK service agent (secrets encryption)
    "artifactregistry.googleapis.com", // Cluster: the image registry, and its CMEK service agent
    "containerscanning.googleapis.com", // Cluster: vulnerability scanning of pushed images
];

/** Services whose Google-managed service agent encrypts with the stack key (CMEK). */
export const CMEK_SERVICES: readonly string[] = ["redis.googleapis.com", "secretmanager.googleapis.com", "container.googleapis.com", "artifactregistry.googleapis.com"];

export interface CmekAgent {
    readonly service: string;
    readonly member: pulumi.Output<string>;
}

/** `redis.googleapis.com` → `redis`: the resource-name part for a service. */
export function serviceShortName(service: string): string {
    return service.split(".")[0];
}

/**
 * Project-wide set-up shared by every region: the APIs enabled and the CMEK service agents
 * generated. A service agent exists only once generated, and an IAM grant to one that
 * does not exist yet fails, so Keys grants to the identities created here.
 */
export class GcpProjectServices extends pulumi.ComponentResource {
    /** The service agents that use the stack key, by service, as IAM members (`serviceAccount:…`). */
    public readonly cmekAgents: readonly CmekAgent[];

    constructor(name: string, args: { project: string; provider: pulumi.ProviderResource }, opts?: pulumi.ComponentResourceOptions) {
        super(PROJECT_SERVICES_TYPE, name, {}, opts);
        const child = { parent: this, provider: args.provider };
        const apis = new Map(
            GCP_APIS.map((service) => [
                service,
                // Left on at destroy: other workloads in the project may use the same API.
                new Service(`${name}-${serviceShortName(service)}`, { project: args.project, service, disableOnDestroy: false }, child),
            ]),
        );
        this.cmekAgents = CMEK_SERVICES.map((service) => ({
            service,
            member: new ServiceIdentity(`${name}-${serviceShortName(service)}-agent`, { project: args.project, service }, { ...child, dependsOn: apis.get(service) })
                .member,
        }));
        this.registerOutputs({ cmekAgents: this.cmekAgents.map((a) => a.member) });
    }
}

export interface GcpSite extends Site {
    readonly project: string;
    /** The project's APIs and service agents: every resource here depends on them. */
    readonly services: GcpProjectServices;
}

/**
 * A site factory for one project: one explicit provider per region, with the standard tags
 * as default labels (the tag map is already lowercase and label-safe) so every labelled
 * resource carries them. The project's services are set up once, with the first site's
 * provider, and shared by every region.
 */
export function gcpSites(project: string): (name: string, args: SiteArgs) => GcpSite {
    let services: GcpProjectServices | undefined;
    return (name, args) => {
        const provider = new Provider(`gcp-${name}`, {
            project,
            region: args.placement.region,
            defaultLabels: { ...args.tags },
        });
        services ??= new GcpProjectServices("project-services", { project, provider });
        return { ...siteFromArgs(args, provider), project, services };
    };
}

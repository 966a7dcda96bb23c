/**
 * What a cloud provides to the platform: one factory per contract. `program/platform.ts`
 * composes these without knowing which cloud it runs on; `program/cloud-loader.ts` loads only
 * the chosen cloud's implementation.
 *
 * The type bundle `T` carries each cloud's own subtypes (an Azure site has a resource
 * group, AWS keys have an ARN, …) so implementations consume each other's specifics with
 * full types while the platform sees only the contracts.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { Cloud } from "../../domain/clouds";
import type { Alerts, AlertsArgs } from "./alerts";
import type { Cache, CacheArgs } from "./cache";
import type { Cluster, ClusterArgs } from "./cluster";
import type { Database, DatabaseArgs } from "./database";
import type { Identity, IdentityArgs } from "./identity";
import type { Keys, KeysArgs } from "./keys";
import type { Network, NetworkArgs } from "./network";
import type { Observability, ObservabilityArgs } from "./observability";
import type { SecurityBaseline, SecurityBaselineArgs } from "./security-baseline";
import type { Site, SiteArgs } from "./site";

export interface CloudTypes {
    readonly site: Site;
    readonly keys: Keys;
    readonly network: Network;
    readonly alerts: Alerts;
}

export type Factory<A, R> = (name: string, args: A, opts?: pulumi.ComponentResourceOptions) => R;

export interface CloudImplementation<T extends CloudTypes> {
    readonly cloud: Cloud;
    /** Explicit provider (and scope, e.g. resource group) for one region. */
    readonly site: (name: string, args: SiteArgs) => T["site"];
    readonly keys: Factory<KeysArgs<T["site"]>, T["keys"]>;
    readonly alerts: Factory<AlertsArgs<T["site"], T["keys"]>, T["alerts"]>;
    readonly network: Factory<NetworkArgs<T["site"], T["keys"]>, T["network"]>;
    readonly cache: Factory<CacheArgs<T>, Cache>;
    /** The cloud's native MongoDB-compatible service, or Atlas on this cloud (`engine: atlas`). */
    readonly database: Factory<DatabaseArgs<T>, Database>;
    /** Kubernetes with its registry and ingress; the DR region's standby takes `role: "standby"`. */
    readonly cluster: Factory<ClusterArgs<T>, Cluster>;
    /** Sign-in: the cloud's identity service, or Auth0 on this cloud (`settings.provider: auth0`). */
    readonly identity: Factory<IdentityArgs<T>, Identity>;
    /** Logs with masking, managed metrics, a dashboard, uptime checks and SLO alerts. */
    readonly observability: Factory<ObservabilityArgs<T>, Observability>;
    /** Audit trail, diagnostic settings and threat detection; built last, so it sees every resource. */
    readonly securityBaseline: Factory<SecurityBaselineArgs<T>, SecurityBaseline>;
}

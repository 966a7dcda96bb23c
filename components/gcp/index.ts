/**
 * The GCP implementation of every contract. Loaded only when a stack's cloud is gcp.
 */
import { AtlasDatabase } from "../atlas/database";
import { Auth0Identity } from "../auth0/identity";
import type { CloudImplementation } from "../contracts/cloud";
import { GcpAlerts } from "./alerts";
import { gcpAtlasSide } from "./atlas";
import { GcpCache } from "./cache";
import { GcpCluster } from "./cluster";
import { GcpKeys } from "./keys";
import { GcpNetwork } from "./network";
import { GcpIdentity } from "./identity";
import { GcpObservability } from "./observability";
import { GcpSecurityBaseline } from "./security-baseline";
import { gcpSites, type GcpSite } from "./site";


export interface GcpTypes {
    readonly site: GcpSite;
    readonly keys: GcpKeys;
    readonly network: GcpNetwork;
    readonly alerts: GcpAlerts;
}

export function gcpCloud(settings: { project: string }): CloudImplementation<GcpTypes> {
    return {
        cloud: "gcp",
        site: gcpSites(settings.project),
        keys: (name, args, opts) => new GcpKeys(name, args, opts),
        alerts: (name, args, opts) => new GcpAlerts(name, args, opts),
        network: (name, args, opts) => new GcpNetwork(name, args, opts),
        cache: (name, args, opts) => new GcpCache(name, args, opts),
        cluster: (name, args, opts) => new GcpCluster(name, args, opts),
        // Google Cloud has no managed MongoDB: `native` and `atlas` both mean Atlas on GCP.
        database: (name, args, opts) => new AtlasDatabase(name, args, gcpAtlasSide, opts),
        identity: (name, args, opts) => (args.settings.provider === "auth0" ? new Auth0Identity(name, args, opts) : new GcpIdentity(name, args, opts)),
        observability: (name, args, opts) => new GcpObservability(name, args, opts),
        securityBaseline: (name, args, opts) => new GcpSecurityBaseline(name, args, opts),
    };
}

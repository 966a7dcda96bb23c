/**
 * The Azure implementation of every contract. Loaded only when a stack's cloud is azure.
 */
import { AtlasDatabase } from "../atlas/database";
import { Auth0Identity } from "../auth0/identity";
import type { CloudImplementation } from "../contracts/cloud";
import { AzureAlerts } from "./alerts";
import { azureAtlasSide } from "./atlas";
import { AzureCache } from "./cache";
import { AzureCluster } from "./cluster";
import { AzureCosmosMongo } from "./database";
import { AzureKeys } from "./keys";
import { AzureNetwork } from "./network";
import { AzureIdentity } from "./identity";
import { AzureObservability } from "./observability";
import { AzureSecurityBaseline } from "./security-baseline";
import { azureSite, type AzureSite } from "./site";

export interface AzureTypes {
    readonly site: AzureSite;
    readonly keys: AzureKeys;
    readonly network: AzureNetwork;
    readonly alerts: AzureAlerts;
}

export function azureCloud(): CloudImplementation<AzureTypes> {
    return {
        cloud: "azure",
        site: azureSite,
        keys: (name, args, opts) => new AzureKeys(name, args, opts),
        alerts: (name, args, opts) => new AzureAlerts(name, args, opts),
        network: (name, args, opts) => new AzureNetwork(name, args, opts),
        cache: (name, args, opts) => new AzureCache(name, args, opts),
        cluster: (name, args, opts) => new AzureCluster(name, args, opts),
        database: (name, args, opts) =>
            args.engine === "atlas" ? new AtlasDatabase(name, args, azureAtlasSide, opts) : new AzureCosmosMongo(name, args, opts),
        identity: (name, args, opts) => (args.settings.provider === "auth0" ? new Auth0Identity(name, args, opts) : new AzureIdentity(name, args, opts)),
        observability: (name, args, opts) => new AzureObservability(name, args, opts),
        securityBaseline: (name, args, opts) => new AzureSecurityBaseline(name, args, opts),
    };
}

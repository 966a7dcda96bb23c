/**
 * The cloud side of MongoDB Atlas. `components/atlas/` builds the Atlas project, cluster,
 * backups, auditing and alerts the same way on every cloud; what only the hosting cloud can
 * do — let Atlas use the stack's key, open a private endpoint from the stack's network to
 * Atlas, store the connection string in the cloud's secret store — each cloud provides
 * through this interface, so the Atlas component imports no cloud SDK.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { CloudTypes } from "./cloud";
import type { ConnectionSecretArgs } from "./connection-secret";
import type { DataRegion } from "./region";

export type AtlasProviderName = "AWS" | "GCP" | "AZURE";

export interface AtlasSideOptions {
    /** The Atlas component: parent of everything the cloud side creates. */
    readonly parent: pulumi.Resource;
    /** The explicit Atlas provider, for the Atlas resources the cloud side registers. */
    readonly atlasProvider: pulumi.ProviderResource;
}

export interface AtlasEncryptionArgs<T extends CloudTypes> {
    readonly projectId: pulumi.Output<string>;
    readonly site: T["site"];
    readonly keys: T["keys"];
    /** Azure: the object id of Atlas's service principal in the tenant, which Atlas acts as. */
    readonly azureServicePrincipalId?: string;
}

export interface AtlasPrivateEndpointArgs<T extends CloudTypes> extends DataRegion<T> {
    readonly projectId: pulumi.Output<string>;
    /** Resources Atlas's endpoint service must wait for (the project's regional endpoint mode). */
    readonly dependsOn: readonly pulumi.Resource[];
}

export interface AtlasPrivateEndpoint {
    /** Atlas's record of the cloud endpoint; the cluster's private connection strings exist once it is available. */
    readonly registration: pulumi.Resource;
    /** The cloud endpoint's id as Atlas lists it under the cluster's private connection strings. */
    readonly endpointId: pulumi.Output<string>;
}

export interface AtlasCloudSide<T extends CloudTypes> {
    readonly providerName: AtlasProviderName;
    /** Atlas's name for a region of this cloud, e.g. us-east-1 → US_EAST_1, us-central1 → CENTRAL_US. */
    atlasRegion(region: string): string;
    /**
     * Lets Atlas encrypt with the stack key (a cloud identity for Atlas and its grant on the
     * key, registered through Atlas cloud provider access) and turns on project encryption at
     * rest with it. Returns the EncryptionAtRest resource: clusters must wait for it.
     */
    encryptionAtRest(name: string, args: AtlasEncryptionArgs<T>, opts: AtlasSideOptions): pulumi.Resource;
    /** Atlas's endpoint service in one region, the cloud endpoint in the region's data tier
     * that connects to it, and Atlas's registration of that endpoint. */
    privateEndpoint(name: string, args: AtlasPrivateEndpointArgs<T>, opts: AtlasSideOptions): AtlasPrivateEndpoint;
    /** Stores a connection string in the cloud's secret store, encrypted with the stack key; returns its id. */
    connectionSecret(name: string, args: ConnectionSecretArgs<T>, parent: pulumi.Resource): pulumi.Output<string>;
}

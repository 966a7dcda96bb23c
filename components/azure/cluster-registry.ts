/**
 * The cluster's Azure Container Registry. The primary creates a Premium registry encrypted with
 * the stack key, closed to public networks and reached through a private endpoint; a DR standby
 * creates no registry of its own but a geo-replica of the primary's in its region (ACR Premium
 * replication), so its nodes keep pulling when the primary region is lost, plus its own private
 * endpoint. ACR repositories are not Azure resources: they appear on the first push.
 */
import { Registry as AcrRegistry } from "@pulumi/azure-native/containerregistry/registry";
import { Replication } from "@pulumi/azure-native/containerregistry/replication";
import * as pulumi from "@pulumi/pulumi";
import { RandomString } from "@pulumi/random/randomString";
import { AZURE_PRIVATE_LINK_REGISTRY } from "../../domain/catalogs/azure";
import type { Registry } from "../contracts/cluster";
import { fitName } from "../shared/naming";
import { dataStorePrivateEndpoint } from "./data-store";
import type { AzureKeys } from "./keys";
import { NAME_SUFFIX_LENGTH, SITE_ROLE_CODES } from "./naming";
import type { AzureNetwork } from "./network";
import type { AzureSite } from "./site";

/** Registry names: 5-50 letters and digits, globally unique (`<name>.azurecr.io`). */
export const REGISTRY_NAME_MAX = 50;

/** Untagged manifests (overwritten tags' old images) are deleted after this many days. */
export const UNTAGGED_RETENTION_DAYS = 7;

/** `<prefix><role>acr<suffix>`, e.g. `gravitypmprodpriacr1a2b3c`. */
export function registryName(namePrefix: string, role: AzureSite["role"], suffix: string): string {
    const name = fitName(namePrefix, {
        max: REGISTRY_NAME_MAX,
        tail: `${SITE_ROLE_CODES[role]}acr${suffix}`,
        invalid: { chars: /[^A-Za-z0-9-]/, replace: "drop" },
        collapseHyphens: false,
        shrink: "project-first",
        separator: "",
    });
    if (!/^[a-z0-9]{5,50}$/.test(name)) throw new Error(`"${name}" is not a valid container registry name (5-50 lowercase letters and digits)`);
    return name;
}

/** ACR repository names: lowercase letters, digits and `._-/` separators (the pipeline pushes them). */
export function repositoryNameProblem(repository: string): string | undefined {
    return /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/.test(repository)
        ? undefined
        : `${repository} is not a valid repository name (lowercase letters, digits, and . _ - / between them)`;
}

/** The resource group and name in an ACR resource id (`/subscriptions/…/resourceGroups/<rg>/providers/Microsoft.ContainerRegistry/registries/<name>`). */
export function registryIdParts(id: string): { resourceGroupName: string; registryName: string } {
    const match = /\/resourceGroups\/([^/]+)\/providers\/Microsoft\.ContainerRegistry\/registries\/([^/]+)$/i.exec(id);
    if (!match) throw new Error(`${id} is not an Azure Container Registry id`);
    return { resourceGroupName: match[1], registryName: match[2] };
}

export interface ClusterRegistryArgs {
    readonly site: AzureSite;
    readonly keys: AzureKeys;
    readonly network: AzureNetwork;
    readonly protect: boolean;
    /** The primary's registry, on a standby: replicated into this region instead of a new registry. */
    readonly primaryRegistry?: Registry;
}

/**
 * The primary's registry (child `<name>-registry`) or the standby's replica of it
 * (`<name>-registry-replica`), and a private endpoint in this region's data subnet with the
 * `privatelink.azurecr.io` zone (`<name>-registry-endpoint` …).
 */
export function clusterRegistry(name: string, args: ClusterRegistryArgs, parent: pulumi.Resource): Registry {
    const { site, keys, network } = args;
    const child = { parent, provider: site.provider };
    let registry: Registry;
    // The standby's endpoint waits for the replica, so it exposes this region's data endpoint.
    let endpointTarget: pulumi.Output<string>;
    if (args.primaryRegistry) {
        const primary = args.primaryRegistry.id.apply(registryIdParts);
        // The replica is a child of the primary registry (in its resource group); only its
        // location is this region. Images pushed to the primary replicate here on their own.
        const replica = new Replication(
            `${name}-registry-replica`,
            {
                resourceGroupName: primary.resourceGroupName,
                registryName: primary.registryName,
                replicationName: site.location,
                location: site.location,
                zoneRedundancy: "Enabled",
                regionEndpointEnabled: true,
                tags: { ...site.tags },
            },
            { ...child, protect: args.protect },
        );
        registry = args.primaryRegistry;
        endpointTarget = pulumi.all([registry.id, replica.id]).apply(([id]) => id);
    } else {
        const suffix = new RandomString(
            `${name}-registry-suffix`,
            { length: NAME_SUFFIX_LENGTH, special: false, upper: false, numeric: true, lower: true },
            { parent },
        );
        const acr = new AcrRegistry(
            `${name}-registry`,
            {
                registryName: suffix.result.apply((s) => registryName(site.namePrefix, site.role, s)),
                resourceGroupName: site.resourceGroupName,
                location: site.location,
                // Premium: the only tier with customer-managed keys, private endpoints and geo-replication.
                sku: { name: "Premium" },
                adminUserEnabled: false,
                anonymousPullEnabled: false,
                publicNetworkAccess: "Disabled",
                // Trusted Microsoft services (Defender's image scanning among them) still reach it.
                networkRuleBypassOptions: "AzureServices",
                // Per-region data endpoints, which the private endpoint exposes privately.
                dataEndpointEnabled: true,
                zoneRedundancy: "Enabled",
                identity: { type: "UserAssigned", userAssignedIdentities: pulumi.output(keys.identityId).apply((id) => ({ [id]: {} })) },
                encryption: {
                    status: "enabled",
                    // Versionless: the registry follows the key's rotations.
                    keyVaultProperties: { keyIdentifier: keys.keyId, identity: keys.identityClientId },
                },
                policies: {
                    // Images leave the registry only by pull, never by export.
                    exportPolicy: { status: "disabled" },
                    retentionPolicy: { status: "enabled", days: UNTAGGED_RETENTION_DAYS },
                },
                tags: { ...site.tags },
            },
            // The identity's grant on the vault must have propagated before the registry wraps its key.
            { ...child, protect: args.protect, dependsOn: [keys.keyAccess] },
        );
        site.diagnostics.register({ name: `${name}-registry`, kind: "containerRegistry", resourceId: acr.id });
        registry = { url: acr.loginServer, id: acr.id };
        endpointTarget = acr.id;
    }
    dataStorePrivateEndpoint(
        `${name}-registry`,
        { site, network, store: "registry", targetId: endpointTarget, target: AZURE_PRIVATE_LINK_REGISTRY.value, dnsZoneConfigName: "registry" },
        parent,
    );
    return registry;
}

import { Secret } from "@pulumi/azure-native/keyvault/secret";
import * as pulumi from "@pulumi/pulumi";
import type { ConnectionSecretArgs } from "../contracts/connection-secret";
import type { AzureTypes } from ".";

/** `<purpose>-connection-string`: Key Vault secret names allow letters, digits and hyphens, and
 * the vault is already the stack's own. */
export function azureSecretName(purpose: string): string {
    return `${purpose}-connection-string`;
}

/**
 * A Key Vault secret holding a connection string, in the stack's vault (HSM-backed, RBAC,
 * purge-protected, closed to the internet) and, in prod, a copy in the DR region's vault so
 * workloads failed over there read it locally. Written through Azure Resource Manager, which
 * reaches the vault however closed its network is. Returns the primary secret's URI.
 */
export function azureConnectionSecret(name: string, args: ConnectionSecretArgs<AzureTypes>, parent: pulumi.Resource): pulumi.Output<string> {
    return azureRegionalSecrets(name, args, {}, parent);
}

/**
 * As {@link azureConnectionSecret}, with a value of its own for the DR region's vault where the
 * DR copy is reached differently (a geo-replicated cache member has its own host and key):
 * each region's vault then holds what works in that region. Same secret name in both vaults,
 * so workloads read `<purpose>-connection-string` wherever they run.
 */
export function azureRegionalSecrets(
    name: string,
    args: ConnectionSecretArgs<AzureTypes>,
    values: { readonly dr?: pulumi.Input<string> },
    parent: pulumi.Resource,
): pulumi.Output<string> {
    const regions = [
        { role: "primary", site: args.site, keys: args.keys, value: args.value },
        ...(args.dr ? [{ role: "dr", ...args.dr, value: values.dr ?? args.value }] : []),
    ];
    const secrets = regions.map(
        (r) =>
            new Secret(
                `${name}-${r.role}-secret`,
                {
                    resourceGroupName: r.site.resourceGroupName,
                    vaultName: r.keys.vaultName,
                    secretName: azureSecretName(args.purpose),
                    properties: { value: pulumi.secret(r.value), contentType: args.description, attributes: { enabled: true } },
                    tags: { ...r.site.tags },
                },
                { parent, provider: r.site.provider, protect: args.protect },
            ),
    );
    // The versionless URI (what the CSI driver and app settings reference); built from the
    // secret's name so it depends on the secret, without reading `properties`, whose secret
    // `value` would make the whole URI secret.
    return pulumi.all([args.keys.vaultUri, secrets[0].name]).apply(([vaultUri, secretName]) => `${vaultUri.replace(/\/$/, "")}/secrets/${secretName}`);
}

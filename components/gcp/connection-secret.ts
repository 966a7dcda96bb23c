import { Secret } from "@pulumi/gcp/secretmanager/secret";
import { SecretVersion } from "@pulumi/gcp/secretmanager/secretVersion";
import * as pulumi from "@pulumi/pulumi";
import type { ConnectionSecretArgs } from "../contracts/connection-secret";
import type { GcpTypes } from ".";

/** `<prefix>-<purpose>-connection-string`: Secret Manager ids allow no `/`. */
export function gcpSecretId(namePrefix: string, purpose: string): string {
    return `${namePrefix}-${purpose}-connection-string`;
}

/**
 * A Secret Manager secret holding a connection string, replicated only where the stack runs
 * (the primary region and, in prod, the DR region), each replica encrypted with its own
 * region's stack key (CMEK needs the key in the replica's location). Returns the secret id.
 */
export function gcpConnectionSecret(name: string, args: ConnectionSecretArgs<GcpTypes>, parent: pulumi.Resource): pulumi.Output<string> {
    const { site } = args;
    const regions = [{ site, keys: args.keys }, ...(args.dr ? [args.dr] : [])];
    const secret = new Secret(
        `${name}-secret`,
        {
            project: site.project,
            secretId: gcpSecretId(site.namePrefix, args.purpose),
            annotations: { description: args.description },
            replication: {
                userManaged: {
                    replicas: regions.map((r) => ({ location: r.site.region, customerManagedEncryption: { kmsKeyName: r.keys.keyId } })),
                },
            },
            deletionProtection: args.protect,
        },
        // The keys grant Secret Manager's service agent use of the key; the secret waits for that.
        { parent, provider: site.provider, protect: args.protect, dependsOn: [site.services, ...regions.map((r) => r.keys)] },
    );
    new SecretVersion(`${name}-secret-value`, { secret: secret.id, secretData: pulumi.secret(args.value) }, { parent, provider: site.provider });
    return secret.id;
}

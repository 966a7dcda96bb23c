import { Secret } from "@pulumi/aws/secretsmanager/secret";
import { SecretVersion } from "@pulumi/aws/secretsmanager/secretVersion";
import * as pulumi from "@pulumi/pulumi";
import type { ConnectionSecretArgs } from "../contracts/connection-secret";
import type { AwsTypes } from ".";

/** `<prefix>/<purpose>/connection-string`: the path workloads' IAM policies grant. */
export function awsSecretName(namePrefix: string, purpose: string): string {
    return `${namePrefix}/${purpose}/connection-string`;
}

/**
 * A Secrets Manager secret holding a connection string, encrypted with the stack key and, in
 * prod, replicated to the DR region under that region's key so workloads failed over there
 * read it locally. Returns the secret's ARN (what IAM policies and the CSI driver reference).
 */
export function awsConnectionSecret(name: string, args: ConnectionSecretArgs<AwsTypes>, parent: pulumi.Resource): pulumi.Output<string> {
    const provider = args.site.provider;
    const secret = new Secret(
        `${name}-secret`,
        {
            name: awsSecretName(args.site.namePrefix, args.purpose),
            description: args.description,
            kmsKeyId: args.keys.keyArn,
            replicas: args.dr ? [{ region: args.dr.site.region, kmsKeyId: args.dr.keys.keyArn }] : undefined,
            // The longest window: a secret deleted by mistake can be restored for 30 days.
            recoveryWindowInDays: 30,
        },
        { parent, provider, protect: args.protect },
    );
    new SecretVersion(`${name}-secret-value`, { secretId: secret.id, secretString: pulumi.secret(args.value) }, { parent, provider });
    return secret.arn;
}

import { Secret } from "@pulumi/aws/secretsmanager/secret";
import { SecretVersion } from "@pulumi/aws/secretsmanager/secretVersion";
import * as pulumi from "@pulumi/pulumi";
import type { AwsKeys } from "./keys";
import type { AwsSite } from "./site";

export interface AwsConnectionSecretArgs {
    readonly site: AwsSite;
    readonly keys: AwsKeys;
    /** Prod: the secret is replicated to the DR region, encrypted there with that region's key,
     * so workloads failed over to the DR region read it locally. */
    readonly dr?: { readonly site: AwsSite; readonly keys: AwsKeys };
    /** Physical name, e.g. `gravitypm-prod/database/connection-string`. */
    readonly secretName: string;
    readonly description: string;
    readonly value: pulumi.Input<string>;
    readonly protect: boolean;
}

/**
 * A Secrets Manager secret holding a connection string, encrypted with the stack key. Returns
 * the secret's ARN (what workloads' IAM policies and the CSI driver reference).
 */
export function awsConnectionSecret(name: string, args: AwsConnectionSecretArgs, parent: pulumi.Resource): pulumi.Output<string> {
    const provider = args.site.provider;
    const secret = new Secret(
        `${name}-secret`,
        {
            name: args.secretName,
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

/**
 * Keys: the stack's customer-managed encryption key in one region, rotated automatically.
 * Every encrypted resource of the site uses it, so revoking it cuts off the whole stack's data.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { Site } from "./site";

export const KEYS_TYPE = "gravitypm:components:Keys";

export interface KeysArgs<S extends Site> {
    readonly site: S;
    /** Days between automatic rotations (`KEY_ROTATION_DAYS` in domain/capabilities/keys.ts). */
    readonly rotationDays: number;
    /** Protect the key (and the vault that holds it) from deletion. Prod: true. */
    readonly protect: boolean;
}

export interface Keys {
    /** The key's identifier as the cloud's encrypted resources reference it:
     * AWS key ARN, GCP CryptoKey id, Azure Key Vault versionless key URI. */
    readonly keyId: pulumi.Output<string>;
    readonly rotationDays: number;
}

import { CryptoKey } from "@pulumi/gcp/kms/cryptoKey";
import { CryptoKeyIAMMember } from "@pulumi/gcp/kms/cryptoKeyIAMMember";
import { KeyRing } from "@pulumi/gcp/kms/keyRing";
import * as pulumi from "@pulumi/pulumi";
import { GCP_ROLES } from "../../domain/catalogs/gcp";
import { KEYS_TYPE, type Keys, type KeysArgs } from "../contracts/keys";
import { serviceShortName, type GcpSite } from "./site";

/** Cloud KMS requires a rotation period longer than one day; our rule (CK_GCP_43) caps it at 90. */
export const GCP_MIN_ROTATION_DAYS = 2;
export const GCP_MAX_ROTATION_DAYS = 90;

const SECONDS_PER_DAY = 86_400;

export function validateGcpRotationDays(days: number): string | undefined {
    if (!Number.isInteger(days) || days < GCP_MIN_ROTATION_DAYS || days > GCP_MAX_ROTATION_DAYS) {
        return `rotationDays ${days} is outside ${GCP_MIN_ROTATION_DAYS}-${GCP_MAX_ROTATION_DAYS}: Cloud KMS needs more than a day and the stack rule allows at most ${GCP_MAX_ROTATION_DAYS}`;
    }
    return undefined;
}

/** Cloud KMS takes durations as seconds with an `s` suffix, e.g. 90 days → "7776000s". */
export function gcpRotationPeriod(days: number): string {
    return `${days * SECONDS_PER_DAY}s`;
}

/**
 * The stack's customer-managed Cloud KMS key in one region (Memorystore and other regional
 * services only accept a key in their own region), rotated automatically, with the
 * service agents that encrypt with it granted encrypt/decrypt on this key alone.
 */
export class GcpKeys extends pulumi.ComponentResource implements Keys {
    /** The CryptoKey id (`projects/…/locations/…/keyRings/…/cryptoKeys/…`): what `customerManagedKey`, `kmsKeyName` and `databaseEncryption.keyName` take. */
    public readonly keyId: pulumi.Output<string>;
    public readonly keyRingId: pulumi.Output<string>;
    /** The key's current primary version (`…/cryptoKeyVersions/N`): what services that pin a
     * version (MongoDB Atlas encryption at rest) take; it moves on at each rotation. */
    public readonly primaryVersionId: pulumi.Output<string>;
    public readonly rotationDays: number;

    constructor(name: string, args: KeysArgs<GcpSite>, opts?: pulumi.ComponentResourceOptions) {
        super(KEYS_TYPE, name, {}, opts);
        this.rotationDays = args.rotationDays;
        const problem = validateGcpRotationDays(this.rotationDays);
        if (problem) throw new pulumi.ResourceError(problem, this);

        const { site } = args;
        const child = { parent: this, provider: site.provider, dependsOn: [site.services] };
        // Key rings and keys can never be deleted in GCP (a destroy only forgets the ring and
        // destroys the key's versions), and their names can never be reused. Pulumi's
        // auto-naming gives a recreated stack fresh names instead of a name collision.
        const ring = new KeyRing(`${name}-ring`, { project: site.project, location: site.region }, { ...child, protect: args.protect });
        const key = new CryptoKey(
            `${name}-key`,
            {
                keyRing: ring.id,
                purpose: "ENCRYPT_DECRYPT",
                rotationPeriod: gcpRotationPeriod(this.rotationDays),
                // Destroying a key destroys every version, and with them all data they encrypt.
                deletionPolicy: args.protect ? "PREVENT" : "DELETE",
            },
            { ...child, protect: args.protect },
        );
        site.services.cmekAgents.forEach(
            ({ service, member }) =>
                new CryptoKeyIAMMember(
                    `${name}-${serviceShortName(service)}-agent`,
                    { cryptoKeyId: key.id, role: GCP_ROLES.kmsEncrypterDecrypter.value, member },
                    child,
                ),
        );
        this.keyRingId = ring.id;
        this.keyId = key.id;
        this.primaryVersionId = key.primaries.apply((primaries) => primaries[0]?.name ?? "");
        this.registerOutputs({ keyId: this.keyId });
    }
}

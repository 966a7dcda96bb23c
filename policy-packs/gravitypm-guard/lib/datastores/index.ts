/**
 * What the stack rules know about each kind of data store: its ports, where its key is
 * referenced, the backups it keeps by itself, how many zones it spans, whether it has a
 * public endpoint and whether it replicates to another region. One entry per type token,
 * so a new store type is one entry in its cloud's module (aws, gcp, azure, atlas) and every
 * stack rule covers it. The shared types and the coverage maths live in ./coverage.
 */
import type { StackResource, StackView } from "../stack";
import { ATLAS_RELATED_TYPES, ATLAS_STORES, atlasScheduleCoverage } from "./atlas";
import { AWS_RELATED_TYPES, AWS_STORES, awsBackupCoverage } from "./aws";
import { AZURE_RELATED_TYPES, AZURE_STORES, azureBackupCoverage } from "./azure";
import type { Coverage, StoreSpec } from "./coverage";
import { GCP_RELATED_TYPES, GCP_STORES, gcpBackupCoverage } from "./gcp";

export { cronIntervalMinutes, regionOf, retentionOf, type Coverage, type StoreKind, type StoreSpec } from "./coverage";
export { subnetZones } from "./aws";
export { exportDestination } from "./gcp";

export const KEY_TYPES = ["aws:kms/key:Key", "aws:kms/replicaKey:ReplicaKey", "gcp:kms/cryptoKey:CryptoKey", "azure-native:keyvault:Key"];

export const STORES: Readonly<Record<string, StoreSpec>> = { ...AWS_STORES, ...GCP_STORES, ...AZURE_STORES, ...ATLAS_STORES };

/** Every token this module reads, for the rules' type lists (and the SDK guard test). */
export const STORE_RELATED_TYPES: readonly string[] = [...KEY_TYPES, ...AWS_RELATED_TYPES, ...GCP_RELATED_TYPES, ...AZURE_RELATED_TYPES, ...ATLAS_RELATED_TYPES];

export interface DataStore {
    readonly resource: StackResource;
    readonly spec: StoreSpec;
}

export function dataStores(stack: StackView): DataStore[] {
    return stack.resources.flatMap((r) => {
        const spec = STORES[r.type];
        return spec ? [{ resource: r, spec }] : [];
    });
}

/** Every backup mechanism covering the store, its own first. */
export function coveragesOf(store: DataStore, stack: StackView): Coverage[] {
    const own = store.spec.ownBackup?.(store.resource, stack);
    return [
        ...(own ? [own] : []),
        ...awsBackupCoverage(store.resource, stack),
        ...gcpBackupCoverage(store.resource, stack),
        ...azureBackupCoverage(store.resource, stack),
        ...atlasScheduleCoverage(store.resource, stack),
    ];
}

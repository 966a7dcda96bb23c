/**
 * The settings an ElastiCache global-datastore secondary takes from its primary, which the
 * cache rules therefore check on the primary only. The pack ships alone, so this is its own
 * copy of the project's catalog entry (domain/catalogs/aws.ts ELASTICACHE_SECONDARY_INHERITED);
 * tests/catalog-pack-agreement.test.ts keeps the two in agreement.
 */
export const ELASTICACHE_SECONDARY_INHERITS = ["authToken", "transitEncryptionEnabled", "transitEncryptionMode", "atRestEncryptionEnabled"] as const;

export type InheritedSetting = (typeof ELASTICACHE_SECONDARY_INHERITS)[number];

/** Whether a replication group is a global-datastore secondary that inherits `setting`. */
export function inheritsFromPrimary(props: Readonly<Record<string, unknown>>, setting: InheritedSetting): boolean {
    const secondary = props.globalReplicationGroupId !== undefined && props.globalReplicationGroupId !== null && props.globalReplicationGroupId !== "";
    return secondary && ELASTICACHE_SECONDARY_INHERITS.includes(setting);
}

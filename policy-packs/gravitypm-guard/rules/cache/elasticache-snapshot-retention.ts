/** ElastiCache keeps snapshots at least the cache minimum [cdk-nag AwsSolutions-AEC]. */
import { ENVIRONMENT_CONFIG } from "../../lib/environment";
import { daysSchema, resourceRule } from "../../lib/rule";
import { num, shown, type Props } from "../../lib/values";
import { REPLICATION_GROUP, SERVERLESS_CACHE } from "./elasticache-encrypted-at-rest";

export interface CacheRetentionConfig extends Record<string, unknown> {
    readonly minimumRetentionDays: number;
    readonly prodMinimumRetentionDays: number;
}

/** A cache is rebuilt from the database, so staging keeps a day of snapshots (warm restarts)
 * and prod a week (the stack profiles' cacheSnapshotRetentionDays). */
export const CACHE_RETENTION_DEFAULTS: CacheRetentionConfig = { minimumRetentionDays: 1, prodMinimumRetentionDays: 7 };
export const CACHE_RETENTION_SCHEMA = {
    properties: {
        minimumRetentionDays: daysSchema("Fewest days cache snapshots must be kept outside prod.", 1),
        prodMinimumRetentionDays: daysSchema("Fewest days cache snapshots must be kept in prod.", 7),
        ...ENVIRONMENT_CONFIG,
    },
};

export function cacheMinimumDays(config: CacheRetentionConfig, environment: string): number {
    return environment === "prod" ? config.prodMinimumRetentionDays : config.minimumRetentionDays;
}

export function elasticacheRetentionProblems(props: Props, config: CacheRetentionConfig, environment: string): string[] {
    const minimum = cacheMinimumDays(config, environment);
    // Unset is 0: no automatic snapshots at all.
    const days = num(props.snapshotRetentionLimit) ?? 0;
    return days >= minimum ? [] : [`snapshotRetentionLimit is ${shown(props.snapshotRetentionLimit)}; the ${environment} minimum is ${minimum} day${minimum === 1 ? "" : "s"}`];
}

export const elasticacheSnapshotRetention = resourceRule({
    name: "elasticache-snapshot-retention",
    description: "ElastiCache caches keep automatic snapshots for at least the cache minimum (per environment).",
    explanation: "With no snapshots a cache failure cold-starts every session and queue held in Redis.",
    remediation: "Set snapshotRetentionLimit to the stack's cacheSnapshotRetentionDays.",
    enforcementLevel: "mandatory",
    area: "cache",
    anchors: ["NAG AwsSolutions-AEC"],
    types: [REPLICATION_GROUP, SERVERLESS_CACHE],
    defaults: CACHE_RETENTION_DEFAULTS,
    configSchema: CACHE_RETENTION_SCHEMA,
    check: (props, ctx) => elasticacheRetentionProblems(props, ctx.config, ctx.environment),
});

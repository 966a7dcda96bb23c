/** Memorystore clusters keep backups or persistence [—]. */
import { resourceRule } from "../../lib/rule";
import { durationDays, get, shown, str, type Props } from "../../lib/values";
import { CACHE_RETENTION_DEFAULTS, CACHE_RETENTION_SCHEMA, cacheMinimumDays, type CacheRetentionConfig } from "./elasticache-snapshot-retention";
import { GCP_REDIS_CLUSTER, MEMORYSTORE_INSTANCE } from "./gcp-redis-cluster-encryption";

export function gcpRedisClusterBackupProblems(props: Props, config: CacheRetentionConfig, environment: string): string[] {
    const problems: string[] = [];
    const mode = str(get(props, "persistenceConfig.mode"));
    if (mode !== "RDB" && mode !== "AOF") problems.push(`persistenceConfig.mode is ${shown(mode)}; a node restart loses its keys`);
    const minimum = cacheMinimumDays(config, environment);
    const retention = get(props, "automatedBackupConfig.retention");
    const days = durationDays(retention);
    if (props.automatedBackupConfig === undefined) problems.push("automatedBackupConfig is unset; there are no restorable backups");
    else if (days === undefined || days < minimum) problems.push(`automatedBackupConfig.retention is ${shown(retention)}; the ${environment} minimum is ${minimum} days`);
    return problems;
}

export const gcpRedisClusterBackup = resourceRule({
    name: "gcp-redis-cluster-backup",
    description: "Memorystore clusters and Valkey/Redis instances persist data and keep automated backups for the cache minimum.",
    explanation: "Persistence survives restarts; automated backups survive deletion and corruption.",
    remediation: 'Set persistenceConfig.mode "RDB" (or "AOF") and automatedBackupConfig { fixedFrequencySchedule, retention: "<days*86400>s" }.',
    enforcementLevel: "mandatory",
    area: "cache",
    anchors: [],
    types: [GCP_REDIS_CLUSTER, MEMORYSTORE_INSTANCE],
    defaults: CACHE_RETENTION_DEFAULTS,
    configSchema: CACHE_RETENTION_SCHEMA,
    check: (props, ctx) => gcpRedisClusterBackupProblems(props, ctx.config, ctx.environment),
});

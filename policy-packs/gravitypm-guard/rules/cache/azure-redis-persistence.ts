/** Azure Cache for Redis persists data [—]. */
import { resourceRule } from "../../lib/rule";
import { bool, get, type Props } from "../../lib/values";
import { AZURE_REDIS } from "./azure-redis-tls";

export function azureRedisPersistenceProblems(props: Props): string[] {
    const rdb = bool(get(props, "redisConfiguration.rdbBackupEnabled")) === true;
    const aof = bool(get(props, "redisConfiguration.aofBackupEnabled")) === true;
    return rdb || aof ? [] : ["redisConfiguration enables neither rdbBackupEnabled nor aofBackupEnabled; a restart or failover of both nodes loses every key"];
}

export const azureRedisPersistence = resourceRule({
    name: "azure-redis-persistence",
    description: "Azure Cache for Redis persists data with RDB snapshots or AOF (Premium).",
    explanation: "Persistence is the only copy of the cache's data outside memory.",
    remediation: 'Use the Premium SKU and set redisConfiguration { rdbBackupEnabled: "true", rdbBackupFrequency: "60", rdbStorageConnectionString } (or AOF).',
    enforcementLevel: "mandatory",
    area: "cache",
    anchors: [],
    types: [AZURE_REDIS],
    defaults: {},
    check: (props) => azureRedisPersistenceProblems(props),
});

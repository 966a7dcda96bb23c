/** Memorystore for Redis persists its data [—]. */
import { resourceRule } from "../../lib/rule";
import { get, shown, str, type Props } from "../../lib/values";
import { REDIS_INSTANCE } from "./memorystore-redis-auth-tls";

export function memorystorePersistenceProblems(props: Props): string[] {
    const mode = str(get(props, "persistenceConfig.persistenceMode"));
    return mode === "RDB" || mode === "AOF" ? [] : [`persistenceConfig.persistenceMode is ${shown(mode)}; a restart or failover loses every key`];
}

export const memorystoreRedisPersistence = resourceRule({
    name: "memorystore-redis-persistence",
    description: "Memorystore for Redis instances persist data (RDB snapshots or AOF).",
    explanation: "Persistence is the cache's only backup: without it a maintenance restart empties it.",
    remediation: 'Set persistenceConfig: { persistenceMode: "RDB", rdbSnapshotPeriod: "ONE_HOUR" } (Standard tier).',
    enforcementLevel: "mandatory",
    area: "cache",
    anchors: [],
    types: [REDIS_INSTANCE],
    defaults: {},
    check: (props) => memorystorePersistenceProblems(props),
});

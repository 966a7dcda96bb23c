/** Redis Enterprise databases persist data [—]. */
import { resourceRule } from "../../lib/rule";
import { bool, get, present, type Props } from "../../lib/values";
import { REDIS_ENTERPRISE_DATABASE } from "./redis-enterprise-tls";

export function redisEnterprisePersistenceProblems(props: Props): string[] {
    // Azure refuses persistence on a database in an active geo-replication group: the other
    // regions' members are its copy (learn.microsoft.com, "Configure active geo-replication").
    if (present(props, "geoReplication.groupNickname")) return [];
    const on = bool(get(props, "persistence.aofEnabled")) === true || bool(get(props, "persistence.rdbEnabled")) === true;
    return on ? [] : ["persistence enables neither aofEnabled nor rdbEnabled; a cluster restart loses every key"];
}

export const redisEnterprisePersistence = resourceRule({
    name: "redis-enterprise-persistence",
    description: "Redis Enterprise databases persist data with AOF or RDB (databases in an active geo-replication group, which Azure keeps from persisting, excepted).",
    explanation: "Without persistence the cache has no copy outside memory.",
    remediation: 'Set persistence: { rdbEnabled: true, rdbFrequency: "1h" } (or aofEnabled with aofFrequency "1s").',
    enforcementLevel: "mandatory",
    area: "cache",
    anchors: [],
    types: [REDIS_ENTERPRISE_DATABASE],
    defaults: {},
    check: (props) => redisEnterprisePersistenceProblems(props),
});

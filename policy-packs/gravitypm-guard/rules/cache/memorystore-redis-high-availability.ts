/** Memorystore for Redis runs a replica in another zone in prod [—]. */
import { ENVIRONMENT_CONFIG } from "../../lib/environment";
import { resourceRule } from "../../lib/rule";
import { shown, str, type Props } from "../../lib/values";
import { REDIS_INSTANCE } from "./memorystore-redis-auth-tls";

export function memorystoreHaProblems(props: Props, environment: string): string[] {
    if (environment !== "prod") return [];
    return str(props.tier) === "STANDARD_HA" ? [] : [`tier is ${shown(props.tier)} in prod; BASIC has no replica and no failover`];
}

export const memorystoreRedisHighAvailability = resourceRule({
    name: "memorystore-redis-high-availability",
    description: "Memorystore for Redis instances in prod use the STANDARD_HA tier.",
    explanation: "BASIC is one node in one zone; STANDARD_HA keeps a replica in another zone with automatic failover.",
    remediation: 'Set tier: "STANDARD_HA" (and replicaCount ≥ 1) for prod.',
    enforcementLevel: "advisory",
    area: "cache",
    anchors: [],
    types: [REDIS_INSTANCE],
    defaults: {},
    configSchema: { properties: { ...ENVIRONMENT_CONFIG } },
    check: (props, ctx) => memorystoreHaProblems(props, ctx.environment),
});

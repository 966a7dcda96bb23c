/** Memorystore for Redis connects through private service access [—]. */
import { resourceRule } from "../../lib/rule";
import { shown, str, type Props } from "../../lib/values";
import { REDIS_INSTANCE } from "./memorystore-redis-auth-tls";

export function memorystoreConnectModeProblems(props: Props): string[] {
    return str(props.connectMode) === "PRIVATE_SERVICE_ACCESS" ? [] : [`connectMode is ${shown(props.connectMode)} (direct peering)`];
}

export const memorystoreRedisPrivateServiceAccess = resourceRule({
    name: "memorystore-redis-private-service-access",
    description: "Memorystore for Redis instances connect through private service access.",
    explanation: "Direct peering is private too, but uses one peering per instance and cannot be reached across peered VPCs; private service access shares the allocated range with the other managed services.",
    remediation: 'Set connectMode: "PRIVATE_SERVICE_ACCESS" and authorizedNetwork to the stack network (with a servicenetworking.Connection).',
    enforcementLevel: "advisory",
    area: "cache",
    anchors: [],
    types: [REDIS_INSTANCE],
    defaults: {},
    check: (props) => memorystoreConnectModeProblems(props),
});

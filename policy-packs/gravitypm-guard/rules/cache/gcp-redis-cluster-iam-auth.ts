/** Memorystore clusters authenticate clients with IAM [—]. */
import { resourceRule } from "../../lib/rule";
import { shown, str, type Props } from "../../lib/values";
import { GCP_REDIS_CLUSTER, MEMORYSTORE_INSTANCE } from "./gcp-redis-cluster-encryption";

const IAM_MODE: Record<string, string> = { [GCP_REDIS_CLUSTER]: "AUTH_MODE_IAM_AUTH", [MEMORYSTORE_INSTANCE]: "IAM_AUTH" };

export function gcpRedisClusterAuthProblems(props: Props, type: string): string[] {
    return str(props.authorizationMode) === IAM_MODE[type] ? [] : [`authorizationMode is ${shown(props.authorizationMode)}; any client on the network can connect`];
}

export const gcpRedisClusterIamAuth = resourceRule({
    name: "gcp-redis-cluster-iam-auth",
    description: "Memorystore clusters and Valkey/Redis instances require IAM authentication.",
    explanation: "The default is no authentication at all.",
    remediation: "Set authorizationMode to IAM auth and grant the app's service account roles/redis.dbConnectionUser (or memorystore.dbConnectionUser).",
    enforcementLevel: "mandatory",
    area: "cache",
    anchors: [],
    types: [GCP_REDIS_CLUSTER, MEMORYSTORE_INSTANCE],
    defaults: {},
    check: (props, ctx) => gcpRedisClusterAuthProblems(props, ctx.type),
});

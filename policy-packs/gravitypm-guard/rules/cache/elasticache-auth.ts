/** ElastiCache requires authentication [CK_AWS_31]. */
import { inheritsFromPrimary } from "../../lib/inherited";
import { resourceRule } from "../../lib/rule";
import { list, present, type Props } from "../../lib/values";
import { REPLICATION_GROUP, SERVERLESS_CACHE } from "./elasticache-encrypted-at-rest";

export function elasticacheAuthProblems(props: Props, type: string): string[] {
    if (type === SERVERLESS_CACHE) return present(props, "userGroupId") ? [] : ["userGroupId is unset; the cache's default user has no password"];
    // A global-datastore secondary takes its AUTH setting and token from the primary, which this rule checks.
    if (inheritsFromPrimary(props, "authToken")) return [];
    const authenticated = present(props, "authToken") || present(props, "authTokenWo") || list(props.userGroupIds).length > 0;
    return authenticated ? [] : ["neither authToken nor userGroupIds is set; anyone who reaches the port can read and write the cache"];
}

export const elasticacheAuth = resourceRule({
    name: "elasticache-auth",
    description: "ElastiCache caches require authentication (AUTH token or RBAC user groups).",
    explanation: "Without AUTH, network reachability is the only control over the cache's data.",
    remediation: "Set authToken (a pulumi.secret from random.RandomPassword) or userGroupIds with RBAC users.",
    enforcementLevel: "mandatory",
    area: "cache",
    anchors: ["CK_AWS_31"],
    types: [REPLICATION_GROUP, SERVERLESS_CACHE],
    defaults: {},
    check: (props, ctx) => elasticacheAuthProblems(props, ctx.type),
});

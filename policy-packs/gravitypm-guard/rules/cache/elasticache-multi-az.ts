/** ElastiCache fails over across zones in prod [CK2_AWS_50]. */
import { ENVIRONMENT_CONFIG } from "../../lib/environment";
import { resourceRule } from "../../lib/rule";
import { bool, shown, type Props } from "../../lib/values";
import { REPLICATION_GROUP } from "./elasticache-encrypted-at-rest";

export function elasticacheMultiAzProblems(props: Props, environment: string): string[] {
    if (environment !== "prod") return [];
    const problems: string[] = [];
    if (bool(props.automaticFailoverEnabled) !== true) problems.push(`automaticFailoverEnabled is ${shown(props.automaticFailoverEnabled)} in prod`);
    if (bool(props.multiAzEnabled) !== true) problems.push(`multiAzEnabled is ${shown(props.multiAzEnabled)} in prod`);
    return problems;
}

export const elasticacheMultiAz = resourceRule({
    name: "elasticache-multi-az",
    description: "ElastiCache replication groups in prod fail over automatically to a replica in another zone.",
    explanation: "Without both flags a primary or zone failure leaves the cache down until someone promotes a replica.",
    remediation: "Set automaticFailoverEnabled: true and multiAzEnabled: true with at least one replica per shard.",
    enforcementLevel: "advisory",
    area: "cache",
    anchors: ["CK2_AWS_50"],
    types: [REPLICATION_GROUP],
    defaults: {},
    configSchema: { properties: { ...ENVIRONMENT_CONFIG } },
    check: (props, ctx) => elasticacheMultiAzProblems(props, ctx.environment),
});

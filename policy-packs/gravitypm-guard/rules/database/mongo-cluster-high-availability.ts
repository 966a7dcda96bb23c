/** Azure Cosmos DB for MongoDB vCore runs with a standby in prod [—]. */
import { ENVIRONMENT_CONFIG } from "../../lib/environment";
import { resourceRule } from "../../lib/rule";
import { get, sameText, shown, type Props } from "../../lib/values";
import { MONGO_CLUSTER } from "./mongo-cluster-private";

export function mongoClusterHaProblems(props: Props, environment: string): string[] {
    // A geo-replica's availability is its primary's until it is promoted.
    if (environment !== "prod" || sameText(get(props, "properties.createMode"), "GeoReplica")) return [];
    const mode = get(props, "properties.highAvailability.targetMode");
    return mode === undefined || sameText(mode, "Disabled") ? [`properties.highAvailability.targetMode is ${shown(mode)} in prod; a node failure takes the database down`] : [];
}

export const mongoClusterHighAvailability = resourceRule({
    name: "mongo-cluster-high-availability",
    description: "Cosmos DB for MongoDB vCore clusters in prod have high availability on.",
    explanation: "Without a standby replica every host failure or maintenance event is an outage of the database.",
    remediation: 'Set properties.highAvailability.targetMode: "ZoneRedundantPreferred" for prod.',
    enforcementLevel: "advisory",
    area: "database",
    anchors: [],
    types: [MONGO_CLUSTER],
    defaults: {},
    configSchema: { properties: { ...ENVIRONMENT_CONFIG } },
    check: (props, ctx) => mongoClusterHaProblems(props, ctx.environment),
});

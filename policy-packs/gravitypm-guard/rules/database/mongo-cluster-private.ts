/** Azure Cosmos DB for MongoDB vCore has no public endpoint [—]. */
import { resourceRule } from "../../lib/rule";
import { get, sameText, shown, type Props } from "../../lib/values";

export const MONGO_CLUSTER = "azure-native:mongocluster:MongoCluster";

export function mongoClusterPrivateProblems(props: Props): string[] {
    const access = get(props, "properties.publicNetworkAccess");
    // The service default is Enabled: unset means a public endpoint.
    return sameText(access, "Disabled") ? [] : [`properties.publicNetworkAccess is ${shown(access)}; the cluster would answer on a public endpoint`];
}

export const mongoClusterPrivate = resourceRule({
    name: "mongo-cluster-private",
    description: "Cosmos DB for MongoDB vCore clusters disable public network access.",
    explanation: "With public access the database is one leaked connection string away from anyone on the internet; the app reaches it through a private endpoint.",
    remediation: 'Set properties.publicNetworkAccess: "Disabled" and connect through a private endpoint in the data subnet.',
    enforcementLevel: "mandatory",
    area: "database",
    anchors: [],
    types: [MONGO_CLUSTER],
    defaults: {},
    check: (props) => mongoClusterPrivateProblems(props),
});

/**
 * The AWS implementation of every contract. Loaded only when a stack's cloud is aws.
 */
import { AtlasDatabase } from "../atlas/database";
import { Auth0Identity } from "../auth0/identity";
import type { CloudImplementation } from "../contracts/cloud";
import { AwsAlerts } from "./alerts";
import { awsAtlasSide } from "./atlas";
import { AwsCache } from "./cache";
import { AwsCluster } from "./cluster";
import { AwsDocumentDb } from "./database";
import { AwsKeys } from "./keys";
import { AwsNetwork } from "./network";
import { AwsCognitoIdentity } from "./identity";
import { AwsObservability } from "./observability";
import { AwsSecurityBaseline } from "./security-baseline";
import { awsSite, type AwsSite } from "./site";

export interface AwsTypes {
    readonly site: AwsSite;
    readonly keys: AwsKeys;
    readonly network: AwsNetwork;
    readonly alerts: AwsAlerts;
}

export function awsCloud(): CloudImplementation<AwsTypes> {
    return {
        cloud: "aws",
        site: awsSite,
        keys: (name, args, opts) => new AwsKeys(name, args, opts),
        alerts: (name, args, opts) => new AwsAlerts(name, args, opts),
        network: (name, args, opts) => new AwsNetwork(name, args, opts),
        cache: (name, args, opts) => new AwsCache(name, args, opts),
        cluster: (name, args, opts) => new AwsCluster(name, args, opts),
        database: (name, args, opts) =>
            args.engine === "atlas" ? new AtlasDatabase(name, args, awsAtlasSide, opts) : new AwsDocumentDb(name, args, opts),
        identity: (name, args, opts) => (args.settings.provider === "auth0" ? new Auth0Identity(name, args, opts) : new AwsCognitoIdentity(name, args, opts)),
        observability: (name, args, opts) => new AwsObservability(name, args, opts),
        securityBaseline: (name, args, opts) => new AwsSecurityBaseline(name, args, opts),
    };
}

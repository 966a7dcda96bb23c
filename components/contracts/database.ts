/**
 * Database: the stack's MongoDB-compatible database — a replica set spread across the
 * primary region's zones, continuous backups, encryption with the stack key, reachable only
 * from inside the network, and in prod a replica in the DR region.
 *
 * Every implementation exposes the same outputs, so the cluster and the app never know which
 * service (DocumentDB, Atlas, Cosmos DB vCore) they talk to. The connection string is a secret
 * output and is also stored in the cloud's secret store, where workloads read it.
 */
import * as pulumi from "@pulumi/pulumi";
import type { RandomPasswordArgs } from "@pulumi/random/randomPassword";
import type { DatabaseEngine, DatabaseSettings, Size } from "../../domain/stack-config";
import { buildMongoUri, type MongoUri } from "../../domain/mongodb-uri";
import type { CloudTypes } from "./cloud";
import type { DataRegion } from "./region";

export const DATABASE_TYPE = "gravitypm:components:Database";

/** The standard MongoDB port. Atlas SRV strings and DocumentDB both listen on it. */
export const MONGODB_PORT = 27017;

export interface DatabaseArgs<T extends CloudTypes> extends DataRegion<T> {
    /**
     * Disaster-recovery region that receives a replica (prod). DocumentDB: a secondary cluster
     * of a global cluster; Atlas: electable nodes with lower priority; vCore: a replica cluster.
     * Absent, the database lives in one region.
     */
    readonly dr?: DataRegion<T>;
    /** Where the database's alarms notify (the cloud's alert target). */
    readonly alerts: T["alerts"];
    /**
     * Addresses that receive Atlas alerts directly: Atlas cannot publish to a cloud's alert
     * topic, so it notifies the same people by email (and the webhook below).
     */
    readonly alertEmails: readonly string[];
    /** Absent, Atlas alerts go by email only. */
    readonly alertWebhookUrl?: string;
    /**
     * `native` = the cloud's own service (DocumentDB; Atlas on GCP, which has none; Cosmos DB
     * for MongoDB vCore); `atlas` = MongoDB Atlas on the stack's cloud.
     */
    readonly engine: DatabaseEngine;
    /** Server version: the service's entry in `DATABASE_VERSIONS` (domain/capabilities/database.ts). */
    readonly version: string;
    /** Size tier; each implementation maps it to an instance class with its reasoning. */
    readonly size: Size;
    /** Voting members in the primary region. */
    readonly nodes: number;
    /** Extra read-only members in the primary region. */
    readonly readReplicas: number;
    /** 1 = a replica set; more = a sharded cluster where the service shards. */
    readonly shards: number;
    /** Storage per node where the service provisions it (Atlas, vCore); DocumentDB grows on its own. */
    readonly storageGb: number;
    /** Days of backups (and of point-in-time restore). */
    readonly backupRetentionDays: number;
    /** Continuous backup with restore to any second of the retention window. */
    readonly pointInTimeRecovery: boolean;
    /** Days the database's audit and profiler logs are kept where the cloud stores them. */
    readonly logRetentionDays: number;
    /** MongoDB Atlas organization that owns the stack's Atlas project; required when the database runs on Atlas. */
    readonly atlasOrgId?: string;
    /** Object id of Atlas's service principal in the Azure tenant: how Atlas on Azure reaches the stack's Key Vault key. */
    readonly atlasAzureServicePrincipalId?: string;
    /** Deletion protection on the database and `protect` on its stateful resources. Prod: true. */
    readonly protect: boolean;
}

/**
 * A data store as the DR region's copy of the app reaches it: the endpoint of the store's copy
 * in the DR region, reachable from the DR network (the DR network is not connected to the
 * primary's, so the primary's endpoint is out of its reach), with the credential that works
 * there. Before a regional failover this copy is a replica; `readOnlyUntilFailover` says
 * whether it takes writes meanwhile.
 */
export interface DataEndpoint {
    readonly host: pulumi.Output<string>;
    readonly port: pulumi.Output<number>;
    /** The full connection string for this host, with the credential (same format as the
     * primary's); a secret. */
    readonly connectionString: pulumi.Output<string>;
    /** True when the endpoint refuses writes until a failover or promotion makes the DR copy
     * the primary; false when it takes writes already. */
    readonly readOnlyUntilFailover: boolean;
    /** One line for plans and runbooks: what answers at this endpoint and what makes it writable. */
    readonly note: string;
}

export interface Database {
    /** What the cloud's metrics name the store by, for dashboards: the DocumentDB cluster
     * identifier, the Atlas cluster name, the vCore cluster's ARM id. */
    readonly metricsId: pulumi.Output<string>;
    /** The host that accepts writes (DocumentDB cluster endpoint, Atlas SRV host, vCore host). */
    readonly host: pulumi.Output<string>;
    readonly port: pulumi.Output<number>;
    /**
     * The host to send reads to: DocumentDB's load-balanced reader endpoint; on services
     * without a separate one (Atlas, vCore) the same host as `host`, where the driver's
     * `readPreference` picks a secondary.
     */
    readonly readerHost: pulumi.Output<string>;
    /** The replica set name a driver must name, or undefined where the service hides it
     * behind a router (sharded clusters, Cosmos DB vCore). */
    readonly replicaSetName: pulumi.Output<string | undefined>;
    /** Full connection string with credentials, `tls=true`; secret. */
    readonly connectionString: pulumi.Output<string>;
    /** Where the connection string is stored: Secrets Manager ARN, Secret Manager secret id, or Key Vault secret URI. */
    readonly connectionSecretId: pulumi.Output<string>;
    /**
     * What the app running in the DR region connects to: the DR-region replica (DocumentDB
     * global-cluster secondary, vCore geo-replica) or, on Atlas, the cluster through the DR
     * region's private endpoint. Set exactly when the database has a DR region; every service
     * here has an endpoint there.
     */
    readonly dr?: DataEndpoint;
}

/** The application's login (the engines' admin user where the engine has only one). */
export const DATABASE_USER = "gravitypm";

/** The application's password: 40 characters, its symbols limited to ones that need no
 * escaping in a URI, so it goes into the connection string as generated. */
export const DATABASE_PASSWORD: RandomPasswordArgs = { length: 40, special: true, overrideSpecial: "-_.~" };

/** The settings a database is validated and built from, as the capability tables take them;
 * `engine` is the implementation's own (Atlas is `atlas` whichever engine picked it). */
export function databaseSettings<T extends CloudTypes>(args: DatabaseArgs<T>, engine: DatabaseEngine): DatabaseSettings {
    const { size, nodes, readReplicas, shards, storageGb, pointInTimeRecovery } = args;
    return { engine, size, nodes, readReplicas, shards, storageGb, pointInTimeRecovery };
}

/** `Database.connectionString`: the application's login in a MongoDB URI, a secret output
 * built once the host (the SRV name, or `host:port` without SRV) and the password resolve. */
export function secretMongoConnectionString(host: pulumi.Input<string>, password: pulumi.Input<string>, uri: Pick<MongoUri, "srv" | "options">): pulumi.Output<string> {
    return pulumi.secret(pulumi.all([host, password]).apply(([h, pw]) => buildMongoUri({ ...uri, username: DATABASE_USER, password: pw, hosts: [h] })));
}

/** What every Database registers as its outputs: the contract's, the same on every service. */
export function databaseOutputs(db: Database): pulumi.Inputs {
    return {
        host: db.host,
        port: db.port,
        readerHost: db.readerHost,
        replicaSetName: db.replicaSetName,
        connectionString: db.connectionString,
        connectionSecretId: db.connectionSecretId,
        dr: db.dr,
    };
}

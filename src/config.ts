/**
 * The stack config: one schema, every key validated before any resource exists, and one
 * error that lists every bad key with the value given and what is allowed.
 *
 * Values arrive as the Pulumi CLI hands them to a program: strings, with structured values
 * (arrays) JSON-encoded. Keys live in the `gravitypm:` namespace. Keys whose sensible value
 * depends on the environment (sizes, retention, RPO/RTO) take their default from the
 * staging or prod profile below, so the stack files stay short; Pulumi.yaml declares them
 * without a default for that reason.
 */
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { CLOUDS, CLOUD_NAMES, type Cloud } from "./clouds";
import { cacheConfigProblems, cloudDefaultCachePersistence } from "./cache-capabilities";
import { databaseConfigProblems, databaseService, defaultDatabaseNodes } from "./database-capabilities";
import { MAX_ZONES, cidrsOverlap, networkCidrProblem } from "./network-layout";
import { REGIONS, regionInfo } from "./regions";

export const PROJECT = "gravitypm";
export const ENVIRONMENTS = ["staging", "prod"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];
export const SIZES = ["small", "medium", "large", "xlarge"] as const;
export type Size = (typeof SIZES)[number];
export const DATABASE_ENGINES = ["native", "atlas"] as const;
export type DatabaseEngine = (typeof DATABASE_ENGINES)[number];
export const EDGE_PROVIDERS = ["native", "cloudflare"] as const;
export type EdgeProvider = (typeof EDGE_PROVIDERS)[number];
export const CACHE_ENGINES = ["redis", "valkey"] as const;
export type CacheEngine = (typeof CACHE_ENGINES)[number];
export const CACHE_PERSISTENCE = ["none", "rdb", "aof"] as const;
export type CachePersistence = (typeof CACHE_PERSISTENCE)[number];

/** Backup retention bounds: 7 days is the floor we promise; 35 is the longest point-in-time
 * window DocumentDB and Cosmos DB vCore keep, and the AWS Backup vault lock maximum we use. */
export const MIN_BACKUP_RETENTION_DAYS = 7;
export const MAX_BACKUP_RETENTION_DAYS = 35;

/** A placement of the platform: one region, its zones and its network range. */
export interface RegionPlacement {
    readonly region: string;
    /** The zones used, in order; at least two. */
    readonly zones: readonly string[];
    readonly cidr: string;
}

export interface DatabaseSettings {
    readonly engine: DatabaseEngine;
    readonly size: Size;
    /** Voting members (instances) in the primary region. */
    readonly nodes: number;
    readonly readReplicas: number;
    /** 1 = a replica set; more = a sharded cluster. */
    readonly shards: number;
    readonly storageGb: number;
    readonly pointInTimeRecovery: boolean;
}

export interface CacheSettings {
    readonly engine: CacheEngine;
    readonly size: Size;
    readonly shards: number;
    readonly replicasPerShard: number;
    readonly persistence: CachePersistence;
    readonly snapshotRetentionDays: number;
}

export interface ClusterSettings {
    readonly nodeSize: Size;
    readonly minNodes: number;
    readonly maxNodes: number;
}

export interface StackConfig {
    readonly project: string;
    readonly stack: string;
    readonly cloud: Cloud;
    readonly environment: Environment;
    readonly isProd: boolean;
    readonly primary: RegionPlacement;
    /** The disaster-recovery region; always present in prod. */
    readonly dr?: RegionPlacement;
    /** GCP project that hosts the stack (GCP only). */
    readonly gcpProject?: string;
    readonly edgeProvider: EdgeProvider;
    readonly domain: string;
    readonly alertEmails: readonly string[];
    readonly alertWebhookUrl?: string;
    readonly backupRetentionDays: number;
    readonly logRetentionDays: number;
    readonly rpoMinutes: number;
    readonly rtoMinutes: number;
    readonly owner: string;
    readonly costCentre: string;
    readonly database: DatabaseSettings;
    readonly cache: CacheSettings;
    readonly cluster: ClusterSettings;
    readonly atlasOrgId?: string;
    /** Object id of MongoDB Atlas's service principal in the stack's Azure tenant (Atlas on Azure). */
    readonly atlasAzureServicePrincipalId?: string;
    readonly cloudflareAccountId?: string;
    readonly cloudflareZoneId?: string;
    /** The standard tags every taggable resource carries (see stacks/tags.ts). */
    readonly tags: Readonly<Record<string, string>>;
}

/** Thrown for invalid stack config. A RunError makes the Pulumi CLI print the message alone,
 * without a stack trace, and it is raised before any resource is registered. */
export class ConfigError extends pulumi.RunError {
    constructor(
        readonly stackName: string,
        readonly problems: readonly ConfigProblem[],
    ) {
        super(formatProblems(stackName, problems));
        this.name = "ConfigError";
    }
}

export interface ConfigProblem {
    /** The full config key, e.g. `gravitypm:awsRegion`. */
    readonly key: string;
    /** The value given, or undefined when the key is unset. */
    readonly value: string | undefined;
    /** What is wrong and what is allowed. */
    readonly message: string;
}

function formatProblems(stack: string, problems: readonly ConfigProblem[]): string {
    const lines = problems.map((p) => `  - ${p.key} = ${p.value === undefined ? "(unset)" : JSON.stringify(p.value)}: ${p.message}`);
    return `Invalid config for stack "${stack}" (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n${lines.join("\n")}`;
}

// ---------------------------------------------------------------------------------------
// Field schemas. Each takes the raw string the CLI hands over.

const wholeNumber = (min: number, max: number) =>
    z
        .string()
        .regex(/^-?\d+$/, { error: `must be a whole number from ${min} to ${max}` })
        .transform(Number)
        .pipe(z.number().min(min, { error: `must be at least ${min}` }).max(max, { error: `must be at most ${max}` }));

const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
    z.enum(values, { error: `must be one of: ${values.join(", ")}` });

const bool = z.enum(["true", "false"], { error: "must be true or false" }).transform((v) => v === "true");

/** A tag-safe name: also a valid GCP label value once lowercased. */
const tagValue = z.string().regex(/^[A-Za-z0-9_-]{1,63}$/, {
    error: "must be 1-63 letters, digits, '_' or '-' (it becomes a tag and a GCP label value)",
});

const hostname = z
    .string()
    .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
        error: "must be a lowercase DNS name such as app.example.com",
    });

/** Structured arrays arrive JSON-encoded; a comma-separated string is accepted too. */
const emailList = z
    .string()
    .transform((raw, ctx) => {
        if (raw.trim().startsWith("[")) {
            try {
                const parsed: unknown = JSON.parse(raw);
                if (Array.isArray(parsed) && parsed.every((e) => typeof e === "string")) return parsed;
            } catch {
                // fall through to the issue below
            }
            ctx.addIssue({ code: "custom", message: "must be a list of email addresses" });
            return z.NEVER;
        }
        return raw.split(",").map((e) => e.trim()).filter((e) => e.length > 0);
    })
    .pipe(
        z
            .array(z.email({ error: (iss) => `${JSON.stringify(iss.input)} is not an email address` }))
            .min(1, { error: "must list at least one email address" }),
    );

const httpsUrl = z.url({ protocol: /^https$/, error: "must be an https:// URL" });

/** Every key the program reads, with its schema. Pulumi.yaml declares the same keys. */
const FIELDS = {
    cloud: oneOf(CLOUDS),
    environment: oneOf(ENVIRONMENTS),
    awsRegion: z.string(),
    awsDrRegion: z.string(),
    gcpRegion: z.string(),
    gcpDrRegion: z.string(),
    azureRegion: z.string(),
    azureDrRegion: z.string(),
    gcpProject: z.string().regex(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/, {
        error: "must be a GCP project id: 6-30 lowercase letters, digits or '-', starting with a letter",
    }),
    zoneCount: wholeNumber(2, MAX_ZONES),
    networkCidr: z.string(),
    drNetworkCidr: z.string(),
    databaseEngine: oneOf(DATABASE_ENGINES),
    edgeProvider: oneOf(EDGE_PROVIDERS),
    domain: hostname,
    alertEmails: emailList,
    alertWebhookUrl: httpsUrl,
    backupRetentionDays: wholeNumber(MIN_BACKUP_RETENTION_DAYS, MAX_BACKUP_RETENTION_DAYS),
    logRetentionDays: wholeNumber(30, 3653),
    rpoMinutes: wholeNumber(1, 10080),
    rtoMinutes: wholeNumber(1, 10080),
    owner: tagValue,
    costCentre: tagValue,
    databaseSize: oneOf(SIZES),
    databaseNodes: wholeNumber(1, 7),
    databaseReadReplicas: wholeNumber(0, 5),
    databaseShards: wholeNumber(1, 32),
    databaseStorageGb: wholeNumber(10, 16384),
    databasePointInTimeRecovery: bool,
    cacheEngine: oneOf(CACHE_ENGINES),
    cacheSize: oneOf(SIZES),
    cacheShards: wholeNumber(1, 30),
    cacheReplicasPerShard: wholeNumber(0, 5),
    cachePersistence: oneOf(CACHE_PERSISTENCE),
    cacheSnapshotRetentionDays: wholeNumber(1, 35),
    clusterNodeSize: oneOf(SIZES),
    clusterMinNodes: wholeNumber(1, 100),
    clusterMaxNodes: wholeNumber(1, 1000),
    atlasOrgId: z.string().regex(/^[0-9a-f]{24}$/, { error: "must be a MongoDB Atlas organization id (24 hex digits)" }),
    atlasAzureServicePrincipalId: z.uuid({ error: "must be the object id (a UUID) of MongoDB Atlas's service principal in your Azure tenant" }),
    cloudflareAccountId: z.string().regex(/^[0-9a-f]{32}$/, { error: "must be a Cloudflare account id (32 hex digits)" }),
    cloudflareZoneId: z.string().regex(/^[0-9a-f]{32}$/, { error: "must be a Cloudflare zone id (32 hex digits)" }),
} as const;

export type ConfigKey = keyof typeof FIELDS;
export const CONFIG_KEYS = Object.keys(FIELDS) as ConfigKey[];
type Parsed = { -readonly [K in ConfigKey]?: z.output<(typeof FIELDS)[K]> };

/** Defaults per environment, as raw strings so they pass through the same schemas. The DR
 * region has no default: where a copy of the data lives is a residency decision the stack
 * file must state. */
export const PROFILES: Readonly<Record<Environment, Partial<Record<ConfigKey, string>>>> = {
    staging: {
        cloud: "aws",
        awsRegion: "us-east-2",
        gcpRegion: "us-east1",
        azureRegion: "eastus2",
        zoneCount: "2",
        networkCidr: "10.20.0.0/16",
        drNetworkCidr: "10.21.0.0/16",
        databaseEngine: "native",
        edgeProvider: "native",
        backupRetentionDays: "7",
        logRetentionDays: "365",
        rpoMinutes: "1440",
        rtoMinutes: "480",
        databaseSize: "small",
        databaseReadReplicas: "0",
        databaseShards: "1",
        databaseStorageGb: "20",
        databasePointInTimeRecovery: "true",
        cacheEngine: "redis",
        cacheSize: "small",
        cacheShards: "1",
        cacheReplicasPerShard: "0",
        cachePersistence: "rdb",
        cacheSnapshotRetentionDays: "1",
        clusterNodeSize: "small",
        clusterMinNodes: "2",
        clusterMaxNodes: "4",
    },
    prod: {
        cloud: "aws",
        awsRegion: "us-east-1",
        gcpRegion: "us-central1",
        azureRegion: "eastus",
        networkCidr: "10.0.0.0/16",
        drNetworkCidr: "10.1.0.0/16",
        databaseEngine: "native",
        edgeProvider: "native",
        backupRetentionDays: "35",
        logRetentionDays: "365",
        rpoMinutes: "15",
        rtoMinutes: "60",
        databaseSize: "medium",
        databaseReadReplicas: "0",
        databaseShards: "1",
        databaseStorageGb: "100",
        databasePointInTimeRecovery: "true",
        cacheEngine: "redis",
        cacheSize: "medium",
        cacheShards: "1",
        cacheReplicasPerShard: "1",
        cachePersistence: "rdb",
        cacheSnapshotRetentionDays: "7",
        clusterNodeSize: "medium",
        clusterMinNodes: "3",
        clusterMaxNodes: "10",
    },
};

/** Network Watcher keeps flow logs at most 365 days. */
export const AZURE_MAX_FLOW_LOG_RETENTION_DAYS = 365;

/** The fewest zones prod may span: three where the region has them, never fewer than two. */
export const PROD_MIN_ZONES = 3;

/**
 * Validates raw stack config (keys without the `gravitypm:` namespace, values as strings)
 * and returns the typed config, or throws a {@link ConfigError} that lists every problem.
 */
export function parseStackConfig(raw: Readonly<Record<string, string>>, stack: string): StackConfig {
    const problems: ConfigProblem[] = [];
    const report = (key: string, message: string) =>
        problems.push({ key: `${PROJECT}:${key}`, value: raw[key], message });

    for (const key of Object.keys(raw)) {
        if (!(key in FIELDS)) {
            report(key, `is not a config key of this project; known keys: ${CONFIG_KEYS.join(", ")}`);
        }
    }

    const envRaw = raw.environment ?? ((ENVIRONMENTS as readonly string[]).includes(stack) ? stack : undefined);
    const envParse = envRaw === undefined ? undefined : FIELDS.environment.safeParse(envRaw);
    if (envRaw === undefined) {
        report("environment", `must be set for stack "${stack}": one of ${ENVIRONMENTS.join(", ")}`);
    } else if (!envParse?.success) {
        report("environment", `must be one of: ${ENVIRONMENTS.join(", ")}`);
    }
    const environment: Environment = envParse?.success ? envParse.data : "staging";
    const profile = PROFILES[environment];

    const parsed: Parsed = {};
    for (const key of CONFIG_KEYS) {
        const value = raw[key] ?? profile[key];
        if (value === undefined) continue;
        const result = FIELDS[key].safeParse(value);
        if (result.success) {
            (parsed as Record<string, unknown>)[key] = result.data;
        } else {
            report(key, result.error.issues.map((i) => i.message).join("; "));
        }
    }
    parsed.environment = environment;

    const cloud = parsed.cloud;
    const isProd = environment === "prod";
    let primary: RegionPlacement | undefined;
    let dr: RegionPlacement | undefined;
    if (cloud !== undefined) {
        const regionKey = `${cloud}Region` as const;
        const drKey = `${cloud}DrRegion` as const;
        // Every region key given must be a region of its own cloud, even for an unchosen
        // cloud, so switching `cloud` later does not surface an old typo.
        for (const c of CLOUDS) {
            for (const key of [`${c}Region`, `${c}DrRegion`] as const) {
                const region = parsed[key];
                if (region !== undefined && !REGIONS[c].has(region)) report(key, regionMessage(c, region));
            }
        }
        const region = parsed[regionKey];
        const drRegion = parsed[drKey];
        const info = region === undefined ? undefined : regionInfo(cloud, region);
        if (region === undefined) report(regionKey, `must be set: the primary ${CLOUD_NAMES[cloud]} region`);
        if (isProd && drRegion === undefined) {
            report(drKey, `prod needs a disaster-recovery region different from ${regionKey}`);
        }
        if (drRegion !== undefined && drRegion === region) {
            report(drKey, `must differ from ${regionKey} (${region}): a DR region in the same region survives nothing`);
        }
        const drInfo = drRegion === undefined ? undefined : regionInfo(cloud, drRegion);

        const cidr = parsed.networkCidr;
        const drCidr = parsed.drNetworkCidr;
        const cidrProblem = cidr === undefined ? "must be set" : networkCidrProblem(cidr);
        if (cidrProblem) report("networkCidr", cidrProblem);
        const drCidrProblem = drCidr === undefined ? undefined : networkCidrProblem(drCidr);
        if (drCidrProblem) report("drNetworkCidr", drCidrProblem);
        if (drRegion !== undefined && drCidr === undefined) report("drNetworkCidr", "must be set when a DR region is");
        if (!cidrProblem && !drCidrProblem && cidr && drCidr && drRegion !== undefined && cidrsOverlap(cidr, drCidr)) {
            report("drNetworkCidr", `overlaps networkCidr ${cidr}; the regions are peered for replication, so their ranges must be disjoint`);
        }

        const zones = info ? pickZones(info.zones, parsed.zoneCount, isProd, region!, report) : undefined;
        if (zones && cidr && !cidrProblem) primary = { region: region!, zones, cidr };
        if (drInfo && drCidr && !drCidrProblem && zones) {
            const drZones = drInfo.zones.slice(0, Math.min(zones.length, drInfo.zones.length));
            if (drZones.length < 2) {
                report(drKey, `${drRegion} has ${drInfo.zones.length} availability zones; the DR region needs at least 2`);
            } else {
                dr = { region: drRegion!, zones: drZones, cidr: drCidr };
            }
        }

        if (cloud === "gcp" && parsed.gcpProject === undefined) {
            report("gcpProject", "must be set when cloud is gcp: the id of the GCP project that hosts the stack");
        }
    }

    const databaseEngine = parsed.databaseEngine;
    // How many voting members a database needs depends on its service (Atlas always runs at
    // least three; Cosmos DB vCore HA is a pair), so that default comes from the service, not
    // from the environment profile.
    if (raw.databaseNodes === undefined && cloud !== undefined && databaseEngine !== undefined) {
        parsed.databaseNodes = defaultDatabaseNodes(databaseService(cloud, databaseEngine), isProd);
    }
    // GCP has no managed MongoDB, so its native database is Atlas on GCP and needs an org.
    const needsAtlas = databaseEngine === "atlas" || (databaseEngine === "native" && cloud === "gcp");
    if (needsAtlas && parsed.atlasOrgId === undefined) {
        report("atlasOrgId", "must be set when the database runs on MongoDB Atlas (databaseEngine=atlas, or cloud=gcp)");
    }
    // Atlas reaches an Azure Key Vault only as a service principal of its own Entra application,
    // which someone with directory rights creates once per tenant; a Pulumi stack cannot.
    if (databaseEngine === "atlas" && cloud === "azure" && parsed.atlasAzureServicePrincipalId === undefined) {
        report(
            "atlasAzureServicePrincipalId",
            "must be set when databaseEngine=atlas on Azure: create Atlas's service principal once per tenant (az ad sp create --id 9f2deb0d-be22-4524-a403-df531868bac0) and set its object id",
        );
    }
    // Azure Network Watcher keeps flow logs at most 365 days and rejects a longer retention
    // at deploy time; saying so now beats a failed `pulumi up`.
    if (cloud === "azure" && parsed.logRetentionDays !== undefined && parsed.logRetentionDays > AZURE_MAX_FLOW_LOG_RETENTION_DAYS) {
        report("logRetentionDays", `must be at most ${AZURE_MAX_FLOW_LOG_RETENTION_DAYS} on Azure (the Network Watcher flow-log limit)`);
    }
    if (parsed.edgeProvider === "cloudflare") {
        if (parsed.cloudflareAccountId === undefined) report("cloudflareAccountId", "must be set when edgeProvider is cloudflare");
        if (parsed.cloudflareZoneId === undefined) report("cloudflareZoneId", "must be set when edgeProvider is cloudflare");
    }
    for (const key of ["domain", "alertEmails", "owner", "costCentre"] as const) {
        if (raw[key] === undefined) report(key, "must be set in the stack file");
    }
    if (parsed.clusterMinNodes !== undefined && parsed.clusterMaxNodes !== undefined && parsed.clusterMaxNodes < parsed.clusterMinNodes) {
        report("clusterMaxNodes", `must be at least clusterMinNodes (${parsed.clusterMinNodes})`);
    }
    if (isProd) {
        if (parsed.databaseNodes !== undefined && parsed.databaseNodes < 2) {
            report("databaseNodes", "prod needs at least 2 database nodes so a zone failure fails over instead of losing the database");
        }
        if (parsed.cacheReplicasPerShard !== undefined && parsed.cacheReplicasPerShard < 1) {
            report("cacheReplicasPerShard", "prod needs at least 1 replica per shard for automatic failover");
        }
        if (parsed.clusterMinNodes !== undefined && parsed.clusterMinNodes < 2) {
            report("clusterMinNodes", "prod needs at least 2 nodes so the app survives a node or zone loss");
        }
    }

    const { databaseSize, databaseNodes, databaseReadReplicas, databaseShards, databaseStorageGb, databasePointInTimeRecovery, rpoMinutes } = parsed;
    if (
        cloud !== undefined &&
        databaseEngine !== undefined &&
        databaseSize !== undefined &&
        databaseNodes !== undefined &&
        databaseReadReplicas !== undefined &&
        databaseShards !== undefined &&
        databaseStorageGb !== undefined &&
        databasePointInTimeRecovery !== undefined &&
        rpoMinutes !== undefined
    ) {
        const settings: DatabaseSettings = {
            engine: databaseEngine,
            size: databaseSize,
            nodes: databaseNodes,
            readReplicas: databaseReadReplicas,
            shards: databaseShards,
            storageGb: databaseStorageGb,
            pointInTimeRecovery: databasePointInTimeRecovery,
        };
        for (const problem of databaseConfigProblems(settings, { cloud, hasDr: dr !== undefined, rpoMinutes })) {
            report(problem.key, problem.message);
        }
    }

    // Persistence the cache service cannot combine with prod's DR copy (Azure) defaults to
    // what it can; an explicit value is still checked below and reported.
    if (raw.cachePersistence === undefined && cloud !== undefined && parsed.cacheShards !== undefined && parsed.cachePersistence !== undefined) {
        parsed.cachePersistence = cloudDefaultCachePersistence(cloud, parsed.cacheShards, isProd, parsed.cachePersistence) ?? parsed.cachePersistence;
    }
    const { cacheEngine, cacheSize, cacheShards, cacheReplicasPerShard, cachePersistence, cacheSnapshotRetentionDays } = parsed;
    if (
        cloud !== undefined &&
        cacheEngine !== undefined &&
        cacheSize !== undefined &&
        cacheShards !== undefined &&
        cacheReplicasPerShard !== undefined &&
        cachePersistence !== undefined &&
        cacheSnapshotRetentionDays !== undefined
    ) {
        const settings: CacheSettings = {
            engine: cacheEngine,
            size: cacheSize,
            shards: cacheShards,
            replicasPerShard: cacheReplicasPerShard,
            persistence: cachePersistence,
            snapshotRetentionDays: cacheSnapshotRetentionDays,
        };
        for (const problem of cacheConfigProblems(settings, cloud, isProd)) report(problem.key, problem.message);
    }

    if (problems.length > 0 || cloud === undefined || primary === undefined) {
        throw new ConfigError(stack, problems);
    }
    const p = parsed as Required<Parsed>;
    const tags = standardTags(stack, environment, p.owner, p.costCentre);
    return {
        project: PROJECT,
        stack,
        cloud,
        environment,
        isProd,
        primary,
        dr,
        gcpProject: parsed.gcpProject,
        edgeProvider: p.edgeProvider,
        domain: p.domain,
        alertEmails: p.alertEmails,
        alertWebhookUrl: parsed.alertWebhookUrl,
        backupRetentionDays: p.backupRetentionDays,
        logRetentionDays: p.logRetentionDays,
        rpoMinutes: p.rpoMinutes,
        rtoMinutes: p.rtoMinutes,
        owner: p.owner,
        costCentre: p.costCentre,
        database: {
            engine: p.databaseEngine,
            size: p.databaseSize,
            nodes: p.databaseNodes,
            readReplicas: p.databaseReadReplicas,
            shards: p.databaseShards,
            storageGb: p.databaseStorageGb,
            pointInTimeRecovery: p.databasePointInTimeRecovery,
        },
        cache: {
            engine: p.cacheEngine,
            size: p.cacheSize,
            shards: p.cacheShards,
            replicasPerShard: p.cacheReplicasPerShard,
            persistence: p.cachePersistence,
            snapshotRetentionDays: p.cacheSnapshotRetentionDays,
        },
        cluster: { nodeSize: p.clusterNodeSize, minNodes: p.clusterMinNodes, maxNodes: p.clusterMaxNodes },
        atlasOrgId: parsed.atlasOrgId,
        atlasAzureServicePrincipalId: parsed.atlasAzureServicePrincipalId,
        cloudflareAccountId: parsed.cloudflareAccountId,
        cloudflareZoneId: parsed.cloudflareZoneId,
        tags,
    };
}

function regionMessage(cloud: Cloud, region: string): string {
    const owner = CLOUDS.find((c) => c !== cloud && REGIONS[c].has(region));
    const hint = owner ? `${region} is a ${CLOUD_NAMES[owner]} region, not ${CLOUD_NAMES[cloud]}. ` : "";
    return `${hint}must be a ${CLOUD_NAMES[cloud]} region: ${[...REGIONS[cloud].keys()].join(", ")}`;
}

function pickZones(
    regionZones: readonly string[],
    requested: number | undefined,
    isProd: boolean,
    region: string,
    report: (key: string, message: string) => void,
): readonly string[] | undefined {
    const available = Math.min(regionZones.length, MAX_ZONES);
    if (available < 2) {
        report("zoneCount", `region ${region} has ${regionZones.length} availability zones; the platform needs a region with at least 2`);
        return undefined;
    }
    const prodMinimum = Math.min(PROD_MIN_ZONES, available);
    const count = requested ?? (isProd ? prodMinimum : 2);
    if (count > available) {
        report("zoneCount", `region ${region} has ${available} usable zones; allowed 2 to ${available}`);
        return undefined;
    }
    if (isProd && count < prodMinimum) {
        report("zoneCount", `prod spans at least ${prodMinimum} zones in ${region}; allowed ${prodMinimum} to ${available}`);
        return undefined;
    }
    return regionZones.slice(0, count);
}

/** Reads the stack config from the Pulumi runtime (the CLI or the offline engine). */
export function loadStackConfig(): StackConfig {
    const prefix = `${PROJECT}:`;
    const raw: Record<string, string> = {};
    for (const [key, value] of Object.entries(pulumi.runtime.allConfig())) {
        if (key.startsWith(prefix)) raw[key.slice(prefix.length)] = value;
    }
    return parseStackConfig(raw, pulumi.getStack());
}

/** The standard tags: lowercase keys so the same map is valid as GCP labels. */
export function standardTags(stack: string, environment: Environment, owner: string, costCentre: string): Record<string, string> {
    return {
        project: PROJECT,
        stack,
        environment,
        owner: owner.toLowerCase(),
        "cost-centre": costCentre.toLowerCase(),
        "managed-by": "pulumi",
    };
}

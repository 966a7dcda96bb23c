/**
 * One schema per config key. Each takes the raw string the Pulumi CLI hands a program:
 * structured values (arrays) arrive JSON-encoded.
 */
import { IDENTITY_PROVIDERS, MFA_MODES, PASSWORD_COMPLEXITIES } from "../domain/capabilities/identity";
import { z } from "zod";
import { APP_COLOURS, APP_SERVICES, parseImageRef, type ImageRef } from "../domain/capabilities/app";
import { CLOUDS } from "../domain/clouds";
import { authorizedCidrProblem, parseMaintenanceWindow } from "../domain/capabilities/cluster";
import { MAX_ZONES } from "../domain/network-layout";
import {
    CACHE_ENGINES,
    CACHE_PERSISTENCE,
    CLUSTER_ENDPOINTS,
    DATABASE_ENGINES,
    EDGE_PROVIDERS,
    ENVIRONMENTS,
    MAX_BACKUP_RETENTION_DAYS,
    MIN_BACKUP_RETENTION_DAYS,
    SIZES,
    WEEKDAYS,
    type ConfigKey,
} from "../domain/stack-config";

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
const stringList = (what: string) =>
    z.string().transform((raw, ctx) => {
        if (raw.trim().startsWith("[")) {
            try {
                const parsed: unknown = JSON.parse(raw);
                if (Array.isArray(parsed) && parsed.every((e) => typeof e === "string")) return parsed;
            } catch {
                // fall through to the issue below
            }
            ctx.addIssue({ code: "custom", message: `must be a list of ${what}` });
            return z.NEVER;
        }
        return raw.split(",").map((e) => e.trim()).filter((e) => e.length > 0);
    });

const emailList = stringList("email addresses").pipe(
    z.array(z.email({ error: (iss) => `${JSON.stringify(iss.input)} is not an email address` })).min(1, { error: "must list at least one email address" }),
);

/** Authorised API ranges: each an IPv4 CIDR no broader than an office network. */
const cidrList = stringList("IPv4 CIDRs").check((ctx) => {
    for (const cidr of ctx.value) {
        const problem = authorizedCidrProblem(cidr);
        if (problem) ctx.issues.push({ code: "custom", message: problem, input: ctx.value });
    }
});

const maintenanceWindow = z.string().transform((raw, ctx) => {
    const window = parseMaintenanceWindow(raw);
    if (window) return window;
    ctx.addIssue({ code: "custom", message: `must be a weekday and a whole UTC hour such as "sun 03:00" (days: ${WEEKDAYS.join(", ")})` });
    return z.NEVER;
});

/** A Kubernetes minor version; whether the cloud's service still supports it is a rule. */
const kubernetesMinor = z.string().regex(/^1\.\d{2}$/, { error: 'must be a Kubernetes minor version such as "1.35"' });

/** An HTTP path a probe requests: absolute, no scheme or host, no spaces. */
const probePath = z.string().regex(/^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*(\?[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*)?$/, {
    error: 'must be an absolute HTTP path starting with "/", such as /healthz',
});

/** A repository (registry path) inside the stack's registry: lowercase path components. */
const repositoryPath = z.string().regex(/^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/, {
    error: "must be a registry path of lowercase letters, digits and . _ - / such as backend",
});

const imageRef = z.string().transform((raw, ctx): ImageRef => {
    const ref = parseImageRef(raw);
    if (typeof ref !== "string") return ref;
    ctx.addIssue({ code: "custom", message: ref });
    return z.NEVER;
});

/** One service's images: `{ "repository"?: "backend", "blue"?: "1.4.2", "green"?: "1.5.0" }`. */
const serviceImages = z.strictObject(
    {
        repository: repositoryPath.optional(),
        ...(Object.fromEntries(APP_COLOURS.map((c) => [c, imageRef.optional()])) as Record<(typeof APP_COLOURS)[number], z.ZodOptional<typeof imageRef>>),
    },
    {
        error: (iss) =>
            iss.code === "unrecognized_keys"
                ? `unknown key ${iss.keys.map((k) => JSON.stringify(k)).join(", ")}: a service takes repository, ${APP_COLOURS.join(", ")}`
                : iss.input === undefined
                  ? "is missing: every service needs its images"
                  : `must be an object such as {"blue":"1.4.2"}`,
    },
);

/** `appImages`: JSON, one entry per service. Which colour must have an image is a rule (it needs the active colour). */
const appImages = z
    .string()
    .transform((raw, ctx): unknown => {
        try {
            return JSON.parse(raw);
        } catch {
            ctx.addIssue({ code: "custom", message: `must be a JSON object such as {"backend":{"blue":"1.4.2"},"frontend":{"blue":"1.4.2"}}` });
            return z.NEVER;
        }
    })
    .pipe(
        z.strictObject(Object.fromEntries(APP_SERVICES.map((s) => [s, serviceImages])) as Record<(typeof APP_SERVICES)[number], typeof serviceImages>, {
            error: (iss) =>
                iss.code === "unrecognized_keys" ? `unknown service ${iss.keys.map((k) => JSON.stringify(k)).join(", ")}: the services are ${APP_SERVICES.join(", ")}` : `must name every service: ${APP_SERVICES.join(", ")}`,
        }),
    );

const httpsUrl = z.url({ protocol: /^https$/, error: "must be an https:// URL" });

/** A percentage with at most two decimals, such as 99.9. */
const percentage = (min: number, max: number) =>
    z
        .string()
        .regex(/^\d{1,3}(\.\d{1,2})?$/, { error: "must be a percentage such as 99.9 (at most two decimals)" })
        .transform(Number)
        .pipe(z.number().min(min, { error: `must be at least ${min}` }).max(max, { error: `must be at most ${max}` }));

/** Sentry organisation and team slugs. */
const sentrySlug = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,49}$/, { error: "must be a Sentry slug: lowercase letters, digits, '-' or '_', at most 50" });

/** Sign-in redirect targets: https only (an authorization code must never travel in clear). */
const redirectUrlList = stringList("https URLs").pipe(
    z.array(z.url({ protocol: /^https$/, error: (iss) => `${JSON.stringify(iss.input)} is not an https:// URL` })).min(1, { error: "must list at least one URL" }),
);

/** Every key the program reads, with its schema. Pulumi.yaml declares the same keys. */
export const FIELDS = {
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
    clusterDrMinNodes: wholeNumber(1, 100),
    clusterKubernetesVersion: kubernetesMinor,
    clusterEndpoint: oneOf(CLUSTER_ENDPOINTS),
    clusterAuthorizedCidrs: cidrList,
    clusterMaintenanceWindow: maintenanceWindow,
    auditLogRetentionDays: wholeNumber(30, 3650),
    threatDetection: bool,
    ownsAccountSingletons: bool,
    appActiveColour: oneOf(APP_COLOURS),
    appImages,
    appBackendMinReplicas: wholeNumber(1, 100),
    appBackendMaxReplicas: wholeNumber(1, 500),
    appFrontendMinReplicas: wholeNumber(1, 100),
    appFrontendMaxReplicas: wholeNumber(1, 500),
    appDrMinReplicas: wholeNumber(1, 100),
    appBackendReadinessPath: probePath,
    appBackendLivenessPath: probePath,
    appFrontendReadinessPath: probePath,
    appFrontendLivenessPath: probePath,
    appHostname: hostname,
    apiHostname: hostname,
    staticHostname: hostname,
    dnsZone: hostname,
    identityProvider: oneOf(IDENTITY_PROVIDERS),
    identityMfa: oneOf(MFA_MODES),
    identityPasswordMinLength: wholeNumber(6, 128),
    identityPasswordComplexity: oneOf(PASSWORD_COMPLEXITIES),
    identityLockoutThreshold: wholeNumber(3, 20),
    identityAccessTokenMinutes: wholeNumber(5, 1440),
    identityRefreshTokenDays: wholeNumber(1, 3650),
    identityCallbackUrls: redirectUrlList,
    identityLogoutUrls: redirectUrlList,
    identityHostname: hostname,
    auth0Domain: hostname,
    sloAvailabilityPercent: percentage(90, 99.99),
    sloLatencyP95Ms: wholeNumber(50, 10_000),
    sentryOrganization: sentrySlug,
    sentryTeam: sentrySlug,
    atlasOrgId: z.string().regex(/^[0-9a-f]{24}$/, { error: "must be a MongoDB Atlas organization id (24 hex digits)" }),
    atlasAzureServicePrincipalId: z.uuid({ error: "must be the object id (a UUID) of MongoDB Atlas's service principal in your Azure tenant" }),
    cloudflareAccountId: z.string().regex(/^[0-9a-f]{32}$/, { error: "must be a Cloudflare account id (32 hex digits)" }),
    cloudflareZoneId: z.string().regex(/^[0-9a-f]{32}$/, { error: "must be a Cloudflare zone id (32 hex digits)" }),
    usageLogGbPerMonth: wholeNumber(0, 1_000_000),
    usageFlowLogGbPerMonth: wholeNumber(0, 1_000_000),
    usageAuditLogGbPerMonth: wholeNumber(0, 1_000_000),
    usageAuditEventsPerMonth: wholeNumber(0, 100_000_000_000),
    usageNatGbPerMonth: wholeNumber(0, 1_000_000),
    usageEdgeGbPerMonth: wholeNumber(0, 100_000_000),
    usageEdgeRequestsPerMonth: wholeNumber(0, 1_000_000_000_000),
    usageMonthlyActiveUsers: wholeNumber(0, 1_000_000_000),
} as const satisfies Record<ConfigKey, z.ZodType<unknown, string>>;

/** A config value once its schema has parsed it. */
export type Parsed = { -readonly [K in ConfigKey]?: z.output<(typeof FIELDS)[K]> };

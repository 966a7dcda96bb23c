/**
 * Rules that span keys: what a choice of cloud or engine requires, what prod requires, and
 * what the chosen database and cache services accept (from the capability tables). Also
 * fills the defaults that depend on the service rather than the environment.
 */
import { cacheConfigProblems, cloudDefaultCachePersistence } from "../domain/capabilities/cache";
import { databaseConfigProblems, databaseService, defaultDatabaseNodes } from "../domain/capabilities/database";
import { AZURE_MAX_FLOW_LOG_RETENTION_DAYS, ENTRA_EXTERNAL_ID_DATA_LOCATIONS } from "../domain/catalogs/azure";
import { APP_COLOURS, APP_SERVICES, defaultHosts, idleColour, type AppColour, type AppService, type ImageRef } from "../domain/capabilities/app";
import { KUBERNETES_VERSIONS } from "../domain/capabilities/cluster";
import {
    CUSTOM_SIGN_IN_HOST,
    IDENTITY_SERVICE_NAMES,
    IDENTITY_SETTING_KEYS,
    PROD_IDENTITY,
    defaultIdentityUrls,
    identityCapabilityGaps,
    identityService,
    type IdentitySetting,
    type IdentitySettings,
} from "../domain/capabilities/identity";
import type { ObservabilitySettings } from "../domain/capabilities/observability";
import { CLOUD_NAMES, type Cloud } from "../domain/clouds";
import { PROD_MIN_AUDIT_RETENTION_DAYS, type AppSettings, type CacheSettings, type ClusterSettings, type ConfigKey, type DatabaseSettings, type SecuritySettings, type UsageSettings } from "../domain/stack-config";
import type { Report } from "./errors";
import type { Parsed } from "./schema";

export interface RuleContext {
    /** The raw values, to tell a value the user set from a profile default. */
    readonly raw: Readonly<Record<string, string>>;
    readonly cloud: Cloud | undefined;
    readonly isProd: boolean;
    readonly hasDr: boolean;
    readonly report: Report;
}

/** How many voting members a database needs depends on its service (Atlas always runs at
 * least three; Cosmos DB vCore HA is a pair), so that default comes from the service. */
export function fillServiceDefaults(parsed: Parsed, { raw, cloud, isProd }: RuleContext): void {
    const databaseEngine = parsed.databaseEngine;
    if (raw.databaseNodes === undefined && cloud !== undefined && databaseEngine !== undefined) {
        parsed.databaseNodes = defaultDatabaseNodes(databaseService(cloud, databaseEngine), isProd);
    }
}

export function checkCrossKeyRules(parsed: Parsed, { raw, cloud, isProd, report }: RuleContext): void {
    if (cloud === "gcp" && parsed.gcpProject === undefined) {
        report("gcpProject", "must be set when cloud is gcp: the id of the GCP project that hosts the stack");
    }
    const databaseEngine = parsed.databaseEngine;
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
    for (const key of ["domain", "alertEmails", "owner", "costCentre", "appImages"] as const) {
        if (raw[key] === undefined) report(key, "must be set in the stack file");
    }
    if (isProd) {
        if (parsed.databaseNodes !== undefined && parsed.databaseNodes < 2) {
            report("databaseNodes", "prod needs at least 2 database nodes so a zone failure fails over instead of losing the database");
        }
        if (parsed.cacheReplicasPerShard !== undefined && parsed.cacheReplicasPerShard < 1) {
            report("cacheReplicasPerShard", "prod needs at least 1 replica per shard for automatic failover");
        }
    }
}

/** The Kubernetes cluster: node bounds, the API endpoint's exposure, the version the cloud supports. */
export function checkCluster(parsed: Parsed, { raw, cloud, isProd, hasDr, report }: RuleContext, zoneCount: number | undefined): void {
    const { clusterMinNodes: min, clusterMaxNodes: max, clusterDrMinNodes: drMin, clusterEndpoint: endpoint, clusterAuthorizedCidrs: cidrs } = parsed;
    if (min !== undefined && max !== undefined && max < min) report("clusterMaxNodes", `must be at least clusterMinNodes (${min})`);
    // Prod never runs below one node per zone, so a zone loss leaves the app running elsewhere.
    if (isProd && min !== undefined && zoneCount !== undefined && min < Math.max(2, zoneCount)) {
        report("clusterMinNodes", `prod needs at least one node per zone (${Math.max(2, zoneCount)} across ${zoneCount} zones) so the app survives a node or zone loss`);
    }
    if (drMin !== undefined && max !== undefined && drMin > max) report("clusterDrMinNodes", `must be at most clusterMaxNodes (${max}): the standby scales up to the primary's maximum on failover`);
    if (raw.clusterDrMinNodes !== undefined && !hasDr) report("clusterDrMinNodes", "sizes the DR standby cluster, so it needs a DR region; this stack has none");
    if (endpoint === "restricted" && (cidrs === undefined || cidrs.length === 0)) {
        report("clusterAuthorizedCidrs", "must list the ranges allowed to reach the Kubernetes API when clusterEndpoint is restricted (an office or VPN egress range)");
    }
    if (endpoint === "private" && cidrs !== undefined && cidrs.length > 0) {
        report("clusterAuthorizedCidrs", "is used only when clusterEndpoint is restricted; a private endpoint is reachable from inside the network only");
    }
    const version = parsed.clusterKubernetesVersion;
    if (cloud !== undefined && version !== undefined && !KUBERNETES_VERSIONS[cloud].value.includes(version)) {
        report("clusterKubernetesVersion", `${CLOUD_NAMES[cloud]} supports ${KUBERNETES_VERSIONS[cloud].value.join(", ")} (standard support as of ${KUBERNETES_VERSIONS[cloud].checked})`);
    }
}

/** The cluster settings once every key they need parsed, else undefined. */
/** Without a DR-specific minimum (a stack given a DR region outside prod), the standby keeps the primary's. */
export function clusterSettings(parsed: Parsed): ClusterSettings | undefined {
    const { clusterNodeSize, clusterMinNodes, clusterMaxNodes, clusterDrMinNodes, clusterKubernetesVersion, clusterEndpoint, clusterAuthorizedCidrs, clusterMaintenanceWindow } = parsed;
    if (
        clusterNodeSize === undefined ||
        clusterMinNodes === undefined ||
        clusterMaxNodes === undefined ||
        clusterKubernetesVersion === undefined ||
        clusterEndpoint === undefined ||
        clusterMaintenanceWindow === undefined
    ) {
        return undefined;
    }
    return {
        nodeSize: clusterNodeSize,
        minNodes: clusterMinNodes,
        maxNodes: clusterMaxNodes,
        drMinNodes: clusterDrMinNodes ?? clusterMinNodes,
        kubernetesVersion: clusterKubernetesVersion,
        endpoint: clusterEndpoint,
        authorizedCidrs: clusterAuthorizedCidrs ?? [],
        maintenanceWindow: clusterMaintenanceWindow,
    };
}

/** The database settings once every key they need parsed, else undefined. */
export function databaseSettings(parsed: Parsed): DatabaseSettings | undefined {
    const { databaseEngine, databaseSize, databaseNodes, databaseReadReplicas, databaseShards, databaseStorageGb, databasePointInTimeRecovery } = parsed;
    if (
        databaseEngine === undefined ||
        databaseSize === undefined ||
        databaseNodes === undefined ||
        databaseReadReplicas === undefined ||
        databaseShards === undefined ||
        databaseStorageGb === undefined ||
        databasePointInTimeRecovery === undefined
    ) {
        return undefined;
    }
    return {
        engine: databaseEngine,
        size: databaseSize,
        nodes: databaseNodes,
        readReplicas: databaseReadReplicas,
        shards: databaseShards,
        storageGb: databaseStorageGb,
        pointInTimeRecovery: databasePointInTimeRecovery,
    };
}

/** The cache settings once every key they need parsed, else undefined. */
export function cacheSettings(parsed: Parsed): CacheSettings | undefined {
    const { cacheEngine, cacheSize, cacheShards, cacheReplicasPerShard, cachePersistence, cacheSnapshotRetentionDays } = parsed;
    if (
        cacheEngine === undefined ||
        cacheSize === undefined ||
        cacheShards === undefined ||
        cacheReplicasPerShard === undefined ||
        cachePersistence === undefined ||
        cacheSnapshotRetentionDays === undefined
    ) {
        return undefined;
    }
    return { engine: cacheEngine, size: cacheSize, shards: cacheShards, replicasPerShard: cacheReplicasPerShard, persistence: cachePersistence, snapshotRetentionDays: cacheSnapshotRetentionDays };
}

/** What the chosen database and cache services accept, from the capability tables. */
export function checkDataTier(parsed: Parsed, { raw, cloud, isProd, hasDr, report }: RuleContext): void {
    if (cloud === undefined) return;
    const database = databaseSettings(parsed);
    if (database !== undefined && parsed.rpoMinutes !== undefined) {
        for (const problem of databaseConfigProblems(database, { cloud, hasDr, rpoMinutes: parsed.rpoMinutes })) report(problem.key, problem.message);
    }
    // Persistence the cache service cannot combine with prod's DR copy (Azure) defaults to
    // what it can; an explicit value is still checked below and reported.
    if (raw.cachePersistence === undefined && parsed.cacheShards !== undefined && parsed.cachePersistence !== undefined) {
        parsed.cachePersistence = cloudDefaultCachePersistence(cloud, parsed.cacheShards, isProd, parsed.cachePersistence) ?? parsed.cachePersistence;
    }
    const cache = cacheSettings(parsed);
    if (cache !== undefined) {
        for (const problem of cacheConfigProblems(cache, cloud, isProd)) report(problem.key, problem.message);
    }
}

/** Where each service's replica bounds and probe paths are read from. */
const APP_KEYS = {
    backend: { min: "appBackendMinReplicas", max: "appBackendMaxReplicas", readiness: "appBackendReadinessPath", liveness: "appBackendLivenessPath" },
    frontend: { min: "appFrontendMinReplicas", max: "appFrontendMaxReplicas", readiness: "appFrontendReadinessPath", liveness: "appFrontendLivenessPath" },
} as const satisfies Record<AppService, { min: ConfigKey; max: ConfigKey; readiness: ConfigKey; liveness: ConfigKey }>;

/**
 * The release and its scaling: the active colour has an image for every service, bounds are
 * ordered, prod keeps a replica per zone, and on Azure every image is pinned by digest (ACR has
 * no immutable tags, so a tag alone could be overwritten under a running release).
 */
export function checkApp(parsed: Parsed, { raw, cloud, isProd, hasDr, report }: RuleContext, zoneCount: number | undefined): void {
    const active = parsed.appActiveColour;
    const images = parsed.appImages;
    if (images !== undefined) {
        for (const service of APP_SERVICES) {
            const colours = images[service];
            if (active !== undefined && colours[active] === undefined) {
                report("appImages", `${service} has no image for the active colour ${active} (appActiveColour): set ${service}.${active} to a tag or digest`);
            }
            if (cloud === "azure") {
                const unpinned = APP_COLOURS.filter((c) => colours[c] !== undefined && colours[c].digest === undefined);
                if (unpinned.length > 0) {
                    report("appImages", `${service}.${unpinned.join(` and ${service}.`)} must be pinned by digest on Azure (tag@sha256:… or sha256:…): Azure Container Registry tags are mutable`);
                }
            }
        }
    }
    const maxes: number[] = [];
    for (const service of APP_SERVICES) {
        const keys = APP_KEYS[service];
        const min = parsed[keys.min];
        const max = parsed[keys.max];
        if (max !== undefined) maxes.push(max);
        if (min !== undefined && max !== undefined && min > max) report(keys.max, `must be at least ${keys.min} (${min})`);
        // One replica per zone at least, so a zone loss leaves the service answering while the autoscaler replaces capacity.
        if (isProd && min !== undefined && zoneCount !== undefined && min < Math.max(2, zoneCount)) {
            report(keys.min, `prod needs at least one replica per zone (${Math.max(2, zoneCount)} across ${zoneCount} zones) so a zone loss leaves ${service} answering`);
        }
    }
    const drMin = parsed.appDrMinReplicas;
    if (raw.appDrMinReplicas !== undefined && !hasDr) report("appDrMinReplicas", "sizes the app on the DR cluster, so it needs a DR region; this stack has none");
    if (drMin !== undefined && maxes.some((max) => drMin > max)) report("appDrMinReplicas", `must be at most every service's maximum replicas (${Math.min(...maxes)})`);
    const hosts = [parsed.appHostname, parsed.apiHostname, parsed.staticHostname].filter((h) => h !== undefined);
    if (new Set(hosts).size < hosts.length) report("apiHostname", "appHostname, apiHostname and staticHostname must differ: each routes to its own service");
}

/** The app settings once every key they need parsed, else undefined; an idle colour without an image runs the active colour's. */
export function appSettings(parsed: Parsed): AppSettings | undefined {
    const { appActiveColour: active, appImages: images, appDrMinReplicas: drMin, domain } = parsed;
    if (active === undefined || images === undefined || drMin === undefined || domain === undefined) return undefined;
    const derived = defaultHosts(domain);
    const byService = <V>(f: (service: AppService) => V | undefined): Record<AppService, V> | undefined => {
        const entries = APP_SERVICES.map((s) => [s, f(s)] as const);
        return entries.every(([, v]) => v !== undefined) ? (Object.fromEntries(entries) as Record<AppService, V>) : undefined;
    };
    const imageSettings = byService((service) => {
        const colours = images[service];
        const activeRef = colours[active];
        if (activeRef === undefined) return undefined;
        const idle = idleColour(active);
        return { repository: colours.repository ?? service, colours: { [active]: activeRef, [idle]: colours[idle] ?? activeRef } as Record<AppColour, ImageRef> };
    });
    const replicas = byService((service) => {
        const min = parsed[APP_KEYS[service].min];
        const max = parsed[APP_KEYS[service].max];
        return min === undefined || max === undefined ? undefined : { min, max };
    });
    const probes = byService((service) => {
        const readiness = parsed[APP_KEYS[service].readiness];
        const liveness = parsed[APP_KEYS[service].liveness];
        return readiness === undefined || liveness === undefined ? undefined : { readiness, liveness };
    });
    if (imageSettings === undefined || replicas === undefined || probes === undefined) return undefined;
    return {
        activeColour: active,
        images: imageSettings,
        replicas,
        drMinReplicas: drMin,
        probes,
        hosts: { app: parsed.appHostname ?? derived.app, api: parsed.apiHostname ?? derived.api, static: parsed.staticHostname ?? derived.static },
    };
}

/** Prod keeps a year of audit history; the GCP log bucket and the Azure workspace cap retention below the schema's maximum. */
export function checkSecurity(parsed: Parsed, { isProd, report }: RuleContext): void {
    const days = parsed.auditLogRetentionDays;
    if (isProd && days !== undefined && days < PROD_MIN_AUDIT_RETENTION_DAYS) {
        report("auditLogRetentionDays", `prod keeps audit logs at least ${PROD_MIN_AUDIT_RETENTION_DAYS} days (a year of history for incident investigation)`);
    }
}

/** The security settings once every key they need parsed, else undefined. */
export function securitySettings(parsed: Parsed): SecuritySettings | undefined {
    const { auditLogRetentionDays, threatDetection, ownsAccountSingletons } = parsed;
    if (auditLogRetentionDays === undefined || threatDetection === undefined || ownsAccountSingletons === undefined) return undefined;
    return { auditLogRetentionDays, threatDetection, ownsAccountSingletons };
}

/** The usage assumptions once every key parsed (each has a profile default), else undefined. */
export function usageSettings(parsed: Parsed): UsageSettings | undefined {
    const { usageLogGbPerMonth, usageFlowLogGbPerMonth, usageAuditLogGbPerMonth, usageAuditEventsPerMonth, usageNatGbPerMonth, usageEdgeGbPerMonth, usageEdgeRequestsPerMonth, usageMonthlyActiveUsers } = parsed;
    if (
        usageLogGbPerMonth === undefined ||
        usageFlowLogGbPerMonth === undefined ||
        usageAuditLogGbPerMonth === undefined ||
        usageAuditEventsPerMonth === undefined ||
        usageNatGbPerMonth === undefined ||
        usageEdgeGbPerMonth === undefined ||
        usageEdgeRequestsPerMonth === undefined ||
        usageMonthlyActiveUsers === undefined
    ) {
        return undefined;
    }
    return {
        logGbPerMonth: usageLogGbPerMonth,
        flowLogGbPerMonth: usageFlowLogGbPerMonth,
        auditLogGbPerMonth: usageAuditLogGbPerMonth,
        auditEventsPerMonth: usageAuditEventsPerMonth,
        natGbPerMonth: usageNatGbPerMonth,
        edgeGbPerMonth: usageEdgeGbPerMonth,
        edgeRequestsPerMonth: usageEdgeRequestsPerMonth,
        monthlyActiveUsers: usageMonthlyActiveUsers,
    };
}

/** Error tracking needs both the organisation and the team that owns the stack's projects. */
export function checkObservability({ raw, report }: RuleContext): void {
    // Presence is judged on what the stack set, so a malformed slug is reported once, by the schema.
    if (raw.sentryOrganization !== undefined && raw.sentryTeam === undefined) report("sentryTeam", "must be set with sentryOrganization: the Sentry team that owns the stack's projects and receives their alerts");
    if (raw.sentryTeam !== undefined && raw.sentryOrganization === undefined) report("sentryOrganization", "must be set with sentryTeam: error tracking needs the organisation");
}

/** The observability settings once the objectives parsed, else undefined. */
export function observabilitySettings(parsed: Parsed): ObservabilitySettings | undefined {
    const { sloAvailabilityPercent, sloLatencyP95Ms, sentryOrganization, sentryTeam } = parsed;
    if (sloAvailabilityPercent === undefined || sloLatencyP95Ms === undefined) return undefined;
    return {
        slo: { availabilityPercent: sloAvailabilityPercent, latencyP95Ms: sloLatencyP95Ms },
        ...(sentryOrganization !== undefined && sentryTeam !== undefined ? { errorTracking: { organization: sentryOrganization, team: sentryTeam } } : {}),
    };
}

/** The identity keys the stack itself set (not the profile's), by setting. */
function explicitIdentitySettings(raw: Readonly<Record<string, string>>): ReadonlySet<IdentitySetting> {
    return new Set((Object.entries(IDENTITY_SETTING_KEYS) as [IdentitySetting, ConfigKey][]).filter(([, key]) => raw[key] !== undefined).map(([setting]) => setting));
}

/** True when `host` is `zone` or a name under it. */
function inZone(host: string, zone: string): boolean {
    return host === zone || host.endsWith(`.${zone}`);
}

/**
 * Sign-in: what prod demands whatever the provider, what the chosen service can apply (the
 * capability table: a setting the stack set and the service cannot honour is an error), and
 * redirect URLs only to the app's own hosts, so a stolen authorization code cannot be sent
 * to anyone else's site.
 */
export function checkIdentity(parsed: Parsed, { raw, cloud, isProd, report }: RuleContext, primaryRegion: string | undefined): void {
    const { identityProvider: provider, identityMfa: mfa, identityPasswordMinLength: minLength, identityAccessTokenMinutes: accessMinutes } = parsed;
    if (isProd && mfa !== undefined && mfa !== PROD_IDENTITY.mfa) report("identityMfa", `prod requires MFA for every user (${PROD_IDENTITY.mfa})`);
    if (isProd && minLength !== undefined && minLength < PROD_IDENTITY.minPasswordLength) {
        report("identityPasswordMinLength", `prod requires passwords of at least ${PROD_IDENTITY.minPasswordLength} characters`);
    }
    if (isProd && accessMinutes !== undefined && accessMinutes > PROD_IDENTITY.maxAccessTokenMinutes) {
        report("identityAccessTokenMinutes", `prod access tokens last at most ${PROD_IDENTITY.maxAccessTokenMinutes} minutes (a leaked token must expire soon; refresh tokens keep the session)`);
    }
    if (provider === "auth0" && parsed.auth0Domain === undefined) report("auth0Domain", "must be set when identityProvider is auth0: your tenant's domain, such as gravitypm.eu.auth0.com");
    if (provider !== "auth0" && raw.auth0Domain !== undefined && provider !== undefined) report("auth0Domain", "is used only when identityProvider is auth0");

    const hosts = appSettings(parsed)?.hosts;
    if (hosts !== undefined) {
        const allowed = new Set([hosts.app, hosts.api, hosts.static]);
        for (const key of ["identityCallbackUrls", "identityLogoutUrls"] as const) {
            for (const url of parsed[key] ?? []) {
                const host = new URL(url).hostname;
                if (!allowed.has(host)) report(key, `${url} is not on one of the app's hosts (${[...allowed].join(", ")})`);
            }
        }
    }
    const zone = parsed.dnsZone ?? parsed.domain;
    if (parsed.identityHostname !== undefined && zone !== undefined && !inZone(parsed.identityHostname, zone)) {
        report("identityHostname", `must be in the DNS zone ${zone} (config dnsZone), where its records and certificate validation go`);
    }

    const settings = identityCore(parsed);
    if (cloud === undefined || provider === undefined || settings === undefined) return;
    const service = identityService(cloud, provider);
    // An external tenant keeps its users in a geography named for the region; where none is
    // known, the users would land on another continent.
    if (service === "entra-external-id" && primaryRegion !== undefined && ENTRA_EXTERNAL_ID_DATA_LOCATIONS.value[primaryRegion] === undefined) {
        report(
            "azureRegion",
            `has no Microsoft Entra External ID data location (known: ${Object.keys(ENTRA_EXTERNAL_ID_DATA_LOCATIONS.value).join(", ")}); choose one of those regions or identityProvider=auth0`,
        );
    }
    if (parsed.identityHostname !== undefined && !CUSTOM_SIGN_IN_HOST[service]) {
        report("identityHostname", `${IDENTITY_SERVICE_NAMES[service]} cannot serve its sign-in pages on the stack's domain here; leave it unset`);
    }
    for (const problem of identityCapabilityGaps(service, settings, explicitIdentitySettings(raw)).problems) {
        report(IDENTITY_SETTING_KEYS[problem.setting], problem.message);
    }
}

function identityCore(parsed: Parsed): Pick<IdentitySettings, IdentitySetting> | undefined {
    const { identityMfa: mfa, identityPasswordMinLength: passwordMinLength, identityPasswordComplexity: passwordComplexity } = parsed;
    const { identityLockoutThreshold: lockoutThreshold, identityAccessTokenMinutes: accessTokenMinutes, identityRefreshTokenDays: refreshTokenDays } = parsed;
    if (mfa === undefined || passwordMinLength === undefined || passwordComplexity === undefined) return undefined;
    if (lockoutThreshold === undefined || accessTokenMinutes === undefined || refreshTokenDays === undefined) return undefined;
    return { mfa, passwordMinLength, passwordComplexity, lockoutThreshold, accessTokenMinutes, refreshTokenDays };
}

/** The identity settings once every key they need parsed, else undefined; notes name the profile defaults the service cannot apply. */
export function identitySettings(parsed: Parsed, { raw, cloud }: Pick<RuleContext, "raw" | "cloud">): IdentitySettings | undefined {
    const core = identityCore(parsed);
    const hosts = appSettings(parsed)?.hosts;
    const provider = parsed.identityProvider;
    const dnsZone = parsed.dnsZone ?? parsed.domain;
    if (core === undefined || hosts === undefined || provider === undefined || cloud === undefined || dnsZone === undefined) return undefined;
    const derived = defaultIdentityUrls(hosts.app);
    return {
        ...core,
        provider,
        callbackUrls: parsed.identityCallbackUrls ?? derived.callbackUrls,
        logoutUrls: parsed.identityLogoutUrls ?? derived.logoutUrls,
        ...(parsed.identityHostname !== undefined ? { hostname: parsed.identityHostname } : {}),
        dnsZone,
        ...(parsed.auth0Domain !== undefined ? { auth0Domain: parsed.auth0Domain } : {}),
        notes: identityCapabilityGaps(identityService(cloud, provider), core, explicitIdentitySettings(raw)).notes,
    };
}

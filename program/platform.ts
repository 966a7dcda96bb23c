/**
 * The composition, identical on every cloud: sites (explicit providers) → keys → alerts →
 * network → data tier → identity → cluster (+ registry, ingress; a standby in the DR region) → the app
 * on each cluster → edge → backup → the security baseline (audit, diagnostics, detection). Components never read config; this file hands each what it needs: every arg a contract takes is passed here (user-facing values from
 * the config, per-service ones such as versions from domain/capabilities), so no component
 * has defaults of its own. Logical names here are part of every URN below them: renaming
 * one replaces its resources, so a rename needs an alias.
 */
import * as pulumi from "@pulumi/pulumi";
import type { AppDataTier, AppIdentity } from "../components/contracts/app";
import type { CloudImplementation, CloudTypes } from "../components/contracts/cloud";
import { GravityApp } from "../components/kubernetes/gravity-app";
import { ERROR_TRACKING_OFF_NOTE, SentryErrorTracking } from "../components/sentry/error-tracking";
import type { StackConfig } from "../domain/stack-config";
import { defaultCacheVersion } from "../domain/capabilities/cache";
import { APP_NAMESPACE, APP_SERVICES, type AppColour, type AppHosts } from "../domain/capabilities/app";
import { MAINTENANCE_WINDOW_HOURS } from "../domain/capabilities/cluster";
import { DATABASE_SERVICE_NAMES, DATABASE_VERSIONS, databaseService } from "../domain/capabilities/database";
import { IDENTITY_SERVICE_NAMES } from "../domain/capabilities/identity";
import { KEY_ROTATION_DAYS } from "../domain/capabilities/keys";

export interface PlatformOutputs {
    readonly cloud: string;
    readonly environment: string;
    /** The stack's recovery targets; the policy pack's RPO rule judges the plan against them. */
    readonly rpoMinutes: number;
    readonly rtoMinutes: number;
    readonly primaryRegion: string;
    readonly drRegion?: string;
    readonly zones: readonly string[];
    readonly networkId: pulumi.Output<string>;
    readonly drNetworkId?: pulumi.Output<string>;
    readonly keyId: pulumi.Output<string>;
    readonly alertTargets: pulumi.Output<string>[];
    /** The managed service the database runs on (DocumentDB, MongoDB Atlas, Cosmos DB vCore). */
    readonly databaseService: string;
    readonly databaseHost: pulumi.Output<string>;
    readonly databasePort: pulumi.Output<number>;
    readonly databaseReaderHost: pulumi.Output<string>;
    /** null where the service has no replica set a driver names (sharded, vCore), so the output exists on every cloud. */
    readonly databaseReplicaSetName: pulumi.Output<string | null>;
    /** Secret; also in the cloud's secret store at `databaseConnectionSecretId`. */
    readonly databaseConnectionString: pulumi.Output<string>;
    readonly databaseConnectionSecretId: pulumi.Output<string>;
    /** The cache endpoint; its connection string (with the credential) stays a secret in the
     * cloud's secret store and is not a stack output. */
    readonly cacheHost: pulumi.Output<string>;
    readonly cachePort: pulumi.Output<number>;
    readonly cacheClusterMode: boolean;
    /** How the cache reaches the DR region, or why it does not. */
    readonly cacheCrossRegion: string;
    readonly clusterName: pulumi.Output<string>;
    /** Secret: authenticates through the cloud's exec credential plugin. */
    readonly kubeconfig: pulumi.Output<string>;
    readonly registryUrl: pulumi.Output<string>;
    /** The ingress load balancer: the origin the Edge sends traffic to. */
    readonly ingressHostname: pulumi.Output<string>;
    readonly ingressIp: pulumi.Output<string>;
    readonly drClusterName?: pulumi.Output<string>;
    readonly drRegistryUrl?: pulumi.Output<string>;
    /** Where the platform's audit trail is kept. */
    readonly auditStoreId: pulumi.Output<string>;
    /** What detects threats on this cloud, or why nothing does. */
    readonly threatDetection: string;
    readonly appNamespace: pulumi.Output<string>;
    /** The app's host names: what the Edge serves and Identity's callbacks use. */
    readonly appHosts: AppHosts;
    /** The colour the stable Services select. */
    readonly appActiveColour: AppColour;
    readonly appBackendPrincipal: pulumi.Output<string>;
    /** The sign-in service, the issuer the backend trusts and the web client; the API client's secret stays in the cluster. */
    readonly identityService: string;
    readonly identityIssuerUrl: pulumi.Output<string>;
    readonly identityJwksUrl: pulumi.Output<string>;
    readonly identityWebClientId: pulumi.Output<string>;
    readonly identitySignInUrl: pulumi.Output<string>;
    /** Settings the service does not apply, and contract parts it does not offer. */
    readonly identityNotes: readonly string[];
    /** Where the clusters' and the app's logs and metrics are kept, and the stack's dashboard. */
    readonly logStoreId: pulumi.Output<string>;
    readonly metricsStoreId: pulumi.Output<string>;
    readonly dashboardUrl: pulumi.Output<string>;
    /** What is not watched, and what an operator sets by hand (error tracking included). */
    readonly observabilityNotes: readonly string[];
    readonly drAppBackendPrincipal?: pulumi.Output<string>;
}

export function buildPlatform<T extends CloudTypes>(cfg: StackConfig, cloud: CloudImplementation<T>): PlatformOutputs {
    const namePrefix = `${cfg.project}-${cfg.stack}`;
    // Stateful resources (keys, log stores, databases) are protected in prod only, so a
    // staging teardown stays one `pulumi destroy`.
    const protect = cfg.isProd;

    const primary = cloud.site("primary", { role: "primary", placement: cfg.primary, tags: cfg.tags, namePrefix, protect });
    const keys = cloud.keys("primary-keys", { site: primary, rotationDays: KEY_ROTATION_DAYS, protect });
    // The DR site and key come before the alerts, which need them where alert targets are
    // regional (an AWS alarm can only notify a topic in its own region).
    const dr = cfg.dr ? cloud.site("dr", { role: "dr", placement: cfg.dr, tags: cfg.tags, namePrefix, protect }) : undefined;
    const drKeys = dr ? cloud.keys("dr-keys", { site: dr, rotationDays: KEY_ROTATION_DAYS, protect }) : undefined;
    const alerts = cloud.alerts("alerts", {
        site: primary,
        keys,
        emails: cfg.alertEmails,
        webhookUrl: cfg.alertWebhookUrl,
        dr: dr && drKeys ? { site: dr, keys: drKeys } : undefined,
    });
    const network = cloud.network("primary-network", {
        site: primary,
        keys,
        flowLogRetentionDays: cfg.logRetentionDays,
        natPerZone: cfg.isProd,
        protect,
    });

    const drNetwork =
        dr && drKeys
            ? cloud.network("dr-network", {
                  site: dr,
                  keys: drKeys,
                  flowLogRetentionDays: cfg.logRetentionDays,
                  // The DR region idles until failover; one NAT keeps its standing cost low.
                  natPerZone: false,
                  protect,
              })
            : undefined;

    const drPlacement = dr && drKeys && drNetwork ? { site: dr, keys: drKeys, network: drNetwork } : undefined;

    const database = cloud.database("database", {
        site: primary,
        keys,
        network,
        alerts,
        dr: drPlacement,
        alertEmails: cfg.alertEmails,
        alertWebhookUrl: cfg.alertWebhookUrl,
        engine: cfg.database.engine,
        version: DATABASE_VERSIONS[databaseService(cfg.cloud, cfg.database.engine)],
        size: cfg.database.size,
        nodes: cfg.database.nodes,
        readReplicas: cfg.database.readReplicas,
        shards: cfg.database.shards,
        storageGb: cfg.database.storageGb,
        backupRetentionDays: cfg.backupRetentionDays,
        pointInTimeRecovery: cfg.database.pointInTimeRecovery,
        logRetentionDays: cfg.logRetentionDays,
        atlasOrgId: cfg.atlasOrgId,
        atlasAzureServicePrincipalId: cfg.atlasAzureServicePrincipalId,
        protect,
    });

    const cache = cloud.cache("cache", {
        site: primary,
        keys,
        network,
        alerts,
        dr: drPlacement,
        environment: cfg.environment,
        engine: cfg.cache.engine,
        version: defaultCacheVersion(cfg.cloud, cfg.cache.engine),
        size: cfg.cache.size,
        shards: cfg.cache.shards,
        replicasPerShard: cfg.cache.replicasPerShard,
        persistence: cfg.cache.persistence,
        snapshotRetentionDays: cfg.cache.snapshotRetentionDays,
        backupRetentionDays: cfg.backupRetentionDays,
        logRetentionDays: cfg.logRetentionDays,
        protect,
    });

    // Sign-in: one directory for the stack, in the primary region; the DR app trusts the same
    // issuer (a regional directory such as Cognito's is not replicated: docs/identity.md).
    const identity = cloud.identity("identity", {
        site: primary,
        keys,
        alerts,
        environment: cfg.environment,
        settings: cfg.identity,
        hosts: cfg.app.hosts,
        protect,
    });
    const appIdentity: AppIdentity = {
        issuerUrl: identity.issuerUrl,
        jwksUrl: identity.jwksUrl,
        webClientId: identity.webClientId,
        signInUrl: identity.signInUrl,
        signOutUrl: identity.signOutUrl,
        apiClientId: identity.apiClientId,
        apiClientSecret: identity.apiClientSecret,
    };

    // Error tracking is cloud-neutral (Sentry) and optional: off unless config names an organisation.
    const errorTracking = cfg.observability.errorTracking
        ? new SentryErrorTracking("error-tracking", { settings: cfg.observability.errorTracking, environment: cfg.environment, namePrefix, hosts: cfg.app.hosts, protect })
        : undefined;

    const clusterSettings = {
        environment: cfg.environment,
        kubernetesVersion: cfg.cluster.kubernetesVersion,
        maintenanceWindow: cfg.cluster.maintenanceWindow,
        maintenanceHours: MAINTENANCE_WINDOW_HOURS.value,
        endpoint: cfg.cluster.endpoint,
        authorizedCidrs: cfg.cluster.authorizedCidrs,
        logRetentionDays: cfg.logRetentionDays,
        repositories: APP_SERVICES.map((service) => cfg.app.images[service].repository),
        protect,
    };
    const cluster = cloud.cluster("cluster", {
        site: primary,
        keys,
        network,
        alerts,
        role: "primary",
        nodePool: { size: cfg.cluster.nodeSize, minNodes: cfg.cluster.minNodes, maxNodes: cfg.cluster.maxNodes },
        ...clusterSettings,
    });
    // The warm standby idles at a smaller minimum and scales to the primary's maximum on failover.
    const drCluster = drPlacement
        ? cloud.cluster("dr-cluster", {
              ...drPlacement,
              alerts,
              role: "standby",
              nodePool: { size: cfg.cluster.nodeSize, minNodes: cfg.cluster.drMinNodes, maxNodes: cfg.cluster.maxNodes },
              primaryRegistry: cluster.registry,
              ...clusterSettings,
          })
        : undefined;

    // The app: the same component on the primary and the standby, each with its region's data
    // endpoints; the standby idles at the DR minimum and scales to the primary's maximum.
    const appSettings = {
        environment: cfg.environment,
        stack: cfg.stack,
        kubernetesVersion: cfg.cluster.kubernetesVersion,
        activeColour: cfg.app.activeColour,
        images: cfg.app.images,
        probes: cfg.app.probes,
        hosts: cfg.app.hosts,
        identity: appIdentity,
        ...(errorTracking ? { errorTracking: { dsns: errorTracking.dsns } } : {}),
    };
    const primaryData: AppDataTier = { databaseConnectionString: database.connectionString, cacheConnectionString: cache.connectionString, cidrs: network.dataTierCidrs };
    const app = new GravityApp("app", { cluster, replicas: cfg.app.replicas, data: primaryData, announceReleases: true, ...appSettings });
    const drApp =
        drCluster && drNetwork
            ? new GravityApp("dr-app", {
                  cluster: drCluster,
                  replicas: Object.fromEntries(APP_SERVICES.map((s) => [s, { min: cfg.app.drMinReplicas, max: cfg.app.replicas[s].max }])) as typeof cfg.app.replicas,
                  // The DR region's own endpoints where the store runs a copy there; a store without
                  // one (a Memorystore instance: a daily export) leaves the standby the primary's
                  // string until the cache is restored in the DR region (docs/cache.md).
                  data: {
                      databaseConnectionString: database.dr?.connectionString ?? database.connectionString,
                      cacheConnectionString: cache.dr?.connectionString ?? cache.connectionString,
                      cidrs: drNetwork.dataTierCidrs,
                  },
                  announceReleases: false,
                  ...appSettings,
              })
            : undefined;

    // After the clusters and the app (it charts and probes them), before the security baseline
    // (Azure's collection rules and Application Insights register for diagnostic settings). It
    // waits for the clusters as resources too: their log stores grant the Logging agent the key
    // the stack's log bucket is created with (GCP).
    const observed = [
        { role: "primary" as const, site: primary, keys, cluster },
        ...(drCluster && dr && drKeys ? [{ role: "standby" as const, site: dr, keys: drKeys, cluster: drCluster }] : []),
    ];
    const observability = cloud.observability(
        "observability",
        {
            site: primary,
            keys,
            alerts,
            environment: cfg.environment,
            clusters: observed,
            database,
            cache,
            appNamespace: APP_NAMESPACE,
            uptimeTargets: [
                { name: "app", host: cfg.app.hosts.app, path: "/" },
                { name: "api", host: cfg.app.hosts.api, path: cfg.app.probes.backend.readiness },
            ],
            settings: cfg.observability,
            logRetentionDays: cfg.logRetentionDays,
            protect,
        },
        { dependsOn: observed.flatMap(({ cluster: c }) => (c instanceof pulumi.Resource ? [c] : [])) },
    );

    // Last, so the audit side sees every resource the stack declares (Azure's diagnostic settings).
    const security = cloud.securityBaseline("security", {
        site: primary,
        keys,
        alerts,
        dr: dr && drKeys ? { site: dr, keys: drKeys } : undefined,
        environment: cfg.environment,
        retentionDays: cfg.security.auditLogRetentionDays,
        // Write-once and deletion locks in prod only, so staging stays one `pulumi destroy`.
        lock: cfg.isProd,
        threatDetection: cfg.security.threatDetection,
        ownsAccountSingletons: cfg.security.ownsAccountSingletons,
        protect,
    });

    return {
        cloud: cfg.cloud,
        environment: cfg.environment,
        rpoMinutes: cfg.rpoMinutes,
        rtoMinutes: cfg.rtoMinutes,
        primaryRegion: cfg.primary.region,
        // Staging has no DR region: the keys are left out rather than exported as undefined.
        ...(cfg.dr ? { drRegion: cfg.dr.region } : {}),
        zones: cfg.primary.zones,
        networkId: network.networkId,
        ...(drNetwork ? { drNetworkId: drNetwork.networkId } : {}),
        keyId: keys.keyId,
        alertTargets: alerts.targetIds,
        databaseService: DATABASE_SERVICE_NAMES[databaseService(cfg.cloud, cfg.database.engine)],
        databaseHost: database.host,
        databasePort: database.port,
        databaseReaderHost: database.readerHost,
        databaseReplicaSetName: database.replicaSetName.apply((n) => n ?? null),
        databaseConnectionString: database.connectionString,
        databaseConnectionSecretId: database.connectionSecretId,
        cacheHost: cache.host,
        cachePort: cache.port,
        cacheClusterMode: cache.clusterMode,
        cacheCrossRegion: `${cache.crossRegion.mode}: ${cache.crossRegion.note}`,
        clusterName: cluster.clusterName,
        kubeconfig: cluster.kubeconfig,
        registryUrl: cluster.registry.url,
        ingressHostname: cluster.ingressHostname,
        ingressIp: cluster.ingressIp,
        ...(drCluster ? { drClusterName: drCluster.clusterName, drRegistryUrl: drCluster.registry.url } : {}),
        auditStoreId: security.auditStoreId,
        threatDetection: security.threatDetectionNote,
        appNamespace: app.namespace,
        appHosts: cfg.app.hosts,
        appActiveColour: cfg.app.activeColour,
        appBackendPrincipal: app.backendPrincipal,
        ...(drApp ? { drAppBackendPrincipal: drApp.backendPrincipal } : {}),
        identityService: IDENTITY_SERVICE_NAMES[identity.service],
        identityIssuerUrl: identity.issuerUrl,
        identityJwksUrl: identity.jwksUrl,
        identityWebClientId: identity.webClientId,
        identitySignInUrl: identity.signInUrl,
        identityNotes: identity.notes,
        logStoreId: observability.logStoreId,
        metricsStoreId: observability.metricsStoreId,
        dashboardUrl: observability.dashboardUrl,
        observabilityNotes: [...observability.notes, ...(errorTracking ? errorTracking.notes : [ERROR_TRACKING_OFF_NOTE])],
    };
}

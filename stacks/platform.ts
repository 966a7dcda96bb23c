/**
 * The composition, identical on every cloud: sites (explicit providers) → keys → alerts →
 * network → data tier → cluster → edge → backup. Components never read config; this file
 * hands each what it needs. Logical names here are part of every URN below them: renaming
 * one replaces its resources, so a rename needs an alias.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { CloudImplementation, CloudTypes } from "../components/contracts/cloud";
import type { StackConfig } from "../src/config";

export interface PlatformOutputs {
    readonly cloud: string;
    readonly environment: string;
    readonly primaryRegion: string;
    readonly drRegion?: string;
    readonly zones: readonly string[];
    readonly networkId: pulumi.Output<string>;
    readonly drNetworkId?: pulumi.Output<string>;
    readonly keyId: pulumi.Output<string>;
    readonly alertTargets: pulumi.Output<string>[];
}

export function buildPlatform<T extends CloudTypes>(cfg: StackConfig, cloud: CloudImplementation<T>): PlatformOutputs {
    const namePrefix = `${cfg.project}-${cfg.stack}`;
    // Stateful resources (keys, log stores, databases) are protected in prod only, so a
    // staging teardown stays one `pulumi destroy`.
    const protect = cfg.isProd;

    const primary = cloud.site("primary", { role: "primary", placement: cfg.primary, tags: cfg.tags, namePrefix, protect });
    const keys = cloud.keys("primary-keys", { site: primary, protect });
    const alerts = cloud.alerts("alerts", {
        site: primary,
        keys,
        emails: cfg.alertEmails,
        webhookUrl: cfg.alertWebhookUrl,
    });
    const network = cloud.network("primary-network", {
        site: primary,
        keys,
        flowLogRetentionDays: cfg.logRetentionDays,
        natPerZone: cfg.isProd,
        protect,
    });

    const dr = cfg.dr ? cloud.site("dr", { role: "dr", placement: cfg.dr, tags: cfg.tags, namePrefix, protect }) : undefined;
    const drKeys = dr ? cloud.keys("dr-keys", { site: dr, protect }) : undefined;
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

    return {
        cloud: cfg.cloud,
        environment: cfg.environment,
        primaryRegion: cfg.primary.region,
        drRegion: cfg.dr?.region,
        zones: cfg.primary.zones,
        networkId: network.networkId,
        drNetworkId: drNetwork?.networkId,
        keyId: keys.keyId,
        alertTargets: alerts.targetIds,
    };
}

/**
 * How an Azure data store (the cache, the database) is reached, audited and watched. Each
 * store turns public network access off, so every one needs the same four resources to be
 * reachable from the VNet, sends its diagnostics to the same place and alerts the same way;
 * keeping that here keeps the stores alike as more are added.
 */
import { DiagnosticSetting } from "@pulumi/azure-native/monitor/diagnosticSetting";
import { MetricAlert } from "@pulumi/azure-native/monitor/metricAlert";
import { PrivateDnsZoneGroup } from "@pulumi/azure-native/network/privateDnsZoneGroup";
import { PrivateEndpoint } from "@pulumi/azure-native/network/privateEndpoint";
import { PrivateZone } from "@pulumi/azure-native/privatedns/privateZone";
import { VirtualNetworkLink } from "@pulumi/azure-native/privatedns/virtualNetworkLink";
import type * as pulumi from "@pulumi/pulumi";
import type { AzurePrivateLinkTarget } from "../../domain/catalogs/azure";
import type { AzureAlerts } from "./alerts";
import type { AzureNetwork } from "./network";
import type { AzureSite } from "./site";

export interface DataStorePrivateEndpointArgs {
    readonly site: AzureSite;
    readonly network: AzureNetwork;
    /** The store's part of physical names: the endpoint is `<prefix>-<role>-<store>-pe`, the VNet link `<prefix>-<role>-<store>`. */
    readonly store: string;
    /** The resource the endpoint connects to. */
    readonly targetId: pulumi.Input<string>;
    /** The target's Private Link sub-resource (group id) and the private DNS zone its private
     * names live in: an entry of AZURE_PRIVATE_LINK, never typed here. */
    readonly target: AzurePrivateLinkTarget;
    /** The zone's entry in the endpoint's DNS zone group. */
    readonly dnsZoneConfigName: string;
}

/**
 * A private endpoint in the region's data subnet and the private DNS zone, linked to the VNet,
 * in which the endpoint registers the store's name: from the VNet the store's usual host name
 * then resolves to the endpoint's private address. Children `<name>-endpoint`, `-dns-zone`,
 * `-dns-link`, `-dns-group`.
 */
export function dataStorePrivateEndpoint(name: string, args: DataStorePrivateEndpointArgs, parent: pulumi.Resource): void {
    const { site, network } = args;
    const child = { parent, provider: site.provider };
    const endpointName = `${site.namePrefix}-${site.role}-${args.store}-pe`;
    const endpoint = new PrivateEndpoint(
        `${name}-endpoint`,
        {
            resourceGroupName: site.resourceGroupName,
            location: site.location,
            privateEndpointName: endpointName,
            customNetworkInterfaceName: `${endpointName}-nic`,
            subnet: { id: network.dataSubnetId },
            privateLinkServiceConnections: [{ name: endpointName, privateLinkServiceId: args.targetId, groupIds: [args.target.groupId] }],
            tags: { ...site.tags },
        },
        child,
    );
    const zone = new PrivateZone(
        `${name}-dns-zone`,
        { resourceGroupName: site.resourceGroupName, privateZoneName: args.target.dnsZone, location: "Global", tags: { ...site.tags } },
        child,
    );
    new VirtualNetworkLink(
        `${name}-dns-link`,
        {
            resourceGroupName: site.resourceGroupName,
            privateZoneName: zone.name,
            virtualNetworkLinkName: `${site.namePrefix}-${site.role}-${args.store}`,
            location: "Global",
            virtualNetwork: { id: network.vnetId },
            registrationEnabled: false,
            tags: { ...site.tags },
        },
        child,
    );
    new PrivateDnsZoneGroup(
        `${name}-dns-group`,
        {
            resourceGroupName: site.resourceGroupName,
            privateEndpointName: endpoint.name,
            privateDnsZoneGroupName: "default",
            privateDnsZoneConfigs: [{ name: args.dnsZoneConfigName, privateDnsZoneId: zone.id }],
        },
        child,
    );
}

/** `audit`: every log category (connection and request audit logs); `metrics`: all platform metrics. */
export type DataStoreDiagnostics = "audit" | "metrics";

/**
 * A data store's diagnostics sent to the region's log storage account (encrypted with the
 * stack key, and in the store's region, as diagnostic settings require).
 */
export function dataStoreDiagnostics(
    name: string,
    kind: DataStoreDiagnostics,
    resourceUri: pulumi.Input<string>,
    region: { readonly site: AzureSite; readonly network: AzureNetwork },
    parent: pulumi.Resource,
): void {
    new DiagnosticSetting(
        name,
        {
            name: kind,
            resourceUri,
            storageAccountId: region.network.flowLogStorageAccountId,
            ...(kind === "audit" ? { logs: [{ categoryGroup: "allLogs", enabled: true }] } : { metrics: [{ category: "AllMetrics", enabled: true }] }),
        },
        { parent, provider: region.site.provider },
    );
}

/** The window most data-store alerts hold over. */
export const DEFAULT_ALERT_WINDOW = "PT15M";

/** One metric threshold of a data store's alert rule. */
export interface DataStoreMetricCriterion {
    /** Names the rule (`<prefix>-<store>-<id>`) and its criterion. */
    readonly id: string;
    readonly metricName: string;
    readonly operator: "GreaterThan" | "LessThan";
    readonly threshold: number;
    readonly timeAggregation: "Average" | "Maximum" | "Total";
    /** The window the threshold must hold over (ISO 8601); 15 minutes unless the metric needs longer. */
    readonly windowSize?: string;
}

export interface DataStoreMetricAlertArgs {
    readonly site: AzureSite;
    readonly alerts: AzureAlerts;
    /** The store's part of the rule name, as in `dataStorePrivateEndpoint`. */
    readonly store: string;
    /** The resource whose metric is watched, and its metric namespace. */
    readonly scope: pulumi.Input<string>;
    readonly metricNamespace: string;
    readonly criterion: DataStoreMetricCriterion;
    readonly description: string;
    /** Azure Monitor severity: 0 critical … 4 verbose. */
    readonly severity: number;
}

/**
 * An Azure Monitor alert rule on one metric of a data store (child `<name>-alert-<id>`):
 * evaluated every 5 minutes over the last 15 (or the criterion's longer window) so a short spike does not page, resolved on its
 * own when the metric recovers, notifying the stack's action group.
 */
export function dataStoreMetricAlert(name: string, args: DataStoreMetricAlertArgs, parent: pulumi.Resource): void {
    const { site, criterion } = args;
    new MetricAlert(
        `${name}-alert-${criterion.id}`,
        {
            resourceGroupName: site.resourceGroupName,
            ruleName: `${site.namePrefix}-${args.store}-${criterion.id}`,
            location: "global",
            description: args.description,
            severity: args.severity,
            enabled: true,
            autoMitigate: true,
            scopes: [args.scope],
            evaluationFrequency: "PT5M",
            windowSize: criterion.windowSize ?? DEFAULT_ALERT_WINDOW,
            criteria: {
                odataType: "Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria",
                allOf: [
                    {
                        criterionType: "StaticThresholdCriterion",
                        name: criterion.id,
                        metricName: criterion.metricName,
                        metricNamespace: args.metricNamespace,
                        operator: criterion.operator,
                        threshold: criterion.threshold,
                        timeAggregation: criterion.timeAggregation,
                    },
                ],
            },
            actions: args.alerts.targetIds.map((actionGroupId) => ({ actionGroupId })),
            tags: { ...site.tags },
        },
        { parent, provider: site.provider },
    );
}

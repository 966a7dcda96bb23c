import { FlowLog } from "@pulumi/azure-native/network/flowLog";
import { getNetworkWatcher } from "@pulumi/azure-native/network/getNetworkWatcher";
import { NatGateway } from "@pulumi/azure-native/network/natGateway";
import { NetworkSecurityGroup } from "@pulumi/azure-native/network/networkSecurityGroup";
import { PublicIPAddress } from "@pulumi/azure-native/network/publicIPAddress";
import { SecurityRule } from "@pulumi/azure-native/network/securityRule";
import { Subnet } from "@pulumi/azure-native/network/subnet";
import { VirtualNetwork } from "@pulumi/azure-native/network/virtualNetwork";
import { StorageAccount } from "@pulumi/azure-native/storage/storageAccount";
import * as pulumi from "@pulumi/pulumi";
import { RandomString } from "@pulumi/random/randomString";
import { NETWORK_TYPE, type Network, type NetworkArgs } from "../contracts/network";
import { IPv4CidrRange, IPv4Prefix } from "ip-num";
import { AKS_API_SERVER_SUBNET, AZURE_MAX_FLOW_LOG_RETENTION_DAYS, AZURE_NETWORK_WATCHER, AZURE_PRIVATE_LINK } from "../../domain/catalogs/azure";
import { layoutNetwork, type NetworkLayout, type Tier } from "../../domain/network-layout";
import { dataStorePrivateEndpoint } from "./data-store";
import type { AzureKeys } from "./keys";
import { NAME_SUFFIX_LENGTH, storageAccountName } from "./naming";
import type { AzureSite } from "./site";

/** An inbound NSG rule, as this component writes them. */
export interface InboundRule {
    readonly name: string;
    /** 100 (first) to 4096 (last): every custom rule sits before Azure's default rules. */
    readonly priority: number;
    readonly access: "Allow" | "Deny";
    readonly protocol: "Tcp" | "*";
    readonly sourceAddressPrefix: string;
    readonly destinationAddressPrefix: string;
    readonly destinationPortRange: string;
    readonly description: string;
}

/** The last custom priority: explicit denies here lose to every allow a component adds. */
export const LAST_RULE_PRIORITY = 4096;

/**
 * Each tier's inbound rules. Azure's defaults already allow traffic within the VNet and from
 * its load balancer probes; these close the internet everywhere, open HTTPS to the public
 * tier only, and let only the app tier reach the data tier.
 */
export function tierInboundRules(layout: NetworkLayout): Readonly<Record<Tier, readonly InboundRule[]>> {
    const denyInternet: InboundRule = {
        name: "deny-internet-inbound",
        priority: LAST_RULE_PRIORITY,
        access: "Deny",
        protocol: "*",
        sourceAddressPrefix: "Internet",
        destinationAddressPrefix: "*",
        destinationPortRange: "*",
        description: "Nothing from the internet reaches this tier unless a rule above allows it",
    };
    return {
        public: [
            {
                name: "allow-https-inbound",
                priority: 100,
                access: "Allow",
                protocol: "Tcp",
                sourceAddressPrefix: "Internet",
                destinationAddressPrefix: layout.public.cidr,
                destinationPortRange: "443",
                description: "HTTPS from the internet to the load balancers of the public tier",
            },
            denyInternet,
        ],
        app: [denyInternet],
        data: [
            {
                name: "allow-app-tier-inbound",
                priority: 4000,
                access: "Allow",
                protocol: "*",
                sourceAddressPrefix: layout.app.cidr,
                destinationAddressPrefix: layout.data.cidr,
                destinationPortRange: "*",
                description: "Workloads of the app tier reach databases, caches and private endpoints",
            },
            {
                name: "deny-vnet-inbound",
                priority: LAST_RULE_PRIORITY - 1,
                access: "Deny",
                protocol: "*",
                sourceAddressPrefix: "VirtualNetwork",
                destinationAddressPrefix: "*",
                destinationPortRange: "*",
                description: "No other subnet, and no peered network, reaches the data tier",
            },
            denyInternet,
        ],
    };
}

/**
 * The Azure public tier holds nothing of its own (the ingress load balancer binds a public IP,
 * not the subnet), and Azure regions have at most three zones, so the tier's fourth zone block
 * is spare: the public subnet keeps the tier's first half (one CIDR covering its first two
 * blocks; Azure subnets are regional), and the last block becomes the subnet delegated to the
 * AKS API server (API Server VNet Integration, needed by KMS with a private vault).
 */
export function azureSubnetCidrs(layout: NetworkLayout): Readonly<Record<Tier | "apiServer", string>> {
    const publicRange = IPv4CidrRange.fromCidr(layout.public.cidr);
    const prefix = Number(publicRange.getPrefix().getValue());
    const [firstHalf, secondHalf] = publicRange.splitInto(IPv4Prefix.fromNumber(BigInt(prefix + 1)));
    const lastBlock = secondHalf.splitInto(IPv4Prefix.fromNumber(BigInt(prefix + 2)))[1];
    return { app: layout.app.cidr, data: layout.data.cidr, public: firstHalf.toCidrString(), apiServer: lastBlock.toCidrString() };
}

export function flowLogRetentionProblem(days: number): string | undefined {
    if (!Number.isInteger(days) || days < 1 || days > AZURE_MAX_FLOW_LOG_RETENTION_DAYS) {
        return `flowLogRetentionDays ${days} (gravitypm:logRetentionDays) must be 1-${AZURE_MAX_FLOW_LOG_RETENTION_DAYS} on Azure: Network Watcher keeps flow logs at most a year`;
    }
    return undefined;
}

/**
 * A flow log is a child of the region's Network Watcher, so it lives in the watcher's group.
 * Azure enables one watcher per region and subscription automatically, as
 * `NetworkWatcher_<location>` in `NetworkWatcherRG`, when a VNet is created there; a second
 * one cannot exist (NetworkWatcherCountLimitReached), so the stack never creates it: it
 * looks the watcher up once its VNet exists and fails with what to do when it is missing.
 */
export const NETWORK_WATCHER_RESOURCE_GROUP = AZURE_NETWORK_WATCHER.value.resourceGroup;
export function networkWatcherName(location: string): string {
    return `${AZURE_NETWORK_WATCHER.value.namePrefix}${location}`;
}

/** Why the flow log cannot be created when the region's watcher is not where Azure puts it. */
export function missingNetworkWatcherMessage(location: string, cause: string): string {
    const watcher = networkWatcherName(location);
    return (
        `Network Watcher ${NETWORK_WATCHER_RESOURCE_GROUP}/${watcher} was not found (${cause}). The VNet flow log of ${location} needs it. ` +
        `Azure creates it with the region's first VNet unless the subscription opted out of automatic enablement (feature ` +
        `Microsoft.Network/DisableNetworkWatcherAutocreation) or the watcher was created under another name (the CLI names it ` +
        `${location}-watcher). There is at most one watcher per region, so the stack never creates one: in an opted-out ` +
        `subscription create it once (New-AzNetworkWatcher -Name ${watcher} -ResourceGroupName ${NETWORK_WATCHER_RESOURCE_GROUP} -Location ${location}, ` +
        `after creating the group); otherwise delete the differently named watcher and let Azure re-create it, or move it to that name. See docs/deploy-readiness.md.`
    );
}

/**
 * A VNet with app, data and public subnets (regional, spanning every zone), an NSG per tier,
 * NAT egress for the private tiers, and VNet flow logs (which replace NSG flow logs, retired
 * for new deployments) to a storage account encrypted with the stack key.
 *
 * Subnets and NSG rules are standalone resources rather than inline lists, so each has its
 * own URN and id for later components and policy rules, and other components can add rules
 * or subnets without rewriting the VNet. azure-native keeps standalone children when the
 * parent's list is unset, so the old VNet/Subnet fight does not happen. Azure rejects
 * concurrent writes to one VNet or NSG ("AnotherOperationInProgress"), so subnets, and the
 * rules of each NSG, are created one after another.
 */
export class AzureNetwork extends pulumi.ComponentResource implements Network {
    public readonly networkId: pulumi.Output<string>;
    public readonly vnetId: pulumi.Output<string>;
    public readonly vnetName: pulumi.Output<string>;
    public readonly cidr: string;
    public readonly layout: NetworkLayout;
    public readonly dataTierCidrs: readonly string[];
    public readonly appSubnetId: pulumi.Output<string>;
    public readonly dataSubnetId: pulumi.Output<string>;
    public readonly publicSubnetId: pulumi.Output<string>;
    public readonly appSubnetIds: pulumi.Output<string>[];
    public readonly dataSubnetIds: pulumi.Output<string>[];
    public readonly publicSubnetIds: pulumi.Output<string>[];
    /** Delegated to the AKS API server (API Server VNet Integration), in the public tier's last block. */
    public readonly apiServerSubnetId: pulumi.Output<string>;
    public readonly flowLogStorageAccountId: pulumi.Output<string>;

    constructor(name: string, args: NetworkArgs<AzureSite, AzureKeys>, opts?: pulumi.ComponentResourceOptions) {
        super(NETWORK_TYPE, name, {}, opts);
        const retentionDays = args.flowLogRetentionDays;
        const problem = flowLogRetentionProblem(retentionDays);
        if (problem) throw new pulumi.ResourceError(problem, this);

        const { site, keys } = args;
        const child = { parent: this, provider: site.provider };
        const resourceGroupName = site.resourceGroupName;
        const location = site.location;
        const tags = { ...site.tags };
        this.cidr = site.cidr;
        this.layout = layoutNetwork(site.cidr, site.zones.length);
        this.dataTierCidrs = [this.layout.data.cidr];

        const vnet = new VirtualNetwork(
            `${name}-vnet`,
            {
                virtualNetworkName: `${site.namePrefix}-${site.role}`,
                resourceGroupName,
                location,
                addressSpace: { addressPrefixes: [site.cidr] },
                tags,
            },
            child,
        );

        site.diagnostics.register({ name: `${name}-vnet`, kind: "virtualNetwork", resourceId: vnet.id });

        // Azure subnets are regional and take one NAT gateway each, so `natPerZone` has no Azure
        // form: one gateway serves the private tiers. A Standard gateway sits in a zone Azure
        // picks, so egress shares that zone's fate; the zone-redundant IP suits a gateway in any zone.
        const natIp = new PublicIPAddress(
            `${name}-nat-ip`,
            {
                publicIpAddressName: `${site.namePrefix}-${site.role}-nat`,
                resourceGroupName,
                location,
                sku: { name: "Standard", tier: "Regional" },
                publicIPAllocationMethod: "Static",
                publicIPAddressVersion: "IPv4",
                zones: [...site.zones],
                tags,
            },
            child,
        );
        site.diagnostics.register({ name: `${name}-nat-ip`, kind: "publicIp", resourceId: natIp.id });
        const nat = new NatGateway(
            `${name}-nat`,
            {
                natGatewayName: `${site.namePrefix}-${site.role}`,
                resourceGroupName,
                location,
                sku: { name: "Standard" },
                publicIpAddresses: [{ id: natIp.id }],
                tags,
            },
            child,
        );

        const rules = tierInboundRules(this.layout);
        const cidrs = azureSubnetCidrs(this.layout);
        const tierNsg = (tier: Tier): { nsg: NetworkSecurityGroup; lastRule: SecurityRule | undefined } => {
            const nsg = new NetworkSecurityGroup(
                `${name}-${tier}-nsg`,
                { networkSecurityGroupName: `${site.namePrefix}-${site.role}-${tier}`, resourceGroupName, location, tags },
                child,
            );
            site.diagnostics.register({ name: `${name}-${tier}-nsg`, kind: "networkSecurityGroup", resourceId: nsg.id });
            const lastRule = rules[tier].reduce<SecurityRule | undefined>(
                (previous, rule) =>
                    new SecurityRule(
                        `${name}-${tier}-${rule.name}`,
                        {
                            securityRuleName: rule.name,
                            networkSecurityGroupName: nsg.name,
                            resourceGroupName,
                            direction: "Inbound",
                            priority: rule.priority,
                            access: rule.access,
                            protocol: rule.protocol,
                            sourceAddressPrefix: rule.sourceAddressPrefix,
                            sourcePortRange: "*",
                            destinationAddressPrefix: rule.destinationAddressPrefix,
                            destinationPortRange: rule.destinationPortRange,
                            description: rule.description,
                        },
                        { ...child, dependsOn: previous ? [previous] : [] },
                    ),
                undefined,
            );
            return { nsg, lastRule };
        };
        const tierSubnet = (tier: Tier, after?: Subnet): Subnet => {
            const { nsg, lastRule } = tierNsgs[tier];
            const isPrivate = tier !== "public";
            return new Subnet(
                `${name}-${tier}`,
                {
                    subnetName: tier,
                    virtualNetworkName: vnet.name,
                    resourceGroupName,
                    addressPrefix: cidrs[tier],
                    networkSecurityGroup: { id: nsg.id },
                    natGateway: isPrivate ? { id: nat.id } : undefined,
                    // Private tiers egress only through NAT, never through Azure's implicit outbound IPs.
                    defaultOutboundAccess: isPrivate ? false : undefined,
                    // Without this, NSG rules do not apply to the private endpoints of the data tier.
                    privateEndpointNetworkPolicies: tier === "data" ? "Enabled" : undefined,
                },
                // The subnet also waits for its NSG's rules, so nothing lands in it before they hold.
                { ...child, dependsOn: [lastRule, after].filter((r): r is SecurityRule | Subnet => r !== undefined) },
            );
        };
        const tierNsgs: Record<Tier, ReturnType<typeof tierNsg>> = { app: tierNsg("app"), data: tierNsg("data"), public: tierNsg("public") };
        const appSubnet = tierSubnet("app");
        const dataSubnet = tierSubnet("data", appSubnet);
        const publicSubnet = tierSubnet("public", dataSubnet);
        // Under the public tier's NSG: the nodes reach the API server within the VNet, and a
        // restricted public endpoint takes HTTPS from the internet (AKS enforces the ranges).
        const apiServerSubnet = new Subnet(
            `${name}-api-server`,
            {
                subnetName: "api-server",
                virtualNetworkName: vnet.name,
                resourceGroupName,
                addressPrefix: cidrs.apiServer,
                networkSecurityGroup: { id: tierNsgs.public.nsg.id },
                delegations: [{ name: "aks-api-server", serviceName: AKS_API_SERVER_SUBNET.value.delegation }],
            },
            { ...child, dependsOn: [publicSubnet] },
        );
        this.vnetId = vnet.id;
        this.dataSubnetId = dataSubnet.id;

        // Workloads in the VNet read their connection strings from the vault, which accepts no
        // public traffic (services with customer-managed keys reach it as trusted services):
        // a private endpoint in the data tier, resolved through the vault's private DNS zone.
        dataStorePrivateEndpoint(
            `${name}-vault`,
            { site, network: this, store: "vault", targetId: keys.vaultId, target: AZURE_PRIVATE_LINK.keyVault.value, dnsZoneConfigName: "vault" },
            this,
        );

        const suffix = new RandomString(
            `${name}-flow-logs-suffix`,
            { length: NAME_SUFFIX_LENGTH, special: false, upper: false, numeric: true, lower: true },
            { parent: this },
        );
        const flowLogStore = new StorageAccount(
            `${name}-flow-logs`,
            {
                accountName: suffix.result.apply((s) => storageAccountName(site.namePrefix, site.role, "logs", s)),
                resourceGroupName,
                location,
                kind: "StorageV2",
                sku: { name: "Standard_ZRS" },
                accessTier: "Hot",
                minimumTlsVersion: "TLS1_2",
                enableHttpsTrafficOnly: true,
                allowBlobPublicAccess: false,
                allowCrossTenantReplication: false,
                // Closed by the firewall, not by publicNetworkAccess "Disabled": that would also
                // shut out the trusted-service exception Network Watcher writes flow logs through.
                publicNetworkAccess: "Enabled",
                networkRuleSet: { defaultAction: "Deny", bypass: "AzureServices" },
                identity: { type: "UserAssigned", userAssignedIdentities: [keys.identityId] },
                encryption: {
                    keySource: "Microsoft.Keyvault",
                    // No key version: the account follows the key's rotations.
                    keyVaultProperties: { keyName: keys.keyName, keyVaultUri: keys.vaultUri },
                    encryptionIdentity: { encryptionUserAssignedIdentity: keys.identityId },
                    requireInfrastructureEncryption: true,
                },
                tags,
            },
            { ...child, protect: args.protect, dependsOn: [keys.keyAccess] },
        );
        site.diagnostics.register({ name: `${name}-flow-logs`, kind: "blobService", resourceId: flowLogStore.id });
        // Looked up once the VNet exists (Azure enables the watcher with the region's first VNet,
        // and waiting for the subnets gives it time); a preview of an existing stack checks it too.
        const watcherName = networkWatcherName(location);
        const watcher = pulumi.all([apiServerSubnet.id, vnet.id]).apply(async () => {
            try {
                const found = await getNetworkWatcher(
                    { resourceGroupName: NETWORK_WATCHER_RESOURCE_GROUP, networkWatcherName: watcherName },
                    { parent: this, provider: site.provider },
                );
                return found.name ?? watcherName;
            } catch (e) {
                throw new pulumi.ResourceError(missingNetworkWatcherMessage(location, e instanceof Error ? e.message : String(e)), this);
            }
        });
        new FlowLog(
            `${name}-flow-log`,
            {
                flowLogName: `${site.namePrefix}-${site.role}-vnet`,
                networkWatcherName: watcher,
                resourceGroupName: NETWORK_WATCHER_RESOURCE_GROUP,
                location,
                targetResourceId: vnet.id,
                storageId: flowLogStore.id,
                enabled: true,
                retentionPolicy: { enabled: true, days: retentionDays },
                format: { type: "JSON", version: 2 },
                tags,
            },
            { ...child, dependsOn: [apiServerSubnet] },
        );

        this.networkId = vnet.id;
        this.vnetName = vnet.name;
        this.appSubnetId = appSubnet.id;
        this.publicSubnetId = publicSubnet.id;
        this.appSubnetIds = [appSubnet.id];
        this.dataSubnetIds = [dataSubnet.id];
        this.publicSubnetIds = [publicSubnet.id];
        this.apiServerSubnetId = apiServerSubnet.id;
        this.flowLogStorageAccountId = flowLogStore.id;
        this.registerOutputs({ vnetId: this.vnetId, flowLogStorageAccountId: this.flowLogStorageAccountId });
    }
}

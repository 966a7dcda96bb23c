/**
 * The Azure spine (site, keys, alerts, network) in the staging and prod plans, and its pure
 * functions.
 */
import { describe, expect, it } from "vitest";
import { AZURE_MAX_ROTATION_DAYS, AZURE_MIN_ROTATION_DAYS, keyRotationPolicy, validateAzureRotationDays } from "../components/azure/keys";
import { RBAC_PROPAGATION_WAIT_TYPE } from "../components/azure/rbac-wait";
import {
    AZURE_BUILT_IN_ROLES,
    AZURE_NETWORK_WATCHER,
    AZURE_PRIVATE_LINK,
    AZURE_RBAC_PROPAGATION_SECONDS,
    AZURE_SERVICE_KEY_OPS,
    azureRoleDefinitionId,
} from "../domain/catalogs/azure";
import {
    ACTION_GROUP_SHORT_NAME_MAX,
    KEY_VAULT_NAME_MAX,
    STORAGE_ACCOUNT_NAME_MAX,
    actionGroupShortName,
    azureName,
    keyVaultName,
    resourceGroupName,
    storageAccountName,
} from "../components/azure/naming";
import { LAST_RULE_PRIORITY, azureSubnetCidrs, flowLogRetentionProblem, missingNetworkWatcherMessage, networkWatcherName, tierInboundRules } from "../components/azure/network";
import { PROJECT } from "../domain/stack-config";
import { cidrsOverlap, layoutNetwork, type Tier } from "../domain/network-layout";
import { stackConfig } from "./support/config";
import { byUrn, childrenOf, dependsOn, descendants, input, ofType, one, plan } from "./support/plan";
import { tagField } from "./support/taggable";

const STANDARD_TAG_KEYS = ["project", "stack", "environment", "owner", "cost-centre", "managed-by"];
const TIERS: readonly Tier[] = ["app", "data", "public"];
const C = { alerts: "gravitypm:components:Alerts", keys: "gravitypm:components:Keys", network: "gravitypm:components:Network" };
const T = {
    provider: "pulumi:providers:azure-native",
    group: "azure-native:resources:ResourceGroup",
    vault: "azure-native:keyvault:Vault",
    key: "azure-native:keyvault:Key",
    identity: "azure-native:managedidentity:UserAssignedIdentity",
    roleAssignment: "azure-native:authorization:RoleAssignment",
    actionGroup: "azure-native:monitor:ActionGroup",
    vnet: "azure-native:network:VirtualNetwork",
    subnet: "azure-native:network:Subnet",
    nsg: "azure-native:network:NetworkSecurityGroup",
    rule: "azure-native:network:SecurityRule",
    publicIp: "azure-native:network:PublicIPAddress",
    nat: "azure-native:network:NatGateway",
    flowLog: "azure-native:network:FlowLog",
    storage: "azure-native:storage:StorageAccount",
};

/** `P90D` → 90. */
function isoDays(duration: unknown): number {
    const match = /^P(\d+)D$/.exec(String(duration));
    if (!match) throw new Error(`not an ISO 8601 day duration: ${String(duration)}`);
    return Number(match[1]);
}

function urnName(urn: string | undefined): string | undefined {
    return urn?.split("::").pop();
}

describe("Azure names", () => {
    it("fits the name prefix by shortening the project before the stack", () => {
        expect(azureName("gravitypm-prod", 20)).toBe("gravitypm-prod");
        expect(azureName("gravitypm-prod", 13)).toBe("gravityp-prod");
        expect(azureName("gravitypm-staging", 13)).toBe("gravi-staging");
        expect(azureName("gravitypm-staging", 11, "", "")).toBe("gravstaging");
        expect(azureName("gravitypm-a-very-long-stack-name", 10)).toBe("gravitypm");
        expect(azureName("gravitypm-a-very-long-stack-name", 10).length).toBeLessThanOrEqual(10);
    });

    it("names resource groups after the stack and site role", () => {
        expect(resourceGroupName("gravitypm-prod", "primary")).toBe("gravitypm-prod-primary");
        expect(resourceGroupName("gravitypm-prod", "dr")).toBe("gravitypm-prod-dr");
    });

    it("keeps Key Vault names within 24 valid characters for every stack and role", () => {
        for (const prefix of ["gravitypm-prod", "gravitypm-staging", "gravitypm-feature-branch-with-a-long-name", "x-y"]) {
            for (const role of ["primary", "dr"] as const) {
                const name = keyVaultName(prefix, role, "a1b2c3");
                expect(name.length, name).toBeLessThanOrEqual(KEY_VAULT_NAME_MAX);
                expect(name, name).toMatch(/^[a-z][a-z0-9-]{1,22}[a-z0-9]$/);
                expect(name).not.toContain("--");
                expect(name.endsWith(`-a1b2c3`)).toBe(true);
            }
        }
        expect(keyVaultName("gravitypm-prod", "primary", "a1b2c3")).toBe("gravityp-prod-pri-a1b2c3");
        expect(keyVaultName("gravitypm-staging", "dr", "a1b2c3")).toBe("gravit-staging-dr-a1b2c3");
    });

    it("rejects a vault name Azure would refuse", () => {
        expect(() => keyVaultName("1gravitypm-prod", "primary", "a1b2c3")).toThrow(/not a valid Key Vault name/);
    });

    it("keeps storage account names within 24 lowercase letters and digits", () => {
        for (const prefix of ["gravitypm-prod", "gravitypm-staging", "GravityPM-feature_branch-with-a-long-name"]) {
            for (const role of ["primary", "dr"] as const) {
                const name = storageAccountName(prefix, role, "logs", "a1b2c3");
                expect(name.length, name).toBeLessThanOrEqual(STORAGE_ACCOUNT_NAME_MAX);
                expect(name, name).toMatch(/^[a-z0-9]{3,24}$/);
            }
        }
        expect(storageAccountName("gravitypm-prod", "primary", "logs", "a1b2c3")).toBe("gravityprodprilogsa1b2c3");
    });

    it("keeps action group short names within 12 characters and the stack readable", () => {
        expect(actionGroupShortName("gravitypm-prod")).toBe("gravity-prod");
        expect(actionGroupShortName("gravitypm-staging")).toBe("grav-staging");
        expect(actionGroupShortName("gpm-qa")).toBe("gpm-qa");
        expect(actionGroupShortName("gravitypm-integration-tests").length).toBeLessThanOrEqual(ACTION_GROUP_SHORT_NAME_MAX);
    });
});

describe("Azure key rotation", () => {
    it("rotates after the period and expires versions after twice it", () => {
        expect(keyRotationPolicy(90)).toEqual({
            attributes: { expiryTime: "P180D" },
            lifetimeActions: [{ action: { type: "rotate" }, trigger: { timeAfterCreate: "P90D" } }],
        });
    });

    it("accepts only periods Key Vault and the stack policy allow", () => {
        expect(validateAzureRotationDays(90)).toBeUndefined();
        expect(validateAzureRotationDays(AZURE_MIN_ROTATION_DAYS)).toBeUndefined();
        expect(validateAzureRotationDays(AZURE_MAX_ROTATION_DAYS + 1)).toMatch(/rotationDays 91/);
        expect(validateAzureRotationDays(AZURE_MIN_ROTATION_DAYS - 1)).toBeDefined();
        expect(validateAzureRotationDays(30.5)).toBeDefined();
        // The shortest period still gives the 28-day minimum expiry Key Vault demands.
        expect(isoDays(keyRotationPolicy(AZURE_MIN_ROTATION_DAYS).attributes.expiryTime)).toBeGreaterThanOrEqual(28);
    });

    it("builds full role definition ids from the catalog's built-in roles", () => {
        const role = AZURE_BUILT_IN_ROLES.keyVaultCryptoServiceEncryptionUser.value;
        expect(azureRoleDefinitionId("sub-1", role)).toBe(`/subscriptions/sub-1/providers/Microsoft.Authorization/roleDefinitions/${role.id}`);
    });

    it("catalogs every built-in role once, by a unique GUID", () => {
        const ids = Object.values(AZURE_BUILT_IN_ROLES).map((entry) => entry.value.id);
        for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        expect(new Set(ids).size).toBe(ids.length);
    });
});

describe("Azure network rules", () => {
    const layout = layoutNetwork("10.0.0.0/16", 3);
    const rules = tierInboundRules(layout);

    it("denies the internet last in every tier", () => {
        for (const tier of TIERS) {
            const last = rules[tier].find((r) => r.priority === LAST_RULE_PRIORITY);
            expect(last, tier).toMatchObject({ access: "Deny", sourceAddressPrefix: "Internet", destinationPortRange: "*" });
        }
    });

    it("allows the internet only to HTTPS on the public tier", () => {
        const internetAllows = TIERS.flatMap((tier) => rules[tier].filter((r) => r.access === "Allow" && r.sourceAddressPrefix === "Internet").map((r) => ({ tier, r })));
        expect(internetAllows).toHaveLength(1);
        expect(internetAllows[0].tier).toBe("public");
        expect(internetAllows[0].r).toMatchObject({ protocol: "Tcp", destinationPortRange: "443", destinationAddressPrefix: layout.public.cidr });
    });

    it("lets only the app tier into the data tier", () => {
        const [allowApp, denyVnet] = rules.data;
        expect(allowApp).toMatchObject({ access: "Allow", sourceAddressPrefix: layout.app.cidr, destinationAddressPrefix: layout.data.cidr });
        expect(denyVnet).toMatchObject({ access: "Deny", sourceAddressPrefix: "VirtualNetwork" });
        expect(allowApp.priority).toBeLessThan(denyVnet.priority);
    });

    it("uses unique priorities Azure accepts", () => {
        for (const tier of TIERS) {
            const priorities = rules[tier].map((r) => r.priority);
            expect(new Set(priorities).size).toBe(priorities.length);
            for (const p of priorities) expect(p >= 100 && p <= 4096, `${tier} ${p}`).toBe(true);
        }
    });

    it("keeps flow logs as long as Network Watcher allows", () => {
        expect(flowLogRetentionProblem(365)).toBeUndefined();
        expect(flowLogRetentionProblem(90)).toBeUndefined();
        expect(flowLogRetentionProblem(366)).toMatch(/logRetentionDays/);
        expect(flowLogRetentionProblem(0)).toBeDefined();
    });

    it("looks for the watcher Azure enables, and says what to do when it is missing", () => {
        expect(networkWatcherName("eastus")).toBe(`${AZURE_NETWORK_WATCHER.value.namePrefix}eastus`);
        const message = missingNetworkWatcherMessage("eastus", "ResourceNotFound");
        expect(message).toContain(`${AZURE_NETWORK_WATCHER.value.resourceGroup}/${networkWatcherName("eastus")}`);
        expect(message).toContain("DisableNetworkWatcherAutocreation");
        expect(message).toContain("New-AzNetworkWatcher");
        expect(message).toContain("never creates one");
    });
});

describe.each(["staging", "prod"])("Azure spine in %s", (stack) => {
    const cfg = stackConfig(stack, "azure");
    const sites = [
        { role: "primary" as const, placement: cfg.primary, keys: "primary-keys", network: "primary-network" },
        ...(cfg.dr ? [{ role: "dr" as const, placement: cfg.dr, keys: "dr-keys", network: "dr-network" }] : []),
    ];

    it("has a DR site exactly in prod", () => {
        expect(sites.map((s) => s.role)).toEqual(cfg.isProd ? ["primary", "dr"] : ["primary"]);
    });

    it("uses one explicit provider per site, set to the site's region", async () => {
        const p = await plan(stack, "azure");
        const providers = ofType(p, T.provider);
        expect(providers.map((r) => r.name).sort()).toEqual(sites.map((s) => `azure-${s.role}`).sort());
        for (const site of sites) expect(one(p, T.provider, `azure-${site.role}`).inputs.location).toBe(site.placement.region);
    });

    it("gives every site its own resource group, protected in prod", async () => {
        const p = await plan(stack, "azure");
        expect(ofType(p, T.group)).toHaveLength(sites.length);
        for (const site of sites) {
            const group = one(p, T.group, `${site.role}-resource-group`);
            expect(group.inputs).toMatchObject({ resourceGroupName: `${PROJECT}-${stack}-${site.role}`, location: site.placement.region });
            expect(urnName(group.provider)).toBe(`azure-${site.role}`);
            expect(group.protect).toBe(cfg.isProd);
        }
    });

    it("keeps each key in a purge-protected, RBAC-only vault closed to public networks", async () => {
        const p = await plan(stack, "azure");
        for (const site of sites) {
            const vault = one(p, T.vault, `${site.keys}-vault`);
            expect(vault.inputs.properties).toMatchObject({
                enablePurgeProtection: true,
                enableSoftDelete: true,
                softDeleteRetentionInDays: 90,
                enableRbacAuthorization: true,
                publicNetworkAccess: "Disabled",
                networkAcls: { defaultAction: "Deny", bypass: "AzureServices" },
                sku: { family: "A", name: "premium" },
            });
            expect(String(input(vault, "properties.tenantId"))).toMatch(/^[0-9a-f-]{36}$/);
            expect(String(vault.inputs.vaultName).length).toBeLessThanOrEqual(KEY_VAULT_NAME_MAX);
            expect(vault.inputs.location).toBe(site.placement.region);
            expect(vault.inputs.resourceGroupName).toBe(`${PROJECT}-${stack}-${site.role}`);
            expect(urnName(vault.provider)).toBe(`azure-${site.role}`);
            expect(vault.protect).toBe(cfg.isProd);
        }
    });

    it("rotates each key at least every 90 days and protects it in prod", async () => {
        const p = await plan(stack, "azure");
        for (const site of sites) {
            const key = one(p, T.key, `${site.keys}-key`);
            const vault = one(p, T.vault, `${site.keys}-vault`);
            expect(key.inputs.vaultName).toBe(vault.inputs.vaultName);
            expect(key.dependencies).toContain(vault.urn);
            expect(key.inputs.properties).toMatchObject({ kty: "RSA-HSM", keySize: 3072 });
            expect(input(key, "properties.keyOps")).toEqual([...AZURE_SERVICE_KEY_OPS.value]);
            const rotate = (input(key, "properties.rotationPolicy.lifetimeActions") as { action: { type: string }; trigger: { timeAfterCreate?: string } }[]).find(
                (a) => a.action.type === "rotate",
            );
            expect(isoDays(rotate?.trigger.timeAfterCreate)).toBeLessThanOrEqual(90);
            expect(isoDays(input(key, "properties.rotationPolicy.attributes.expiryTime"))).toBeGreaterThan(isoDays(rotate?.trigger.timeAfterCreate));
            expect(key.protect).toBe(cfg.isProd);
        }
    });

    it("grants the encryption identity Crypto Service Encryption User on its vault", async () => {
        const p = await plan(stack, "azure");
        for (const site of sites) {
            const keys = one(p, C.keys, site.keys);
            const identity = one(p, T.identity, `${site.keys}-identity`);
            const [grant] = childrenOf(p, keys, T.roleAssignment);
            const vault = one(p, T.vault, `${site.keys}-vault`);
            expect(childrenOf(p, keys, T.roleAssignment)).toHaveLength(1);
            expect(grant.inputs.principalType).toBe("ServicePrincipal");
            const subscription = /^\/subscriptions\/([0-9a-f-]{36})\//.exec(String(grant.inputs.roleDefinitionId))?.[1] ?? "";
            expect(grant.inputs.roleDefinitionId).toBe(azureRoleDefinitionId(subscription, AZURE_BUILT_IN_ROLES.keyVaultCryptoServiceEncryptionUser.value));
            expect(String(grant.inputs.scope).toLowerCase().endsWith(`/vaults/${String(vault.inputs.vaultName)}`)).toBe(true);
            expect(grant.dependencies).toEqual(expect.arrayContaining([identity.urn, vault.urn]));
            expect(identity.inputs.location).toBe(site.placement.region);
        }
    });

    it("waits out RBAC propagation after each grant before anything encrypts with the key", async () => {
        const p = await plan(stack, "azure");
        for (const site of sites) {
            const grant = one(p, T.roleAssignment, `${site.keys}-identity-crypto-user`);
            const wait = one(p, RBAC_PROPAGATION_WAIT_TYPE, `${site.keys}-identity-crypto-user-propagation`);
            expect(wait.dependencies).toContain(grant.urn);
            expect(wait.inputs.seconds).toBe(AZURE_RBAC_PROPAGATION_SECONDS.value);
            expect(wait.parent).toBe(one(p, C.keys, site.keys).urn);
            const store = one(p, T.storage, `${site.network}-flow-logs`);
            expect(dependsOn(p, store, wait.name)).toBe(true);
        }
    });

    it("reaches each vault from its VNet through a private endpoint in the data tier", async () => {
        const p = await plan(stack, "azure");
        const target = AZURE_PRIVATE_LINK.keyVault.value;
        for (const site of sites) {
            const network = one(p, C.network, site.network);
            const vault = one(p, T.vault, `${site.keys}-vault`);
            const endpoint = one(p, "azure-native:network:PrivateEndpoint", `${site.network}-vault-endpoint`);
            expect(endpoint.parent).toBe(network.urn);
            const [connection] = endpoint.inputs.privateLinkServiceConnections as { privateLinkServiceId: string; groupIds: string[] }[];
            expect(connection.groupIds).toEqual([target.groupId]);
            expect(connection.privateLinkServiceId.toLowerCase().endsWith(`/vaults/${String(vault.inputs.vaultName)}`)).toBe(true);
            expect(String(input(endpoint, "subnet.id")).endsWith("/subnets/data")).toBe(true);
            const zone = one(p, "azure-native:privatedns:PrivateZone", `${site.network}-vault-dns-zone`);
            expect(zone.inputs.privateZoneName).toBe(target.dnsZone);
            const link = one(p, "azure-native:privatedns:VirtualNetworkLink", `${site.network}-vault-dns-link`);
            expect(String(input(link, "virtualNetwork.id")).endsWith(`/virtualNetworks/${String(one(p, T.vnet, `${site.network}-vnet`).inputs.virtualNetworkName)}`)).toBe(true);
        }
    });

    it("sends alerts to every configured email through one global action group", async () => {
        const p = await plan(stack, "azure");
        const group = one(p, T.actionGroup);
        expect(group.parent).toBe(one(p, C.alerts, "alerts").urn);
        expect(group.inputs).toMatchObject({ location: "Global", enabled: true, resourceGroupName: `${PROJECT}-${stack}-primary` });
        expect(String(group.inputs.groupShortName).length).toBeLessThanOrEqual(ACTION_GROUP_SHORT_NAME_MAX);
        const receivers = group.inputs.emailReceivers as { emailAddress: string; name: string; useCommonAlertSchema: boolean }[];
        expect(receivers.map((r) => r.emailAddress)).toEqual([...cfg.alertEmails]);
        expect(new Set(receivers.map((r) => r.name)).size).toBe(receivers.length);
        for (const r of receivers) expect(r.useCommonAlertSchema).toBe(true);
        expect(p.outputs.alertTargets).toEqual([expect.stringContaining("/actionGroups/")]);
    });

    it("builds each VNet from the site's CIDR with three tier subnets, each with its own NSG, and the API server's delegated subnet", async () => {
        const p = await plan(stack, "azure");
        for (const site of sites) {
            const network = one(p, C.network, site.network);
            const layout = layoutNetwork(site.placement.cidr, site.placement.zones.length);
            const vnet = one(p, T.vnet, `${site.network}-vnet`);
            expect(input(vnet, "addressSpace.addressPrefixes")).toEqual([site.placement.cidr]);
            expect(vnet.inputs.subnets).toBeUndefined();
            expect(urnName(vnet.provider)).toBe(`azure-${site.role}`);

            const subnets = childrenOf(p, network, T.subnet);
            expect(subnets.map((s) => s.inputs.subnetName).sort()).toEqual([...TIERS, "api-server"].sort());
            expect(childrenOf(p, network, T.nsg)).toHaveLength(3);
            const cidrs = azureSubnetCidrs(layout);
            for (const tier of TIERS) {
                const subnet = one(p, T.subnet, `${site.network}-${tier}`);
                const nsg = one(p, T.nsg, `${site.network}-${tier}-nsg`);
                expect(subnet.inputs.addressPrefix).toBe(tier === "public" ? cidrs.public : layout[tier].cidr);
                expect(subnet.inputs.virtualNetworkName).toBe(vnet.inputs.virtualNetworkName);
                expect(String(input(subnet, "networkSecurityGroup.id")).endsWith(`/networkSecurityGroups/${String(nsg.inputs.networkSecurityGroupName)}`)).toBe(true);
                expect(nsg.inputs.securityRules).toBeUndefined();
            }
            expect(one(p, T.subnet, `${site.network}-data`).inputs.privateEndpointNetworkPolicies).toBe("Enabled");
            // The public tier's first half stays the public subnet; its last zone block (no Azure
            // region has a fourth zone) is delegated to the AKS API server, under the public NSG.
            const apiServer = one(p, T.subnet, `${site.network}-api-server`);
            expect(apiServer.inputs.addressPrefix).toBe(cidrs.apiServer);
            expect(input(apiServer, "delegations")).toEqual([{ name: "aks-api-server", serviceName: "Microsoft.ContainerService/managedClusters" }]);
            expect(String(input(apiServer, "networkSecurityGroup.id")).endsWith(`/networkSecurityGroups/${String(one(p, T.nsg, `${site.network}-public-nsg`).inputs.networkSecurityGroupName)}`)).toBe(true);
            expect(apiServer.dependencies).toContain(one(p, T.subnet, `${site.network}-public`).urn);
            const allRanges = [...TIERS.map((t) => (t === "public" ? cidrs.public : layout[t].cidr)), cidrs.apiServer];
            for (const [i, a] of allRanges.entries()) for (const b of allRanges.slice(i + 1)) expect(cidrsOverlap(a, b), `${a} ${b}`).toBe(false);
            expect(cidrsOverlap(cidrs.apiServer, layout.public.cidr)).toBe(true);
            for (const zoneBlock of layout.public.zoneCidrs.slice(0, 3)) expect(cidrsOverlap(zoneBlock, cidrs.apiServer)).toBe(false);
        }
    });

    it("places the Azure public subnet and the API server subnet in the public tier for every network size", () => {
        expect(azureSubnetCidrs(layoutNetwork("10.0.0.0/16", 3))).toMatchObject({ public: "10.0.192.0/19", apiServer: "10.0.240.0/20" });
        expect(azureSubnetCidrs(layoutNetwork("10.8.0.0/22", 3))).toMatchObject({ public: "10.8.3.0/25", apiServer: "10.8.3.192/26" });
    });

    it("creates one VNet's subnets one after another", async () => {
        const p = await plan(stack, "azure");
        for (const site of sites) {
            const [app, data, pub] = TIERS.map((tier) => one(p, T.subnet, `${site.network}-${tier}`));
            expect(data.dependencies).toContain(app.urn);
            expect(pub.dependencies).toContain(data.urn);
        }
    });

    it("closes every NSG to the internet and opens only HTTPS to the public tier", async () => {
        const p = await plan(stack, "azure");
        for (const site of sites) {
            const layout = layoutNetwork(site.placement.cidr, site.placement.zones.length);
            const network = one(p, C.network, site.network);
            const rules = childrenOf(p, network, T.rule);
            for (const tier of TIERS) {
                const nsgName = one(p, T.nsg, `${site.network}-${tier}-nsg`).inputs.networkSecurityGroupName;
                const tierRules = rules.filter((r) => r.inputs.networkSecurityGroupName === nsgName);
                expect(tierRules.find((r) => r.inputs.priority === 4096)?.inputs, `${site.network} ${tier}`).toMatchObject({
                    direction: "Inbound",
                    access: "Deny",
                    sourceAddressPrefix: "Internet",
                });
            }
            const internetAllows = rules.filter((r) => r.inputs.access === "Allow" && ["Internet", "*", "0.0.0.0/0"].includes(String(r.inputs.sourceAddressPrefix)));
            expect(internetAllows.map((r) => r.inputs)).toEqual([
                expect.objectContaining({ destinationAddressPrefix: layout.public.cidr, destinationPortRange: "443", protocol: "Tcp" }),
            ]);
        }
    });

    it("sends app and data egress through a zone-redundant NAT; the public tier has none", async () => {
        const p = await plan(stack, "azure");
        for (const site of sites) {
            const ip = one(p, T.publicIp, `${site.network}-nat-ip`);
            expect(ip.inputs).toMatchObject({ sku: { name: "Standard" }, publicIPAllocationMethod: "Static", zones: [...site.placement.zones] });
            const nat = one(p, T.nat, `${site.network}-nat`);
            expect(nat.inputs.sku).toEqual({ name: "Standard" });
            expect(nat.dependencies).toContain(ip.urn);
            for (const tier of ["app", "data"]) {
                const subnet = one(p, T.subnet, `${site.network}-${tier}`);
                expect(String(input(subnet, "natGateway.id")).endsWith(`/natGateways/${String(nat.inputs.natGatewayName)}`), tier).toBe(true);
                expect(subnet.inputs.defaultOutboundAccess).toBe(false);
            }
            expect(input(one(p, T.subnet, `${site.network}-public`), "natGateway")).toBeUndefined();
        }
    });

    it("logs VNet flows to a locked-down storage account encrypted with the stack key", async () => {
        const p = await plan(stack, "azure");
        for (const site of sites) {
            const flowLog = one(p, T.flowLog, `${site.network}-flow-log`);
            const store = one(p, T.storage, `${site.network}-flow-logs`);
            const vnet = one(p, T.vnet, `${site.network}-vnet`);
            expect(flowLog.inputs).toMatchObject({
                enabled: true,
                retentionPolicy: { enabled: true, days: cfg.logRetentionDays },
                resourceGroupName: AZURE_NETWORK_WATCHER.value.resourceGroup,
                networkWatcherName: `${AZURE_NETWORK_WATCHER.value.namePrefix}${site.placement.region}`,
                location: site.placement.region,
            });
            expect(String(flowLog.inputs.targetResourceId).endsWith(`/virtualNetworks/${String(vnet.inputs.virtualNetworkName)}`)).toBe(true);
            expect(String(flowLog.inputs.storageId).endsWith(`/storageAccounts/${String(store.inputs.accountName)}`)).toBe(true);

            const identity = one(p, T.identity, `${site.keys}-identity`);
            const wait = one(p, RBAC_PROPAGATION_WAIT_TYPE, `${site.keys}-identity-crypto-user-propagation`);
            expect(store.inputs).toMatchObject({
                kind: "StorageV2",
                minimumTlsVersion: "TLS1_2",
                enableHttpsTrafficOnly: true,
                allowBlobPublicAccess: false,
                networkRuleSet: { defaultAction: "Deny", bypass: "AzureServices" },
                identity: { type: "UserAssigned" },
                encryption: { keySource: "Microsoft.Keyvault", keyVaultProperties: { keyName: "data" } },
            });
            expect(input(store, "encryption.keyVaultProperties.keyVersion")).toBeUndefined();
            expect(String(input(store, "encryption.keyVaultProperties.keyVaultUri"))).toBe(
                `https://${String(one(p, T.vault, `${site.keys}-vault`).inputs.vaultName)}.vault.azure.net/`,
            );
            expect(input(store, "encryption.encryptionIdentity.encryptionUserAssignedIdentity")).toBe(input(store, "identity.userAssignedIdentities.0"));
            expect(store.dependencies).toEqual(expect.arrayContaining([identity.urn, wait.urn]));
            expect(store.protect).toBe(cfg.isProd);
        }
    });

    it("tags every taggable azure-native resource with the standard tags", async () => {
        const p = await plan(stack, "azure");
        const taggable = p.resources.filter((r) => r.custom && r.type.startsWith("azure-native:") && tagField(r.type));
        expect(taggable.length).toBeGreaterThan(10);
        for (const r of taggable) {
            const tags = (r.inputs.tags ?? {}) as Record<string, unknown>;
            for (const key of STANDARD_TAG_KEYS) expect(typeof tags[key], `${r.type} ${r.name} ${key}`).toBe("string");
            // A standard availability test must also carry the `hidden-link:<component id>` tag
            // that binds it to its Application Insights resource; nothing else may be added.
            const own = Object.fromEntries(Object.entries(tags).filter(([key]) => !(r.type === "azure-native:applicationinsights:WebTest" && key.startsWith("hidden-link:"))));
            expect(own, `${r.type} ${r.name}`).toEqual(cfg.tags);
        }
    });

    it("places every resource of a component under it, on its site's provider", async () => {
        const p = await plan(stack, "azure");
        const stackUrn = p.resources.find((r) => r.type === "pulumi:pulumi:Stack")?.urn;
        const components = [
            ...sites.flatMap((s) => [
                { c: one(p, C.keys, s.keys), role: s.role },
                { c: one(p, C.network, s.network), role: s.role },
            ]),
            { c: one(p, C.alerts, "alerts"), role: "primary" },
        ];
        for (const { c, role } of components) {
            expect(c.parent).toBe(stackUrn);
            const children = descendants(p, c);
            expect(children.length).toBeGreaterThan(0);
            for (const r of children.filter((x) => x.type.startsWith("azure-native:"))) {
                expect(r.parent, r.name).toBe(c.urn);
                expect(urnName(r.provider), r.name).toBe(`azure-${role}`);
            }
        }
        // Only the sites' own resources sit at the stack root.
        const rootCustom = p.resources.filter((r) => r.custom && r.parent === stackUrn);
        expect(rootCustom.map((r) => r.type).sort()).toEqual([...sites.map(() => T.provider), ...sites.map(() => T.group)].sort());
    });

    it("puts the DR site's resources in its own group, with its own provider", async () => {
        const p = await plan(stack, "azure");
        const dr = sites.find((s) => s.role === "dr");
        if (!dr) {
            expect(p.resources.filter((r) => r.name.startsWith("dr-"))).toEqual([]);
            return;
        }
        const drProvider = one(p, T.provider, "azure-dr");
        for (const [type, name] of [
            [T.group, "dr-resource-group"],
            [T.vault, "dr-keys-vault"],
            [T.key, "dr-keys-key"],
            [T.vnet, "dr-network-vnet"],
            [T.storage, "dr-network-flow-logs"],
        ]) {
            const r = one(p, type, name);
            expect(r.provider, name).toBe(drProvider.urn);
            if (type !== T.group) expect(r.inputs.resourceGroupName, name).toBe(`${PROJECT}-${stack}-dr`);
        }
        expect(one(p, T.vnet, "dr-network-vnet").inputs.location).toBe(dr.placement.region);
        expect(byUrn(p, one(p, T.vault, "dr-keys-vault").provider)?.inputs.location).toBe(dr.placement.region);
        expect(one(p, T.vault, "dr-keys-vault").inputs.vaultName).not.toBe(one(p, T.vault, "primary-keys-vault").inputs.vaultName);
    });
});

/**
 * The Azure cluster built alone on the harness's spine: a prod primary with a restricted
 * endpoint and a workload identity, and a private standby in the DR region that replicates the
 * primary's registry; then the AKS and ACR rules of the policy pack over the plan, each matching
 * and passing, and each failing once its property is weakened.
 */
import { Namespace } from "kubernetes-models/v1";
import { describe, expect, it } from "vitest";
import type { AzureTypes } from "../components/azure";
import { AZURE_CLUSTER_ALERTS } from "../components/azure/cluster-alarms";
import { AzureCluster, azureClusterProblems, kubeloginKubeconfig, overlayRanges, userKubeconfigEndpoint } from "../components/azure/cluster";
import { ingressNamespaceManifest, ingressValues } from "../components/azure/cluster-ingress";
import { registryIdParts, registryName, UNTAGGED_RETENTION_DAYS } from "../components/azure/cluster-registry";
import { RBAC_PROPAGATION_WAIT_TYPE } from "../components/azure/rbac-wait";
import { cidrsOverlap } from "../domain/network-layout";
import {
    AKS_ENTRA_SERVER_APP_ID,
    AKS_LOAD_BALANCER_ANNOTATIONS,
    AKS_METRICS,
    AKS_NODE_VM_SIZES,
    AKS_SKU_TIERS,
    AKS_UPGRADE,
    AKS_WORKLOAD_IDENTITY,
    AZURE_BUILT_IN_ROLES,
    AZURE_CLUSTER_ROLES,
    AZURE_INGRESS_NGINX_CHART,
    AZURE_PRIVATE_LINK_REGISTRY,
} from "../domain/catalogs/azure";
import { aksApiServerAccess } from "../policy-packs/gravitypm-guard/rules/kubernetes/aks-api-server-access";
import { aksMonitoring } from "../policy-packs/gravitypm-guard/rules/kubernetes/aks-monitoring";
import { aksNetworkPolicy } from "../policy-packs/gravitypm-guard/rules/kubernetes/aks-network-policy";
import { aksNoNodePublicIp } from "../policy-packs/gravitypm-guard/rules/kubernetes/aks-no-node-public-ip";
import { aksNodeEncryption } from "../policy-packs/gravitypm-guard/rules/kubernetes/aks-node-encryption";
import { aksRbacNoLocalAccounts } from "../policy-packs/gravitypm-guard/rules/kubernetes/aks-rbac-no-local-accounts";
import { acrAdminUserDisabled } from "../policy-packs/gravitypm-guard/rules/registry/acr-admin-user-disabled";
import { acrCmk } from "../policy-packs/gravitypm-guard/rules/registry/acr-cmk";
import { acrPremiumSku } from "../policy-packs/gravitypm-guard/rules/registry/acr-premium-sku";
import { acrPrivate } from "../policy-packs/gravitypm-guard/rules/registry/acr-private";
import type { GuardPolicy } from "../policy-packs/gravitypm-guard/lib/rule";
import { evaluatePlan } from "../tools/policy/evaluate";
import type { Plan, PlannedResource } from "../tools/plan/types";
import { buildComponent, CLUSTER_TEST_CIDRS, clusterArgs, type Spine } from "./support/component";
import { childrenOf, dependsOn, descendants, input, ofType, one } from "./support/plan";

const CLUSTER = "gravitypm:components:Cluster";
const AKS = "azure-native:containerservice:ManagedCluster";
const ACR = "azure-native:containerregistry:Registry";
const REPLICATION = "azure-native:containerregistry:Replication";
const ROLE_ASSIGNMENT = "azure-native:authorization:RoleAssignment";
const ENDPOINT = "azure-native:network:PrivateEndpoint";
const CIDRS = CLUSTER_TEST_CIDRS;


const built = buildComponent(
    "azure",
    (spine) => {
        const primary = new AzureCluster("cluster", clusterArgs(spine));
        primary.workloadIdentity("api", { namespace: "app", serviceAccount: "api" });
        const dr = spine.dr;
        if (!dr) throw new Error("the harness was asked for a DR region");
        new AzureCluster(
            "standby",
            clusterArgs(
                { ...spine, ...dr },
                { role: "standby", endpoint: "private", authorizedCidrs: [], nodePool: { size: "medium", minNodes: 1, maxNodes: 9 }, primaryRegistry: primary.registry },
            ),
        );
    },
    { environment: "prod", primary: { region: "eastus", zones: ["1", "2", "3"], cidr: "10.0.0.0/16" }, dr: { region: "westus2", zones: ["1", "2", "3"], cidr: "10.1.0.0/16" } },
);

const aks = (p: Plan, component: string) => one(p, AKS, `${component}-cluster`);
const pools = (r: PlannedResource) => input(r, "agentPoolProfiles") as Record<string, unknown>[];

describe("Azure cluster: one AKS cluster per role", () => {
    it("puts each cluster under its component, with its region's provider and protect", async () => {
        const p = await built;
        for (const [component, provider] of [["cluster", "azure-primary"], ["standby", "azure-dr"]] as const) {
            const parent = one(p, CLUSTER, component);
            const cluster = aks(p, component);
            expect(childrenOf(p, parent, AKS)).toEqual([cluster]);
            expect(cluster.provider).toMatch(new RegExp(`::${provider}$`));
            expect(cluster.protect).toBe(true);
            expect(descendants(p, parent).every((r) => r.name.startsWith(`${component}-`))).toBe(true);
        }
        expect(input(aks(p, "cluster"), "sku.tier")).toBe(AKS_SKU_TIERS.value.prod);
    });

    it("restricts the primary's API to exactly the authorised ranges and the nodes' NAT egress; the standby's is private", async () => {
        const p = await built;
        const ranges = input(aks(p, "cluster"), "apiServerAccessProfile.authorizedIPRanges") as string[];
        expect(input(aks(p, "cluster"), "apiServerAccessProfile.enablePrivateCluster")).toBe(false);
        expect(ranges.slice(0, CIDRS.length)).toEqual(CIDRS);
        expect(ranges.slice(CIDRS.length)).toHaveLength(1);
        expect(ranges[CIDRS.length]).toMatch(/^20\.\d+\.0\.1\/32$/);
        expect(input(aks(p, "standby"), "apiServerAccessProfile.enablePrivateCluster")).toBe(true);
        expect(input(aks(p, "standby"), "apiServerAccessProfile.authorizedIPRanges")).toBeUndefined();
    });

    it("authenticates through Entra ID with Azure RBAC only, with OIDC issuer and workload identity", async () => {
        const c = aks(await built, "cluster");
        expect(input(c, "aadProfile.managed")).toBe(true);
        expect(input(c, "aadProfile.enableAzureRBAC")).toBe(true);
        expect(input(c, "disableLocalAccounts")).toBe(true);
        expect(input(c, "oidcIssuerProfile.enabled")).toBe(true);
        expect(input(c, "securityProfile.workloadIdentity.enabled")).toBe(true);
    });

    it("uses Azure CNI overlay with Cilium policy, egress through NAT, pod and Service ranges outside the VNet", async () => {
        const c = aks(await built, "cluster");
        expect(input(c, "networkProfile.networkPluginMode")).toBe("overlay");
        expect(input(c, "networkProfile.networkPolicy")).toBe("cilium");
        expect(input(c, "networkProfile.outboundType")).toBe("userAssignedNATGateway");
        for (const key of ["podCidr", "serviceCidr"]) expect(cidrsOverlap(String(input(c, `networkProfile.${key}`)), "10.0.0.0/16")).toBe(false);
        expect(overlayRanges("10.244.0.0/16").podCidr).toBe("172.30.0.0/16");
    });

    it("spreads autoscaling pools over the zones in the app subnet, bounds from args, no public IPs, encryption at host", async () => {
        const p = await built;
        const [system, apps] = pools(aks(p, "cluster"));
        expect(system).toMatchObject({ mode: "System", availabilityZones: ["1", "2", "3"], minCount: 3, nodeTaints: ["CriticalAddonsOnly=true:NoSchedule"] });
        expect(apps).toMatchObject({ mode: "User", availabilityZones: ["1", "2", "3"], enableAutoScaling: true, minCount: 3, maxCount: 9, vmSize: AKS_NODE_VM_SIZES.value.medium });
        expect(pools(aks(p, "standby"))[1]).toMatchObject({ minCount: 1, maxCount: 9 });
        for (const pool of [system, apps]) {
            expect(pool).toMatchObject({ enableEncryptionAtHost: true, enableNodePublicIP: false });
            expect(String(pool.vnetSubnetID)).toMatch(/\/virtualNetworks\/gravitypm-component-primary\/subnets\/app$/);
        }
    });

    it("encrypts node disks with the stack key through a disk encryption set created after the key grant propagated", async () => {
        const p = await built;
        const des = one(p, "azure-native:compute:DiskEncryptionSet", "cluster-disk-encryption");
        const vault = one(p, "azure-native:keyvault:Vault", "primary-keys-vault");
        expect(String(input(des, "activeKey.keyUrl"))).toMatch(new RegExp(`^https://${String(input(vault, "vaultName"))}\\.vault\\.azure\\.net/keys/data/[0-9a-f]{32}$`));
        expect(input(des, "rotationToLatestKeyVersionEnabled")).toBe(true);
        expect(dependsOn(p, des, "primary-keys-identity-crypto-user-propagation")).toBe(true);
        expect(String(input(aks(p, "cluster"), "diskEncryptionSetID"))).toMatch(/\/diskEncryptionSets\/gravitypm-component-primary-aks$/);
        // The cluster identity's network grant has propagated before AKS uses it.
        expect(one(p, RBAC_PROPAGATION_WAIT_TYPE, "cluster-identity-network-contributor-propagation")).toBeDefined();
        expect(dependsOn(p, aks(p, "cluster"), "cluster-identity-network-contributor-propagation")).toBe(true);
    });

    it("envelope-encrypts Kubernetes secrets (KMS) with its own pinned key in the site's private vault, through API Server VNet Integration", async () => {
        const p = await built;
        for (const [component, site, keys] of [["cluster", "primary", "primary-keys"], ["standby", "dr", "dr-keys"]] as const) {
            const c = aks(p, component);
            const vault = one(p, "azure-native:keyvault:Vault", `${keys}-vault`);
            const key = one(p, "azure-native:keyvault:Key", `${component}-kms-key`);
            expect(key.parent).toBe(one(p, CLUSTER, component).urn);
            expect(key.protect).toBe(true);
            expect(input(key, "keyName")).toBe("kms");
            expect(input(key, "vaultName")).toBe(input(vault, "vaultName"));
            expect(input(key, "properties.kty")).toMatch(/^RSA/);
            expect(input(key, "properties.keyOps")).toEqual(["encrypt", "decrypt"]);
            // AKS pins the version it is given: versions rotate but never expire.
            expect(input(key, "properties.rotationPolicy.attributes")).toBeUndefined();
            expect(input(key, "properties.rotationPolicy.lifetimeActions")).toEqual([{ action: { type: "rotate" }, trigger: { timeAfterCreate: expect.stringMatching(/^P\d+D$/) } }]);

            const kms = input(c, "securityProfile.azureKeyVaultKms") as Record<string, unknown>;
            expect(kms).toMatchObject({ enabled: true, keyVaultNetworkAccess: "Private" });
            expect(String(kms.keyId)).toMatch(new RegExp(`^https://${String(input(vault, "vaultName"))}\\.vault\\.azure\\.net/keys/kms/[0-9a-f]{32}$`));
            expect(String(kms.keyVaultResourceId)).toMatch(new RegExp(`/vaults/${String(input(vault, "vaultName"))}$`));
            expect(String(kms.keyVaultResourceId)).not.toBe("");

            expect(input(c, "apiServerAccessProfile.enableVnetIntegration")).toBe(true);
            expect(String(input(c, "apiServerAccessProfile.subnetId"))).toMatch(new RegExp(`/virtualNetworks/gravitypm-component-${site}/subnets/api-server$`));
            const subnet = one(p, "azure-native:network:Subnet", `${site}-network-api-server`);
            expect(input(subnet, "delegations")).toEqual([{ name: "aks-api-server", serviceName: "Microsoft.ContainerService/managedClusters" }]);

            // The cluster's identity uses that key only, and AKS waits until Key Vault honours the grant.
            const grant = one(p, ROLE_ASSIGNMENT, `${component}-identity-kms-crypto-user`);
            expect(String(input(grant, "roleDefinitionId")).split("/").pop()).toBe(AZURE_BUILT_IN_ROLES.keyVaultCryptoUser.value.id);
            expect(String(input(grant, "scope"))).toMatch(new RegExp(`/vaults/${String(input(vault, "vaultName"))}/keys/kms$`));
            expect(input(grant, "principalType")).toBe("ServicePrincipal");
            expect(dependsOn(p, grant, `${component}-kms-key`)).toBe(true);
            const wait = one(p, RBAC_PROPAGATION_WAIT_TYPE, `${component}-identity-kms-crypto-user-propagation`);
            expect(dependsOn(p, wait, `${component}-identity-kms-crypto-user`)).toBe(true);
            expect(dependsOn(p, c, `${component}-identity-kms-crypto-user-propagation`)).toBe(true);
        }
    });

    it("upgrades only in the maintenance window, on the catalogued channels", async () => {
        const p = await built;
        const c = aks(p, "cluster");
        expect(input(c, "autoUpgradeProfile")).toEqual({ upgradeChannel: AKS_UPGRADE.value.upgradeChannel, nodeOSUpgradeChannel: AKS_UPGRADE.value.nodeOSUpgradeChannel });
        const windows = childrenOf(p, one(p, CLUSTER, "cluster"), "azure-native:containerservice:MaintenanceConfiguration");
        expect(windows.map((w) => input(w, "configName")).sort()).toEqual([AKS_UPGRADE.value.autoUpgradeConfigName, AKS_UPGRADE.value.nodeOSUpgradeConfigName].sort());
        for (const w of windows) {
            expect(input(w, "maintenanceWindow")).toEqual({ schedule: { weekly: { dayOfWeek: "Sunday", intervalWeeks: 1 } }, durationHours: 4, startTime: "03:00", utcOffset: "+00:00" });
        }
    });

    it("sends every control-plane log to Log Analytics (retention from args) and to the stack-key log storage", async () => {
        const p = await built;
        const workspace = one(p, "azure-native:operationalinsights:Workspace", "cluster-logs");
        expect(input(workspace, "retentionInDays")).toBe(365);
        const diagnostics = one(p, "azure-native:monitor:DiagnosticSetting", "cluster-diagnostics");
        expect(input(diagnostics, "logs")).toEqual([{ categoryGroup: "allLogs", enabled: true }]);
        expect(String(input(diagnostics, "storageAccountId"))).toMatch(/\/storageAccounts\//);
        expect(String(input(diagnostics, "workspaceId"))).toMatch(/\/workspaces\/gravitypm-component-primary-aks$/);
        expect(input(aks(p, "cluster"), "addonProfiles.omsagent.enabled")).toBe(true);
        expect(input(aks(p, "cluster"), "azureMonitorProfile.metrics.enabled")).toBe(true);
        // Observability owns the collection rules (masked container logs, Prometheus): none here.
        expect(ofType(p, "azure-native:monitor:DataCollectionRule")).toEqual([]);
    });

    it("assigns only catalogued roles: network and KMS key use to the cluster identity, cluster-admin to the deployer, AcrPull to the kubelets", async () => {
        const p = await built;
        const assignments = descendants(p, one(p, CLUSTER, "cluster")).filter((r) => r.type === ROLE_ASSIGNMENT);
        const ids = [...Object.values(AZURE_CLUSTER_ROLES).map((r) => r.value.id), AZURE_BUILT_IN_ROLES.keyVaultCryptoUser.value.id];
        expect(assignments.length).toBe(4);
        for (const a of assignments) expect(ids).toContain(String(input(a, "roleDefinitionId")).split("/").pop());
        const pull = one(p, ROLE_ASSIGNMENT, "standby-kubelet-acr-pull");
        expect(String(input(pull, "scope"))).toMatch(/\/registries\/gravitypmcomponentpriacr/);
    });

    it("alerts on platform metrics from the catalog, notifying the action group", async () => {
        const p = await built;
        const alerts = childrenOf(p, one(p, CLUSTER, "cluster"), "azure-native:monitor:MetricAlert");
        expect(alerts).toHaveLength(AZURE_CLUSTER_ALERTS.length);
        const names = Object.values(AKS_METRICS)
            .map((m) => m.value)
            .flatMap((v) => (typeof v === "string" ? [] : [v.name]));
        for (const a of alerts) {
            const criterion = (input(a, "criteria.allOf") as Record<string, unknown>[])[0];
            expect(names).toContain(criterion.metricName);
            expect(criterion.metricNamespace).toBe(AKS_METRICS.namespace.value);
            expect(String(input(a, "actions.0.actionGroupId"))).toMatch(/\/actionGroups\//);
        }
        const notReady = AZURE_CLUSTER_ALERTS.find((a) => a.id === "nodes-not-ready");
        for (const f of notReady?.filters ?? []) expect(AKS_METRICS.nodeStatusCondition.value.dimensions).toContain(f.dimension);
    });
});

describe("Azure cluster: registry", () => {
    it("is one Premium registry on the primary: CMK with the stack key, no admin user, no public access, protected", async () => {
        const p = await built;
        const [registry] = ofType(p, ACR);
        expect(ofType(p, ACR)).toHaveLength(1);
        expect(registry.parent).toBe(one(p, CLUSTER, "cluster").urn);
        expect(registry.protect).toBe(true);
        expect(input(registry, "sku.name")).toBe("Premium");
        expect(input(registry, "adminUserEnabled")).toBe(false);
        expect(input(registry, "publicNetworkAccess")).toBe("Disabled");
        expect(input(registry, "policies.retentionPolicy")).toEqual({ status: "enabled", days: UNTAGGED_RETENTION_DAYS });
        const vault = one(p, "azure-native:keyvault:Vault", "primary-keys-vault");
        expect(input(registry, "encryption.keyVaultProperties.keyIdentifier")).toBe(`https://${String(input(vault, "vaultName"))}.vault.azure.net/keys/data`);
        expect(dependsOn(p, registry, "primary-keys-identity-crypto-user-propagation")).toBe(true);
    });

    it("gives the standby a replica of the primary's registry in the DR region instead of a registry", async () => {
        const p = await built;
        const replica = one(p, REPLICATION, "standby-registry-replica");
        expect(input(replica, "location")).toBe("westus2");
        expect(String(input(replica, "registryName"))).toMatch(/^gravitypmcomponentpriacr/);
        expect(input(replica, "resourceGroupName")).toBe("gravitypm-component-primary");
        expect(replica.protect).toBe(true);
    });

    it("reaches the registry through a private endpoint in each region's data subnet with the catalogued zone", async () => {
        const p = await built;
        for (const component of ["cluster", "standby"]) {
            const endpoint = one(p, ENDPOINT, `${component}-registry-endpoint`);
            expect(input(endpoint, "privateLinkServiceConnections.0.groupIds")).toEqual([AZURE_PRIVATE_LINK_REGISTRY.value.groupId]);
            expect(String(input(endpoint, "subnet.id"))).toMatch(/\/subnets\/data$/);
            expect(input(one(p, "azure-native:privatedns:PrivateZone", `${component}-registry-dns-zone`), "privateZoneName")).toBe(AZURE_PRIVATE_LINK_REGISTRY.value.dnsZone);
        }
    });

    it("names registries within ACR's rules and reads ids back", () => {
        expect(registryName("gravitypm-prod", "primary", "1a2b3c")).toBe("gravitypmprodpriacr1a2b3c");
        expect(registryIdParts("/subscriptions/s/resourceGroups/rg-1/providers/Microsoft.ContainerRegistry/registries/abc")).toEqual({ resourceGroupName: "rg-1", registryName: "abc" });
    });
});

describe("Azure cluster: Kubernetes access and ingress", () => {
    it("deploys ingress-nginx with the cluster's provider, bound to a static zone-redundant public IP", async () => {
        const p = await built;
        const provider = one(p, "pulumi:providers:kubernetes", "cluster-k8s");
        const release = one(p, "kubernetes:helm.sh/v3:Release", "cluster-ingress");
        expect(release.provider).toBe(provider.urn);
        expect(one(p, "kubernetes:core/v1:Namespace", "cluster-ingress-namespace").provider).toBe(provider.urn);
        expect(input(release, "version")).toBe(AZURE_INGRESS_NGINX_CHART.value.version);
        expect(input(release, "repositoryOpts.repo")).toBe(AZURE_INGRESS_NGINX_CHART.value.repo);
        const annotations = input(release, "values.controller.service.annotations") as Record<string, string>;
        expect(annotations[AKS_LOAD_BALANCER_ANNOTATIONS.value.pipName]).toBe("gravitypm-component-primary-ingress");
        expect(input(release, "values.controller.service.enableHttp")).toBe(false);
        const ip = one(p, "azure-native:network:PublicIPAddress", "cluster-ingress-ip");
        expect(input(ip, "sku")).toEqual({ name: "Standard", tier: "Regional" });
        expect(input(ip, "publicIPAllocationMethod")).toBe("Static");
        expect(input(ip, "zones")).toEqual(["1", "2", "3"]);
        expect(dependsOn(p, release, "cluster-deployer-cluster-admin-propagation")).toBe(true);
        expect(provider.secretInputs).toContain("kubeconfig");
    });

    it("opens only HTTPS to the ingress address in the app tier", async () => {
        const rule = one(await built, "azure-native:network:SecurityRule", "cluster-ingress-https-rule");
        expect(input(rule, "networkSecurityGroupName")).toBe("gravitypm-component-primary-app");
        expect(input(rule, "destinationPortRange")).toBe("443");
        expect(String(input(rule, "destinationAddressPrefix"))).toMatch(/^20\./);
    });

    it("writes in-cluster objects that validate against the Kubernetes schemas", () => {
        expect(() => new Namespace(ingressNamespaceManifest()).validate()).not.toThrow();
        expect(ingressValues({ resourceGroupName: "rg", publicIpName: "ip", zones: ["1"] })).toMatchObject({ controller: { replicaCount: 2 } });
    });

    it("builds a kubelogin kubeconfig from the API address and CA AKS returns", () => {
        const raw = Buffer.from("clusters:\n- cluster:\n    certificate-authority-data: Q0E=\n    server: https://x.azmk8s.io:443\n").toString("base64");
        const { server, certificateAuthorityData } = userKubeconfigEndpoint(raw);
        const config = JSON.parse(kubeloginKubeconfig("c", server, certificateAuthorityData)) as { clusters: { cluster: Record<string, string> }[]; users: { user: { exec: { command: string; args: string[] } } }[] };
        expect(config.clusters[0].cluster).toEqual({ server: "https://x.azmk8s.io:443", "certificate-authority-data": "Q0E=" });
        expect(config.users[0].user.exec.command).toBe("kubelogin");
        expect(config.users[0].user.exec.args).toEqual(["get-token", "--login", "azurecli", "--server-id", AKS_ENTRA_SERVER_APP_ID.value]);
    });

    it("federates a workload identity with the cluster's OIDC issuer", async () => {
        const p = await built;
        const federation = one(p, "azure-native:managedidentity:FederatedIdentityCredential", "cluster-api-federation");
        expect(input(federation, "subject")).toBe("system:serviceaccount:app:api");
        expect(input(federation, "audiences")).toEqual([AKS_WORKLOAD_IDENTITY.value.audience]);
        expect(String(input(federation, "issuer"))).toMatch(/^https:\/\/eastus\.oic\.prod-aks\.azure\.com\//);
    });
});

describe("Azure cluster: refused args", () => {
    it("names every problem at once", () => {
        const base = { site: { zones: ["1"] } } as unknown as Spine<AzureTypes>;
        const problems = azureClusterProblems(
            clusterArgs(base, { kubernetesVersion: "1.20", authorizedCidrs: [], nodePool: { size: "small", minNodes: 5, maxNodes: 2 }, maintenanceHours: 2, logRetentionDays: 7, repositories: ["Bad Name"] }),
        ).map((p) => p.key);
        expect(problems).toEqual(["clusterKubernetesVersion", "clusterAuthorizedCidrs", "clusterMinNodes", "clusterMaintenanceWindow", "logRetentionDays", "repositories"]);
        expect(azureClusterProblems(clusterArgs(base, { endpoint: "private" })).map((p) => p.key)).toEqual(["clusterAuthorizedCidrs"]);
        expect(azureClusterProblems(clusterArgs(base, { authorizedCidrs: ["0.0.0.0/0"] })).map((p) => p.key)).toEqual(["clusterAuthorizedCidrs"]);
    });
});

/** The plan with one resource's inputs replaced. */
function mutate(p: Plan, target: PlannedResource, inputs: Record<string, unknown>): Plan {
    return { ...p, resources: p.resources.map((r) => (r.urn === target.urn ? { ...r, inputs } : r)) };
}

type Inputs = Readonly<Record<string, unknown>>;
const withPools = (i: Inputs, change: Record<string, unknown>) => ({ ...i, agentPoolProfiles: (i.agentPoolProfiles as Record<string, unknown>[]).map((pool) => ({ ...pool, ...change })) });

/** `findings`: how many the weakened resource yields (a rule on pools reports each of the two). */
const RULES: { rule: GuardPolicy; type: string; weaken: (i: Inputs) => Record<string, unknown>; findings?: number }[] = [
    { rule: aksApiServerAccess, type: AKS, weaken: (i: Inputs) => ({ ...i, apiServerAccessProfile: { enablePrivateCluster: false, authorizedIPRanges: ["0.0.0.0/0"] } }) },
    { rule: aksMonitoring, type: AKS, weaken: (i: Inputs) => ({ ...i, addonProfiles: {}, azureMonitorProfile: {} }) },
    { rule: aksNetworkPolicy, type: AKS, weaken: (i: Inputs) => ({ ...i, networkProfile: { ...(i.networkProfile as object), networkPolicy: "none" } }) },
    { rule: aksNoNodePublicIp, type: AKS, weaken: (i: Inputs) => withPools(i, { enableNodePublicIP: true }), findings: 2 },
    { rule: aksNodeEncryption, type: AKS, weaken: (i: Inputs) => withPools(i, { enableEncryptionAtHost: false }), findings: 2 },
    { rule: aksRbacNoLocalAccounts, type: AKS, weaken: (i: Inputs) => ({ ...i, disableLocalAccounts: false }) },
    { rule: acrAdminUserDisabled, type: ACR, weaken: (i: Inputs) => ({ ...i, adminUserEnabled: true }) },
    { rule: acrCmk, type: ACR, weaken: (i: Inputs) => ({ ...i, encryption: { status: "disabled" } }) },
    { rule: acrPremiumSku, type: ACR, weaken: (i: Inputs) => ({ ...i, sku: { name: "Standard" } }) },
    { rule: acrPrivate, type: ACR, weaken: (i: Inputs) => ({ ...i, publicNetworkAccess: "Enabled" }) },
];

describe("Azure cluster under the AKS and ACR policy rules", () => {
    const rules = RULES.map((r) => r.rule);

    it("every rule matches a resource of the plan and finds nothing", async () => {
        const p = await built;
        for (const { type } of RULES) expect(ofType(p, type).length).toBeGreaterThan(0);
        const report = await evaluatePlan(p, { policies: rules });
        expect(report.violations).toEqual([]);
    });

    for (const { rule, type, weaken, findings = 1 } of RULES) {
        it(`${rule.name} reports the weakened ${type}`, async () => {
            const p = await built;
            const target = ofType(p, type)[0];
            const report = await evaluatePlan(mutate(p, target, weaken(target.inputs)), { policies: [rule] });
            expect(report.violations.map((v) => [v.policyName, v.urn])).toEqual(Array.from({ length: findings }, () => [rule.name, target.urn]));
        });
    }

    it("leaves the whole pack with no mandatory finding on the cluster's resources", async () => {
        const p = await built;
        const ours = new Set(descendants(p, one(p, CLUSTER, "cluster")).concat(descendants(p, one(p, CLUSTER, "standby"))).map((r) => r.urn));
        const report = await evaluatePlan(p);
        expect(report.violations.filter((v) => v.enforcementLevel === "mandatory" && v.urn !== undefined && ours.has(v.urn))).toEqual([]);
    });
});

/**
 * The Kubernetes cluster on Azure: AKS with Entra ID authentication and Azure RBAC only, its
 * registry (components/azure/cluster-registry.ts), the ingress entry point
 * (cluster-ingress.ts) and health alerts on platform metrics (cluster-alarms.ts).
 */
import { getClientConfigOutput } from "@pulumi/azure-native/authorization/getClientConfig";
import { RoleAssignment } from "@pulumi/azure-native/authorization/roleAssignment";
import { DiskEncryptionSet } from "@pulumi/azure-native/compute/diskEncryptionSet";
import { listManagedClusterUserCredentialsOutput } from "@pulumi/azure-native/containerservice/listManagedClusterUserCredentials";
import { MaintenanceConfiguration, type MaintenanceConfigurationArgs } from "@pulumi/azure-native/containerservice/maintenanceConfiguration";
import { ManagedCluster, type ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import { Key } from "@pulumi/azure-native/keyvault/key";
import { FederatedIdentityCredential } from "@pulumi/azure-native/managedidentity/federatedIdentityCredential";
import { UserAssignedIdentity } from "@pulumi/azure-native/managedidentity/userAssignedIdentity";
import { DiagnosticSetting } from "@pulumi/azure-native/monitor/diagnosticSetting";
import { getPublicIPAddressOutput } from "@pulumi/azure-native/network/getPublicIPAddress";
import { Workspace } from "@pulumi/azure-native/operationalinsights/workspace";
import { Provider as KubernetesProvider } from "@pulumi/kubernetes/provider";
import type { containerservice } from "@pulumi/azure-native/types/input";
import * as pulumi from "@pulumi/pulumi";
import { authorizedCidrProblem, KUBERNETES_VERSIONS } from "../../domain/capabilities/cluster";
import {
    AKS_ENTRA_SERVER_APP_ID,
    AKS_KMS_KEY_OPS,
    AKS_KMS_PRIVATE_VAULT,
    AKS_NODE_VM_SIZES,
    AKS_SKU_TIERS,
    AKS_SYSTEM_VM_SIZE,
    AKS_UPGRADE,
    AKS_WORKLOAD_IDENTITY,
    AZURE_BUILT_IN_ROLES,
    AZURE_CLUSTER_ROLES,
    AZURE_LOG_ANALYTICS_RETENTION_DAYS,
    azureRoleDefinitionId,
} from "../../domain/catalogs/azure";
import { cidrsOverlap } from "../../domain/network-layout";
import type { ClusterEndpoint, MaintenanceWindow, Weekday } from "../../domain/stack-config";
import { CLUSTER_TYPE, type Cluster, type ClusterArgs, type CredentialEndpoint, type Registry, type ReleaseNoticeArgs, type WorkloadIdentity, type WorkloadIdentityArgs } from "../contracts/cluster";
import { assertBuildable, type BuildProblem } from "../shared/buildable";
import { execKubeconfig } from "../shared/kubeconfig";
import type { AzureTypes } from ".";
import type { AzureAlerts } from "./alerts";
import { clusterAlerts } from "./cluster-alarms";
import { clusterIngress } from "./cluster-ingress";
import { clusterRegistry, repositoryNameProblem } from "./cluster-registry";
import { azureReleaseNotice } from "./cluster-release-notice";
import { rbacPropagationWait } from "./rbac-wait";
import type { AzureSite } from "./site";
import { INGRESS_NGINX_CONTROLLER } from "../shared/ingress-nginx";

type AgentPoolProfile = containerservice.ManagedClusterAgentPoolProfileArgs;
type ApiServerAccessProfile = NonNullable<pulumi.Unwrap<ManagedClusterArgs["apiServerAccessProfile"]>>;
type MaintenanceWindowArgs = NonNullable<pulumi.Unwrap<MaintenanceConfigurationArgs["maintenanceWindow"]>>;

/** AKS limits: maintenance windows of 4 to 24 hours. */
export const AKS_MIN_MAINTENANCE_HOURS = 4;
export const AKS_MAX_MAINTENANCE_HOURS = 24;

/** Every problem with the args AKS would refuse, or this component would build wrongly. */
export function azureClusterProblems(args: ClusterArgs<AzureTypes>): BuildProblem[] {
    const problems: (BuildProblem | undefined)[] = [];
    const versions = KUBERNETES_VERSIONS.azure.value;
    if (!versions.includes(args.kubernetesVersion)) problems.push({ key: "clusterKubernetesVersion", message: `${args.kubernetesVersion} is not in AKS standard support (${versions.join(", ")})` });
    if (args.endpoint === "restricted") {
        if (args.authorizedCidrs.length === 0) problems.push({ key: "clusterAuthorizedCidrs", message: "a restricted API endpoint needs at least one authorised range" });
        for (const cidr of args.authorizedCidrs) {
            const problem = authorizedCidrProblem(cidr);
            if (problem) problems.push({ key: "clusterAuthorizedCidrs", message: problem });
        }
    } else if (args.authorizedCidrs.length > 0) {
        problems.push({ key: "clusterAuthorizedCidrs", message: "a private API endpoint takes no authorised ranges" });
    }
    const { minNodes, maxNodes } = args.nodePool;
    if (!Number.isInteger(minNodes) || !Number.isInteger(maxNodes) || minNodes < 0 || maxNodes < 1 || minNodes > maxNodes) {
        problems.push({ key: "clusterMinNodes", message: `node bounds ${minNodes}-${maxNodes} must be whole numbers with 0 <= min <= max and max >= 1` });
    }
    if (!Number.isInteger(args.maintenanceHours) || args.maintenanceHours < AKS_MIN_MAINTENANCE_HOURS || args.maintenanceHours > AKS_MAX_MAINTENANCE_HOURS) {
        problems.push({ key: "clusterMaintenanceWindow", message: `AKS maintenance windows last ${AKS_MIN_MAINTENANCE_HOURS}-${AKS_MAX_MAINTENANCE_HOURS} hours, not ${args.maintenanceHours}` });
    }
    const retention = AZURE_LOG_ANALYTICS_RETENTION_DAYS.value;
    if (!Number.isInteger(args.logRetentionDays) || args.logRetentionDays < retention.min || args.logRetentionDays > retention.max) {
        problems.push({ key: "logRetentionDays", message: `Log Analytics keeps logs ${retention.min}-${retention.max} days, not ${args.logRetentionDays}` });
    }
    for (const repository of args.repositories) {
        const problem = repositoryNameProblem(repository);
        if (problem) problems.push({ key: "repositories", message: problem });
    }
    if (args.role === "primary" && args.primaryRegistry) problems.push({ key: "primaryRegistry", message: "only a standby replicates the primary's registry" });
    return problems.filter((p): p is BuildProblem => p !== undefined);
}

/**
 * The API server: private (reached from the VNet through a private endpoint), or public to the
 * authorised ranges plus the nodes' own egress address (the NAT gateway's), without which the
 * nodes could not reach their control plane through its public endpoint.
 */
export function apiServerAccess(endpoint: ClusterEndpoint, authorizedCidrs: readonly string[], nodeEgressIp: string, apiServerSubnetId: string): ApiServerAccessProfile {
    // API Server VNet Integration (the API server in the network's delegated subnet), which KMS with a private vault requires.
    const integration = { enableVnetIntegration: true, subnetId: apiServerSubnetId };
    return endpoint === "private"
        ? // "system": AKS creates and links the private DNS zone; no public FQDN points at the private address.
          { ...integration, enablePrivateCluster: true, privateDNSZone: "system", enablePrivateClusterPublicFQDN: false, disableRunCommand: true }
        : { ...integration, enablePrivateCluster: false, authorizedIPRanges: [...authorizedCidrs, `${nodeEgressIp}/32`], disableRunCommand: true };
}

/** Pod and Service ranges of the overlay: private ranges outside the VNet, which pods and Services must not overlap. */
export const OVERLAY_RANGE_CANDIDATES = [
    { podCidr: "10.244.0.0/16", serviceCidr: "10.245.0.0/16", dnsServiceIP: "10.245.0.10" },
    { podCidr: "172.30.0.0/16", serviceCidr: "172.31.0.0/16", dnsServiceIP: "172.31.0.10" },
    { podCidr: "192.168.0.0/17", serviceCidr: "192.168.128.0/17", dnsServiceIP: "192.168.128.10" },
] as const;

export function overlayRanges(vnetCidr: string): (typeof OVERLAY_RANGE_CANDIDATES)[number] {
    const free = OVERLAY_RANGE_CANDIDATES.find((c) => !cidrsOverlap(c.podCidr, vnetCidr) && !cidrsOverlap(c.serviceCidr, vnetCidr));
    if (!free) throw new Error(`no overlay pod/service range is free of ${vnetCidr}`);
    return free;
}

/**
 * The system pool (critical add-ons only, a node per zone up to two) and the app pool with the
 * args' bounds. In AKS a pool is one scale set across its zones, so `minCount`/`maxCount` are
 * totals across the zones, as the contract's bounds are.
 */
export function agentPools(args: ClusterArgs<AzureTypes>, appSubnetId: pulumi.Input<string>): AgentPoolProfile[] {
    const { site, nodePool } = args;
    const systemMin = Math.max(1, site.zones.length);
    const common: Partial<AgentPoolProfile> = {
        availabilityZones: [...site.zones],
        enableAutoScaling: true,
        enableEncryptionAtHost: true,
        enableNodePublicIP: false,
        osType: "Linux",
        osSKU: "AzureLinux",
        // Managed OS disks, encrypted with the stack key through the disk encryption set.
        osDiskType: "Managed",
        type: "VirtualMachineScaleSets",
        vnetSubnetID: appSubnetId,
        upgradeSettings: { maxSurge: "33%" },
        tags: { ...site.tags },
    };
    return [
        {
            ...common,
            name: "system",
            mode: "System",
            vmSize: AKS_SYSTEM_VM_SIZE.value,
            count: systemMin,
            minCount: systemMin,
            maxCount: systemMin * 2,
            nodeTaints: ["CriticalAddonsOnly=true:NoSchedule"],
        },
        {
            ...common,
            name: "apps",
            mode: "User",
            vmSize: AKS_NODE_VM_SIZES.value[nodePool.size],
            count: nodePool.minNodes,
            minCount: nodePool.minNodes,
            maxCount: nodePool.maxNodes,
        },
    ];
}

const WEEKDAY_NAMES: Readonly<Record<Weekday, string>> = { mon: "Monday", tue: "Tuesday", wed: "Wednesday", thu: "Thursday", fri: "Friday", sat: "Saturday", sun: "Sunday" };

/** The weekly window, in UTC, in which AKS applies upgrades. */
export function maintenanceWindow(window: MaintenanceWindow, hours: number): MaintenanceWindowArgs {
    return {
        schedule: { weekly: { dayOfWeek: WEEKDAY_NAMES[window.day], intervalWeeks: 1 } },
        durationHours: hours,
        startTime: `${String(window.startHourUtc).padStart(2, "0")}:00`,
        utcOffset: "+00:00",
    };
}

/** The API server address and CA of the kubeconfig AKS returns (base64 YAML). */
export function userKubeconfigEndpoint(base64Kubeconfig: string): { server: string; certificateAuthorityData: string } {
    const text = Buffer.from(base64Kubeconfig, "base64").toString("utf8");
    const server = /^\s*server:\s*(\S+)\s*$/m.exec(text)?.[1];
    const certificateAuthorityData = /^\s*certificate-authority-data:\s*(\S+)\s*$/m.exec(text)?.[1];
    if (!server || !certificateAuthorityData) throw new Error("the AKS user kubeconfig has no server or certificate-authority-data");
    return { server, certificateAuthorityData };
}

/** A kubeconfig (JSON, which is YAML) that gets Entra tokens from kubelogin with the caller's Azure CLI login. */
export function kubeloginKubeconfig(clusterName: string, server: string, certificateAuthorityData: string): string {
    return execKubeconfig({
        clusterName,
        server,
        certificateAuthorityData,
        userName: `${clusterName}-entra`,
        exec: { command: "kubelogin", args: ["get-token", "--login", "azurecli", "--server-id", AKS_ENTRA_SERVER_APP_ID.value] },
    });
}

/**
 * AKS in the private app subnet: Azure CNI overlay with the Cilium dataplane and network
 * policy, egress through the network's NAT gateway (no load-balancer outbound IPs), a private
 * or range-restricted API server, Entra ID with Azure RBAC and no local accounts, OIDC issuer
 * and workload identity, zone-spread autoscaling pools with encryption at host and disks
 * encrypted with the stack key, upgrades only in the maintenance window, control-plane logs to
 * Log Analytics and the stack-key-encrypted log storage, the Container insights and managed
 * Prometheus agents (Observability's rules say what they collect), Standard tier in
 * prod. Secrets in etcd are envelope-encrypted (KMS) with a stack-owned key in the site's private
 * vault, reached through API Server VNet Integration.
 */
export class AzureCluster extends pulumi.ComponentResource implements Cluster {
    public readonly clusterName: pulumi.Output<string>;
    public readonly clusterId: pulumi.Output<string>;
    public readonly kubeconfig: pulumi.Output<string>;
    public readonly provider: KubernetesProvider;
    public readonly oidcIssuer: pulumi.Output<string>;
    public readonly registry: Registry;
    public readonly ingressHostname: pulumi.Output<string>;
    public readonly ingressIp: pulumi.Output<string>;
    public readonly ingressController = INGRESS_NGINX_CONTROLLER;
    /** None: AKS workload identity hands pods a projected token they exchange with Entra ID over HTTPS. */
    public readonly credentialEndpoints: readonly CredentialEndpoint[] = [];
    public readonly logAnalyticsWorkspaceId: pulumi.Output<string>;
    private readonly componentName: string;
    private readonly site: AzureSite;
    private readonly alerts: AzureAlerts;

    constructor(name: string, args: ClusterArgs<AzureTypes>, opts?: pulumi.ComponentResourceOptions) {
        super(CLUSTER_TYPE, name, {}, opts);
        assertBuildable(this, `Cluster ${name}`, azureClusterProblems(args));
        this.componentName = name;
        const { site, keys, network, alerts } = args;
        this.site = site;
        this.alerts = alerts;
        const child = { parent: this, provider: site.provider };
        const tags = { ...site.tags };
        const resourceGroupName = site.resourceGroupName;
        const client = getClientConfigOutput({ parent: this, provider: site.provider });
        const clusterResourceName = `${site.namePrefix}-${site.role}`;

        const workspace = new Workspace(
            `${name}-logs`,
            {
                workspaceName: `${site.namePrefix}-${site.role}-aks`,
                resourceGroupName,
                location: site.location,
                sku: { name: "PerGB2018" },
                retentionInDays: args.logRetentionDays,
                // Entra ID only: no shared workspace keys.
                features: { disableLocalAuth: true },
                tags,
            },
            child,
        );

        site.diagnostics.register({ name: `${name}-logs`, kind: "logAnalyticsWorkspace", resourceId: workspace.id });

        // The cluster's own identity: it joins the app subnet, links the private DNS zone to the
        // VNet and binds the ingress IP, all in the site's resource group.
        const identity = new UserAssignedIdentity(`${name}-identity`, { resourceName: `${site.namePrefix}-${site.role}-aks`, resourceGroupName, location: site.location, tags }, child);
        const networkGrant = new RoleAssignment(
            `${name}-identity-network-contributor`,
            {
                principalId: identity.principalId,
                principalType: "ServicePrincipal",
                roleDefinitionId: client.subscriptionId.apply((sub) => azureRoleDefinitionId(sub, AZURE_CLUSTER_ROLES.networkContributor.value)),
                scope: pulumi.interpolate`/subscriptions/${client.subscriptionId}/resourceGroups/${resourceGroupName}`,
                description: `${site.namePrefix} ${site.role}: AKS joins the node subnet and binds the ingress public IP`,
            },
            child,
        );
        const networkAccess = rbacPropagationWait(`${name}-identity-network-contributor-propagation`, [networkGrant], this);

        // Node OS and data disks are encrypted with the stack key through the keys' identity,
        // whose Key Vault Crypto Service Encryption User grant (and its propagation wait) the keys own.
        const diskEncryptionSet = new DiskEncryptionSet(
            `${name}-disk-encryption`,
            {
                diskEncryptionSetName: `${site.namePrefix}-${site.role}-aks`,
                resourceGroupName,
                location: site.location,
                encryptionType: "EncryptionAtRestWithCustomerKey",
                identity: { type: "UserAssigned", userAssignedIdentities: [keys.identityId] },
                // Created on the current version; with automatic rotation Azure moves the set to each
                // new version itself, so the version it holds is not this program's to reset.
                activeKey: { keyUrl: keys.keyUriWithVersion, sourceVault: { id: keys.vaultId } },
                rotationToLatestKeyVersionEnabled: true,
                tags,
            },
            { ...child, dependsOn: [keys.keyAccess], ignoreChanges: ["activeKey.keyUrl"] },
        );

        // Kubernetes secrets: KMS encrypts and decrypts (not wrap/unwrap), so it gets its own key in
        // the site's vault, used by the cluster's identity only. AKS pins the version it is given,
        // so versions never expire (a rotation makes a new one; the next `up` moves AKS to it).
        const kmsKey = new Key(
            `${name}-kms-key`,
            {
                keyName: "kms",
                vaultName: keys.vaultName,
                resourceGroupName,
                properties: {
                    kty: "RSA-HSM",
                    keySize: 3072,
                    keyOps: [...AKS_KMS_KEY_OPS.value],
                    rotationPolicy: { lifetimeActions: [{ action: { type: "rotate" }, trigger: { timeAfterCreate: `P${keys.rotationDays}D` } }] },
                },
                tags,
            },
            { ...child, protect: keys.protect },
        );
        const kmsGrant = new RoleAssignment(
            `${name}-identity-kms-crypto-user`,
            {
                principalId: identity.principalId,
                principalType: "ServicePrincipal",
                roleDefinitionId: client.subscriptionId.apply((sub) => azureRoleDefinitionId(sub, AZURE_BUILT_IN_ROLES.keyVaultCryptoUser.value)),
                scope: kmsKey.id,
                description: `${site.namePrefix} ${site.role}: AKS encrypts Kubernetes secrets with the cluster's KMS key`,
            },
            child,
        );
        const kmsAccess = rbacPropagationWait(`${name}-identity-kms-crypto-user-propagation`, [kmsGrant], this);

        // The NAT gateway's address, as components/azure/network.ts names it, read once the network exists.
        const nodeEgressIp =
            args.endpoint === "private"
                ? pulumi.output("")
                : getPublicIPAddressOutput({ resourceGroupName, publicIpAddressName: `${site.namePrefix}-${site.role}-nat` }, { parent: this, provider: site.provider, dependsOn: [network] }).apply((ip) => {
                      if (!ip.ipAddress) throw new pulumi.ResourceError(`the NAT gateway's public IP ${site.namePrefix}-${site.role}-nat has no address yet`, this);
                      return ip.ipAddress;
                  });
        const cluster = new ManagedCluster(
            `${name}-cluster`,
            {
                resourceName: clusterResourceName,
                resourceGroupName,
                location: site.location,
                dnsPrefix: clusterResourceName,
                nodeResourceGroup: `${clusterResourceName}-aks-nodes`,
                kubernetesVersion: args.kubernetesVersion,
                sku: { name: "Base", tier: AKS_SKU_TIERS.value[args.environment] },
                identity: { type: "UserAssigned", userAssignedIdentities: [identity.id] },
                enableRBAC: true,
                aadProfile: { managed: true, enableAzureRBAC: true, tenantID: client.tenantId },
                disableLocalAccounts: true,
                apiServerAccessProfile: pulumi.all([nodeEgressIp, network.apiServerSubnetId]).apply(([ip, subnetId]) => apiServerAccess(args.endpoint, args.authorizedCidrs, ip, subnetId)),
                oidcIssuerProfile: { enabled: true },
                securityProfile: {
                    workloadIdentity: { enabled: true },
                    imageCleaner: { enabled: true, intervalHours: 48 },
                    azureKeyVaultKms: { enabled: true, keyId: kmsKey.keyUriWithVersion, keyVaultNetworkAccess: AKS_KMS_PRIVATE_VAULT.value.keyVaultNetworkAccess, keyVaultResourceId: keys.vaultId },
                },
                networkProfile: {
                    networkPlugin: "azure",
                    networkPluginMode: "overlay",
                    networkDataplane: "cilium",
                    networkPolicy: "cilium",
                    ...overlayRanges(network.cidr),
                    loadBalancerSku: "standard",
                    // Nodes egress through the app subnet's NAT gateway, never a public IP of their own.
                    outboundType: "userAssignedNATGateway",
                },
                agentPoolProfiles: agentPools(args, network.appSubnetId),
                diskEncryptionSetID: diskEncryptionSet.id,
                autoUpgradeProfile: { upgradeChannel: AKS_UPGRADE.value.upgradeChannel, nodeOSUpgradeChannel: AKS_UPGRADE.value.nodeOSUpgradeChannel },
                addonProfiles: {
                    // Container insights, authenticating with Entra ID (the workspace has no keys).
                    omsagent: { enabled: true, config: { logAnalyticsWorkspaceResourceID: workspace.id, useAADAuth: "true" } },
                },
                // Managed Prometheus: AKS runs the metrics agent; Observability's rule says where it writes.
                azureMonitorProfile: { metrics: { enabled: true } },
                supportPlan: "KubernetesOfficial",
                tags,
            },
            {
                ...child,
                protect: args.protect,
                dependsOn: [networkAccess, keys.keyAccess, kmsAccess],
                // The autoscaler owns the node counts.
                ignoreChanges: ["agentPoolProfiles[*].count"],
            },
        );

        // Every control-plane log category: to Log Analytics for queries, and to the region's
        // log storage account, encrypted with the stack key, as the record. The security
        // baseline adds a second setting (of the five a resource may have) with the audit
        // categories only, to the stack's audit workspace.
        site.diagnostics.register({ name: `${name}-cluster`, kind: "aksCluster", resourceId: cluster.id });
        new DiagnosticSetting(
            `${name}-diagnostics`,
            {
                name: "control-plane",
                resourceUri: cluster.id,
                workspaceId: workspace.id,
                storageAccountId: network.flowLogStorageAccountId,
                logs: [{ categoryGroup: "allLogs", enabled: true }],
                metrics: [{ category: "AllMetrics", enabled: true }],
            },
            child,
        );

        // What Container insights collects, and where, is Observability's rule (masked, into the
        // stack's workspace), associated with this cluster: components/azure/observability.ts.

        // Upgrades (patch versions, then node images) only in the window; AKS fixes the names.
        const autoUpgradeWindow = new MaintenanceConfiguration(
            `${name}-maintenance`,
            { resourceGroupName, resourceName: cluster.name, configName: AKS_UPGRADE.value.autoUpgradeConfigName, maintenanceWindow: maintenanceWindow(args.maintenanceWindow, args.maintenanceHours) },
            child,
        );
        new MaintenanceConfiguration(
            `${name}-node-os-maintenance`,
            { resourceGroupName, resourceName: cluster.name, configName: AKS_UPGRADE.value.nodeOSUpgradeConfigName, maintenanceWindow: maintenanceWindow(args.maintenanceWindow, args.maintenanceHours) },
            // One write to the cluster at a time.
            { ...child, dependsOn: [autoUpgradeWindow] },
        );

        // The deploying identity administers the cluster through Entra ID (there is no local admin).
        const deployerAdmin = new RoleAssignment(
            `${name}-deployer-cluster-admin`,
            {
                principalId: client.objectId,
                roleDefinitionId: client.subscriptionId.apply((sub) => azureRoleDefinitionId(sub, AZURE_CLUSTER_ROLES.aksRbacClusterAdmin.value)),
                scope: cluster.id,
                description: `${site.namePrefix} ${site.role}: the identity that runs pulumi up administers the cluster`,
            },
            child,
        );
        const deployerAccess = rbacPropagationWait(`${name}-deployer-cluster-admin-propagation`, [deployerAdmin], this);

        this.registry = clusterRegistry(name, { site, keys, network, protect: args.protect, primaryRegistry: args.primaryRegistry }, this);
        new RoleAssignment(
            `${name}-kubelet-acr-pull`,
            {
                principalId: cluster.identityProfile.apply((profiles) => profiles?.kubeletidentity?.objectId ?? ""),
                principalType: "ServicePrincipal",
                roleDefinitionId: client.subscriptionId.apply((sub) => azureRoleDefinitionId(sub, AZURE_CLUSTER_ROLES.acrPull.value)),
                scope: this.registry.id,
                description: `${site.namePrefix} ${site.role}: the nodes pull images`,
            },
            child,
        );

        const credentials = listManagedClusterUserCredentialsOutput(
            { resourceGroupName, resourceName: cluster.name, format: "exec" },
            { parent: this, provider: site.provider, dependsOn: [deployerAccess] },
        );
        this.kubeconfig = pulumi.secret(
            pulumi.all([cluster.name, credentials.kubeconfigs]).apply(([clusterName, kubeconfigs]) => {
                const { server, certificateAuthorityData } = userKubeconfigEndpoint(kubeconfigs[0]?.value ?? "");
                return kubeloginKubeconfig(clusterName, server, certificateAuthorityData);
            }),
        );
        this.provider = new KubernetesProvider(`${name}-k8s`, { kubeconfig: this.kubeconfig }, { parent: this });

        const ingress = clusterIngress(name, { site, network, provider: this.provider, protect: args.protect, dependsOn: [networkAccess, deployerAccess, cluster] }, this);
        clusterAlerts(name, { site, alerts, clusterId: cluster.id }, this);

        this.clusterName = cluster.name;
        this.clusterId = cluster.id;
        this.oidcIssuer = cluster.oidcIssuerProfile.apply((p) => p?.issuerURL ?? "");
        this.ingressIp = ingress.publicIp.ipAddress.apply((ip) => ip ?? "");
        this.ingressHostname = ingress.publicIp.dnsSettings.apply((d) => d?.fqdn ?? "");
        this.logAnalyticsWorkspaceId = workspace.id;
        this.registerOutputs({ clusterName: this.clusterName, oidcIssuer: this.oidcIssuer, registryUrl: this.registry.url, ingressIp: this.ingressIp, ingressHostname: this.ingressHostname });
    }

    /**
     * A user-assigned identity federated with the service account through the cluster's OIDC
     * issuer (children `<cluster>-<name>-identity`, `-federation`). Pods labelled
     * `azure.workload.identity/use: "true"` under that service account get its tokens.
     */
    workloadIdentity(name: string, args: WorkloadIdentityArgs): WorkloadIdentity {
        const { site } = this;
        const child = { parent: this, provider: site.provider };
        const wi = AKS_WORKLOAD_IDENTITY.value;
        const identity = new UserAssignedIdentity(
            `${this.componentName}-${name}-identity`,
            { resourceName: `${site.namePrefix}-${site.role}-${name}`, resourceGroupName: site.resourceGroupName, location: site.location, tags: { ...site.tags } },
            child,
        );
        new FederatedIdentityCredential(
            `${this.componentName}-${name}-federation`,
            {
                resourceGroupName: site.resourceGroupName,
                resourceName: identity.name,
                federatedIdentityCredentialResourceName: `${args.namespace}-${args.serviceAccount}`,
                issuer: this.oidcIssuer,
                subject: `system:serviceaccount:${args.namespace}:${args.serviceAccount}`,
                audiences: [wi.audience],
            },
            child,
        );
        return {
            principal: identity.clientId,
            serviceAccountAnnotations: identity.clientId.apply((clientId): Record<string, string> => ({ [wi.clientIdAnnotation]: clientId })),
            podLabels: { [wi.podLabel]: "true" },
        };
    }

    /**
     * A log search alert rule on the cluster's workspace over the kube-audit-admin rows of writes
     * to the record, split by who wrote, notifying the stack's action group (child `<cluster>-<name>`).
     */
    releaseNotice(name: string, args: ReleaseNoticeArgs): pulumi.Resource {
        return azureReleaseNotice(this.componentName, name, { site: this.site, alerts: this.alerts, workspaceId: this.logAnalyticsWorkspaceId, notice: args }, this);
    }
}

import type { ClusterArgs as EksClusterArgs } from "@pulumi/aws/eks/cluster";
import type { NodeGroupArgs as EksNodeGroupArgs } from "@pulumi/aws/eks/nodeGroup";
import type { AgentPoolArgs as ContainerserviceAgentPoolArgs } from "@pulumi/azure-native/containerservice/agentPool";
import type { ManagedClusterArgs as ContainerserviceManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { ClusterArgs as ContainerClusterArgs } from "@pulumi/gcp/container/cluster";
import type { NodePoolArgs as ContainerNodePoolArgs } from "@pulumi/gcp/container/nodePool";
import { aksApiServerAccess } from "../../rules/kubernetes/aks-api-server-access";
import { aksRbacNoLocalAccounts } from "../../rules/kubernetes/aks-rbac-no-local-accounts";
import { aksMonitoring } from "../../rules/kubernetes/aks-monitoring";
import { aksNetworkPolicy } from "../../rules/kubernetes/aks-network-policy";
import { aksNodeEncryption } from "../../rules/kubernetes/aks-node-encryption";
import { aksNoNodePublicIp } from "../../rules/kubernetes/aks-no-node-public-ip";
import { eksControlPlaneLogging } from "../../rules/kubernetes/eks-control-plane-logging";
import { eksEndpointPrivate } from "../../rules/kubernetes/eks-endpoint-private";
import { eksNodeGroupNoRemoteAccess } from "../../rules/kubernetes/eks-node-group-no-remote-access";
import { eksSecretsEncryption } from "../../rules/kubernetes/eks-secrets-encryption";
import { eksSupportedVersion } from "../../rules/kubernetes/eks-supported-version";
import { gkeLegacyAuthDisabled } from "../../rules/kubernetes/gke-legacy-auth-disabled";
import { gkeNetworkPolicy } from "../../rules/kubernetes/gke-network-policy";
import { gkeNodePoolAutoRepairUpgrade } from "../../rules/kubernetes/gke-node-pool-auto-repair-upgrade";
import { gkeLoggingMonitoringShieldedNodes } from "../../rules/kubernetes/gke-logging-monitoring-shielded-nodes";
import { gkePrivateCluster } from "../../rules/kubernetes/gke-private-cluster";
import { gkeSecretsEncryption } from "../../rules/kubernetes/gke-secrets-encryption";
import { inputsOf, type RuleCase } from "./types";

const containerCluster = inputsOf<ContainerClusterArgs>;
const containerNodePool = inputsOf<ContainerNodePoolArgs>;
const containerserviceAgentPool = inputsOf<ContainerserviceAgentPoolArgs>;
const containerserviceManagedCluster = inputsOf<ContainerserviceManagedClusterArgs>;
const eksCluster = inputsOf<EksClusterArgs>;
const eksNodeGroup = inputsOf<EksNodeGroupArgs>;

const AKS_POOL = "azure-native:containerservice:AgentPool";

export const kubernetesCases: readonly RuleCase[] = [
    { rule: eksSecretsEncryption, compliant: eksCluster({ encryptionConfig: { resources: ["secrets"], provider: { keyArn: "arn:aws:kms:…" } } }), violating: eksCluster({}) },
    {
        rule: eksEndpointPrivate,
        compliant: eksCluster({ vpcConfig: { endpointPublicAccess: false, endpointPrivateAccess: true } }),
        violating: eksCluster({ vpcConfig: { subnetIds: [] } }),
        extra: [
            { name: "public to listed CIDRs", props: eksCluster({ vpcConfig: { publicAccessCidrs: ["203.0.113.0/24"] } }), violates: false },
            { name: "public to the world", props: eksCluster({ vpcConfig: { publicAccessCidrs: ["0.0.0.0/0"] } }), violates: true },
        ],
    },
    { rule: eksControlPlaneLogging, compliant: eksCluster({ enabledClusterLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"] }), violating: eksCluster({ enabledClusterLogTypes: ["api"] }) },
    {
        rule: eksSupportedVersion,
        compliant: eksCluster({ version: "1.33" }),
        violating: eksCluster({ version: "1.27" }),
        stricter: { minimumVersion: "1.34" },
        extra: [{ name: "unset is the newest", props: eksCluster({}), violates: false }],
    },
    { rule: eksNodeGroupNoRemoteAccess, compliant: eksNodeGroup({ subnetIds: ["s"] }), violating: eksNodeGroup({ remoteAccess: { ec2SshKey: "k" } }) },
    {
        rule: gkePrivateCluster,
        compliant: containerCluster({ privateClusterConfig: { enablePrivateNodes: true }, masterAuthorizedNetworksConfig: { cidrBlocks: [{ cidrBlock: "203.0.113.0/24" }] } }),
        violating: containerCluster({ privateClusterConfig: { enablePrivateNodes: true }, masterAuthorizedNetworksConfig: { cidrBlocks: [{ cidrBlock: "0.0.0.0/0" }] } }),
    },
    { rule: gkeLegacyAuthDisabled, compliant: containerCluster({}), violating: containerCluster({ enableLegacyAbac: true }) },
    { rule: gkeSecretsEncryption, compliant: containerCluster({ databaseEncryption: { state: "ENCRYPTED", keyName: "projects/p/…/cryptoKeys/k" } }), violating: containerCluster({ databaseEncryption: { state: "DECRYPTED" } }) },
    { rule: gkeNetworkPolicy, compliant: containerCluster({ datapathProvider: "ADVANCED_DATAPATH" }), violating: containerCluster({}) },
    { rule: gkeLoggingMonitoringShieldedNodes, compliant: containerCluster({}), violating: containerCluster({ loggingService: "none" }) },
    { rule: gkeNodePoolAutoRepairUpgrade, compliant: containerNodePool({ management: { autoRepair: true, autoUpgrade: true } }), violating: containerNodePool({ management: { autoUpgrade: false } }) },
    {
        rule: aksApiServerAccess,
        compliant: containerserviceManagedCluster({ apiServerAccessProfile: { enablePrivateCluster: true } }),
        violating: containerserviceManagedCluster({}),
        extra: [{ name: "authorized ranges include the world", props: containerserviceManagedCluster({ apiServerAccessProfile: { authorizedIPRanges: ["0.0.0.0/0"] } }), violates: true }],
    },
    { rule: aksRbacNoLocalAccounts, compliant: containerserviceManagedCluster({ disableLocalAccounts: true }), violating: containerserviceManagedCluster({ disableLocalAccounts: false }) },
    {
        rule: aksNodeEncryption,
        compliant: containerserviceManagedCluster({ diskEncryptionSetID: "/subscriptions/s/…/diskEncryptionSets/d", agentPoolProfiles: [{ name: "system", enableEncryptionAtHost: true }] }),
        violating: containerserviceManagedCluster({ agentPoolProfiles: [{ name: "system", enableEncryptionAtHost: true }] }),
        extra: [{ name: "separate agent pool without encryption at host", type: AKS_POOL, props: containerserviceAgentPool({ agentPoolName: "user" }), violates: true }],
    },
    {
        rule: aksNoNodePublicIp,
        compliant: containerserviceManagedCluster({ agentPoolProfiles: [{ name: "system" }] }),
        violating: containerserviceManagedCluster({ agentPoolProfiles: [{ name: "system", enableNodePublicIP: true }] }),
        extra: [{ name: "separate agent pool", type: AKS_POOL, props: containerserviceAgentPool({ enableNodePublicIP: true }), violates: true }],
    },
    { rule: aksNetworkPolicy, compliant: containerserviceManagedCluster({ networkProfile: { networkPolicy: "cilium" } }), violating: containerserviceManagedCluster({ networkProfile: {} }) },
    { rule: aksMonitoring, compliant: containerserviceManagedCluster({ azureMonitorProfile: { metrics: { enabled: true } } }), violating: containerserviceManagedCluster({}) },
];

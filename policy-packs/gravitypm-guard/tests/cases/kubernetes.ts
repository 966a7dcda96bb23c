import { aksApiServerAccess } from "../../rules/kubernetes/aks-api-server-access";
import { aksIdentity } from "../../rules/kubernetes/aks-identity";
import { aksMonitoring } from "../../rules/kubernetes/aks-monitoring";
import { aksNetworkPolicy } from "../../rules/kubernetes/aks-network-policy";
import { aksNodeEncryption } from "../../rules/kubernetes/aks-node-encryption";
import { aksNoNodePublicIp } from "../../rules/kubernetes/aks-no-node-public-ip";
import { eksControlPlaneLogging } from "../../rules/kubernetes/eks-control-plane-logging";
import { eksEndpointPrivate } from "../../rules/kubernetes/eks-endpoint-private";
import { eksNodeGroupNoRemoteAccess } from "../../rules/kubernetes/eks-node-group-no-remote-access";
import { eksSecretsEncryption } from "../../rules/kubernetes/eks-secrets-encryption";
import { eksSupportedVersion } from "../../rules/kubernetes/eks-supported-version";
import { gkeLegacyAuthDisabled } from "../../rules/kubernetes/gke-cluster-hardening";
import { gkeNetworkPolicy } from "../../rules/kubernetes/gke-network-policy";
import { gkeNodePoolManagement } from "../../rules/kubernetes/gke-node-pool-management";
import { gkeObservability } from "../../rules/kubernetes/gke-observability";
import { gkePrivateCluster } from "../../rules/kubernetes/gke-private-cluster";
import { gkeSecretsEncryption } from "../../rules/kubernetes/gke-secrets-encryption";
import type { RuleCase } from "./types";

const AKS_POOL = "azure-native:containerservice:AgentPool";

export const kubernetesCases: readonly RuleCase[] = [
    { rule: eksSecretsEncryption, compliant: { encryptionConfig: { resources: ["secrets"], provider: { keyArn: "arn:aws:kms:…" } } }, violating: {} },
    {
        rule: eksEndpointPrivate,
        compliant: { vpcConfig: { endpointPublicAccess: false, endpointPrivateAccess: true } },
        violating: { vpcConfig: { subnetIds: [] } },
        extra: [
            { name: "public to listed CIDRs", props: { vpcConfig: { publicAccessCidrs: ["203.0.113.0/24"] } }, violates: false },
            { name: "public to the world", props: { vpcConfig: { publicAccessCidrs: ["0.0.0.0/0"] } }, violates: true },
        ],
    },
    { rule: eksControlPlaneLogging, compliant: { enabledClusterLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"] }, violating: { enabledClusterLogTypes: ["api"] } },
    {
        rule: eksSupportedVersion,
        compliant: { version: "1.33" },
        violating: { version: "1.27" },
        stricter: { minimumVersion: "1.34" },
        extra: [{ name: "unset is the newest", props: {}, violates: false }],
    },
    { rule: eksNodeGroupNoRemoteAccess, compliant: { subnetIds: ["s"] }, violating: { remoteAccess: { ec2SshKey: "k" } } },
    {
        rule: gkePrivateCluster,
        compliant: { privateClusterConfig: { enablePrivateNodes: true }, masterAuthorizedNetworksConfig: { cidrBlocks: [{ cidrBlock: "203.0.113.0/24" }] } },
        violating: { privateClusterConfig: { enablePrivateNodes: true }, masterAuthorizedNetworksConfig: { cidrBlocks: [{ cidrBlock: "0.0.0.0/0" }] } },
    },
    { rule: gkeLegacyAuthDisabled, compliant: {}, violating: { enableLegacyAbac: true } },
    { rule: gkeSecretsEncryption, compliant: { databaseEncryption: { state: "ENCRYPTED", keyName: "projects/p/…/cryptoKeys/k" } }, violating: { databaseEncryption: { state: "DECRYPTED" } } },
    { rule: gkeNetworkPolicy, compliant: { datapathProvider: "ADVANCED_DATAPATH" }, violating: {} },
    { rule: gkeObservability, compliant: {}, violating: { loggingService: "none" } },
    { rule: gkeNodePoolManagement, compliant: { management: { autoRepair: true, autoUpgrade: true } }, violating: { management: { autoUpgrade: false } } },
    {
        rule: aksApiServerAccess,
        compliant: { apiServerAccessProfile: { enablePrivateCluster: true } },
        violating: {},
        extra: [{ name: "authorized ranges include the world", props: { apiServerAccessProfile: { authorizedIPRanges: ["0.0.0.0/0"] } }, violates: true }],
    },
    { rule: aksIdentity, compliant: { disableLocalAccounts: true }, violating: { disableLocalAccounts: false } },
    {
        rule: aksNodeEncryption,
        compliant: { diskEncryptionSetID: "/subscriptions/s/…/diskEncryptionSets/d", agentPoolProfiles: [{ name: "system", enableEncryptionAtHost: true }] },
        violating: { agentPoolProfiles: [{ name: "system", enableEncryptionAtHost: true }] },
        extra: [{ name: "separate agent pool without encryption at host", type: AKS_POOL, props: { agentPoolName: "user" }, violates: true }],
    },
    {
        rule: aksNoNodePublicIp,
        compliant: { agentPoolProfiles: [{ name: "system" }] },
        violating: { agentPoolProfiles: [{ name: "system", enableNodePublicIP: true }] },
        extra: [{ name: "separate agent pool", type: AKS_POOL, props: { enableNodePublicIP: true }, violates: true }],
    },
    { rule: aksNetworkPolicy, compliant: { networkProfile: { networkPolicy: "cilium" } }, violating: { networkProfile: {} } },
    { rule: aksMonitoring, compliant: { azureMonitorProfile: { metrics: { enabled: true } } }, violating: {} },
];

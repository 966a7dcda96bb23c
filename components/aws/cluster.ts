import { LogGroup } from "@pulumi/aws/cloudwatch/logGroup";
import { LaunchTemplate } from "@pulumi/aws/ec2/launchTemplate";
import { SecurityGroup } from "@pulumi/aws/ec2/securityGroup";
import { AccessEntry } from "@pulumi/aws/eks/accessEntry";
import { AccessPolicyAssociation } from "@pulumi/aws/eks/accessPolicyAssociation";
import { Addon, type AddonArgs } from "@pulumi/aws/eks/addon";
import { Cluster as EksCluster } from "@pulumi/aws/eks/cluster";
import { NodeGroup } from "@pulumi/aws/eks/nodeGroup";
import { getCallerIdentityOutput } from "@pulumi/aws/getCallerIdentity";
import { getSessionContextOutput } from "@pulumi/aws/iam/getSessionContext";
import { Role } from "@pulumi/aws/iam/role";
import { RolePolicyAttachment } from "@pulumi/aws/iam/rolePolicyAttachment";
import { Grant } from "@pulumi/aws/kms/grant";
import { SecurityGroupEgressRule } from "@pulumi/aws/vpc/securityGroupEgressRule";
import { SecurityGroupIngressRule } from "@pulumi/aws/vpc/securityGroupIngressRule";
import { Provider as KubernetesProvider } from "@pulumi/kubernetes/provider";
import * as pulumi from "@pulumi/pulumi";
import { authorizedCidrProblem, KUBERNETES_VERSIONS } from "../../domain/capabilities/cluster";
import {
    AUTOSCALING_EBS_KEY_GRANT_OPERATIONS,
    AUTOSCALING_SERVICE_LINKED_ROLE,
    EKS_ADDONS,
    EKS_AMI_TYPE,
    EKS_CLUSTER_ADMIN_ACCESS_POLICY,
    EKS_EBS_CSI_SERVICE_ACCOUNT,
    EKS_LOG_TYPES,
    EKS_MANAGED_POLICIES,
    EKS_NODE_INSTANCE_TYPES,
    EKS_POD_IDENTITY_AGENT_ENDPOINT,
    EKS_VPC_CNI_NETWORK_POLICY,
    eksLogGroupName,
    type EksAddon,
} from "../../domain/catalogs/aws";
import { CLUSTER_TYPE, type Cluster, type ClusterArgs, type CredentialEndpoint, type Registry, type ReleaseNoticeArgs, type WorkloadIdentity, type WorkloadIdentityArgs } from "../contracts/cluster";
import { execKubeconfig } from "../shared/kubeconfig";
import { assertBuildable, type BuildProblem } from "../shared/buildable";
import type { AwsTypes } from ".";
import { clusterAlarms } from "./cluster-alarms";
import { clusterRoles, podIdentity, podIdentityAssumeRolePolicy } from "./cluster-identity";
import { clusterAutoscaler } from "./cluster-autoscaler";
import { ingress } from "./cluster-ingress";
import { ecrRegistry } from "./cluster-registry";
import { awsReleaseNotice } from "./cluster-release-notice";
import { INGRESS_NGINX_CONTROLLER } from "../shared/ingress-nginx";

/** The API server and admission webhooks listen on 443; kubelets and pod webhooks on unprivileged ports. */
export const API_PORT = 443;
export const NODE_PORTS = { from: 1025, to: 65535 } as const;
/**
 * IMDSv2 only, one hop: processes on the node reach the instance metadata, pods behind the
 * node's network namespace do not, so no pod can take the node role's credentials. Pods get
 * AWS credentials from Pod Identity, not from the metadata service.
 */
export const IMDS_HOP_LIMIT = 1;
export const NODE_VOLUME_GB = 50;

export type AwsClusterArgs = ClusterArgs<AwsTypes>;

/** Everything wrong with the args, before any resource exists. */
export function awsClusterProblems(args: AwsClusterArgs): BuildProblem[] {
    const problems: BuildProblem[] = [];
    const versions = KUBERNETES_VERSIONS.aws.value;
    if (!versions.includes(args.kubernetesVersion)) {
        problems.push({ key: "kubernetesVersion", message: `${args.kubernetesVersion} is not in EKS standard support; use one of ${versions.join(", ")}` });
    }
    const unpinned = Object.values(EKS_ADDONS).filter((a) => a.value.versions[args.kubernetesVersion] === undefined);
    if (unpinned.length > 0) {
        problems.push({ key: "kubernetesVersion", message: `no pinned add-on version for ${args.kubernetesVersion}: ${unpinned.map((a) => a.value.name).join(", ")} (EKS_ADDONS in domain/catalogs/aws.ts)` });
    }
    const { minNodes, maxNodes } = args.nodePool;
    if (!Number.isInteger(minNodes) || !Number.isInteger(maxNodes) || minNodes < 1 || maxNodes < minNodes) {
        problems.push({ key: "nodePool", message: `minNodes ${minNodes} and maxNodes ${maxNodes} must be whole numbers with 1 <= minNodes <= maxNodes (the add-ons and the ingress need a node)` });
    }
    if (args.endpoint === "restricted") {
        if (args.authorizedCidrs.length === 0) problems.push({ key: "authorizedCidrs", message: "a restricted endpoint needs at least one authorised range" });
        for (const cidr of args.authorizedCidrs) {
            const problem = authorizedCidrProblem(cidr);
            if (problem) problems.push({ key: "authorizedCidrs", message: problem });
        }
    } else if (args.authorizedCidrs.length > 0) {
        problems.push({ key: "authorizedCidrs", message: "a private endpoint admits no public ranges; set the endpoint to restricted or drop the ranges" });
    }
    if (args.site.role === "dr" && !args.alerts.drTopicArn) {
        problems.push({ message: "a cluster in the DR region needs the alerts' DR topic (CloudWatch alarms notify topics in their own region only)" });
    }
    if (args.role === "primary" && args.primaryRegistry) problems.push({ key: "primaryRegistry", message: "only a standby takes the primary's registry" });
    if (args.role === "standby" && !args.primaryRegistry) problems.push({ key: "primaryRegistry", message: "a standby names the primary's registry it mirrors" });
    return problems;
}

/**
 * The alerts topic the cluster's alarms notify: CloudWatch alarms notify topics in their own
 * region only, so a DR-region cluster takes the DR topic (awsClusterProblems refuses one without).
 */
export function regionalTopicArn(args: Pick<AwsClusterArgs, "site" | "alerts">): pulumi.Output<string> | undefined {
    return args.site.role === "dr" ? args.alerts.drTopicArn : args.alerts.topicArn;
}

/** A kubeconfig that gets a token from `aws eks get-token` on every call (no long-lived secret). */
export function eksKubeconfig(clusterName: string, endpoint: string, caData: string, region: string): string {
    return execKubeconfig({
        clusterName,
        server: endpoint,
        certificateAuthorityData: caData,
        exec: { command: "aws", args: ["eks", "get-token", "--cluster-name", clusterName, "--region", region, "--output", "json"] },
    });
}

/**
 * EKS with a private API endpoint (or a public one for the authorised ranges only), secrets
 * envelope-encrypted with the stack key, every control-plane log type in a KMS-encrypted log
 * group, access entries instead of the aws-auth ConfigMap, pinned managed add-ons (VPC CNI with
 * network policy, CoreDNS, kube-proxy, Pod Identity agent, EBS CSI through Pod Identity), one
 * managed node group across the private app subnets of every zone (IMDSv2, encrypted volumes,
 * no SSH), ECR repositories, ingress-nginx behind an NLB, and control-plane alarms.
 *
 * EKS has no maintenance window: AWS patches the control plane when it chooses, and node-group
 * upgrades run when `pulumi up` changes the version, so `maintenanceWindow` is not used here.
 */
export class AwsCluster extends pulumi.ComponentResource implements Cluster {
    public readonly clusterName: pulumi.Output<string>;
    public readonly kubeconfig: pulumi.Output<string>;
    public readonly provider: KubernetesProvider;
    public readonly oidcIssuer: pulumi.Output<string>;
    public readonly registry: Registry;
    public readonly ingressHostname: pulumi.Output<string>;
    /** AWS's NLB has a name, not an address the program owns. */
    public readonly ingressIp: pulumi.Output<string> = pulumi.output("");
    public readonly ingressController = INGRESS_NGINX_CONTROLLER;
    /** The Pod Identity agent on every node. */
    public readonly credentialEndpoints: readonly CredentialEndpoint[] = [EKS_POD_IDENTITY_AGENT_ENDPOINT.value];
    public readonly nodeSecurityGroupId: pulumi.Output<string>;
    private readonly accountId: pulumi.Output<string>;
    private readonly child: pulumi.CustomResourceOptions;
    private readonly physicalName: string;
    private readonly controlPlaneLogGroup: LogGroup;
    private readonly alarmTopicArn?: pulumi.Output<string>;

    private readonly logicalName: string;

    constructor(name: string, args: AwsClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        super(CLUSTER_TYPE, name, {}, opts);
        this.logicalName = name;
        assertBuildable(this, `Cluster ${name}`, awsClusterProblems(args));
        const { site, keys, network } = args;
        const child = { parent: this, provider: site.provider };
        this.child = child;
        const physical = `${site.namePrefix}-${site.role}`;
        this.physicalName = physical;
        const caller = getCallerIdentityOutput({}, child);
        this.accountId = caller.accountId;

        const roles = clusterRoles(name, caller.accountId, keys.keyArn, child);
        const { controlPlane, nodes } = this.securityGroups(name, physical, network.vpcId, child);

        // Created before the cluster, so EKS writes into a group with our retention and key
        // instead of creating an unencrypted one that never expires.
        const logGroup = new LogGroup(
            `${name}-control-plane-logs`,
            { name: eksLogGroupName(physical), retentionInDays: args.logRetentionDays, kmsKeyId: keys.keyArn, deletionProtectionEnabled: args.protect },
            { ...child, protect: args.protect },
        );
        this.controlPlaneLogGroup = logGroup;
        const restricted = args.endpoint === "restricted";
        const cluster = new EksCluster(
            `${name}-cluster`,
            {
                name: physical,
                version: args.kubernetesVersion,
                roleArn: roles.cluster.arn,
                vpcConfig: {
                    subnetIds: network.appSubnetIds,
                    securityGroupIds: [controlPlane.id],
                    endpointPrivateAccess: true,
                    endpointPublicAccess: restricted,
                    ...(restricted ? { publicAccessCidrs: [...args.authorizedCidrs] } : {}),
                },
                accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: false },
                encryptionConfig: { resources: ["secrets"], provider: { keyArn: keys.keyArn } },
                enabledClusterLogTypes: [...EKS_LOG_TYPES.value],
                // The add-ons below are managed (pinned, updated by `up`), not the unmanaged copies EKS would install.
                bootstrapSelfManagedAddons: false,
                // At the end of standard support EKS upgrades the control plane instead of billing extended support.
                upgradePolicy: { supportType: "STANDARD" },
                deletionProtection: args.protect,
            },
            { ...child, protect: args.protect, dependsOn: [logGroup, ...roles.clusterAttachments] },
        );
        this.clusterName = cluster.name;

        const addon = (key: string, entry: EksAddon, extra: Partial<AddonArgs>, dependsOn: pulumi.Resource[]) =>
            new Addon(
                `${name}-${key}`,
                {
                    clusterName: cluster.name,
                    addonName: entry.name,
                    addonVersion: entry.versions[args.kubernetesVersion],
                    resolveConflictsOnCreate: "OVERWRITE",
                    resolveConflictsOnUpdate: "OVERWRITE",
                    ...extra,
                },
                { ...child, dependsOn },
            );
        // Nodes become Ready only with the CNI; the Pod Identity agent must run before pods that use it.
        const beforeNodes = [
            addon("vpc-cni", EKS_ADDONS.vpcCni.value, { configurationValues: JSON.stringify(EKS_VPC_CNI_NETWORK_POLICY.value) }, []),
            addon("kube-proxy", EKS_ADDONS.kubeProxy.value, {}, []),
            addon("pod-identity-agent", EKS_ADDONS.podIdentityAgent.value, {}, []),
        ];

        const nodeGroup = this.nodeGroup(name, physical, args, cluster, roles.node, roles.nodeAttachments, [nodes.id, network.workloadSecurityGroupId], beforeNodes);

        // Deployments: they become healthy only once nodes exist.
        const coredns = addon("coredns", EKS_ADDONS.coredns.value, {}, [nodeGroup]);
        const ebsCsiRole = new Role(`${name}-ebs-csi-role`, { description: "EBS CSI driver controller (Pod Identity)", assumeRolePolicy: caller.accountId.apply(podIdentityAssumeRolePolicy) }, child);
        const ebsCsiPolicy = new RolePolicyAttachment(`${name}-ebs-csi-policy`, { role: ebsCsiRole.name, policyArn: EKS_MANAGED_POLICIES.ebsCsi.value }, child);
        addon(
            "ebs-csi",
            EKS_ADDONS.ebsCsi.value,
            { podIdentityAssociations: [{ roleArn: ebsCsiRole.arn, serviceAccount: EKS_EBS_CSI_SERVICE_ACCOUNT.value.serviceAccount }] },
            [nodeGroup, ebsCsiPolicy, ...beforeNodes],
        );

        // The deploying identity administers the cluster; an assumed-role session is mapped to its role.
        const session = getSessionContextOutput({ arn: caller.arn }, child);
        const admin = new AccessEntry(`${name}-deployer`, { clusterName: cluster.name, principalArn: session.issuerArn, type: "STANDARD" }, child);
        const adminPolicy = new AccessPolicyAssociation(
            `${name}-deployer-admin`,
            { clusterName: cluster.name, principalArn: admin.principalArn, policyArn: EKS_CLUSTER_ADMIN_ACCESS_POLICY.value, accessScope: { type: "cluster" } },
            child,
        );

        this.kubeconfig = pulumi.secret(
            pulumi.all([cluster.name, cluster.endpoint, cluster.certificateAuthority]).apply(([clusterName, endpoint, ca]) => eksKubeconfig(clusterName, endpoint, ca?.data ?? "", site.region)),
        );
        this.provider = new KubernetesProvider(`${name}-k8s`, { kubeconfig: this.kubeconfig }, { parent: this, dependsOn: [adminPolicy] });
        this.oidcIssuer = cluster.identities.apply((ids) => ids?.[0]?.oidcs?.[0]?.issuer ?? "");

        clusterAutoscaler(name, { clusterName: cluster.name, accountId: caller.accountId, region: site.region, provider: this.provider, dependsOn: [nodeGroup, coredns] }, this, child);
        const entry = ingress(name, this.provider, [nodeGroup, coredns], this);
        this.ingressHostname = entry.hostname;

        this.registry = ecrRegistry(
            name,
            { prefix: site.namePrefix, repositories: args.repositories, keyArn: keys.keyArn, accountId: caller.accountId, region: site.region, protect: args.protect },
            child,
        );

        const topicArn = regionalTopicArn(args);
        this.alarmTopicArn = topicArn;
        if (topicArn) clusterAlarms(name, cluster.name, physical, topicArn, { ...child, dependsOn: [cluster] });

        this.nodeSecurityGroupId = nodes.id;
        this.registerOutputs({
            clusterName: this.clusterName,
            kubeconfig: this.kubeconfig,
            oidcIssuer: this.oidcIssuer,
            registryUrl: this.registry.url,
            ingressHostname: this.ingressHostname,
        });
    }

    workloadIdentity(name: string, args: WorkloadIdentityArgs): WorkloadIdentity {
        return podIdentity(`${this.logicalName}-${name}`, this.clusterName, this.accountId, args, this.child).identity;
    }

    /**
     * A metric filter on the control-plane log group (audit events of writes to the record) and an
     * alarm on it that notifies the alerts topic in the cluster's region (children
     * `<cluster>-<name>-filter`, `-alarm`). Returns the alarm.
     */
    releaseNotice(name: string, args: ReleaseNoticeArgs): pulumi.Resource {
        if (!this.alarmTopicArn) throw new pulumi.ResourceError(`Cluster ${this.logicalName}: no alerts topic in the cluster's region for the release notice ${name}`, this);
        return awsReleaseNotice(
            this.logicalName,
            name,
            { clusterName: this.physicalName, logGroupName: this.controlPlaneLogGroup.name, topicArn: this.alarmTopicArn, notice: args },
            this.child,
        );
    }

    /**
     * The control plane's own security group admits the API port from the nodes only; the nodes'
     * group admits the control plane (kubelet, webhooks), each other, and nothing else. The node
     * group carries the cluster tag, so the cloud controller opens the NLB's node ports there.
     */
    private securityGroups(name: string, physical: string, vpcId: pulumi.Output<string>, child: pulumi.CustomResourceOptions): { controlPlane: SecurityGroup; nodes: SecurityGroup } {
        const controlPlane = new SecurityGroup(
            `${name}-control-plane-sg`,
            { vpcId, name: `${physical}-control-plane`, description: "EKS control plane: the API from the cluster's nodes", tags: { Name: `${physical}-control-plane` } },
            child,
        );
        const nodes = new SecurityGroup(
            `${name}-node-sg`,
            {
                vpcId,
                name: `${physical}-nodes`,
                description: "EKS nodes: the control plane, each other, and the ingress load balancer's node ports",
                tags: { Name: `${physical}-nodes`, [`kubernetes.io/cluster/${physical}`]: "owned" },
            },
            child,
        );
        new SecurityGroupIngressRule(
            `${name}-api-from-nodes`,
            { securityGroupId: controlPlane.id, referencedSecurityGroupId: nodes.id, ipProtocol: "tcp", fromPort: API_PORT, toPort: API_PORT, description: "Kubernetes API from the nodes" },
            child,
        );
        for (const [key, ports] of [["api", { from: API_PORT, to: API_PORT }], ["high", NODE_PORTS]] as const) {
            new SecurityGroupIngressRule(
                `${name}-nodes-from-control-plane-${key}`,
                { securityGroupId: nodes.id, referencedSecurityGroupId: controlPlane.id, ipProtocol: "tcp", fromPort: ports.from, toPort: ports.to, description: "kubelet and webhooks from the control plane" },
                child,
            );
            new SecurityGroupEgressRule(
                `${name}-control-plane-to-nodes-${key}`,
                { securityGroupId: controlPlane.id, referencedSecurityGroupId: nodes.id, ipProtocol: "tcp", fromPort: ports.from, toPort: ports.to, description: "kubelet and webhooks on the nodes" },
                child,
            );
        }
        new SecurityGroupIngressRule(`${name}-nodes-from-nodes`, { securityGroupId: nodes.id, referencedSecurityGroupId: nodes.id, ipProtocol: "-1", description: "pods and nodes with each other" }, child);
        // Image pulls, AWS APIs through the endpoints and NAT, and the data tier.
        new SecurityGroupEgressRule(`${name}-nodes-egress`, { securityGroupId: nodes.id, cidrIpv4: "0.0.0.0/0", ipProtocol: "-1", description: "nodes and pods reach out" }, child);
        return { controlPlane, nodes };
    }

    /** One managed node group over every zone's app subnet; the Auto Scaling group balances zones. */
    private nodeGroup(
        name: string,
        physical: string,
        args: AwsClusterArgs,
        cluster: EksCluster,
        nodeRole: Role,
        nodeAttachments: RolePolicyAttachment[],
        securityGroupIds: pulumi.Input<string>[],
        addons: Addon[],
    ): NodeGroup {
        const { keys, network } = args;
        // Auto Scaling launches the nodes through its service-linked role, which needs the stack key for the volumes.
        const grant = new Grant(
            `${name}-autoscaling-key-grant`,
            {
                keyId: keys.keyArn,
                granteePrincipal: pulumi.interpolate`arn:aws:iam::${this.accountId}:${AUTOSCALING_SERVICE_LINKED_ROLE.value}`,
                operations: [...AUTOSCALING_EBS_KEY_GRANT_OPERATIONS.value],
            },
            this.child,
        );
        const template = new LaunchTemplate(
            `${name}-node-template`,
            {
                description: `${physical} EKS nodes`,
                updateDefaultVersion: true,
                metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: IMDS_HOP_LIMIT, instanceMetadataTags: "disabled" },
                blockDeviceMappings: [
                    {
                        deviceName: "/dev/xvda",
                        ebs: { volumeSize: NODE_VOLUME_GB, volumeType: "gp3", encrypted: "true", kmsKeyId: keys.keyArn, deleteOnTermination: "true" },
                    },
                ],
                vpcSecurityGroupIds: securityGroupIds,
                tagSpecifications: [
                    { resourceType: "instance", tags: { Name: `${physical}-node` } },
                    { resourceType: "volume", tags: { Name: `${physical}-node` } },
                ],
            },
            this.child,
        );
        const { minNodes, maxNodes } = args.nodePool;
        return new NodeGroup(
            `${name}-nodes`,
            {
                clusterName: cluster.name,
                version: args.kubernetesVersion,
                nodeRoleArn: nodeRole.arn,
                subnetIds: network.appSubnetIds,
                amiType: EKS_AMI_TYPE.value,
                capacityType: "ON_DEMAND",
                instanceTypes: [EKS_NODE_INSTANCE_TYPES.value[args.nodePool.size]],
                scalingConfig: { minSize: minNodes, maxSize: maxNodes, desiredSize: minNodes },
                updateConfig: { maxUnavailable: 1 },
                launchTemplate: { id: template.id, version: template.latestVersion.apply(String) },
            },
            // The desired size belongs to the autoscaler once the group exists.
            { ...this.child, dependsOn: [grant, ...nodeAttachments, ...addons], ignoreChanges: ["scalingConfig.desiredSize"] },
        );
    }
}

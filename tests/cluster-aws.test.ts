/**
 * The AWS cluster built alone on the harness's spine: a primary with a restricted endpoint in a
 * two-zone region, and a private standby in the DR region; then the EKS rules of the policy
 * pack over the plan, each matching and passing, and each failing once its property is weakened.
 */
import * as pulumi from "@pulumi/pulumi";
import { Namespace } from "kubernetes-models/v1";
import { describe, expect, it } from "vitest";
import { AWS_CLUSTER_ALARMS } from "../components/aws/cluster-alarms";
import { AwsCluster, awsClusterProblems, IMDS_HOP_LIMIT, type AwsClusterArgs } from "../components/aws/cluster";
import { ingressNamespaceManifest } from "../components/aws/cluster-ingress";
import { NODE_POLICIES } from "../components/aws/cluster-identity";
import { CLUSTER_AUTOSCALER_ACTIONS, CLUSTER_AUTOSCALER_CHART, EKS_ADDONS, EKS_LOG_TYPES, EKS_METRICS, EKS_NODE_INSTANCE_TYPES, EKS_VPC_CNI_NETWORK_POLICY, INGRESS_NGINX_CHART } from "../domain/catalogs/aws";
import { eksControlPlaneLogging } from "../policy-packs/gravitypm-guard/rules/kubernetes/eks-control-plane-logging";
import { eksEndpointPrivate } from "../policy-packs/gravitypm-guard/rules/kubernetes/eks-endpoint-private";
import { eksNodeGroupNoRemoteAccess } from "../policy-packs/gravitypm-guard/rules/kubernetes/eks-node-group-no-remote-access";
import { eksSecretsEncryption } from "../policy-packs/gravitypm-guard/rules/kubernetes/eks-secrets-encryption";
import { eksSupportedVersion } from "../policy-packs/gravitypm-guard/rules/kubernetes/eks-supported-version";
import { evaluatePlan } from "../tools/policy/evaluate";
import type { Plan, PlannedResource } from "../tools/plan/types";
import { buildComponent, CLUSTER_TEST_CIDRS, clusterArgs, type Spine } from "./support/component";
import { childrenOf, descendants, input, ofType, one } from "./support/plan";
import type { AwsTypes } from "../components/aws";

const CLUSTER = "gravitypm:components:Cluster";
const EKS = "aws:eks/cluster:Cluster";
const NODE_GROUP = "aws:eks/nodeGroup:NodeGroup";
const CIDRS = CLUSTER_TEST_CIDRS;
const REPOSITORIES = ["api", "web"];


let primaryCluster: AwsCluster | undefined;
const DR = { region: "us-east-2", zones: ["use2-az1", "use2-az2", "use2-az3"], cidr: "10.1.0.0/16" };
const built = buildComponent(
    "aws",
    (spine) => {
        const primary = new AwsCluster("cluster", clusterArgs(spine));
        primaryCluster = primary;
        primary.workloadIdentity("api", { namespace: "gravitypm", serviceAccount: "api" });
        const dr = spine.dr;
        if (!dr) throw new Error("the harness was asked for a DR region");
        new AwsCluster(
            "standby",
            clusterArgs(
                { ...spine, ...dr },
                { role: "standby", endpoint: "private", authorizedCidrs: [], nodePool: { size: "medium", minNodes: 1, maxNodes: 9 }, primaryRegistry: primary.registry },
            ),
        );
    },
    { environment: "prod", primary: { region: "us-west-1", zones: ["usw1-az1", "usw1-az3"], cidr: "10.0.0.0/16" }, dr: DR },
);

const keyArnOf = (name: string) => `arn:aws:kms:${name === "primary-keys-key" ? "us-west-1" : "us-east-2"}:123456789012:key/`;

describe("AWS cluster: primary with a restricted endpoint", () => {
    it("is one EKS cluster per role, each under its component with its region's provider", async () => {
        const p = await built;
        const primary = one(p, CLUSTER, "cluster");
        const eks = childrenOf(p, primary, EKS);
        expect(eks.map((r) => r.name)).toEqual(["cluster-cluster"]);
        expect(eks[0].provider).toMatch(/::aws-primary$/);
        expect(eks[0].protect).toBe(true);
        expect(input(eks[0], "deletionProtection")).toBe(true);
        expect(one(p, EKS, "standby-cluster").provider).toMatch(/::aws-dr$/);
        expect(descendants(p, primary).every((r) => r.name.startsWith("cluster-"))).toBe(true);
    });

    it("answers publicly to exactly the authorised ranges, privately always", async () => {
        const eks = one(await built, EKS, "cluster-cluster");
        expect(input(eks, "vpcConfig.endpointPrivateAccess")).toBe(true);
        expect(input(eks, "vpcConfig.endpointPublicAccess")).toBe(true);
        expect(input(eks, "vpcConfig.publicAccessCidrs")).toEqual(CIDRS);
        expect(input(eks, "accessConfig.authenticationMode")).toBe("API");
    });

    it("envelope-encrypts secrets with its region's stack key", async () => {
        const p = await built;
        const eks = one(p, EKS, "cluster-cluster");
        expect(input(eks, "encryptionConfig.resources")).toEqual(["secrets"]);
        expect(String(input(eks, "encryptionConfig.provider.keyArn"))).toContain(keyArnOf("primary-keys-key"));
        expect(String(input(one(p, EKS, "standby-cluster"), "encryptionConfig.provider.keyArn"))).toContain(keyArnOf("dr-keys-key"));
    });

    it("logs every control-plane type to a KMS-encrypted group it creates first", async () => {
        const p = await built;
        const eks = one(p, EKS, "cluster-cluster");
        expect(input(eks, "enabledClusterLogTypes")).toEqual([...EKS_LOG_TYPES.value]);
        const group = one(p, "aws:cloudwatch/logGroup:LogGroup", "cluster-control-plane-logs");
        expect(input(group, "name")).toBe(`/aws/eks/${String(input(eks, "name"))}/cluster`);
        expect(input(group, "retentionInDays")).toBe(365);
        expect(String(input(group, "kmsKeyId"))).toContain(keyArnOf("primary-keys-key"));
        expect(eks.dependencies).toContain(group.urn);
    });

    it("runs one node group over every zone's app subnet with the args' bounds and no SSH", async () => {
        const p = await built;
        const nodes = one(p, NODE_GROUP, "cluster-nodes");
        expect(input(nodes, "scalingConfig")).toEqual({ minSize: 3, maxSize: 9, desiredSize: 3 });
        expect(input(nodes, "subnetIds")).toHaveLength(2);
        const appSubnets = ofType(p, "aws:ec2/subnet:Subnet").filter((s) => /^primary-network-app-\d$/.test(s.name));
        expect(appSubnets).toHaveLength(2);
        expect(appSubnets.every((s) => input(s, "mapPublicIpOnLaunch") === false)).toBe(true);
        expect(input(nodes, "remoteAccess")).toBeUndefined();
        expect(input(nodes, "instanceTypes")).toEqual([EKS_NODE_INSTANCE_TYPES.value.medium]);
        expect(input(one(p, NODE_GROUP, "standby-nodes"), "scalingConfig.minSize")).toBe(1);
    });

    it("launches nodes with IMDSv2 only, one hop, and volumes encrypted with the stack key", async () => {
        const p = await built;
        const template = one(p, "aws:ec2/launchTemplate:LaunchTemplate", "cluster-node-template");
        expect(input(template, "metadataOptions.httpTokens")).toBe("required");
        expect(input(template, "metadataOptions.httpPutResponseHopLimit")).toBe(IMDS_HOP_LIMIT);
        const ebs = input(template, "blockDeviceMappings") as { ebs: { encrypted: string; kmsKeyId: string } }[];
        expect(ebs[0].ebs.encrypted).toBe("true");
        expect(ebs[0].ebs.kmsKeyId).toContain(keyArnOf("primary-keys-key"));
        const nodes = one(p, NODE_GROUP, "cluster-nodes");
        expect(input(nodes, "launchTemplate.id")).toBeDefined();
        const grant = one(p, "aws:kms/grant:Grant", "cluster-autoscaling-key-grant");
        expect(String(input(grant, "granteePrincipal"))).toMatch(/AWSServiceRoleForAutoScaling$/);
        expect(nodes.dependencies).toContain(grant.urn);
    });

    it("attaches the node role's managed policies", async () => {
        const p = await built;
        const arns = childrenOf(p, one(p, CLUSTER, "cluster"), "aws:iam/rolePolicyAttachment:RolePolicyAttachment")
            .filter((a) => a.name.startsWith("cluster-node-"))
            .map((a) => input(a, "policyArn"));
        expect(arns.sort()).toEqual(Object.values(NODE_POLICIES).map((e) => e.value).sort());
    });

    it("pins every add-on for the version, the CNI with network policy, EBS CSI through Pod Identity", async () => {
        const p = await built;
        const addons = childrenOf(p, one(p, CLUSTER, "cluster"), "aws:eks/addon:Addon");
        expect(addons.map((a) => input(a, "addonName")).sort()).toEqual(Object.values(EKS_ADDONS).map((a) => a.value.name).sort());
        for (const a of addons) {
            const entry = Object.values(EKS_ADDONS).find((e) => e.value.name === input(a, "addonName"));
            expect(input(a, "addonVersion")).toBe(entry?.value.versions["1.35"]);
        }
        const cni = addons.find((a) => input(a, "addonName") === "vpc-cni");
        expect(JSON.parse(String(cni && input(cni, "configurationValues")))).toEqual(EKS_VPC_CNI_NETWORK_POLICY.value);
        const ebs = addons.find((a) => input(a, "addonName") === "aws-ebs-csi-driver");
        expect(input(ebs ?? addons[0], "podIdentityAssociations")).toHaveLength(1);
        // CNI before nodes; CoreDNS after them.
        const nodes = one(p, NODE_GROUP, "cluster-nodes");
        expect(cni && nodes.dependencies.includes(cni.urn)).toBe(true);
        expect(one(p, "aws:eks/addon:Addon", "cluster-coredns").dependencies).toContain(nodes.urn);
    });

    it("makes the deployer cluster-admin through an access entry", async () => {
        const p = await built;
        const association = one(p, "aws:eks/accessPolicyAssociation:AccessPolicyAssociation", "cluster-deployer-admin");
        expect(input(association, "policyArn")).toMatch(/cluster-access-policy\/AmazonEKSClusterAdminPolicy$/);
        expect(input(association, "accessScope.type")).toBe("cluster");
        expect(input(one(p, "aws:eks/accessEntry:AccessEntry", "cluster-deployer"), "principalArn")).toMatch(/^arn:aws:iam::123456789012:/);
    });

    it("opens no security group to the internet; nodes reach the API, the control plane reaches nodes", async () => {
        const p = await built;
        const rules = childrenOf(p, one(p, CLUSTER, "cluster"), "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
        expect(rules.length).toBeGreaterThan(0);
        expect(rules.every((r) => input(r, "cidrIpv4") === undefined && input(r, "referencedSecurityGroupId") !== undefined)).toBe(true);
        const api = one(p, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "cluster-api-from-nodes");
        expect([input(api, "fromPort"), input(api, "toPort")]).toEqual([443, 443]);
        const nodeSg = one(p, "aws:ec2/securityGroup:SecurityGroup", "cluster-node-sg");
        expect(Object.keys(input(nodeSg, "tags") as object)).toContain(`kubernetes.io/cluster/${String(input(one(p, EKS, "cluster-cluster"), "name"))}`);
    });

    it("keeps one immutable, scanned, KMS-encrypted repository per image with a lifecycle policy", async () => {
        const p = await built;
        const repos = childrenOf(p, one(p, CLUSTER, "cluster"), "aws:ecr/repository:Repository");
        expect(repos).toHaveLength(REPOSITORIES.length);
        for (const repo of repos) {
            expect(input(repo, "imageTagMutability")).toBe("IMMUTABLE");
            expect(input(repo, "imageScanningConfiguration.scanOnPush")).toBe(true);
            expect(input(repo, "encryptionConfigurations")).toEqual([{ encryptionType: "KMS", kmsKey: expect.stringContaining(keyArnOf("primary-keys-key")) }]);
            expect(repo.protect).toBe(true);
        }
        expect(ofType(p, "aws:ecr/lifecyclePolicy:LifecyclePolicy")).toHaveLength(2 * REPOSITORIES.length);
        // No account-wide registry settings by default.
        expect(ofType(p, "aws:ecr/replicationConfiguration:ReplicationConfiguration")).toHaveLength(0);
        expect(ofType(p, "aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration")).toHaveLength(0);
    });

    it("deploys a pinned ingress-nginx with its own Kubernetes provider, HTTPS only, behind an NLB", async () => {
        const p = await built;
        const provider = one(p, "pulumi:providers:kubernetes", "cluster-k8s");
        const release = one(p, "kubernetes:helm.sh/v3:Release", "cluster-ingress");
        expect(release.provider).toBe(provider.urn);
        expect(one(p, "kubernetes:core/v1:Namespace", "cluster-ingress-namespace").provider).toBe(provider.urn);
        expect(input(release, "chart")).toBe(INGRESS_NGINX_CHART.value.chart);
        expect(input(release, "version")).toBe(INGRESS_NGINX_CHART.value.version);
        expect(input(release, "repositoryOpts.repo")).toBe(INGRESS_NGINX_CHART.value.repo);
        expect(input(release, "values.controller.service.enableHttp")).toBe(false);
        expect(input(release, "values.controller.service.annotations")).toEqual({ "service.beta.kubernetes.io/aws-load-balancer-type": "nlb" });
        expect(release.dependencies).toContain(one(p, NODE_GROUP, "cluster-nodes").urn);
    });

    it("scales the node group with the cluster autoscaler, which may resize only this cluster's groups", async () => {
        const p = await built;
        const chart = CLUSTER_AUTOSCALER_CHART.value;
        const release = one(p, "kubernetes:helm.sh/v3:Release", "cluster-autoscaler");
        expect(release.provider).toBe(one(p, "pulumi:providers:kubernetes", "cluster-k8s").urn);
        expect([input(release, "chart"), input(release, "version"), input(release, "repositoryOpts.repo")]).toEqual([chart.chart, chart.version, chart.repo]);
        expect(release.dependencies).toContain(one(p, NODE_GROUP, "cluster-nodes").urn);
        const association = one(p, "aws:eks/podIdentityAssociation:PodIdentityAssociation", "cluster-autoscaler-association");
        expect([input(association, "namespace"), input(association, "serviceAccount")]).toEqual([chart.namespace, chart.serviceAccount]);
        const policy = JSON.parse(String(input(one(p, "aws:iam/rolePolicy:RolePolicy", "cluster-autoscaler-policy"), "policy"))) as {
            Statement: { Action: string[]; Condition?: { StringEquals: Record<string, string> } }[];
        };
        const resize = policy.Statement.find((st) => st.Action.includes("autoscaling:SetDesiredCapacity"))!;
        expect(Object.values(resize.Condition!.StringEquals)).toEqual(["owned"]);
        expect(Object.keys(resize.Condition!.StringEquals)[0]).toMatch(new RegExp(`^aws:ResourceTag/${CLUSTER_AUTOSCALER_ACTIONS.value.ownerTag}`));
    });

    it("alarms on the free AWS/EKS metrics in its own region, loudly when the API goes silent", async () => {
        const p = await built;
        const alarms = childrenOf(p, one(p, CLUSTER, "cluster"), "aws:cloudwatch/metricAlarm:MetricAlarm");
        expect(alarms).toHaveLength(AWS_CLUSTER_ALARMS.length);
        const names = new Set(Object.values(EKS_METRICS).map((m) => m.value.metricName));
        expect(alarms.every((a) => input(a, "namespace") === "AWS/EKS" && names.has(String(input(a, "metricName"))))).toBe(true);
        expect(input(one(p, "aws:cloudwatch/metricAlarm:MetricAlarm", "cluster-api-silent"), "treatMissingData")).toBe("breaching");
        expect(String(input(alarms[0], "alarmActions.0"))).toMatch(/^arn:aws:sns:us-west-1:/);
        const standbyAlarms = childrenOf(p, one(p, CLUSTER, "standby"), "aws:cloudwatch/metricAlarm:MetricAlarm");
        expect(String(input(standbyAlarms[0], "alarmActions.0"))).toMatch(/^arn:aws:sns:us-east-2:/);
    });
});

describe("AWS cluster: identities and access", () => {
    it("gives a service account an IAM role through Pod Identity, trusted by EKS Auth only", async () => {
        const p = await built;
        const role = one(p, "aws:iam/role:Role", "cluster-api-role");
        const trust = JSON.parse(String(input(role, "assumeRolePolicy"))) as { Statement: { Principal: { Service: string }; Action: string[] }[] };
        expect(trust.Statement[0].Principal.Service).toBe("pods.eks.amazonaws.com");
        expect(trust.Statement[0].Action).toEqual(["sts:AssumeRole", "sts:TagSession"]);
        const association = one(p, "aws:eks/podIdentityAssociation:PodIdentityAssociation", "cluster-api-association");
        expect([input(association, "namespace"), input(association, "serviceAccount")]).toEqual(["gravitypm", "api"]);
        expect(association.parent).toBe(one(p, CLUSTER, "cluster").urn);
    });

    it("hands out a secret kubeconfig that authenticates with aws eks get-token", async () => {
        await built;
        const cluster = primaryCluster;
        if (!cluster) throw new Error("the primary cluster was not built");
        const [kubeconfig, secret] = await new Promise<[string, boolean]>((resolve) =>
            pulumi.all([cluster.kubeconfig, pulumi.isSecret(cluster.kubeconfig)]).apply(([k, s]) => resolve([k, s])),
        );
        expect(secret).toBe(true);
        const parsed = JSON.parse(kubeconfig) as { users: { user: { exec: { command: string; args: string[] } } }[] };
        expect(parsed.users[0].user.exec.command).toBe("aws");
        expect(parsed.users[0].user.exec.args.slice(0, 2)).toEqual(["eks", "get-token"]);
    });
});

describe("AWS cluster: the standby", () => {
    it("is private, with its own repositories in the DR region", async () => {
        const p = await built;
        const eks = one(p, EKS, "standby-cluster");
        expect(input(eks, "vpcConfig.endpointPublicAccess")).toBe(false);
        expect(input(eks, "vpcConfig.publicAccessCidrs")).toBeUndefined();
        const repos = childrenOf(p, one(p, CLUSTER, "standby"), "aws:ecr/repository:Repository");
        expect(repos).toHaveLength(REPOSITORIES.length);
        expect(repos.every((r) => r.provider?.endsWith("::aws-dr"))).toBe(true);
    });
});

describe("AWS cluster args", () => {
    const spine = {} as Spine<AwsTypes>;
    const site = { role: "primary" } as AwsTypes["site"];
    const base = (own: Partial<AwsClusterArgs>) => clusterArgs({ ...spine, site, alerts: { topicArn: pulumi.output("t") } as AwsTypes["alerts"] } as Spine<AwsTypes>, own);

    it("refuses an open or empty restricted endpoint, ranges on a private one, bad bounds and unsupported versions", () => {
        expect(awsClusterProblems(base({}))).toEqual([]);
        expect(awsClusterProblems(base({ authorizedCidrs: ["0.0.0.0/0"] })).map((p) => p.key)).toEqual(["authorizedCidrs"]);
        expect(awsClusterProblems(base({ authorizedCidrs: [] })).map((p) => p.key)).toEqual(["authorizedCidrs"]);
        expect(awsClusterProblems(base({ endpoint: "private" })).map((p) => p.key)).toEqual(["authorizedCidrs"]);
        expect(awsClusterProblems(base({ nodePool: { size: "small", minNodes: 4, maxNodes: 2 } })).map((p) => p.key)).toEqual(["nodePool"]);
        expect(awsClusterProblems(base({ kubernetesVersion: "1.29" })).map((p) => p.key)).toEqual(["kubernetesVersion", "kubernetesVersion"]);
    });
});

describe("AWS cluster: in-cluster objects", () => {
    it("the ingress namespace validates against the Kubernetes schema", () => {
        expect(() => new Namespace(ingressNamespaceManifest()).validate()).not.toThrow();
    });
});

/** The plan with one resource's inputs replaced. */
function mutate(p: Plan, target: PlannedResource, inputs: Record<string, unknown>): Plan {
    return { ...p, resources: p.resources.map((r) => (r.urn === target.urn ? { ...r, inputs } : r)) };
}

const EKS_RULES = [
    { rule: eksSecretsEncryption, type: EKS, weaken: (i: Readonly<Record<string, unknown>>) => ({ ...i, encryptionConfig: undefined }) },
    {
        rule: eksEndpointPrivate,
        type: EKS,
        weaken: (i: Readonly<Record<string, unknown>>) => ({ ...i, vpcConfig: { ...(i.vpcConfig as object), endpointPublicAccess: true, publicAccessCidrs: ["0.0.0.0/0"] } }),
    },
    { rule: eksControlPlaneLogging, type: EKS, weaken: (i: Readonly<Record<string, unknown>>) => ({ ...i, enabledClusterLogTypes: ["api"] }) },
    { rule: eksSupportedVersion, type: EKS, weaken: (i: Readonly<Record<string, unknown>>) => ({ ...i, version: "1.29" }) },
    { rule: eksNodeGroupNoRemoteAccess, type: NODE_GROUP, weaken: (i: Readonly<Record<string, unknown>>) => ({ ...i, remoteAccess: { ec2SshKey: "ops" } }) },
];

describe("AWS cluster under the EKS policy rules", () => {
    const policies = EKS_RULES.map((r) => r.rule);

    it("every EKS rule matches a resource of the plan and finds nothing", async () => {
        const p = await built;
        for (const { type } of EKS_RULES) expect(ofType(p, type).length).toBeGreaterThan(0);
        const report = await evaluatePlan(p, { policies });
        expect(report.violations).toEqual([]);
    });

    for (const { rule, type, weaken } of EKS_RULES) {
        it(`${rule.name} reports the weakened ${type}`, async () => {
            const p = await built;
            const target = ofType(p, type)[0];
            const report = await evaluatePlan(mutate(p, target, weaken(target.inputs)), { policies: [rule] });
            expect(report.violations.map((v) => [v.policyName, v.urn])).toEqual([[rule.name, target.urn]]);
        });
    }
});

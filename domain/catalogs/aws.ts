/**
 * AWS constants the config checks and the AWS components read, each with its source. Read
 * 2026-12-03 through the search tool unless marked unverified; the research notes behind them
 * list what each page says.
 */
import { sourced, UNVERIFIED, type Sourced } from "./entry";

const EFS_ONE_ZONE_AZS = "https://docs.aws.amazon.com/efs/latest/ug/OneZoneAZs.html";
const AWS_AZ_PAGE = "https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-availability-zones.html";
const ZONE_NOTE = "AZ IDs name the same physical zone in every account (letters are mapped per account in the oldest regions)";
const UNREAD_ZONES = "the AZ-ID table for this region could not be read; the ids follow AWS's documented <prefix><n>-az<m> format and must be checked with `aws ec2 describe-availability-zones` before a first deploy there";

/**
 * The availability-zone ids the platform places subnets in, per region, in the order zones
 * are picked (the first `zoneCount`). Zone names (us-east-1a) are per account and are never
 * configured: services that need a name get the one the subnet reports.
 */
export const AWS_ZONE_IDS: Readonly<Record<string, Sourced<readonly string[]>>> = {
    "us-east-1": sourced(
        ["use1-az1", "use1-az2", "use1-az4", "use1-az5", "use1-az6"],
        EFS_ONE_ZONE_AZS,
        undefined,
        `${ZONE_NOTE}; the page lists these five for us-east-1 (use1-az3 is not listed, so it is not used)`,
    ),
    "us-east-2": sourced(["use2-az1", "use2-az2", "use2-az3"], EFS_ONE_ZONE_AZS, undefined, ZONE_NOTE),
    "us-west-1": sourced(["usw1-az1", "usw1-az3"], EFS_ONE_ZONE_AZS, undefined, `${ZONE_NOTE}; us-west-1 offers two zones`),
    "us-west-2": sourced(["usw2-az1", "usw2-az2", "usw2-az3", "usw2-az4"], "https://docs.amazonaws.cn/efs/latest/ug/OneZoneAZs.html", undefined, ZONE_NOTE),
    "ca-central-1": sourced(["cac1-az1", "cac1-az2", "cac1-az4"], UNVERIFIED, undefined, UNREAD_ZONES),
    "sa-east-1": sourced(["sae1-az1", "sae1-az2", "sae1-az3"], UNVERIFIED, undefined, UNREAD_ZONES),
    "eu-west-1": sourced(["euw1-az1", "euw1-az2", "euw1-az3"], AWS_AZ_PAGE, undefined, `${ZONE_NOTE}; the page names euw1-az1..3 as eu-west-1's AZ IDs`),
    "eu-west-2": sourced(["euw2-az1", "euw2-az2", "euw2-az3"], UNVERIFIED, undefined, UNREAD_ZONES),
    "eu-west-3": sourced(["euw3-az1", "euw3-az2", "euw3-az3"], UNVERIFIED, undefined, UNREAD_ZONES),
    "eu-central-1": sourced(["euc1-az1", "euc1-az2", "euc1-az3"], UNVERIFIED, undefined, UNREAD_ZONES),
    "eu-north-1": sourced(["eun1-az1", "eun1-az2", "eun1-az3"], UNVERIFIED, undefined, UNREAD_ZONES),
    "eu-south-1": sourced(["eus1-az1", "eus1-az2", "eus1-az3"], UNVERIFIED, undefined, UNREAD_ZONES),
    "ap-south-1": sourced(["aps1-az1", "aps1-az2", "aps1-az3"], UNVERIFIED, undefined, UNREAD_ZONES),
    "ap-southeast-1": sourced(["apse1-az1", "apse1-az2", "apse1-az3"], UNVERIFIED, undefined, UNREAD_ZONES),
    "ap-southeast-2": sourced(["apse2-az1", "apse2-az2", "apse2-az3"], UNVERIFIED, undefined, UNREAD_ZONES),
    "ap-northeast-1": sourced(
        ["apne1-az1", "apne1-az2", "apne1-az4"],
        "https://gist.github.com/matsubo/9308b3a91e75d1ce62fe6f0d047a3c7d",
        undefined,
        "third-party `describe-availability-zones` output (2019) listing apne1-az4, apne1-az1, apne1-az2; no AWS table for the region was read",
    ),
    "ap-northeast-2": sourced(["apne2-az1", "apne2-az2", "apne2-az3", "apne2-az4"], UNVERIFIED, undefined, UNREAD_ZONES),
};

/** A CloudWatch metric as an alarm names it: namespace, name, the dimension keys it is published with, its unit. */
export interface AwsMetric {
    readonly namespace: string;
    readonly metricName: string;
    readonly dimensions: readonly string[];
    readonly unit: "Percent" | "Count" | "Seconds" | "Milliseconds" | "Bytes";
}

const ELASTICACHE_METRICS = "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/CacheMetrics.Redis.html";
const ELASTICACHE_NODE_LEVEL = "ElastiCache computes each metric at the cache node level: the dimension is the member cluster id";
const DOCDB_METRICS = "https://docs.aws.amazon.com/documentdb/latest/developerguide/cloud_watch.html";

/** Every metric an AWS alarm of the platform watches. */
export const AWS_METRICS = {
    elasticacheMemory: sourced<AwsMetric>(
        { namespace: "AWS/ElastiCache", metricName: "DatabaseMemoryUsagePercentage", dimensions: ["CacheClusterId"], unit: "Percent" },
        ELASTICACHE_METRICS,
        undefined,
        ELASTICACHE_NODE_LEVEL,
    ),
    elasticacheEngineCpu: sourced<AwsMetric>(
        { namespace: "AWS/ElastiCache", metricName: "EngineCPUUtilization", dimensions: ["CacheClusterId"], unit: "Percent" },
        ELASTICACHE_METRICS,
        undefined,
        `${ELASTICACHE_NODE_LEVEL}; the Redis main thread's CPU`,
    ),
    elasticacheEvictions: sourced<AwsMetric>(
        { namespace: "AWS/ElastiCache", metricName: "Evictions", dimensions: ["CacheClusterId"], unit: "Count" },
        ELASTICACHE_METRICS,
        undefined,
        ELASTICACHE_NODE_LEVEL,
    ),
    elasticacheReplicationLag: sourced<AwsMetric>(
        { namespace: "AWS/ElastiCache", metricName: "ReplicationLag", dimensions: ["CacheClusterId"], unit: "Seconds" },
        ELASTICACHE_METRICS,
        undefined,
        "reported only by nodes running as read replicas",
    ),
    elasticacheGlobalLag: sourced<AwsMetric>(
        { namespace: "AWS/ElastiCache", metricName: "GlobalDatastoreReplicationLag", dimensions: ["CacheClusterId"], unit: "Seconds" },
        ELASTICACHE_METRICS,
        undefined,
        "lag of the secondary region's primary node behind the primary region's; aws-cdk-lib's generated ElastiCacheMetrics lists it with {CacheClusterId}",
    ),
    docdbCpu: sourced<AwsMetric>({ namespace: "AWS/DocDB", metricName: "CPUUtilization", dimensions: ["DBInstanceIdentifier"], unit: "Percent" }, DOCDB_METRICS),
    docdbFreeableMemory: sourced<AwsMetric>({ namespace: "AWS/DocDB", metricName: "FreeableMemory", dimensions: ["DBInstanceIdentifier"], unit: "Bytes" }, DOCDB_METRICS),
    docdbConnections: sourced<AwsMetric>({ namespace: "AWS/DocDB", metricName: "DatabaseConnections", dimensions: ["DBInstanceIdentifier"], unit: "Count" }, DOCDB_METRICS),
    docdbClusterReplicaLag: sourced<AwsMetric>(
        { namespace: "AWS/DocDB", metricName: "DBClusterReplicaLagMaximum", dimensions: ["DBClusterIdentifier"], unit: "Milliseconds" },
        DOCDB_METRICS,
        undefined,
        "the cluster-level maximum lag of any replica behind the writer; DBInstanceReplicaLag is the per-instance metric and is not published under DBClusterIdentifier alone",
    ),
    docdbGlobalLag: sourced<AwsMetric>(
        { namespace: "AWS/DocDB", metricName: "GlobalClusterReplicationLag", dimensions: ["DBClusterIdentifier"], unit: "Milliseconds" },
        "https://docs.aws.amazon.com/zh_tw/documentdb/latest/developerguide/global-clusters-monitor.html",
        undefined,
        "name and unit from the global-clusters monitoring page; its dimension is not listed there (unverified): the alarm treats missing data as breaching so a wrong dimension pages",
    ),
} as const;

/** The values `treatMissingData` takes; every platform alarm sets one explicitly. */
export const CLOUDWATCH_TREAT_MISSING_DATA = sourced(
    ["breaching", "notBreaching", "ignore", "missing"] as const,
    "https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/cloudwatch/aws.sdk.kotlin.services.cloudwatch.model/-put-metric-alarm-request/treat-missing-data.html",
    undefined,
    "the default is missing",
);
export type TreatMissingData = (typeof CLOUDWATCH_TREAT_MISSING_DATA.value)[number];

const PROVIDER_REPLICATION_GROUP = "https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/elasticache/replication_group.go";

/**
 * What an ElastiCache global-datastore secondary takes from the primary and must not send.
 * The provider rejects the first eleven at plan time (`ConflictsWith` on
 * `global_replication_group_id`); `authToken` is the platform's decision (see the note).
 */
export const ELASTICACHE_SECONDARY_INHERITED = sourced(
    [
        "numNodeGroups",
        "parameterGroupName",
        "engine",
        "engineVersion",
        "nodeType",
        "securityGroupNames",
        "transitEncryptionEnabled",
        "transitEncryptionMode",
        "atRestEncryptionEnabled",
        "snapshotArns",
        "snapshotName",
        "authToken",
    ] as const,
    PROVIDER_REPLICATION_GROUP,
    undefined,
    "ConflictsWith list read in the provider source (transitEncryptionMode per the research notes on the newer schema); a secondary takes engine, version, node type, parameter group and encryption from the primary (AWS CLI global-datastore page cited in terraform-provider-aws#20893), and parameters sent anyway are reported to fail with InvalidParameterCombination (terraform-provider-aws#24854). AUTH is a datastore-wide setting (AuthTokenEnabled on the GlobalReplicationGroup); no AWS page was found saying a secondary accepts AuthToken, so it is not sent",
);

/**
 * Settings AWS says a secondary inherits (Multi-AZ, automatic failover) but that the provider
 * defaults to `false` when absent: they are sent equal to the primary's, or every refresh
 * would see the inherited `true` and plan to turn it off.
 */
export const ELASTICACHE_SECONDARY_MIRRORED = sourced(
    ["automaticFailoverEnabled", "multiAzEnabled"] as const,
    PROVIDER_REPLICATION_GROUP,
    undefined,
    "schema: automatic_failover_enabled and multi_az_enabled are Optional with Default false; the create call sends no AutomaticFailoverEnabled for a secondary",
);

/** Regions where DocumentDB global clusters are not available (of the regions the platform offers). */
export const DOCUMENTDB_GLOBAL_CLUSTER_UNAVAILABLE_REGIONS = sourced(
    ["sa-east-1", "eu-south-1"] as const,
    "https://docs.aws.amazon.com/documentdb/latest/developerguide/global-clusters.html",
    undefined,
    "\"Global clusters are not available in the following regions: South America (São Paulo), Europe (Milan), China (Beijing), and China (Ningxia)\"; the China regions are not offered here",
);

/** An AWS service the VPC reaches privately, and the endpoint type AWS offers for it. */
export interface AwsEndpointService {
    /** The part after `com.amazonaws.<region>.` */
    readonly service: string;
    readonly type: "Gateway" | "Interface";
}

const ECR_VPC_ENDPOINTS = "https://docs.amazonaws.cn/AmazonECR/latest/userguide/vpc-endpoints.html";

/** The VPC endpoints every AWS network gets: S3 as a gateway, the rest as interface endpoints. */
export const AWS_VPC_ENDPOINT_SERVICES = {
    s3: sourced<AwsEndpointService>({ service: "s3", type: "Gateway" }, ECR_VPC_ENDPOINTS, undefined, "ECR image layers are served from S3: a NAT-less pull needs the S3 gateway endpoint"),
    secretsmanager: sourced<AwsEndpointService>(
        { service: "secretsmanager", type: "Interface" },
        UNVERIFIED,
        undefined,
        "follows the documented com.amazonaws.<region>.<service> form; no Secrets Manager page naming it was read",
    ),
    kms: sourced<AwsEndpointService>({ service: "kms", type: "Interface" }, "https://docs.aws.amazon.com/kms/latest/developerguide/vpce-create-endpoint.html"),
    sts: sourced<AwsEndpointService>(
        { service: "sts", type: "Interface" },
        UNVERIFIED,
        undefined,
        "follows the documented com.amazonaws.<region>.<service> form; the STS endpoint-policy page was read, not one naming the service",
    ),
    ecrApi: sourced<AwsEndpointService>({ service: "ecr.api", type: "Interface" }, ECR_VPC_ENDPOINTS),
    ecrDkr: sourced<AwsEndpointService>({ service: "ecr.dkr", type: "Interface" }, ECR_VPC_ENDPOINTS),
    logs: sourced<AwsEndpointService>(
        { service: "logs", type: "Interface" },
        "https://gist.github.com/artyom/5c0c790268ee4d9f28413dd9601aae82",
        undefined,
        "third-party template creating com.amazonaws.<region>.logs",
    ),
} as const;

export function awsEndpointServiceName(region: string, service: AwsEndpointService): string {
    return `com.amazonaws.${region}.${service.service}`;
}

/** HTTPS: the only port interface endpoints of AWS APIs listen on. */
export const AWS_INTERFACE_ENDPOINT_PORT = sourced(
    443,
    ECR_VPC_ENDPOINTS,
    undefined,
    "the security group attached to the endpoint must allow incoming connections on port 443 from the private subnets",
);

/**
 * STS serves two kinds of callers: SigV4-signed principals, whose requests carry
 * aws:PrincipalAccount, and federated callers (AssumeRoleWithWebIdentity: IRSA) whose requests
 * carry no principal keys. An endpoint policy conditioned on aws:PrincipalAccount alone
 * blocks the second kind.
 */
export const STS_ENDPOINT_POLICY_FEDERATION = sourced(
    "sts:AssumeRoleWithWebIdentity",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sts_vpc_endpoint_policies.md",
    undefined,
    "federated callers have no AWS identity at request time, so principal-based condition keys are absent from the request context",
);

/** What the CloudWatch example grants a flow-log role (the log group exists, so not CreateLogGroup). */
export const FLOW_LOG_ROLE_ACTIONS = sourced(
    { onGroup: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"], anyResource: ["logs:DescribeLogGroups"] } as const,
    "https://www.pulumi.com/registry/packages/aws/api-docs/ec2/flowlog/",
    undefined,
    "the documented example grants CreateLogGroup, CreateLogStream, PutLogEvents, DescribeLogGroups and DescribeLogStreams on *",
);

/** Flow logs aggregate over 60 or 600 seconds. */
export const FLOW_LOG_AGGREGATION_SECONDS = sourced(60, "https://www.pulumi.com/registry/packages/aws/api-docs/ec2/flowlog/", undefined, "valid values: 60 or 600");

/** The principals that use the stack key on the stack's behalf. */
export const AWS_KEY_SERVICE_PRINCIPALS = {
    logs: sourced(
        "logs.<region>.amazonaws.com",
        "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html",
        undefined,
        "regional principal; the key policy conditions on kms:EncryptionContext:aws:logs:arn",
    ),
    cloudwatch: sourced(
        "cloudwatch.amazonaws.com",
        "https://aws.github.io/modern-data-architecture-accelerator/typedocs/functions/_aws-mdaa_cloudwatch-constructs.grantCloudWatchAlarmsTopicAccess.html",
        undefined,
        "alarms publishing to a KMS-encrypted topic need kms:Decrypt and kms:GenerateDataKey*; aws:SourceAccount / aws:SourceArn are supported",
    ),
    events: sourced(
        "events.amazonaws.com",
        "https://aws.github.io/modern-data-architecture-accelerator/typedocs/functions/_aws-mdaa_cloudwatch-constructs.grantCloudWatchAlarmsTopicAccess.html",
        undefined,
        "aws:SourceAccount / aws:SourceArn / aws:SourceOrgID are not supported in a KMS key policy for EventBridge delivery: a conditioned statement drops every notification",
    ),
} as const;

/** A principal template's `<region>` filled in. */
export function awsRegionalPrincipal(template: string, region: string): string {
    return template.replace("<region>", region);
}

/** The CA every DocumentDB instance's TLS certificate is issued by. */
export const DOCUMENTDB_CA_CERT = sourced("rds-ca-rsa2048-g1", UNVERIFIED, undefined, "believed valid for DocumentDB; not checked against a DocumentDB page");

const EKS_CLOUDWATCH = "https://docs.aws.amazon.com/eks/latest/userguide/cloudwatch.html";
const EKS_ADDON_CHECK = "check with `aws eks describe-addon-versions --kubernetes-version <minor> --addon-name <name>` before a first deploy";

/** The AWS managed policies the cluster's IAM roles carry. */
export const EKS_MANAGED_POLICIES = {
    cluster: sourced("arn:aws:iam::aws:policy/AmazonEKSClusterPolicy", UNVERIFIED, undefined, "the EKS cluster role's documented managed policy; the IAM page was not read here"),
    workerNode: sourced("arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy", UNVERIFIED, undefined, "the node role's documented managed policy; not read here"),
    cni: sourced("arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy", UNVERIFIED, undefined, "lets the VPC CNI (on the node role) attach ENIs and assign pod addresses; not read here"),
    ecrPull: sourced("arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly", UNVERIFIED, undefined, "image pulls from ECR for the node role; not read here"),
    ssm: sourced("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore", UNVERIFIED, undefined, "Session Manager break-glass access instead of SSH (the eks-node-group-no-remote-access remediation); not read here"),
    ebsCsi: sourced("arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy", UNVERIFIED, undefined, "the EBS CSI driver's managed policy (under service-role/); not read here"),
} as const;

/** The EKS access policy that makes a principal cluster-admin through an access entry. */
export const EKS_CLUSTER_ADMIN_ACCESS_POLICY = sourced(
    "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
    UNVERIFIED,
    undefined,
    "access-policy ARNs live under arn:aws:eks::aws:cluster-access-policy/; the access-policies page was not read here",
);

/** Every EKS control-plane log type; the policy pack's eks-control-plane-logging keeps its own copy. */
export const EKS_LOG_TYPES = sourced(
    ["api", "audit", "authenticator", "controllerManager", "scheduler"] as const,
    UNVERIFIED,
    undefined,
    "the five LogType values of the EKS API (API_LogSetup), not read here; the policy pack's eks-control-plane-logging requires the same five",
);

/** Where EKS writes control-plane logs: a log group created beforehand keeps our retention and key. */
export function eksLogGroupName(clusterName: string): string {
    return `/aws/eks/${clusterName}/cluster`;
}

/**
 * The Kubernetes audit event as EKS writes it to that log group (one JSON object per event, in
 * `kube-apiserver-audit-*` streams), addressed the way a CloudWatch Logs JSON filter pattern
 * addresses fields. Writes to a ConfigMap are logged at Metadata level without the
 * RequestReceived stage, so every matching event carries the object, the verb, the user and
 * the response code.
 */
export const EKS_AUDIT_EVENT = sourced(
    {
        fields: { resource: "$.objectRef.resource", namespace: "$.objectRef.namespace", name: "$.objectRef.name", verb: "$.verb", responseCode: "$.responseStatus.code", user: "$.user.username" },
        configMapWriteVerbs: ["create", "update", "patch"],
    } as const,
    "https://docs.aws.amazon.com/eks/latest/best-practices/auditing-and-logging.html",
    undefined,
    "the page prints the EKS audit policy (its excerpt read here showed the start; the configmaps-at-Metadata rule with omitStages RequestReceived is the Kubernetes reference policy's, seen in several copies through the code search). Field names are the audit.k8s.io/v1 Event's; the apiserver fills objectRef.name of a create from the object (k8s.io/apiserver audit LogRequestObject). Who wrote is user.username, which a metric cannot carry: the alarm points at the log query instead. EKS delivers control-plane logs 'within a few minutes', best effort (control-plane-logs page)",
);

/** JSON filter-pattern syntax: `{ (<clause>) && (<clause>) }`, `||` for alternatives, numeric `<` on numbers. */
export const CLOUDWATCH_JSON_FILTER_SYNTAX = sourced(
    { and: "&&", or: "||" } as const,
    "https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_logs.FilterPattern.html",
    undefined,
    "aws-cdk-lib's FilterPattern.all/any/stringValue/numberValue build `{ ($.a = \"x\") && (($.b > 1) || ...) }` (its pattern.ts read through the code search); the CloudWatch Logs FilterAndPatternSyntax page itself was not read",
);

/**
 * Where the release notices' log-derived metrics are published. Our own namespace: names
 * beginning with `AWS/` are reserved for AWS services.
 */
export const RELEASE_NOTICE_METRIC_NAMESPACE = sourced(
    "GravityPM/ReleaseNotices",
    "https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/cloudwatch/aws.sdk.kotlin.services.cloudwatch.model/-put-metric-data-request/namespace.html",
    undefined,
    "PutMetricData Namespace: ASCII without control characters; 'you should not specify a namespace that begins with AWS/'. The value is the platform's choice",
);

/** The node machine per size tier: general-purpose, 4 GiB per vCPU. */
export const EKS_NODE_INSTANCE_TYPES = sourced(
    { small: "m7i.large", medium: "m7i.xlarge", large: "m7i.2xlarge", xlarge: "m7i.4xlarge" } as const,
    UNVERIFIED,
    undefined,
    "m7i (2/4/8/16 vCPU, 8/16/32/64 GiB); regional availability was not checked: `aws ec2 describe-instance-type-offerings` per region",
);

/** The node AMI family EKS picks the image for (no image id in the launch template). */
export const EKS_AMI_TYPE = sourced(
    "AL2023_x86_64_STANDARD",
    UNVERIFIED,
    undefined,
    "the valid values are on the EKS API's Nodegroup page (linked from the local SDK eks/nodeGroup.d.ts), not read here; Amazon Linux 2 node AMIs are not offered past Kubernetes 1.32",
);

/** An EKS managed add-on: its name and the version pinned per Kubernetes minor version. */
export interface EksAddon {
    readonly name: string;
    readonly versions: Readonly<Record<string, string>>;
}

/** The add-ons every cluster runs, pinned per Kubernetes minor (a minor missing here is refused). */
export const EKS_ADDONS = {
    vpcCni: sourced<EksAddon>(
        { name: "vpc-cni", versions: { "1.34": "v1.21.1-eksbuild.3", "1.35": "v1.21.1-eksbuild.3" } },
        "https://github.com/zalando-incubator/kubernetes-on-aws/pull/10578",
        undefined,
        `third-party: a 1.34 cluster's describe-addon (2026-03) and zalando's update PR (2026-02) show v1.21.1-eksbuild.3; the VPC CNI add-on has one version for every supported minor (AWS's table); 1.35 ${EKS_ADDON_CHECK}`,
    ),
    kubeProxy: sourced<EksAddon>(
        { name: "kube-proxy", versions: { "1.34": "v1.34.5-eksbuild.2", "1.35": "v1.35.3-eksbuild.13" } },
        "https://github.com/zalando-incubator/kubernetes-on-aws/pull/11668",
        undefined,
        `1.35: zalando's update PR (2026-07-15); 1.34: the image tag a third-party 1.34 cluster ran (2026-03), add-on and image versions can differ; ${EKS_ADDON_CHECK}`,
    ),
    coredns: sourced<EksAddon>(
        { name: "coredns", versions: { "1.34": "v1.13.2-eksbuild.1", "1.35": "v1.13.2-eksbuild.1" } },
        UNVERIFIED,
        undefined,
        `1.34: the image tag a third-party 1.34 cluster ran (2026-03); cookpad/terraform-aws-eks#398 moved to coredns 1.13.2 for 1.33→1.34; 1.35 not read; ${EKS_ADDON_CHECK}`,
    ),
    podIdentityAgent: sourced<EksAddon>(
        { name: "eks-pod-identity-agent", versions: { "1.34": "v1.3.10-eksbuild.1", "1.35": "v1.3.10-eksbuild.1" } },
        UNVERIFIED,
        undefined,
        `the agent's version is not tied to the minor; no 2026 version was read; ${EKS_ADDON_CHECK}`,
    ),
    ebsCsi: sourced<EksAddon>(
        { name: "aws-ebs-csi-driver", versions: { "1.34": "v1.56.0-eksbuild.1", "1.35": "v1.56.0-eksbuild.1" } },
        UNVERIFIED,
        undefined,
        `cookpad/terraform-aws-eks#398 (2026-03) moved to aws-ebs-csi-driver 1.56.0 for 1.34; the eksbuild suffix was not read; ${EKS_ADDON_CHECK}`,
    ),
} as const;

/** Turns on the VPC CNI's network-policy agent, so Kubernetes NetworkPolicy objects are enforced. */
export const EKS_VPC_CNI_NETWORK_POLICY = sourced(
    { enableNetworkPolicy: "true" } as const,
    "https://docs.aws.amazon.com/eks/latest/userguide/cni-network-policy-configure.html",
    undefined,
    "\"Enable the network policy parameter for the add-on\"; not enabled by default (VPC CNI network-policy FAQ); the value is the string \"true\" in the add-on's configuration schema",
);

/** The service account the EBS CSI controller runs as; Pod Identity gives it the driver's role. */
export const EKS_EBS_CSI_SERVICE_ACCOUNT = sourced(
    { namespace: "kube-system", serviceAccount: "ebs-csi-controller-sa" } as const,
    UNVERIFIED,
    undefined,
    "the add-on's controller service account as the EBS CSI driver docs name it; not read here",
);

/** Who assumes a Pod Identity role: the EKS Auth service, with session tags. */
export const EKS_POD_IDENTITY_TRUST = sourced(
    { principal: "pods.eks.amazonaws.com", actions: ["sts:AssumeRole", "sts:TagSession"] } as const,
    UNVERIFIED,
    undefined,
    "as public Terraform examples write the trust policy; the EKS Pod Identity role page was not read here. Without a NAT the VPC also needs the com.amazonaws.<region>.eks-auth endpoint",
);

/**
 * EC2 Auto Scaling launches node-group instances through its service-linked role; with a
 * customer-managed key on the volumes, that role needs a grant on the key or launches fail.
 */
export const AUTOSCALING_SERVICE_LINKED_ROLE = sourced(
    "role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling",
    UNVERIFIED,
    undefined,
    "documented at docs.aws.amazon.com/autoscaling/ec2/userguide/key-policy-requirements-EBS-encryption.html (not read here); the role exists once any Auto Scaling group was created in the account",
);

/** The grant operations that page lists for the Auto Scaling role on an EBS key. */
export const AUTOSCALING_EBS_KEY_GRANT_OPERATIONS = sourced(
    ["Encrypt", "Decrypt", "ReEncryptFrom", "ReEncryptTo", "GenerateDataKey", "GenerateDataKeyWithoutPlaintext", "DescribeKey", "CreateGrant"] as const,
    UNVERIFIED,
    undefined,
    "as remembered from the key-policy-requirements-EBS-encryption page; not read here",
);

/**
 * Metrics EKS publishes for free in AWS/EKS (clusters 1.28+), without an in-cluster agent.
 * Node and node-group health has no such metric: Auto Scaling group metrics need metrics
 * collection turned on on the group, which a managed node group does not expose.
 */
export const EKS_METRICS = {
    apiServerRequests: sourced<AwsMetric>(
        { namespace: "AWS/EKS", metricName: "apiserver_request_total", dimensions: ["ClusterName"], unit: "Count" },
        EKS_CLOUDWATCH,
        undefined,
        "basic metric, one-minute frequency; the name as the current page and third-party exporters spell it (a 2024 revision of the page named it APIServerRequests)",
    ),
    apiServer5xx: sourced<AwsMetric>(
        { namespace: "AWS/EKS", metricName: "apiserver_request_total_5XX", dimensions: ["ClusterName"], unit: "Count" },
        EKS_CLOUDWATCH,
        undefined,
        "API server requests answered with a 5XX; name as aws-cdk-lib's EKSMetrics.apiserverRequestTotal5XxSum and third-party alarms spell it",
    ),
    unschedulable: sourced<AwsMetric>(
        { namespace: "AWS/EKS", metricName: "scheduler_schedule_attempts_UNSCHEDULABLE", dimensions: ["ClusterName"], unit: "Count" },
        EKS_CLOUDWATCH,
        undefined,
        "scheduling attempts that failed on constraints such as too little CPU or memory on any node; valid statistic Sum",
    ),
} as const;

/** ingress-nginx: the chart and the pinned version the cluster's entry point runs. */
export const INGRESS_NGINX_CHART = sourced(
    { chart: "ingress-nginx", repo: "https://kubernetes.github.io/ingress-nginx", version: "4.14.3" } as const,
    "https://github.com/kubernetes/ingress-nginx/pull/14510",
    undefined,
    "\"Release controller v1.14.3 & chart v4.14.3\" (2026-02-02), the newest release PR found. The Kubernetes project announced ingress-nginx's retirement with best-effort maintenance until March 2026 (announcement not read here): check for a newer chart, and plan a Gateway API implementation",
);

/** The in-tree (EKS-run) cloud controller makes an internet-facing NLB for a Service with this annotation. */
export const EKS_NLB_SERVICE_ANNOTATIONS = sourced(
    { "service.beta.kubernetes.io/aws-load-balancer-type": "nlb" } as const,
    UNVERIFIED,
    undefined,
    "the legacy cloud provider's annotation; it places the NLB in subnets tagged kubernetes.io/role/elb=1 and opens the node ports on the one node security group tagged kubernetes.io/cluster/<name>",
);

/** The cluster autoscaler that resizes EKS managed node groups between their min and max (EKS has none built in). */
export const CLUSTER_AUTOSCALER_CHART = sourced(
    { chart: "cluster-autoscaler", repo: "https://kubernetes.github.io/autoscaler", version: "9.54.0", namespace: "kube-system", serviceAccount: "cluster-autoscaler" } as const,
    UNVERIFIED,
    undefined,
    "chart repository and name as the kubernetes/autoscaler project publishes them; the chart version pinned here was not read on a release page: check `helm search repo autoscaler/cluster-autoscaler` and keep the app's minor equal to the Kubernetes minor",
);

/** What the autoscaler may do: describe everywhere, resize only the node groups EKS tags as this cluster's. */
export const CLUSTER_AUTOSCALER_ACTIONS = sourced(
    {
        describe: [
            "autoscaling:DescribeAutoScalingGroups",
            "autoscaling:DescribeAutoScalingInstances",
            "autoscaling:DescribeLaunchConfigurations",
            "autoscaling:DescribeScalingActivities",
            "autoscaling:DescribeTags",
            "ec2:DescribeImages",
            "ec2:DescribeInstanceTypes",
            "ec2:DescribeLaunchTemplateVersions",
            "ec2:GetInstanceTypesFromInstanceRequirements",
            "eks:DescribeNodegroup",
        ],
        resize: ["autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"],
        ownerTag: "k8s.io/cluster-autoscaler/",
    } as const,
    UNVERIFIED,
    undefined,
    "the minimum policy of the cluster-autoscaler AWS README as read through the code search (the tool did not name the file's repository); EKS managed node groups tag their Auto Scaling groups k8s.io/cluster-autoscaler/<cluster>=owned",
);

/**
 * Where pods fetch EKS Pod Identity credentials: the agent on every node, at a link-local
 * address over plain HTTP (port 80, the credentials URI the pod identity webhook injects). An
 * app under a default-deny egress policy must be allowed to reach it.
 */
export const EKS_POD_IDENTITY_AGENT_ENDPOINT = sourced(
    { cidr: "169.254.170.23/32", port: 80 },
    "https://docs.aws.amazon.com/eks/latest/userguide/pod-id-agent-setup.html",
    "2026-12-03",
    "the agent listens on 169.254.170.23 (IPv4) and [fd00:ec2::23] (IPv6); since 2025-08 only on IPv4 in IPv4 clusters (awsdocs/amazon-eks-user-guide#1092). The port is the one of the injected credentials URI http://169.254.170.23/v1/credentials, not stated on the page",
);

const CLOUDTRAIL_KMS_POLICY = "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.md";

/**
 * What CloudTrail needs on the KMS key that encrypts a trail's log and digest files: data keys
 * for this account's trails, told apart by the encryption context CloudTrail sends, and
 * DescribeKey. Reading the files back is the account's own (IAM) business.
 */
export const CLOUDTRAIL_KEY_USE = sourced(
    {
        principal: "cloudtrail.amazonaws.com",
        encryptActions: ["kms:GenerateDataKey*"],
        describeActions: ["kms:DescribeKey"],
        encryptionContextKey: "kms:EncryptionContext:aws:cloudtrail:arn",
    } as const,
    CLOUDTRAIL_KMS_POLICY,
    undefined,
    "required sections for trails: encrypt (GenerateDataKey* conditioned on kms:EncryptionContext:aws:cloudtrail:arn = arn:aws:cloudtrail:*:<account>:trail/*), decrypt for readers, DescribeKey; aws:SourceArn (the trail ARN) recommended on both, aws:SourceAccount supported but not recommended. 'If you use an existing S3 bucket with an S3 Bucket Key, kms:Decrypt permission is required to create or update a trail with SSE-KMS' (the deployer's, granted here through IAM). The statement shapes also match CloudTrail's console-made default policy (gist copies)",
);

/**
 * The trail's bucket policy: CloudTrail checks the bucket ACL and writes under
 * `AWSLogs/<account>/` with the bucket-owner-full-control ACL, for this account's trail only.
 */
export const CLOUDTRAIL_BUCKET_POLICY = sourced(
    {
        principal: "cloudtrail.amazonaws.com",
        aclCheckAction: "s3:GetBucketAcl",
        writeAction: "s3:PutObject",
        writeCondition: { "s3:x-amz-acl": "bucket-owner-full-control" },
        logPrefix: "AWSLogs/<account>/",
    } as const,
    "https://alchemy.run/providers/aws/cloudtrail/trail",
    undefined,
    "third-party summary of the AWS requirement: GetBucketAcl on the bucket and PutObject under AWSLogs/{accountId}/*, both scoped with aws:SourceArn on the trail's ARN, PutObject with s3:x-amz-acl = bucket-owner-full-control (as the AWSCloudTrailAclCheck20150319 / AWSCloudTrailWrite20150319 statements of AWS's own examples, seen in several copies); the AWS page create-s3-bucket-policy-for-cloudtrail itself was not read. The ACL condition still holds under BucketOwnerEnforced: the bucket-owner-full-control canned ACL is the one ACL such a bucket accepts",
);

/** What the role CloudTrail assumes to deliver to CloudWatch Logs may do, on the trail's log group only. */
export const CLOUDTRAIL_LOGS_ROLE = sourced(
    { principal: "cloudtrail.amazonaws.com", actions: ["logs:CreateLogStream", "logs:PutLogEvents"] } as const,
    "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-required-policy-for-cloudwatch-logs.html",
    undefined,
    "the default CloudTrail_CloudWatchLogs_Role policy: CreateLogStream and PutLogEvents on arn:aws:logs:<region>:<account>:log-group:<group>:log-stream:<prefix>*; the trail takes the group ARN with the `:*` stream wildcard (provider trail.d.ts: 'CloudTrail requires the Log Stream wildcard')",
);

/** CloudTrail writes one trail's events to every region's file set; the first copy of management events per region is free. */
export const CLOUDTRAIL_PRICING = sourced(
    { extraManagementCopyPer100k: 2.0, dataEventsPer100k: 0.1, currency: "USD" } as const,
    "https://aws.amazon.com/cloudtrail/pricing/",
    undefined,
    "'The first copy of management events is delivered free of charge. Additional copies of management events are charged at $2.00 per 100,000 events'; data events $0.10 per 100,000. A second trail logging the same management events in a region (another stack's, or an organisation trail) pays (cloudtrail-trail-manage-costs page)",
);

const SECURITY_HUB_CLOUDWATCH = "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html";

/**
 * CloudWatch Logs filter patterns on the trail's log group for the audit events that page,
 * after the CIS AWS Foundations Benchmark monitoring controls (Security Hub CloudWatch.1-14).
 */
export const AUDIT_FILTER_PATTERNS = {
    rootUsage: sourced(
        '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
        SECURITY_HUB_CLOUDWATCH,
        undefined,
        "CloudWatch.1 / CIS 1.7, 4.3 'usage of the root user'; the pattern as AWS's Landing Zone Accelerator and Datadog's CIS rule print it (awslabs.github.io/landing-zone-accelerator-on-aws MetricSetConfig); console sign-ins by root match too (their userIdentity.type is Root)",
    ),
    keyDisabledOrDeleted: sourced(
        "{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }",
        SECURITY_HUB_CLOUDWATCH,
        undefined,
        "CloudWatch.7 / CIS 3.7 'disabling or scheduled deletion of customer created CMKs'; pattern as Prowler and the CIS checks copy it (code search)",
    ),
    iamPolicyChanges: sourced(
        "{ ($.eventName = DeleteGroupPolicy) || ($.eventName = DeleteRolePolicy) || ($.eventName = DeleteUserPolicy) || ($.eventName = PutGroupPolicy) || ($.eventName = PutRolePolicy) || ($.eventName = PutUserPolicy) || ($.eventName = CreatePolicy) || ($.eventName = DeletePolicy) || ($.eventName = CreatePolicyVersion) || ($.eventName = DeletePolicyVersion) || ($.eventName = AttachRolePolicy) || ($.eventName = DetachRolePolicy) || ($.eventName = AttachUserPolicy) || ($.eventName = DetachUserPolicy) || ($.eventName = AttachGroupPolicy) || ($.eventName = DetachGroupPolicy) }",
        "https://tenable.com/policies/[type]/AC_AWS_0561",
        undefined,
        "CloudWatch.4 / CIS 4.4 'IAM policy changes': the benchmark's put-metric-filter pattern as Tenable reprints it; every deploy that changes a role policy (this stack's own) matches, so the alarm is a notice",
    ),
    cloudTrailChanges: sourced(
        "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }",
        "https://tenable.com/policies/[type]/AC_AWS_0562",
        undefined,
        "CloudWatch.5 / CIS 4.5 'CloudTrail configuration changes': the benchmark's pattern as Tenable reprints it",
    ),
    securityGroupOpenToInternet: sourced(
        { permissions: 2, rangesPerPermission: 2 } as const,
        "https://github.com/awsdocs/amazon-cloudwatch-logs-user-guide/blob/master/doc_source/FilterAndPatternSyntax.md",
        undefined,
        "not a CIS filter (CloudWatch.10 counts every security-group change, which EKS and its load balancers make all day): AuthorizeSecurityGroupIngress whose request names 0.0.0.0/0 or ::/0. CloudTrail logs requestParameters.ipPermissions.items[].ipRanges.items[].cidrIp and .ipv6Ranges.items[].cidrIpv6 (CloudTrail records seen through the code search). The filter syntax addresses array elements by index only ('Array elements are denoted with [NUMBER] syntax'), no wildcard, and a pattern is at most 1024 characters (PutMetricFilter, not read here): the first two permissions and their first two ranges of each family are checked, which covers a rule added from the console, the CLI or a provider one rule at a time",
    ),
} as const;

/** Where the audit metric filters publish. Our own namespace: `AWS/` is reserved. */
export const AUDIT_METRIC_NAMESPACE = sourced(
    "GravityPM/Audit",
    "https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/cloudwatch/aws.sdk.kotlin.services.cloudwatch.model/-put-metric-data-request/namespace.html",
    undefined,
    "PutMetricData Namespace: 'you should not specify a namespace that begins with AWS/'. The value is the platform's choice",
);

/**
 * GuardDuty detector features (DetectorFeatureConfiguration names) and the Runtime Monitoring
 * agent-management switches (DetectorAdditionalConfiguration names) the platform sets.
 */
export const GUARDDUTY_FEATURES = sourced(
    {
        eksAuditLogs: "EKS_AUDIT_LOGS",
        runtimeMonitoring: "RUNTIME_MONITORING",
        ebsMalwareProtection: "EBS_MALWARE_PROTECTION",
        eksAddonManagement: "EKS_ADDON_MANAGEMENT",
        ec2AgentManagement: "EC2_AGENT_MANAGEMENT",
        ecsFargateAgentManagement: "ECS_FARGATE_AGENT_MANAGEMENT",
    } as const,
    "https://docs.aws.amazon.com/guardduty/latest/APIReference/API_DetectorFeatureConfiguration.html",
    undefined,
    "valid names S3_DATA_EVENTS | EKS_AUDIT_LOGS | EBS_MALWARE_PROTECTION | RDS_LOGIN_EVENTS | EKS_RUNTIME_MONITORING | LAMBDA_NETWORK_LOGS | RUNTIME_MONITORING; 'Specifying both EKS_RUNTIME_MONITORING and RUNTIME_MONITORING will cause an error ... Runtime Monitoring already includes the threat detection for Amazon EKS resources'. The additional-configuration names are the installed SDK's (@pulumi/aws 7.48 DetectorFeatureAdditionalConfiguration). With EKS_ADDON_MANAGEMENT GuardDuty installs the aws-guardduty-agent add-on and creates a guardduty-data VPC endpoint and a security group in each VPC with a cluster (how-runtime-monitoring-works-eks): they are not in the stack, and a VPC destroy fails on them until they are removed (hashicorp/terraform-provider-aws#46747)",
);

/** How soon GuardDuty republishes updates of an existing finding (new findings go out within minutes regardless). */
export const GUARDDUTY_FINDING_PUBLISHING_FREQUENCY = sourced(
    "FIFTEEN_MINUTES",
    "https://boto3.amazonaws.com/v1/documentation/api/latest/reference/services/guardduty/client/create_detector.html",
    undefined,
    "FindingPublishingFrequency: FIFTEEN_MINUTES | ONE_HOUR | SIX_HOURS (provider default SIX_HOURS, detector.d.ts). 'When you don't specify any features, with an exception to RUNTIME_MONITORING, all the optional features are enabled by default' on a new detector",
);

/**
 * A GuardDuty finding as EventBridge delivers it, and the lowest severity of the Medium band
 * the platform alerts on.
 */
export const GUARDDUTY_FINDING_EVENT = sourced(
    {
        source: "aws.guardduty",
        detailType: "GuardDuty Finding",
        minimumSeverity: 4,
        fields: {
            type: "$.detail.type",
            severity: "$.detail.severity",
            title: "$.detail.title",
            resourceType: "$.detail.resource.resourceType",
            instanceId: "$.detail.resource.instanceDetails.instanceId",
            eksCluster: "$.detail.resource.eksClusterDetails.name",
            accessKeyUser: "$.detail.resource.accessKeyDetails.userName",
            account: "$.detail.accountId",
            region: "$.detail.region",
        },
    } as const,
    "https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-guardduty.html",
    undefined,
    "source aws.guardduty, detail-type 'GuardDuty Finding', durable delivery. Severity is a number (Finding.severity, a double, in the GuardDuty API); the Medium band starting at 4.0 (Low 1.0-3.9, Medium 4.0-6.9, High 7.0-8.9) is from the findings page's severity section, whose table the search excerpt cut off: unverified beyond the heading. The detail field names follow the GuardDuty finding format (Finding API shape: type, severity, title, resource.resourceType, resource.instanceDetails, resource.eksClusterDetails, resource.accessKeyDetails), not read on the finding-format page itself; a path missing from a finding is left empty by the input transformer",
);

/** GuardDuty's list prices that the platform's features are billed on. */
export const GUARDDUTY_PRICING = sourced(
    { cloudTrailManagementEventsPerMillion: 4.0, currency: "USD" } as const,
    "https://www.factualminds.com/blog/amazon-guardduty-pricing-data-sources-multi-account.md",
    undefined,
    "third-party (2026-06): CloudTrail management events analysed at $4 per million, tiered down; VPC flow logs $1/GB tiered; EKS Runtime Monitoring per vCPU-hour; EKS audit logs per million events; EBS malware scans per GB scanned. aws.amazon.com/guardduty/pricing was not read: the per-unit figures other than the first are not recorded here",
);

/** Object Lock on the audit bucket in prod: the mode, and why. */
export const AUDIT_OBJECT_LOCK_MODE = sourced(
    "COMPLIANCE",
    "https://docs.amazonaws.cn/en%5Fus/AmazonS3/latest/userguide/object-lock-configure.md",
    undefined,
    "Object Lock needs versioning and, once on, cannot be turned off nor versioning suspended; COMPLIANCE retention cannot be shortened or bypassed by any user, root included, GOVERNANCE can be bypassed with s3:BypassGovernanceRetention (Object Lock overview, as remembered: not read here). Enabling it on an existing bucket is possible today (object-lock-configure 'Enable Object Lock on an existing S3 bucket'), but the platform turns it on at creation",
);

/** The retention periods a CloudWatch log group accepts; any other number is refused. */
export const CLOUDWATCH_LOG_RETENTION_DAYS = sourced(
    [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const,
    "https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/cloudwatchlogs/aws.sdk.kotlin.services.cloudwatchlogs.model/-log-group/retention-in-days.html",
    undefined,
    "'Possible values are: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, and 3653'",
);

/** The shortest retention CloudWatch Logs accepts that keeps logs at least `days` (the longest when none does). */
export function cloudWatchRetentionAtLeast(days: number): number {
    const allowed = CLOUDWATCH_LOG_RETENTION_DAYS.value;
    return allowed.find((d) => d >= days) ?? allowed[allowed.length - 1];
}

/* ---------------------------------------------------------------------------------------------
 * Amazon Cognito (the Identity component on AWS). Read 2026-12-08 through the search tool.
 * ------------------------------------------------------------------------------------------- */

const REVIEWED_2026_12_08 = "2026-12-08";
const COGNITO_THREAT_PROTECTION_PAGE = "https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-threat-protection.html";

/** The user pool feature plan (`userPoolTier`) that carries threat protection. */
export const COGNITO_THREAT_PROTECTION_TIER = sourced(
    "PLUS",
    COGNITO_THREAT_PROTECTION_PAGE,
    REVIEWED_2026_12_08,
    "'Threat protection is available in the Plus feature plan'; the CloudFormation UserPoolAddOns page: 'To activate this setting, your user pool must be on the Plus tier'. Tiers are LITE, ESSENTIALS (the API default), PLUS (userPool.d.ts). Essentials has TOTP MFA, managed login and refresh-token rotation but no threat protection",
);

/** `userPoolAddOns.advancedSecurityMode` for full-function threat protection (OFF | AUDIT | ENFORCED). */
export const COGNITO_THREAT_PROTECTION_MODE = sourced(
    "ENFORCED",
    "https://docs.amazonaws.cn/AWSCloudFormation/latest/UserGuide/aws-properties-cognito-userpool-userpooladdons.html",
    REVIEWED_2026_12_08,
    "'To log user security information but take no action, set to AUDIT. To configure automatic security responses to risky traffic to your user pool, set to ENFORCED.' Security Hub control Cognito.1 expects ENFORCED",
);

/**
 * Risk responses of threat protection in ENFORCED mode: the account-takeover actions per risk
 * level (BLOCK | MFA_IF_CONFIGURED | MFA_REQUIRED | NO_ACTION) and the compromised-credentials
 * action (BLOCK | NO_ACTION) with the events it applies to.
 */
export const COGNITO_RISK_ACTIONS = sourced(
    {
        accountTakeover: ["BLOCK", "MFA_IF_CONFIGURED", "MFA_REQUIRED", "NO_ACTION"],
        compromisedCredentials: ["BLOCK", "NO_ACTION"],
        compromisedCredentialsEvents: ["SIGN_IN", "PASSWORD_CHANGE", "SIGN_UP"],
    } as const,
    "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CompromisedCredentialsRiskConfigurationType.html",
    REVIEWED_2026_12_08,
    "CompromisedCredentialsActionsType EventAction: BLOCK | NO_ACTION; EventFilter: SIGN_IN | PASSWORD_CHANGE | SIGN_UP (all events when absent). The account-takeover values are from riskConfiguration.d.ts's example and the AccountTakeoverActionType API page (not read here)",
);

/** Cognito's built-in lockout, which no API changes. */
export const COGNITO_LOCKOUT = sourced(
    { failedAttempts: 5, firstLockoutSeconds: 1, maxLockoutMinutes: 15 } as const,
    "https://docs.aws.amazon.com/cognito/latest/developerguide/authentication.html#authentication-flow-lockout-behavior",
    REVIEWED_2026_12_08,
    "'After five failed ... sign-in attempts with a password, Amazon Cognito locks out your user for one second. The lockout duration then doubles after each additional one failed attempt, up to a maximum of approximately 15 minutes' (2^(n-5) s); reset by a successful sign-in after the lockout or 15 minutes without attempts; 'subject to change'. Read as quoted on repost.aws, which cites that section",
);

/**
 * Where a user pool's OpenID endpoints are. The issuer and its JWKS are always on the regional
 * cognito-idp host (a custom domain does not serve them); authorize and logout are on the pool's
 * domain, a prefix domain `<prefix>.auth.<region>.amazoncognito.com` or a custom one.
 */
export const COGNITO_ENDPOINTS = sourced(
    {
        issuerHost: "cognito-idp.{region}.amazonaws.com",
        jwksPath: "/.well-known/jwks.json",
        prefixDomainHost: "{prefix}.auth.{region}.amazoncognito.com",
        authorizePath: "/oauth2/authorize",
        tokenPath: "/oauth2/token",
        logoutPath: "/logout",
    } as const,
    "https://docs.aws.amazon.com/cognito/latest/developerguide/federation-endpoints.html",
    REVIEWED_2026_12_08,
    "prefix domain example mydomain.auth.us-east-1.amazoncognito.com; https://<domain>/oauth2/authorize, /oauth2/token, /logout; the issuer https://cognito-idp.{region}.amazonaws.com/{userPoolId} (API Gateway JwtConfiguration.issuer doc); 'The OIDC discovery endpoints ... /.well-known/jwks.json ... aren't hosted on your domain' (cognito-user-pools-assign-domain)",
);

export function cognitoIssuerUrl(region: string, userPoolId: string): string {
    return `https://${COGNITO_ENDPOINTS.value.issuerHost.replace("{region}", region)}/${userPoolId}`;
}

export function cognitoPrefixDomainHost(prefix: string, region: string): string {
    return COGNITO_ENDPOINTS.value.prefixDomainHost.replace("{prefix}", prefix).replace("{region}", region);
}

/** A prefix domain's rules: the API's pattern, and the words Cognito reserves. */
export const COGNITO_PREFIX_DOMAIN = sourced(
    { pattern: "^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", reservedWords: ["aws", "amazon", "cognito"] } as const,
    "https://docs.aws.amazon.com/ja_jp/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolDomain.html",
    REVIEWED_2026_12_08,
    "CreateUserPoolDomain Domain: 'For Amazon Cognito prefix domains, this is the prefix alone', length 1-63, pattern ^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$. The reserved words (a prefix may not contain aws, amazon or cognito) are as remembered from the prefix-domain guide, not read in this review",
);

/** Where a custom domain's certificate must be: Cognito serves it from a CloudFront distribution. */
export const COGNITO_CUSTOM_DOMAIN_CERTIFICATE_REGION = sourced(
    "us-east-1",
    "https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-add-custom-domain.html",
    REVIEWED_2026_12_08,
    "'Custom domains also require an SSL certificate ... managed with AWS Certificate Manager (ACM) in US East (N. Virginia). Amazon Cognito creates a CloudFront distribution'; the custom domain's parent 'must have a valid DNS A record' (Cognito resolves it before it accepts the domain); userPoolDomain.d.ts: 'an ISSUED ACM certificate in us-east-1'",
);

/**
 * Refresh-token rotation on an app client: the longest grace for the token it replaces, and the
 * auth flow it excludes (rotation is done by GetTokensFromRefreshToken or the token endpoint).
 */
export const COGNITO_REFRESH_TOKEN_ROTATION = sourced(
    { feature: "ENABLED", maxRetryGracePeriodSeconds: 60, excludedAuthFlow: "ALLOW_REFRESH_TOKEN_AUTH" } as const,
    "https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-refresh-token.html",
    REVIEWED_2026_12_08,
    "'You can't authenticate with REFRESH_TOKEN_AUTH in app clients with refresh token rotation enabled'; the token endpoint's refresh_token grant issues 'optionally (with refresh token rotation) refresh tokens'. RefreshTokenRotationType: Feature ENABLED | DISABLED, RetryGracePeriodSeconds 0-60. terraform-provider-aws issue #47196 shows clients with rotation carrying ALLOW_USER_SRP_AUTH without ALLOW_REFRESH_TOKEN_AUTH",
);

/**
 * API values the provider schema documents wrongly: @pulumi/aws's generated docs camel-case
 * backticked values (`verifiedEmail`, `clientCredentials`, `phoneNumber`), but the Cognito API
 * takes them as below and the provider passes them through.
 */
export const COGNITO_API_VALUES = sourced(
    { recoveryVerifiedEmail: "verified_email", usernameEmail: "email", clientCredentialsFlow: "client_credentials", cognitoProvider: "COGNITO" } as const,
    "https://github.com/hashicorp/terraform-provider-aws/blob/main/website/docs/r/cognito_user_pool_client.html.markdown",
    REVIEWED_2026_12_08,
    "the Terraform doc lists allowed_oauth_flows (code, implicit, client_credentials); RecoveryOptionType Name is verified_email | verified_phone_number | admin_only and UsernameAttributes phone_number | email in the Cognito API reference (not read in this review)",
);

/**
 * Threat protection's CloudWatch metrics: requests where Cognito found compromised credentials
 * or an account-takeover risk, published per operation (SignIn, SignUp, PasswordChange), risk
 * level and user pool, only while threat protection is on (AUDIT or ENFORCED).
 */
export const COGNITO_THREAT_METRICS = {
    compromisedCredentials: sourced<AwsMetric>(
        { namespace: "AWS/Cognito", metricName: "CompromisedCredentialRisk", dimensions: ["Operation", "RiskLevel", "UserPoolId"], unit: "Count" },
        "https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-viewing-advanced-security-metrics.html",
        REVIEWED_2026_12_08,
        "'Requests where Amazon Cognito detected compromised credentials'; Operation: PasswordChange, SignIn or SignUp; RiskLevel: high (default), medium, or low. The CloudWatch supported-metrics list names the same three dimensions",
    ),
    accountTakeover: sourced<AwsMetric>(
        { namespace: "AWS/Cognito", metricName: "AccountTakeoverRisk", dimensions: ["Operation", "RiskLevel", "UserPoolId"], unit: "Count" },
        "https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-viewing-advanced-security-metrics.html",
        REVIEWED_2026_12_08,
        "'Requests where Amazon Cognito detected account take-over risk'; RiskLevel: high, medium, or low, written in lower case on that page; the casing of the published dimension value was not checked on a live pool",
    ),
} as const;

/** The risk level whose account-takeover requests page (the dimension value, as the metrics page writes it). */
export const COGNITO_HIGH_RISK_LEVEL = sourced(
    "high",
    "https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-viewing-advanced-security-metrics.html",
    REVIEWED_2026_12_08,
    "lower case on the AWS page; one third-party CDK sample names constants High/Medium/Low but alarms on 'high'. Unverified on a live pool",
);

/** An alarm on a Metrics Insights query: one aggregated series, the query in `expression` with its own period. */
export const CLOUDWATCH_METRICS_INSIGHTS_ALARM = sourced(
    { maxQueryHours: 3 } as const,
    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Create_Metrics_Insights_Alarm.html",
    REVIEWED_2026_12_08,
    "'You can create an alarm on any Metrics Insights query'; aggregate form SELECT FUNCTION(metricName) FROM SCHEMA(...) WHERE condition; CloudFormation puts the query in Metrics[].Expression with Period (repost.aws answer). Identifiers are case sensitive; Metrics Insights covers the most recent three hours (as remembered, not read here)",
);

/** What Cognito's own email sender allows, which is all a pool without SES has. */
export const COGNITO_DEFAULT_EMAIL = sourced(
    { sendingAccount: "COGNITO_DEFAULT" } as const,
    "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_EmailConfigurationType.html",
    REVIEWED_2026_12_08,
    "'When you use the default option, Amazon Cognito allows only a limited number of emails each day for your user pool. For typical production environments, the default email limit is below the required delivery volume' (the limit itself, 50 a day as remembered, is on the Cognito quotas page, not read)",
);

/* ---------------------------------------------------------------------------------------------
 * Observability on AWS (issue 16): Container Insights through the CloudWatch Observability EKS
 * add-on, CloudWatch Logs data protection, Amazon Managed Service for Prometheus, Route 53
 * health checks and the dashboard's metrics. Read 2026-12-08 through the search tool unless
 * marked unverified.
 * ------------------------------------------------------------------------------------------- */

const REVIEWED_2026_12_08_OBSERVABILITY = "2026-12-08";
const CLOUDWATCH_OBSERVABILITY_ADDON_PAGE = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Container-Insights-setup-EKS-addon.html";
const CONTAINER_INSIGHTS_EKS_METRICS = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/container-insights-eks-classic-metrics.html";

/**
 * The EKS add-on that runs the CloudWatch agent (Container Insights metrics) and Fluent Bit
 * (container logs) on every node. Its agent runs as this service account; Pod Identity gives it
 * the agent's role from add-on version 3.1.0 on.
 */
export const CLOUDWATCH_OBSERVABILITY_ADDON = sourced(
    { name: "amazon-cloudwatch-observability", namespace: "amazon-cloudwatch", serviceAccount: "cloudwatch-agent" } as const,
    CLOUDWATCH_OBSERVABILITY_ADDON_PAGE,
    REVIEWED_2026_12_08_OBSERVABILITY,
    "'If you use version 3.1.0 or later of the add-on, you can use EKS Pod Identity'; create-addon --pod-identity-associations serviceAccount=cloudwatch-agent, which covers Fluent Bit too (the add-on's chart runs its DaemonSet under the agent's service account, as remembered: not read here). The namespace is the one eksctl's IRSA example names (EKS user guide, amazon-cloudwatch-observability). No version is pinned: EKS installs the add-on's default version for the cluster's minor, and every version offered for 1.34+ is past 3.1.0 (not read per minor: `aws eks describe-addon-versions --addon-name amazon-cloudwatch-observability`)",
);

/** The managed policy the CloudWatch agent and Fluent Bit need to write metrics and logs. */
export const CLOUDWATCH_AGENT_SERVER_POLICY = sourced("arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy", CLOUDWATCH_OBSERVABILITY_ADDON_PAGE, REVIEWED_2026_12_08_OBSERVABILITY);

/**
 * The log groups Container Insights writes, under `/aws/containerinsights/<cluster>/`: Fluent Bit
 * sends container logs to `application`, node system logs to `host`, kubelet and container
 * runtime logs to `dataplane`; the agent's performance events (the embedded-metric-format logs
 * the metrics are made from) go to `performance`. Created beforehand, they keep our key and
 * retention instead of the never-expiring unencrypted groups the agents would create.
 */
export const CONTAINER_INSIGHTS_LOG_GROUPS = sourced(
    ["application", "host", "dataplane", "performance"] as const,
    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Container-Insights-setup-logs-FluentBit.html",
    REVIEWED_2026_12_08_OBSERVABILITY,
    "Fluent Bit's three groups as the Container Insights Fluent Bit page names them; `performance` from the Container Insights performance-log reference. On Amazon Linux 2023 nodes the add-on ships no host and dataplane logs by default (quick-start note): those groups may stay empty",
);
export type ContainerInsightsLogGroup = (typeof CONTAINER_INSIGHTS_LOG_GROUPS.value)[number];

export function containerInsightsLogGroupName(clusterName: string, kind: ContainerInsightsLogGroup): string {
    return `/aws/containerinsights/${clusterName}/${kind}`;
}

/** Container Insights metrics (namespace ContainerInsights) the alarms and the dashboard read. */
export const CONTAINER_INSIGHTS_METRICS = {
    failedNodes: sourced<AwsMetric>(
        { namespace: "ContainerInsights", metricName: "cluster_failed_node_count", dimensions: ["ClusterName"], unit: "Count" },
        CONTAINER_INSIGHTS_EKS_METRICS,
        REVIEWED_2026_12_08_OBSERVABILITY,
        "'A node is considered failed if it is suffering from any node conditions' (MemoryPressure, DiskPressure, PIDPressure, NotReady)",
    ),
    nodeCount: sourced<AwsMetric>({ namespace: "ContainerInsights", metricName: "cluster_node_count", dimensions: ["ClusterName"], unit: "Count" }, CONTAINER_INSIGHTS_EKS_METRICS, REVIEWED_2026_12_08_OBSERVABILITY),
    nodeCpu: sourced<AwsMetric>(
        { namespace: "ContainerInsights", metricName: "node_cpu_utilization", dimensions: ["ClusterName"], unit: "Percent" },
        CONTAINER_INSIGHTS_EKS_METRICS,
        REVIEWED_2026_12_08_OBSERVABILITY,
        "published per node (ClusterName, InstanceId, NodeName) and for the cluster (ClusterName): Maximum over the cluster series is the busiest node",
    ),
    nodeMemory: sourced<AwsMetric>(
        { namespace: "ContainerInsights", metricName: "node_memory_utilization", dimensions: ["ClusterName"], unit: "Percent" },
        CONTAINER_INSIGHTS_EKS_METRICS,
        REVIEWED_2026_12_08_OBSERVABILITY,
        "as node_cpu_utilization",
    ),
    podRestarts: sourced<AwsMetric>(
        { namespace: "ContainerInsights", metricName: "pod_number_of_container_restarts", dimensions: ["ClusterName", "Namespace", "PodName"], unit: "Count" },
        CONTAINER_INSIGHTS_EKS_METRICS,
        REVIEWED_2026_12_08_OBSERVABILITY,
        "published per pod only, so the cluster alarm sums it with a Metrics Insights query. The agent reports the restarts since its previous sample (amazon-cloudwatch-agent's pod store, as remembered: not read here), so a sum per period counts new restarts",
    ),
    podCpu: sourced<AwsMetric>({ namespace: "ContainerInsights", metricName: "pod_cpu_utilization", dimensions: ["ClusterName", "Namespace"], unit: "Percent" }, CONTAINER_INSIGHTS_EKS_METRICS, REVIEWED_2026_12_08_OBSERVABILITY),
    podMemory: sourced<AwsMetric>({ namespace: "ContainerInsights", metricName: "pod_memory_utilization", dimensions: ["ClusterName", "Namespace"], unit: "Percent" }, CONTAINER_INSIGHTS_EKS_METRICS, REVIEWED_2026_12_08_OBSERVABILITY),
    runningPods: sourced<AwsMetric>(
        { namespace: "ContainerInsights", metricName: "namespace_number_of_running_pods", dimensions: ["ClusterName", "Namespace"], unit: "Count" },
        CONTAINER_INSIGHTS_EKS_METRICS,
        REVIEWED_2026_12_08_OBSERVABILITY,
    ),
} as const;

/** The data protection policy language CloudWatch Logs reads, and where managed identifiers live. */
export const LOG_DATA_PROTECTION = sourced(
    { version: "2021-06-01", managedIdentifierArnPrefix: "arn:aws:dataprotection::aws:data-identifier/", maxCustomIdentifiers: 10, maxRegexLength: 200 } as const,
    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch-logs-data-protection-policies.html",
    REVIEWED_2026_12_08_OBSERVABILITY,
    "one policy per log group, one audit statement; custom identifiers (CWL-custom-data-identifiers): at most 10 per policy, regex at most 200 characters of a-zA-Z0-9 _ # = @ / ; , - space and ^ $ ? [ ] { } | \\ * + . (no parentheses, colons or quotes). A log-group policy is used rather than the account policy: staging and prod may share an account and each stack owns only its own groups",
);

/** A regular expression CloudWatch Logs masks where no managed identifier exists. */
export interface CustomLogDataIdentifier {
    readonly name: string;
    readonly regex: string;
}

/** What masks each kind of sensitive data: managed identifier ids and custom identifiers. */
export interface LogMaskingIdentifiers {
    readonly managed: readonly string[];
    readonly custom: readonly CustomLogDataIdentifier[];
}

const CWL_MANAGED_IDENTIFIERS = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL-managed-data-identifiers.html";
const CWL_CUSTOM_IDENTIFIERS = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL-custom-data-identifiers.html";

/**
 * The identifiers per MASKED_DATA kind. CloudWatch Logs has managed identifiers for e-mail
 * addresses, AWS secret keys, private keys and card numbers, none for bearer tokens or
 * passwords: those are custom regular expressions within the characters custom identifiers allow.
 */
export const LOG_MASKING_IDENTIFIERS = {
    "email-address": sourced<LogMaskingIdentifiers>({ managed: ["EmailAddress"], custom: [] }, CWL_MANAGED_IDENTIFIERS, REVIEWED_2026_12_08_OBSERVABILITY, "language- and region-independent identifier"),
    "bearer-token": sourced<LogMaskingIdentifiers>(
        {
            managed: ["AwsSecretKey"],
            custom: [
                { name: "BearerToken", regex: "[Bb]earer [A-Za-z0-9_=/+.-]{16,}" },
                { name: "JsonWebToken", regex: "eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}" },
            ],
        },
        CWL_CUSTOM_IDENTIFIERS,
        REVIEWED_2026_12_08_OBSERVABILITY,
        "AwsSecretKey is managed (it needs a keyword such as 'secret key' within 30 characters); no managed identifier covers OAuth bearer tokens or JWTs (the managed list: Address, AwsSecretKey, CreditCard*, EmailAddress, IpAddress, LatLong, Name, *PrivateKey, VIN and the country-specific ones). A JWT's header is base64url JSON starting '{\"', which encodes to eyJ",
    ),
    password: sourced<LogMaskingIdentifiers>(
        {
            managed: ["PkcsPrivateKey", "OpenSshPrivateKey"],
            custom: [
                // No colon or quote is allowed in a custom identifier: `.{1,4}` spans `":"`, `=` or `: `.
                { name: "PasswordField", regex: "[Pp][Aa][Ss][Ss][Ww][Oo][Rr][Dd].{1,4}[^ ,;]{4,}" },
                // The credential of a mongodb:// or rediss:// URL, between `//` and `@`.
                { name: "UriCredential", regex: "//[^/ @]{1,128}@" },
            ],
        },
        CWL_CUSTOM_IDENTIFIERS,
        REVIEWED_2026_12_08_OBSERVABILITY,
        "no managed identifier for passwords; private keys are the managed credentials closest to them. The regexes are the platform's: the field form catches password=..., \"password\":\"...\" and PASSWORD: ...; the URI form the connection strings the app is given",
    ),
    "credit-card-number": sourced<LogMaskingIdentifiers>(
        { managed: ["CreditCardNumber", "CreditCardSecurityCode", "CreditCardExpiration"], custom: [] },
        CWL_MANAGED_IDENTIFIERS,
        REVIEWED_2026_12_08_OBSERVABILITY,
        "language- and region-independent; the card identifiers need a keyword (card number, cvv, expiry, ...) near the number",
    ),
} as const;

const ROUTE53_HEALTH_CHECK_API = "https://docs.aws.amazon.com/Route53/latest/APIReference/API_HealthCheckConfig.html";

/**
 * Route 53 health checks: the regions checkers can be picked from (at least three), the two
 * request intervals the service offers, and where their metrics are published.
 */
export const ROUTE53_HEALTH_CHECKS = sourced(
    {
        regions: ["us-east-1", "us-west-1", "us-west-2", "eu-west-1", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "sa-east-1"] as const,
        minRegions: 3,
        requestIntervalsSeconds: [10, 30] as const,
        metricsRegion: "us-east-1",
    } as const,
    ROUTE53_HEALTH_CHECK_API,
    REVIEWED_2026_12_08_OBSERVABILITY,
    "HealthCheckConfig.Regions: 'you must specify at least three regions' from the HealthCheckRegion values; RequestInterval is 10 or 30 (fast checks cost more and cannot be changed after creation). Health-check metrics are in the AWS/Route53 namespace in US East (N. Virginia) only, whatever the checked endpoint's region (Route 53 monitoring-health-checks page, as remembered: not read here)",
);

const ROUTE53_METRICS_SOURCE = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/appinsights-metrics-health-check.html";

/** Route 53 health-check metrics, all with the HealthCheckId dimension, in us-east-1. */
export const ROUTE53_METRICS = {
    status: sourced<AwsMetric>(
        { namespace: "AWS/Route53", metricName: "HealthCheckStatus", dimensions: ["HealthCheckId"], unit: "Count" },
        ROUTE53_METRICS_SOURCE,
        REVIEWED_2026_12_08_OBSERVABILITY,
        "1 healthy, 0 unhealthy; aws-cdk-lib's Route53Metrics reads it with Minimum",
    ),
    percentHealthy: sourced<AwsMetric>(
        { namespace: "AWS/Route53", metricName: "HealthCheckPercentageHealthy", dimensions: ["HealthCheckId"], unit: "Percent" },
        ROUTE53_METRICS_SOURCE,
        REVIEWED_2026_12_08_OBSERVABILITY,
        "the share of checkers that see the endpoint healthy",
    ),
    timeToFirstByte: sourced<AwsMetric>(
        { namespace: "AWS/Route53", metricName: "TimeToFirstByte", dimensions: ["HealthCheckId"], unit: "Milliseconds" },
        ROUTE53_METRICS_SOURCE,
        REVIEWED_2026_12_08_OBSERVABILITY,
        "published only when the check measures latency (MeasureLatency, fixed at creation). A p95 over it is the probes' latency, not every user's; that percentiles are available on it was not read on a page (unverified)",
    ),
} as const;

/** The DocumentDB metrics the dashboard charts, for the whole cluster (DBClusterIdentifier). */
export const DOCDB_CLUSTER_DASHBOARD_METRICS = sourced(
    ["CPUUtilization", "DatabaseConnections", "ReadLatency", "WriteLatency"] as const,
    DOCDB_METRICS,
    REVIEWED_2026_12_08_OBSERVABILITY,
    "DocumentDB publishes instance metrics under DBInstanceIdentifier and aggregates them under DBClusterIdentifier (and DBClusterIdentifier, Role); latencies are in milliseconds",
);

/**
 * The ElastiCache metrics the dashboard charts. They exist per node only (CacheClusterId), and a
 * replication group's nodes are `<group>-001`, `-002`, … (cluster mode: `<group>-0001-001`), which
 * the Cache contract does not list: the dashboard finds them with a SEARCH on the group id.
 */
export const ELASTICACHE_DASHBOARD_METRICS = sourced(
    ["EngineCPUUtilization", "DatabaseMemoryUsagePercentage", "CurrConnections", "CacheHitRate"] as const,
    ELASTICACHE_METRICS,
    REVIEWED_2026_12_08_OBSERVABILITY,
    `${ELASTICACHE_NODE_LEVEL}; member ids as the replication-group pages name them (<group>-001; <group>-0001-001 with shards). SEARCH matches the id's hyphen-separated tokens as a quoted phrase (CloudWatch search-expression syntax, as remembered)`,
);

/**
 * How an alarm outside the alerts topic's region still reaches it: CloudWatch sends every alarm
 * state change to EventBridge in the alarm's region, an EventBridge rule there forwards it to the
 * default bus of the topic's region (cross-region bus targets need a role with events:PutEvents),
 * and a rule there publishes to the topic.
 */
export const CLOUDWATCH_ALARM_STATE_CHANGE_EVENT = sourced(
    { source: "aws.cloudwatch", detailType: "CloudWatch Alarm State Change" } as const,
    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-and-eventbridge.html",
    REVIEWED_2026_12_08_OBSERVABILITY,
    "alarm actions may only name a topic in the alarm's own region; the event carries resources: [alarm ARN]. Cross-region event-bus targets as the EventBridge cross-region page describes them (not read here)",
);

/** Amazon Managed Service for Prometheus: where the clusters' Prometheus metrics and the app's are written. */
export const AMP_REMOTE_WRITE_PATH = sourced(
    "api/v1/remote_write",
    "https://docs.aws.amazon.com/prometheus/latest/userguide/AMP-onboard-ingest-metrics-remote-write.html",
    REVIEWED_2026_12_08_OBSERVABILITY,
    "appended to the workspace's prometheusEndpoint (which ends in a slash); writers sign with SigV4 and need aps:RemoteWrite",
);

/** The managed service a component's resources come from, for the "main service" column. */
const SERVICES: ReadonlyArray<readonly [prefix: string, label: string]> = [
    ["aws:docdb/", "Amazon DocumentDB"],
    ["mongodbatlas:index/advancedCluster", "MongoDB Atlas"],
    ["azure-native:mongocluster:", "Cosmos DB for MongoDB vCore"],
    ["aws:elasticache/", "Amazon ElastiCache"],
    ["gcp:redis/cluster", "Memorystore for Redis Cluster"],
    ["gcp:redis/", "Memorystore for Redis"],
    ["azure-native:redisenterprise:", "Azure Managed Redis"],
    ["azure-native:redis:", "Azure Cache for Redis"],
    // Before EKS: Observability installs an EKS add-on, but its service is the metrics store.
    ["aws:amp/", "CloudWatch + Managed Prometheus"],
    ["aws:eks/", "Amazon EKS"],
    ["gcp:container/", "GKE"],
    ["azure-native:containerservice:", "AKS"],
    ["cloudflare:", "Cloudflare"],
    ["aws:cloudfront/", "CloudFront + WAF"],
    ["azure-native:cdn:", "Azure Front Door"],
    ["gcp:compute/backend", "Cloud Load Balancing + CDN"],
    ["aws:backup/", "AWS Backup"],
    ["gcp:backupdisasterrecovery/", "Backup and DR"],
    ["azure-native:dataprotection:", "Azure Backup"],
    ["aws:ec2/vpc:", "Amazon VPC"],
    ["gcp:compute/network:", "VPC network"],
    ["azure-native:network:VirtualNetwork", "Virtual Network"],
    ["aws:cognito/", "Amazon Cognito"],
    ["gcp:identityplatform/", "Identity Platform"],
    ["azure-native:azureactivedirectory:", "Entra External ID"],
    ["auth0:", "Auth0"],
    ["sentry:", "Sentry"],
    ["aws:cloudtrail/", "AWS CloudTrail"],
    // Before the log bucket: Observability keeps one too, but uptime checks and SLOs are what it is.
    ["gcp:monitoring/uptimeCheckConfig", "Cloud Monitoring + Logging"],
    ["gcp:logging/projectBucketConfig", "Cloud Logging"],
    ["azure-native:security:", "Defender for Cloud + Azure Monitor"],
    ["aws:kms/", "AWS KMS"],
    ["gcp:kms/", "Cloud KMS"],
    ["azure-native:keyvault:", "Key Vault"],
    ["aws:sns/", "Amazon SNS"],
    ["gcp:monitoring/", "Cloud Monitoring"],
    ["azure-native:monitor:", "Azure Monitor"],
    ["gcp:projects/service:", "Service Usage (API enablement)"],
    ["azure-native:resources:ResourceGroup", "Resource Manager"],
    // Last: the cluster component installs Kubernetes objects too, and is named by its cluster.
    ["kubernetes:", "Kubernetes workloads"],
];

export function mainService(types: readonly string[]): string {
    for (const [prefix, label] of SERVICES) if (types.some((t) => t.startsWith(prefix))) return label;
    return "—";
}

/** Every rule of the pack, grouped by area (the order the runner reports them in). */
import type { GuardPolicy } from "../lib/rule";
import { azureActivityLogAlertActions } from "./alarms/azure-activity-log-alert-actions";
import { azureLogAlertActions } from "./alarms/azure-log-alert-actions";
import { azureMetricAlertActions } from "./alarms/azure-metric-alert-actions";
import { azurePrometheusRuleGroupActions } from "./alarms/azure-prometheus-rule-group-actions";
import { cloudwatchAlarmActions } from "./alarms/cloudwatch-alarm-actions";
import { gcpAlertPolicyChannels } from "./alarms/gcp-alert-policy-channels";
import { auditBucketObjectLockProd } from "./audit/audit-bucket-object-lock-prod";
import { azureActivityLogExported } from "./audit/azure-activity-log-exported";
import { azureDefenderPlansStandard } from "./audit/azure-defender-plans-standard";
import { azureDiagnosticSettings } from "./audit/azure-diagnostic-settings";
import { azureLogAnalyticsRetention } from "./audit/azure-log-analytics-retention";
import { cloudtrailMultiRegion } from "./audit/cloudtrail-multi-region";
import { cloudtrailTrailCloudWatch } from "./audit/cloudtrail-trail-cloudwatch";
import { cloudtrailTrailEncrypted } from "./audit/cloudtrail-trail-encrypted";
import { cloudtrailTrailIntegrity } from "./audit/cloudtrail-trail-integrity";
import { gcpAuditConfigDataAccess } from "./audit/gcp-audit-config-data-access";
import { gcpAuditSinkPresent } from "./audit/gcp-audit-sink-present";
import { gcpLogBucketCmek } from "./audit/gcp-log-bucket-cmek";
import { gcpLogBucketLockedProd } from "./audit/gcp-log-bucket-locked-prod";
import { gcpLogBucketRetention } from "./audit/gcp-log-bucket-retention";
import { guarddutyDetectorFeatures } from "./audit/guardduty-detector-features";
import { logGroupEncrypted } from "./audit/log-group-encrypted";
import { logGroupRetention } from "./audit/log-group-retention";
import { s3BucketEncryptedCmk } from "./audit/s3-bucket-encrypted-cmk";
import { s3BucketPublicAccessBlocked } from "./audit/s3-bucket-public-access-blocked";
import { awsBackupPlanDrCopy } from "./backup/aws-backup-plan-dr-copy";
import { awsBackupPlanRetention } from "./backup/aws-backup-plan-retention";
import { awsBackupVaultCmk } from "./backup/aws-backup-vault-cmk";
import { awsBackupVaultLockRetention } from "./backup/aws-backup-vault-lock-retention";
import { azureBackupPolicyRetention } from "./backup/azure-backup-policy-retention";
import { azureBackupVaultGeoRedundant } from "./backup/azure-backup-vault-geo-redundant";
import { azureBackupVaultImmutability } from "./backup/azure-backup-vault-immutability";
import { gcpBackupPlanRetention } from "./backup/gcp-backup-plan-retention";
import { gcpBackupVaultRetention } from "./backup/gcp-backup-vault-retention";
import { azureRedisPersistence } from "./cache/azure-redis-persistence";
import { azureRedisPrivate } from "./cache/azure-redis-private";
import { azureRedisTls } from "./cache/azure-redis-tls";
import { elasticacheAuth } from "./cache/elasticache-auth";
import { elasticacheEncryptedAtRest } from "./cache/elasticache-encrypted-at-rest";
import { elasticacheEncryptedInTransit } from "./cache/elasticache-encrypted-in-transit";
import { elasticacheMultiAz } from "./cache/elasticache-multi-az";
import { elasticacheSnapshotRetention } from "./cache/elasticache-snapshot-retention";
import { gcpRedisClusterBackup } from "./cache/gcp-redis-cluster-backup";
import { gcpRedisClusterEncryption } from "./cache/gcp-redis-cluster-encryption";
import { gcpRedisClusterIamAuth } from "./cache/gcp-redis-cluster-iam-auth";
import { memorystoreRedisAuthTls } from "./cache/memorystore-redis-auth-tls";
import { memorystoreRedisCmek } from "./cache/memorystore-redis-cmek";
import { memorystoreRedisHighAvailability } from "./cache/memorystore-redis-high-availability";
import { memorystoreRedisPersistence } from "./cache/memorystore-redis-persistence";
import { memorystoreRedisPrivateServiceAccess } from "./cache/memorystore-redis-private-service-access";
import { redisEnterprisePersistence } from "./cache/redis-enterprise-persistence";
import { redisEnterpriseTls } from "./cache/redis-enterprise-tls";
import { atlasAuditingEnabled } from "./database/atlas-auditing-enabled";
import { atlasBackupScheduleDrCopy } from "./database/atlas-backup-schedule-dr-copy";
import { atlasBackupScheduleRetention } from "./database/atlas-backup-schedule-retention";
import { atlasClusterBackup } from "./database/atlas-cluster-backup";
import { atlasClusterEncryptionAtRest } from "./database/atlas-cluster-encryption-at-rest";
import { atlasClusterTerminationProtection } from "./database/atlas-cluster-termination-protection";
import { atlasClusterTls } from "./database/atlas-cluster-tls";
import { atlasIpAccessListNotOpen } from "./database/atlas-ip-access-list-not-open";
import { cosmosdbAccountContinuousBackup } from "./database/cosmosdb-account-continuous-backup";
import { cosmosdbAccountEncryption } from "./database/cosmosdb-account-encryption";
import { cosmosdbAccountLocalAuthDisabled } from "./database/cosmosdb-account-local-auth-disabled";
import { cosmosdbAccountPrivate } from "./database/cosmosdb-account-private";
import { docdbClusterBackupRetention } from "./database/docdb-cluster-backup-retention";
import { docdbClusterDeletionProtection } from "./database/docdb-cluster-deletion-protection";
import { docdbClusterEncrypted } from "./database/docdb-cluster-encrypted";
import { docdbClusterLogExports } from "./database/docdb-cluster-log-exports";
import { docdbElasticClusterEncryptedBackedUp } from "./database/docdb-elastic-cluster-encrypted-backed-up";
import { docdbGlobalClusterEncrypted } from "./database/docdb-global-cluster-encrypted";
import { docdbParameterGroupAuditLogs } from "./database/docdb-parameter-group-audit-logs";
import { docdbParameterGroupTls } from "./database/docdb-parameter-group-tls";
import { firestoreDatabaseCmek } from "./database/firestore-database-cmek";
import { firestoreDatabaseDeleteProtection } from "./database/firestore-database-delete-protection";
import { firestoreDatabasePitr } from "./database/firestore-database-pitr";
import { mongoClusterHighAvailability } from "./database/mongo-cluster-high-availability";
import { mongoClusterPrivate } from "./database/mongo-cluster-private";
import { afdCustomDomainTls } from "./edge/afd-custom-domain-tls";
import { afdRouteHttps } from "./edge/afd-route-https";
import { afdSecurityPolicyWaf } from "./edge/afd-security-policy-waf";
import { cloudflareAuthenticatedOriginPulls } from "./edge/cloudflare-authenticated-origin-pulls";
import { cloudflareDnsProxied } from "./edge/cloudflare-dns-proxied";
import { cloudflareManagedWaf } from "./edge/cloudflare-managed-waf";
import { cloudflareZoneSettingTls } from "./edge/cloudflare-zone-setting-tls";
import { cloudflareZoneTlsBaseline } from "./edge/cloudflare-zone-tls-baseline";
import { cloudfrontOriginHttps } from "./edge/cloudfront-origin-https";
import { cloudfrontViewerHttps } from "./edge/cloudfront-viewer-https";
import { cloudfrontWafLogging } from "./edge/cloudfront-waf-logging";
import { frontdoorWafPrevention } from "./edge/frontdoor-waf-prevention";
import { gcpBackendServiceArmorLogging } from "./edge/gcp-backend-service-armor-logging";
import { gcpBackendServiceHttps } from "./edge/gcp-backend-service-https";
import { gcpHttpsProxySslPolicy } from "./edge/gcp-https-proxy-ssl-policy";
import { gcpSecurityPolicyWaf } from "./edge/gcp-security-policy-waf";
import { wafv2Logging } from "./edge/wafv2-logging";
import { wafv2ManagedRules } from "./edge/wafv2-managed-rules";
import { auth0AttackProtectionBreachedPasswords } from "./identity/auth0-attack-protection-breached-passwords";
import { auth0AttackProtectionBruteForce } from "./identity/auth0-attack-protection-brute-force";
import { auth0ClientNoImplicitGrant } from "./identity/auth0-client-no-implicit-grant";
import { auth0ConnectionBruteForceProtection } from "./identity/auth0-connection-brute-force-protection";
import { auth0ConnectionPasswordLength } from "./identity/auth0-connection-password-length";
import { auth0GuardianMfaProd } from "./identity/auth0-guardian-mfa-prod";
import { cognitoUserPoolClientNoImplicitGrant } from "./identity/cognito-user-pool-client-no-implicit-grant";
import { cognitoUserPoolClientTokenValidity } from "./identity/cognito-user-pool-client-token-validity";
import { cognitoUserPoolClientUserExistenceErrors } from "./identity/cognito-user-pool-client-user-existence-errors";
import { cognitoUserPoolMfaProd } from "./identity/cognito-user-pool-mfa-prod";
import { cognitoUserPoolPasswordLength } from "./identity/cognito-user-pool-password-length";
import { cognitoUserPoolThreatProtectionProd } from "./identity/cognito-user-pool-threat-protection-prod";
import { entraApplicationNoImplicitGrant } from "./identity/entra-application-no-implicit-grant";
import { entraApplicationRedirectUris } from "./identity/entra-application-redirect-uris";
import { identityPlatformAuthorizedDomainsProd } from "./identity/identity-platform-authorized-domains-prod";
import { identityPlatformMfaProd } from "./identity/identity-platform-mfa-prod";
import { identityPlatformNoAnonymousProd } from "./identity/identity-platform-no-anonymous-prod";
import { awsKmsKeyNoWildcardPrincipal } from "./keys/aws-kms-key-no-wildcard-principal";
import { awsKmsKeyRotation } from "./keys/aws-kms-key-rotation";
import { azureKeyRotation } from "./keys/azure-key-rotation";
import { azureKeyVaultPrivate } from "./keys/azure-key-vault-private";
import { azureKeyVaultPurgeProtection } from "./keys/azure-key-vault-purge-protection";
import { gcpKmsKeyRotation } from "./keys/gcp-kms-key-rotation";
import { aksApiServerAccess } from "./kubernetes/aks-api-server-access";
import { aksMonitoring } from "./kubernetes/aks-monitoring";
import { aksNetworkPolicy } from "./kubernetes/aks-network-policy";
import { aksNoNodePublicIp } from "./kubernetes/aks-no-node-public-ip";
import { aksNodeEncryption } from "./kubernetes/aks-node-encryption";
import { aksRbacNoLocalAccounts } from "./kubernetes/aks-rbac-no-local-accounts";
import { eksControlPlaneLogging } from "./kubernetes/eks-control-plane-logging";
import { eksEndpointPrivate } from "./kubernetes/eks-endpoint-private";
import { eksNodeGroupNoRemoteAccess } from "./kubernetes/eks-node-group-no-remote-access";
import { eksSecretsEncryption } from "./kubernetes/eks-secrets-encryption";
import { eksSupportedVersion } from "./kubernetes/eks-supported-version";
import { gkeLegacyAuthDisabled } from "./kubernetes/gke-legacy-auth-disabled";
import { gkeLoggingMonitoringShieldedNodes } from "./kubernetes/gke-logging-monitoring-shielded-nodes";
import { gkeNetworkPolicy } from "./kubernetes/gke-network-policy";
import { gkeNodePoolAutoRepairUpgrade } from "./kubernetes/gke-node-pool-auto-repair-upgrade";
import { gkePrivateCluster } from "./kubernetes/gke-private-cluster";
import { gkeSecretsEncryption } from "./kubernetes/gke-secrets-encryption";
import { awsDefaultSecurityGroupClosed } from "./network/aws-default-security-group-closed";
import { awsListenerHttps } from "./network/aws-listener-https";
import { awsListenerTlsPolicy } from "./network/aws-listener-tls-policy";
import { awsLoadBalancerAccessLogs } from "./network/aws-load-balancer-access-logs";
import { awsLoadBalancerDropInvalidHeaders } from "./network/aws-load-balancer-drop-invalid-headers";
import { awsSecurityGroupNoPublicIngress } from "./network/aws-security-group-no-public-ingress";
import { awsSecurityGroupRuleDescriptions } from "./network/aws-security-group-rule-descriptions";
import { awsSubnetNoPublicIp } from "./network/aws-subnet-no-public-ip";
import { awsVpcFlowLogs } from "./network/aws-vpc-flow-logs";
import { azureFlowLogRetention } from "./network/azure-flow-log-retention";
import { azureNsgNoPublicIngress } from "./network/azure-nsg-no-public-ingress";
import { azureSubnetHasNsg } from "./network/azure-subnet-has-nsg";
import { gcpFirewallNoPublicIngress } from "./network/gcp-firewall-no-public-ingress";
import { gcpSslPolicyTls12 } from "./network/gcp-ssl-policy-tls12";
import { gcpSubnetworkFlowLogs } from "./network/gcp-subnetwork-flow-logs";
import { gcpSubnetworkPrivateGoogleAccess } from "./network/gcp-subnetwork-private-google-access";
import { acrAdminUserDisabled } from "./registry/acr-admin-user-disabled";
import { acrCmk } from "./registry/acr-cmk";
import { acrPremiumSku } from "./registry/acr-premium-sku";
import { acrPrivate } from "./registry/acr-private";
import { artifactRegistryCmek } from "./registry/artifact-registry-cmek";
import { artifactRegistryImmutableTags } from "./registry/artifact-registry-immutable-tags";
import { artifactRegistryNotPublic } from "./registry/artifact-registry-not-public";
import { artifactRegistryVulnerabilityScanning } from "./registry/artifact-registry-vulnerability-scanning";
import { ecrRepositoryImmutableTags } from "./registry/ecr-repository-immutable-tags";
import { ecrRepositoryKms } from "./registry/ecr-repository-kms";
import { ecrRepositoryNotPublic } from "./registry/ecr-repository-not-public";
import { ecrRepositoryScanOnPush } from "./registry/ecr-repository-scan-on-push";
import { ampWorkspaceCmk } from "./observability/amp-workspace-cmk";
import { applicationInsightsWorkspaceBased } from "./observability/application-insights-workspace-based";
import { azureDcrContainerLogsMaskedProd } from "./observability/azure-dcr-container-logs-masked-prod";
import { azureWebTestHttps } from "./observability/azure-web-test-https";
import { cloudwatchAppLogGroupsMaskedProd } from "./observability/cloudwatch-app-log-groups-masked-prod";
import { cloudwatchLogDataProtectionMasking } from "./observability/cloudwatch-log-data-protection-masking";
import { gcpContainerLogsMaskedProd } from "./observability/gcp-container-logs-masked-prod";
import { gcpSloBurnRateAlert } from "./observability/gcp-slo-burn-rate-alert";
import { gcpUptimeCheckHttps } from "./observability/gcp-uptime-check-https";
import { route53HealthCheckHttps } from "./observability/route53-health-check-https";
import { stackCmkEncryption } from "./stack/stack-cmk-encryption";
import { stackCmkUnsupported } from "./stack/stack-cmk-unsupported";
import { stackDataStoreBackup } from "./stack/stack-data-store-backup";
import { stackDataStoreNotPublic } from "./stack/stack-data-store-not-public";
import { stackProdMultiZone } from "./stack/stack-prod-multi-zone";
import { stackProdStatefulProtected } from "./stack/stack-prod-stateful-protected";
import { stackRpoAchievable } from "./stack/stack-rpo-achievable";
import { stackStandardTags } from "./stack/stack-standard-tags";
import { workloadImageProvenance } from "./workload/workload-image-provenance";
import { workloadNamespaceDefaultDeny } from "./workload/workload-namespace-default-deny";
import { workloadNoHostPath } from "./workload/workload-no-host-path";
import { workloadNonRoot } from "./workload/workload-non-root";
import { workloadNotPrivileged } from "./workload/workload-not-privileged";
import { workloadResources } from "./workload/workload-resources";

export const rules: readonly GuardPolicy[] = [
    // database
    atlasAuditingEnabled,
    atlasBackupScheduleDrCopy,
    atlasBackupScheduleRetention,
    atlasClusterBackup,
    atlasClusterEncryptionAtRest,
    atlasClusterTerminationProtection,
    atlasClusterTls,
    atlasIpAccessListNotOpen,
    cosmosdbAccountContinuousBackup,
    cosmosdbAccountEncryption,
    cosmosdbAccountLocalAuthDisabled,
    cosmosdbAccountPrivate,
    docdbClusterBackupRetention,
    docdbClusterDeletionProtection,
    docdbClusterEncrypted,
    docdbClusterLogExports,
    docdbElasticClusterEncryptedBackedUp,
    docdbGlobalClusterEncrypted,
    docdbParameterGroupAuditLogs,
    docdbParameterGroupTls,
    firestoreDatabaseCmek,
    firestoreDatabaseDeleteProtection,
    firestoreDatabasePitr,
    mongoClusterHighAvailability,
    mongoClusterPrivate,
    // cache
    azureRedisPersistence,
    azureRedisPrivate,
    azureRedisTls,
    elasticacheAuth,
    elasticacheEncryptedAtRest,
    elasticacheEncryptedInTransit,
    elasticacheMultiAz,
    elasticacheSnapshotRetention,
    gcpRedisClusterBackup,
    gcpRedisClusterEncryption,
    gcpRedisClusterIamAuth,
    memorystoreRedisCmek,
    memorystoreRedisHighAvailability,
    memorystoreRedisPersistence,
    memorystoreRedisPrivateServiceAccess,
    memorystoreRedisAuthTls,
    redisEnterprisePersistence,
    redisEnterpriseTls,
    // kubernetes
    aksApiServerAccess,
    aksRbacNoLocalAccounts,
    aksMonitoring,
    aksNetworkPolicy,
    aksNoNodePublicIp,
    aksNodeEncryption,
    eksControlPlaneLogging,
    eksEndpointPrivate,
    eksNodeGroupNoRemoteAccess,
    eksSecretsEncryption,
    eksSupportedVersion,
    gkeLegacyAuthDisabled,
    gkeNetworkPolicy,
    gkeNodePoolAutoRepairUpgrade,
    gkeLoggingMonitoringShieldedNodes,
    gkePrivateCluster,
    gkeSecretsEncryption,
    // workload
    workloadImageProvenance,
    workloadNamespaceDefaultDeny,
    workloadNoHostPath,
    workloadNonRoot,
    workloadNotPrivileged,
    workloadResources,
    // registry
    acrAdminUserDisabled,
    acrCmk,
    acrPremiumSku,
    acrPrivate,
    artifactRegistryCmek,
    artifactRegistryImmutableTags,
    artifactRegistryNotPublic,
    artifactRegistryVulnerabilityScanning,
    ecrRepositoryImmutableTags,
    ecrRepositoryKms,
    ecrRepositoryNotPublic,
    ecrRepositoryScanOnPush,
    // network
    awsDefaultSecurityGroupClosed,
    awsListenerHttps,
    awsListenerTlsPolicy,
    awsLoadBalancerAccessLogs,
    awsLoadBalancerDropInvalidHeaders,
    awsSecurityGroupNoPublicIngress,
    awsSecurityGroupRuleDescriptions,
    awsSubnetNoPublicIp,
    awsVpcFlowLogs,
    azureFlowLogRetention,
    azureNsgNoPublicIngress,
    azureSubnetHasNsg,
    gcpFirewallNoPublicIngress,
    gcpSslPolicyTls12,
    gcpSubnetworkFlowLogs,
    gcpSubnetworkPrivateGoogleAccess,
    // edge
    afdCustomDomainTls,
    afdRouteHttps,
    afdSecurityPolicyWaf,
    cloudflareAuthenticatedOriginPulls,
    cloudflareDnsProxied,
    cloudflareManagedWaf,
    cloudflareZoneSettingTls,
    cloudflareZoneTlsBaseline,
    cloudfrontOriginHttps,
    cloudfrontViewerHttps,
    cloudfrontWafLogging,
    frontdoorWafPrevention,
    gcpBackendServiceArmorLogging,
    gcpBackendServiceHttps,
    gcpHttpsProxySslPolicy,
    gcpSecurityPolicyWaf,
    wafv2Logging,
    wafv2ManagedRules,
    // backup
    awsBackupPlanDrCopy,
    awsBackupPlanRetention,
    awsBackupVaultCmk,
    awsBackupVaultLockRetention,
    azureBackupPolicyRetention,
    azureBackupVaultGeoRedundant,
    azureBackupVaultImmutability,
    gcpBackupPlanRetention,
    gcpBackupVaultRetention,
    // keys
    awsKmsKeyNoWildcardPrincipal,
    awsKmsKeyRotation,
    azureKeyRotation,
    azureKeyVaultPrivate,
    azureKeyVaultPurgeProtection,
    gcpKmsKeyRotation,
    // audit
    auditBucketObjectLockProd,
    azureActivityLogExported,
    azureDefenderPlansStandard,
    azureDiagnosticSettings,
    azureLogAnalyticsRetention,
    cloudtrailMultiRegion,
    cloudtrailTrailCloudWatch,
    cloudtrailTrailEncrypted,
    cloudtrailTrailIntegrity,
    gcpAuditConfigDataAccess,
    gcpAuditSinkPresent,
    gcpLogBucketCmek,
    gcpLogBucketLockedProd,
    gcpLogBucketRetention,
    guarddutyDetectorFeatures,
    logGroupEncrypted,
    logGroupRetention,
    s3BucketEncryptedCmk,
    s3BucketPublicAccessBlocked,
    // alarms
    azureActivityLogAlertActions,
    azureLogAlertActions,
    azureMetricAlertActions,
    azurePrometheusRuleGroupActions,
    cloudwatchAlarmActions,
    gcpAlertPolicyChannels,
    // identity
    auth0AttackProtectionBreachedPasswords,
    auth0AttackProtectionBruteForce,
    auth0ClientNoImplicitGrant,
    auth0ConnectionBruteForceProtection,
    auth0ConnectionPasswordLength,
    auth0GuardianMfaProd,
    cognitoUserPoolClientNoImplicitGrant,
    cognitoUserPoolClientTokenValidity,
    cognitoUserPoolClientUserExistenceErrors,
    cognitoUserPoolMfaProd,
    cognitoUserPoolPasswordLength,
    cognitoUserPoolThreatProtectionProd,
    entraApplicationNoImplicitGrant,
    entraApplicationRedirectUris,
    identityPlatformAuthorizedDomainsProd,
    identityPlatformMfaProd,
    identityPlatformNoAnonymousProd,
    // observability
    ampWorkspaceCmk,
    applicationInsightsWorkspaceBased,
    azureDcrContainerLogsMaskedProd,
    azureWebTestHttps,
    cloudwatchAppLogGroupsMaskedProd,
    cloudwatchLogDataProtectionMasking,
    gcpContainerLogsMaskedProd,
    gcpSloBurnRateAlert,
    gcpUptimeCheckHttps,
    route53HealthCheckHttps,
    // stack
    stackCmkEncryption,
    stackCmkUnsupported,
    stackDataStoreBackup,
    stackDataStoreNotPublic,
    stackProdMultiZone,
    stackProdStatefulProtected,
    stackRpoAchievable,
    stackStandardTags,
];

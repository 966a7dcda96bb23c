import type { TrailArgs as CloudtrailTrailArgs } from "@pulumi/aws/cloudtrail/trail";
import type { LogGroupArgs as CloudwatchLogGroupArgs } from "@pulumi/aws/cloudwatch/logGroup";
import type { PrometheusRuleGroupArgs as AlertsmanagementPrometheusRuleGroupArgs } from "@pulumi/azure-native/alertsmanagement/prometheusRuleGroup";
import type { MetricAlertArgs as MonitorMetricAlertArgs } from "@pulumi/azure-native/monitor/metricAlert";
import type { ScheduledQueryRuleArgs as MonitorScheduledQueryRuleArgs } from "@pulumi/azure-native/monitor/scheduledQueryRule";
import type { AlertPolicyArgs as MonitoringAlertPolicyArgs } from "@pulumi/gcp/monitoring/alertPolicy";
import type { IAMAuditConfigArgs as ProjectsIAMAuditConfigArgs } from "@pulumi/gcp/projects/iamauditConfig";
import type { ProjectBucketConfigArgs as LoggingProjectBucketConfigArgs } from "@pulumi/gcp/logging/projectBucketConfig";
import type { ActivityLogAlertArgs as MonitorActivityLogAlertArgs } from "@pulumi/azure-native/monitor/activityLogAlert";
import type { TableArgs as OperationalinsightsTableArgs } from "@pulumi/azure-native/operationalinsights/table";
import type { WorkspaceArgs as OperationalinsightsWorkspaceArgs } from "@pulumi/azure-native/operationalinsights/workspace";
import type { PricingArgs as SecurityPricingArgs } from "@pulumi/azure-native/security/pricing";
import { azureDefenderPlansStandard } from "../../rules/audit/azure-defender-plans-standard";
import { azureLogAnalyticsRetention, LOG_ANALYTICS_TABLE } from "../../rules/audit/azure-log-analytics-retention";
import { cloudtrailMultiRegion } from "../../rules/audit/cloudtrail-multi-region";
import { gcpLogBucketCmek } from "../../rules/audit/gcp-log-bucket-cmek";
import { gcpLogBucketLockedProd } from "../../rules/audit/gcp-log-bucket-locked-prod";
import { gcpLogBucketRetention } from "../../rules/audit/gcp-log-bucket-retention";
import { azureActivityLogAlertActions } from "../../rules/alarms/azure-activity-log-alert-actions";
import { cloudtrailTrailCloudWatch } from "../../rules/audit/cloudtrail-trail-cloudwatch";
import { cloudtrailTrailEncrypted } from "../../rules/audit/cloudtrail-trail-encrypted";
import { cloudtrailTrailIntegrity } from "../../rules/audit/cloudtrail-trail-integrity";
import { gcpAuditConfigDataAccess } from "../../rules/audit/gcp-audit-config-data-access";
import { logGroupEncrypted } from "../../rules/audit/log-group-encrypted";
import { logGroupRetention } from "../../rules/audit/log-group-retention";
import { azureLogAlertActions } from "../../rules/alarms/azure-log-alert-actions";
import { azureMetricAlertActions } from "../../rules/alarms/azure-metric-alert-actions";
import { azurePrometheusRuleGroupActions } from "../../rules/alarms/azure-prometheus-rule-group-actions";
import { gcpAlertPolicyChannels } from "../../rules/alarms/gcp-alert-policy-channels";
import { inputsOf, type RuleCase } from "./types";

const cloudtrailTrail = inputsOf<CloudtrailTrailArgs>;
const cloudwatchLogGroup = inputsOf<CloudwatchLogGroupArgs>;
const monitorMetricAlert = inputsOf<MonitorMetricAlertArgs>;
const alertsmanagementPrometheusRuleGroup = inputsOf<AlertsmanagementPrometheusRuleGroupArgs>;
const monitorScheduledQueryRule = inputsOf<MonitorScheduledQueryRuleArgs>;
const monitoringAlertPolicy = inputsOf<MonitoringAlertPolicyArgs>;
const projectsIAMAuditConfig = inputsOf<ProjectsIAMAuditConfigArgs>;
const loggingProjectBucketConfig = inputsOf<LoggingProjectBucketConfigArgs>;
const monitorActivityLogAlert = inputsOf<MonitorActivityLogAlertArgs>;
const operationalinsightsTable = inputsOf<OperationalinsightsTableArgs>;
const operationalinsightsWorkspace = inputsOf<OperationalinsightsWorkspaceArgs>;
const securityPricing = inputsOf<SecurityPricingArgs>;

const LOG_BUCKET = { project: "p", location: "us-central1", bucketId: "gravitypm-prod-audit" } as const;

export const auditCases: readonly RuleCase[] = [
    { rule: cloudtrailTrailIntegrity, compliant: cloudtrailTrail({ isMultiRegionTrail: true, enableLogFileValidation: true }), violating: cloudtrailTrail({ isMultiRegionTrail: true }) },
    {
        rule: cloudtrailMultiRegion,
        compliant: cloudtrailTrail({ isMultiRegionTrail: true, includeGlobalServiceEvents: true }),
        violating: cloudtrailTrail({ enableLogFileValidation: true }),
        extra: [
            { name: "global service events left at the provider default", props: cloudtrailTrail({ isMultiRegionTrail: true }), violates: false },
            { name: "global service events switched off", props: cloudtrailTrail({ isMultiRegionTrail: true, includeGlobalServiceEvents: false }), violates: true },
            { name: "a multi-region flag computed at preview", props: { isMultiRegionTrail: "[unknown]" }, violates: true },
        ],
    },
    { rule: cloudtrailTrailEncrypted, compliant: cloudtrailTrail({ kmsKeyId: "arn:aws:kms:…" }), violating: cloudtrailTrail({}) },
    { rule: cloudtrailTrailCloudWatch, compliant: cloudtrailTrail({ cloudWatchLogsGroupArn: "arn:aws:logs:…:*" }), violating: cloudtrailTrail({}) },
    { rule: logGroupEncrypted, compliant: cloudwatchLogGroup({ kmsKeyId: "arn:aws:kms:…" }), violating: cloudwatchLogGroup({ retentionInDays: 365 }) },
    {
        rule: logGroupRetention,
        compliant: cloudwatchLogGroup({ retentionInDays: 365 }),
        violating: cloudwatchLogGroup({ retentionInDays: 30 }),
        stricter: { prodMinimumRetentionDays: 731 },
        extra: [
            { name: "never expire", props: cloudwatchLogGroup({}), violates: false },
            { name: "never expire (0)", props: cloudwatchLogGroup({ retentionInDays: 0 }), violates: false },
            { name: "30 days in staging", environment: "staging", props: cloudwatchLogGroup({ retentionInDays: 30 }), violates: false },
            { name: "14 days in staging", environment: "staging", props: cloudwatchLogGroup({ retentionInDays: 14 }), violates: true },
            { name: "a stricter staging minimum", environment: "staging", props: cloudwatchLogGroup({ retentionInDays: 30 }), config: { minimumRetentionDays: 90 }, violates: true },
            { name: "a retention computed at preview", props: { retentionInDays: "[unknown]" }, violates: true },
        ],
    },
    {
        rule: gcpAuditConfigDataAccess,
        compliant: projectsIAMAuditConfig({ service: "allServices", project: "p", auditLogConfigs: [{ logType: "DATA_READ" }, { logType: "DATA_WRITE" }] }),
        violating: projectsIAMAuditConfig({ service: "allServices", project: "p", auditLogConfigs: [{ logType: "ADMIN_READ" }] }),
    },
    {
        rule: gcpAuditConfigDataAccess,
        compliant: projectsIAMAuditConfig({ service: "cloudkms.googleapis.com", project: "p", auditLogConfigs: [{ logType: "ADMIN_READ" }, { logType: "DATA_READ" }, { logType: "DATA_WRITE" }] }),
        violating: projectsIAMAuditConfig({ service: "redis.googleapis.com", project: "p", auditLogConfigs: [{ logType: "DATA_WRITE" }] }),
    },
    {
        rule: gcpLogBucketCmek,
        compliant: loggingProjectBucketConfig({ ...LOG_BUCKET, cmekSettings: { kmsKeyName: "projects/p/locations/us-central1/keyRings/r/cryptoKeys/k" } }),
        violating: loggingProjectBucketConfig({ ...LOG_BUCKET, retentionDays: 365 }),
        extra: [{ name: "a key created in the same update", props: { ...LOG_BUCKET, cmekSettings: { kmsKeyName: "[unknown]" } }, violates: false }],
    },
    {
        rule: gcpLogBucketRetention,
        compliant: loggingProjectBucketConfig({ ...LOG_BUCKET, retentionDays: 365 }),
        violating: loggingProjectBucketConfig({ ...LOG_BUCKET, retentionDays: 90 }),
        stricter: { prodMinimumRetentionDays: 400 },
        extra: [
            { name: "unset keeps 30 days, below the prod minimum", props: loggingProjectBucketConfig(LOG_BUCKET), violates: true },
            { name: "90 days in staging", environment: "staging", props: loggingProjectBucketConfig({ ...LOG_BUCKET, retentionDays: 90 }), violates: false },
            { name: "unset (30 days) meets the staging minimum", environment: "staging", props: loggingProjectBucketConfig(LOG_BUCKET), violates: false },
            { name: "a stricter staging minimum", environment: "staging", props: loggingProjectBucketConfig({ ...LOG_BUCKET, retentionDays: 30 }), config: { minimumRetentionDays: 60 }, violates: true },
        ],
    },
    {
        rule: gcpLogBucketLockedProd,
        compliant: loggingProjectBucketConfig({ ...LOG_BUCKET, locked: true }),
        violating: loggingProjectBucketConfig({ ...LOG_BUCKET, locked: false }),
        extra: [
            { name: "unlocked in staging", environment: "staging", props: loggingProjectBucketConfig({ ...LOG_BUCKET, locked: false }), violates: false },
            { name: "staging judged as prod by config", environment: "staging", props: loggingProjectBucketConfig(LOG_BUCKET), config: { environment: "prod" }, violates: true },
        ],
    },
    {
        rule: azureLogAnalyticsRetention,
        compliant: operationalinsightsWorkspace({ resourceGroupName: "rg", retentionInDays: 365, sku: { name: "PerGB2018" } }),
        violating: operationalinsightsWorkspace({ resourceGroupName: "rg", retentionInDays: 90 }),
        stricter: { prodMinimumRetentionDays: 730 },
        extra: [
            { name: "unset keeps 30 days", props: operationalinsightsWorkspace({ resourceGroupName: "rg" }), violates: true },
            { name: "90 days in staging", environment: "staging", props: operationalinsightsWorkspace({ resourceGroupName: "rg", retentionInDays: 90 }), violates: false },
            { name: "a table extended to two years", type: LOG_ANALYTICS_TABLE, props: operationalinsightsTable({ resourceGroupName: "rg", workspaceName: "w", tableName: "AzureActivity", retentionInDays: 90, totalRetentionInDays: 730 }), violates: false },
            { name: "a table cut to 90 days", type: LOG_ANALYTICS_TABLE, props: operationalinsightsTable({ resourceGroupName: "rg", workspaceName: "w", tableName: "AzureActivity", retentionInDays: 90 }), violates: true },
            { name: "a table on the workspace's retention", type: LOG_ANALYTICS_TABLE, props: operationalinsightsTable({ resourceGroupName: "rg", workspaceName: "w", tableName: "AzureActivity", retentionInDays: -1, totalRetentionInDays: -1 }), violates: false },
        ],
    },
    {
        rule: azureDefenderPlansStandard,
        compliant: securityPricing({ scopeId: "subscriptions/s", pricingName: "Containers", pricingTier: "Standard" }),
        violating: securityPricing({ scopeId: "subscriptions/s", pricingName: "KeyVaults", pricingTier: "Free" }),
    },
];

const PROMETHEUS_GROUP = { resourceGroupName: "rg", scopes: ["/subscriptions/s/resourceGroups/rg/providers/Microsoft.Monitor/accounts/amw"] } as const;
const restarts = { alert: "PodRestarts", expression: "increase(kube_pod_container_status_restarts_total[10m]) > 3", enabled: true } as const;

export const alarmCases: readonly RuleCase[] = [
    {
        rule: azurePrometheusRuleGroupActions,
        compliant: alertsmanagementPrometheusRuleGroup({ ...PROMETHEUS_GROUP, enabled: true, rules: [{ ...restarts, actions: [{ actionGroupId: "/…/actionGroups/a" }] }, { record: "node:cpu:ratio", expression: "x" }] }),
        violating: alertsmanagementPrometheusRuleGroup({ ...PROMETHEUS_GROUP, enabled: true, rules: [restarts] }),
        extra: [
            { name: "a disabled group", props: alertsmanagementPrometheusRuleGroup({ ...PROMETHEUS_GROUP, enabled: false, rules: [{ ...restarts, actions: [{ actionGroupId: "/…/actionGroups/a" }] }] }), violates: true },
            { name: "a disabled alert", props: alertsmanagementPrometheusRuleGroup({ ...PROMETHEUS_GROUP, rules: [{ ...restarts, enabled: false, actions: [{ actionGroupId: "/…/actionGroups/a" }] }] }), violates: true },
            { name: "recording rules only", props: alertsmanagementPrometheusRuleGroup({ ...PROMETHEUS_GROUP, rules: [{ record: "node:cpu:ratio", expression: "x" }] }), violates: false },
        ],
    },
    { rule: gcpAlertPolicyChannels, compliant: monitoringAlertPolicy({ notificationChannels: ["projects/p/notificationChannels/1"] }), violating: monitoringAlertPolicy({ enabled: false, notificationChannels: ["c"] }) },
    { rule: azureMetricAlertActions, compliant: monitorMetricAlert({ enabled: true, actions: [{ actionGroupId: "/…/actionGroups/a" }] }), violating: monitorMetricAlert({ enabled: true, actions: [] }) },
    {
        rule: azureLogAlertActions,
        compliant: monitorScheduledQueryRule({ kind: "LogAlert", enabled: true, actions: { actionGroups: ["/…/actionGroups/a"] } }),
        violating: monitorScheduledQueryRule({ kind: "LogAlert", enabled: true, actions: { actionGroups: [] } }),
        extra: [
            { name: "no actions at all", props: monitorScheduledQueryRule({ enabled: true }), violates: true },
            { name: "disabled", props: monitorScheduledQueryRule({ enabled: false, actions: { actionGroups: ["/…/actionGroups/a"] } }), violates: true },
            { name: "an action group created in the same update", props: monitorScheduledQueryRule({ enabled: true, actions: { actionGroups: ["[unknown]"] } }), violates: false },
            { name: "a LogToMetric rule has nobody to notify", props: monitorScheduledQueryRule({ kind: "LogToMetric", enabled: true }), violates: false },
        ],
    },
    {
        rule: azureActivityLogAlertActions,
        compliant: monitorActivityLogAlert({
            resourceGroupName: "rg",
            scopes: ["/subscriptions/s"],
            condition: { allOf: [{ field: "category", equals: "Administrative" }] },
            actions: { actionGroups: [{ actionGroupId: "/…/actionGroups/a" }] },
        }),
        violating: monitorActivityLogAlert({ resourceGroupName: "rg", scopes: ["/subscriptions/s"], condition: { allOf: [] }, actions: { actionGroups: [] } }),
        extra: [
            { name: "disabled", props: monitorActivityLogAlert({ enabled: false, actions: { actionGroups: [{ actionGroupId: "/…/actionGroups/a" }] } }), violates: true },
            { name: "no actions at all", props: monitorActivityLogAlert({ enabled: true }), violates: true },
            { name: "an action group created in the same update", props: { enabled: true, actions: { actionGroups: "[unknown]" } }, violates: false },
        ],
    },
];

import type { TrailArgs as CloudtrailTrailArgs } from "@pulumi/aws/cloudtrail/trail";
import type { LogGroupArgs as CloudwatchLogGroupArgs } from "@pulumi/aws/cloudwatch/logGroup";
import type { MetricAlarmArgs as CloudwatchMetricAlarmArgs } from "@pulumi/aws/cloudwatch/metricAlarm";
import type { MetricAlertArgs as MonitorMetricAlertArgs } from "@pulumi/azure-native/monitor/metricAlert";
import type { ScheduledQueryRuleArgs as MonitorScheduledQueryRuleArgs } from "@pulumi/azure-native/monitor/scheduledQueryRule";
import type { AlertPolicyArgs as MonitoringAlertPolicyArgs } from "@pulumi/gcp/monitoring/alertPolicy";
import type { IAMAuditConfigArgs as ProjectsIAMAuditConfigArgs } from "@pulumi/gcp/projects/iamauditConfig";
import { cloudtrailTrailCloudWatch } from "../../rules/audit/cloudtrail-trail-cloudwatch";
import { cloudtrailTrailEncrypted } from "../../rules/audit/cloudtrail-trail-encrypted";
import { cloudtrailTrailIntegrity } from "../../rules/audit/cloudtrail-trail-integrity";
import { gcpAuditConfigDataAccess } from "../../rules/audit/gcp-audit-config-data-access";
import { logGroupEncrypted } from "../../rules/audit/log-group-encrypted";
import { logGroupRetention } from "../../rules/audit/log-group-retention";
import { cloudwatchAlarmActions } from "../../rules/alarms/cloudwatch-alarm-actions";
import { azureLogAlertActions } from "../../rules/alarms/azure-log-alert-actions";
import { azureMetricAlertActions } from "../../rules/alarms/azure-metric-alert-actions";
import { gcpAlertPolicyChannels } from "../../rules/alarms/gcp-alert-policy-channels";
import { inputsOf, type RuleCase } from "./types";

const cloudtrailTrail = inputsOf<CloudtrailTrailArgs>;
const cloudwatchLogGroup = inputsOf<CloudwatchLogGroupArgs>;
const cloudwatchMetricAlarm = inputsOf<CloudwatchMetricAlarmArgs>;
const monitorMetricAlert = inputsOf<MonitorMetricAlertArgs>;
const monitorScheduledQueryRule = inputsOf<MonitorScheduledQueryRuleArgs>;
const monitoringAlertPolicy = inputsOf<MonitoringAlertPolicyArgs>;
const projectsIAMAuditConfig = inputsOf<ProjectsIAMAuditConfigArgs>;

export const auditCases: readonly RuleCase[] = [
    { rule: cloudtrailTrailIntegrity, compliant: cloudtrailTrail({ isMultiRegionTrail: true, enableLogFileValidation: true }), violating: cloudtrailTrail({ isMultiRegionTrail: true }) },
    { rule: cloudtrailTrailEncrypted, compliant: cloudtrailTrail({ kmsKeyId: "arn:aws:kms:…" }), violating: cloudtrailTrail({}) },
    { rule: cloudtrailTrailCloudWatch, compliant: cloudtrailTrail({ cloudWatchLogsGroupArn: "arn:aws:logs:…:*" }), violating: cloudtrailTrail({}) },
    { rule: logGroupEncrypted, compliant: cloudwatchLogGroup({ kmsKeyId: "arn:aws:kms:…" }), violating: cloudwatchLogGroup({ retentionInDays: 365 }) },
    {
        rule: logGroupRetention,
        compliant: cloudwatchLogGroup({ retentionInDays: 365 }),
        violating: cloudwatchLogGroup({ retentionInDays: 30 }),
        stricter: { minimumRetentionDays: 731 },
        extra: [{ name: "never expire", props: cloudwatchLogGroup({}), violates: false }],
    },
    {
        rule: gcpAuditConfigDataAccess,
        compliant: projectsIAMAuditConfig({ service: "allServices", project: "p", auditLogConfigs: [{ logType: "DATA_READ" }, { logType: "DATA_WRITE" }] }),
        violating: projectsIAMAuditConfig({ service: "allServices", project: "p", auditLogConfigs: [{ logType: "ADMIN_READ" }] }),
    },
];

export const alarmCases: readonly RuleCase[] = [
    { rule: cloudwatchAlarmActions, compliant: cloudwatchMetricAlarm({ alarmActions: ["arn:aws:sns:…:alerts"] }), violating: cloudwatchMetricAlarm({ alarmActions: [] }) },
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
];

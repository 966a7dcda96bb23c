import { cloudtrailTrailCloudWatch } from "../../rules/audit/cloudtrail-trail-cloudwatch";
import { cloudtrailTrailEncrypted } from "../../rules/audit/cloudtrail-trail-encrypted";
import { cloudtrailTrailIntegrity } from "../../rules/audit/cloudtrail-trail-integrity";
import { gcpAuditConfigDataAccess } from "../../rules/audit/gcp-audit-config-data-access";
import { logGroupEncrypted } from "../../rules/audit/log-group-encrypted";
import { logGroupRetention } from "../../rules/audit/log-group-retention";
import { cloudwatchAlarmActions } from "../../rules/alarms/cloudwatch-alarm-actions";
import { azureMetricAlertActions } from "../../rules/alarms/azure-metric-alert-actions";
import { gcpAlertPolicyChannels } from "../../rules/alarms/gcp-alert-policy-channels";
import type { RuleCase } from "./types";

export const auditCases: readonly RuleCase[] = [
    { rule: cloudtrailTrailIntegrity, compliant: { isMultiRegionTrail: true, enableLogFileValidation: true }, violating: { isMultiRegionTrail: true } },
    { rule: cloudtrailTrailEncrypted, compliant: { kmsKeyId: "arn:aws:kms:…" }, violating: {} },
    { rule: cloudtrailTrailCloudWatch, compliant: { cloudWatchLogsGroupArn: "arn:aws:logs:…:*" }, violating: {} },
    { rule: logGroupEncrypted, compliant: { kmsKeyId: "arn:aws:kms:…" }, violating: { retentionInDays: 365 } },
    {
        rule: logGroupRetention,
        compliant: { retentionInDays: 365 },
        violating: { retentionInDays: 30 },
        stricter: { minimumRetentionDays: 731 },
        extra: [{ name: "never expire", props: {}, violates: false }],
    },
    {
        rule: gcpAuditConfigDataAccess,
        compliant: { service: "allServices", project: "p", auditLogConfigs: [{ logType: "DATA_READ" }, { logType: "DATA_WRITE" }] },
        violating: { service: "allServices", project: "p", auditLogConfigs: [{ logType: "ADMIN_READ" }] },
    },
];

export const alarmCases: readonly RuleCase[] = [
    { rule: cloudwatchAlarmActions, compliant: { alarmActions: ["arn:aws:sns:…:alerts"] }, violating: { alarmActions: [] } },
    { rule: gcpAlertPolicyChannels, compliant: { notificationChannels: ["projects/p/notificationChannels/1"] }, violating: { enabled: false, notificationChannels: ["c"] } },
    { rule: azureMetricAlertActions, compliant: { enabled: true, actions: [{ actionGroupId: "/…/actionGroups/a" }] }, violating: { enabled: true, actions: [] } },
];

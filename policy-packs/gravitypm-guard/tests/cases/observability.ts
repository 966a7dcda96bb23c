import type { WorkspaceArgs as AmpWorkspaceArgs } from "@pulumi/aws/amp/workspace";
import type { LogAccountPolicyArgs as CloudwatchLogAccountPolicyArgs } from "@pulumi/aws/cloudwatch/logAccountPolicy";
import type { LogDataProtectionPolicyArgs as CloudwatchLogDataProtectionPolicyArgs } from "@pulumi/aws/cloudwatch/logDataProtectionPolicy";
import type { HealthCheckArgs as Route53HealthCheckArgs } from "@pulumi/aws/route53/healthCheck";
import type { ComponentArgs as ApplicationinsightsComponentArgs } from "@pulumi/azure-native/applicationinsights/component";
import type { WebTestArgs as ApplicationinsightsWebTestArgs } from "@pulumi/azure-native/applicationinsights/webTest";
import type { DataCollectionRuleArgs as MonitorDataCollectionRuleArgs } from "@pulumi/azure-native/monitor/dataCollectionRule";
import type { UptimeCheckConfigArgs as MonitoringUptimeCheckConfigArgs } from "@pulumi/gcp/monitoring/uptimeCheckConfig";
import { ampWorkspaceCmk } from "../../rules/observability/amp-workspace-cmk";
import { applicationInsightsWorkspaceBased } from "../../rules/observability/application-insights-workspace-based";
import { azureDcrContainerLogsMaskedProd } from "../../rules/observability/azure-dcr-container-logs-masked-prod";
import { azureWebTestHttps } from "../../rules/observability/azure-web-test-https";
import { cloudwatchLogDataProtectionMasking, LOG_ACCOUNT_POLICY } from "../../rules/observability/cloudwatch-log-data-protection-masking";
import { gcpUptimeCheckHttps } from "../../rules/observability/gcp-uptime-check-https";
import { route53HealthCheckHttps } from "../../rules/observability/route53-health-check-https";
import { inputsOf, type RuleCase } from "./types";

const ampWorkspace = inputsOf<AmpWorkspaceArgs>;
const cloudwatchLogAccountPolicy = inputsOf<CloudwatchLogAccountPolicyArgs>;
const cloudwatchLogDataProtectionPolicy = inputsOf<CloudwatchLogDataProtectionPolicyArgs>;
const route53HealthCheck = inputsOf<Route53HealthCheckArgs>;
const applicationinsightsWebTest = inputsOf<ApplicationinsightsWebTestArgs>;
const applicationinsightsComponent = inputsOf<ApplicationinsightsComponentArgs>;
const monitoringUptimeCheckConfig = inputsOf<MonitoringUptimeCheckConfigArgs>;
const monitorDataCollectionRule = inputsOf<MonitorDataCollectionRuleArgs>;

const MANAGED = (name: string) => `arn:aws:dataprotection::aws:data-identifier/${name}`;
/** Custom identifiers within the characters CloudWatch allows (no parentheses, colons or quotes). */
const CUSTOM_IDENTIFIERS = [
    { Name: "BearerToken", Regex: "[Bb]earer [A-Za-z0-9_=/+.-]{16,}" },
    { Name: "PasswordField", Regex: "[Pp][Aa][Ss][Ss][Ww][Oo][Rr][Dd].{1,4}[^ ,;]{4,}" },
];
const ALL_IDENTIFIERS = [MANAGED("EmailAddress"), MANAGED("CreditCardNumber"), "BearerToken", "PasswordField"];

/** A data protection policy document in CloudWatch's syntax: an Audit and a Deidentify statement over the same identifiers. */
export function dataProtectionDocument(identifiers: readonly string[] = ALL_IDENTIFIERS, options: { readonly mask?: boolean; readonly custom?: readonly object[] } = {}): string {
    const statement = (sid: string, operation: object) => ({ Sid: sid, DataIdentifier: identifiers, Operation: operation });
    return JSON.stringify({
        Name: "gravitypm-prod-app-logs",
        Version: "2021-06-01",
        Configuration: { CustomDataIdentifier: options.custom ?? CUSTOM_IDENTIFIERS },
        Statement: [statement("audit", { Audit: { FindingsDestination: {} } }), ...(options.mask === false ? [] : [statement("mask", { Deidentify: { MaskConfig: {} } })])],
    });
}

const APP_GROUP = "/aws/containerinsights/gravitypm-prod/application";

/** A line cut at its first sensitive value, per kind, with the functions transformations support (no replace_regex). */
const MASK_PATTERNS = {
    "email-address": "[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}",
    "bearer-token": "(?i)bearer\\s+[A-Za-z0-9._~+/-]+=*",
    password: "(?i)(?:password|passwd|pwd)\\s*[:=]\\s*[^\\s,&]+",
    "credit-card-number": "\\b(?:\\d[ -]?){12,18}\\d\\b",
};
const maskingKql = (patterns: Readonly<Record<string, string>>) =>
    [
        "source",
        "| extend MaskText = tostring(LogMessage)",
        ...Object.entries(patterns).flatMap(([kind, pattern]) => [
            `| extend MaskMatch = extract(@'${pattern}', 0, MaskText)`,
            `| extend MaskText = iif(isempty(MaskMatch), MaskText, strcat(substring(MaskText, 0, indexof(MaskText, MaskMatch)), "[REDACTED:${kind}]"))`,
        ]),
        "| extend LogMessage = parse_json(MaskText)",
        "| project-away MaskText, MaskMatch",
    ].join("\n");
const MASKING_KQL = maskingKql(MASK_PATTERNS);
const CONTAINER_LOGS = "Microsoft-ContainerLogV2";
const OTHER_STREAMS = ["Microsoft-KubeEvents", "Microsoft-KubePodInventory"];
const dcr = (dataFlows: readonly { streams: string[]; transformKql?: string; outputStream?: string }[]) =>
    monitorDataCollectionRule({
        resourceGroupName: "rg",
        kind: "Linux",
        destinations: { logAnalytics: [{ name: "ws", workspaceResourceId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/w" }] },
        dataFlows: dataFlows.map((f) => ({ ...f, destinations: ["ws"] })),
    });

export const observabilityCases: readonly RuleCase[] = [
    {
        rule: cloudwatchLogDataProtectionMasking,
        compliant: cloudwatchLogDataProtectionPolicy({ logGroupName: APP_GROUP, policyDocument: dataProtectionDocument() }),
        violating: cloudwatchLogDataProtectionPolicy({ logGroupName: APP_GROUP, policyDocument: dataProtectionDocument([MANAGED("EmailAddress"), MANAGED("CreditCardNumber")]) }),
        extra: [
            { name: "audit only, nothing masked", props: cloudwatchLogDataProtectionPolicy({ logGroupName: APP_GROUP, policyDocument: dataProtectionDocument(ALL_IDENTIFIERS, { mask: false }) }), violates: true },
            { name: "a custom identifier the policy does not define", props: cloudwatchLogDataProtectionPolicy({ logGroupName: APP_GROUP, policyDocument: dataProtectionDocument(ALL_IDENTIFIERS, { custom: [CUSTOM_IDENTIFIERS[0]] }) }), violates: true },
            { name: "a document that is not JSON", props: cloudwatchLogDataProtectionPolicy({ logGroupName: APP_GROUP, policyDocument: "mask everything" }), violates: true },
            { name: "a document computed at preview", props: { logGroupName: APP_GROUP, policyDocument: "[unknown]" }, violates: true },
            {
                name: "the account's data protection policy, masking everything",
                type: LOG_ACCOUNT_POLICY,
                props: cloudwatchLogAccountPolicy({ policyName: "masking", policyType: "DATA_PROTECTION_POLICY", scope: "ALL", policyDocument: dataProtectionDocument() }),
                violates: false,
            },
            {
                name: "the account's data protection policy, without tokens",
                type: LOG_ACCOUNT_POLICY,
                props: cloudwatchLogAccountPolicy({ policyName: "masking", policyType: "DATA_PROTECTION_POLICY", policyDocument: dataProtectionDocument([MANAGED("EmailAddress"), MANAGED("CreditCardNumber"), "PasswordField"]) }),
                violates: true,
            },
            {
                name: "an account subscription filter policy is not a masking policy",
                type: LOG_ACCOUNT_POLICY,
                props: cloudwatchLogAccountPolicy({ policyName: "ship", policyType: "SUBSCRIPTION_FILTER_POLICY", policyDocument: JSON.stringify({ DestinationArn: "arn:aws:firehose:…" }) }),
                violates: false,
            },
        ],
    },
    {
        rule: ampWorkspaceCmk,
        compliant: ampWorkspace({ alias: "gravitypm-prod", kmsKeyArn: "arn:aws:kms:eu-west-1:111122223333:key/k" }),
        violating: ampWorkspace({ alias: "gravitypm-prod" }),
        extra: [{ name: "a key created in the same update", props: { alias: "gravitypm-prod", kmsKeyArn: "[unknown]" }, violates: false }],
    },
    {
        rule: route53HealthCheckHttps,
        compliant: route53HealthCheck({ type: "HTTPS", fqdn: "api.example.com", port: 443, resourcePath: "/readyz", regions: ["us-east-1", "eu-west-1", "ap-southeast-1"] }),
        violating: route53HealthCheck({ type: "HTTP", fqdn: "api.example.com", port: 80, resourcePath: "/readyz" }),
        stricter: { minimumLocations: 4 },
        extra: [
            { name: "every checker region (regions unset)", props: route53HealthCheck({ type: "HTTPS_STR_MATCH", fqdn: "app.example.com", searchString: "ok" }), violates: false },
            { name: "disabled", props: route53HealthCheck({ type: "HTTPS", fqdn: "app.example.com", disabled: true }), violates: true },
            { name: "a TCP check", props: route53HealthCheck({ type: "TCP", fqdn: "app.example.com", port: 443 }), violates: true },
            { name: "two checker regions", props: route53HealthCheck({ type: "HTTPS", fqdn: "app.example.com", regions: ["us-east-1", "eu-west-1"] }), violates: true },
            { name: "a calculated check probes nothing itself", props: route53HealthCheck({ type: "CALCULATED", childHealthThreshold: 1, childHealthchecks: ["a", "b"] }), violates: false },
            { name: "a CloudWatch alarm check", props: route53HealthCheck({ type: "CLOUDWATCH_METRIC", cloudwatchAlarmName: "a", cloudwatchAlarmRegion: "us-east-1" }), violates: false },
        ],
    },
    {
        rule: gcpUptimeCheckHttps,
        compliant: monitoringUptimeCheckConfig({
            displayName: "api",
            timeout: "10s",
            monitoredResource: { type: "uptime_url", labels: { host: "api.example.com" } },
            httpCheck: { useSsl: true, validateSsl: true, port: 443, path: "/readyz" },
            selectedRegions: ["USA_OREGON", "EUROPE", "ASIA_PACIFIC"],
        }),
        violating: monitoringUptimeCheckConfig({ displayName: "api", timeout: "10s", httpCheck: { path: "/readyz" } }),
        stricter: { minimumLocations: 4 },
        extra: [
            { name: "every region (selectedRegions unset)", props: monitoringUptimeCheckConfig({ displayName: "app", timeout: "10s", httpCheck: { useSsl: true, validateSsl: true } }), violates: false },
            { name: "USA alone probes from three locations", props: monitoringUptimeCheckConfig({ displayName: "app", timeout: "10s", httpCheck: { useSsl: true, validateSsl: true }, selectedRegions: ["USA"] }), violates: false },
            { name: "HTTPS without certificate validation", props: monitoringUptimeCheckConfig({ displayName: "app", timeout: "10s", httpCheck: { useSsl: true } }), violates: true },
            { name: "a TCP check", props: monitoringUptimeCheckConfig({ displayName: "app", timeout: "10s", tcpCheck: { port: 443 } }), violates: true },
            { name: "two locations", props: monitoringUptimeCheckConfig({ displayName: "app", timeout: "10s", httpCheck: { useSsl: true, validateSsl: true }, selectedRegions: ["EUROPE", "ASIA_PACIFIC"] }), violates: true },
        ],
    },
    {
        rule: azureWebTestHttps,
        compliant: applicationinsightsWebTest({
            resourceGroupName: "rg",
            syntheticMonitorId: "gravitypm-prod-api",
            kind: "standard",
            webTestKind: "standard",
            enabled: true,
            request: { requestUrl: "https://api.example.com/readyz", httpVerb: "GET" },
            validationRules: { sSLCheck: true, sSLCertRemainingLifetimeCheck: 7, expectedHttpStatusCode: 200 },
            locations: [{ location: "emea-nl-ams-azr" }, { location: "us-va-ash-azr" }, { location: "apac-sg-sin-azr" }],
        }),
        violating: applicationinsightsWebTest({
            resourceGroupName: "rg",
            syntheticMonitorId: "gravitypm-prod-api",
            webTestKind: "standard",
            enabled: true,
            request: { requestUrl: "http://api.example.com/readyz" },
            locations: [{ location: "emea-nl-ams-azr" }],
        }),
        stricter: { minimumLocations: 5 },
        extra: [
            {
                name: "a ping test",
                props: applicationinsightsWebTest({ resourceGroupName: "rg", syntheticMonitorId: "t", webTestKind: "ping", enabled: true, locations: [{ location: "a" }, { location: "b" }, { location: "c" }] }),
                violates: true,
            },
            {
                name: "not enabled",
                props: applicationinsightsWebTest({
                    resourceGroupName: "rg",
                    syntheticMonitorId: "t",
                    webTestKind: "standard",
                    request: { requestUrl: "https://app.example.com/" },
                    validationRules: { sSLCheck: true },
                    locations: [{ location: "a" }, { location: "b" }, { location: "c" }],
                }),
                violates: true,
            },
        ],
    },
    {
        rule: azureDcrContainerLogsMaskedProd,
        compliant: dcr([{ streams: [CONTAINER_LOGS], transformKql: MASKING_KQL, outputStream: CONTAINER_LOGS }, { streams: OTHER_STREAMS }]),
        violating: dcr([{ streams: [CONTAINER_LOGS, ...OTHER_STREAMS] }]),
        extra: [
            { name: "unmasked container logs in staging", environment: "staging", props: dcr([{ streams: [CONTAINER_LOGS] }]), violates: false },
            { name: "the bundled Container insights group", props: dcr([{ streams: ["Microsoft-ContainerInsights-Group-Default"] }]), violates: true },
            { name: "a transform that only filters", props: dcr([{ streams: [CONTAINER_LOGS], transformKql: "source | where LogLevel != 'debug'" }]), violates: true },
            { name: "a transform that masks e-mail addresses only", props: dcr([{ streams: [CONTAINER_LOGS], transformKql: maskingKql({ "email-address": MASK_PATTERNS["email-address"] }) }]), violates: true },
            { name: "a transform that names every kind but never writes the line back", props: dcr([{ streams: [CONTAINER_LOGS], transformKql: MASKING_KQL.replace("| extend LogMessage = parse_json(MaskText)\n", "") }]), violates: true },
            { name: "a transform that drops the line", props: dcr([{ streams: [CONTAINER_LOGS], transformKql: "source | project-away LogMessage" }]), violates: false },
            { name: "a rule with no container logs (managed Prometheus)", props: dcr([{ streams: ["Microsoft-PrometheusMetrics"] }]), violates: false },
        ],
    },
    {
        rule: applicationInsightsWorkspaceBased,
        compliant: applicationinsightsComponent({ resourceGroupName: "rg", kind: "web", applicationType: "web", ingestionMode: "LogAnalytics", workspaceResourceId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/w" }),
        violating: applicationinsightsComponent({ resourceGroupName: "rg", kind: "web", applicationType: "web" }),
        extra: [
            { name: "IP masking turned off", props: applicationinsightsComponent({ resourceGroupName: "rg", kind: "web", applicationType: "web", workspaceResourceId: "/w", disableIpMasking: true }), violates: true },
            { name: "a workspace created in the same update", props: { resourceGroupName: "rg", kind: "web", applicationType: "web", workspaceResourceId: "[unknown]" }, violates: false },
        ],
    },
];

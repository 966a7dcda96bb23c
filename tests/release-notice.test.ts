/**
 * The release notice on each cloud's cluster, built on the harness's spine with the shared prod
 * cluster args: what it creates, under which parent and provider, what its filter or query
 * matches, whom it notifies with which text, and that a record depending on it is written after
 * it. On AWS a DR-region cluster's notice notifies the DR region's topic.
 */
import { ConfigMap } from "@pulumi/kubernetes/core/v1/configMap";
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { AwsCluster } from "../components/aws/cluster";
import { releaseNoticeFilterPattern, RELEASE_NOTICE_LOOKBACK_PERIODS, RELEASE_NOTICE_PERIOD_SECONDS } from "../components/aws/cluster-release-notice";
import { AzureCluster } from "../components/azure/cluster";
import { RELEASE_NOTICE_WHO_COLUMN, releaseNoticeQuery } from "../components/azure/cluster-release-notice";
import type { Cluster, ReleaseNoticeArgs } from "../components/contracts/cluster";
import { GcpCluster } from "../components/gcp/cluster";
import { RELEASE_NOTICE_WHO_LABEL } from "../components/gcp/cluster-release-notice";
import { EKS_AUDIT_EVENT, RELEASE_NOTICE_METRIC_NAMESPACE } from "../domain/catalogs/aws";
import { AKS_AUDIT_LOG, AZURE_ALERT_SEVERITY } from "../domain/catalogs/azure";
import { GCP_LOG_ALERT_LIMITS, GKE_AUDIT_LOG } from "../domain/catalogs/gcp";
import type { Plan, PlannedResource } from "../tools/plan/types";
import { buildComponent, clusterArgs } from "./support/component";
import { input, one } from "./support/plan";

const CLUSTER = "gravitypm:components:Cluster";
const NOTICE: ReleaseNoticeArgs = { namespace: "gravitypm", configMapName: "gravitypm-release", summary: "gravitypm-component: blue active; blue api:1.4.2 web:1.4.2, green api:1.5.0 web:1.5.0" };
const VERBS = ["create", "update", "patch"];

/** What the app does: the record depends on the notice. */
function recordAfter(name: string, cluster: Cluster, notice: pulumi.Resource): ConfigMap {
    return new ConfigMap(
        `${name}-record`,
        { metadata: { name: NOTICE.configMapName, namespace: NOTICE.namespace }, data: { summary: NOTICE.summary } },
        { provider: cluster.provider, dependsOn: [notice] },
    );
}

/** Values of outputs, read once the build has resolved them. */
const resolved: Record<string, unknown> = {};
function capture<T>(key: string, value: pulumi.Input<T>): void {
    pulumi.output(value).apply((v) => {
        resolved[key] = v;
    });
}

function childOf(p: Plan, componentName: string, type: string, name: string): PlannedResource {
    const resource = one(p, type, name);
    expect(resource.parent).toBe(one(p, CLUSTER, componentName).urn);
    return resource;
}

describe("AWS: a metric filter on the control-plane log group and an alarm on its count", () => {
    const DR = { region: "us-east-2", zones: ["use2-az1", "use2-az2", "use2-az3"], cidr: "10.1.0.0/16" };
    const built = buildComponent(
        "aws",
        (spine) => {
            const primary = new AwsCluster("cluster", clusterArgs(spine));
            recordAfter("cluster", primary, primary.releaseNotice("release-notice", NOTICE));
            const dr = spine.dr;
            if (!dr) throw new Error("the harness was asked for a DR region");
            const standby = new AwsCluster(
                "standby",
                clusterArgs({ ...spine, ...dr }, { role: "standby", endpoint: "private", authorizedCidrs: [], nodePool: { size: "medium", minNodes: 1, maxNodes: 9 }, primaryRegistry: primary.registry }),
            );
            standby.releaseNotice("release-notice", NOTICE);
            capture("aws.topicArn", spine.alerts.topicArn);
            capture("aws.drTopicArn", spine.alerts.drTopicArn);
        },
        { environment: "prod", primary: { region: "us-west-1", zones: ["usw1-az1", "usw1-az3"], cidr: "10.0.0.0/16" }, dr: DR },
    );
    const FILTER = "aws:cloudwatch/logMetricFilter:LogMetricFilter";
    const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";

    it("is a filter and an alarm under the cluster, on the cluster's regional provider", async () => {
        const p = await built;
        for (const [component, provider] of [["cluster", "aws-primary"], ["standby", "aws-dr"]] as const) {
            const filter = childOf(p, component, FILTER, `${component}-release-notice-filter`);
            const alarm = childOf(p, component, ALARM, `${component}-release-notice-alarm`);
            expect(filter.provider).toMatch(new RegExp(`::${provider}$`));
            expect(alarm.provider).toMatch(new RegExp(`::${provider}$`));
        }
    });

    it("filters the cluster's own control-plane log group for 2xx writes of the record", async () => {
        const p = await built;
        const filter = one(p, FILTER, "cluster-release-notice-filter");
        const group = one(p, "aws:cloudwatch/logGroup:LogGroup", "cluster-control-plane-logs");
        expect(input(filter, "logGroupName")).toBe(input(group, "name"));
        expect(filter.dependencies).toContain(group.urn);
        const pattern = String(input(filter, "pattern"));
        expect(pattern).toBe(releaseNoticeFilterPattern(NOTICE));
        const { fields } = EKS_AUDIT_EVENT.value;
        expect(pattern).toMatch(/^\{ .* \}$/);
        expect(pattern).toContain(`(${fields.resource} = "configmaps")`);
        expect(pattern).toContain(`(${fields.namespace} = "gravitypm")`);
        expect(pattern).toContain(`(${fields.name} = "gravitypm-release")`);
        for (const verb of VERBS) expect(pattern).toContain(`(${fields.verb} = "${verb}")`);
        expect(pattern).toContain(`(${fields.responseCode} < 300)`);
        expect(input(filter, "metricTransformation")).toMatchObject({ namespace: RELEASE_NOTICE_METRIC_NAMESPACE.value, value: "1" });
    });

    it("alarms on any write in a one-minute sum, carrying the summary, notifying the topic of its region", async () => {
        const p = await built;
        const filter = one(p, FILTER, "cluster-release-notice-filter");
        const alarm = one(p, ALARM, "cluster-release-notice-alarm");
        expect(alarm.dependencies).toContain(filter.urn);
        expect(input(alarm, "namespace")).toBe(RELEASE_NOTICE_METRIC_NAMESPACE.value);
        expect(input(alarm, "metricName")).toBe(input(filter, "metricTransformation.name"));
        expect(input(alarm, "metricName")).toContain("gravitypm-component-primary");
        expect(input(alarm, "alarmDescription")).toBe(NOTICE.summary);
        expect(input(alarm, "statistic")).toBe("Sum");
        expect(input(alarm, "period")).toBe(RELEASE_NOTICE_PERIOD_SECONDS);
        expect(input(alarm, "evaluationPeriods")).toBe(RELEASE_NOTICE_LOOKBACK_PERIODS);
        expect(input(alarm, "datapointsToAlarm")).toBe(1);
        expect(input(alarm, "threshold")).toBe(1);
        expect(input(alarm, "comparisonOperator")).toBe("GreaterThanOrEqualToThreshold");
        expect(input(alarm, "treatMissingData")).toBe("notBreaching");
        expect(input(alarm, "alarmActions")).toEqual([resolved["aws.topicArn"]]);
        expect(String(resolved["aws.topicArn"])).toMatch(/^arn:aws:sns:us-west-1:/);
    });

    it("notifies the DR region's topic from the DR-region cluster", async () => {
        const p = await built;
        const alarm = one(p, ALARM, "standby-release-notice-alarm");
        expect(input(alarm, "alarmActions")).toEqual([resolved["aws.drTopicArn"]]);
        expect(String(resolved["aws.drTopicArn"])).toMatch(/^arn:aws:sns:us-east-2:/);
        expect(input(alarm, "metricName")).toContain("gravitypm-component-dr");
        expect(input(one(p, FILTER, "standby-release-notice-filter"), "logGroupName")).toBe(input(one(p, "aws:cloudwatch/logGroup:LogGroup", "standby-control-plane-logs"), "name"));
    });

    it("returns the alarm, so the record is written after it", async () => {
        const p = await built;
        const record = one(p, "kubernetes:core/v1:ConfigMap", "cluster-record");
        expect(record.dependencies).toContain(one(p, ALARM, "cluster-release-notice-alarm").urn);
    });
});

describe("GCP: a log-match alert policy on the GKE Admin Activity audit entries", () => {
    const built = buildComponent(
        "gcp",
        (spine) => {
            const cluster = new GcpCluster("cluster", clusterArgs(spine));
            recordAfter("cluster", cluster, cluster.releaseNotice("release-notice", NOTICE));
            capture("gcp.channels", spine.alerts.targetIds);
        },
        { environment: "prod" },
    );
    const POLICY = "gcp:monitoring/alertPolicy:AlertPolicy";

    it("is one alert policy under the cluster, on the site's provider", async () => {
        const p = await built;
        const policy = childOf(p, "cluster", POLICY, "cluster-release-notice");
        expect(policy.provider).toMatch(/::gcp-primary$/);
        expect(input(policy, "project")).toBe("gravitypm-component");
        expect(input(policy, "enabled")).toBe(true);
    });

    it("matches writes of the record in this cluster's audit log, and names who made them", async () => {
        const p = await built;
        const policy = one(p, POLICY, "cluster-release-notice");
        const gke = one(p, "gcp:container/cluster:Cluster");
        const conditions = input(policy, "conditions") as { conditionMatchedLog: { filter: string; labelExtractors: Record<string, string> } }[];
        expect(conditions).toHaveLength(1);
        const { filter, labelExtractors } = conditions[0].conditionMatchedLog;
        expect(filter).toContain(`resource.type="${GKE_AUDIT_LOG.resourceType.value}"`);
        expect(filter).toContain(`resource.labels.cluster_name="${String(input(gke, "name"))}"`);
        expect(filter).toContain(`resource.labels.location="us-central1"`);
        expect(filter).toContain(`logName="projects/gravitypm-component/logs/cloudaudit.googleapis.com%2Factivity"`);
        expect(filter).toContain(`protoPayload.resourceName="core/v1/namespaces/gravitypm/configmaps/gravitypm-release"`);
        for (const verb of VERBS) expect(filter).toContain(`"io.k8s.core.v1.configmaps.${verb}"`);
        expect(labelExtractors).toEqual({ [RELEASE_NOTICE_WHO_LABEL]: "EXTRACT(protoPayload.authenticationInfo.principalEmail)" });
    });

    it("notifies the stack's channels, rate-limited as log-match policies must be, with the summary", async () => {
        const p = await built;
        const policy = one(p, POLICY, "cluster-release-notice");
        const channels = resolved["gcp.channels"] as string[];
        expect(channels.length).toBeGreaterThan(0);
        expect(input(policy, "notificationChannels")).toEqual(channels);
        expect(input(policy, "alertStrategy.notificationRateLimit.period")).toBe(`${GCP_LOG_ALERT_LIMITS.value.notificationRateLimitSeconds}s`);
        expect(input(policy, "alertStrategy.autoClose")).toBe(`${GCP_LOG_ALERT_LIMITS.value.autoCloseSeconds}s`);
        expect(input(policy, "documentation.content")).toBe(NOTICE.summary);
    });

    it("returns the policy, so the record is written after it", async () => {
        const p = await built;
        expect(one(p, "kubernetes:core/v1:ConfigMap", "cluster-record").dependencies).toContain(one(p, POLICY, "cluster-release-notice").urn);
    });
});

describe("Azure: a log search alert rule on the cluster's Log Analytics workspace", () => {
    const built = buildComponent(
        "azure",
        (spine) => {
            const cluster = new AzureCluster("cluster", clusterArgs(spine));
            recordAfter("cluster", cluster, cluster.releaseNotice("release-notice", NOTICE));
            capture("azure.workspaceId", cluster.logAnalyticsWorkspaceId);
            capture("azure.actionGroupId", spine.alerts.actionGroupId);
        },
        { environment: "prod" },
    );
    const RULE = "azure-native:monitor:ScheduledQueryRule";

    it("is one enabled log alert under the cluster, on the site's provider, where the cluster's resources are", async () => {
        const p = await built;
        const rule = childOf(p, "cluster", RULE, "cluster-release-notice");
        const workspace = one(p, "azure-native:operationalinsights:Workspace", "cluster-logs");
        expect(rule.provider).toBe(workspace.provider);
        expect(input(rule, "kind")).toBe("LogAlert");
        expect(input(rule, "enabled")).toBe(true);
        expect(input(rule, "location")).toBe(input(workspace, "location"));
        expect(input(rule, "resourceGroupName")).toBe(input(workspace, "resourceGroupName"));
        expect(input(rule, "tags")).toEqual(input(workspace, "tags"));
        expect(input(rule, "ruleName")).toBe("gravitypm-component-primary-cluster-release-notice");
    });

    it("queries the workspace's kube-audit-admin rows for 2xx writes of the record, split by who made them", async () => {
        const p = await built;
        const rule = one(p, RULE, "cluster-release-notice");
        expect(String(resolved["azure.workspaceId"])).toMatch(/\/workspaces\//);
        expect(input(rule, "scopes")).toEqual([resolved["azure.workspaceId"]]);
        const [criterion] = input(rule, "criteria.allOf") as { query: string; timeAggregation: string; operator: string; threshold: number; dimensions: { name: string }[] }[];
        const { query } = criterion;
        expect(query).toBe(releaseNoticeQuery(NOTICE));
        expect(query.startsWith(AKS_AUDIT_LOG.value.table)).toBe(true);
        expect(query).toContain(`Category == "${AKS_AUDIT_LOG.value.category}"`);
        expect(query).toContain(`tostring(event.objectRef.namespace) == "gravitypm"`);
        expect(query).toContain(`tostring(event.objectRef.name) == "gravitypm-release"`);
        for (const verb of VERBS) expect(query).toContain(`"${verb}"`);
        expect(query).toContain("toint(event.responseStatus.code) < 300");
        expect(query).toContain(`${RELEASE_NOTICE_WHO_COLUMN} = tostring(event.user.username)`);
        expect(criterion).toMatchObject({ timeAggregation: "Count", operator: "GreaterThan", threshold: 0 });
        expect(criterion.dimensions).toEqual([{ name: RELEASE_NOTICE_WHO_COLUMN, operator: "Include", values: ["*"] }]);
        expect(input(rule, "evaluationFrequency")).toBe("PT5M");
        expect(input(rule, "windowSize")).toBe("PT5M");
    });

    it("notifies the stack's action group, informational, with the summary", async () => {
        const p = await built;
        const rule = one(p, RULE, "cluster-release-notice");
        expect(String(resolved["azure.actionGroupId"])).toMatch(/\/actionGroups\//);
        expect(input(rule, "actions.actionGroups")).toEqual([resolved["azure.actionGroupId"]]);
        expect(input(rule, "severity")).toBe(AZURE_ALERT_SEVERITY.informational.value);
        expect(input(rule, "description")).toBe(NOTICE.summary);
        expect(input(rule, "autoMitigate")).toBe(false);
    });

    it("returns the rule, so the record is written after it", async () => {
        const p = await built;
        expect(one(p, "kubernetes:core/v1:ConfigMap", "cluster-record").dependencies).toContain(one(p, RULE, "cluster-release-notice").urn);
    });
});

/**
 * Observability on AWS.
 *
 *   logs       Container Insights through the amazon-cloudwatch-observability EKS add-on: Fluent
 *              Bit ships every container's logs to /aws/containerinsights/<cluster>/application
 *              (node and kubelet logs to host and dataplane), into groups created here first with
 *              the cluster region's stack key, the stack's retention and a data protection policy
 *              masking MASKED_DATA (observability-logs.ts)
 *   metrics    the add-on's CloudWatch agent publishes the Container Insights metrics the
 *              clusters' node, failure and restart alarms read (cluster-alarms.ts); an Amazon
 *              Managed Service for Prometheus workspace per region with a cluster, encrypted with
 *              that region's key, is where Prometheus and OpenTelemetry metrics are written
 *   dashboard  one CloudWatch dashboard in the primary region (observability-dashboard.ts)
 *   uptime     Route 53 health checks from three regions and their alarms in us-east-1, with
 *              availability burn-rate and p95 latency SLO alerts (observability-uptime.ts)
 *
 * Every alarm notifies the alerts topic of its own region (CloudWatch cannot notify another
 * region's topic); us-east-1 alarms without a topic there are relayed (observability-relay.ts).
 */
import { Dashboard } from "@pulumi/aws/cloudwatch/dashboard";
import { Addon } from "@pulumi/aws/eks/addon";
import { getCallerIdentityOutput } from "@pulumi/aws/getCallerIdentity";
import { Role } from "@pulumi/aws/iam/role";
import { RolePolicyAttachment } from "@pulumi/aws/iam/rolePolicyAttachment";
import { Workspace } from "@pulumi/aws/amp/workspace";
import * as pulumi from "@pulumi/pulumi";
import { CLOUDWATCH_AGENT_SERVER_POLICY, CLOUDWATCH_LOG_RETENTION_DAYS, CLOUDWATCH_OBSERVABILITY_ADDON, containerInsightsLogGroupName, EKS_AMI_TYPE } from "../../domain/catalogs/aws";
import { OBSERVABILITY_TYPE, type Observability, type ObservabilityArgs, type ObservedCluster } from "../contracts/observability";
import { assertBuildable, type BuildProblem } from "../shared/buildable";
import type { AwsTypes } from ".";
import { containerInsightsAlarms } from "./cluster-alarms";
import { podIdentityAssumeRolePolicy } from "./cluster-identity";
import { AwsDocumentDb } from "./database";
import { clusterLogs } from "./observability-logs";
import { dashboardBody, dashboardConsoleUrl } from "./observability-dashboard";
import { alarmRelay } from "./observability-relay";
import { METRICS_REGION, uptimeChecks, uptimeProblems } from "./observability-uptime";

export type AwsObservabilityArgs = ObservabilityArgs<AwsTypes>;
type AwsObservedCluster = ObservedCluster<AwsTypes>;

/** Everything wrong with the args, before any resource exists. */
export function awsObservabilityProblems(args: AwsObservabilityArgs): BuildProblem[] {
    const problems: BuildProblem[] = [...uptimeProblems(args.uptimeTargets, args.settings.slo)];
    const retention: readonly number[] = CLOUDWATCH_LOG_RETENTION_DAYS.value;
    if (!retention.includes(args.logRetentionDays)) {
        problems.push({ key: "logRetentionDays", message: `${args.logRetentionDays} is not a retention CloudWatch Logs accepts (${retention.join(", ")})` });
    }
    if (args.clusters.length === 0) problems.push({ message: "no cluster to observe" });
    if (args.clusters.filter((c) => c.role === "primary").length !== 1) problems.push({ message: "exactly one primary cluster" });
    const regions = args.clusters.map((c) => c.site.region);
    if (new Set(regions).size !== regions.length) problems.push({ message: `one cluster per region (${regions.join(", ")}): each region's workspace and alarms are named by its site` });
    for (const c of args.clusters) {
        if (c.site.role === "dr" && !args.alerts.drTopicArn) {
            problems.push({ message: `the ${c.role} cluster in ${c.site.region} needs the alerts' DR topic (CloudWatch alarms notify topics in their own region only)` });
        }
    }
    if (args.appNamespace.length === 0) problems.push({ key: "appNamespace", message: "the app's namespace is needed for its logs and metrics" });
    return problems;
}

/** The alerts topic of a site's region (the DR topic in the DR region). */
function topicOf(args: AwsObservabilityArgs, site: AwsTypes["site"]): pulumi.Output<string> | undefined {
    return site.role === "dr" ? args.alerts.drTopicArn : args.alerts.topicArn;
}

/**
 * Where the us-east-1 alarms notify directly: the topic of a stack region that is us-east-1.
 * Undefined otherwise: the relay then carries their state changes to the primary topic.
 */
export function topicInMetricsRegion(args: AwsObservabilityArgs): pulumi.Output<string> | undefined {
    if (args.site.region === METRICS_REGION) return args.alerts.topicArn;
    const drSite = args.clusters.find((c) => c.site.role === "dr" && c.site.region === METRICS_REGION)?.site;
    return drSite ? args.alerts.drTopicArn : undefined;
}

/** The policy a writer of the region's workspace needs (the app's workload identity, a collector). */
export function ampRemoteWritePolicy(workspaceArn: string): string {
    return JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["aps:RemoteWrite"], Resource: workspaceArn }] });
}

export class AwsObservability extends pulumi.ComponentResource implements Observability {
    public readonly logStoreId: pulumi.Output<string>;
    public readonly metricsStoreId: pulumi.Output<string>;
    public readonly dashboardUrl: pulumi.Output<string>;
    public readonly notes: readonly string[];
    /** The Prometheus workspace of each region with a cluster, by region. */
    public readonly prometheusWorkspaces: Readonly<Record<string, Workspace>>;

    constructor(name: string, args: AwsObservabilityArgs, opts?: pulumi.ComponentResourceOptions) {
        super(OBSERVABILITY_TYPE, name, {}, opts);
        assertBuildable(this, `Observability ${name}`, awsObservabilityProblems(args));
        const child = { parent: this, provider: args.site.provider };
        const accountId = getCallerIdentityOutput({}, child).accountId;
        const notes: string[] = [];

        const workspaces: Record<string, Workspace> = {};
        for (const observed of args.clusters) {
            workspaces[observed.site.region] = this.collect(name, args, observed, accountId);
        }
        this.prometheusWorkspaces = workspaces;
        notes.push(
            `Container logs reach /aws/containerinsights/<cluster>/application; on ${EKS_AMI_TYPE.value} nodes the add-on ships no host or dataplane logs by default, so those groups may stay empty (the kubelet's journal is not read)`,
        );
        notes.push(
            "Prometheus workspaces have no scraper: an Amazon Managed Service for Prometheus scraper needs the cluster's subnets and a security group that reaches its nodes, which the Cluster contract does not expose; the app writes its own metrics to the workspace's remote_write endpoint with aps:RemoteWrite (ampRemoteWritePolicy) on its workload identity",
        );

        const uptimeTopic = topicInMetricsRegion(args);
        const alarmNamePrefix = `${args.site.namePrefix}-uptime-`;
        const uptime = uptimeChecks(name, { namePrefix: args.site.namePrefix, targets: args.uptimeTargets, slo: args.settings.slo, topicArn: uptimeTopic }, child);
        if (!uptimeTopic) {
            alarmRelay(`${name}-uptime-relay`, { alarmRegion: METRICS_REGION, alarmNamePrefix, topicRegion: args.site.region, topicArn: args.alerts.topicArn, accountId }, child);
            notes.push(
                `Uptime and SLO alarms live in ${METRICS_REGION}, where Route 53 publishes health-check metrics, and the stack has no alerts topic there: EventBridge relays their state changes to the ${args.site.region} topic, and the alarms carry no alarm actions of their own`,
            );
        }

        const isDocumentDb = args.database instanceof AwsDocumentDb;
        if (!isDocumentDb) notes.push("The database is not DocumentDB: the dashboard's AWS/DocDB widgets stay empty; its metrics are in the service that runs it (Atlas)");
        const dashboardName = `${args.site.namePrefix}-golden-signals`;
        const primaryCluster = args.clusters.find((c) => c.role === "primary") ?? args.clusters[0];
        const checkIds = uptime.checks.map((c) => c.healthCheck.id);
        const body = pulumi
            .all([pulumi.all(args.clusters.map((c) => c.cluster.clusterName)), args.database.metricsId, args.cache.metricsId, pulumi.all(checkIds)])
            .apply(([clusterNames, databaseId, cacheId, healthCheckIds]) =>
                dashboardBody({
                    title: `GravityPM ${args.environment}: golden signals`,
                    clusters: args.clusters.map((c, i) => ({ name: clusterNames[i], region: c.site.region, role: c.role })),
                    appNamespace: args.appNamespace,
                    database: { metricsId: databaseId, region: args.site.region },
                    cache: { metricsId: cacheId, region: args.site.region },
                    checks: uptime.checks.map((c, i) => ({ name: c.target.name, healthCheckId: healthCheckIds[i], url: `https://${c.target.host}${c.target.path}` })),
                    slo: args.settings.slo,
                }),
            );
        new Dashboard(`${name}-dashboard`, { dashboardName, dashboardBody: body }, child);

        this.logStoreId = primaryCluster.cluster.clusterName.apply((c) => containerInsightsLogGroupName(c, "application"));
        this.metricsStoreId = workspaces[primaryCluster.site.region].id;
        this.dashboardUrl = pulumi.output(dashboardConsoleUrl(args.site.region, dashboardName));
        this.notes = notes;
        this.registerOutputs({ logStoreId: this.logStoreId, metricsStoreId: this.metricsStoreId, dashboardUrl: this.dashboardUrl });
    }

    /**
     * One cluster's collection, in its region with that region's key and topic: the log groups
     * and their masking, the Prometheus workspace, the add-on with its Pod Identity role, and
     * the Container Insights alarms once the add-on runs. Returns the workspace.
     */
    private collect(name: string, args: AwsObservabilityArgs, observed: AwsObservedCluster, accountId: pulumi.Output<string>): Workspace {
        const { site, keys, cluster, role } = observed;
        const prefix = `${name}-${role}`;
        const child = { parent: this, provider: site.provider };
        const logs = clusterLogs(prefix, { clusterName: cluster.clusterName, keyArn: keys.keyArn, retentionDays: args.logRetentionDays, protect: args.protect }, child);
        const workspace = new Workspace(`${prefix}-prometheus`, { alias: `${site.namePrefix}-${role}`, kmsKeyArn: keys.keyArn }, { ...child, protect: args.protect });

        const agentRole = new Role(
            `${prefix}-agent-role`,
            { description: `CloudWatch agent and Fluent Bit of ${site.namePrefix} ${role} (Pod Identity)`, assumeRolePolicy: accountId.apply(podIdentityAssumeRolePolicy) },
            child,
        );
        const agentPolicy = new RolePolicyAttachment(`${prefix}-agent-policy`, { role: agentRole.name, policyArn: CLOUDWATCH_AGENT_SERVER_POLICY.value }, child);
        const addon = CLOUDWATCH_OBSERVABILITY_ADDON.value;
        const collection = new Addon(
            `${prefix}-observability-addon`,
            {
                clusterName: cluster.clusterName,
                addonName: addon.name,
                podIdentityAssociations: [{ roleArn: agentRole.arn, serviceAccount: addon.serviceAccount }],
                resolveConflictsOnCreate: "OVERWRITE",
                resolveConflictsOnUpdate: "OVERWRITE",
            },
            // The groups exist before Fluent Bit and the agent first write, so they are never
            // auto-created unencrypted. The add-on's DaemonSets become ready only on nodes with
            // the Pod Identity agent: when the cluster is a component, the add-on waits for all of it.
            { ...child, dependsOn: [agentPolicy, ...Object.values(logs.groups), ...logs.masking, ...(cluster instanceof pulumi.Resource ? [cluster] : [])] },
        );
        const topicArn = topicOf(args, site);
        if (topicArn) containerInsightsAlarms(`${prefix}-cluster`, cluster.clusterName, `${site.namePrefix} ${role}`, topicArn, { ...child, dependsOn: [collection] });
        return workspace;
    }
}

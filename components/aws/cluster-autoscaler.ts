/**
 * The cluster autoscaler: EKS managed node groups do not scale on their own, so without it a
 * node group would sit at its minimum whatever the pods ask for. It discovers this cluster's
 * node groups by the tag EKS puts on their Auto Scaling groups and may resize only those.
 */
import { RolePolicy } from "@pulumi/aws/iam/rolePolicy";
import { Release } from "@pulumi/kubernetes/helm/v3/release";
import type { Provider } from "@pulumi/kubernetes/provider";
import * as pulumi from "@pulumi/pulumi";
import { CLUSTER_AUTOSCALER_ACTIONS, CLUSTER_AUTOSCALER_CHART } from "../../domain/catalogs/aws";
import { podIdentity } from "./cluster-identity";

/** Describe anything; resize only Auto Scaling groups tagged as this cluster's. */
export function autoscalerPolicy(clusterName: string): string {
    const actions = CLUSTER_AUTOSCALER_ACTIONS.value;
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            { Effect: "Allow", Action: [...actions.describe], Resource: "*" },
            {
                Effect: "Allow",
                Action: [...actions.resize],
                Resource: "*",
                Condition: { StringEquals: { [`aws:ResourceTag/${actions.ownerTag}${clusterName}`]: "owned" } },
            },
        ],
    });
}

export interface AutoscalerArgs {
    readonly clusterName: pulumi.Output<string>;
    readonly accountId: pulumi.Output<string>;
    readonly region: string;
    readonly provider: Provider;
    /** The node group (and what pods need) must exist before the autoscaler's pod can run. */
    readonly dependsOn: pulumi.Resource[];
}

export function clusterAutoscaler(name: string, args: AutoscalerArgs, parent: pulumi.Resource, awsOpts: pulumi.CustomResourceOptions): Release {
    const chart = CLUSTER_AUTOSCALER_CHART.value;
    const { role } = podIdentity(`${name}-autoscaler`, args.clusterName, args.accountId, { namespace: chart.namespace, serviceAccount: chart.serviceAccount }, awsOpts);
    const policy = new RolePolicy(`${name}-autoscaler-policy`, { role: role.id, policy: args.clusterName.apply(autoscalerPolicy) }, awsOpts);
    return new Release(
        `${name}-autoscaler`,
        {
            name: chart.serviceAccount,
            chart: chart.chart,
            version: chart.version,
            repositoryOpts: { repo: chart.repo },
            namespace: chart.namespace,
            values: {
                cloudProvider: "aws",
                awsRegion: args.region,
                autoDiscovery: { clusterName: args.clusterName },
                rbac: { serviceAccount: { create: true, name: chart.serviceAccount } },
                // Spread like-for-like node groups evenly across zones when scaling.
                extraArgs: { "balance-similar-node-groups": true, "skip-nodes-with-system-pods": false },
            },
        },
        { parent, provider: args.provider, dependsOn: [policy, ...args.dependsOn] },
    );
}

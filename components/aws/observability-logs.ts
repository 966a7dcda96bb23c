/**
 * The clusters' logs in CloudWatch Logs: the Container Insights log groups, created before the
 * add-on that writes them so they carry the stack key and the stack's retention, and a data
 * protection policy on every group that holds log lines.
 */
import { LogDataProtectionPolicy } from "@pulumi/aws/cloudwatch/logDataProtectionPolicy";
import { LogGroup } from "@pulumi/aws/cloudwatch/logGroup";
import * as pulumi from "@pulumi/pulumi";
import { MASKED_DATA, type MaskedData } from "../../domain/capabilities/observability";
import {
    CONTAINER_INSIGHTS_LOG_GROUPS,
    containerInsightsLogGroupName,
    LOG_DATA_PROTECTION,
    LOG_MASKING_IDENTIFIERS,
    type ContainerInsightsLogGroup,
    type CustomLogDataIdentifier,
    type LogMaskingIdentifiers,
} from "../../domain/catalogs/aws";

/** Every kind of sensitive data the platform masks, with what finds it on CloudWatch Logs. */
export const AWS_MASKING: Readonly<Record<MaskedData, LogMaskingIdentifiers>> = Object.fromEntries(
    MASKED_DATA.map((kind) => [kind, LOG_MASKING_IDENTIFIERS[kind].value]),
) as Record<MaskedData, LogMaskingIdentifiers>;

/**
 * The groups whose events are log lines and get masking. `performance` holds the agent's
 * embedded-metric-format events (numbers and Kubernetes names): masking costs per GB scanned and
 * would find nothing there.
 */
export const MASKED_LOG_GROUPS: readonly ContainerInsightsLogGroup[] = CONTAINER_INSIGHTS_LOG_GROUPS.value.filter((kind) => kind !== "performance");

/** The managed identifier ARN CloudWatch Logs resolves for a managed identifier id. */
export function managedIdentifierArn(id: string): string {
    return `${LOG_DATA_PROTECTION.value.managedIdentifierArnPrefix}${id}`;
}

/** Every identifier a policy names: managed ARNs, then custom identifier names. */
export function maskingIdentifierRefs(masking: Readonly<Record<MaskedData, LogMaskingIdentifiers>> = AWS_MASKING): { managed: string[]; custom: CustomLogDataIdentifier[] } {
    const all = MASKED_DATA.map((kind) => masking[kind]);
    return { managed: all.flatMap((m) => m.managed.map(managedIdentifierArn)), custom: all.flatMap((m) => m.custom) };
}

/**
 * The data protection policy: audit (findings counted in the group's metrics, no extra
 * destination) and mask every identifier. Masked values read as asterisks for anyone without
 * logs:Unmask.
 */
export function logDataProtectionPolicy(policyName: string): string {
    const { managed, custom } = maskingIdentifierRefs();
    const identifiers = [...managed, ...custom.map((c) => c.name)];
    return JSON.stringify({
        Name: policyName,
        Description: "GravityPM: mask e-mail addresses, tokens, passwords and card numbers",
        Version: LOG_DATA_PROTECTION.value.version,
        Configuration: { CustomDataIdentifier: custom.map((c) => ({ Name: c.name, Regex: c.regex })) },
        Statement: [
            { Sid: "audit", DataIdentifier: identifiers, Operation: { Audit: { FindingsDestination: {} } } },
            { Sid: "mask", DataIdentifier: identifiers, Operation: { Deidentify: { MaskConfig: {} } } },
        ],
    });
}

export interface ClusterLogsArgs {
    readonly clusterName: pulumi.Output<string>;
    readonly keyArn: pulumi.Input<string>;
    readonly retentionDays: number;
    readonly protect: boolean;
}

export interface ClusterLogs {
    readonly groups: Readonly<Record<ContainerInsightsLogGroup, LogGroup>>;
    readonly masking: LogDataProtectionPolicy[];
}

/**
 * One cluster's Container Insights log groups (`<name>-<kind>-logs`) and their masking
 * (`<name>-<kind>-masking`). A policy per group rather than the account's: staging and prod may
 * share an account, and each stack owns only its own groups.
 */
export function clusterLogs(name: string, args: ClusterLogsArgs, opts: pulumi.CustomResourceOptions): ClusterLogs {
    const entries = CONTAINER_INSIGHTS_LOG_GROUPS.value.map((kind) => {
        const group = new LogGroup(
            `${name}-${kind}-logs`,
            {
                name: args.clusterName.apply((c) => containerInsightsLogGroupName(c, kind)),
                retentionInDays: args.retentionDays,
                kmsKeyId: args.keyArn,
                deletionProtectionEnabled: args.protect,
            },
            { ...opts, protect: args.protect },
        );
        return [kind, group] as const;
    });
    const groups = Object.fromEntries(entries) as Record<ContainerInsightsLogGroup, LogGroup>;
    const masking = MASKED_LOG_GROUPS.map(
        (kind) =>
            new LogDataProtectionPolicy(
                `${name}-${kind}-masking`,
                { logGroupName: groups[kind].name, policyDocument: args.clusterName.apply((c) => logDataProtectionPolicy(`${c}-${kind}-masking`)) },
                opts,
            ),
    );
    return { groups, masking };
}

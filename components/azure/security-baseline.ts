/**
 * The Azure security baseline: the stack's audit workspace (the one Log Analytics workspace of
 * the stack, which Observability will share), an archive storage account per region encrypted
 * with that region's stack key, a diagnostic setting on every resource the components
 * registered (components/azure/diagnostics.ts), the subscription's activity-log export and
 * Defender for Cloud plans where this stack owns the subscription's singletons, and activity
 * log alerts on the changes that matter.
 */
import { getClientConfigOutput } from "@pulumi/azure-native/authorization/getClientConfig";
import { ManagementLockByScope } from "@pulumi/azure-native/authorization/managementLockByScope";
import { ActivityLogAlert } from "@pulumi/azure-native/monitor/activityLogAlert";
import { DiagnosticSetting } from "@pulumi/azure-native/monitor/diagnosticSetting";
import { SubscriptionDiagnosticSetting } from "@pulumi/azure-native/monitor/subscriptionDiagnosticSetting";
import { Table } from "@pulumi/azure-native/operationalinsights/table";
import { Pricing } from "@pulumi/azure-native/security/pricing";
import { StorageAccount } from "@pulumi/azure-native/storage/storageAccount";
import type { monitor } from "@pulumi/azure-native/types/input";
import * as pulumi from "@pulumi/pulumi";
import { RandomString } from "@pulumi/random/randomString";
import {
    AZURE_ACTIVITY_LOG_CATEGORIES,
    AZURE_AUDIT_ALERTS,
    AZURE_DEFENDER_PLANS,
    AZURE_DIAGNOSTICS,
    AZURE_LOG_ANALYTICS_RETENTION_DAYS,
    AZURE_LOG_ANALYTICS_TOTAL_RETENTION_DAYS,
    type AzureDiagnosticProfile,
} from "../../domain/catalogs/azure";
import { SECURITY_BASELINE_TYPE, type SecurityBaseline, type SecurityBaselineArgs } from "../contracts/security-baseline";
import { assertBuildable, type BuildProblem } from "../shared/buildable";
import type { AzureTypes } from ".";
import type { AzureDiagnosticTarget } from "./diagnostics";
import type { AzureKeys } from "./keys";
import { interactiveRetentionDays } from "./log-workspace";
import { NAME_SUFFIX_LENGTH, storageAccountName } from "./naming";
import type { AzureSite } from "./site";

/** The name every setting the baseline creates carries on its resource (a resource may hold five). */
export const BASELINE_DIAGNOSTIC_SETTING_NAME = "security-baseline";

/**
 * The tables the audit trail lands in: the activity log, resource logs in Azure-diagnostics mode
 * (Key Vault, NSGs, AKS, …), and the types that write only resource-specific tables (registry,
 * blob, Managed Redis, workspace query audit). Total retention beyond two years is per table.
 */
export const AUDIT_TABLES = ["AzureActivity", "AzureDiagnostics", "ContainerRegistryLoginEvents", "ContainerRegistryRepositoryEvents", "StorageBlobLogs", "REDConnectionEvents", "LAQueryLogs"] as const;

export { interactiveRetentionDays };

export function azureSecurityBaselineProblems(args: SecurityBaselineArgs<AzureTypes>): BuildProblem[] {
    const min = AZURE_LOG_ANALYTICS_RETENTION_DAYS.value.min;
    const max = AZURE_LOG_ANALYTICS_TOTAL_RETENTION_DAYS.value.totalMax;
    const days = args.retentionDays;
    return !Number.isInteger(days) || days < min || days > max
        ? [{ key: "auditLogRetentionDays", message: `Log Analytics keeps audit logs ${min}-${max} days in total, not ${days}` }]
        : [];
}

/** The log and metric entries of a diagnostic setting for one kind of resource. */
export function diagnosticEntries(profile: AzureDiagnosticProfile): { logs?: monitor.DiagnosticsLogSettingsArgs[]; metrics?: monitor.DiagnosticsMetricSettingsArgs[] } {
    const logs = profile.logs === undefined
        ? undefined
        : "categoryGroup" in profile.logs
          ? [{ categoryGroup: profile.logs.categoryGroup, enabled: true }]
          : profile.logs.categories.map((category) => ({ category, enabled: true }));
    return { ...(logs ? { logs } : {}), ...(profile.metrics ? { metrics: [{ category: "AllMetrics", enabled: true }] } : {}) };
}

/** One line for plans and docs: what detects threats here, or why nothing does. */
export function azureThreatDetectionNote(threatDetection: boolean, ownsAccountSingletons: boolean): string {
    const plans = AZURE_DEFENDER_PLANS.value.map((p) => p.name).join(", ");
    if (!threatDetection) return "threat detection off (threatDetection=false): no Defender for Cloud plans; activity log audit alerts still notify the action group";
    if (!ownsAccountSingletons) {
        return "Defender for Cloud plans are subscription-wide and another stack owns them (ownsAccountSingletons=false); Defender alerts on this stack's resource groups still reach its action group";
    }
    return `Microsoft Defender for Cloud at Standard on the subscription (${plans}); its alerts reach the action group through the activity log's Security category`;
}

interface AuditedRegion {
    readonly site: AzureSite;
    readonly keys: AzureKeys;
}

/**
 * Why these choices:
 * - One workspace per stack, shared with Observability through the primary site
 *   (components/azure/log-workspace.ts): whichever is built first creates it. The audit trail
 *   must outlive any one cluster. Local (shared-key) auth is off, as on the
 *   cluster's. Log Analytics encrypts with a customer key only through a dedicated cluster
 *   (a daily commitment far above this stack's volume), so the record the stack key protects
 *   is the archive account.
 * - Retention: the workspace keeps `retentionDays` queryable up to two years; beyond that
 *   each audit table keeps the rest at long-term rates (total retention is a table setting).
 * - Archive: one account per audited region, because a diagnostic setting can write only to
 *   a storage account in its resource's region. Closed by the firewall with the trusted-service
 *   exception Azure Monitor writes through, like the flow-log account. With `lock` (prod) the
 *   account is created with version-level immutability (WORM for `retentionDays`, protected
 *   appends allowed, which Azure Monitor's append blobs need) and a CanNotDelete lock; Azure
 *   creates an immutability policy only Unlocked, and locking it is irreversible, so an
 *   operator locks it once after the first `up` (the account's update call with the policy
 *   state Locked) and the program ignores the state from then on. Staging gets neither, so it stays one `pulumi destroy`.
 * - Defender findings reach the action group through an activity log alert on the Security
 *   category, where Defender for Cloud records every alert: a security automation can only
 *   target a Logic App, an Event Hub or a workspace, never an action group.
 * - Audit alerts scope to the subscription when this stack owns it, else to the stack's own
 *   resource groups, so a staging stack sharing prod's subscription does not page twice.
 */
export class AzureSecurityBaseline extends pulumi.ComponentResource implements SecurityBaseline {
    public readonly auditStoreId: pulumi.Output<string>;
    public readonly threatDetectionNote: string;
    /** The stack's Log Analytics workspace, for Observability to share. */
    public readonly workspaceId: pulumi.Output<string>;
    public readonly workspaceName: pulumi.Output<string>;
    /** The archive storage account of each audited region. */
    public readonly archiveAccountIds: Readonly<Partial<Record<AzureSite["role"], pulumi.Output<string>>>>;

    constructor(name: string, args: SecurityBaselineArgs<AzureTypes>, opts?: pulumi.ComponentResourceOptions) {
        super(SECURITY_BASELINE_TYPE, name, {}, opts);
        assertBuildable(this, `SecurityBaseline ${name}`, azureSecurityBaselineProblems(args));
        const { site, alerts } = args;
        const child = { parent: this, provider: site.provider };
        const tags = { ...site.tags };
        const client = getClientConfigOutput({ parent: this, provider: site.provider });
        const subscriptionScope = pulumi.interpolate`/subscriptions/${client.subscriptionId}`;
        const interactive = interactiveRetentionDays(args.retentionDays);

        // The stack's one workspace, which Observability shares: created here unless it asked first.
        const workspace = site.logWorkspace.get({ retentionDays: args.retentionDays, protect: args.protect });
        // Total retention is per table; so is interactive retention when another user set the workspace's default.
        if (args.retentionDays > interactive || workspace.defaultRetentionDays !== interactive) {
            for (const table of AUDIT_TABLES) {
                new Table(
                    `${name}-${table.toLowerCase()}-retention`,
                    { resourceGroupName: site.resourceGroupName, workspaceName: workspace.name, tableName: table, retentionInDays: interactive, totalRetentionInDays: args.retentionDays },
                    child,
                );
            }
        }

        const regions: AuditedRegion[] = [{ site, keys: args.keys }, ...(args.dr ? [args.dr] : [])];
        const archives = regions.map((region) => ({ region, account: this.archive(name, region, args) }));
        if (args.lock) {
            const stores: [string, pulumi.Output<string>][] = [["workspace", workspace.id], ...archives.map(({ region, account }): [string, pulumi.Output<string>] => [`${region.site.role}-archive`, account.id])];
            for (const [role, scope] of stores) {
                new ManagementLockByScope(
                    `${name}-${role}-lock`,
                    { lockName: "audit-store", level: "CanNotDelete", scope, notes: `${site.namePrefix} audit store: kept for ${args.retentionDays} days; remove this lock only to retire the stack` },
                    child,
                );
            }
        }

        // Every registered resource, and the archives themselves (their access logs go to the workspace only).
        for (const { region, account: archive } of archives) {
            const targets: AzureDiagnosticTarget[] = [
                ...region.site.diagnostics.seal(`SecurityBaseline ${name}`),
                { name: `${name}-${region.site.role}-archive`, kind: "blobService", resourceId: archive.id },
            ];
            for (const target of targets) {
                const profile = AZURE_DIAGNOSTICS[target.kind].value;
                new DiagnosticSetting(
                    `${name}-${target.name}-diagnostics`,
                    {
                        name: BASELINE_DIAGNOSTIC_SETTING_NAME,
                        resourceUri: pulumi.output(target.resourceId).apply((id) => `${id}${profile.uriSuffix}`),
                        workspaceId: workspace.id,
                        storageAccountId: profile.record ? archive.id : undefined,
                        ...diagnosticEntries(profile),
                    },
                    { parent: this, provider: region.site.provider },
                );
            }
        }
        // Who queried the audit trail, in the audit trail.
        new DiagnosticSetting(
            `${name}-workspace-diagnostics`,
            { name: BASELINE_DIAGNOSTIC_SETTING_NAME, resourceUri: workspace.id, workspaceId: workspace.id, ...diagnosticEntries(AZURE_DIAGNOSTICS.logAnalyticsWorkspace.value) },
            child,
        );

        const primaryArchive = archives[0].account;
        if (args.ownsAccountSingletons) {
            // One per subscription: every activity-log category, queryable and kept as the record.
            new SubscriptionDiagnosticSetting(
                `${name}-activity-log`,
                {
                    name: `${site.namePrefix}-activity-log`,
                    workspaceId: workspace.id,
                    storageAccountId: primaryArchive.id,
                    logs: AZURE_ACTIVITY_LOG_CATEGORIES.value.map((category) => ({ category, enabled: true })),
                },
                child,
            );
            if (args.threatDetection) {
                for (const plan of AZURE_DEFENDER_PLANS.value) {
                    new Pricing(
                        `${name}-defender-${plan.name.toLowerCase()}`,
                        { pricingName: plan.name, pricingTier: "Standard", subPlan: plan.subPlan, scopeId: subscriptionScope },
                        child,
                    );
                }
            }
        }

        const scopes = args.ownsAccountSingletons
            ? [subscriptionScope]
            : regions.map((r) => pulumi.interpolate`/subscriptions/${client.subscriptionId}/resourceGroups/${r.site.resourceGroupName}`);
        for (const alert of AZURE_AUDIT_ALERTS.value) {
            new ActivityLogAlert(
                `${name}-alert-${alert.id}`,
                {
                    activityLogAlertName: `${site.namePrefix}-audit-${alert.id}`,
                    resourceGroupName: site.resourceGroupName,
                    // Activity log alert rules are global.
                    location: "Global",
                    enabled: true,
                    description: `${site.namePrefix}: ${alert.description}`,
                    scopes,
                    condition: {
                        allOf: [{ field: "category", equals: alert.category }, ...(alert.operationName ? [{ field: "operationName", equals: alert.operationName }] : [])],
                    },
                    actions: { actionGroups: alerts.targetIds.map((actionGroupId) => ({ actionGroupId })) },
                    tags,
                },
                child,
            );
        }

        this.workspaceId = workspace.id;
        this.workspaceName = workspace.name;
        this.auditStoreId = workspace.id;
        this.archiveAccountIds = Object.fromEntries(archives.map(({ region, account }) => [region.site.role, account.id]));
        this.threatDetectionNote = azureThreatDetectionNote(args.threatDetection, args.ownsAccountSingletons);
        this.registerOutputs({ auditStoreId: this.auditStoreId, threatDetectionNote: this.threatDetectionNote });
    }

    /** The region's archive account (child `<name>-<role>-archive`), encrypted with the region's stack key. */
    private archive(name: string, region: AuditedRegion, args: SecurityBaselineArgs<AzureTypes>): StorageAccount {
        const { site, keys } = region;
        const role = site.role;
        const suffix = new RandomString(
            `${name}-${role}-archive-suffix`,
            { length: NAME_SUFFIX_LENGTH, special: false, upper: false, numeric: true, lower: true },
            { parent: this },
        );
        return new StorageAccount(
            `${name}-${role}-archive`,
            {
                accountName: suffix.result.apply((s) => storageAccountName(site.namePrefix, role, "audit", s)),
                resourceGroupName: site.resourceGroupName,
                location: site.location,
                kind: "StorageV2",
                sku: { name: "Standard_ZRS" },
                accessTier: "Cool",
                minimumTlsVersion: "TLS1_2",
                enableHttpsTrafficOnly: true,
                allowBlobPublicAccess: false,
                allowCrossTenantReplication: false,
                // Closed by the firewall, not by publicNetworkAccess "Disabled", which would also
                // shut out the trusted-service exception Azure Monitor writes through.
                publicNetworkAccess: "Enabled",
                networkRuleSet: { defaultAction: "Deny", bypass: "AzureServices" },
                identity: { type: "UserAssigned", userAssignedIdentities: [keys.identityId] },
                encryption: {
                    keySource: "Microsoft.Keyvault",
                    // No key version: the account follows the key's rotations.
                    keyVaultProperties: { keyName: keys.keyName, keyVaultUri: keys.vaultUri },
                    encryptionIdentity: { encryptionUserAssignedIdentity: keys.identityId },
                    requireInfrastructureEncryption: true,
                },
                immutableStorageWithVersioning: args.lock
                    ? {
                          enabled: true,
                          immutabilityPolicy: { immutabilityPeriodSinceCreationInDays: args.retentionDays, state: "Unlocked", allowProtectedAppendWrites: true },
                      }
                    : undefined,
                tags: { ...site.tags },
            },
            {
                parent: this,
                provider: site.provider,
                protect: args.protect,
                dependsOn: [keys.keyAccess],
                // Locked by an operator once (irreversible); the program must not try to unlock it.
                ignoreChanges: ["immutableStorageWithVersioning.immutabilityPolicy.state"],
            },
        );
    }
}

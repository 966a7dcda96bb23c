import { describe, expect, it } from "vitest";
import { AUDIT_TABLES, azureSecurityBaselineProblems, BASELINE_DIAGNOSTIC_SETTING_NAME, diagnosticEntries, interactiveRetentionDays } from "../components/azure/security-baseline";
import { DiagnosticRegistry } from "../components/azure/diagnostics";
import { logWorkspaceNames } from "../components/azure/log-workspace";
import { AZURE_ACTIVITY_LOG_CATEGORIES, AZURE_AUDIT_ALERTS, AZURE_DEFENDER_PLANS, AZURE_DIAGNOSTICS } from "../domain/catalogs/azure";
import type { Plan, PlannedResource } from "../tools/plan/types";
import { byUrn, descendants, input, one, ofType, plan } from "./support/plan";

const BASELINE = "gravitypm:components:SecurityBaseline";
const DIAGNOSTIC_SETTING = "azure-native:monitor:DiagnosticSetting";
const WORKSPACE = "azure-native:operationalinsights:Workspace";
/** The stack's workspace, shared with Observability and held on the primary site. */
const PRIMARY_WORKSPACE = logWorkspaceNames("primary").workspace;
const STORAGE = "azure-native:storage:StorageAccount";
const LOCK = "azure-native:authorization:ManagementLockByScope";
const PRICING = "azure-native:security:Pricing";
const SUBSCRIPTION_EXPORT = "azure-native:monitor:SubscriptionDiagnosticSetting";
const ACTIVITY_ALERT = "azure-native:monitor:ActivityLogAlert";
const TABLE = "azure-native:operationalinsights:Table";

const baselineOf = (p: Plan): PlannedResource[] => descendants(p, one(p, BASELINE, "security"));
const baselineOfType = (p: Plan, type: string): PlannedResource[] => baselineOf(p).filter((r) => r.type === type);

/** The baseline's diagnostic setting on `r` (depends on it, sends to the audit workspace). */
function auditSettingOf(p: Plan, r: PlannedResource): PlannedResource | undefined {
    return baselineOfType(p, DIAGNOSTIC_SETTING).find((d) => d.dependencies.includes(r.urn) && input(d, "workspaceId") === p.outputs.auditStoreId);
}

describe("pure helpers", () => {
    it("keeps two years queryable and the rest as long-term retention", () => {
        expect(interactiveRetentionDays(365)).toBe(365);
        expect(interactiveRetentionDays(2555)).toBe(730);
    });

    it("refuses retention Log Analytics cannot keep", () => {
        const args = { retentionDays: 5000 } as Parameters<typeof azureSecurityBaselineProblems>[0];
        expect(azureSecurityBaselineProblems(args)).toEqual([expect.objectContaining({ key: "auditLogRetentionDays" })]);
    });

    it("sends a category group, named categories, metrics, or what the type has", () => {
        expect(diagnosticEntries(AZURE_DIAGNOSTICS.networkSecurityGroup.value)).toEqual({ logs: [{ categoryGroup: "allLogs", enabled: true }] });
        expect(diagnosticEntries(AZURE_DIAGNOSTICS.redisEnterpriseCluster.value)).toEqual({ metrics: [{ category: "AllMetrics", enabled: true }] });
        expect(diagnosticEntries(AZURE_DIAGNOSTICS.aksCluster.value).logs).toEqual([
            { category: "kube-audit-admin", enabled: true },
            { category: "guard", enabled: true },
        ]);
    });

    it("refuses a resource registered after the baseline read its site", () => {
        const registry = new DiagnosticRegistry();
        registry.register({ name: "a", kind: "keyVault", resourceId: "id-a" });
        expect(registry.seal("baseline")).toHaveLength(1);
        expect(() => registry.register({ name: "b", kind: "keyVault", resourceId: "id-b" })).toThrow(/after baseline read the registry/);
    });
});

for (const stack of ["staging", "prod"] as const) {
    describe(`Azure security baseline, ${stack}`, async () => {
        const p = await plan(stack, "azure");
        const workspace = one(p, WORKSPACE, PRIMARY_WORKSPACE);

        it("exposes the stack's audit workspace, Entra ID only, as the audit store", () => {
            expect(input(workspace, "workspaceName")).toBe(`gravitypm-${stack}-audit`);
            expect(input(workspace, "features.disableLocalAuth")).toBe(true);
            expect(String(p.outputs.auditStoreId)).toMatch(/Microsoft\.OperationalInsights\/workspaces\/gravitypm-[a-z]+-audit$/i);
        });

        // "Diagnosable" comes from the catalog: every resource of a type it lists gets the baseline's setting.
        for (const [kind, entry] of Object.entries(AZURE_DIAGNOSTICS)) {
            const profile = entry.value;
            it(`gives every ${profile.pulumiType} a setting to the audit workspace (${kind})`, () => {
                const resources = ofType(p, profile.pulumiType);
                const uncovered = resources.filter((r) => !auditSettingOf(p, r));
                expect(uncovered.map((r) => r.name)).toEqual([]);
                for (const r of resources) {
                    const setting = auditSettingOf(p, r);
                    expect(input(setting as PlannedResource, "name")).toBe(BASELINE_DIAGNOSTIC_SETTING_NAME);
                }
            });
        }

        it("covers the types the stack holds", () => {
            const kinds = ["keyVault", "blobService", "networkSecurityGroup", "virtualNetwork", "publicIp", "containerRegistry", "redisEnterpriseCluster", "redisEnterpriseDatabase", "mongoCluster", "aksCluster"] as const;
            for (const kind of kinds) expect(ofType(p, AZURE_DIAGNOSTICS[kind].value.pulumiType).length, kind).toBeGreaterThan(0);
        });

        it("sends each type's categories, storage accounts' from their blob service, and keeps the record ones in the archive", () => {
            const vaultSetting = one(p, DIAGNOSTIC_SETTING, "security-primary-keys-vault-diagnostics");
            expect(input(vaultSetting, "logs")).toEqual([{ categoryGroup: "audit", enabled: true }]);
            expect(input(vaultSetting, "metrics")).toEqual([{ category: "AllMetrics", enabled: true }]);
            expect(input(vaultSetting, "storageAccountId")).toMatch(/storageAccounts\/[a-z0-9]*priaudit[a-z0-9]{6}$/);
            const nsgSetting = one(p, DIAGNOSTIC_SETTING, "security-primary-network-app-nsg-diagnostics");
            expect(input(nsgSetting, "metrics")).toBeUndefined();
            expect(input(nsgSetting, "storageAccountId")).toBeUndefined();
            const blob = one(p, DIAGNOSTIC_SETTING, "security-primary-network-flow-logs-diagnostics");
            expect(input(blob, "resourceUri")).toMatch(/storageAccounts\/[a-z0-9]+\/blobServices\/default$/);
        });

        it("adds to the cluster's own control-plane setting rather than repeating it", () => {
            const cluster = one(p, "azure-native:containerservice:ManagedCluster", "cluster-cluster");
            const settings = ofType(p, DIAGNOSTIC_SETTING).filter((d) => d.dependencies.includes(cluster.urn));
            expect(settings.length).toBeLessThanOrEqual(5);
            expect(new Set(settings.map((d) => input(d, "name"))).size).toBe(settings.length);
        });

        it("encrypts each region's archive with that region's stack key, closed but for trusted services", () => {
            const archives = baselineOfType(p, STORAGE);
            expect(archives.length).toBe(stack === "prod" ? 2 : 1);
            for (const archive of archives) {
                const role = archive.name.includes("-dr-") ? "dr" : "primary";
                expect(input(archive, "encryption.keySource")).toBe("Microsoft.Keyvault");
                expect(input(archive, "encryption.keyVaultProperties.keyName")).toBe("data");
                expect(String(input(archive, "encryption.keyVaultProperties.keyVaultUri"))).toMatch(role === "dr" ? /-dr-/ : /-pri-/);
                expect(input(archive, "networkRuleSet")).toEqual({ defaultAction: "Deny", bypass: "AzureServices" });
                expect(archive.dependencies.some((u) => byUrn(p, u)?.name === `${role}-keys-identity-crypto-user-propagation`)).toBe(true);
                expect(archive.protect).toBe(stack === "prod");
            }
            expect(workspace.protect).toBe(stack === "prod");
        });

        it("makes the audit store write-once and undeletable in prod only", () => {
            const archives = baselineOfType(p, STORAGE);
            const locks = baselineOfType(p, LOCK);
            if (stack === "prod") {
                for (const archive of archives) {
                    expect(input(archive, "immutableStorageWithVersioning")).toEqual({
                        enabled: true,
                        immutabilityPolicy: { immutabilityPeriodSinceCreationInDays: 365, state: "Unlocked", allowProtectedAppendWrites: true },
                    });
                }
                expect(locks.map((l) => input(l, "level"))).toEqual(["CanNotDelete", "CanNotDelete", "CanNotDelete"]);
                expect(locks.some((l) => input(l, "scope") === p.outputs.auditStoreId)).toBe(true);
            } else {
                for (const archive of archives) expect(input(archive, "immutableStorageWithVersioning")).toBeUndefined();
                expect(locks).toEqual([]);
            }
        });

        it("keeps the profile's retention queryable", () => {
            expect(input(workspace, "retentionInDays")).toBe(365);
            expect(baselineOfType(p, TABLE)).toEqual([]);
        });

        it(stack === "prod" ? "exports the subscription's activity log and turns Defender on" : "leaves the subscription's singletons to the stack that owns them", () => {
            const exports = baselineOfType(p, SUBSCRIPTION_EXPORT);
            const plans = baselineOfType(p, PRICING);
            if (stack === "prod") {
                const [exported] = exports;
                expect(exports).toHaveLength(1);
                expect(input(exported, "workspaceId")).toBe(p.outputs.auditStoreId);
                expect(input(exported, "storageAccountId")).toMatch(/priaudit/);
                expect(input(exported, "logs")).toEqual(AZURE_ACTIVITY_LOG_CATEGORIES.value.map((category) => ({ category, enabled: true })));
                expect(plans.map((r) => [input(r, "pricingName"), input(r, "pricingTier"), input(r, "subPlan")])).toEqual(
                    AZURE_DEFENDER_PLANS.value.map((d) => [d.name, "Standard", d.subPlan]),
                );
                for (const r of plans) expect(input(r, "scopeId")).toMatch(/^\/subscriptions\/[^/]+$/);
                expect(p.outputs.threatDetection).toMatch(/Defender for Cloud at Standard/);
            } else {
                expect(exports).toEqual([]);
                expect(plans).toEqual([]);
                expect(p.outputs.threatDetection).toMatch(/threatDetection=false/);
            }
        });

        it("alerts the action group on audit events, subscription-wide only where the stack owns the subscription", () => {
            const actionGroup = one(p, "azure-native:monitor:ActionGroup");
            const rules = baselineOfType(p, ACTIVITY_ALERT);
            expect(rules.map((r) => r.name).sort()).toEqual(AZURE_AUDIT_ALERTS.value.map((a) => `security-alert-${a.id}`).sort());
            for (const rule of rules) {
                expect(input(rule, "location")).toBe("Global");
                expect(rule.dependencies).toContain(actionGroup.urn);
                expect(input(rule, "actions.actionGroups")).toEqual([{ actionGroupId: expect.stringMatching(/actionGroups\//) }]);
                const scopes = input(rule, "scopes") as string[];
                if (stack === "prod") expect(scopes).toEqual([expect.stringMatching(/^\/subscriptions\/[^/]+$/)]);
                else expect(scopes).toEqual([expect.stringMatching(/\/resourceGroups\/gravitypm-staging-primary$/)]);
            }
            const roleWrites = one(p, ACTIVITY_ALERT, "security-alert-role-assignment-write");
            expect(input(roleWrites, "condition.allOf")).toEqual([
                { field: "category", equals: "Administrative" },
                { field: "operationName", equals: "Microsoft.Authorization/roleAssignments/write" },
            ]);
            expect(input(one(p, ACTIVITY_ALERT, "security-alert-defender-alert"), "condition.allOf")).toEqual([{ field: "category", equals: "Security" }]);
        });
    });
}

describe("Azure security baseline, retention beyond two years", async () => {
    const p = await plan("staging", "azure", { auditLogRetentionDays: "2555" });

    it("keeps two years queryable and the configured total on every audit table", () => {
        // The shared workspace is Observability's first (built before the baseline), with the
        // stack's log retention as its default; the audit tables carry their own.
        expect(input(one(p, WORKSPACE, PRIMARY_WORKSPACE), "retentionInDays")).toBe(365);
        const tables = baselineOfType(p, TABLE);
        expect(tables.map((t) => input(t, "tableName"))).toEqual([...AUDIT_TABLES]);
        for (const t of tables) {
            expect(input(t, "retentionInDays")).toBe(730);
            expect(input(t, "totalRetentionInDays")).toBe(2555);
        }
    });
});

describe("Azure security baseline, threat detection asked for without the singletons", async () => {
    const p = await plan("staging", "azure", { threatDetection: "true" });

    it("creates no subscription-wide plan and says why", () => {
        expect(baselineOfType(p, PRICING)).toEqual([]);
        expect(p.outputs.threatDetection).toMatch(/another stack owns them/);
    });
});

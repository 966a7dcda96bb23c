/** Every stateful Azure resource sends its logs to Azure Monitor [—]. */
import { STORES } from "../../lib/datastores";
import { stackRule, type Finding } from "../../lib/rule";
import type { StackResource, StackView } from "../../lib/stack";
import { known, str } from "../../lib/values";

export const DIAGNOSTIC_SETTING = "azure-native:monitor:DiagnosticSetting";
export const STORAGE_ACCOUNT = "azure-native:storage:StorageAccount";

/** The ARM resource type of each audited token and the input that holds its name, so a
 * setting whose resourceUri was built from names (no dependency) still finds its resource. */
const ARM_TYPES: Readonly<Record<string, { readonly armType: string; readonly nameKey: string }>> = {
    "azure-native:mongocluster:MongoCluster": { armType: "Microsoft.DocumentDB/mongoClusters", nameKey: "mongoClusterName" },
    "azure-native:cosmosdb:DatabaseAccount": { armType: "Microsoft.DocumentDB/databaseAccounts", nameKey: "accountName" },
    "azure-native:redis:Redis": { armType: "Microsoft.Cache/redis", nameKey: "name" },
    "azure-native:redisenterprise:RedisEnterprise": { armType: "Microsoft.Cache/redisEnterprise", nameKey: "clusterName" },
    "azure-native:keyvault:Vault": { armType: "Microsoft.KeyVault/vaults", nameKey: "vaultName" },
    "azure-native:dataprotection:BackupVault": { armType: "Microsoft.DataProtection/backupVaults", nameKey: "vaultName" },
    "azure-native:recoveryservices:Vault": { armType: "Microsoft.RecoveryServices/vaults", nameKey: "vaultName" },
    [STORAGE_ACCOUNT]: { armType: "Microsoft.Storage/storageAccounts", nameKey: "accountName" },
};

const AUDITED = [...new Set([...Object.keys(STORES).filter((t) => t.startsWith("azure-native:")), ...Object.keys(ARM_TYPES)])];

/** A storage account's logs (StorageRead/Write/Delete) come from its services: a setting on
 * the account itself carries metrics only. The audit archive's reads and deletes are what matter. */
const STORAGE_LOG_SERVICE = /\/(blobServices|fileServices|queueServices|tableServices)\/default$/i;

/** `…/resourceGroups/<rg>/providers/<armType>/<name>` of a resource, when its inputs name it. */
function armSuffix(r: StackResource): string | undefined {
    const arm = ARM_TYPES[r.type];
    if (!arm) return undefined;
    const read = known(() => ({ rg: str(r.props.resourceGroupName), name: str(r.props[arm.nameKey]) }));
    if (!read.known || read.value.rg === undefined || read.value.name === undefined) return undefined;
    return `/resourceGroups/${read.value.rg}/providers/${arm.armType}/${read.value.name}`.toLowerCase();
}

/** The setting's resourceUri when known at this point (unknown at preview when it is an output). */
function resourceUri(setting: StackResource): string | undefined {
    const read = known(() => str(setting.props.resourceUri));
    return read.known ? read.value : undefined;
}

/** Whether `setting` is on `r` (or, for a storage account, on one of its services). */
function settingOn(stack: StackView, setting: StackResource, r: StackResource): boolean {
    const uri = resourceUri(setting)?.toLowerCase();
    const suffix = armSuffix(r);
    if (uri !== undefined && suffix !== undefined) {
        const base = uri.slice(Math.max(uri.indexOf("/resourcegroups/"), 0));
        if (base === suffix || base.startsWith(`${suffix}/`)) return true;
        // A storage account is also where settings send logs (storageAccountId), so a setting that
        // depends on it is only its own when the URI says so.
        if (r.type === STORAGE_ACCOUNT) return false;
    } else if (uri !== undefined && r.type === STORAGE_ACCOUNT && !uri.includes("/providers/microsoft.storage/storageaccounts/")) {
        return false;
    }
    // A setting built from the resource's id output depends on it through resourceUri.
    return stack.dependenciesOf(setting, "resourceUri").some((d) => d.urn === r.urn);
}

function settingProblem(r: StackResource, settings: readonly StackResource[]): string | undefined {
    if (settings.length === 0) return `${r.type.split(":").pop()} ${r.name} has no monitor.DiagnosticSetting`;
    if (r.type !== STORAGE_ACCOUNT) return undefined;
    // A known resourceUri on the account itself only exports metrics; unknown ones are given the benefit of the doubt.
    const onService = settings.some((s) => {
        const uri = resourceUri(s);
        return uri === undefined || STORAGE_LOG_SERVICE.test(uri);
    });
    return onService ? undefined : `StorageAccount ${r.name} has diagnostic settings on the account only (metrics); none on blobServices/default, so reads and deletes of its blobs are not logged`;
}

export function diagnosticSettingFindings(stack: StackView): Finding[] {
    const settings = stack.ofType(DIAGNOSTIC_SETTING);
    return stack.ofType(...AUDITED).flatMap((r): Finding[] => {
        const problem = settingProblem(
            r,
            settings.filter((s) => settingOn(stack, s, r)),
        );
        return problem === undefined ? [] : [{ urn: r.urn, message: problem }];
    });
}

export const azureDiagnosticSettings = stackRule({
    name: "azure-diagnostic-settings",
    description:
        "Every stateful Azure resource (data stores, Key Vaults, backup vaults, storage accounts such as the audit archive) has a diagnostic setting, matched by dependency or by its resourceUri; a storage account's is on its blob service.",
    explanation: "Azure keeps resource logs (key access, data-plane audit, reads and deletes of archived logs) only when a diagnostic setting sends them somewhere.",
    remediation:
        'Add monitor.DiagnosticSetting { resourceUri: resource.id, workspaceId, logs: [{ categoryGroup: "audit", enabled: true }] } (for a storage account, resourceUri: `${account.id}/blobServices/default`), in any component.',
    enforcementLevel: "advisory",
    area: "audit",
    anchors: [],
    types: [DIAGNOSTIC_SETTING, ...AUDITED],
    defaults: {},
    check: (stack) => diagnosticSettingFindings(stack),
});

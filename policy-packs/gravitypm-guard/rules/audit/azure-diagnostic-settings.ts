/** Every stateful Azure resource sends its logs to Azure Monitor [—]. */
import { STORES } from "../../lib/datastores";
import { stackRule, type Finding } from "../../lib/rule";
import type { StackView } from "../../lib/stack";

export const DIAGNOSTIC_SETTING = "azure-native:monitor:DiagnosticSetting";

const AUDITED = [...Object.keys(STORES).filter((t) => t.startsWith("azure-native:")), "azure-native:keyvault:Vault", "azure-native:dataprotection:BackupVault", "azure-native:recoveryservices:Vault"];

export function diagnosticSettingFindings(stack: StackView): Finding[] {
    return stack
        .ofType(...AUDITED)
        .filter((r) => !stack.dependentsOf(r.urn).some((d) => d.type === DIAGNOSTIC_SETTING))
        .map((r) => ({ urn: r.urn, message: `${r.type.split(":").pop()} ${r.name} has no monitor.DiagnosticSetting` }));
}

export const azureDiagnosticSettings = stackRule({
    name: "azure-diagnostic-settings",
    description: "Every stateful Azure resource (data stores, Key Vaults, backup vaults) has a diagnostic setting.",
    explanation: "Azure keeps resource logs (key access, data-plane audit) only when a diagnostic setting sends them somewhere.",
    remediation: "Add monitor.DiagnosticSetting { resourceUri: resource.id, workspaceId, logs: [{ categoryGroup: \"audit\", enabled: true }] }.",
    enforcementLevel: "advisory",
    area: "audit",
    anchors: [],
    types: [DIAGNOSTIC_SETTING, ...AUDITED],
    defaults: {},
    check: (stack) => diagnosticSettingFindings(stack),
});

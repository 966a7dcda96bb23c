/** Azure backup vaults in prod are geo-redundant [—]. */
import { ENVIRONMENT_CONFIG } from "../../lib/environment";
import { resourceRule } from "../../lib/rule";
import { get, records, sameText, type Props } from "../../lib/values";
import { AZURE_BACKUP_VAULT } from "./azure-backup-vault-immutability";

export function backupVaultRedundancyProblems(props: Props, environment: string): string[] {
    if (environment !== "prod") return [];
    const geo = records(get(props, "properties.storageSettings")).some((s) => sameText(s.type, "GeoRedundant"));
    return geo ? [] : ["properties.storageSettings is not GeoRedundant; the backups live and die with the primary region"];
}

export const azureBackupVaultGeoRedundant = resourceRule({
    name: "azure-backup-vault-geo-redundant",
    description: "Azure Backup vaults in prod use GeoRedundant storage.",
    explanation: "Geo-redundant storage is the vault's copy in the paired region: the DR copy of every backup.",
    remediation: 'Set properties.storageSettings: [{ datastoreType: "VaultStore", type: "GeoRedundant" }] (chosen at creation).',
    enforcementLevel: "mandatory",
    area: "backup",
    anchors: [],
    types: [AZURE_BACKUP_VAULT],
    defaults: {},
    configSchema: { properties: { ...ENVIRONMENT_CONFIG } },
    check: (props, ctx) => backupVaultRedundancyProblems(props, ctx.environment),
});

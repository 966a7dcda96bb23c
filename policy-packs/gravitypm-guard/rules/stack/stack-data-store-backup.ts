/** Every database and cache is backed up for the minimum retention, with a DR copy in prod [—]. */
import { coveragesOf, dataStores, retentionOf, STORE_RELATED_TYPES, STORES, type DataStore } from "../../lib/datastores";
import { ENVIRONMENT_CONFIG, type Environment } from "../../lib/environment";
import { daysSchema, stackRule, type Finding } from "../../lib/rule";
import type { StackView } from "../../lib/stack";

export interface BackupConfig extends Record<string, unknown> {
    readonly minimumRetentionDays: number;
    readonly cacheMinimumRetentionDays: number;
    readonly prodCacheMinimumRetentionDays: number;
    readonly requireCacheDrCopy: boolean;
}

export const BACKUP_DEFAULTS: BackupConfig = { minimumRetentionDays: 7, cacheMinimumRetentionDays: 1, prodCacheMinimumRetentionDays: 7, requireCacheDrCopy: true };

function storeFindings(store: DataStore, stack: StackView, config: BackupConfig, environment: Environment): Finding[] {
    const { resource, spec } = store;
    const where = `${spec.label} ${resource.name}`;
    const coverages = coveragesOf(store, stack);
    if (coverages.length === 0) return [{ urn: resource.urn, message: `${where} is covered by no backup (own backups, a backup plan or selection, or persistence)` }];
    const findings: Finding[] = [];
    if (spec.kind === "database") {
        const longest = Math.max(...coverages.map(retentionOf));
        if (longest < config.minimumRetentionDays) {
            findings.push({ urn: resource.urn, message: `${where} keeps backups ${longest} days (${coverages.map((c) => c.via).join(", ")}); the minimum is ${config.minimumRetentionDays}` });
        }
    } else {
        const minimum = environment === "prod" ? config.prodCacheMinimumRetentionDays : config.cacheMinimumRetentionDays;
        // Persistence that keeps only the newest snapshot has no day count to hold it to.
        const ok = coverages.some((c) => c.retentionDays === "latest" || retentionOf(c) >= minimum);
        if (!ok) findings.push({ urn: resource.urn, message: `${where} keeps snapshots ${Math.max(...coverages.map(retentionOf))} days; the ${environment} minimum is ${minimum}` });
    }
    const needsDr = environment === "prod" && (spec.kind === "database" || config.requireCacheDrCopy);
    if (needsDr && !coverages.some((c) => c.crossRegion) && !spec.replicatedAcrossRegions?.(resource, stack)) {
        findings.push({ urn: resource.urn, message: `${where} has no copy in another region (backup copy or cross-region replica); a regional outage loses it` });
    }
    return findings;
}

export function dataStoreBackupFindings(stack: StackView, config: BackupConfig): Finding[] {
    return dataStores(stack).flatMap((s) => storeFindings(s, stack, config, stack.environment));
}

export const stackDataStoreBackup = stackRule({
    name: "stack-data-store-backup",
    description: "Every database and cache is covered by a backup kept for at least the minimum retention; in prod a copy lands in another region.",
    explanation: "Resource rules see one backup setting at a time; only the stack view shows whether each store is actually covered, for how long and where.",
    remediation: "Give the store its own retention (backupRetentionPeriod, snapshotRetentionLimit, persistence) or cover it with a backup plan/selection/instance; in prod add a cross-region copy or replica.",
    enforcementLevel: "mandatory",
    area: "stack",
    anchors: [],
    types: [...Object.keys(STORES), ...STORE_RELATED_TYPES],
    defaults: BACKUP_DEFAULTS,
    configSchema: {
        properties: {
            minimumRetentionDays: daysSchema("Fewest days database backups must be kept.", 7),
            cacheMinimumRetentionDays: daysSchema("Fewest days cache snapshots must be kept outside prod.", 1),
            prodCacheMinimumRetentionDays: daysSchema("Fewest days cache snapshots must be kept in prod.", 7),
            requireCacheDrCopy: { type: "boolean", default: true, description: "Require caches, not only databases, to have a copy in another region in prod." },
            ...ENVIRONMENT_CONFIG,
        },
    },
    check: (stack, config) => dataStoreBackupFindings(stack, config),
});

/**
 * Physical names of Azure resources with tight length or character rules. Each keeps the
 * stack readable: when a name must shrink, the project part shrinks before the stack part.
 */
import type { SiteRole } from "../contracts/site";
import { fitName } from "../shared/naming";

/** Short role codes for names with little room. */
export const SITE_ROLE_CODES: Readonly<Record<SiteRole, string>> = { primary: "pri", dr: "dr" };

/**
 * `<project>-<stack>` with `tail`, within `max` characters: the project part is cut first
 * (`gravitypm-staging` → `gravi-staging`), the stack part only when it alone is too long.
 * `separator` joins the parts (`""` where the name allows no hyphens).
 */
export function azureName(namePrefix: string, max: number, tail = "", separator = "-"): string {
    return fitName(namePrefix, { max, tail, invalid: "keep", collapseHyphens: false, shrink: "project-first", separator });
}

/** The resource group of a site, e.g. `gravitypm-prod-primary` (90 characters allowed). */
export function resourceGroupName(namePrefix: string, role: SiteRole): string {
    return `${namePrefix}-${role}`;
}

/** Key Vault names: 3-24 letters, digits and single hyphens, starting with a letter, global. */
export const KEY_VAULT_NAME_MAX = 24;
const KEY_VAULT_NAME = /^[a-z](?!.*--)[a-z0-9-]{1,22}[a-z0-9]$/;

/**
 * `<prefix>-<role>-<suffix>`, e.g. `gravityp-prod-pri-1a2b3c`. Vault names are global and a
 * deleted vault keeps its name for the 90 days of purge protection, so a random suffix (kept in
 * state, new on re-creation) lets a stack be destroyed and re-created without colliding with
 * its own soft-deleted vault.
 */
export function keyVaultName(namePrefix: string, role: SiteRole, suffix: string): string {
    const code = SITE_ROLE_CODES[role];
    const name = azureName(namePrefix, KEY_VAULT_NAME_MAX, `-${code}-${suffix}`);
    if (!KEY_VAULT_NAME.test(name)) {
        throw new Error(`"${name}" is not a valid Key Vault name (3-24 lowercase letters, digits and single hyphens, starting with a letter)`);
    }
    return name;
}

/** Storage account names: 3-24 lowercase letters and digits, global. */
export const STORAGE_ACCOUNT_NAME_MAX = 24;

/** `<prefix><role><purpose><suffix>`, e.g. `gravityprodprilogs1a2b3c`. */
export function storageAccountName(namePrefix: string, role: SiteRole, purpose: string, suffix: string): string {
    const tail = `${SITE_ROLE_CODES[role]}${purpose}${suffix}`;
    const name = fitName(namePrefix, {
        max: STORAGE_ACCOUNT_NAME_MAX,
        tail,
        invalid: { chars: /[^A-Za-z0-9-]/, replace: "drop" },
        collapseHyphens: false,
        shrink: "project-first",
        separator: "",
    });
    if (!/^[a-z0-9]{3,24}$/.test(name)) {
        throw new Error(`"${name}" is not a valid storage account name (3-24 lowercase letters and digits)`);
    }
    return name;
}

/** Azure caps an action group's short name (the sender name in its SMS messages) at 12 characters. */
export const ACTION_GROUP_SHORT_NAME_MAX = 12;

/** e.g. `gravitypm-prod` → `gravity-prod`, `gravitypm-staging` → `grav-staging`. */
export function actionGroupShortName(namePrefix: string): string {
    return azureName(namePrefix, ACTION_GROUP_SHORT_NAME_MAX);
}

/** Random suffixes of globally unique names: lowercase letters and digits. */
export const NAME_SUFFIX_LENGTH = 6;

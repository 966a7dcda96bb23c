/** Every stateful resource in prod is protected [—]. */
import { STORE_RELATED_TYPES, STORES } from "../../lib/datastores";
import { ENVIRONMENT_CONFIG } from "../../lib/environment";
import { stackRule, type Finding } from "../../lib/rule";
import type { StackView } from "../../lib/stack";
import { bool, type Props } from "../../lib/values";

/** Stateful resources other than data stores: keys, their vaults, backup vaults, log stores.
 * Losing one loses data (or the key to it). */
export const OTHER_STATEFUL: Readonly<Record<string, (props: Props) => boolean>> = {
    "aws:kms/key:Key": () => false,
    "aws:kms/replicaKey:ReplicaKey": () => false,
    "aws:backup/vault:Vault": () => false,
    "aws:cloudwatch/logGroup:LogGroup": (p) => bool(p.deletionProtectionEnabled) === true,
    "gcp:kms/keyRing:KeyRing": () => false,
    "gcp:kms/cryptoKey:CryptoKey": () => false,
    "gcp:backupdisasterrecovery/backupVault:BackupVault": () => false,
    "gcp:logging/projectBucketConfig:ProjectBucketConfig": (p) => bool(p.locked) === true,
    "azure-native:keyvault:Vault": () => false,
    "azure-native:keyvault:Key": () => false,
    "azure-native:dataprotection:BackupVault": () => false,
    "azure-native:recoveryservices:Vault": () => false,
};

export function protectedFindings(stack: StackView): Finding[] {
    if (stack.environment !== "prod") return [];
    return stack.resources
        .filter((r) => {
            const store = STORES[r.type];
            const other = OTHER_STATEFUL[r.type];
            if (!store && !other) return false;
            const deletionProtected = store?.deletionProtection?.(r.props) === true || other?.(r.props) === true;
            return !r.protect && !deletionProtected;
        })
        .map((r) => ({ urn: r.urn, message: `${r.type.split(":").pop()} ${r.name} is neither protected (protect: true) nor deletion-protected in prod` }));
}

export const stackProdStatefulProtected = stackRule({
    name: "stack-prod-stateful-protected",
    description: "Every stateful resource in prod (data stores, keys, key vaults, backup vaults, log stores) is protected or deletion-protected.",
    explanation: "A rename or a refactor that drops a resource would otherwise delete the database, its backups or the key that decrypts them.",
    remediation: "Pass { protect: true } for prod (the platform passes protect = isProd to every stateful component), or turn on the service's deletion protection.",
    enforcementLevel: "mandatory",
    area: "stack",
    anchors: [],
    types: [...Object.keys(STORES), ...STORE_RELATED_TYPES, ...Object.keys(OTHER_STATEFUL)],
    defaults: {},
    configSchema: { properties: { ...ENVIRONMENT_CONFIG } },
    check: (stack) => protectedFindings(stack),
});

/** Every stateful resource is encrypted with the stack's own key [—]. */
import { dataStores, KEY_TYPES, STORE_RELATED_TYPES, STORES } from "../../lib/datastores";
import { stackRule, type Finding } from "../../lib/rule";
import type { StackResource, StackView } from "../../lib/stack";
import { get, isSet, known, str } from "../../lib/values";

/** Stateful resources besides data stores, and where each names its key. */
export const OTHER_ENCRYPTED: Readonly<Record<string, string>> = {
    "aws:cloudwatch/logGroup:LogGroup": "kmsKeyId",
    "aws:amp/workspace:Workspace": "kmsKeyArn",
    "aws:backup/vault:Vault": "kmsKeyArn",
    "gcp:backupdisasterrecovery/backupVault:BackupVault": "encryptionConfig.kmsKeyName",
    "gcp:logging/projectBucketConfig:ProjectBucketConfig": "cmekSettings.kmsKeyName",
    "azure-native:dataprotection:BackupVault": "properties.securitySettings.encryptionSettings.keyVaultProperties.keyUri",
};

const ATLAS_CLUSTER = "mongodbatlas:index/advancedCluster:AdvancedCluster";
const ATLAS_EAR = "mongodbatlas:index/encryptionAtRest:EncryptionAtRest";

/** Identifiers a key is referenced by, where known: ARN, key id, Key Vault URIs, CryptoKey name. */
function keyIdentifiers(key: StackResource): string[] {
    const read = known(() => [key.props.arn, key.props.keyId, key.props.id, key.props.keyUri, key.props.keyUriWithVersion].map(str));
    const ids = read.known ? read.value.filter((v): v is string => v !== undefined && v.length > 0) : [];
    const name = known(() => str(key.props.name));
    if (key.type === "gcp:kms/cryptoKey:CryptoKey" && name.known && name.value) ids.push(`/cryptoKeys/${name.value}`);
    return ids;
}

/** "unset", "stack" (a key of this stack) or "foreign" (a provider or outside key). */
export function keyReference(r: StackResource, path: string, stack: StackView): "unset" | "stack" | "foreign" {
    const value = known(() => get(r.props, path));
    if (value.known && !isSet(value.value)) return "unset";
    const viaDependency = stack.dependenciesOf(r, path.split(".")[0]).some((d) => KEY_TYPES.includes(d.type));
    if (viaDependency) return "stack";
    if (value.known && typeof value.value === "string") {
        const v = value.value;
        if (stack.ofType(...KEY_TYPES).some((k) => keyIdentifiers(k).some((id) => v === id || v.endsWith(id) || v.startsWith(id)))) return "stack";
    }
    return "foreign";
}

export function cmkFindings(stack: StackView): Finding[] {
    const findings: Finding[] = [];
    const check = (r: StackResource, label: string, paths: readonly string[]) => {
        const refs = paths.map((p) => keyReference(r, p, stack));
        if (refs.includes("stack")) return;
        const detail = refs.includes("foreign") ? `${paths.join(" / ")} names a key that is not one of this stack's keys` : `${paths.join(" / ")} is unset`;
        findings.push({ urn: r.urn, message: `${label} ${r.name}: ${detail}; it is encrypted with a provider-owned key` });
    };
    for (const { resource, spec } of dataStores(stack)) {
        if (spec.keyPaths.length > 0) check(resource, spec.label, spec.keyPaths);
        else if (resource.type === ATLAS_CLUSTER) {
            const provider = str(resource.props.encryptionAtRestProvider)?.toUpperCase();
            const ear = stack.ofType(ATLAS_EAR);
            if (!provider || provider === "NONE" || ear.length === 0) {
                findings.push({ urn: resource.urn, message: `${spec.label} ${resource.name}: encryption at rest does not use a customer key (encryptionAtRestProvider ${provider ?? "unset"}, ${ear.length} EncryptionAtRest resources in the stack)` });
            }
        }
    }
    for (const r of stack.resources) {
        const path = OTHER_ENCRYPTED[r.type];
        if (path) check(r, r.type.split(":").pop() ?? r.type, [path]);
    }
    return findings;
}

export const stackCmkEncryption = stackRule({
    name: "stack-cmk-encryption",
    description: "Every data store, log group, metrics workspace and backup vault is encrypted with one of the stack's own customer-managed keys.",
    explanation: "Resource rules check that a key is named; only the stack shows whether it is the stack's key (rotated, protected, revocable) rather than an AWS-managed alias or a key from elsewhere.",
    remediation: "Pass the Keys component's key (keyArn / CryptoKey id / Key Vault key URI) of the resource's region.",
    enforcementLevel: "mandatory",
    area: "stack",
    anchors: [],
    types: [...Object.keys(STORES), ...STORE_RELATED_TYPES, ...KEY_TYPES, ...Object.keys(OTHER_ENCRYPTED), ATLAS_EAR],
    defaults: {},
    check: (stack) => cmkFindings(stack),
});

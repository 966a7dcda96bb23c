import { azureRedisPersistence } from "../../rules/cache/azure-redis-persistence";
import { azureRedisPrivate } from "../../rules/cache/azure-redis-private";
import { azureRedisTls } from "../../rules/cache/azure-redis-tls";
import { elasticacheAuth } from "../../rules/cache/elasticache-auth";
import { elasticacheEncryptedAtRest, SERVERLESS_CACHE } from "../../rules/cache/elasticache-encrypted-at-rest";
import { elasticacheEncryptedInTransit } from "../../rules/cache/elasticache-encrypted-in-transit";
import { elasticacheMultiAz } from "../../rules/cache/elasticache-multi-az";
import { elasticacheSnapshotRetention } from "../../rules/cache/elasticache-snapshot-retention";
import { gcpRedisClusterBackup } from "../../rules/cache/gcp-redis-cluster-backup";
import { gcpRedisClusterEncryption, MEMORYSTORE_INSTANCE } from "../../rules/cache/gcp-redis-cluster-encryption";
import { gcpRedisClusterIamAuth } from "../../rules/cache/gcp-redis-cluster-iam-auth";
import { memorystoreRedisCmek } from "../../rules/cache/memorystore-redis-cmek";
import { memorystoreRedisHighAvailability } from "../../rules/cache/memorystore-redis-high-availability";
import { memorystoreRedisPersistence } from "../../rules/cache/memorystore-redis-persistence";
import { memorystoreRedisPrivateServiceAccess } from "../../rules/cache/memorystore-redis-private-service-access";
import { memorystoreRedisSecurity } from "../../rules/cache/memorystore-redis-security";
import { redisEnterprisePersistence } from "../../rules/cache/redis-enterprise-persistence";
import { redisEnterpriseTls, REDIS_ENTERPRISE_DATABASE } from "../../rules/cache/redis-enterprise-tls";
import type { RuleCase } from "./types";

const KEY = "arn:aws:kms:us-east-1:123456789012:key/1111";
const CRYPTO_KEY = "projects/p/locations/us-central1/keyRings/r/cryptoKeys/k";

export const cacheCases: readonly RuleCase[] = [
    {
        rule: elasticacheEncryptedAtRest,
        compliant: { atRestEncryptionEnabled: true, kmsKeyId: KEY },
        violating: { kmsKeyId: KEY },
        extra: [
            { name: "serverless needs only the key", type: SERVERLESS_CACHE, props: { kmsKeyId: KEY }, violates: false },
            { name: "serverless without the key", type: SERVERLESS_CACHE, props: {}, violates: true },
            { name: "Valkey encrypts at rest by default", props: { engine: "valkey", kmsKeyId: KEY }, violates: false },
            { name: "a global datastore secondary inherits the flag", props: { globalReplicationGroupId: "g", kmsKeyId: KEY }, violates: false },
        ],
    },
    {
        rule: elasticacheEncryptedInTransit,
        compliant: { transitEncryptionEnabled: true },
        violating: { transitEncryptionEnabled: true, transitEncryptionMode: "preferred" },
        extra: [{ name: "unset", props: {}, violates: true }],
    },
    {
        rule: elasticacheAuth,
        compliant: { authToken: "[secret]" },
        violating: {},
        extra: [
            { name: "RBAC user groups", props: { userGroupIds: ["g"] }, violates: false },
            { name: "serverless with a user group", type: SERVERLESS_CACHE, props: { userGroupId: "g" }, violates: false },
        ],
    },
    {
        rule: elasticacheSnapshotRetention,
        compliant: { snapshotRetentionLimit: 7 },
        violating: { snapshotRetentionLimit: 1 },
        stricter: { prodMinimumRetentionDays: 14 },
        extra: [
            { name: "staging needs one day", environment: "staging", props: { snapshotRetentionLimit: 1 }, violates: false },
            { name: "staging threshold is configurable", environment: "staging", props: { snapshotRetentionLimit: 1 }, config: { minimumRetentionDays: 3 }, violates: true },
            { name: "unset means no snapshots", environment: "staging", props: {}, violates: true },
        ],
    },
    {
        rule: elasticacheMultiAz,
        compliant: { automaticFailoverEnabled: true, multiAzEnabled: true },
        violating: { automaticFailoverEnabled: true },
        extra: [{ name: "staging runs one node", environment: "staging", props: {}, violates: false }],
    },
    { rule: memorystoreRedisSecurity, compliant: { authEnabled: true, transitEncryptionMode: "SERVER_AUTHENTICATION" }, violating: { authEnabled: true, transitEncryptionMode: "DISABLED" } },
    { rule: memorystoreRedisCmek, compliant: { customerManagedKey: CRYPTO_KEY }, violating: {} },
    { rule: memorystoreRedisPersistence, compliant: { persistenceConfig: { persistenceMode: "RDB" } }, violating: { persistenceConfig: { persistenceMode: "DISABLED" } } },
    { rule: memorystoreRedisPrivateServiceAccess, compliant: { connectMode: "PRIVATE_SERVICE_ACCESS" }, violating: { connectMode: "DIRECT_PEERING" } },
    {
        rule: memorystoreRedisHighAvailability,
        compliant: { tier: "STANDARD_HA" },
        violating: { tier: "BASIC" },
        extra: [{ name: "staging may run BASIC", environment: "staging", props: { tier: "BASIC" }, violates: false }],
    },
    {
        rule: gcpRedisClusterEncryption,
        compliant: { transitEncryptionMode: "TRANSIT_ENCRYPTION_MODE_SERVER_AUTHENTICATION", kmsKey: CRYPTO_KEY },
        violating: { transitEncryptionMode: "TRANSIT_ENCRYPTION_MODE_DISABLED", kmsKey: CRYPTO_KEY },
        extra: [
            { name: "memorystore spelling", type: MEMORYSTORE_INSTANCE, props: { transitEncryptionMode: "SERVER_AUTHENTICATION", kmsKey: CRYPTO_KEY }, violates: false },
            { name: "memorystore without a key", type: MEMORYSTORE_INSTANCE, props: { transitEncryptionMode: "SERVER_AUTHENTICATION" }, violates: true },
        ],
    },
    {
        rule: gcpRedisClusterIamAuth,
        compliant: { authorizationMode: "AUTH_MODE_IAM_AUTH" },
        violating: { authorizationMode: "AUTH_MODE_DISABLED" },
        extra: [{ name: "memorystore spelling", type: MEMORYSTORE_INSTANCE, props: { authorizationMode: "IAM_AUTH" }, violates: false }],
    },
    {
        rule: gcpRedisClusterBackup,
        compliant: { persistenceConfig: { mode: "RDB" }, automatedBackupConfig: { retention: "604800s", fixedFrequencySchedule: { startTime: { hours: 3 } } } },
        violating: { persistenceConfig: { mode: "RDB" } },
        stricter: { prodMinimumRetentionDays: 14 },
    },
    {
        rule: azureRedisTls,
        compliant: { enableNonSslPort: false, minimumTlsVersion: "1.2" },
        violating: { enableNonSslPort: true, minimumTlsVersion: "1.2" },
        extra: [{ name: "TLS version unset", props: {}, violates: true }],
    },
    {
        rule: azureRedisPrivate,
        compliant: { publicNetworkAccess: "Disabled" },
        violating: {},
        extra: [{ name: "VNet-injected cache", props: { subnetId: "/subscriptions/s/…/subnets/data" }, violates: false }],
    },
    { rule: azureRedisPersistence, compliant: { redisConfiguration: { rdbBackupEnabled: "true" } }, violating: { redisConfiguration: {} } },
    {
        rule: redisEnterpriseTls,
        compliant: { minimumTlsVersion: "1.2" },
        violating: { minimumTlsVersion: "1.0" },
        extra: [
            { name: "database with encrypted clients", type: REDIS_ENTERPRISE_DATABASE, props: { clientProtocol: "Encrypted" }, violates: false },
            { name: "database with plaintext clients", type: REDIS_ENTERPRISE_DATABASE, props: { clientProtocol: "Plaintext" }, violates: true },
        ],
    },
    {
        rule: redisEnterprisePersistence,
        compliant: { persistence: { aofEnabled: true } },
        violating: { persistence: { aofEnabled: false, rdbEnabled: false } },
        extra: [{ name: "a member of an active geo-replication group (Azure allows no persistence there)", props: { geoReplication: { groupNickname: "g", linkedDatabases: [{ id: "a" }] } }, violates: false }],
    },
];

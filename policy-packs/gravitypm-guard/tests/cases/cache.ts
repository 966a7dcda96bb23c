import type { ReplicationGroupArgs as ElasticacheReplicationGroupArgs } from "@pulumi/aws/elasticache/replicationGroup";
import type { ServerlessCacheArgs as ElasticacheServerlessCacheArgs } from "@pulumi/aws/elasticache/serverlessCache";
import type { RedisArgs } from "@pulumi/azure-native/redis/redis";
import type { DatabaseArgs as RedisenterpriseDatabaseArgs } from "@pulumi/azure-native/redisenterprise/database";
import type { RedisEnterpriseArgs } from "@pulumi/azure-native/redisenterprise/redisEnterprise";
import type { InstanceArgs as MemorystoreInstanceArgs } from "@pulumi/gcp/memorystore/instance";
import type { ClusterArgs as RedisClusterArgs } from "@pulumi/gcp/redis/cluster";
import type { InstanceArgs as RedisInstanceArgs } from "@pulumi/gcp/redis/instance";
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
import { memorystoreRedisAuthTls } from "../../rules/cache/memorystore-redis-auth-tls";
import { redisEnterprisePersistence } from "../../rules/cache/redis-enterprise-persistence";
import { redisEnterpriseTls, REDIS_ENTERPRISE_DATABASE } from "../../rules/cache/redis-enterprise-tls";
import { inputsOf, type RuleCase } from "./types";

const elasticacheReplicationGroup = inputsOf<ElasticacheReplicationGroupArgs>;
const elasticacheServerlessCache = inputsOf<ElasticacheServerlessCacheArgs>;
const memorystoreInstance = inputsOf<MemorystoreInstanceArgs>;
const redis = inputsOf<RedisArgs>;
const redisCluster = inputsOf<RedisClusterArgs>;
const redisEnterprise = inputsOf<RedisEnterpriseArgs>;
const redisInstance = inputsOf<RedisInstanceArgs>;
const redisenterpriseDatabase = inputsOf<RedisenterpriseDatabaseArgs>;

const KEY = "arn:aws:kms:us-east-1:123456789012:key/1111";
const CRYPTO_KEY = "projects/p/locations/us-central1/keyRings/r/cryptoKeys/k";

export const cacheCases: readonly RuleCase[] = [
    {
        rule: elasticacheEncryptedAtRest,
        compliant: elasticacheReplicationGroup({ atRestEncryptionEnabled: true, kmsKeyId: KEY }),
        violating: elasticacheReplicationGroup({ kmsKeyId: KEY }),
        extra: [
            { name: "serverless needs only the key", type: SERVERLESS_CACHE, props: elasticacheServerlessCache({ kmsKeyId: KEY }), violates: false },
            { name: "serverless without the key", type: SERVERLESS_CACHE, props: elasticacheServerlessCache({}), violates: true },
            { name: "Valkey encrypts at rest by default", props: elasticacheReplicationGroup({ engine: "valkey", kmsKeyId: KEY }), violates: false },
            { name: "a global datastore secondary inherits the flag", props: elasticacheReplicationGroup({ globalReplicationGroupId: "g", kmsKeyId: KEY }), violates: false },
        ],
    },
    {
        rule: elasticacheEncryptedInTransit,
        compliant: elasticacheReplicationGroup({ transitEncryptionEnabled: true }),
        violating: elasticacheReplicationGroup({ transitEncryptionEnabled: true, transitEncryptionMode: "preferred" }),
        extra: [{ name: "unset", props: elasticacheReplicationGroup({}), violates: true }],
    },
    {
        rule: elasticacheAuth,
        compliant: elasticacheReplicationGroup({ authToken: "[secret]" }),
        violating: elasticacheReplicationGroup({}),
        extra: [
            { name: "RBAC user groups", props: elasticacheReplicationGroup({ userGroupIds: ["g"] }), violates: false },
            { name: "global-datastore secondary inherits AUTH", props: elasticacheReplicationGroup({ globalReplicationGroupId: "ldgnf-g" }), violates: false },
            { name: "serverless with a user group", type: SERVERLESS_CACHE, props: elasticacheServerlessCache({ userGroupId: "g" }), violates: false },
        ],
    },
    {
        rule: elasticacheSnapshotRetention,
        compliant: elasticacheReplicationGroup({ snapshotRetentionLimit: 7 }),
        violating: elasticacheReplicationGroup({ snapshotRetentionLimit: 1 }),
        stricter: { prodMinimumRetentionDays: 14 },
        extra: [
            { name: "staging needs one day", environment: "staging", props: elasticacheReplicationGroup({ snapshotRetentionLimit: 1 }), violates: false },
            { name: "staging threshold is configurable", environment: "staging", props: elasticacheReplicationGroup({ snapshotRetentionLimit: 1 }), config: { minimumRetentionDays: 3 }, violates: true },
            { name: "unset means no snapshots", environment: "staging", props: elasticacheReplicationGroup({}), violates: true },
        ],
    },
    {
        rule: elasticacheMultiAz,
        compliant: elasticacheReplicationGroup({ automaticFailoverEnabled: true, multiAzEnabled: true }),
        violating: elasticacheReplicationGroup({ automaticFailoverEnabled: true }),
        extra: [{ name: "staging runs one node", environment: "staging", props: elasticacheReplicationGroup({}), violates: false }],
    },
    { rule: memorystoreRedisAuthTls, compliant: redisInstance({ authEnabled: true, transitEncryptionMode: "SERVER_AUTHENTICATION" }), violating: redisInstance({ authEnabled: true, transitEncryptionMode: "DISABLED" }) },
    { rule: memorystoreRedisCmek, compliant: redisInstance({ customerManagedKey: CRYPTO_KEY }), violating: redisInstance({}) },
    { rule: memorystoreRedisPersistence, compliant: redisInstance({ persistenceConfig: { persistenceMode: "RDB" } }), violating: redisInstance({ persistenceConfig: { persistenceMode: "DISABLED" } }) },
    { rule: memorystoreRedisPrivateServiceAccess, compliant: redisInstance({ connectMode: "PRIVATE_SERVICE_ACCESS" }), violating: redisInstance({ connectMode: "DIRECT_PEERING" }) },
    {
        rule: memorystoreRedisHighAvailability,
        compliant: redisInstance({ tier: "STANDARD_HA" }),
        violating: redisInstance({ tier: "BASIC" }),
        extra: [{ name: "staging may run BASIC", environment: "staging", props: redisInstance({ tier: "BASIC" }), violates: false }],
    },
    {
        rule: gcpRedisClusterEncryption,
        compliant: redisCluster({ transitEncryptionMode: "TRANSIT_ENCRYPTION_MODE_SERVER_AUTHENTICATION", kmsKey: CRYPTO_KEY }),
        violating: redisCluster({ transitEncryptionMode: "TRANSIT_ENCRYPTION_MODE_DISABLED", kmsKey: CRYPTO_KEY }),
        extra: [
            { name: "memorystore spelling", type: MEMORYSTORE_INSTANCE, props: memorystoreInstance({ transitEncryptionMode: "SERVER_AUTHENTICATION", kmsKey: CRYPTO_KEY }), violates: false },
            { name: "memorystore without a key", type: MEMORYSTORE_INSTANCE, props: memorystoreInstance({ transitEncryptionMode: "SERVER_AUTHENTICATION" }), violates: true },
        ],
    },
    {
        rule: gcpRedisClusterIamAuth,
        compliant: redisCluster({ authorizationMode: "AUTH_MODE_IAM_AUTH" }),
        violating: redisCluster({ authorizationMode: "AUTH_MODE_DISABLED" }),
        extra: [{ name: "memorystore spelling", type: MEMORYSTORE_INSTANCE, props: memorystoreInstance({ authorizationMode: "IAM_AUTH" }), violates: false }],
    },
    {
        rule: gcpRedisClusterBackup,
        compliant: redisCluster({ persistenceConfig: { mode: "RDB" }, automatedBackupConfig: { retention: "604800s", fixedFrequencySchedule: { startTime: { hours: 3 } } } }),
        violating: redisCluster({ persistenceConfig: { mode: "RDB" } }),
        stricter: { prodMinimumRetentionDays: 14 },
    },
    {
        rule: azureRedisTls,
        compliant: redis({ enableNonSslPort: false, minimumTlsVersion: "1.2" }),
        violating: redis({ enableNonSslPort: true, minimumTlsVersion: "1.2" }),
        extra: [{ name: "TLS version unset", props: redis({}), violates: true }],
    },
    {
        rule: azureRedisPrivate,
        compliant: redis({ publicNetworkAccess: "Disabled" }),
        violating: redis({}),
        extra: [{ name: "VNet-injected cache", props: redis({ subnetId: "/subscriptions/s/…/subnets/data" }), violates: false }],
    },
    { rule: azureRedisPersistence, compliant: redis({ redisConfiguration: { rdbBackupEnabled: "true" } }), violating: redis({ redisConfiguration: {} }) },
    {
        rule: redisEnterpriseTls,
        compliant: redisEnterprise({ minimumTlsVersion: "1.2" }),
        violating: redisEnterprise({ minimumTlsVersion: "1.0" }),
        extra: [
            { name: "database with encrypted clients", type: REDIS_ENTERPRISE_DATABASE, props: redisenterpriseDatabase({ clientProtocol: "Encrypted" }), violates: false },
            { name: "database with plaintext clients", type: REDIS_ENTERPRISE_DATABASE, props: redisenterpriseDatabase({ clientProtocol: "Plaintext" }), violates: true },
        ],
    },
    {
        rule: redisEnterprisePersistence,
        compliant: redisenterpriseDatabase({ persistence: { aofEnabled: true } }),
        violating: redisenterpriseDatabase({ persistence: { aofEnabled: false, rdbEnabled: false } }),
        extra: [{ name: "a member of an active geo-replication group (Azure allows no persistence there)", props: redisenterpriseDatabase({ geoReplication: { groupNickname: "g", linkedDatabases: [{ id: "a" }] } }), violates: false }],
    },
];

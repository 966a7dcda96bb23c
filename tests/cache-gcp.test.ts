import { describe, expect, it } from "vitest";
import { gcpCacheAlerts } from "../components/gcp/cache";
import { memorystoreName } from "../components/gcp/memorystore";
import { clusterPersistence } from "../components/gcp/memorystore-cluster";
import { gcpInstanceShape, memorystoreRedisVersion } from "../components/gcp/memorystore-instance";
import {
    BUCKET_NAME_MAX,
    cacheExportBucketName,
    cacheExportLifecycle,
    CLOUD_PLATFORM_SCOPE,
    EXPORT_AGENT_PERMISSIONS,
    EXPORT_SCHEDULE,
    exportFailureFilter,
    exportObjectUri,
    gcpCustomRoleId,
    gcpServiceAccountId,
    memorystoreExportBody,
    memorystoreExportUrl,
    memorystoreInstancePath,
} from "../components/gcp/cache-export";
import { byUrn, cacheOf, dependsOn, input, named, ofType, one, plan } from "./support/plan";

const INSTANCE = "gcp:redis/instance:Instance";
const CLUSTER = "gcp:redis/cluster:Cluster";
const BUCKET = "gcp:storage/bucket:Bucket";
const JOB = "gcp:cloudscheduler/job:Job";
const BUCKET_MEMBER = "gcp:storage/bucketIAMMember:BucketIAMMember";
const CUSTOM_ROLE = "gcp:projects/iAMCustomRole:IAMCustomRole";
const PROJECT_MEMBER = "gcp:projects/iAMMember:IAMMember";
const ACCOUNT = "gcp:serviceaccount/account:Account";
const KEY_MEMBER = "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember";
const DR_KEY = "projects/gravitypm-prod/locations/us-east1/keyRings/dr-keys-ring/cryptoKeys/dr-keys-key";
/** The mock's Memorystore and Cloud Storage service agents (tools/plan/mocks/gcp.ts). */
const REDIS_AGENT = "serviceAccount:service-123456789012@cloud-redis.iam.gserviceaccount.com";
const STORAGE_AGENT = "serviceAccount:service-123456789012@gs-project-accounts.iam.gserviceaccount.com";


describe("pure Memorystore helpers", () => {
    it("names instances within 40 characters", () => {
        expect(memorystoreName("gravitypm-prod", "cache")).toBe("gravitypm-prod-cache");
        expect(memorystoreName("gravitypm-an-exceedingly-long-stack-name-here", "cache-dr").length).toBeLessThanOrEqual(40);
    });

    it("maps versions to Memorystore's enum", () => {
        expect(memorystoreRedisVersion("7.2")).toBe("REDIS_7_2");
        expect(() => memorystoreRedisVersion("7")).toThrow(/major\.minor/);
    });

    it("shapes instances: BASIC without replicas, read replicas only from 5 GB", () => {
        expect(gcpInstanceShape("small", 0)).toEqual({ tier: "BASIC", memorySizeGb: 1 });
        expect(gcpInstanceShape("small", 1)).toEqual({ tier: "STANDARD_HA", memorySizeGb: 1, replicaCount: 1, readReplicasMode: "READ_REPLICAS_DISABLED" });
        expect(gcpInstanceShape("medium", 2)).toEqual({ tier: "STANDARD_HA", memorySizeGb: 5, replicaCount: 2, readReplicasMode: "READ_REPLICAS_ENABLED" });
    });

    it("persists clusters as configured", () => {
        expect(clusterPersistence("aof", true)).toEqual({ mode: "AOF", aofConfig: { appendFsync: "EVERYSEC" } });
        expect(clusterPersistence("rdb", true)).toEqual({ mode: "RDB", rdbConfig: { rdbSnapshotPeriod: "ONE_HOUR" } });
        expect(clusterPersistence("none", false)).toEqual({ mode: "DISABLED" });
    });

    it("alerts on memory, CPU, evictions, replication and silence for both services, and on system memory for instances", () => {
        expect(gcpCacheAlerts(false).map((a) => a.id)).toEqual(["system-memory", "memory-pressure", "memory", "cpu", "evictions", "replication-lag", "no-data"]);
        expect(gcpCacheAlerts(true).map((a) => a.id)).toEqual(["memory", "cpu", "evictions", "replication-lag", "no-data"]);
    });
});

describe("pure DR export helpers", () => {
    it("names the bucket within Cloud Storage's rules, keeping the suffix", () => {
        expect(cacheExportBucketName("gravitypm-prod", "1a2b3c4d")).toBe("gravitypm-prod-cache-dr-1a2b3c4d");
        const long = cacheExportBucketName("GravityPM_" + "x".repeat(80), "1a2b3c4d");
        expect(long.length).toBeLessThanOrEqual(BUCKET_NAME_MAX);
        expect(long).toMatch(/^gravitypm-x+-cache-dr-1a2b3c4d$/);
        expect(() => cacheExportBucketName("google-prod", "1a2b3c4d")).toThrow(/not a valid Cloud Storage bucket name/);
    });

    it("fits service account and custom role ids", () => {
        expect(gcpServiceAccountId("gravitypm-prod", "cache-export")).toBe("gravitypm-prod-cache-export");
        const long = gcpServiceAccountId("gravitypm-an-exceedingly-long-stack", "cache-export");
        expect(long.length).toBeLessThanOrEqual(30);
        expect(long.endsWith("-cache-export")).toBe(true);
        expect(gcpCustomRoleId("gravitypm-prod", "cacheExport", "1a2b3c4d")).toBe("gravitypm_prod_cacheExport_1a2b3c4d");
        expect(gcpCustomRoleId("p".repeat(80), "cacheExportWriter", "1a2b3c4d").length).toBe(64);
    });

    it("targets the instance's export method with a base64 JSON body naming one object per instance", () => {
        const path = memorystoreInstancePath("proj", "us-central1", "proj-cache");
        expect(memorystoreExportUrl(path)).toBe("https://redis.googleapis.com/v1/projects/proj/locations/us-central1/instances/proj-cache:export");
        expect(() => memorystoreExportUrl("proj-cache")).toThrow(/not a Memorystore instance name/);
        expect(exportObjectUri("b", "proj-cache")).toBe("gs://b/proj-cache/export.rdb");
        expect(JSON.parse(Buffer.from(memorystoreExportBody("b", "proj-cache"), "base64").toString("utf8"))).toEqual({
            outputConfig: { gcsDestination: { uri: "gs://b/proj-cache/export.rdb" } },
        });
    });

    it("keeps each replaced export for the retention period and never ages out the newest", () => {
        expect(cacheExportLifecycle(35)).toEqual([{ action: { type: "Delete" }, condition: { withState: "ARCHIVED", daysSinceNoncurrentTime: 35 } }]);
        expect(() => cacheExportLifecycle(0)).toThrow(/at least 1/);
        expect(() => cacheExportLifecycle(1.5)).toThrow(/whole number/);
    });

    it("matches refused scheduler runs and failed export operations of this instance only", () => {
        const filter = exportFailureFilter("p-cache-export", "us-central1", "projects/p/locations/us-central1/instances/p-cache");
        expect(filter).toContain('resource.type="cloud_scheduler_job" AND resource.labels.job_id="p-cache-export"');
        expect(filter).toContain('protoPayload.methodName="google.cloud.redis.v1.CloudRedis.ExportInstance"');
        expect(filter).toContain('protoPayload.resourceName="projects/p/locations/us-central1/instances/p-cache"');
        expect(filter.match(/severity>=ERROR/g)).toHaveLength(2);
    });
});

describe("GCP cache, staging", async () => {
    const p = await plan("staging", "gcp");
    const instance = one(p, INSTANCE);

    it("is one small BASIC instance, still encrypted, authenticated and private", () => {
        expect(input(instance, "tier")).toBe("BASIC");
        expect(input(instance, "memorySizeGb")).toBe(1);
        expect(input(instance, "authEnabled")).toBe(true);
        expect(input(instance, "transitEncryptionMode")).toBe("SERVER_AUTHENTICATION");
        expect(input(instance, "customerManagedKey")).toBe(p.outputs.keyId);
        expect(input(instance, "connectMode")).toBe("PRIVATE_SERVICE_ACCESS");
        expect(input(instance, "authorizedNetwork")).toBe(p.outputs.networkId);
        expect(input(instance, "reservedIpRange")).toBe("gravitypm-staging-primary-private-services");
        expect(input(instance, "persistenceConfig")).toEqual({ persistenceMode: "RDB", rdbSnapshotPeriod: "TWENTY_FOUR_HOURS" });
        expect(input(instance, "deletionProtection")).toBe(false);
    });

    it("waits for private services access and for the key grant to Memorystore's agent", () => {
        expect(dependsOn(p, instance, "primary-network-private-services-connection")).toBe(true);
        expect(dependsOn(p, instance, "primary-keys-redis-agent")).toBe(true);
    });

    it("keeps the AUTH connection string secret, in Secret Manager under the stack key", () => {
        const secret = one(p, "gcp:secretmanager/secret:Secret", "cache-secret");
        expect(input(secret, "secretId")).toBe("gravitypm-staging-cache-connection-string");
        expect(input(secret, "replication")).toEqual({
            userManaged: { replicas: [{ location: "us-east1", customerManagedEncryption: { kmsKeyName: p.outputs.keyId } }] },
        });
        expect(one(p, "gcp:secretmanager/secretVersion:SecretVersion", "cache-secret-value").secretInputs).toContain("secretData");
        expect(p.outputs.cachePort).toBe(6378);
        expect(JSON.stringify(p.outputs)).not.toContain("rediss://");
    });

    it("alerts on memory, CPU, evictions and silence to the stack's channels (no replica, no lag alert)", () => {
        const policies = ofType(p, "gcp:monitoring/alertPolicy:AlertPolicy").filter((a) => a.name.startsWith("cache-"));
        expect(policies.map((a) => a.name).sort()).toEqual(["cache-cpu", "cache-evictions", "cache-memory", "cache-memory-pressure", "cache-no-data", "cache-system-memory"]);
        for (const policy of policies) {
            expect(input(policy, "notificationChannels")).toEqual(p.outputs.alertTargets);
            expect(input(policy, "enabled")).toBe(true);
            expect(input(policy, "conditions") as unknown[]).toHaveLength(1);
            expect(JSON.stringify(input(policy, "conditions"))).toContain(
                'resource.labels.instance_id = \\"projects/gravitypm-staging/locations/us-east1/instances/gravitypm-staging-cache\\"',
            );
        }
    });

    it("protects nothing in staging", () => {
        expect(cacheOf(p).filter((r) => r.protect)).toEqual([]);
    });

    it("has no DR export: no bucket, job, export identity or export alert", () => {
        // Among the cache's resources: the cluster has a node service account and project roles of its own.
        for (const type of [BUCKET, JOB, BUCKET_MEMBER, CUSTOM_ROLE, PROJECT_MEMBER, ACCOUNT]) expect(cacheOf(p).filter((r) => r.type === type)).toEqual([]);
        expect(cacheOf(p).filter((r) => r.name.startsWith("cache-export"))).toEqual([]);
        expect(p.outputs.cacheCrossRegion).toBe("none: no DR region: the instance lives in one region");
    });
});

describe("GCP cache, prod (one shard: Memorystore instance)", async () => {
    const p = await plan("prod", "gcp");
    const instance = one(p, INSTANCE);

    it("is STANDARD_HA across two zones with a read replica, hourly RDB, protected", () => {
        expect(input(instance, "tier")).toBe("STANDARD_HA");
        expect(input(instance, "readReplicasMode")).toBe("READ_REPLICAS_ENABLED");
        expect(input(instance, "replicaCount")).toBe(1);
        expect([input(instance, "locationId"), input(instance, "alternativeLocationId")]).toEqual(["us-central1-a", "us-central1-b"]);
        expect(input(instance, "persistenceConfig")).toEqual({ persistenceMode: "RDB", rdbSnapshotPeriod: "ONE_HOUR" });
        expect(instance.protect).toBe(true);
        expect(input(instance, "deletionProtection")).toBe(true);
    });

    it("says its DR copy is a daily export, and copies the secret to the DR region", () => {
        expect(p.outputs.cacheCrossRegion).toMatch(/^scheduled-export: daily RDB export to us-east1 \(RPO 24 h\)/);
        expect(ofType(p, CLUSTER)).toEqual([]);
        const replicas = (input(one(p, "gcp:secretmanager/secret:Secret", "cache-secret"), "replication") as { userManaged: { replicas: { location: string }[] } }).userManaged.replicas;
        expect(replicas.map((r) => r.location)).toEqual(["us-central1", "us-east1"]);
    });

    it("alerts on replication lag too", () => {
        const names = ofType(p, "gcp:monitoring/alertPolicy:AlertPolicy").filter((a) => a.name.startsWith("cache-")).map((a) => a.name);
        expect(names.sort()).toEqual([
            "cache-cpu",
            "cache-evictions",
            "cache-export-failed",
            "cache-export-missing",
            "cache-memory",
            "cache-memory-pressure",
            "cache-no-data",
            "cache-replication-lag",
            "cache-system-memory",
        ]);
    });
});

describe("GCP cache, prod: daily export to the DR region", async () => {
    const p = await plan("prod", "gcp");
    const instance = one(p, INSTANCE);
    const bucket = one(p, BUCKET, "cache-export-bucket");
    const job = one(p, JOB, "cache-export-job");
    const account = one(p, ACCOUNT, "cache-export-account");
    const bucketName = input(bucket, "name") as string;

    it("keeps the exports in a private, versioned bucket in the DR region under the DR key, protected", () => {
        expect(bucketName).toMatch(/^gravitypm-prod-cache-dr-[0-9a-f]{8}$/);
        expect(input(bucket, "location")).toBe("us-east1");
        expect(byUrn(p, bucket.provider)?.name).toBe("gcp-dr");
        expect(input(bucket, "encryption")).toEqual({ defaultKmsKeyName: DR_KEY });
        expect(input(bucket, "uniformBucketLevelAccess")).toBe(true);
        expect(input(bucket, "publicAccessPrevention")).toBe("enforced");
        expect(input(bucket, "versioning")).toEqual({ enabled: true });
        expect(input(bucket, "forceDestroy")).toBe(false);
        expect(bucket.protect).toBe(true);
        expect(cacheOf(p).filter((r) => r.protect).map((r) => r.name).sort()).toEqual(["cache-export-bucket", "cache-instance", "cache-secret"]);
    });

    it("keeps every export at least backupRetentionDays (35 in prod), and deleted ones a week more", () => {
        const rules = input(bucket, "lifecycleRules") as { action: { type: string }; condition: Record<string, unknown> }[];
        expect(rules).toHaveLength(1);
        expect(rules[0].action.type).toBe("Delete");
        // Only replaced versions age out, each at least 35 days after a newer export superseded it.
        expect(rules[0].condition.withState).toBe("ARCHIVED");
        expect(rules[0].condition.daysSinceNoncurrentTime).toBeGreaterThanOrEqual(35);
        expect(rules[0].condition.age).toBeUndefined();
        expect(input(bucket, "softDeletePolicy")).toEqual({ retentionDurationSeconds: 7 * 86_400 });
        // Bucket Lock cannot be combined with versioning.
        expect(input(bucket, "retentionPolicy")).toBeUndefined();
    });

    it("lets Cloud Storage's service agent use the DR key before the bucket exists", () => {
        const grant = one(p, KEY_MEMBER, "cache-export-storage-agent");
        expect(input(grant, "cryptoKeyId")).toBe(DR_KEY);
        expect(input(grant, "role")).toBe("roles/cloudkms.cryptoKeyEncrypterDecrypter");
        expect(input(grant, "member")).toBe(STORAGE_AGENT);
        expect(dependsOn(p, bucket, "cache-export-storage-agent")).toBe(true);
    });

    it("runs daily at a fixed UTC time against the primary instance's export method", () => {
        expect(input(job, "region")).toBe("us-central1");
        expect(byUrn(p, job.provider)?.name).toBe("gcp-primary");
        expect(input(job, "schedule")).toBe(EXPORT_SCHEDULE);
        expect(EXPORT_SCHEDULE).toMatch(/^\d+ \d+ \* \* \*$/);
        expect(input(job, "timeZone")).toBe("Etc/UTC");
        expect(input(job, "httpTarget.httpMethod")).toBe("POST");
        expect(input(job, "httpTarget.uri")).toBe("https://redis.googleapis.com/v1/projects/gravitypm-prod/locations/us-central1/instances/gravitypm-prod-cache:export");
        const body = JSON.parse(Buffer.from(input(job, "httpTarget.body") as string, "base64").toString("utf8")) as unknown;
        expect(body).toEqual({ outputConfig: { gcsDestination: { uri: `gs://${bucketName}/gravitypm-prod-cache/export.rdb` } } });
        expect(Number(input(job, "retryConfig.retryCount"))).toBeGreaterThanOrEqual(1);
        expect(dependsOn(p, job, "cache-instance")).toBe(true);
    });

    it("runs outside the Sunday 05:00 UTC maintenance window", () => {
        const hour = Number(EXPORT_SCHEDULE.split(" ")[1]);
        const window = input(instance, "maintenancePolicy.weeklyMaintenanceWindows") as { startTime: { hours: number } }[];
        expect(window.map((w) => w.startTime.hours)).toEqual([5]);
        expect(Math.abs(hour - 5)).toBeGreaterThanOrEqual(2);
    });

    it("calls with the dedicated service account's OAuth token, which may only start exports", () => {
        expect(input(job, "httpTarget.oauthToken")).toEqual({ serviceAccountEmail: "gravitypm-prod-cache-export@gravitypm-prod.iam.gserviceaccount.com", scope: CLOUD_PLATFORM_SCOPE });
        expect(input(account, "accountId")).toBe("gravitypm-prod-cache-export");
        const grants = ofType(p, PROJECT_MEMBER).filter((g) => input(g, "member") === "serviceAccount:gravitypm-prod-cache-export@gravitypm-prod.iam.gserviceaccount.com");
        expect(grants).toHaveLength(1);
        const role = one(p, CUSTOM_ROLE, "cache-export-role");
        expect(input(grants[0], "role")).toBe(`projects/gravitypm-prod/roles/${input(role, "roleId") as string}`);
        expect(input(role, "permissions")).toEqual(["redis.instances.export"]);
        expect(dependsOn(p, job, "cache-export-account-role")).toBe(true);
    });

    it("lets Memorystore's service agent write (and re-import) the export on that bucket alone", () => {
        const grants = ofType(p, BUCKET_MEMBER);
        expect(grants).toHaveLength(1);
        expect(input(grants[0], "bucket")).toBe(bucketName);
        expect(input(grants[0], "member")).toBe(REDIS_AGENT);
        const role = one(p, CUSTOM_ROLE, "cache-export-writer-role");
        expect(input(grants[0], "role")).toBe(`projects/gravitypm-prod/roles/${input(role, "roleId") as string}`);
        expect(input(role, "permissions")).toEqual([...EXPORT_AGENT_PERMISSIONS]);
        expect(EXPORT_AGENT_PERMISSIONS).toEqual(expect.arrayContaining(["storage.objects.create", "storage.objects.delete", "storage.objects.get"]));
        expect(ofType(p, PROJECT_MEMBER).some((g) => input(g, "member") === REDIS_AGENT)).toBe(false);
        expect(dependsOn(p, job, "cache-export-writer")).toBe(true);
    });

    it("alerts the stack's channels when a run or the export it starts fails", () => {
        const policy = one(p, "gcp:monitoring/alertPolicy:AlertPolicy", "cache-export-failed");
        expect(input(policy, "notificationChannels")).toEqual(p.outputs.alertTargets);
        expect(input(policy, "enabled")).toBe(true);
        const conditions = input(policy, "conditions") as { conditionMatchedLog: { filter: string } }[];
        expect(conditions).toHaveLength(1);
        expect(conditions[0].conditionMatchedLog.filter).toBe(
            exportFailureFilter("gravitypm-prod-cache-export", "us-central1", "projects/gravitypm-prod/locations/us-central1/instances/gravitypm-prod-cache"),
        );
        expect(input(policy, "alertStrategy.notificationRateLimit.period")).toBe("3600s");
    });

    it("has no export when the cache is a cluster, which replicates instead", async () => {
        const sharded = await plan("prod", "gcp", { cacheShards: "3", cachePersistence: "aof" });
        for (const type of [BUCKET, JOB, BUCKET_MEMBER, CUSTOM_ROLE, ACCOUNT]) expect(cacheOf(sharded).filter((r) => r.type === type)).toEqual([]);
    });
});

describe("GCP cache, prod sharded (Memorystore for Redis Cluster)", async () => {
    const p = await plan("prod", "gcp", { cacheShards: "3", cachePersistence: "aof" });
    const primary = one(p, CLUSTER, "cache-cluster");
    const secondary = one(p, CLUSTER, "cache-dr-cluster");

    it("runs a multi-zone cluster with IAM auth, TLS, the stack key, AOF and backups", () => {
        expect(ofType(p, INSTANCE)).toEqual([]);
        expect(input(primary, "shardCount")).toBe(3);
        expect(input(primary, "replicaCount")).toBe(1);
        expect(input(primary, "zoneDistributionConfig")).toEqual({ mode: "MULTI_ZONE" });
        expect(input(primary, "authorizationMode")).toBe("AUTH_MODE_IAM_AUTH");
        expect(input(primary, "transitEncryptionMode")).toBe("TRANSIT_ENCRYPTION_MODE_SERVER_AUTHENTICATION");
        expect(input(primary, "kmsKey")).toBe(p.outputs.keyId);
        expect(input(primary, "persistenceConfig")).toEqual({ mode: "AOF", aofConfig: { appendFsync: "EVERYSEC" } });
        expect(input(primary, "automatedBackupConfig")).toEqual({ fixedFrequencySchedule: { startTime: { hours: 3 } }, retention: "604800s" });
        expect(p.outputs.cacheClusterMode).toBe(true);
    });

    it("is reachable only through Private Service Connect in the data subnet", () => {
        const policy = named(p, "cache-psc-policy");
        expect(input(policy, "serviceClass")).toBe("gcp-memorystore-redis");
        expect(input(policy, "pscConfig")).toEqual({ subnetworks: ["projects/gravitypm-prod/regions/us-central1/subnetworks/gravitypm-prod-primary-data"] });
        expect(input(primary, "pscConfigs")).toEqual([{ network: p.outputs.networkId }]);
        expect(dependsOn(p, primary, "cache-psc-policy")).toBe(true);
    });

    it("replicates to a secondary cluster in the DR region under the DR key", () => {
        expect(input(secondary, "crossClusterReplicationConfig")).toEqual({
            clusterRole: "SECONDARY",
            primaryCluster: { cluster: "projects/gravitypm-prod/locations/us-central1/clusters/gravitypm-prod-cache" },
        });
        expect(input(secondary, "region")).toBe("us-east1");
        expect(byUrn(p, secondary.provider)?.name).toBe("gcp-dr");
        expect(dependsOn(p, secondary, "dr-keys-key")).toBe(true);
        expect(input(secondary, "shardCount")).toBe(3);
        expect(p.outputs.cacheCrossRegion).toMatch(/^cross-cluster-replication: .*us-east1/);
        expect(cacheOf(p).filter((r) => r.protect).map((r) => r.name).sort()).toEqual(["cache-cluster", "cache-dr-cluster", "cache-secret"]);
    });
});

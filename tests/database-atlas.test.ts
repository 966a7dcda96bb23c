import { describe, expect, it } from "vitest";
import { ATLAS_ALERT_RULES, atlasReplicationSpecs, privateSrvConnectionString } from "../components/atlas/database";
import { atlasAwsRegion, ATLAS_PRIVATELINK_PORTS } from "../components/aws/atlas";
import { atlasAzureRegion } from "../components/azure/atlas";
import { atlasGcpRegion } from "../components/gcp/atlas";
import { REGIONS } from "../domain/regions";
import type { Plan } from "../tools/plan/types";
import { descendants, input, ofType, one, plan } from "./support/plan";

const CLUSTER = "mongodbatlas:index/advancedCluster:AdvancedCluster";
const SCHEDULE = "mongodbatlas:index/cloudBackupSchedule:CloudBackupSchedule";
const AZURE_SP = "22f1d2a6-d0e9-482a-83a4-b8dd7dddc2c1";

interface RegionConfig {
    providerName: string;
    regionName: string;
    priority: number;
    electableSpecs: { instanceSize: string; nodeCount: number };
    readOnlySpecs?: { nodeCount: number };
}
const regionConfigs = (p: Plan) => (input(one(p, CLUSTER), "replicationSpecs") as { regionConfigs: RegionConfig[] }[])[0].regionConfigs;

describe("Atlas pure logic", () => {
    it("names every offered region the way Atlas does", () => {
        expect(atlasAwsRegion("us-east-1")).toBe("US_EAST_1");
        expect(atlasGcpRegion("us-central1")).toBe("CENTRAL_US");
        expect(atlasGcpRegion("europe-west1")).toBe("WESTERN_EUROPE");
        expect(atlasAzureRegion("eastus")).toBe("US_EAST");
        expect(atlasAzureRegion("westeurope")).toBe("EUROPE_WEST");
        for (const region of REGIONS.gcp.keys()) expect(() => atlasGcpRegion(region)).not.toThrow();
        for (const region of REGIONS.azure.keys()) expect(() => atlasAzureRegion(region)).not.toThrow();
    });

    it("builds one replication spec per shard, DR region electable with lower priority", () => {
        const specs = atlasReplicationSpecs({
            providerName: "AWS",
            primaryRegion: "US_EAST_1",
            drRegion: "US_WEST_2",
            size: "medium",
            nodes: 3,
            readReplicas: 1,
            shards: 2,
            storageGb: 100,
        });
        expect(specs).toHaveLength(2);
        const [primary, dr] = specs[0].regionConfigs as RegionConfig[];
        expect(primary).toMatchObject({ regionName: "US_EAST_1", priority: 7, electableSpecs: { instanceSize: "M30", nodeCount: 3 }, readOnlySpecs: { nodeCount: 1 } });
        expect(dr).toMatchObject({ regionName: "US_WEST_2", priority: 6, electableSpecs: { instanceSize: "M30", nodeCount: 2 } });
    });

    it("prefers the private SRV string through the primary endpoint", () => {
        const entry = (id: string, srv: string) => ({
            connectionString: "",
            srvConnectionString: srv,
            srvShardOptimizedConnectionString: "",
            type: "MONGOD",
            endpoints: [{ endpointId: id, providerName: "AWS", region: "US_EAST_1" }],
        });
        expect(privateSrvConnectionString([entry("vpce-dr", "mongodb+srv://dr"), entry("vpce-1", "mongodb+srv://primary")], "vpce-1")).toBe("mongodb+srv://primary");
        expect(privateSrvConnectionString([entry("vpce-dr", "mongodb+srv://dr")], "vpce-1")).toBe("mongodb+srv://dr");
        expect(privateSrvConnectionString(undefined, "vpce-1")).toBeUndefined();
    });
});

describe.each([
    ["aws", { databaseEngine: "atlas" }, "AWS", "US_EAST_1", "US_WEST_2"],
    ["gcp", {}, "GCP", "CENTRAL_US", "EASTERN_US"],
    ["gcp", { databaseEngine: "atlas" }, "GCP", "CENTRAL_US", "EASTERN_US"],
    ["azure", { databaseEngine: "atlas", atlasAzureServicePrincipalId: AZURE_SP }, "AZURE", "US_EAST", "US_WEST_2"],
] as const)("Atlas in prod on %s %j", async (cloud, set, providerName, primaryRegion, drRegion) => {
    const p = await plan("prod", cloud, { ...set });
    const cluster = one(p, CLUSTER);
    const db = descendants(p, one(p, "gravitypm:components:Database"));

    it("is a replica set in the primary region with DR-region electable nodes of lower priority", () => {
        expect(input(cluster, "clusterType")).toBe("REPLICASET");
        const [primary, dr] = regionConfigs(p);
        expect(primary).toMatchObject({ providerName, regionName: primaryRegion, priority: 7, electableSpecs: { nodeCount: 3, instanceSize: "M30" } });
        expect(dr).toMatchObject({ providerName, regionName: drRegion, priority: 6, electableSpecs: { nodeCount: 2 } });
    });

    it("backs up continuously, encrypts with the stack's key, requires TLS 1.2 and is termination-protected", () => {
        expect(input(cluster, "backupEnabled")).toBe(true);
        expect(input(cluster, "pitEnabled")).toBe(true);
        expect(input(cluster, "encryptionAtRestProvider")).toBe(providerName);
        expect(input(cluster, "advancedConfiguration.minimumEnabledTlsProtocol")).toBe("TLS1_2");
        expect(input(cluster, "terminationProtectionEnabled")).toBe(true);
        expect(cluster.protect).toBe(true);
        const encryption = one(p, "mongodbatlas:index/encryptionAtRest:EncryptionAtRest");
        expect(cluster.dependencies).toContain(encryption.urn);
        const config = { AWS: "awsKmsConfig", GCP: "googleCloudKmsConfig", AZURE: "azureKeyVaultConfig" }[providerName];
        expect(input(encryption, `${config}.enabled`)).toBe(true);
        expect(input(encryption, `${config}.roleId`)).toBeTruthy();
    });

    it("keeps daily snapshots for the stack's retention and copies them to the DR region", () => {
        const schedule = one(p, SCHEDULE);
        expect(input(schedule, "policyItemDaily")).toMatchObject({ frequencyInterval: 1, retentionUnit: "days", retentionValue: 35 });
        expect(input(schedule, "restoreWindowDays")).toBe(35);
        expect(input(schedule, "copySettings")).toEqual([
            expect.objectContaining({ cloudProvider: providerName, regionName: drRegion, shouldCopyOplogs: true, copyPolicyItems: [expect.objectContaining({ frequencyType: "daily", retentionValue: 35 })] }),
        ]);
    });

    it("is reached only through private endpoints in both regions, with no IP access list at all", () => {
        expect(ofType(p, "mongodbatlas:index/projectIpAccessList:ProjectIpAccessList")).toHaveLength(0);
        const registrations = ofType(p, "mongodbatlas:index/privateLinkEndpointService:PrivateLinkEndpointService");
        expect(registrations).toHaveLength(2);
        for (const r of registrations) expect(cluster.dependencies).toContain(r.urn);
        expect(p.outputs.databaseHost).toMatch(/-pl-0\./);
    });

    it("audits the database and alerts on CPU, memory, disk, connections and replication lag", () => {
        expect(input(one(p, "mongodbatlas:index/auditing:Auditing"), "enabled")).toBe(true);
        const alerts = ofType(p, "mongodbatlas:index/alertConfiguration:AlertConfiguration");
        expect(alerts.map((a) => input(a, "metricThresholdConfig.metricName"))).toEqual(ATLAS_ALERT_RULES.map((r) => r.metricName));
        for (const alert of alerts) {
            expect(input(alert, "enabled")).toBe(true);
            expect(input(alert, "notifications")).toContainEqual(expect.objectContaining({ typeName: "EMAIL", emailAddress: "platform-oncall@gravitypm.example.com" }));
        }
    });

    it("uses an explicit Atlas provider for every Atlas resource", () => {
        const atlasResources = db.filter((r) => r.type.startsWith("mongodbatlas:index/"));
        expect(atlasResources.length).toBeGreaterThan(10);
        for (const r of atlasResources) expect(r.provider).toMatch(/pulumi:providers:mongodbatlas::database-atlas$/);
    });

    it("stores the secret connection string in the cloud's secret store", () => {
        expect(p.outputs.databaseConnectionString).toBe("[secret]");
        expect(one(p, "random:index/randomPassword:RandomPassword", "database-password")).toBeTruthy();
        expect(one(p, "mongodbatlas:index/databaseUser:DatabaseUser").secretInputs).toContain("password");
        const store = { AWS: "aws:secretsmanager/secretVersion:SecretVersion", GCP: "gcp:secretmanager/secretVersion:SecretVersion", AZURE: "azure-native:keyvault:Secret" }[providerName];
        const stored = ofType(p, store).filter((r) => db.includes(r));
        expect(stored.length).toBeGreaterThanOrEqual(1);
        for (const r of stored) expect(r.secretInputs.length).toBeGreaterThan(0);
    });
});

describe("Atlas cloud sides", () => {
    it("AWS: lets Atlas assume a KMS role limited to the stack key, and opens node ports only to workloads", async () => {
        const p = await plan("prod", "aws", { databaseEngine: "atlas" });
        const auth = one(p, "mongodbatlas:index/cloudProviderAccessAuthorization:CloudProviderAccessAuthorization");
        expect(input(auth, "aws.iamAssumedRoleArn")).toMatch(/^arn:aws:iam::\d+:role\/gravitypm-prod-atlas-kms$/);
        const policy = JSON.parse(String(input(one(p, "aws:iam/rolePolicy:RolePolicy", "database-encryption-kms"), "policy"))) as { Statement: { Resource: string }[] };
        expect(policy.Statement[0].Resource).toBe(input(one(p, "aws:cloudwatch/logGroup:LogGroup", "primary-network-flow-logs"), "kmsKeyId"));
        const rules = ofType(p, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").filter((r) => r.name.includes("sg-atlas"));
        expect(rules).toHaveLength(2);
        for (const r of rules) {
            expect([input(r, "fromPort"), input(r, "toPort")]).toEqual([ATLAS_PRIVATELINK_PORTS.from, ATLAS_PRIVATELINK_PORTS.to]);
            expect(input(r, "cidrIpv4")).toBeUndefined();
        }
        // One Atlas endpoint per region (the networks' own endpoints to AWS APIs are not the database's).
        expect(ofType(p, "aws:ec2/vpcEndpoint:VpcEndpoint").filter((e) => input(e, "vpcEndpointType") === "Interface" && e.name.startsWith("database-"))).toHaveLength(2);
    });

    it("GCP: native means Atlas, with PSC endpoints and the Cloud KMS key version", async () => {
        const p = await plan("prod", "gcp");
        expect(p.outputs.databaseService).toBe("MongoDB Atlas");
        const encryption = one(p, "mongodbatlas:index/encryptionAtRest:EncryptionAtRest");
        expect(input(encryption, "googleCloudKmsConfig.keyVersionResourceId")).toMatch(/\/cryptoKeyVersions\/\d+$/);
        const grants = ofType(p, "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember").filter((g) => g.name.startsWith("database-"));
        expect(grants.map((g) => input(g, "role")).sort()).toEqual(["roles/cloudkms.cryptoKeyEncrypterDecrypter", "roles/cloudkms.viewer"]);
        for (const rule of ofType(p, "gcp:compute/forwardingRule:ForwardingRule").filter((r) => r.name.includes("database"))) {
            expect(input(rule, "loadBalancingScheme")).toBe("");
            expect(input(rule, "target")).toMatch(/serviceAttachments/);
        }
        for (const service of ofType(p, "mongodbatlas:index/privateLinkEndpoint:PrivateLinkEndpoint")) expect(input(service, "portMappingEnabled")).toBe(true);
        const secret = one(p, "gcp:secretmanager/secret:Secret", "database-connection-secret");
        expect(input(secret, "replication.userManaged.replicas")).toEqual([
            { location: "us-central1", customerManagedEncryption: { kmsKeyName: expect.stringContaining("us-central1") } },
            { location: "us-east1", customerManagedEncryption: { kmsKeyName: expect.stringContaining("us-east1") } },
        ]);
    });

    it("GCP staging: a three-member replica set with no DR copy", async () => {
        const p = await plan("staging", "gcp");
        const configs = regionConfigs(p);
        expect(configs).toHaveLength(1);
        expect(configs[0].electableSpecs).toMatchObject({ instanceSize: "M10", nodeCount: 3 });
        expect(input(one(p, CLUSTER), "terminationProtectionEnabled")).toBe(false);
        expect(input(one(p, SCHEDULE), "copySettings")).toBeUndefined();
        expect(input(one(p, SCHEDULE), "policyItemDaily.retentionValue")).toBe(7);
    });

    it("Azure: Atlas's principal gets the vault, reaches it privately, and the stack approves that endpoint", async () => {
        const p = await plan("prod", "azure", { databaseEngine: "atlas", atlasAzureServicePrincipalId: AZURE_SP });
        const encryption = one(p, "mongodbatlas:index/encryptionAtRest:EncryptionAtRest");
        expect(input(encryption, "azureKeyVaultConfig.requirePrivateNetworking")).toBe(true);
        // Atlas's own key (encrypt/decrypt), not the services' wrap-only key: tests/azure-atlas.test.ts.
        expect(input(encryption, "azureKeyVaultConfig.keyIdentifier")).toMatch(/^https:\/\/.+\.vault\.azure\.net\/keys\/atlas\//);
        const roles = ofType(p, "azure-native:authorization:RoleAssignment").filter((r) => r.name.startsWith("database-"));
        expect(roles.map((r) => input(r, "principalId"))).toEqual([AZURE_SP, AZURE_SP]);
        expect(input(one(p, "azure-native:keyvault:PrivateEndpointConnection"), "privateLinkServiceConnectionState.status")).toBe("Approved");
        const endpoints = ofType(p, "azure-native:network:PrivateEndpoint").filter((e) => e.name.startsWith("database-"));
        expect(endpoints).toHaveLength(2);
        for (const e of endpoints) expect(input(e, "manualPrivateLinkServiceConnections")).toHaveLength(1);
    });
});

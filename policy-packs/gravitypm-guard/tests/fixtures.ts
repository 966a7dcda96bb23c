/**
 * Plan fixtures for the stack rules: small stacks that break exactly one stack rule (and
 * their repaired twins). Built with planOf so they read like the plans the engine produces:
 * explicit providers with default tags, dependencies where the program would have them.
 */
import type { PlanArgs } from "@pulumi/aws/backup/plan";
import type { SelectionArgs } from "@pulumi/aws/backup/selection";
import type { VaultArgs } from "@pulumi/aws/backup/vault";
import type { ClusterArgs } from "@pulumi/aws/docdb/cluster";
import type { ClusterInstanceArgs } from "@pulumi/aws/docdb/clusterInstance";
import type { SubnetGroupArgs } from "@pulumi/aws/docdb/subnetGroup";
import type { SecurityGroupArgs } from "@pulumi/aws/ec2/securityGroup";
import type { SubnetArgs } from "@pulumi/aws/ec2/subnet";
import type { KeyArgs } from "@pulumi/aws/kms/key";
import type { Plan } from "../../../tools/plan/types";
import { inputsOf, type Fixture } from "./cases/types";
import { planOf, type FixtureResource } from "./support";

const TAGS = JSON.stringify({ tags: { project: "gravitypm", stack: "prod", environment: "prod", owner: "platform", "cost-centre": "eng", "managed-by": "pulumi" } });
const kmsKey = inputsOf<KeyArgs>;
const subnet = inputsOf<SubnetArgs>;
const securityGroup = inputsOf<SecurityGroupArgs>;
const docdbSubnetGroup = inputsOf<SubnetGroupArgs>;
const docdbCluster = inputsOf<ClusterArgs>;
const docdbClusterInstance = inputsOf<ClusterInstanceArgs>;
const backupVault = inputsOf<VaultArgs>;
const backupPlan = inputsOf<PlanArgs>;
const backupSelection = inputsOf<SelectionArgs>;

const KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/primary";

/** A prod AWS site: tagged providers for both regions, keys, subnets in three zones, a security group. */
export function awsSite(): FixtureResource[] {
    return [
        { type: "pulumi:providers:aws", name: "aws-primary", inputs: { region: "us-east-1", defaultTags: TAGS } },
        { type: "pulumi:providers:aws", name: "aws-dr", inputs: { region: "us-west-2", defaultTags: TAGS } },
        { type: "aws:kms/key:Key", name: "key", provider: "aws-primary", protect: true, inputs: kmsKey({ enableKeyRotation: true }) },
        { type: "aws:kms/key:Key", name: "dr-key", provider: "aws-dr", protect: true, inputs: kmsKey({ enableKeyRotation: true }) },
        ...["a", "b", "c"].map((z) => ({ type: "aws:ec2/subnet:Subnet", name: `data-${z}`, provider: "aws-primary", inputs: subnet({ availabilityZone: `us-east-1${z}`, cidrBlock: "10.0.0.0/24" }) })),
        { type: "aws:ec2/securityGroup:SecurityGroup", name: "db-sg", provider: "aws-primary", inputs: securityGroup({ ingress: [{ cidrBlocks: ["10.0.0.0/16"], fromPort: 27017, toPort: 27017, protocol: "tcp", description: "app" }] }) },
        { type: "aws:docdb/subnetGroup:SubnetGroup", name: "db-subnets", provider: "aws-primary", dependsOn: ["data-a", "data-b", "data-c"], inputs: docdbSubnetGroup({ subnetIds: ["s-a", "s-b", "s-c"] }) },
    ];
}

/** A compliant prod DocumentDB: encrypted with the stack key, 35 days of backups, three
 * instances in three zones, protected, and an AWS Backup plan copying to the DR region. */
export function awsDatabase(overrides: { cluster?: Fixture<ClusterArgs>; instances?: number; backupCopy?: boolean; protect?: boolean } = {}): FixtureResource[] {
    const instances = overrides.instances ?? 3;
    return [
        {
            type: "aws:docdb/cluster:Cluster",
            name: "db",
            provider: "aws-primary",
            protect: overrides.protect ?? true,
            dependsOn: ["key", "db-sg", "db-subnets"],
            inputs: docdbCluster({ storageEncrypted: true, kmsKeyId: KEY_ARN, backupRetentionPeriod: 35, deletionProtection: true, masterUsername: "gravitypm", vpcSecurityGroupIds: ["sg-1"], ...overrides.cluster }),
        },
        ...Array.from({ length: instances }, (_, i) => ({
            type: "aws:docdb/clusterInstance:ClusterInstance",
            name: `db-${i}`,
            provider: "aws-primary",
            dependsOn: ["db"],
            inputs: docdbClusterInstance({ availabilityZone: `us-east-1${"abc"[i]}` }),
        })),
        { type: "aws:backup/vault:Vault", name: "vault", provider: "aws-primary", protect: true, dependsOn: ["key"], inputs: backupVault({ kmsKeyArn: KEY_ARN }) },
        { type: "aws:backup/vault:Vault", name: "dr-vault", provider: "aws-dr", protect: true, dependsOn: ["dr-key"], inputs: backupVault({ kmsKeyArn: "arn:aws:kms:us-west-2:123456789012:key/dr" }) },
        {
            type: "aws:backup/plan:Plan",
            name: "plan",
            provider: "aws-primary",
            dependsOn: ["vault", "dr-vault"],
            inputs: backupPlan({
                rules: [
                    {
                        ruleName: "daily",
                        targetVaultName: "vault",
                        schedule: "cron(0 5 ? * * *)",
                        lifecycle: { deleteAfter: 35 },
                        copyActions: overrides.backupCopy === false ? [] : [{ destinationVaultArn: "arn:aws:backup:us-west-2:123456789012:backup-vault:dr", lifecycle: { deleteAfter: 35 } }],
                    },
                ],
            }),
        },
        { type: "aws:backup/selection:Selection", name: "selection", provider: "aws-primary", dependsOn: ["plan", "db"], inputs: backupSelection({ planId: "plan", iamRoleArn: "role", resources: ["arn:aws:rds:…:cluster:db"] }) },
    ];
}

export function prodAws(extra: FixtureResource[] = [], database = awsDatabase()): Plan {
    return planOf([...awsSite(), ...database, ...extra], "prod");
}

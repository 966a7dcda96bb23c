/** AWS data stores (DocumentDB, ElastiCache) and the AWS Backup plans that cover them. */
import type { StackResource, StackView } from "../stack";
import { bool, get, isSet, known, num, present, records, str, strings } from "../values";
import { cronIntervalMinutes, dependentOfType, regionOf, type Coverage, type StoreSpec } from "./coverage";

const SUBNET_GROUPS = ["aws:docdb/subnetGroup:SubnetGroup", "aws:elasticache/subnetGroup:SubnetGroup"];

/** Availability zones of the subnets `r` uses, directly or through a subnet group. */
export function subnetZones(r: StackResource, stack: StackView): Set<string> {
    const zones = new Set<string>();
    for (const d of stack.dependenciesOf(r)) {
        if (d.type === "aws:ec2/subnet:Subnet") {
            // A subnet placed by zone id learns its zone name only once created: in a first
            // preview the name is unknown while the id is known, so each is read on its own.
            const id = known(() => str(d.props.availabilityZoneId));
            const name = known(() => str(d.props.availabilityZone));
            const az = (id.known ? id.value : undefined) ?? (name.known ? name.value : undefined);
            if (az) zones.add(az);
        } else if (SUBNET_GROUPS.includes(d.type)) {
            for (const z of subnetZones(d, stack)) zones.add(z);
        }
    }
    return zones;
}

export const AWS_STORES: Readonly<Record<string, StoreSpec>> = {
    "aws:docdb/cluster:Cluster": {
        kind: "database",
        label: "DocumentDB cluster",
        ports: (p) => [num(p.port) ?? 27017],
        keyPaths: ["kmsKeyId"],
        // Continuous backup: point-in-time restore to within five minutes.
        ownBackup: (r) => ({ via: "automated backups", retentionDays: num(r.props.backupRetentionPeriod) ?? 1, intervalMinutes: 5, crossRegion: false }),
        deletionProtection: (p) => bool(p.deletionProtection) === true,
        // A secondary of a global cluster takes its credentials from the primary.
        secondary: (p) => present(p, "globalClusterIdentifier") && !present(p, "masterUsername"),
        zones: (r, stack) => {
            const instances = dependentOfType(stack, r, "aws:docdb/clusterInstance:ClusterInstance");
            // Unknown until the subnets exist when instances take the zone name a subnet reports.
            const azs = new Set(instances.map((i) => known(() => str(i.props.availabilityZone))).map((z) => (z.known ? z.value : undefined)).filter(isSet));
            if (azs.size >= 2) return azs.size;
            const clusterAzs = strings(r.props.availabilityZones).length || subnetZones(r, stack).size;
            return instances.length >= 2 ? Math.min(instances.length, clusterAzs) : Math.min(instances.length, 1);
        },
        replicatedAcrossRegions: (r, stack) => {
            const globals = stack.dependenciesOf(r).filter((d) => d.type === "aws:docdb/globalCluster:GlobalCluster");
            const members = [...globals.flatMap((g) => dependentOfType(stack, g, "aws:docdb/cluster:Cluster")), ...dependentOfType(stack, r, "aws:docdb/globalCluster:GlobalCluster").flatMap((g) => dependentOfType(stack, g, "aws:docdb/cluster:Cluster"))];
            return members.some((m) => m.urn !== r.urn && regionOf(m) !== regionOf(r));
        },
    },
    "aws:docdb/elasticCluster:ElasticCluster": {
        kind: "database",
        label: "DocumentDB elastic cluster",
        ports: () => [27017],
        keyPaths: ["kmsKeyId"],
        ownBackup: (r) => ({ via: "automated snapshots", retentionDays: num(r.props.backupRetentionPeriod) ?? 1, intervalMinutes: 1440, crossRegion: false }),
        zones: (r) => ((num(r.props.shardInstanceCount) ?? 2) >= 2 ? 2 : 1),
    },
    "aws:elasticache/replicationGroup:ReplicationGroup": {
        kind: "cache",
        label: "ElastiCache replication group",
        ports: (p) => [num(p.port) ?? 6379],
        keyPaths: ["kmsKeyId"],
        ownBackup: (r) => {
            const days = num(r.props.snapshotRetentionLimit) ?? 0;
            return days > 0 ? { via: "automatic snapshots", retentionDays: days, intervalMinutes: 1440, crossRegion: false } : undefined;
        },
        zones: (r) => {
            const azs = new Set(strings(r.props.preferredCacheClusterAzs)).size;
            const replicas = (num(r.props.numCacheClusters) ?? 1) >= 2 || (num(r.props.replicasPerNodeGroup) ?? 0) >= 1;
            return bool(r.props.multiAzEnabled) === true && replicas ? Math.max(2, azs) : 1;
        },
        secondary: (p) => present(p, "globalReplicationGroupId"),
        // A secondary names its global datastore; a primary is what the global datastore depends on.
        replicatedAcrossRegions: (r, stack) => present(r.props, "globalReplicationGroupId") || dependentOfType(stack, r, "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup").length > 0,
    },
    "aws:elasticache/serverlessCache:ServerlessCache": {
        kind: "cache",
        label: "ElastiCache serverless cache",
        ports: () => [6379, 6380],
        keyPaths: ["kmsKeyId"],
        ownBackup: (r) => {
            const days = num(r.props.snapshotRetentionLimit) ?? 0;
            return days > 0 ? { via: "automatic snapshots", retentionDays: days, intervalMinutes: 1440, crossRegion: false } : undefined;
        },
        // Serverless caches replicate across the zones of their subnets by design.
        zones: () => 2,
    },
};

export function awsBackupCoverage(store: StackResource, stack: StackView): Coverage[] {
    const selections = stack.dependentsOf(store.urn).filter((d) => d.type === "aws:backup/selection:Selection");
    return selections.flatMap((sel) =>
        stack
            .dependenciesOf(sel)
            .filter((d) => d.type === "aws:backup/plan:Plan")
            .flatMap((plan) => {
                const home = regionOf(plan);
                const vaults = stack.dependenciesOf(plan).filter((d) => d.type === "aws:backup/vault:Vault");
                return records(plan.props.rules).map((rule): Coverage => {
                    const deleteAfter = num(get(rule, "lifecycle.deleteAfter"));
                    const crossRegion = records(rule.copyActions).some((c) => {
                        const arn = known(() => str(c.destinationVaultArn));
                        if (arn.known && arn.value) return arn.value.split(":")[3] !== home;
                        return vaults.some((v) => regionOf(v) !== home);
                    });
                    const continuous = bool(rule.enableContinuousBackup) === true;
                    return {
                        via: `AWS Backup plan ${plan.name}`,
                        retentionDays: deleteAfter ?? Number.POSITIVE_INFINITY,
                        intervalMinutes: continuous ? 5 : cronIntervalMinutes(str(rule.schedule)),
                        crossRegion,
                    };
                });
            }),
    );
}

/** Every token this module reads besides its stores' own (for the rules' type lists). */
export const AWS_RELATED_TYPES: readonly string[] = [
    "aws:docdb/clusterInstance:ClusterInstance",
    "aws:docdb/globalCluster:GlobalCluster",
    "aws:docdb/subnetGroup:SubnetGroup",
    "aws:elasticache/subnetGroup:SubnetGroup",
    "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup",
    "aws:ec2/subnet:Subnet",
    "aws:backup/selection:Selection",
    "aws:backup/plan:Plan",
    "aws:backup/vault:Vault",
];

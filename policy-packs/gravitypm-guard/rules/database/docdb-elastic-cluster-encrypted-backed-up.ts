/** DocumentDB elastic clusters use the stack key and keep backups [—]. */
import { resourceRule } from "../../lib/rule";
import { num, present, shown, type Props } from "../../lib/values";
import { RETENTION_DEFAULTS, RETENTION_SCHEMA, type RetentionConfig } from "./docdb-cluster-backup-retention";

export const DOCDB_ELASTIC_CLUSTER = "aws:docdb/elasticCluster:ElasticCluster";

export function docdbElasticClusterProblems(props: Props, config: RetentionConfig): string[] {
    const problems: string[] = [];
    if (!present(props, "kmsKeyId")) problems.push("kmsKeyId is unset; shards would be encrypted with an AWS-owned key");
    const days = num(props.backupRetentionPeriod) ?? 1;
    if (days < config.minimumRetentionDays) problems.push(`backupRetentionPeriod is ${shown(props.backupRetentionPeriod)}; the minimum is ${config.minimumRetentionDays} days`);
    return problems;
}

export const docdbElasticClusterEncryptedBackedUp = resourceRule({
    name: "docdb-elastic-cluster-encrypted-backed-up",
    description: "DocumentDB elastic clusters encrypt with a customer-managed key and keep backups for at least the minimum retention.",
    explanation: "Elastic clusters default to an AWS-owned key and a one-day backup window.",
    remediation: "Set kmsKeyId to the stack key's ARN and backupRetentionPeriod to at least the minimum.",
    enforcementLevel: "mandatory",
    area: "database",
    anchors: [],
    types: [DOCDB_ELASTIC_CLUSTER],
    defaults: RETENTION_DEFAULTS,
    configSchema: RETENTION_SCHEMA,
    check: (props, ctx) => docdbElasticClusterProblems(props, ctx.config),
});

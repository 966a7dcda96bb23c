/**
 * MongoDB Atlas constants the config checks and the Atlas component read, each with the page
 * it was read on (2026-12-03 review). SDK-free.
 */
import { sourced, UNVERIFIED } from "./entry";

/** The total number of electable (voting) nodes across all regions. */
export const ATLAS_ELECTABLE_TOTALS = sourced(
    [3, 5, 7] as const,
    "https://docs.atlas.mongodb.com/workload-isolation/",
    undefined,
    "the total number of electable nodes across all regions in the cluster must be 3, 5, or 7",
);

/** Election priorities: the highest region is 7, each further electable region one less. */
export const ATLAS_PRIORITIES = sourced(
    { highest: 7, lowestElectable: 1, readOnlyOnly: 0 } as const,
    UNVERIFIED,
    undefined,
    "from the @pulumi/mongodbatlas 4.16 schema text (AdvancedClusterReplicationSpecRegionConfig.priority, local SDK docs): descending order, highest 7, each electable region exactly one below another; no Atlas page read",
);

/**
 * What survives the loss of the highest-priority region: a primary is elected automatically
 * only if the other regions hold a majority of the electable nodes. Otherwise the cluster has
 * no primary (reads only) until someone reconfigures it in the Atlas UI, and writes that had
 * not replicated to the node that becomes primary are rolled back when the lost region returns.
 */
export const ATLAS_REGION_LOSS = sourced(
    {
        /** Recommended for automatic regional failover: 2 + 2 + 1 electable nodes over three regions. */
        recommendedLayout: [2, 2, 1] as const,
        /** Without a majority outside the lost region, recovery is the Atlas UI reconfiguration. */
        minorityRecovery: "manual reconfiguration in the Atlas UI" as const,
    },
    "https://www.mongodb.com/docs/atlas/reconfigure-replica-set-during-regional-outage/",
    undefined,
    "no primary when an outage takes a majority of electable nodes; manual reconfiguration; unreplicated writes roll back. The 2+2+1 layout is from https://www.mongodb.com/docs/atlas/architecture/current/deployment-paradigms/multi-region",
);

/** Atlas publishes private-endpoint connection strings only once every region with nodes has one. */
export const ATLAS_PRIVATE_ENDPOINT_STRINGS = sourced(
    "every region with cluster nodes needs a private endpoint" as const,
    "https://github.com/mongodb/terraform-provider-mongodbatlas/pull/3048",
    undefined,
    "connection_strings.private_endpoint is returned only if a private endpoint is deployed to all regions of the cluster's nodes; the provider's GCP port-mapped example reads it through the advanced-cluster data source after the endpoint service",
);

/** Host metrics the stack alerts on. */
export const ATLAS_ALERT_METRICS = sourced(
    {
        cpu: "NORMALIZED_SYSTEM_CPU_USER",
        memory: "SYSTEM_MEMORY_PERCENT_USED",
        disk: "DISK_PARTITION_SPACE_USED_DATA",
        connections: "CONNECTIONS_PERCENT",
        replicationLag: "OPLOG_SLAVE_LAG_MASTER_TIME",
    } as const,
    UNVERIFIED,
    undefined,
    "only seen in public Terraform modules (OUTSIDE_METRIC_THRESHOLD); Atlas's alert host-metrics reference was not read",
);

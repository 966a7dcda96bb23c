/**
 * The GKE Standard regional cluster and its separately managed node pool: private nodes,
 * a private or authorised-only API endpoint, Workload Identity, secrets encrypted with the
 * stack key, shielded COS nodes with CMEK boot disks under a least-privilege service account.
 */
import { Cluster as GkeCluster } from "@pulumi/gcp/container/cluster";
import { NodePool } from "@pulumi/gcp/container/nodePool";
import { CryptoKeyIAMMember } from "@pulumi/gcp/kms/cryptoKeyIAMMember";
import { getProjectOutput } from "@pulumi/gcp/organizations/getProject";
import { IAMMember as ProjectIAMMember } from "@pulumi/gcp/projects/iammember";
import { Account } from "@pulumi/gcp/serviceaccount/account";
import * as pulumi from "@pulumi/pulumi";
import { GCP_ROLES, GCP_SERVICE_AGENT_DOMAINS, GKE, GKE_MANAGED_PROMETHEUS, GKE_NODE_ROLES, GKE_SECURITY_POSTURE } from "../../domain/catalogs/gcp";
import { WEEKDAYS, type MaintenanceWindow } from "../../domain/stack-config";
import type { ClusterArgs } from "../contracts/cluster";
import { execKubeconfig } from "../shared/kubeconfig";
import { fitName } from "../shared/naming";
import type { GcpTypes } from ".";

/** GKE cluster names: 1-40 lowercase letters, digits and hyphens, starting with a letter. */
export function gkeClusterName(namePrefix: string, role: string): string {
    return fitName(namePrefix, { max: 40, tail: `-${role}`, invalid: { chars: /[^a-z0-9-]+/, replace: "hyphen" }, collapseHyphens: true, shrink: "end" });
}

/** Service account ids: 6-30 lowercase letters, digits and hyphens, starting with a letter. */
export function gcpAccountId(namePrefix: string, suffix: string): string {
    const id = fitName(namePrefix, { max: 30, tail: `-${suffix}`, invalid: { chars: /[^a-z0-9-]+/, replace: "hyphen" }, collapseHyphens: true, shrink: "end" });
    if (!/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(id)) throw new Error(`"${id}" is not a valid service account id (6-30 lowercase letters, digits and hyphens)`);
    return id;
}

const RRULE_DAYS: Readonly<Record<(typeof WEEKDAYS)[number], string>> = { mon: "MO", tue: "TU", wed: "WE", thu: "TH", fri: "FR", sat: "SA", sun: "SU" };

/**
 * GKE's recurring window. GKE refuses less than 48 hours of maintenance per 32 days (a weekly
 * 4-hour window gives 16-20), so the window opens at the configured hour on the configured day
 * and on as many following days as reach the minimum: 3 days for 4-hour windows.
 */
export function gkeMaintenanceWindow(window: MaintenanceWindow, hours: number): { startTime: string; endTime: string; recurrence: string; days: number } {
    const minDays = Math.ceil(GKE.maintenanceMinHoursPer32Days.value / (4 * hours));
    const days = Math.min(7, Math.max(1, minDays));
    const first = WEEKDAYS.indexOf(window.day);
    const byDay = Array.from({ length: days }, (_, i) => RRULE_DAYS[WEEKDAYS[(first + i) % 7]]);
    // Any past date works as the anchor: the recurrence picks the days. 2024-01-01 was a Monday.
    const start = new Date(Date.UTC(2024, 0, 1 + first, window.startHourUtc));
    const end = new Date(start.getTime() + hours * 3_600_000);
    const iso = (d: Date) => d.toISOString().replace(".000Z", "Z");
    return { startTime: iso(start), endTime: iso(end), recurrence: `FREQ=WEEKLY;BYDAY=${byDay.join(",")}`, days };
}

/** Nodes per zone to start with so the pool starts at its minimum total. */
export function initialNodesPerZone(minNodes: number, zones: number): number {
    return Math.max(1, Math.ceil(minNodes / zones));
}

export interface GkeParts {
    readonly cluster: GkeCluster;
    readonly nodePool: NodePool;
    readonly nodeServiceAccount: Account;
    readonly clusterName: string;
}

export function gkeCluster(name: string, args: ClusterArgs<GcpTypes>, parent: pulumi.Resource): GkeParts {
    const { site, keys, network } = args;
    const child = { parent, provider: site.provider };
    const clusterName = gkeClusterName(site.namePrefix, args.role);

    // The node identity: only what nodes need to log, report metrics and pull images.
    const nodeServiceAccount = new Account(
        `${name}-nodes`,
        { project: site.project, accountId: gcpAccountId(site.namePrefix, `${args.role}-nodes`), displayName: `${clusterName} GKE nodes` },
        { ...child, dependsOn: [site.services] },
    );
    const nodeRoles = GKE_NODE_ROLES.value.map(
        (role) =>
            new ProjectIAMMember(`${name}-nodes-${role.split("/")[1].replace(/\./g, "-")}`, { project: site.project, role, member: nodeServiceAccount.member }, child),
    );

    // The Compute Engine agent encrypts the nodes' boot disks with the stack key: it must hold
    // the key before the first node is created. (The GKE agent's grant comes with Keys.)
    const project = getProjectOutput({ projectId: site.project }, { parent, provider: site.provider });
    const computeAgent = new CryptoKeyIAMMember(
        `${name}-compute-agent`,
        {
            cryptoKeyId: keys.keyId,
            role: GCP_ROLES.kmsEncrypterDecrypter.value,
            member: pulumi.interpolate`serviceAccount:service-${project.number}@${GCP_SERVICE_AGENT_DOMAINS.compute.value}.iam.gserviceaccount.com`,
        },
        { ...child, dependsOn: [site.services] },
    );

    const window = gkeMaintenanceWindow(args.maintenanceWindow, args.maintenanceHours);
    const cluster = new GkeCluster(
        `${name}-cluster`,
        {
            project: site.project,
            name: clusterName,
            // Regional: the control plane is replicated across the region's zones.
            location: site.region,
            nodeLocations: [...site.zones],
            minMasterVersion: args.kubernetesVersion,
            releaseChannel: { channel: GKE.releaseChannel.value },
            network: network.networkId,
            subnetwork: network.appSubnetIds[0],
            networkingMode: "VPC_NATIVE",
            ipAllocationPolicy: { clusterSecondaryRangeName: network.podsRangeName, servicesSecondaryRangeName: network.servicesRangeName },
            datapathProvider: GKE.datapathProvider.value,
            privateClusterConfig: { enablePrivateNodes: true, enablePrivateEndpoint: args.endpoint === "private" },
            // `private`: no public endpoint, and no list beyond the cluster's own network.
            masterAuthorizedNetworksConfig: {
                cidrBlocks: args.endpoint === "restricted" ? args.authorizedCidrs.map((cidrBlock) => ({ cidrBlock, displayName: `authorised ${cidrBlock}` })) : [],
                gcpPublicCidrsAccessEnabled: false,
            },
            workloadIdentityConfig: { workloadPool: `${site.project}.svc.id.goog` },
            databaseEncryption: { state: "ENCRYPTED", keyName: keys.keyId },
            enableShieldedNodes: true,
            enableLegacyAbac: false,
            masterAuth: { clientCertificateConfig: { issueClientCertificate: false } },
            loggingConfig: { enableComponents: [...GKE.loggingComponents.value] },
            // Managed Service for Prometheus: GKE runs the collectors, so the app's metrics (and
            // the node and pod signals the alarms and the dashboard read) land in Cloud
            // Monitoring without a Prometheus server of the stack's own.
            monitoringConfig: { enableComponents: [...GKE.monitoringComponents.value], managedPrometheus: { ...GKE_MANAGED_PROMETHEUS.value } },
            // Workload configuration auditing (free, the posture tier GKE still offers): its findings
            // land in the security posture dashboard; threat detection proper is SCC's, at org level.
            securityPostureConfig: { ...GKE_SECURITY_POSTURE.value },
            maintenancePolicy: { recurringWindow: { startTime: window.startTime, endTime: window.endTime, recurrence: window.recurrence } },
            // The pool below replaces the default one, which GKE cannot create without.
            removeDefaultNodePool: true,
            initialNodeCount: 1,
            deletionProtection: args.protect,
        },
        // Keys grant the GKE agent the key first; secrets encryption fails at create otherwise.
        { ...child, protect: args.protect, dependsOn: [site.services, keys, network] },
    );

    const nodePool = new NodePool(
        `${name}-pool`,
        {
            project: site.project,
            cluster: cluster.name,
            location: site.region,
            nodeLocations: [...site.zones],
            initialNodeCount: initialNodesPerZone(args.nodePool.minNodes, site.zones.length),
            autoscaling: { totalMinNodeCount: args.nodePool.minNodes, totalMaxNodeCount: args.nodePool.maxNodes, locationPolicy: "BALANCED" },
            management: { autoRepair: true, autoUpgrade: true },
            upgradeSettings: { maxSurge: 1, maxUnavailable: 0 },
            nodeConfig: {
                machineType: GKE.machineTypes.value[args.nodePool.size],
                imageType: GKE.imageType.value,
                diskType: GKE.bootDiskType.value,
                diskSizeGb: GKE.bootDiskSizeGb.value,
                bootDiskKmsKey: keys.keyId,
                serviceAccount: nodeServiceAccount.email,
                // Access is decided by the account's roles, not by legacy scopes.
                oauthScopes: ["https://www.googleapis.com/auth/cloud-platform"],
                shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true },
                // Pods see the GKE metadata server, never the node's credentials.
                workloadMetadataConfig: { mode: "GKE_METADATA" },
                metadata: { "disable-legacy-endpoints": "true" },
            },
        },
        // The initial count only sizes the pool at creation (the autoscaler owns it after):
        // a changed minimum must not replace the pool.
        { ...child, dependsOn: [computeAgent, ...nodeRoles], ignoreChanges: ["initialNodeCount"] },
    );
    return { cluster, nodePool, nodeServiceAccount, clusterName };
}

/** A kubeconfig for the cluster that authenticates through gke-gcloud-auth-plugin. */
export function gkeKubeconfig(cluster: GkeCluster): pulumi.Output<string> {
    return pulumi.secret(
        pulumi.all([cluster.name, cluster.endpoint, cluster.masterAuth]).apply(([clusterName, endpoint, auth]) =>
            execKubeconfig({
                clusterName,
                server: `https://${endpoint}`,
                certificateAuthorityData: auth.clusterCaCertificate ?? "",
                exec: {
                    command: "gke-gcloud-auth-plugin",
                    installHint: "Install gke-gcloud-auth-plugin: gcloud components install gke-gcloud-auth-plugin",
                    provideClusterInfo: true,
                },
            }),
        ),
    );
}

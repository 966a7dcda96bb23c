/**
 * Component tests: build ONE component with hand-made args under the plan engine's mocks and
 * read what it registered as a Plan, so the plan helpers (`one`, `descendants`, `input`, …)
 * work on it. The spine a data-tier component needs (site, keys, alerts, network, and a DR
 * region when asked) is built by the cloud's own implementations, with the composition's
 * logical names, for a placement the test chooses, e.g. a two-zone region no stack file uses.
 *
 * Like `plan()`, builds in one file run one after another: the mock monitor is global.
 */
import * as pulumi from "@pulumi/pulumi";
import type { AwsTypes } from "../../components/aws";
import type { AzureTypes } from "../../components/azure";
import type { CacheArgs } from "../../components/contracts/cache";
import type { ClusterArgs } from "../../components/contracts/cluster";
import type { CloudImplementation, CloudTypes } from "../../components/contracts/cloud";
import type { DataRegion } from "../../components/contracts/region";
import type { GcpTypes } from "../../components/gcp";
import type { Cloud } from "../../domain/clouds";
import { defaultCacheVersion } from "../../domain/capabilities/cache";
import { KEY_ROTATION_DAYS } from "../../domain/capabilities/keys";
import { PROJECT, type Environment, type RegionPlacement } from "../../domain/stack-config";
import { standardTags } from "../../domain/tags";
import { captureResources } from "../../tools/plan/engine";
import { PlanMocks } from "../../tools/plan/mocks";
import type { Plan, PlannedResource } from "../../tools/plan/types";

/** What a data-tier component is placed with: its region's site, key, network and alerts,
 * and the DR region's site, key and network when the options ask for one. */
export interface Spine<T extends CloudTypes> extends DataRegion<T> {
    readonly alerts: T["alerts"];
    readonly dr?: DataRegion<T>;
}

export interface HarnessOptions {
    /** Part of every URN and of the name prefix (`gravitypm-<stack>`). @default "component" */
    readonly stack?: string;
    /** Protects the spine's stateful resources in prod, as the composition does. @default "staging" */
    readonly environment?: Environment;
    /** @default the cloud's usual primary region with three zones */
    readonly primary?: RegionPlacement;
    /** A DR region for the spine; none when absent. */
    readonly dr?: RegionPlacement;
}

export type Build<T extends CloudTypes> = (spine: Spine<T>) => unknown;

const PRIMARY: Readonly<Record<Cloud, RegionPlacement>> = {
    aws: { region: "us-east-1", zones: ["us-east-1a", "us-east-1b", "us-east-1c"], cidr: "10.0.0.0/16" },
    gcp: { region: "us-central1", zones: ["us-central1-a", "us-central1-b", "us-central1-c"], cidr: "10.0.0.0/16" },
    azure: { region: "eastus", zones: ["1", "2", "3"], cidr: "10.0.0.0/16" },
};
const GCP_PROJECT = "gravitypm-component";

let queue: Promise<unknown> = Promise.resolve();

interface TypesByCloud {
    readonly aws: AwsTypes;
    readonly gcp: GcpTypes;
    readonly azure: AzureTypes;
}

/** Each cloud's implementations, loaded only when a test builds on that cloud. */
const IMPLEMENTATIONS: { readonly [C in Cloud]: () => Promise<CloudImplementation<TypesByCloud[C]>> } = {
    aws: async () => (await import("../../components/aws")).awsCloud(),
    gcp: async () => (await import("../../components/gcp")).gcpCloud({ project: GCP_PROJECT }),
    azure: async () => (await import("../../components/azure")).azureCloud(),
};

/** Builds the spine and then `build(spine)` (typically `new AwsCache("cache", { ...spine, … })`);
 * rejects with the component's error when it refuses its args. */
export function buildComponent<C extends Cloud>(cloud: C, build: Build<TypesByCloud[C]>, options: HarnessOptions = {}): Promise<Plan> {
    const result = queue.then(() => harness(cloud, IMPLEMENTATIONS[cloud], build, options));
    queue = result.catch(() => undefined);
    return result;
}

async function harness<T extends CloudTypes>(cloud: Cloud, load: () => Promise<CloudImplementation<T>>, build: Build<T>, options: HarnessOptions): Promise<Plan> {
    const stack = options.stack ?? "component";
    const environment = options.environment ?? "staging";
    const implementation = await load();
    const mocks = new PlanMocks();
    await pulumi.runtime.setMocks(mocks, PROJECT, stack, false);
    const resources: PlannedResource[] = [];
    captureResources(resources, mocks);
    // A component that refuses its args throws from its constructor; thrown into the stack,
    // the error would also reject the stack's outputs, which nothing awaits. It is kept and
    // rethrown once the engine has settled instead.
    let refusal: { readonly error: unknown } | undefined;
    await pulumi.runtime.runInPulumiStack(async () => {
        try {
            build(spine(implementation, stack, environment, options.primary ?? PRIMARY[cloud], options.dr));
        } catch (error) {
            refusal = { error };
        }
        return undefined;
    });
    await pulumi.runtime.disconnect();
    if (refusal) throw refusal.error;
    return { stack, cloud, environment, resources, outputs: {}, notes: [] };
}

/** The composition's first steps (program/platform.ts), with the same logical names. */
function spine<T extends CloudTypes>(cloud: CloudImplementation<T>, stack: string, environment: Environment, primary: RegionPlacement, drPlacement?: RegionPlacement): Spine<T> {
    const protect = environment === "prod";
    const common = { tags: standardTags(stack, environment, "platform", "eng"), namePrefix: `${PROJECT}-${stack}`, protect };
    const site = cloud.site("primary", { ...common, role: "primary", placement: primary });
    const keys = cloud.keys("primary-keys", { site, rotationDays: KEY_ROTATION_DAYS, protect });
    const drSite = drPlacement ? cloud.site("dr", { ...common, role: "dr", placement: drPlacement }) : undefined;
    const drKeys = drSite ? cloud.keys("dr-keys", { site: drSite, rotationDays: KEY_ROTATION_DAYS, protect }) : undefined;
    const alerts = cloud.alerts("alerts", { site, keys, emails: ["oncall@gravitypm.example.com"], dr: drSite && drKeys ? { site: drSite, keys: drKeys } : undefined });
    const network = cloud.network("primary-network", { site, keys, flowLogRetentionDays: 365, natPerZone: protect, protect });
    const dr =
        drSite && drKeys
            ? { site: drSite, keys: drKeys, network: cloud.network("dr-network", { site: drSite, keys: drKeys, flowLogRetentionDays: 365, natPerZone: false, protect }) }
            : undefined;
    return { site, keys, network, alerts, dr };
}

/** A cache's own settings on top of its spine: small and unsharded unless the test says. */
export function cacheArgs<T extends CloudTypes>(cloud: Cloud, spine: Spine<T>, own: Partial<CacheArgs<T>> = {}): CacheArgs<T> {
    return {
        ...spine,
        environment: "staging",
        engine: "redis",
        version: defaultCacheVersion(cloud, own.engine ?? "redis"),
        size: "small",
        shards: 1,
        replicasPerShard: 1,
        persistence: "rdb",
        snapshotRetentionDays: 7,
        backupRetentionDays: 7,
        logRetentionDays: 365,
        protect: false,
        ...own,
    };
}

/** The authorised API ranges the cluster tests give a restricted endpoint. */
export const CLUSTER_TEST_CIDRS = ["203.0.113.0/24", "198.51.100.16/28"];

/** A prod primary cluster with a restricted endpoint on top of its spine, unless the test says. */
export function clusterArgs<T extends CloudTypes>(spine: Spine<T>, own: Partial<ClusterArgs<T>> = {}): ClusterArgs<T> {
    return {
        ...spine,
        environment: "prod",
        role: "primary",
        kubernetesVersion: "1.35",
        nodePool: { size: "medium", minNodes: 3, maxNodes: 9 },
        maintenanceWindow: { day: "sun", startHourUtc: 3 },
        maintenanceHours: 4,
        endpoint: "restricted",
        authorizedCidrs: CLUSTER_TEST_CIDRS,
        logRetentionDays: 365,
        repositories: ["api", "web"],
        protect: true,
        ...own,
    };
}

/** An output's value and whether it is secret, once the mocks have resolved it. */
export function settled<V>(output: pulumi.Output<V>): Promise<{ value: pulumi.Unwrap<V>; secret: boolean }> {
    return new Promise((resolve) => pulumi.all([output, pulumi.isSecret(output)]).apply(([value, secret]) => resolve({ value, secret })));
}

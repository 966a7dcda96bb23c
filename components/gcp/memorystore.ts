/**
 * What both Memorystore for Redis products (components/gcp/memorystore-instance.ts and
 * memorystore-cluster.ts) share: their names, their snapshot cadence, their maintenance window.
 */
import { defaultCacheVersion } from "../../domain/capabilities/cache";
import type { BuildProblem } from "../shared/buildable";
import { fitName } from "../shared/naming";

/** Memorystore instance and cluster ids: lowercase letters, digits and hyphens, starting with
 * a letter; 40 characters is the instance limit (clusters allow 63). */
export const MEMORYSTORE_NAME_MAX = 40;

/** Hyphen runs are kept (unlike ElastiCache ids): collapsing them would rename, and so
 * replace, the caches of stacks whose names contain `--`. */
export function memorystoreName(namePrefix: string, suffix: string): string {
    const name = fitName(namePrefix, { max: MEMORYSTORE_NAME_MAX, tail: `-${suffix}`, invalid: { chars: /[^a-z0-9-]+/, replace: "hyphen" }, collapseHyphens: false, shrink: "end" });
    if (!/^[a-z][a-z0-9-]{0,38}[a-z0-9]$/.test(name)) {
        throw new Error(`"${name}" is not a valid Memorystore name (1-40 lowercase letters, digits and hyphens, starting with a letter)`);
    }
    return name;
}

/** Hourly snapshots in prod (at most an hour of sessions lost); daily in staging. */
export function rdbSnapshotPeriod(isProd: boolean): string {
    return isProd ? "ONE_HOUR" : "TWENTY_FOUR_HOURS";
}

export const MAINTENANCE_SUNDAY_05_UTC = { day: "SUNDAY", startTime: { hours: 5, minutes: 0, seconds: 0, nanos: 0 } };

/** What is wrong with a version for the product: an instance takes a Redis major.minor, a
 * cluster runs the one version Memorystore gives it. */
export function memorystoreVersionProblem(cluster: boolean, version: string): BuildProblem | undefined {
    const serviceVersion = defaultCacheVersion("gcp", "redis");
    if (cluster) {
        return version === serviceVersion ? undefined : { key: "version", message: `${version}: Memorystore for Redis Cluster runs Redis ${serviceVersion} and takes no version` };
    }
    return /^\d+\.\d+$/.test(version) ? undefined : { key: "version", message: `"${version}" must be major.minor, e.g. ${serviceVersion}` };
}

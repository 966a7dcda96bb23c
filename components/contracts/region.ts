/**
 * Where a data store (database, cache) lives in one region: the site, the key that encrypts it
 * and the network whose data tier holds it. The same shape places a store's primary and, in
 * prod, its DR-region copy.
 */
import type { CloudTypes } from "./cloud";

export interface DataRegion<T extends CloudTypes> {
    readonly site: T["site"];
    /** The region's stack key: encrypts storage, backups, logs and the stored connection string. */
    readonly keys: T["keys"];
    /** The store sits in (or is privately connected to) the network's data tier. */
    readonly network: T["network"];
}

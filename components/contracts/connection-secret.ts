/**
 * Connection secrets: every data store (cache, database) keeps its connection string in the
 * cloud's secret store, where workloads read it. Each cloud writes it its own way
 * (`<cloud>ConnectionSecret`); what it is given is the same everywhere.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { CloudTypes } from "./cloud";

export interface ConnectionSecretArgs<T extends CloudTypes> {
    readonly site: T["site"];
    readonly keys: T["keys"];
    /** Prod: a replica of the secret in the DR region, encrypted with that region's key. */
    readonly dr?: { readonly site: T["site"]; readonly keys: T["keys"] };
    /** What the secret is for, part of its name: `database` → `<prefix>/database/connection-string`. */
    readonly purpose: string;
    readonly description: string;
    readonly value: pulumi.Input<string>;
    readonly protect: boolean;
}

/**
 * The connection secret of a data store is kept where the store is: in its primary region and,
 * in prod, its DR region, each under that region's key, and protected exactly when the store
 * is, so a failed-over workload finds it and no destroy of a protected stack loses it.
 */
export function storeSecretArgs<T extends CloudTypes>(
    store: Pick<ConnectionSecretArgs<T>, "site" | "keys" | "dr" | "protect">,
    secret: Pick<ConnectionSecretArgs<T>, "purpose" | "description" | "value">,
): ConnectionSecretArgs<T> {
    return {
        site: store.site,
        keys: store.keys,
        dr: store.dr ? { site: store.dr.site, keys: store.dr.keys } : undefined,
        ...secret,
        protect: store.protect,
    };
}

/**
 * Site: where a cloud implementation places resources — one region with its explicit
 * provider. Every component takes the site it lives in, so nothing relies on an ambient
 * profile or default region. Each cloud extends it with what its resources need to be
 * addressed (the GCP project, the Azure resource group).
 */
import type * as pulumi from "@pulumi/pulumi";
import type { RegionPlacement } from "../../domain/stack-config";

export type SiteRole = "primary" | "dr";

export interface SiteArgs {
    readonly role: SiteRole;
    readonly placement: RegionPlacement;
    /** The standard tags; applied as provider default tags where the cloud has them. */
    readonly tags: Readonly<Record<string, string>>;
    /** Prefix for physical names, e.g. `gravitypm-prod`. */
    readonly namePrefix: string;
    /** Protect what the site itself creates (an Azure resource group holds every resource
     * of the site, so deleting it deletes them all). Prod: true. */
    readonly protect: boolean;
}

export interface Site {
    readonly role: SiteRole;
    readonly region: string;
    readonly zones: readonly string[];
    readonly cidr: string;
    readonly namePrefix: string;
    readonly tags: Readonly<Record<string, string>>;
    /** The explicit provider for this region; pass it as `provider` to every resource here. */
    readonly provider: pulumi.ProviderResource;
}

/** The provider-neutral part of every cloud's site: the placement and names its args give,
 * with the region's explicit provider. Clouds add what their resources are addressed by. */
export function siteFromArgs(args: SiteArgs, provider: pulumi.ProviderResource): Site {
    return {
        role: args.role,
        region: args.placement.region,
        zones: args.placement.zones,
        cidr: args.placement.cidr,
        namePrefix: args.namePrefix,
        tags: args.tags,
        provider,
    };
}

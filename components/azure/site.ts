import { Provider } from "@pulumi/azure-native/provider";
import { ResourceGroup } from "@pulumi/azure-native/resources/resourceGroup";
import type * as pulumi from "@pulumi/pulumi";
import { siteFromArgs, type Site, type SiteArgs } from "../contracts/site";
import { DiagnosticRegistry } from "./diagnostics";
import { SharedLogWorkspace } from "./log-workspace";
import { resourceGroupName } from "./naming";

export interface AzureSite extends Site {
    /** The site's resource group: every resource of the site lives in it. */
    readonly resourceGroupName: pulumi.Output<string>;
    /** The Azure location (region) of the site, e.g. `eastus`. */
    readonly location: string;
    /** The site's diagnosable resources, which the security baseline audits (components/azure/diagnostics.ts). */
    readonly diagnostics: DiagnosticRegistry;
    /** The stack's Log Analytics workspace, created by its first user (components/azure/log-workspace.ts); only the primary site's is used. */
    readonly logWorkspace: SharedLogWorkspace;
}

/**
 * One explicit azure-native provider per region and one resource group per site. The
 * provider's `location` is only a fallback: every resource still sets its own location.
 * azure-native has no default tags, so components tag each resource with `site.tags`.
 */
export function azureSite(name: string, args: SiteArgs): AzureSite {
    const location = args.placement.region;
    const provider = new Provider(`azure-${name}`, { location });
    const group = new ResourceGroup(
        `${name}-resource-group`,
        { resourceGroupName: resourceGroupName(args.namePrefix, args.role), location, tags: { ...args.tags } },
        { provider, protect: args.protect },
    );
    const logWorkspace = new SharedLogWorkspace({ siteName: name, namePrefix: args.namePrefix, resourceGroupName: group.name, location, provider, tags: { ...args.tags } });
    return { ...siteFromArgs(args, provider), location, resourceGroupName: group.name, diagnostics: new DiagnosticRegistry(), logWorkspace };
}

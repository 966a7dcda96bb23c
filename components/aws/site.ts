import { Provider } from "@pulumi/aws/provider";
import type { Site, SiteArgs } from "../contracts/site";

export type AwsSite = Site;

/** One explicit AWS provider per region; its default tags put the standard tags on every
 * taggable AWS resource in one place. */
export function awsSite(name: string, args: SiteArgs): AwsSite {
    const provider = new Provider(`aws-${name}`, {
        region: args.placement.region,
        defaultTags: { tags: { ...args.tags } },
    });
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

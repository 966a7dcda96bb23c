import { Provider } from "@pulumi/aws/provider";
import { siteFromArgs, type Site, type SiteArgs } from "../contracts/site";

export type AwsSite = Site;

/** One explicit AWS provider per region; its default tags put the standard tags on every
 * taggable AWS resource in one place. */
export function awsSite(name: string, args: SiteArgs): AwsSite {
    const provider = new Provider(`aws-${name}`, {
        region: args.placement.region,
        defaultTags: { tags: { ...args.tags } },
    });
    return siteFromArgs(args, provider);
}

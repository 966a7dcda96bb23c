/** Every taggable resource carries the standard tags [—]. */
import type { PolicyConfigSchema } from "@pulumi/policy";
import { ownTags, providerTags } from "../../lib/environment";
import { stackRule, type Finding } from "../../lib/rule";
import type { StackView } from "../../lib/stack";
import { known } from "../../lib/values";

export interface TagConfig extends Record<string, unknown> {
    readonly requiredTags: readonly string[];
}

export const TAG_DEFAULTS: TagConfig = { requiredTags: ["project", "stack", "environment", "owner"] };

/** Providers that tag every resource they manage. */
const TAGGING_PROVIDERS: Readonly<Record<string, string>> = { "pulumi:providers:aws": "defaultTags", "pulumi:providers:gcp": "defaultLabels" };

export function tagFindings(stack: StackView, config: TagConfig): Finding[] {
    const findings: Finding[] = [];
    const missing = (tags: Record<string, string>) => config.requiredTags.filter((k) => !tags[k]);
    for (const p of stack.resources.filter((r) => TAGGING_PROVIDERS[r.type])) {
        const gaps = missing(providerTags(p.props));
        if (gaps.length > 0) findings.push({ urn: p.urn, message: `provider ${p.name} ${TAGGING_PROVIDERS[p.type]} lacks ${gaps.join(", ")}` });
    }
    for (const r of stack.resources) {
        const pkg = r.type.split(":")[0];
        if ((pkg === "aws" || pkg === "gcp") && r.provider === undefined) {
            findings.push({ urn: r.urn, message: `${r.name} uses the implicit default ${pkg} provider, which adds no standard ${pkg === "gcp" ? "labels" : "tags"}` });
            continue;
        }
        // Azure and Atlas have no provider-level tags: each resource passes its own. Where a
        // resource passes tags at all, they must be complete.
        if (pkg !== "azure-native" && pkg !== "mongodbatlas") continue;
        const passesTags = known(() => r.props.tags !== undefined);
        if (!passesTags.known || !passesTags.value) continue;
        const gaps = missing(ownTags(r.props));
        if (gaps.length > 0) findings.push({ urn: r.urn, message: `${r.name} tags lack ${gaps.join(", ")}` });
    }
    return findings;
}

const schema: PolicyConfigSchema = {
    properties: {
        requiredTags: { type: "array", items: { type: "string" }, default: [...TAG_DEFAULTS.requiredTags], description: "Tag keys every taggable resource must carry." },
    },
};

export const stackStandardTags = stackRule({
    name: "stack-standard-tags",
    description: "Every taggable resource carries the standard tags (project, stack, environment, owner by default).",
    explanation: "Cost reports, ownership and the environment checks of this pack all read these tags.",
    remediation: "Tag through the site's provider (AWS defaultTags, GCP defaultLabels) and pass site.tags to every Azure and Atlas resource.",
    enforcementLevel: "advisory",
    area: "stack",
    anchors: [],
    types: [],
    defaults: TAG_DEFAULTS,
    configSchema: schema,
    check: (stack, config) => tagFindings(stack, config),
});

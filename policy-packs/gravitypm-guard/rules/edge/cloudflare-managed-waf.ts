/** Every Cloudflare zone runs the managed WAF ruleset [—]. */
import { stackRule, type Finding } from "../../lib/rule";
import type { StackView } from "../../lib/stack";
import { str } from "../../lib/values";
import { cloudflareZones, zonesWhere } from "./cloudflare-zone-tls-baseline";

export const CLOUDFLARE_RULESET = "cloudflare:index/ruleset:Ruleset";

export function managedWafFindings(stack: StackView): Finding[] {
    const covered = zonesWhere(stack, CLOUDFLARE_RULESET, (r) => str(r.props.phase) === "http_request_firewall_managed");
    return [...cloudflareZones(stack)]
        .filter(([zone]) => !covered.has(zone))
        .map(([zone, sample]) => ({ urn: sample.urn, message: `zone ${zone} has no Ruleset in phase http_request_firewall_managed` }));
}

export const cloudflareManagedWaf = stackRule({
    name: "cloudflare-managed-waf",
    description: "Every Cloudflare zone the stack uses deploys a managed WAF ruleset (phase http_request_firewall_managed).",
    explanation: "The Cloudflare Managed Ruleset and OWASP core ruleset block the common attacks before they reach the origin.",
    remediation: 'Add a cloudflare.Ruleset { kind: "zone", phase: "http_request_firewall_managed" } executing the managed rulesets.',
    enforcementLevel: "advisory",
    area: "edge",
    anchors: [],
    types: [CLOUDFLARE_RULESET],
    defaults: {},
    check: (stack) => managedWafFindings(stack),
});

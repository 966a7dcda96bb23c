/** Cloudflare proves itself to the origin [—]. */
import { stackRule, type Finding } from "../../lib/rule";
import type { StackView } from "../../lib/stack";
import { bool, str } from "../../lib/values";
import { CLOUDFLARE_ZONE_SETTING } from "./cloudflare-zone-setting-tls";
import { cloudflareZones, zonesWhere } from "./cloudflare-zone-tls-baseline";

export const CLOUDFLARE_ORIGIN_PULLS = "cloudflare:index/authenticatedOriginPullsSettings:AuthenticatedOriginPullsSettings";

export function originPullFindings(stack: StackView): Finding[] {
    const viaSettings = zonesWhere(stack, CLOUDFLARE_ORIGIN_PULLS, (r) => bool(r.props.enabled) === true);
    const viaZoneSetting = zonesWhere(stack, CLOUDFLARE_ZONE_SETTING, (r) => str(r.props.settingId) === "tls_client_auth" && str(r.props.value) === "on");
    return [...cloudflareZones(stack)]
        .filter(([zone]) => !viaSettings.has(zone) && !viaZoneSetting.has(zone))
        .map(([zone, sample]) => ({ urn: sample.urn, message: `zone ${zone} does not enable authenticated origin pulls` }));
}

export const cloudflareAuthenticatedOriginPulls = stackRule({
    name: "cloudflare-authenticated-origin-pulls",
    description: "Every Cloudflare zone the stack uses enables authenticated origin pulls.",
    explanation: "Without a client certificate from Cloudflare the origin cannot tell the edge from anyone who found its address, and the WAF is bypassed.",
    remediation: "Add cloudflare.AuthenticatedOriginPullsSettings { zoneId, enabled: true } and require the Cloudflare client certificate at the origin.",
    enforcementLevel: "advisory",
    area: "edge",
    anchors: [],
    types: [CLOUDFLARE_ORIGIN_PULLS, CLOUDFLARE_ZONE_SETTING],
    defaults: {},
    check: (stack) => originPullFindings(stack),
});

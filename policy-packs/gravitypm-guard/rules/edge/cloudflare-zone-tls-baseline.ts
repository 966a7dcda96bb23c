/** Every Cloudflare zone the stack touches sets the TLS baseline explicitly [—]. */
import { stackRule, type Finding } from "../../lib/rule";
import type { StackResource, StackView } from "../../lib/stack";
import { known, str } from "../../lib/values";
import { CLOUDFLARE_ZONE_SETTING, TLS_BASELINE } from "./cloudflare-zone-setting-tls";

/** Zone ids the stack's Cloudflare resources live in, with a resource to report against. */
export function cloudflareZones(stack: StackView): Map<string, StackResource> {
    const zones = new Map<string, StackResource>();
    for (const r of stack.resources) {
        if (!r.type.startsWith("cloudflare:index/")) continue;
        const zone = known(() => str(r.props.zoneId));
        if (zone.known && zone.value && !zones.has(zone.value)) zones.set(zone.value, r);
    }
    return zones;
}

export function zonesWhere(stack: StackView, type: string, test: (r: StackResource) => boolean): Set<string> {
    const out = new Set<string>();
    for (const r of stack.ofType(type)) {
        const zone = known(() => str(r.props.zoneId));
        if (zone.known && zone.value && test(r)) out.add(zone.value);
    }
    return out;
}

export function zoneTlsBaselineFindings(stack: StackView): Finding[] {
    const findings: Finding[] = [];
    for (const [zone, sample] of cloudflareZones(stack)) {
        for (const setting of Object.keys(TLS_BASELINE)) {
            const set = zonesWhere(stack, CLOUDFLARE_ZONE_SETTING, (r) => str(r.props.settingId) === setting);
            if (!set.has(zone)) findings.push({ urn: sample.urn, message: `zone ${zone} has no ZoneSetting ${setting}; the dashboard default applies (ssl defaults to "flexible")` });
        }
    }
    return findings;
}

export const cloudflareZoneTlsBaseline = stackRule({
    name: "cloudflare-zone-tls-baseline",
    description: "Every Cloudflare zone the stack uses declares ssl, min_tls_version and always_use_https.",
    explanation: "A setting not in code is whatever the dashboard says; new zones start with flexible SSL.",
    remediation: "Add cloudflare.ZoneSetting resources for ssl, min_tls_version and always_use_https in each zone.",
    enforcementLevel: "mandatory",
    area: "edge",
    anchors: [],
    types: [CLOUDFLARE_ZONE_SETTING],
    defaults: {},
    check: (stack) => zoneTlsBaselineFindings(stack),
});

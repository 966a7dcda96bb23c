/** Cloudflare zone TLS settings are strict [—]. */
import { resourceRule } from "../../lib/rule";
import { shown, str, type Props } from "../../lib/values";

export const CLOUDFLARE_ZONE_SETTING = "cloudflare:index/zoneSetting:ZoneSetting";

/** The settings the TLS baseline needs and the values that satisfy it. */
export const TLS_BASELINE: Readonly<Record<string, readonly string[]>> = {
    ssl: ["strict"],
    min_tls_version: ["1.2", "1.3"],
    always_use_https: ["on"],
};

export function zoneSettingProblems(props: Props): string[] {
    const setting = str(props.settingId);
    const allowed = setting === undefined ? undefined : TLS_BASELINE[setting];
    if (!allowed) return [];
    const value = str(props.value);
    return value !== undefined && allowed.includes(value) ? [] : [`zone setting ${setting} is ${shown(props.value)}; allowed: ${allowed.join(", ")}`];
}

export const cloudflareZoneSettingTls = resourceRule({
    name: "cloudflare-zone-setting-tls",
    description: 'Cloudflare zone settings keep SSL "strict", minimum TLS 1.2 and Always Use HTTPS on.',
    explanation: '"flexible" and "full" SSL reach the origin without verifying its certificate (or in plaintext); old TLS and plain HTTP expose viewers.',
    remediation: 'Set ZoneSetting ssl = "strict", min_tls_version = "1.2", always_use_https = "on".',
    enforcementLevel: "mandatory",
    area: "edge",
    anchors: [],
    types: [CLOUDFLARE_ZONE_SETTING],
    defaults: {},
    check: (props) => zoneSettingProblems(props),
});

/** Cloudflare serves the app through its proxy [—]. */
import { resourceRule } from "../../lib/rule";
import { bool, str, type Props } from "../../lib/values";

export const CLOUDFLARE_DNS_RECORD = "cloudflare:index/dnsRecord:DnsRecord";

const PROXIABLE = ["A", "AAAA", "CNAME"];

export function dnsProxiedProblems(props: Props): string[] {
    const type = str(props.type)?.toUpperCase();
    const name = str(props.name) ?? "";
    // Underscore names are verification records (ACM, DKIM) that must resolve unproxied.
    if (type === undefined || !PROXIABLE.includes(type) || name.startsWith("_")) return [];
    return bool(props.proxied) === true ? [] : [`${type} record ${name} is not proxied; it publishes the origin's address and bypasses the WAF`];
}

export const cloudflareDnsProxied = resourceRule({
    name: "cloudflare-dns-proxied",
    description: "Cloudflare A, AAAA and CNAME records for the app are proxied.",
    explanation: "A DNS-only record hands the origin's address to anyone, who can then skip TLS settings, WAF and rate limits.",
    remediation: "Set proxied: true (ttl 1).",
    enforcementLevel: "mandatory",
    area: "edge",
    anchors: [],
    types: [CLOUDFLARE_DNS_RECORD],
    defaults: {},
    check: (props) => dnsProxiedProblems(props),
});

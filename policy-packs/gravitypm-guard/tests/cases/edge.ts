import { afdCustomDomainTls } from "../../rules/edge/afd-custom-domain-tls";
import { afdRouteHttps } from "../../rules/edge/afd-route-https";
import { afdSecurityPolicyWaf } from "../../rules/edge/afd-security-policy-waf";
import { cloudflareDnsProxied } from "../../rules/edge/cloudflare-dns-proxied";
import { cloudflareZoneSettingTls } from "../../rules/edge/cloudflare-zone-setting-tls";
import { cloudfrontOriginHttps } from "../../rules/edge/cloudfront-origin-https";
import { cloudfrontViewerHttps } from "../../rules/edge/cloudfront-viewer-https";
import { cloudfrontWafLogging } from "../../rules/edge/cloudfront-waf-logging";
import { frontdoorWafPrevention } from "../../rules/edge/frontdoor-waf-prevention";
import { gcpBackendServiceArmorLogging } from "../../rules/edge/gcp-backend-service-armor-logging";
import { gcpBackendServiceHttps } from "../../rules/edge/gcp-backend-service-https";
import { gcpHttpsProxySslPolicy } from "../../rules/edge/gcp-https-proxy-ssl-policy";
import { gcpSecurityPolicyWaf } from "../../rules/edge/gcp-security-policy-waf";
import { wafv2ManagedRules } from "../../rules/edge/wafv2-managed-rules";
import type { RuleCase } from "./types";

const viewerCertificate = { acmCertificateArn: "arn:aws:acm:us-east-1:1:certificate/c", sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" };

export const edgeCases: readonly RuleCase[] = [
    {
        rule: cloudfrontViewerHttps,
        compliant: { defaultCacheBehavior: { viewerProtocolPolicy: "redirect-to-https" }, viewerCertificate },
        violating: { defaultCacheBehavior: { viewerProtocolPolicy: "allow-all" }, viewerCertificate },
        extra: [
            { name: "default certificate allows TLS 1.0", props: { defaultCacheBehavior: { viewerProtocolPolicy: "https-only" }, viewerCertificate: { cloudfrontDefaultCertificate: true } }, violates: true },
            { name: "ordered behavior allows HTTP", props: { defaultCacheBehavior: { viewerProtocolPolicy: "https-only" }, orderedCacheBehaviors: [{ viewerProtocolPolicy: "allow-all" }], viewerCertificate }, violates: true },
        ],
    },
    {
        rule: cloudfrontOriginHttps,
        compliant: { origins: [{ originId: "alb", customOriginConfig: { originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] } }] },
        violating: { origins: [{ originId: "alb", customOriginConfig: { originProtocolPolicy: "match-viewer", originSslProtocols: ["TLSv1", "TLSv1.2"] } }] },
    },
    { rule: cloudfrontWafLogging, compliant: { webAclId: "arn:aws:wafv2:…", loggingConfig: { bucket: "logs.s3.amazonaws.com" } }, violating: { loggingConfig: { bucket: "logs.s3.amazonaws.com" } } },
    {
        rule: wafv2ManagedRules,
        compliant: { rules: [{ name: "common", statement: { managedRuleGroupStatement: { name: "AWSManagedRulesCommonRuleSet", vendorName: "AWS" } } }] },
        violating: { rules: [{ name: "rate", statement: { rateBasedStatement: { limit: 1000 } } }] },
    },
    { rule: gcpBackendServiceHttps, compliant: { protocol: "HTTPS" }, violating: {}, extra: [{ name: "internal backends are out of scope", props: { loadBalancingScheme: "INTERNAL_MANAGED" }, violates: false }] },
    { rule: gcpBackendServiceArmorLogging, compliant: { securityPolicy: "p", logConfig: { enable: true } }, violating: { logConfig: { enable: true } } },
    {
        rule: gcpSecurityPolicyWaf,
        compliant: { rules: [{ action: "deny(403)", priority: 1000, match: { expr: { expression: "evaluatePreconfiguredWaf('sqli-v33-stable')" } } }] },
        violating: { rules: [{ action: "allow", priority: 2147483647, match: { versionedExpr: "SRC_IPS_V1", config: { srcIpRanges: ["*"] } } }] },
    },
    { rule: gcpHttpsProxySslPolicy, compliant: { sslPolicy: "projects/p/global/sslPolicies/modern" }, violating: {} },
    {
        rule: afdRouteHttps,
        compliant: { supportedProtocols: ["Http", "Https"], httpsRedirect: "Enabled", forwardingProtocol: "HttpsOnly" },
        violating: { supportedProtocols: ["Http", "Https"], forwardingProtocol: "HttpsOnly" },
        extra: [{ name: "plaintext to the origin", props: { supportedProtocols: ["Https"], forwardingProtocol: "HttpOnly" }, violates: true }],
    },
    { rule: afdCustomDomainTls, compliant: { tlsSettings: { certificateType: "ManagedCertificate", minimumTlsVersion: "TLS12" } }, violating: { tlsSettings: { certificateType: "ManagedCertificate", minimumTlsVersion: "TLS10" } } },
    { rule: afdSecurityPolicyWaf, compliant: { parameters: { type: "WebApplicationFirewall", wafPolicy: { id: "/…/frontDoorWebApplicationFirewallPolicies/waf" } } }, violating: { parameters: { type: "WebApplicationFirewall" } } },
    { rule: frontdoorWafPrevention, compliant: { policySettings: { enabledState: "Enabled", mode: "Prevention" } }, violating: { policySettings: { enabledState: "Enabled", mode: "Detection" } } },
    {
        rule: cloudflareZoneSettingTls,
        compliant: { zoneId: "z", settingId: "ssl", value: "strict" },
        violating: { zoneId: "z", settingId: "ssl", value: "flexible" },
        extra: [
            { name: "TLS 1.0 minimum", props: { zoneId: "z", settingId: "min_tls_version", value: "1.0" }, violates: true },
            { name: "unrelated setting", props: { zoneId: "z", settingId: "brotli", value: "on" }, violates: false },
        ],
    },
    {
        rule: cloudflareDnsProxied,
        compliant: { zoneId: "z", name: "app", type: "CNAME", content: "origin", proxied: true, ttl: 1 },
        violating: { zoneId: "z", name: "app", type: "A", content: "203.0.113.10", ttl: 300 },
        extra: [
            { name: "certificate validation record", props: { zoneId: "z", name: "_acme", type: "CNAME", content: "x", ttl: 60 }, violates: false },
            { name: "TXT records are never proxied", props: { zoneId: "z", name: "app", type: "TXT", content: "v=spf1", ttl: 60 }, violates: false },
        ],
    },
];

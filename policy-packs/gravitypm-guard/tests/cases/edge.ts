import type { DistributionArgs as CloudfrontDistributionArgs } from "@pulumi/aws/cloudfront/distribution";
import type { WebAclArgs as Wafv2WebAclArgs } from "@pulumi/aws/wafv2/webAcl";
import type { AFDCustomDomainArgs as CdnAFDCustomDomainArgs } from "@pulumi/azure-native/cdn/afdcustomDomain";
import type { RouteArgs as CdnRouteArgs } from "@pulumi/azure-native/cdn/route";
import type { SecurityPolicyArgs as CdnSecurityPolicyArgs } from "@pulumi/azure-native/cdn/securityPolicy";
import type { PolicyArgs as FrontdoorPolicyArgs } from "@pulumi/azure-native/frontdoor/policy";
import type { DnsRecordArgs as CfDnsRecordArgs } from "@pulumi/cloudflare/dnsRecord";
import type { ZoneSettingArgs as CfZoneSettingArgs } from "@pulumi/cloudflare/zoneSetting";
import type { BackendServiceArgs as ComputeBackendServiceArgs } from "@pulumi/gcp/compute/backendService";
import type { SecurityPolicyArgs as ComputeSecurityPolicyArgs } from "@pulumi/gcp/compute/securityPolicy";
import type { TargetHttpsProxyArgs as ComputeTargetHttpsProxyArgs } from "@pulumi/gcp/compute/targetHttpsProxy";
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
import { inputsOf, type RuleCase } from "./types";

const cdnAFDCustomDomain = inputsOf<CdnAFDCustomDomainArgs>;
const cdnRoute = inputsOf<CdnRouteArgs>;
const cdnSecurityPolicy = inputsOf<CdnSecurityPolicyArgs>;
const cfDnsRecord = inputsOf<CfDnsRecordArgs>;
const cfZoneSetting = inputsOf<CfZoneSettingArgs>;
const cloudfrontDistribution = inputsOf<CloudfrontDistributionArgs>;
const computeBackendService = inputsOf<ComputeBackendServiceArgs>;
const computeSecurityPolicy = inputsOf<ComputeSecurityPolicyArgs>;
const computeTargetHttpsProxy = inputsOf<ComputeTargetHttpsProxyArgs>;
const frontdoorPolicy = inputsOf<FrontdoorPolicyArgs>;
const wafv2WebAcl = inputsOf<Wafv2WebAclArgs>;

const viewerCertificate = { acmCertificateArn: "arn:aws:acm:us-east-1:1:certificate/c", sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" };

export const edgeCases: readonly RuleCase[] = [
    {
        rule: cloudfrontViewerHttps,
        compliant: cloudfrontDistribution({ defaultCacheBehavior: { viewerProtocolPolicy: "redirect-to-https" }, viewerCertificate }),
        violating: cloudfrontDistribution({ defaultCacheBehavior: { viewerProtocolPolicy: "allow-all" }, viewerCertificate }),
        extra: [
            { name: "default certificate allows TLS 1.0", props: cloudfrontDistribution({ defaultCacheBehavior: { viewerProtocolPolicy: "https-only" }, viewerCertificate: { cloudfrontDefaultCertificate: true } }), violates: true },
            { name: "ordered behavior allows HTTP", props: cloudfrontDistribution({ defaultCacheBehavior: { viewerProtocolPolicy: "https-only" }, orderedCacheBehaviors: [{ viewerProtocolPolicy: "allow-all" }], viewerCertificate }), violates: true },
        ],
    },
    {
        rule: cloudfrontOriginHttps,
        compliant: cloudfrontDistribution({ origins: [{ originId: "alb", customOriginConfig: { originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] } }] }),
        violating: cloudfrontDistribution({ origins: [{ originId: "alb", customOriginConfig: { originProtocolPolicy: "match-viewer", originSslProtocols: ["TLSv1", "TLSv1.2"] } }] }),
    },
    { rule: cloudfrontWafLogging, compliant: cloudfrontDistribution({ webAclId: "arn:aws:wafv2:…", loggingConfig: { bucket: "logs.s3.amazonaws.com" } }), violating: cloudfrontDistribution({ loggingConfig: { bucket: "logs.s3.amazonaws.com" } }) },
    {
        rule: wafv2ManagedRules,
        compliant: wafv2WebAcl({ rules: [{ name: "common", statement: { managedRuleGroupStatement: { name: "AWSManagedRulesCommonRuleSet", vendorName: "AWS" } } }] }),
        violating: wafv2WebAcl({ rules: [{ name: "rate", statement: { rateBasedStatement: { limit: 1000 } } }] }),
    },
    { rule: gcpBackendServiceHttps, compliant: computeBackendService({ protocol: "HTTPS" }), violating: computeBackendService({}), extra: [{ name: "internal backends are out of scope", props: computeBackendService({ loadBalancingScheme: "INTERNAL_MANAGED" }), violates: false }] },
    { rule: gcpBackendServiceArmorLogging, compliant: computeBackendService({ securityPolicy: "p", logConfig: { enable: true } }), violating: computeBackendService({ logConfig: { enable: true } }) },
    {
        rule: gcpSecurityPolicyWaf,
        compliant: computeSecurityPolicy({ rules: [{ action: "deny(403)", priority: 1000, match: { expr: { expression: "evaluatePreconfiguredWaf('sqli-v33-stable')" } } }] }),
        violating: computeSecurityPolicy({ rules: [{ action: "allow", priority: 2147483647, match: { versionedExpr: "SRC_IPS_V1", config: { srcIpRanges: ["*"] } } }] }),
    },
    { rule: gcpHttpsProxySslPolicy, compliant: computeTargetHttpsProxy({ sslPolicy: "projects/p/global/sslPolicies/modern" }), violating: computeTargetHttpsProxy({}) },
    {
        rule: afdRouteHttps,
        compliant: cdnRoute({ supportedProtocols: ["Http", "Https"], httpsRedirect: "Enabled", forwardingProtocol: "HttpsOnly" }),
        violating: cdnRoute({ supportedProtocols: ["Http", "Https"], forwardingProtocol: "HttpsOnly" }),
        extra: [{ name: "plaintext to the origin", props: cdnRoute({ supportedProtocols: ["Https"], forwardingProtocol: "HttpOnly" }), violates: true }],
    },
    { rule: afdCustomDomainTls, compliant: cdnAFDCustomDomain({ tlsSettings: { certificateType: "ManagedCertificate", minimumTlsVersion: "TLS12" } }), violating: cdnAFDCustomDomain({ tlsSettings: { certificateType: "ManagedCertificate", minimumTlsVersion: "TLS10" } }) },
    { rule: afdSecurityPolicyWaf, compliant: cdnSecurityPolicy({ parameters: { type: "WebApplicationFirewall", wafPolicy: { id: "/…/frontDoorWebApplicationFirewallPolicies/waf" } } }), violating: cdnSecurityPolicy({ parameters: { type: "WebApplicationFirewall" } }) },
    { rule: frontdoorWafPrevention, compliant: frontdoorPolicy({ policySettings: { enabledState: "Enabled", mode: "Prevention" } }), violating: frontdoorPolicy({ policySettings: { enabledState: "Enabled", mode: "Detection" } }) },
    {
        rule: cloudflareZoneSettingTls,
        compliant: cfZoneSetting({ zoneId: "z", settingId: "ssl", value: "strict" }),
        violating: cfZoneSetting({ zoneId: "z", settingId: "ssl", value: "flexible" }),
        extra: [
            { name: "TLS 1.0 minimum", props: cfZoneSetting({ zoneId: "z", settingId: "min_tls_version", value: "1.0" }), violates: true },
            { name: "unrelated setting", props: cfZoneSetting({ zoneId: "z", settingId: "brotli", value: "on" }), violates: false },
        ],
    },
    {
        rule: cloudflareDnsProxied,
        compliant: cfDnsRecord({ zoneId: "z", name: "app", type: "CNAME", content: "origin", proxied: true, ttl: 1 }),
        violating: cfDnsRecord({ zoneId: "z", name: "app", type: "A", content: "203.0.113.10", ttl: 300 }),
        extra: [
            { name: "certificate validation record", props: cfDnsRecord({ zoneId: "z", name: "_acme", type: "CNAME", content: "x", ttl: 60 }), violates: false },
            { name: "TXT records are never proxied", props: cfDnsRecord({ zoneId: "z", name: "app", type: "TXT", content: "v=spf1", ttl: 60 }), violates: false },
        ],
    },
];

/**
 * The user pool's domain: where managed login and the OAuth endpoints (authorize, token, logout)
 * are served. Without a host name of the stack's it is Cognito's prefix domain; with one it is a
 * custom domain, whose certificate Cognito hands to its own CloudFront distribution, so the
 * certificate lives in us-east-1 whatever the pool's region, validated through the stack's
 * Route 53 zone, and the host is an alias of that distribution.
 */
import { Certificate } from "@pulumi/aws/acm/certificate";
import { CertificateValidation } from "@pulumi/aws/acm/certificateValidation";
import { UserPoolDomain } from "@pulumi/aws/cognito/userPoolDomain";
import { getZoneOutput } from "@pulumi/aws/route53/getZone";
import { Record } from "@pulumi/aws/route53/record";
import * as pulumi from "@pulumi/pulumi";
import { COGNITO_CUSTOM_DOMAIN_CERTIFICATE_REGION, COGNITO_PREFIX_DOMAIN, cognitoPrefixDomainHost } from "../../domain/catalogs/aws";

/**
 * Managed login (2), not the classic hosted UI (1): the current pages, which enrol TOTP at first
 * sign-in; they show a client's pages only once the client has a branding style.
 */
export const COGNITO_MANAGED_LOGIN_VERSION = 2;

/** Why a prefix cannot be a Cognito prefix domain, or undefined. */
export function cognitoPrefixProblem(prefix: string): string | undefined {
    const rules = COGNITO_PREFIX_DOMAIN.value;
    if (!new RegExp(rules.pattern).test(prefix)) return `"${prefix}" is not a Cognito prefix domain (lower-case letters, digits and inner hyphens, at most 63)`;
    const reserved = rules.reservedWords.find((w) => prefix.includes(w));
    return reserved ? `"${prefix}" contains "${reserved}", which Cognito reserves in prefix domains` : undefined;
}

/** Why a custom sign-in host cannot go in the zone, or undefined. */
export function cognitoHostnameProblem(hostname: string, dnsZone: string): string | undefined {
    const zone = dnsZone.replace(/\.$/, "");
    // Cognito also resolves the host's parent before it accepts the domain, so the host must sit
    // below a name of the zone, never be the apex itself.
    return hostname.endsWith(`.${zone}`) ? undefined : `${hostname} is not a host below the DNS zone ${zone}`;
}

export interface AwsIdentityDomainArgs {
    readonly userPoolId: pulumi.Output<string>;
    readonly region: string;
    /** The prefix-domain label when no host name is set. */
    readonly prefix: string;
    readonly hostname?: string;
    readonly dnsZone: string;
}

/** Children `<name>-domain` and, for a custom host, `-cert`, `-cert-validation-record`, `-cert-validation`, `-domain-alias`. Returns the host the pages are served on. */
export function awsIdentityDomain(name: string, args: AwsIdentityDomainArgs, opts: pulumi.CustomResourceOptions): pulumi.Output<string> {
    if (args.hostname === undefined) {
        const domain = new UserPoolDomain(
            `${name}-domain`,
            { domain: args.prefix, userPoolId: args.userPoolId, managedLoginVersion: COGNITO_MANAGED_LOGIN_VERSION },
            opts,
        );
        return domain.domain.apply((prefix) => cognitoPrefixDomainHost(prefix, args.region));
    }
    const hostname = args.hostname;
    const certificateRegion = COGNITO_CUSTOM_DOMAIN_CERTIFICATE_REGION.value;
    const zone = getZoneOutput({ name: args.dnsZone, privateZone: false }, opts);
    // aws 7 resources take their own region, so the us-east-1 certificate needs no second provider.
    const certificate = new Certificate(
        `${name}-cert`,
        { domainName: hostname, validationMethod: "DNS", keyAlgorithm: "RSA_2048", region: certificateRegion, tags: { Name: hostname } },
        opts,
    );
    // One name, so one validation record.
    const validation = certificate.domainValidationOptions.apply((options) => {
        const option = options.find((o) => o.domainName === hostname);
        if (!option) throw new Error(`ACM returned no DNS validation record for ${hostname}`);
        return option;
    });
    const validationRecord = new Record(
        `${name}-cert-validation-record`,
        {
            zoneId: zone.zoneId,
            name: validation.resourceRecordName,
            type: validation.resourceRecordType,
            records: [validation.resourceRecordValue],
            ttl: 300,
            // The same name answers a later certificate for this host; overwriting keeps a reissue from failing.
            allowOverwrite: true,
        },
        opts,
    );
    const issued = new CertificateValidation(
        `${name}-cert-validation`,
        { certificateArn: certificate.arn, validationRecordFqdns: [validationRecord.fqdn], region: certificateRegion },
        opts,
    );
    const domain = new UserPoolDomain(
        `${name}-domain`,
        { domain: hostname, certificateArn: issued.certificateArn, userPoolId: args.userPoolId, managedLoginVersion: COGNITO_MANAGED_LOGIN_VERSION },
        opts,
    );
    new Record(
        `${name}-domain-alias`,
        {
            zoneId: zone.zoneId,
            name: hostname,
            type: "A",
            aliases: [{ name: domain.cloudfrontDistribution, zoneId: domain.cloudfrontDistributionZoneId, evaluateTargetHealth: false }],
        },
        opts,
    );
    return pulumi.output(domain.domain);
}

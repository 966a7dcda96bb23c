/** Route 53 endpoint health checks probe over HTTPS from enough regions [—]. */
import { UPTIME_LOCATIONS_DEFAULTS, UPTIME_LOCATIONS_SCHEMA, type UptimeLocationsConfig } from "../../lib/observability";
import { resourceRule } from "../../lib/rule";
import { bool, list, shown, str, type Props } from "../../lib/values";

export const ROUTE53_HEALTH_CHECK = "aws:route53/healthCheck:HealthCheck";

/** Health checks that probe an endpoint themselves; CALCULATED, CLOUDWATCH_METRIC and RECOVERY_CONTROL read other signals. */
const ENDPOINT_TYPES = ["HTTP", "HTTPS", "HTTP_STR_MATCH", "HTTPS_STR_MATCH", "TCP"];
const HTTPS_TYPES = ["HTTPS", "HTTPS_STR_MATCH"];
/** Route 53's checker regions, all of which probe when `regions` is unset. */
const ROUTE53_CHECKER_REGIONS = 8;

export function route53HealthCheckProblems(props: Props, config: UptimeLocationsConfig): string[] {
    const type = str(props.type);
    if (type === undefined || !ENDPOINT_TYPES.includes(type)) return [];
    const problems: string[] = [];
    if (!HTTPS_TYPES.includes(type)) problems.push(`type is ${type}; users reach the app over HTTPS, so the check must too (HTTPS or HTTPS_STR_MATCH)`);
    if (bool(props.disabled) === true) problems.push("disabled is true; Route 53 then reports the endpoint healthy whatever it answers");
    const regions = list(props.regions).length;
    const locations = regions === 0 ? ROUTE53_CHECKER_REGIONS : regions;
    if (locations < config.minimumLocations) problems.push(`regions lists ${locations} checker regions (${shown(props.regions)}); the minimum is ${config.minimumLocations}`);
    return problems;
}

export const route53HealthCheckHttps = resourceRule({
    name: "route53-health-check-https",
    description: "Route 53 endpoint health checks are enabled, probe over HTTPS (HTTPS or HTTPS_STR_MATCH) and from at least the minimum number of regions (unset is all eight). Config: `minimumLocations`.",
    explanation:
        "An uptime check should see what users see: an HTTP or TCP probe passes while the certificate has expired or the TLS listener is broken. One checker region's network trouble must not page anyone, nor hide an outage.",
    remediation: "Set type to HTTPS (or HTTPS_STR_MATCH with a searchString), port 443, the public host as fqdn, and leave regions unset or list at least three.",
    enforcementLevel: "advisory",
    area: "observability",
    anchors: [],
    types: [ROUTE53_HEALTH_CHECK],
    defaults: UPTIME_LOCATIONS_DEFAULTS,
    configSchema: UPTIME_LOCATIONS_SCHEMA,
    check: (props, ctx) => route53HealthCheckProblems(props, ctx.config),
});

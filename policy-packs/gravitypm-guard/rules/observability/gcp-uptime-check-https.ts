/** Cloud Monitoring uptime checks probe over HTTPS, validate the certificate and run from enough locations [—]. */
import { UPTIME_LOCATIONS_DEFAULTS, UPTIME_LOCATIONS_SCHEMA, type UptimeLocationsConfig } from "../../lib/observability";
import { resourceRule } from "../../lib/rule";
import { bool, get, isSet, strings, type Props } from "../../lib/values";

export const GCP_UPTIME_CHECK = "gcp:monitoring/uptimeCheckConfig:UptimeCheckConfig";

/**
 * Checker locations per selectable region (UptimeCheckRegion): USA probes from Oregon, Iowa and
 * Virginia, the others from one location each. The API refuses a selection of fewer than three
 * locations; unset runs from every region.
 */
const LOCATIONS_PER_REGION: Readonly<Record<string, number>> = {
    USA: 3,
    EUROPE: 1,
    SOUTH_AMERICA: 1,
    ASIA_PACIFIC: 1,
    USA_OREGON: 1,
    USA_IOWA: 1,
    USA_VIRGINIA: 1,
};

export function uptimeLocations(selectedRegions: readonly string[]): number {
    return selectedRegions.reduce((sum, region) => sum + (LOCATIONS_PER_REGION[region.toUpperCase()] ?? 1), 0);
}

export function gcpUptimeCheckProblems(props: Props, config: UptimeLocationsConfig): string[] {
    // A synthetic monitor runs the app's own script (a Cloud Function) and chooses its URLs itself.
    if (isSet(props.syntheticMonitor)) return [];
    const problems: string[] = [];
    if (isSet(props.tcpCheck)) problems.push("the check is a TCP check; users reach the app over HTTPS, so the check must too (httpCheck with useSsl)");
    else if (bool(get(props.httpCheck, "useSsl")) !== true) problems.push("httpCheck.useSsl is not true; the check probes over plain HTTP");
    else if (bool(get(props.httpCheck, "validateSsl")) !== true) problems.push("httpCheck.validateSsl is not true; an expired or mismatched certificate would pass");
    const regions = strings(props.selectedRegions);
    if (regions.length > 0 && uptimeLocations(regions) < config.minimumLocations) {
        problems.push(`selectedRegions (${regions.join(", ")}) probe from ${uptimeLocations(regions)} locations; the minimum is ${config.minimumLocations}`);
    }
    return problems;
}

export const gcpUptimeCheckHttps = resourceRule({
    name: "gcp-uptime-check-https",
    description: "Cloud Monitoring uptime checks probe over HTTPS with certificate validation (httpCheck useSsl and validateSsl) from at least the minimum number of locations (unset is every region). Config: `minimumLocations`.",
    explanation:
        "An uptime check should see what users see: a plain-HTTP or TCP probe passes while the certificate has expired or the HTTPS path is broken. One location's network trouble must not page anyone, nor hide an outage.",
    remediation: "Set httpCheck { useSsl: true, validateSsl: true, port: 443, path } on an uptime_url monitored resource with the public host, and leave selectedRegions unset or choose regions with at least three locations (USA alone has three).",
    enforcementLevel: "advisory",
    area: "observability",
    anchors: [],
    types: [GCP_UPTIME_CHECK],
    defaults: UPTIME_LOCATIONS_DEFAULTS,
    configSchema: UPTIME_LOCATIONS_SCHEMA,
    check: (props, ctx) => gcpUptimeCheckProblems(props, ctx.config),
});

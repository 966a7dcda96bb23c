/** Application Insights availability tests probe over HTTPS, check the certificate and run from enough locations [—]. */
import { isHttpsUrl, UPTIME_LOCATIONS_DEFAULTS, UPTIME_LOCATIONS_SCHEMA, type UptimeLocationsConfig } from "../../lib/observability";
import { resourceRule } from "../../lib/rule";
import { bool, get, records, sameText, shown, str, type Props } from "../../lib/values";

export const WEB_TEST = "azure-native:applicationinsights:WebTest";

export function webTestProblems(props: Props, config: UptimeLocationsConfig): string[] {
    const problems: string[] = [];
    if (bool(props.enabled) !== true) problems.push("enabled is not true; the test does not run");
    // Only standard tests carry the request and SSL validation as properties; ping (URL) tests are
    // being retired and multistep tests are deprecated.
    if (!sameText(props.webTestKind, "standard")) problems.push(`webTestKind is ${shown(props.webTestKind)}; only a standard test checks the certificate`);
    const url = str(get(props.request, "requestUrl"));
    if (url === undefined || !isHttpsUrl(url)) problems.push(`request.requestUrl is ${shown(url)}; the test must probe the https URL users reach`);
    if (bool(get(props.validationRules, "sSLCheck")) !== true) problems.push("validationRules.sSLCheck is not true; an expired or invalid certificate would pass");
    const locations = records(props.locations).length;
    if (locations < config.minimumLocations) problems.push(`locations lists ${locations} test locations; the minimum is ${config.minimumLocations}`);
    return problems;
}

export const azureWebTestHttps = resourceRule({
    name: "azure-web-test-https",
    description:
        "Application Insights availability tests are enabled standard tests of an https URL with the SSL check on, run from at least the minimum number of locations. Config: `minimumLocations`.",
    explanation:
        "An uptime check should see what users see, certificate included; Microsoft recommends at least five locations and alerting when three fail, and one location's network trouble must not page anyone.",
    remediation:
        "Set kind and webTestKind \"standard\", enabled: true, request.requestUrl to the public https URL, validationRules { sSLCheck: true, sSLCertRemainingLifetimeCheck: 7 }, and at least three locations, with the hidden-link tag to the Application Insights component.",
    enforcementLevel: "advisory",
    area: "observability",
    anchors: [],
    types: [WEB_TEST],
    defaults: UPTIME_LOCATIONS_DEFAULTS,
    configSchema: UPTIME_LOCATIONS_SCHEMA,
    check: (props, ctx) => webTestProblems(props, ctx.config),
});

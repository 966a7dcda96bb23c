/** GCP external backend services have Cloud Armor and request logs [—]. */
import { resourceRule } from "../../lib/rule";
import { bool, get, present, type Props } from "../../lib/values";
import { GCP_BACKEND_SERVICE, isExternal } from "./gcp-backend-service-https";

export function backendArmorLoggingProblems(props: Props): string[] {
    if (!isExternal(props)) return [];
    const problems: string[] = [];
    if (!present(props, "securityPolicy")) problems.push("securityPolicy is unset; no Cloud Armor policy filters requests");
    if (bool(get(props, "logConfig.enable")) !== true) problems.push("logConfig.enable is not true; requests are not logged");
    return problems;
}

export const gcpBackendServiceArmorLogging = resourceRule({
    name: "gcp-backend-service-armor-logging",
    description: "External GCP backend services attach a Cloud Armor security policy and log requests.",
    explanation: "Cloud Armor is the WAF and rate limiter of the edge; the logs show what it blocked and why.",
    remediation: "Set securityPolicy to the stack's compute.SecurityPolicy and logConfig { enable: true, sampleRate: 1 }.",
    enforcementLevel: "advisory",
    area: "edge",
    anchors: [],
    types: [GCP_BACKEND_SERVICE],
    defaults: {},
    check: (props) => backendArmorLoggingProblems(props),
});

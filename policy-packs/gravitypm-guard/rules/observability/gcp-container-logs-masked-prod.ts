/** In prod, GCP's container logs reach no log bucket with an e-mail address, token, password or card number in them [—]. */
import { ENVIRONMENT_CONFIG } from "../../lib/environment";
import { MASKED_DATA, maskedDataMissing } from "../../lib/observability";
import { stackRule, type Finding } from "../../lib/rule";
import type { StackResource, StackView } from "../../lib/stack";
import { bool, known, records, str, strings, type Props } from "../../lib/values";
import { GCP_PROJECT_SINK } from "../audit/gcp-audit-sink-present";
import { GKE_CLUSTER } from "../kubernetes/gke-private-cluster";

export const GCP_PROJECT_EXCLUSION = "gcp:logging/projectExclusion:ProjectExclusion";

/** Where the app's stdout and stderr are logged: GKE's k8s_container resource. */
const CONTAINER_LOGS = "k8s_container";

/** Whether a sink routes container logs: its filter names them, or it has no filter (every log). Unknown filters are not judged. */
function routesContainerLogs(sink: StackResource): boolean {
    const filter = known(() => str(sink.props.filter));
    if (!filter.known) return false;
    return filter.value === undefined || filter.value.trim() === "" || filter.value.includes(CONTAINER_LOGS);
}

/** The names an enabled exclusion is known by: its name and description, which say what it drops. */
function exclusionNames(exclusion: Props): string[] {
    return bool(exclusion.disabled) === true ? [] : strings([exclusion.name, exclusion.description].filter((v) => typeof v === "string"));
}

export function gcpContainerLogMaskingFindings(stack: StackView): Finding[] {
    if (stack.environment !== "prod") return [];
    const findings: Finding[] = [];
    for (const sink of stack.ofType(GCP_PROJECT_SINK).filter(routesContainerLogs)) {
        if (bool(sink.props.disabled) === true) continue;
        const read = known(() => records(sink.props.exclusions).flatMap(exclusionNames));
        if (!read.known) continue;
        const missing = maskedDataMissing(read.value);
        if (missing.length > 0) findings.push({ urn: sink.urn, message: `sink ${sink.name} routes container logs but excludes no entries carrying ${missing.join(", ")}` });
    }
    // The project's _Default sink stores its own copy of every GKE log; project exclusions are what filter it.
    const clusters = stack.ofType(GKE_CLUSTER);
    if (clusters.length > 0) {
        const read = known(() => stack.ofType(GCP_PROJECT_EXCLUSION).flatMap((e) => exclusionNames(e.props)));
        const missing = read.known ? maskedDataMissing(read.value) : [];
        if (missing.length > 0) {
            for (const cluster of clusters) {
                findings.push({ urn: cluster.urn, message: `the _Default sink keeps cluster ${cluster.name}'s container logs, and no project exclusion drops entries carrying ${missing.join(", ")}` });
            }
        }
    }
    return findings;
}

export const gcpContainerLogsMaskedProd = stackRule({
    name: "gcp-container-logs-masked-prod",
    description: `In prod, every log sink that routes GKE container logs (k8s_container, or no filter) has an enabled exclusion for each kind of masked data (${MASKED_DATA.join(", ")}), and so do the project's exclusions, which filter the _Default sink. Config: \`environment\`.`,
    explanation:
        "Cloud Logging cannot rewrite an entry on its way in, and Sensitive Data Protection cannot scan a log bucket, so on GCP masking a log means not storing the entry: an exclusion whose filter matches the secret. Every route counts: a second sink, or the _Default bucket's own copy, would keep what the first one dropped. Exclusions are recognised by the kind named in their name or description (mask-email-address, ...).",
    remediation:
        "Add exclusions [{ name: \"mask-<kind>\", filter: \"textPayload =~ \\\"<pattern>\\\" OR jsonPayload.message =~ ...\" }] for each kind to every sink of container logs (the cluster's own log sink too, or route the container logs only through the Observability sink), and a logging.ProjectExclusion per kind for the _Default sink.",
    enforcementLevel: "mandatory",
    area: "observability",
    anchors: [],
    types: [GCP_PROJECT_SINK, GCP_PROJECT_EXCLUSION, GKE_CLUSTER],
    defaults: {},
    configSchema: { properties: { ...ENVIRONMENT_CONFIG } },
    check: (stack) => gcpContainerLogMaskingFindings(stack),
});

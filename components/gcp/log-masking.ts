/**
 * What keeps masked data out of the stack's GKE log stores. Cloud Logging cannot rewrite an
 * entry on the way in, so an entry carrying one is dropped by an exclusion on every sink (and on
 * the _Default sink) that routes container logs: the cluster's own log bucket and the stack's.
 */
import { MASKED_DATA, type MaskedData } from "../../domain/capabilities/observability";
import { GCP_LOG_MASK_PATTERNS } from "../../domain/catalogs/gcp";

/**
 * The payload fields matched: unstructured lines land in textPayload, structured (JSON) lines
 * in jsonPayload, whose message field is where loggers put the text. Other jsonPayload fields
 * are not matched: a filter cannot search every field by regular expression.
 */
export const GCP_MASKED_FIELDS = ["textPayload", "jsonPayload.message", "jsonPayload.msg", "httpRequest.requestUrl"] as const;

/**
 * Container entries whose text carries one kind of masked data. Containers only: the app's
 * and the ingress controller's output is where requests, users and credentials appear, while
 * control-plane and node logs name service accounts by e-mail address and Kubernetes Secrets
 * by name, and dropping those would blind the cluster's operators without protecting anyone.
 */
export function maskFilter(kind: MaskedData): string {
    const pattern = GCP_LOG_MASK_PATTERNS.value[kind];
    return `resource.type="k8s_container" AND (${GCP_MASKED_FIELDS.map((field) => `${field} =~ "${pattern}"`).join(" OR ")})`;
}

/**
 * The exclusions a sink of GKE logs carries so no entry with masked data reaches its
 * destination: one per kind, so a dropped volume shows per kind in the Logs Router.
 */
export function gcpMaskExclusions(): { name: string; description: string; filter: string }[] {
    return MASKED_DATA.map((kind) => ({ name: `mask-${kind}`, description: `drops entries carrying a ${kind}`, filter: maskFilter(kind) }));
}


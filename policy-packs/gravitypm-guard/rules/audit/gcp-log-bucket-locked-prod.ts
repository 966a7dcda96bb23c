/** Cloud Logging buckets in prod are locked [—]. */
import { ENVIRONMENT_CONFIG } from "../../lib/environment";
import { resourceRule } from "../../lib/rule";
import { bool, shown, type Props } from "../../lib/values";
import { GCP_LOG_BUCKET } from "./gcp-log-bucket-retention";

export function logBucketLockProblems(props: Props, environment: string): string[] {
    if (environment !== "prod") return [];
    return bool(props.locked) === true ? [] : [`locked is ${shown(props.locked)}; a project owner can shorten retention or delete the bucket`];
}

export const gcpLogBucketLockedProd = resourceRule({
    name: "gcp-log-bucket-locked-prod",
    description: "Cloud Logging buckets in prod are locked (retention cannot be shortened, the bucket cannot be deleted while it holds logs).",
    explanation:
        "A lock keeps the configured history out of reach of a stolen owner credential. Advisory, not mandatory: the project's _Required bucket already keeps Admin Activity, System Event and Policy audit logs for 400 days where nobody can change them, and a lock is irreversible, so it stays a reviewed choice.",
    remediation: "Set locked: true on prod log buckets (the platform passes lock = isProd); never on staging, which must stay destroyable.",
    enforcementLevel: "advisory",
    area: "audit",
    anchors: [],
    types: [GCP_LOG_BUCKET],
    defaults: {},
    configSchema: { properties: { ...ENVIRONMENT_CONFIG } },
    check: (props, ctx) => logBucketLockProblems(props, ctx.environment),
});

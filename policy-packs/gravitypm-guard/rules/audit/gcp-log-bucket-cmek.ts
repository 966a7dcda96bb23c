/** Cloud Logging buckets encrypt with a customer-managed key [—]. */
import { resourceRule } from "../../lib/rule";
import { present, type Props } from "../../lib/values";
import { GCP_LOG_BUCKET } from "./gcp-log-bucket-retention";

export function logBucketCmekProblems(props: Props): string[] {
    return present(props, "cmekSettings.kmsKeyName") ? [] : ["cmekSettings.kmsKeyName is unset; logs are encrypted with a Google-owned key"];
}

export const gcpLogBucketCmek = resourceRule({
    name: "gcp-log-bucket-cmek",
    description: "Cloud Logging buckets encrypt with a customer-managed Cloud KMS key (cmekSettings.kmsKeyName).",
    explanation: "Audit and cluster logs name people, addresses and resources; the stack key makes reading them depend on a grant the stack controls and Cloud Audit Logs record. CMEK can only be set when the bucket is created.",
    remediation: "Set cmekSettings: { kmsKeyName: keys.keyId } (a key in the bucket's location) after granting the project's Cloud Logging service account (logging.getProjectCmekSettings) roles/cloudkms.cryptoKeyEncrypterDecrypter on it.",
    enforcementLevel: "mandatory",
    area: "audit",
    anchors: [],
    types: [GCP_LOG_BUCKET],
    defaults: {},
    check: (props) => logBucketCmekProblems(props),
});

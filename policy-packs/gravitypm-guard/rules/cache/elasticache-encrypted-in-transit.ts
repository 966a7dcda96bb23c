/** ElastiCache requires TLS [CK_AWS_30, TV AWS-0051]. */
import { inheritsFromPrimary } from "../../lib/inherited";
import { resourceRule } from "../../lib/rule";
import { bool, shown, str, type Props } from "../../lib/values";
import { REPLICATION_GROUP } from "./elasticache-encrypted-at-rest";

export function elasticacheTransitProblems(props: Props): string[] {
    // A global datastore's secondary inherits transit encryption from the primary, which this rule checks.
    if (inheritsFromPrimary(props, "transitEncryptionEnabled")) return [];
    if (bool(props.transitEncryptionEnabled) !== true) return [`transitEncryptionEnabled is ${shown(props.transitEncryptionEnabled)}; clients would talk to Redis in plaintext`];
    // Enabled at creation the mode defaults to "required"; "preferred" still accepts plaintext.
    const mode = str(props.transitEncryptionMode);
    return mode === undefined || mode === "required" ? [] : [`transitEncryptionMode is "${mode}"; plaintext connections would still be accepted`];
}

export const elasticacheEncryptedInTransit = resourceRule({
    name: "elasticache-encrypted-in-transit",
    description: "ElastiCache replication groups require TLS for every connection.",
    explanation: "The AUTH token and every cached value would otherwise cross the VPC in plaintext.",
    remediation: 'Set transitEncryptionEnabled: true and transitEncryptionMode: "required".',
    enforcementLevel: "mandatory",
    area: "cache",
    anchors: ["CK_AWS_30", "TV AWS-0051"],
    types: [REPLICATION_GROUP],
    defaults: {},
    check: (props) => elasticacheTransitProblems(props),
});

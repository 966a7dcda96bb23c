/** CloudWatch Logs data protection policies mask every kind of MASKED_DATA [—]. */
import { policyStatements } from "../../lib/iam";
import { maskedDataMissing } from "../../lib/observability";
import { resourceRule } from "../../lib/rule";
import { get, isRecord, records, record, str, strings, type Props } from "../../lib/values";

export const LOG_DATA_PROTECTION_POLICY = "aws:cloudwatch/logDataProtectionPolicy:LogDataProtectionPolicy";
export const LOG_ACCOUNT_POLICY = "aws:cloudwatch/logAccountPolicy:LogAccountPolicy";
/** The account policy type that masks; the others (subscription filters, field indexes, transformers) do not. */
export const DATA_PROTECTION_POLICY_TYPE = "DATA_PROTECTION_POLICY";

/** A managed identifier's name from its ARN (`arn:aws:dataprotection::aws:data-identifier/EmailAddress`), a custom one's as is. */
function identifierName(identifier: string): string {
    return identifier.includes("data-identifier/") ? identifier.slice(identifier.lastIndexOf("/") + 1) : identifier;
}

/** The identifiers (ARNs or custom names) a data protection policy document masks: those of its Deidentify statements with a MaskConfig. */
export function maskedIdentifiers(document: unknown): string[] {
    return policyStatements(document)
        .filter((s) => isRecord(get(s, "Operation.Deidentify.MaskConfig")))
        .flatMap((s) => strings(get(s, "DataIdentifier")));
}

export function dataProtectionMaskingProblems(props: Props, type: string): string[] {
    if (type === LOG_ACCOUNT_POLICY && str(props.policyType) !== DATA_PROTECTION_POLICY_TYPE) return [];
    const document = record(props.policyDocument);
    if (!document) return ["policyDocument is not a JSON data protection policy"];
    const statements = policyStatements(document);
    const problems: string[] = [];
    // CloudWatch refuses a policy without exactly one Audit statement; the Deidentify statement is the one that masks.
    if (!statements.some((s) => isRecord(get(s, "Operation.Audit")))) problems.push("no statement has an Audit operation (CloudWatch requires one, with FindingsDestination)");
    const masked = maskedIdentifiers(document);
    if (masked.length === 0) {
        problems.push("no Deidentify statement with a MaskConfig: sensitive data would only be audited, never masked");
        return problems;
    }
    const custom = records(get(document, "Configuration.CustomDataIdentifier")).map((c) => str(c.Name)).filter((n): n is string => n !== undefined);
    // A managed identifier is named by its ARN; anything else must be a custom identifier the policy defines.
    const undefinedCustom = masked.filter((id) => !id.startsWith("arn:") && !custom.includes(id));
    if (undefinedCustom.length > 0) problems.push(`DataIdentifier names ${undefinedCustom.join(", ")}, which Configuration.CustomDataIdentifier does not define`);
    const names = masked.filter((id) => !undefinedCustom.includes(id)).map(identifierName);
    const missing = maskedDataMissing(names);
    if (missing.length > 0) problems.push(`the de-identified identifiers (${names.join(", ") || "none defined"}) mask no ${missing.join(", ")}`);
    return problems;
}

export const cloudwatchLogDataProtectionMasking = resourceRule({
    name: "cloudwatch-log-data-protection-masking",
    description:
        "CloudWatch Logs data protection policies (per log group, or the account's DATA_PROTECTION_POLICY) audit and mask e-mail addresses, bearer tokens, passwords and credit card numbers.",
    explanation:
        "Logs are read by more people, and kept longer, than the data they quote. A policy that only audits, or that leaves out one kind of secret, lets that kind sit readable in every log event. Masking applies from the moment the policy exists; events ingested before it stay unmasked.",
    remediation:
        "Give the policy an Audit statement and a Deidentify statement with \"MaskConfig\": {} over the same DataIdentifier list: the managed arn:aws:dataprotection::aws:data-identifier/EmailAddress and CreditCardNumber, and custom identifiers (Configuration.CustomDataIdentifier, with names that say what they find, e.g. BearerToken, Password) for tokens and passwords.",
    enforcementLevel: "mandatory",
    area: "observability",
    anchors: [],
    types: [LOG_DATA_PROTECTION_POLICY, LOG_ACCOUNT_POLICY],
    defaults: {},
    check: (props, ctx) => dataProtectionMaskingProblems(props, ctx.type),
});

/** Readers for AWS IAM policy documents (key policies, repository policies), as JSON strings or objects. */
import { get, isRecord, list, record, strings } from "./values";

/** The statements of a policy document; a single statement object counts as a list of one. */
export function policyStatements(policy: unknown): readonly unknown[] {
    const doc = record(policy);
    if (!doc) return [];
    const statement = get(doc, "Statement");
    return Array.isArray(statement) ? list(statement) : statement === undefined ? [] : [statement];
}

/** Every principal a statement's `Principal` names: `"*"`, or the values of `{ AWS, Service, Federated }`. */
export function principalsOf(principal: unknown): string[] {
    if (typeof principal === "string") return [principal];
    if (!isRecord(principal)) return [];
    return Object.values(principal).flatMap((p) => strings(p));
}

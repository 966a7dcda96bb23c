/** The shape of a rule's test cases: a compliant and a violating resource, and for
 * threshold rules a stricter config under which the compliant resource violates. */
import type { GuardResourcePolicy } from "../../lib/rule";
import type { Props } from "../../lib/values";

export interface ExtraCase {
    readonly name: string;
    readonly type?: string;
    readonly environment?: "prod" | "staging";
    readonly props: Props;
    readonly config?: Readonly<Record<string, unknown>>;
    readonly violates: boolean;
}

export interface RuleCase {
    readonly rule: GuardResourcePolicy;
    /** Defaults to the rule's first type token. */
    readonly type?: string;
    /** Defaults to prod, where every rule applies. */
    readonly environment?: "prod" | "staging";
    readonly compliant: Props;
    readonly violating: Props;
    /** Config under which `compliant` violates: proves the threshold is read. */
    readonly stricter?: Readonly<Record<string, unknown>>;
    readonly extra?: readonly ExtraCase[];
}

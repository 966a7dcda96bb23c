/** The shape of a rule's test cases: a compliant and a violating resource, and for
 * threshold rules a stricter config under which the compliant resource violates. */
import type { GuardResourcePolicy } from "../../lib/rule";
import type { OutputInstance } from "@pulumi/pulumi";
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

type Primitive = string | number | boolean | bigint | symbol | null | undefined;

/**
 * The plain-JSON shape of an SDK Args type, as a plan's inputs hold it: Input/Output/Promise
 * wrappers removed and every field optional at every depth (a fixture sets only what the
 * rule reads). An unknown key is still an error, so a misspelt property fails the typecheck.
 */
export type Fixture<T> =
    T extends PromiseLike<infer U>
        ? Fixture<U>
        : T extends OutputInstance<infer U>
          ? Fixture<U>
          : T extends Primitive
            ? T
            : T extends readonly (infer E)[]
              ? readonly Fixture<E>[]
              : { readonly [K in keyof T]?: Fixture<T[K]> };

/**
 * Resource inputs for a fixture, checked against the SDK's Args type (import it type-only
 * from its deep module, e.g. `@pulumi/aws/docdb/cluster`). Returns a shallow copy typed as
 * the plain Props the rules read.
 */
export function inputsOf<T extends object>(props: Fixture<T>): Props {
    return Object.fromEntries(Object.entries(props));
}

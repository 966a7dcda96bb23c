/**
 * Every policy of the pack, in report order. index.ts serves them through the Pulumi CLI;
 * tools/policy/evaluate.ts runs the same objects over offline plans.
 */
import type { GuardPolicy } from "./lib/rule";
import { rules } from "./rules";

export const PACK_NAME = "gravitypm-guard";

export const policies: readonly GuardPolicy[] = rules;

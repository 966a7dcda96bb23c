/** The declared RPO is no shorter than the interval of the backups that deliver it [—]. */
import { coveragesOf, dataStores, STORE_RELATED_TYPES, STORES } from "../../lib/datastores";
import { ENVIRONMENT_CONFIG, type Environment } from "../../lib/environment";
import { stackRule, type Finding } from "../../lib/rule";
import type { StackView } from "../../lib/stack";
import { known, num } from "../../lib/values";

export interface RpoConfig extends Record<string, unknown> {
    readonly rpoMinutes?: number;
    readonly includeCaches: boolean;
}

/** The stack profiles' RPO (stacks/profiles.ts PROFILES), used when neither the policy config nor
 * the stack's `rpoMinutes` output states one. */
export const PROFILE_RPO_MINUTES: Readonly<Record<Environment, number>> = { prod: 15, staging: 1440 };

/** A live replica in another region loses at most its replication lag. */
const REPLICA_LAG_MINUTES = 1;

export function declaredRpo(stack: StackView, config: RpoConfig): { minutes: number; source: string } {
    if (config.rpoMinutes !== undefined) return { minutes: config.rpoMinutes, source: "policy config" };
    const output = known(() => num(stack.outputs.rpoMinutes));
    if (output.known && output.value !== undefined) return { minutes: output.value, source: "stack output rpoMinutes" };
    return { minutes: PROFILE_RPO_MINUTES[stack.environment], source: `the ${stack.environment} profile` };
}

export function rpoFindings(stack: StackView, config: RpoConfig): Finding[] {
    const rpo = declaredRpo(stack, config);
    return dataStores(stack)
        .filter((s) => (s.spec.kind === "database" || config.includeCaches) && s.spec.secondary?.(s.resource.props) !== true)
        .flatMap((store): Finding[] => {
            const { resource, spec } = store;
            const intervals = coveragesOf(store, stack).map((c) => c.intervalMinutes);
            if (spec.replicatedAcrossRegions?.(resource, stack)) intervals.push(REPLICA_LAG_MINUTES);
            const where = `${spec.label} ${resource.name}`;
            if (intervals.length === 0) return [{ urn: resource.urn, message: `${where} has no backup or replica, so no RPO is achievable (declared ${rpo.minutes} min, ${rpo.source})` }];
            const best = Math.min(...intervals);
            return best <= rpo.minutes ? [] : [{ urn: resource.urn, message: `${where} can lose up to ${best} min of data; the declared RPO is ${rpo.minutes} min (${rpo.source})` }];
        });
}

export const stackRpoAchievable = stackRule({
    name: "stack-rpo-achievable",
    description: "For every database, the most frequent backup or replication is at least as frequent as the declared RPO.",
    explanation: "An RPO of 15 minutes is a promise only if something copies the data at least every 15 minutes.",
    remediation: "Turn on point-in-time recovery / continuous backup, shorten the backup schedule, or add a cross-region replica; or relax rpoMinutes in the stack config.",
    enforcementLevel: "mandatory",
    area: "stack",
    anchors: [],
    types: [...Object.keys(STORES), ...STORE_RELATED_TYPES],
    defaults: { includeCaches: false },
    configSchema: {
        properties: {
            rpoMinutes: { type: "integer", minimum: 1, description: "Declared RPO in minutes; default: the stack's rpoMinutes output, else the environment profile (prod 15, staging 1440)." },
            includeCaches: { type: "boolean", default: false, description: "Hold caches to the RPO too (they are rebuilt from the database by default)." },
            ...ENVIRONMENT_CONFIG,
        },
    },
    check: (stack, config) => rpoFindings(stack, config),
});

/**
 * Compare cloud choices: plans one stack on each cloud (in one process, one after another,
 * so the Pulumi runtime and shared libraries load once) and derives, per cloud, resources
 * and cost per component, the policy verdict, capability parity, achieved RPO/RTO and the
 * estimated deploy time. Tables are keyed by component kind, so new components slot in.
 *
 * A cloud whose config is invalid for this stack (a setting it cannot do) gets a verdict of
 * its own, "not possible", and the others are still compared: "which clouds can do X?" is
 * the question compare answers.
 */
import { ConfigError } from "../../config/errors";
import type { Cloud } from "../../domain/clouds";
import type { StackConfig, UsageSettings } from "../../domain/stack-config";
import { planStack, prepare } from "../plan/engine";
import { topComponentOf } from "../plan/render";
import type { Plan } from "../plan/types";
import { CAPABILITIES, parity, type ParityCell } from "./capabilities";
import { planDeploySeconds } from "./deploy-time";
import { estimateResource, type CostAssumptions } from "./prices";
import { dataStoreRecovery, meetsTargets, type DataStoreRecovery } from "./recovery";
import { mainService } from "./services";

export interface PolicyVerdict {
    readonly mandatory: number;
    readonly advisory: number;
}

export type PolicyEvaluator = (plan: Plan) => Promise<PolicyVerdict>;

export interface ComponentSummary {
    /** The component kind, e.g. "Network" (primary and DR instances together). */
    readonly kind: string;
    readonly resources: number;
    readonly service: string;
    /** Known monthly USD of its resources: a lower bound when some are unpriced. */
    readonly usd: number;
    /** Resources whose price is unknown, as "name (type)". */
    readonly unknownPrices: readonly string[];
}

export interface RecoveryRow extends DataStoreRecovery {
    readonly meetsZoneTargets: boolean;
    readonly meetsRegionTargets: boolean;
}

/** One priced resource: what the cost table sums, kept for the JSON and the diff. */
export interface PricedItem {
    readonly name: string;
    readonly type: string;
    readonly usd?: number;
    readonly basis: string;
    /** The snapshot entries the price came from: id, region, origin. */
    readonly prices: readonly { readonly id: string; readonly region: string; readonly origin: string }[];
}

export interface CloudComparison {
    readonly cloud: Cloud;
    readonly plan: Plan;
    readonly regions: { readonly primary: string; readonly dr?: string };
    readonly targets: { readonly rpoMinutes: number; readonly rtoMinutes: number };
    readonly usage: UsageSettings;
    readonly components: readonly ComponentSummary[];
    /** Sum of the known prices; the whole monthly cost only when `complete`. */
    readonly totalUsd: number;
    /** Every resource is priced (or has no charge of its own). */
    readonly complete: boolean;
    /** "name: why", one per unpriced resource. */
    readonly unknownPrices: readonly string[];
    readonly items: readonly PricedItem[];
    readonly policy?: PolicyVerdict;
    readonly parity: Readonly<Record<string, ParityCell>>;
    readonly recovery: readonly RecoveryRow[];
    readonly deploySeconds: number;
    /** Names of the resources on the critical path. */
    readonly criticalPath: readonly string[];
}

/** A cloud this stack's config cannot be built on, and why (the config validation's words). */
export interface NotPossible {
    readonly cloud: Cloud;
    readonly notPossible: string;
}

export type CloudResult = CloudComparison | NotPossible;

export function isPossible(x: CloudResult): x is CloudComparison {
    return !("notPossible" in x);
}

export interface Comparison {
    readonly stack: string;
    /** The --set overrides the plans were made with. */
    readonly set: Readonly<Record<string, string>>;
    readonly clouds: readonly CloudResult[];
}

function kindOf(type: string): string {
    return type.split(":").pop() ?? type;
}

export function costAssumptions(cfg: StackConfig): CostAssumptions {
    return {
        databaseStorageGb: cfg.database.storageGb,
        clusterNodes: cfg.cluster.minNodes,
        primaryRegion: cfg.primary.region,
        drRegion: cfg.dr?.region,
        ownsAccountSingletons: cfg.security.ownsAccountSingletons,
        usage: cfg.usage,
    };
}

/** Everything the comparison says about one plan; pure, so tests can feed it a plan. */
export function summarize(plan: Plan, cfg: StackConfig, policy?: PolicyVerdict): CloudComparison {
    const assumptions = costAssumptions(cfg);
    const tops = topComponentOf(plan);
    const groups = new Map<string, { types: string[]; resources: number; usd: number; unknown: string[] }>();
    const unknownPrices: string[] = [];
    const items: PricedItem[] = [];
    let totalUsd = 0;
    for (const r of plan.resources) {
        const top = tops.get(r.urn);
        if (!top || !r.custom || r.type.startsWith("pulumi:providers:")) continue;
        const kind = kindOf(top.type);
        const group = groups.get(kind) ?? { types: [], resources: 0, usd: 0, unknown: [] };
        group.types.push(r.type);
        group.resources += 1;
        const estimate = estimateResource(r, assumptions, plan.resources);
        items.push({
            name: r.name,
            type: r.type,
            usd: estimate.usd,
            basis: estimate.basis,
            prices: estimate.prices.map((p) => ({ id: p.entry.id, region: p.region, origin: p.entry.origin })),
        });
        if (estimate.usd === undefined) {
            group.unknown.push(`${r.name} (${r.type})`);
            unknownPrices.push(`${r.name}: ${estimate.basis}`);
        } else {
            group.usd += estimate.usd;
            totalUsd += estimate.usd;
        }
        groups.set(kind, group);
    }
    const components = [...groups].map(([kind, g]) => ({
        kind,
        resources: g.resources,
        service: mainService(g.types),
        usd: Math.round(g.usd * 100) / 100,
        unknownPrices: g.unknown,
    }));
    const targets = { rpoMinutes: cfg.rpoMinutes, rtoMinutes: cfg.rtoMinutes };
    const recovery = dataStoreRecovery(plan).map((row) => ({
        ...row,
        meetsZoneTargets: meetsTargets(row.zoneLoss, targets.rpoMinutes, targets.rtoMinutes),
        meetsRegionTargets: meetsTargets(row.regionLoss, targets.rpoMinutes, targets.rtoMinutes),
    }));
    const deploy = planDeploySeconds(plan);
    const names = new Map(plan.resources.map((r) => [r.urn, r.name]));
    return {
        cloud: cfg.cloud,
        plan,
        regions: { primary: cfg.primary.region, ...(cfg.dr ? { dr: cfg.dr.region } : {}) },
        targets,
        usage: cfg.usage,
        components,
        totalUsd: Math.round(totalUsd * 100) / 100,
        complete: unknownPrices.length === 0,
        unknownPrices,
        items,
        policy,
        parity: Object.fromEntries(CAPABILITIES.map((c) => [c.id, parity(c, cfg.cloud, plan)])),
        recovery,
        deploySeconds: deploy.seconds,
        criticalPath: deploy.path.map((u) => names.get(u) ?? u),
    };
}

/** Produces the plan of one stack on one cloud: offline by default, or a real preview. */
export type Planner = (stack: string, cloud: Cloud, set: Readonly<Record<string, string>>) => Promise<{ plan: Plan; config: StackConfig }>;

export const offlinePlanner: Planner = (stack, cloud, set) => planStack({ stack, cloud, set });

export interface CompareOptions {
    readonly stack: string;
    readonly clouds: readonly Cloud[];
    readonly set?: Readonly<Record<string, string>>;
    readonly evaluatePolicy?: PolicyEvaluator;
    /** @default offlinePlanner */
    readonly planner?: Planner;
}

/** The config validation's problems in one line each, for a "not possible" verdict. */
function problemsOf(error: ConfigError): string {
    return error.problems.map((p) => `${p.key} = ${p.value === undefined ? "(unset)" : JSON.stringify(p.value)}: ${p.message}`).join("; ");
}

/** Plans every cloud one after another in this process; a cloud the config rules out is "not possible". */
export async function compareClouds(options: CompareOptions): Promise<Comparison> {
    const planner = options.planner ?? offlinePlanner;
    const set = options.set ?? {};
    const clouds: CloudResult[] = [];
    for (const cloud of options.clouds) {
        let planned: { plan: Plan; config: StackConfig };
        try {
            planned = await planner(options.stack, cloud, set);
        } catch (error) {
            // Only invalid config is a verdict; anything else is a failure of the tool and stops it.
            if (!(error instanceof ConfigError)) throw error;
            clouds.push({ cloud, notPossible: problemsOf(error) });
            continue;
        }
        const policy = options.evaluatePolicy ? await options.evaluatePolicy(planned.plan) : undefined;
        clouds.push(summarize(planned.plan, planned.config, policy));
    }
    return { stack: options.stack, set, clouds };
}

/** A saved plan (`npm run plan -- --json`) summarised with its stack's current config for the cost assumptions. */
export async function summarizeSavedPlan(plan: Plan, policy?: PolicyVerdict): Promise<CloudComparison> {
    const { config } = await prepare({ stack: plan.stack, cloud: plan.cloud });
    return summarize(plan, config, policy);
}

/** How one cloud's result changes from a base to a variant. */
export interface CloudDiff {
    readonly cloud: Cloud;
    /** "possible" or the not-possible reason, before and after. */
    readonly verdict: { readonly before: string; readonly after: string };
    /** Known totals and whether each is complete; the delta only when both are. */
    readonly cost?: { readonly before: number; readonly after: number; readonly beforeComplete: boolean; readonly afterComplete: boolean; readonly delta?: number };
    readonly resources?: { readonly before: number; readonly after: number };
    /** Resource types whose count changed: +n added, -n removed. */
    readonly types: readonly { readonly type: string; readonly delta: number }[];
    readonly policy?: { readonly mandatory: number; readonly advisory: number };
}

export interface ComparisonDiff {
    readonly stack: string;
    readonly base: string;
    readonly variant: string;
    readonly clouds: readonly CloudDiff[];
}

function typeCounts(x: CloudComparison): Map<string, number> {
    const counts = new Map<string, number>();
    for (const r of x.plan.resources) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
    return counts;
}

/** Cost, resource and verdict deltas of the clouds two comparisons share (the PR comment's building block). */
export function diffComparisons(base: Comparison, variant: Comparison, labels: { base: string; variant: string }): ComparisonDiff {
    const clouds: CloudDiff[] = [];
    for (const before of base.clouds) {
        const after = variant.clouds.find((x) => x.cloud === before.cloud);
        if (!after) continue;
        const verdict = { before: isPossible(before) ? "possible" : before.notPossible, after: isPossible(after) ? "possible" : after.notPossible };
        if (!isPossible(before) || !isPossible(after)) {
            clouds.push({ cloud: before.cloud, verdict, types: [] });
            continue;
        }
        const [a, b] = [typeCounts(before), typeCounts(after)];
        const types = [...new Set([...a.keys(), ...b.keys()])]
            .map((type) => ({ type, delta: (b.get(type) ?? 0) - (a.get(type) ?? 0) }))
            .filter((t) => t.delta !== 0)
            .sort((x, y) => x.type.localeCompare(y.type));
        clouds.push({
            cloud: before.cloud,
            verdict,
            cost: {
                before: before.totalUsd,
                after: after.totalUsd,
                beforeComplete: before.complete,
                afterComplete: after.complete,
                ...(before.complete && after.complete ? { delta: Math.round((after.totalUsd - before.totalUsd) * 100) / 100 } : {}),
            },
            resources: { before: before.plan.resources.length, after: after.plan.resources.length },
            types,
            ...(before.policy && after.policy
                ? { policy: { mandatory: after.policy.mandatory - before.policy.mandatory, advisory: after.policy.advisory - before.policy.advisory } }
                : {}),
        });
    }
    return { stack: base.stack, base: labels.base, variant: labels.variant, clouds };
}

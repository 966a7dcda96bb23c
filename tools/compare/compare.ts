/**
 * Compare cloud choices: plans one stack on each cloud (in one process, one after another,
 * so the Pulumi runtime and shared libraries load once) and derives, per cloud, resources
 * and cost per component, the policy verdict, capability parity, achieved RPO/RTO and the
 * estimated deploy time. Tables are keyed by component kind, so new components slot in.
 */
import type { Cloud } from "../../domain/clouds";
import type { StackConfig } from "../../domain/stack-config";
import { planStack } from "../plan/engine";
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
    /** Known monthly USD of its resources. */
    readonly usd: number;
    /** Resources whose price is unknown. */
    readonly unknownPrices: readonly string[];
}

export interface RecoveryRow extends DataStoreRecovery {
    readonly meetsZoneTargets: boolean;
    readonly meetsRegionTargets: boolean;
}

export interface CloudComparison {
    readonly cloud: Cloud;
    readonly plan: Plan;
    readonly targets: { readonly rpoMinutes: number; readonly rtoMinutes: number };
    readonly components: readonly ComponentSummary[];
    readonly totalUsd: number;
    readonly unknownPrices: readonly string[];
    readonly policy?: PolicyVerdict;
    readonly parity: Readonly<Record<string, ParityCell>>;
    readonly recovery: readonly RecoveryRow[];
    readonly deploySeconds: number;
    /** Names of the resources on the critical path. */
    readonly criticalPath: readonly string[];
}

export interface Comparison {
    readonly stack: string;
    readonly clouds: readonly CloudComparison[];
}

function kindOf(type: string): string {
    return type.split(":").pop() ?? type;
}

export function costAssumptions(cfg: StackConfig): CostAssumptions {
    return { databaseStorageGb: cfg.database.storageGb, clusterNodes: cfg.cluster.minNodes };
}

/** Everything the comparison says about one plan; pure, so tests can feed it a plan. */
export function summarize(plan: Plan, cfg: StackConfig, policy?: PolicyVerdict): CloudComparison {
    const assumptions = costAssumptions(cfg);
    const tops = topComponentOf(plan);
    const groups = new Map<string, { types: string[]; resources: number; usd: number; unknown: string[] }>();
    const unknownPrices: string[] = [];
    let totalUsd = 0;
    for (const r of plan.resources) {
        const top = tops.get(r.urn);
        if (!top || !r.custom || r.type.startsWith("pulumi:providers:")) continue;
        const kind = kindOf(top.type);
        const group = groups.get(kind) ?? { types: [], resources: 0, usd: 0, unknown: [] };
        group.types.push(r.type);
        group.resources += 1;
        const estimate = estimateResource(r, assumptions, plan.resources);
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
        targets,
        components,
        totalUsd: Math.round(totalUsd * 100) / 100,
        unknownPrices,
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

/** Plans every cloud one after another in this process. */
export async function compareClouds(options: CompareOptions): Promise<Comparison> {
    const planner = options.planner ?? offlinePlanner;
    const clouds: CloudComparison[] = [];
    for (const cloud of options.clouds) {
        const { plan, config } = await planner(options.stack, cloud, options.set ?? {});
        const policy = options.evaluatePolicy ? await options.evaluatePolicy(plan) : undefined;
        clouds.push(summarize(plan, config, policy));
    }
    return { stack: options.stack, clouds };
}

/**
 * A pause between an Azure role assignment and the first use of what it grants. ARM returns
 * the assignment at once, but Key Vault may refuse the new principal for up to ten minutes
 * (AZURE_RBAC_PROPAGATION_SECONDS), so a Managed Redis cluster, a storage account or Atlas
 * set up with the key right after the grant fails on a fresh stack and succeeds on a rerun.
 * Consumers depend on this resource instead of the assignment.
 *
 * A dynamic resource rather than @pulumiverse/time's Sleep: no provider plugin to download
 * (that one comes from GitHub releases, which locked-down CI often cannot reach) and no new
 * dependency. It waits only when created or when an assignment it follows is re-created;
 * later `pulumi up` runs see no change and do not wait.
 */
import * as pulumi from "@pulumi/pulumi";
import { AZURE_RBAC_PROPAGATION_SECONDS } from "../../domain/catalogs/azure";

export const RBAC_PROPAGATION_WAIT_TYPE = "pulumi-nodejs:dynamic/gravitypm:RbacPropagationWait";

interface WaitState {
    /** The ids of the role assignments waited for: a new id (a re-created grant) waits again. */
    readonly assignmentIds: string[];
    readonly seconds: number;
}

/** Self-contained: the dynamic provider is serialized into the state, so it must not capture module values. */
const waitProvider: pulumi.dynamic.ResourceProvider<WaitState, WaitState> = {
    async create(inputs) {
        await new Promise((resolve) => setTimeout(resolve, inputs.seconds * 1000));
        return { id: `rbac-wait-${Date.now()}`, outs: inputs };
    },
    async diff(_id, olds, news) {
        const regranted = JSON.stringify([...olds.assignmentIds].sort()) !== JSON.stringify([...news.assignmentIds].sort());
        return { changes: regranted || olds.seconds !== news.seconds, replaces: regranted ? ["assignmentIds"] : [], deleteBeforeReplace: false };
    },
    async update(_id, _olds, news) {
        return { outs: news };
    },
};

export interface RbacPropagationWaitArgs {
    readonly assignmentIds: pulumi.Input<string>[];
    readonly seconds: number;
}

export class RbacPropagationWait extends pulumi.dynamic.Resource {
    constructor(name: string, args: RbacPropagationWaitArgs, opts?: pulumi.CustomResourceOptions) {
        super(waitProvider, name, { assignmentIds: args.assignmentIds, seconds: args.seconds }, opts, "gravitypm", "RbacPropagationWait");
    }
}

/** Waits Microsoft's documented propagation ceiling after `assignments` are created (child `<name>`). */
export function rbacPropagationWait(name: string, assignments: pulumi.CustomResource[], parent: pulumi.Resource): RbacPropagationWait {
    return new RbacPropagationWait(
        name,
        { assignmentIds: assignments.map((a) => a.id), seconds: AZURE_RBAC_PROPAGATION_SECONDS.value },
        { parent, dependsOn: assignments },
    );
}

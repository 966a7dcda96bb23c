/**
 * The stack's one Log Analytics workspace, shared by Observability (container logs, uptime
 * results) and the security baseline (the audit trail). Both ask the primary site for it and
 * whichever asks first creates it, so the composition may build them in either order and the
 * stack still has exactly one workspace.
 */
import { Workspace } from "@pulumi/azure-native/operationalinsights/workspace";
import type { Provider } from "@pulumi/azure-native/provider";
import * as pulumi from "@pulumi/pulumi";
import { AZURE_LOG_ANALYTICS_TOTAL_RETENTION_DAYS } from "../../domain/catalogs/azure";
import { SECURITY_BASELINE_TYPE } from "../contracts/security-baseline";

export const LOG_WORKSPACE_TYPE = "gravitypm:components:LogWorkspace";

/**
 * Where the workspace lived before it was shared: the baseline (which the composition names
 * `security`) created it as its child `security-workspace`. The alias keeps that state, and the
 * data, instead of replacing the workspace.
 */
const BASELINE_COMPONENT_NAME = "security";
const BASELINE_WORKSPACE_NAME = `${BASELINE_COMPONENT_NAME}-workspace`;

/** The holder component's name on a site (`primary-logs`), and the workspace's (`primary-logs-workspace`). */
export function logWorkspaceNames(siteName: string): { component: string; workspace: string } {
    const component = `${siteName}-logs`;
    return { component, workspace: `${component}-workspace` };
}

/** Days queryable in the workspace: the retention, up to the two years Log Analytics allows. */
export function interactiveRetentionDays(retentionDays: number): number {
    return Math.min(retentionDays, AZURE_LOG_ANALYTICS_TOTAL_RETENTION_DAYS.value.interactiveMax);
}

export interface LogWorkspaceRequest {
    /** Whose retention the workspace's default takes when this request creates it (each user sets its own tables'). */
    readonly retentionDays: number;
    readonly protect: boolean;
}

export interface StackLogWorkspace {
    readonly id: pulumi.Output<string>;
    readonly name: pulumi.Output<string>;
    /** The workspace-wide interactive retention: tables without their own setting keep this. */
    readonly defaultRetentionDays: number;
}

export interface LogWorkspacePlacement {
    /** The site's logical name: names the holder component and the workspace. */
    readonly siteName: string;
    readonly namePrefix: string;
    readonly resourceGroupName: pulumi.Output<string>;
    readonly location: string;
    readonly provider: Provider;
    readonly tags: Readonly<Record<string, string>>;
}

/** Holds the workspace, so its URN depends on neither user and only components sit under the stack. */
class LogWorkspaceHolder extends pulumi.ComponentResource {
    constructor(name: string) {
        super(LOG_WORKSPACE_TYPE, name, {});
        this.registerOutputs({});
    }
}

/**
 * A lazily created workspace, under a holder component of its own: its URN must not depend on
 * who asked first. The Azure name keeps `-audit` because renaming a workspace replaces it and its data.
 * Local (shared-key) auth is off: users authenticate with Entra ID. Encrypted with
 * Microsoft-managed keys: a customer key needs a dedicated cluster (LOG_ANALYTICS_CUSTOMER_KEY).
 */
export class SharedLogWorkspace {
    private created: StackLogWorkspace | undefined;

    constructor(private readonly placement: LogWorkspacePlacement) {}

    get(request: LogWorkspaceRequest): StackLogWorkspace {
        if (this.created) return this.created;
        const { placement } = this;
        const defaultRetentionDays = interactiveRetentionDays(request.retentionDays);
        const names = logWorkspaceNames(placement.siteName);
        const holder = new LogWorkspaceHolder(names.component);
        const workspace = new Workspace(
            names.workspace,
            {
                workspaceName: `${placement.namePrefix}-audit`,
                resourceGroupName: placement.resourceGroupName,
                location: placement.location,
                sku: { name: "PerGB2018" },
                retentionInDays: defaultRetentionDays,
                features: { disableLocalAuth: true },
                tags: { ...placement.tags },
            },
            {
                parent: holder,
                provider: placement.provider,
                protect: request.protect,
                aliases: [{ name: BASELINE_WORKSPACE_NAME, parent: pulumi.createUrn(BASELINE_COMPONENT_NAME, SECURITY_BASELINE_TYPE) }],
            },
        );
        this.created = { id: workspace.id, name: workspace.name, defaultRetentionDays };
        return this.created;
    }
}

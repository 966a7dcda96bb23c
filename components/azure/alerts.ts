import { ActionGroup } from "@pulumi/azure-native/monitor/actionGroup";
import * as pulumi from "@pulumi/pulumi";
import { ALERTS_TYPE, type Alerts, type AlertsArgs } from "../contracts/alerts";
import type { AzureKeys } from "./keys";
import { actionGroupShortName } from "./naming";
import type { AzureSite } from "./site";

/**
 * The stack's action group: every alert rule notifies it, and it emails each on-call address
 * and calls the webhook, all in the common alert schema so one parser reads every alert.
 * An action group stores no alert data, so the stack key has nothing to encrypt here.
 * `args.dr` is ignored: the action group is global, so the DR region's alert rules notify it too.
 */
export class AzureAlerts extends pulumi.ComponentResource implements Alerts {
    public readonly actionGroupId: pulumi.Output<string>;
    public readonly targetIds: pulumi.Output<string>[];

    constructor(name: string, args: AlertsArgs<AzureSite, AzureKeys>, opts?: pulumi.ComponentResourceOptions) {
        super(ALERTS_TYPE, name, {}, opts);
        if (args.emails.length === 0) throw new pulumi.ResourceError("alerts need at least one email address", this);
        const { site } = args;
        const group = new ActionGroup(
            `${name}-action-group`,
            {
                actionGroupName: `${site.namePrefix}-alerts`,
                resourceGroupName: site.resourceGroupName,
                // Action groups are global resources: Azure accepts only "Global" here.
                location: "Global",
                groupShortName: actionGroupShortName(site.namePrefix),
                enabled: true,
                emailReceivers: args.emails.map((emailAddress, i) => ({ name: `email-${i}`, emailAddress, useCommonAlertSchema: true })),
                webhookReceivers: args.webhookUrl ? [{ name: "webhook", serviceUri: args.webhookUrl, useCommonAlertSchema: true }] : [],
                tags: { ...site.tags },
            },
            { parent: this, provider: site.provider },
        );
        this.actionGroupId = group.id;
        this.targetIds = [group.id];
        this.registerOutputs({ actionGroupId: this.actionGroupId });
    }
}

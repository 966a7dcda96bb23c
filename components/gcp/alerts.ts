import { NotificationChannel } from "@pulumi/gcp/monitoring/notificationChannel";
import * as pulumi from "@pulumi/pulumi";
import { ALERTS_TYPE, type Alerts, type AlertsArgs } from "../contracts/alerts";
import type { GcpKeys } from "./keys";
import type { GcpSite } from "./site";

/**
 * Cloud Monitoring notification channels: one per on-call email, and a token-authenticated
 * webhook when one is configured. Channels are project-wide, so the primary site's alerts
 * serve alert policies in every region. Channels hold no data, so there is nothing to
 * encrypt with the stack key. `args.dr` is ignored: being project-wide, these channels already
 * serve the DR region's alert policies.
 */
export class GcpAlerts extends pulumi.ComponentResource implements Alerts {
    /** Channel resource names (`projects/…/notificationChannels/…`): what `AlertPolicy.notificationChannels` takes. */
    public readonly targetIds: pulumi.Output<string>[];

    constructor(name: string, args: AlertsArgs<GcpSite, GcpKeys>, opts?: pulumi.ComponentResourceOptions) {
        super(ALERTS_TYPE, name, {}, opts);
        const { site } = args;
        if (args.emails.length === 0) {
            throw new pulumi.ResourceError("alerts need at least one email address: set gravitypm:alertEmails", this);
        }
        const child = { parent: this, provider: site.provider, dependsOn: [site.services] };
        // Notification channels keep their labels for the channel's own settings; the
        // standard tags go in userLabels, which provider default labels do not reach.
        const common = { project: site.project, userLabels: { ...site.tags }, enabled: true };
        const channels = args.emails.map(
            (email, i) =>
                new NotificationChannel(
                    `${name}-email-${i}`,
                    { ...common, type: "email", displayName: `${site.namePrefix} on-call ${email}`, labels: { email_address: email } },
                    child,
                ),
        );
        if (args.webhookUrl) {
            channels.push(
                new NotificationChannel(
                    `${name}-webhook`,
                    {
                        ...common,
                        type: "webhook_tokenauth",
                        displayName: `${site.namePrefix} alert webhook`,
                        // The URL carries the token that authenticates the channel.
                        labels: { url: pulumi.secret(args.webhookUrl) },
                    },
                    child,
                ),
            );
        }
        this.targetIds = channels.map((c) => c.name);
        this.registerOutputs({ targetIds: this.targetIds });
    }
}

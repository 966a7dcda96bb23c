/**
 * Alerts: the stack's notification target. Every alarm of every component notifies it, so
 * adding an on-call address is one config change.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { Keys } from "./keys";
import type { Site } from "./site";

export const ALERTS_TYPE = "gravitypm:components:Alerts";

export interface AlertsArgs<S extends Site, K extends Keys> {
    readonly site: S;
    /** Encrypts the notification queue/topic where the cloud supports it. */
    readonly keys: K;
    readonly emails: readonly string[];
    /** HTTPS endpoint that receives every alert (PagerDuty, Opsgenie, Slack bridge, …). */
    readonly webhookUrl?: string;
    /**
     * Where the cloud's alert targets are regional (AWS SNS), a second target in the DR region
     * so DR resources can alarm; global targets (GCP channels, Azure action groups) ignore it.
     * It has the same subscribers as the primary target and is encrypted with the DR key.
     * @default none: no DR region, one target
     */
    readonly dr?: { readonly site: S; readonly keys: K };
}

export interface Alerts {
    /** What alarms notify: SNS topic ARN, Monitoring channel names, or action group id. */
    readonly targetIds: pulumi.Output<string>[];
}

/**
 * SecurityBaseline: the platform's own audit trail and threat detection, the infrastructure
 * side of audit logging, compliance monitoring and incident response.
 *
 *   audit        every control-plane call (and data access on the services the stack uses) kept
 *                in an encrypted store for the configured retention, locked against deletion in
 *                prod only (so staging stays one `pulumi destroy`)
 *   diagnostics  every resource that can emit diagnostic logs does (Azure diagnostic settings)
 *   detection    the cloud's threat detection, where config switches it on
 *   alerts       findings and audit events that matter (root/owner sign-in, a key disabled or
 *                scheduled for deletion, policy or role changes, a firewall opened to the
 *                internet) reach the stack's alert target
 *
 * Account-wide singletons (a GuardDuty detector, Defender plans, the subscription's activity-log
 * export) exist once per account or subscription: only the stack that owns them creates them.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { Environment } from "../../domain/stack-config";
import type { CloudTypes } from "./cloud";

export const SECURITY_BASELINE_TYPE = "gravitypm:components:SecurityBaseline";

export interface SecurityBaselineArgs<T extends CloudTypes> {
    /** The primary region: where the trail, log store and detectors live. */
    readonly site: T["site"];
    /** Encrypts the audit log store and its archive. */
    readonly keys: T["keys"];
    /** Where findings and audit alerts go. */
    readonly alerts: T["alerts"];
    /** The DR region, whose resources are audited too (its own detector where the cloud's is regional). */
    readonly dr?: { readonly site: T["site"]; readonly keys: T["keys"] };
    readonly environment: Environment;
    /** Days audit logs are kept (config `auditLogRetentionDays`; at least 365 in prod). */
    readonly retentionDays: number;
    /** Write-once storage and deletion locks on the audit store. Prod only. */
    readonly lock: boolean;
    /** Turn on the cloud's threat detection (config `threatDetection`). */
    readonly threatDetection: boolean;
    /** Whether this stack creates the account- or subscription-wide singletons (config
     * `ownsAccountSingletons`); exactly one stack per account or subscription may. */
    readonly ownsAccountSingletons: boolean;
    /** `protect` on the audit store. Prod: true. */
    readonly protect: boolean;
}

export interface SecurityBaseline {
    /** Where the audit trail is kept: the trail's bucket, the log bucket, or the workspace id. */
    readonly auditStoreId: pulumi.Output<string>;
    /** One line per cloud for plans and docs: what detects threats here, or why nothing does. */
    readonly threatDetectionNote: string;
}

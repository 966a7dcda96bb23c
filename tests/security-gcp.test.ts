/**
 * The GCP security baseline in the staging and prod plans: Data Access audit configs on the
 * services the stack uses, the CMEK audit bucket (retention from config, locked in prod only)
 * fed by a sink of every audit log, the Logging agent's key grant, and the audit alerts wired
 * to the stack's channels (more of them with threatDetection).
 */
import { describe, expect, it } from "vitest";
import { auditAlertFilter, auditSinkFilter, gcpSecurityAlerts, gcpThreatDetectionNote } from "../components/gcp/security-baseline";
import { GCP_APIS } from "../components/gcp/site";
import {
    GCP_AUDIT_ALERTS,
    GCP_AUDIT_LOG_IDS,
    GCP_DATA_ACCESS_AUDITED_SERVICES,
    GCP_DATA_ACCESS_LOG_TYPES,
    GCP_DATA_ACCESS_UNAUDITED_SERVICES,
    GCP_LOG_ALERT_LIMITS,
    GCP_LOG_BUCKET_CMEK,
    GCP_THREAT_ALERTS,
} from "../domain/catalogs/gcp";
import type { Plan, PlannedResource } from "../tools/plan/types";
import { childrenOf, dependsOn, descendants, input, ofType, one, plan } from "./support/plan";

const SECURITY = "gravitypm:components:SecurityBaseline";
const T = {
    auditConfig: "gcp:projects/iAMAuditConfig:IAMAuditConfig",
    bucket: "gcp:logging/projectBucketConfig:ProjectBucketConfig",
    sink: "gcp:logging/projectSink:ProjectSink",
    keyMember: "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember",
    policy: "gcp:monitoring/alertPolicy:AlertPolicy",
    channel: "gcp:monitoring/notificationChannel:NotificationChannel",
};

function security(p: Plan): PlannedResource[] {
    return descendants(p, one(p, SECURITY, "security"));
}

function only(p: Plan, type: string): PlannedResource {
    const found = security(p).filter((r) => r.type === type);
    expect(found, type).toHaveLength(1);
    return found[0];
}

describe.each(["staging", "prod"] as const)("GCP security baseline (%s)", (stack) => {
    const prod = stack === "prod";

    it("turns on every Data Access log type for each service the stack uses", async () => {
        const p = await plan(stack, "gcp");
        const configs = security(p).filter((r) => r.type === T.auditConfig);
        expect(configs.map((c) => input(c, "service")).sort()).toEqual([...GCP_DATA_ACCESS_AUDITED_SERVICES.value].sort());
        for (const c of configs) {
            expect(input(c, "project")).toBe(`gravitypm-${stack}`);
            expect((input(c, "auditLogConfigs") as { logType: string }[]).map((l) => l.logType)).toEqual([...GCP_DATA_ACCESS_LOG_TYPES.value]);
            // Depending on the services component waits for every API it enables.
            expect(dependsOn(p, c, "project-services-logging"), c.name).toBe(true);
        }
    });

    it("keeps the audit logs in a CMEK bucket in the key's region, for the configured days, locked and protected in prod only", async () => {
        const p = await plan(stack, "gcp", { auditLogRetentionDays: "400" });
        const bucket = only(p, T.bucket);
        const keyId = String(p.outputs.keyId);
        expect(input(bucket, "cmekSettings.kmsKeyName")).toBe(keyId);
        // A CMEK log bucket takes a key in its own location: the primary key's region.
        expect(input(bucket, "location")).toBe(keyId.split("/")[3]);
        expect(input(bucket, "location")).toBe(p.outputs.primaryRegion);
        expect(input(bucket, "retentionDays")).toBe(400);
        expect(input(bucket, "locked")).toBe(prod);
        expect(bucket.protect).toBe(prod);
        expect(input(bucket, "deletionPolicy")).toBe(prod ? "PREVENT" : "DELETE");
    });

    it("takes the profile's retention when the key is not set", async () => {
        const p = await plan(stack, "gcp");
        expect(input(only(p, T.bucket), "retentionDays")).toBe(365);
    });

    it("grants the project's Logging service agent the stack key before the bucket exists", async () => {
        const p = await plan(stack, "gcp");
        const grant = only(p, T.keyMember);
        expect(input(grant, "role")).toBe(GCP_LOG_BUCKET_CMEK.value.agentRole);
        expect(input(grant, "cryptoKeyId")).toBe(p.outputs.keyId);
        expect(String(input(grant, "member"))).toMatch(/^serviceAccount:.+@gcp-sa-logging\.iam\.gserviceaccount\.com$/);
        expect(dependsOn(p, only(p, T.bucket), grant.name)).toBe(true);
    });

    it("routes every audit log of the project into that bucket", async () => {
        const p = await plan(stack, "gcp");
        const sink = only(p, T.sink);
        const bucket = only(p, T.bucket);
        expect(input(sink, "destination")).toBe(`logging.googleapis.com/projects/gravitypm-${stack}/locations/${String(input(bucket, "location"))}/buckets/${String(input(bucket, "bucketId"))}`);
        expect(input(sink, "filter")).toBe(auditSinkFilter(`gravitypm-${stack}`));
        for (const id of GCP_AUDIT_LOG_IDS.value) expect(String(input(sink, "filter"))).toContain(`logName="projects/gravitypm-${stack}/logs/${id}"`);
        expect(sink.protect).toBe(prod);
    });

    it("wires every audit alert to the stack's channels, rate-limited, on the project's Admin Activity log", async () => {
        const p = await plan(stack, "gcp");
        const channels = p.outputs.alertTargets as string[];
        expect(channels).toHaveLength(childrenOf(p, one(p, "gravitypm:components:Alerts", "alerts"), T.channel).length);
        const policies = security(p).filter((r) => r.type === T.policy);
        const expected = gcpSecurityAlerts(prod);
        expect(policies.map((r) => r.name).sort()).toEqual(expected.map((s) => `security-${s.id}`).sort());
        for (const spec of expected) {
            const policy = one(p, T.policy, `security-${spec.id}`);
            expect(input(policy, "notificationChannels")).toEqual(channels);
            expect(input(policy, "enabled")).toBe(true);
            expect(input(policy, "severity")).toBe(spec.severity);
            expect(input(policy, "alertStrategy.notificationRateLimit.period")).toBe(`${GCP_LOG_ALERT_LIMITS.value.notificationRateLimitSeconds}s`);
            const conditions = input(policy, "conditions") as { conditionMatchedLog: { filter: string } }[];
            expect(conditions).toHaveLength(1);
            expect(conditions[0].conditionMatchedLog.filter).toBe(auditAlertFilter(`gravitypm-${stack}`, spec));
        }
    });

    it("passes every resource the primary site's provider and the stack's project", async () => {
        const p = await plan(stack, "gcp");
        const provider = ofType(p, "pulumi:providers:gcp").find((r) => r.name === "gcp-primary");
        for (const r of security(p)) {
            expect(r.provider?.startsWith(provider!.urn), r.name).toBe(true);
            expect(input(r, "project") ?? `gravitypm-${stack}`, r.name).toBe(`gravitypm-${stack}`);
        }
    });
});

describe("GCP security baseline alerts and coverage", () => {
    it("holds every API site.ts enables to one decision: Data Access audited or skipped with a reason", () => {
        const audited = new Set<string>(GCP_DATA_ACCESS_AUDITED_SERVICES.value);
        const skipped = new Set(Object.keys(GCP_DATA_ACCESS_UNAUDITED_SERVICES.value));
        for (const api of GCP_APIS) expect(audited.has(api) !== skipped.has(api), api).toBe(true);
        for (const service of [...audited, ...skipped]) expect(GCP_APIS, service).toContain(service);
    });

    it("watches owner and editor grants, key disablement, open firewalls and the audit trail", () => {
        const f = Object.fromEntries(Object.values(GCP_AUDIT_ALERTS).map((e) => [e.value.id, e.value.filter]));
        expect(f["owner-grant"]).toContain('bindingDeltas.role=("roles/owner" OR "roles/editor")');
        expect(f["owner-grant"]).toContain('bindingDeltas.action="ADD"');
        expect(f["key-disabled"]).toContain('protoPayload.methodName="DestroyCryptoKeyVersion"');
        expect(f["key-disabled"]).toContain('protoPayload.request.cryptoKeyVersion.state="DISABLED"');
        expect(f["firewall-open"]).toContain('protoPayload.request.sourceRanges="0.0.0.0/0"');
        expect(f["audit-trail-changed"]).toContain("auditConfigDeltas:*");
        expect(f["audit-trail-changed"]).toContain("ConfigServiceV2.DeleteSink");
    });

    it("writes filters whose quotes and parentheses balance", () => {
        for (const spec of gcpSecurityAlerts(true)) {
            const filter = auditAlertFilter("p", spec);
            expect((filter.match(/"/g) ?? []).length % 2, spec.id).toBe(0);
            const depth = [...filter.replace(/"[^"]*"/g, "")].reduce((d, c) => (d < 0 ? d : c === "(" ? d + 1 : c === ")" ? d - 1 : d), 0);
            expect(depth, spec.id).toBe(0);
        }
    });

    it("adds the threat alerts only with threatDetection", async () => {
        expect(gcpSecurityAlerts(false)).toHaveLength(Object.keys(GCP_AUDIT_ALERTS).length);
        expect(gcpSecurityAlerts(true)).toHaveLength(Object.keys(GCP_AUDIT_ALERTS).length + Object.keys(GCP_THREAT_ALERTS).length);
        const p = await plan("staging", "gcp", { threatDetection: "true" });
        expect(security(p).filter((r) => r.type === T.policy)).toHaveLength(gcpSecurityAlerts(true).length);
    });

    it("says in one line that Security Command Center is the prerequisite and that GCP has no singleton to own", async () => {
        for (const on of [true, false]) {
            const note = gcpThreatDetectionNote(on);
            expect(note).not.toContain("\n");
            expect(note).toContain("Security Command Center");
            expect(note).toContain("no account-wide singleton");
        }
        const p = await plan("prod", "gcp");
        expect(p.outputs.threatDetection).toBe(gcpThreatDetectionNote(true));
        // The mock gives the bucket config its default id (the real one is projects/…/buckets/…).
        expect(String(p.outputs.auditStoreId)).toMatch(new RegExp(`^${only(p, T.bucket).name}`));
    });
});

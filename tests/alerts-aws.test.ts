import { describe, expect, it } from "vitest";
import { alertTopicPolicy } from "../components/aws/alerts";
import { MOCK_ACCOUNT_ID } from "../tools/plan/mocks";
import { stackConfig } from "./support/config";
import { byUrn, childrenOf, input, named, ofType, one, plan } from "./support/plan";

const TOPIC = "aws:sns/topic:Topic";
const SUBSCRIPTION = "aws:sns/topicSubscription:TopicSubscription";
const POLICY = "aws:sns/topicPolicy:TopicPolicy";

describe("AWS alerts, prod", async () => {
    const p = await plan("prod", "aws");
    const cfg = stackConfig("prod", "aws");
    const component = one(p, "gravitypm:components:Alerts", "alerts");
    const primary = one(p, TOPIC, "alerts-topic");
    const dr = one(p, TOPIC, "alerts-dr-topic");

    it("keeps the primary topic in the primary region, encrypted with the stack key", () => {
        expect(byUrn(p, primary.provider)?.name).toBe("aws-primary");
        expect(input(primary, "name")).toBe("gravitypm-prod-alerts");
        expect(primary.dependencies).toContain(named(p, "primary-keys-key").urn);
        expect(p.outputs.alertTargets).toEqual([expect.stringMatching(/:gravitypm-prod-alerts$/)]);
    });

    it("adds a topic in the DR region, encrypted with the DR key, under the same component", () => {
        expect(dr.parent).toBe(component.urn);
        expect(byUrn(p, dr.provider)?.name).toBe("aws-dr");
        expect(input(dr, "name")).toBe("gravitypm-prod-alerts-dr");
        expect(dr.dependencies).toContain(named(p, "dr-keys-key").urn);
        expect(input(dr, "kmsMasterKeyId")).toBe(input(one(p, "aws:cloudwatch/logGroup:LogGroup", "dr-network-flow-logs"), "kmsKeyId"));
        expect(input(dr, "kmsMasterKeyId")).not.toBe(input(primary, "kmsMasterKeyId"));
    });

    it("lets only the account's alarms publish to the DR topic", () => {
        const policy = one(p, POLICY, "alerts-dr-topic-policy");
        expect(byUrn(p, policy.provider)?.name).toBe("aws-dr");
        expect(policy.dependencies).toContain(dr.urn);
        const arn = String(input(policy, "arn"));
        expect(arn).toMatch(/:gravitypm-prod-alerts-dr$/);
        expect(JSON.parse(String(input(policy, "policy")))).toEqual(JSON.parse(alertTopicPolicy(arn, MOCK_ACCOUNT_ID)));
    });

    it("subscribes every on-call email of Pulumi.prod.yaml to both topics", () => {
        const subscriptions = childrenOf(p, component, SUBSCRIPTION);
        for (const [topic, prefix] of [
            [primary, "alerts-email-"],
            [dr, "alerts-dr-email-"],
        ] as const) {
            const emails = subscriptions.filter((s) => s.name.startsWith(prefix));
            expect(emails.map((s) => input(s, "endpoint"))).toEqual([...cfg.alertEmails]);
            for (const s of emails) {
                expect(input(s, "protocol")).toBe("email");
                expect(s.provider).toBe(topic.provider);
                expect(s.dependencies).toContain(topic.urn);
            }
        }
        expect(cfg.alertEmails.length).toBeGreaterThan(0);
    });
});

describe("AWS alerts, prod with a webhook", async () => {
    const p = await plan("prod", "aws", { alertWebhookUrl: "https://events.example.com/hook" });

    it("calls the webhook from both regions' topics", () => {
        for (const [name, topic] of [
            ["alerts-webhook", "alerts-topic"],
            ["alerts-dr-webhook", "alerts-dr-topic"],
        ]) {
            const hook = one(p, SUBSCRIPTION, name);
            expect(input(hook, "protocol")).toBe("https");
            expect(input(hook, "endpoint")).toBe("https://events.example.com/hook");
            expect(hook.dependencies).toContain(named(p, topic).urn);
        }
    });
});

describe("AWS alerts, staging", async () => {
    const p = await plan("staging", "aws");

    it("has one topic and nothing for a DR region", () => {
        expect(ofType(p, TOPIC).map((t) => t.name)).toEqual(["alerts-topic"]);
        expect(p.resources.filter((r) => r.name.startsWith("alerts-dr-"))).toEqual([]);
    });
});

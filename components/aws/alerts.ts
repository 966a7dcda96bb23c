import { getCallerIdentityOutput } from "@pulumi/aws/getCallerIdentity";
import { Topic } from "@pulumi/aws/sns/topic";
import { TopicPolicy } from "@pulumi/aws/sns/topicPolicy";
import { TopicSubscription } from "@pulumi/aws/sns/topicSubscription";
import * as pulumi from "@pulumi/pulumi";
import { ALERTS_TYPE, type Alerts, type AlertsArgs } from "../contracts/alerts";
import type { AwsKeys } from "./keys";
import type { AwsSite } from "./site";

/** Only CloudWatch alarms and EventBridge rules of this account may publish. */
export function alertTopicPolicy(topicArn: string, accountId: string): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "AccountAlarmsPublish",
                Effect: "Allow",
                Principal: { Service: ["cloudwatch.amazonaws.com", "events.amazonaws.com"] },
                Action: "sns:Publish",
                Resource: topicArn,
                Condition: { StringEquals: { "aws:SourceAccount": accountId } },
            },
        ],
    });
}

/**
 * The stack's SNS topic, encrypted with the stack key, with email and webhook subscribers.
 * With a DR region, a second topic there: a CloudWatch alarm can only notify a topic in its
 * own region, so the DR resources' alarms need one beside them.
 */
export class AwsAlerts extends pulumi.ComponentResource implements Alerts {
    public readonly topicArn: pulumi.Output<string>;
    /** The DR region's topic, which the DR resources' alarms notify; undefined without a DR region. */
    public readonly drTopicArn?: pulumi.Output<string>;
    public readonly targetIds: pulumi.Output<string>[];

    constructor(name: string, args: AlertsArgs<AwsSite, AwsKeys>, opts?: pulumi.ComponentResourceOptions) {
        super(ALERTS_TYPE, name, {}, opts);
        // Both regions' topics belong to the same account: one lookup serves both policies.
        const identity = getCallerIdentityOutput({}, { provider: args.site.provider, parent: this });
        this.topicArn = this.topic(name, `${args.site.namePrefix}-alerts`, args.site, args.keys, args, identity.accountId);
        if (args.dr) {
            this.drTopicArn = this.topic(`${name}-dr`, `${args.dr.site.namePrefix}-alerts-dr`, args.dr.site, args.dr.keys, args, identity.accountId);
        }
        // targetIds stays the primary topic alone: it is what primary-region alarms notify and the
        // stack exports; DR-region alarms take drTopicArn.
        this.targetIds = [this.topicArn];
        this.registerOutputs({ topicArn: this.topicArn, ...(this.drTopicArn ? { drTopicArn: this.drTopicArn } : {}) });
    }

    /** One region's topic, its publish policy and the subscribers; `prefix` starts every logical name. */
    private topic(
        prefix: string,
        topicName: string,
        site: AwsSite,
        keys: AwsKeys,
        subscribers: Pick<AlertsArgs<AwsSite, AwsKeys>, "emails" | "webhookUrl">,
        accountId: pulumi.Output<string>,
    ): pulumi.Output<string> {
        const child = { parent: this, provider: site.provider };
        const topic = new Topic(`${prefix}-topic`, { name: topicName, kmsMasterKeyId: keys.keyArn }, child);
        new TopicPolicy(
            `${prefix}-topic-policy`,
            {
                arn: topic.arn,
                policy: pulumi.all([topic.arn, accountId]).apply(([arn, account]) => alertTopicPolicy(arn, account)),
            },
            child,
        );
        subscribers.emails.forEach((email, i) => {
            new TopicSubscription(`${prefix}-email-${i}`, { topic: topic.arn, protocol: "email", endpoint: email }, child);
        });
        if (subscribers.webhookUrl) {
            new TopicSubscription(
                `${prefix}-webhook`,
                { topic: topic.arn, protocol: "https", endpoint: subscribers.webhookUrl, endpointAutoConfirms: false },
                child,
            );
        }
        return topic.arn;
    }
}

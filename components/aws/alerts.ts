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

/** The stack's SNS topic, encrypted with the stack key, with email and webhook subscribers. */
export class AwsAlerts extends pulumi.ComponentResource implements Alerts {
    public readonly topicArn: pulumi.Output<string>;
    public readonly targetIds: pulumi.Output<string>[];

    constructor(name: string, args: AlertsArgs<AwsSite, AwsKeys>, opts?: pulumi.ComponentResourceOptions) {
        super(ALERTS_TYPE, name, {}, opts);
        const provider = args.site.provider;
        const topic = new Topic(
            `${name}-topic`,
            { name: `${args.site.namePrefix}-alerts`, kmsMasterKeyId: args.keys.keyArn },
            { parent: this, provider },
        );
        const identity = getCallerIdentityOutput({}, { provider, parent: this });
        new TopicPolicy(
            `${name}-topic-policy`,
            {
                arn: topic.arn,
                policy: pulumi.all([topic.arn, identity.accountId]).apply(([arn, account]) => alertTopicPolicy(arn, account)),
            },
            { parent: this, provider },
        );
        args.emails.forEach((email, i) => {
            new TopicSubscription(`${name}-email-${i}`, { topic: topic.arn, protocol: "email", endpoint: email }, { parent: this, provider });
        });
        if (args.webhookUrl) {
            new TopicSubscription(
                `${name}-webhook`,
                { topic: topic.arn, protocol: "https", endpoint: args.webhookUrl, endpointAutoConfirms: false },
                { parent: this, provider },
            );
        }
        this.topicArn = topic.arn;
        this.targetIds = [topic.arn];
        this.registerOutputs({ topicArn: this.topicArn });
    }
}

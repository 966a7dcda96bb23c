/**
 * Carries the state changes of alarms in one region to the alerts topic of another. A
 * CloudWatch alarm can notify only a topic in its own region, and Route 53 health-check metrics
 * exist only in us-east-1, while a stack's alerts topics live in its primary and DR regions.
 * Every alarm state change is also an EventBridge event in the alarm's region: a rule there
 * forwards the alarms' events to the default event bus of the topic's region, and a rule there
 * publishes them to the topic (whose policy admits EventBridge of this account).
 *
 * The relayed alarms carry no alarm actions of their own, which the policy pack's advisory
 * cloudwatch-alarm-actions reports; a topic in us-east-1 (an alerts region there) removes the relay.
 */
import { EventRule } from "@pulumi/aws/cloudwatch/eventRule";
import { EventTarget } from "@pulumi/aws/cloudwatch/eventTarget";
import { Role } from "@pulumi/aws/iam/role";
import { RolePolicy } from "@pulumi/aws/iam/rolePolicy";
import * as pulumi from "@pulumi/pulumi";
import { CLOUDWATCH_ALARM_STATE_CHANGE_EVENT } from "../../domain/catalogs/aws";
import { serviceAssumeRolePolicy } from "./cluster-identity";

/** The pattern of the state changes of this account's alarms in `region` whose names start with `alarmNamePrefix`. */
export function alarmStateChangePattern(region: string, accountId: string, alarmNamePrefix: string): string {
    const event = CLOUDWATCH_ALARM_STATE_CHANGE_EVENT.value;
    return JSON.stringify({
        source: [event.source],
        "detail-type": [event.detailType],
        resources: [{ prefix: `arn:aws:cloudwatch:${region}:${accountId}:alarm:${alarmNamePrefix}` }],
    });
}

export function defaultEventBusArn(region: string, accountId: string): string {
    return `arn:aws:events:${region}:${accountId}:event-bus/default`;
}

/** What the forwarding rule's role may do: put events on the topic region's default bus, nothing else. */
export function forwardPolicy(busArn: string): string {
    return JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "events:PutEvents", Resource: busArn }] });
}

export interface AlarmRelayArgs {
    /** Where the alarms are. */
    readonly alarmRegion: string;
    /** The prefix every relayed alarm's name starts with. */
    readonly alarmNamePrefix: string;
    /** The topic's region (the provider's in `opts`). */
    readonly topicRegion: string;
    readonly topicArn: pulumi.Input<string>;
    readonly accountId: pulumi.Output<string>;
}

export interface AlarmRelay {
    readonly forward: EventTarget;
    readonly publish: EventTarget;
}

/** `<name>-forward-rule`/`-target` in the alarms' region, `<name>-publish-rule`/`-target` in the topic's. */
export function alarmRelay(name: string, args: AlarmRelayArgs, opts: pulumi.CustomResourceOptions): AlarmRelay {
    const pattern = args.accountId.apply((account) => alarmStateChangePattern(args.alarmRegion, account, args.alarmNamePrefix));
    const busArn = args.accountId.apply((account) => defaultEventBusArn(args.topicRegion, account));
    const role = new Role(
        `${name}-forward-role`,
        { description: `Forwards ${args.alarmRegion} alarm state changes to ${args.topicRegion}`, assumeRolePolicy: args.accountId.apply((a) => serviceAssumeRolePolicy("events.amazonaws.com", a)) },
        opts,
    );
    const rolePolicy = new RolePolicy(`${name}-forward-policy`, { role: role.id, policy: busArn.apply(forwardPolicy) }, opts);
    const forwardRule = new EventRule(
        `${name}-forward-rule`,
        { region: args.alarmRegion, description: `${args.alarmNamePrefix}* alarm state changes to ${args.topicRegion}`, eventPattern: pattern },
        opts,
    );
    const forward = new EventTarget(`${name}-forward-target`, { region: args.alarmRegion, rule: forwardRule.name, arn: busArn, roleArn: role.arn }, { ...opts, dependsOn: [rolePolicy] });
    const publishRule = new EventRule(`${name}-publish-rule`, { description: `${args.alarmNamePrefix}* alarm state changes from ${args.alarmRegion} to the alerts topic`, eventPattern: pattern }, opts);
    const publish = new EventTarget(`${name}-publish-target`, { rule: publishRule.name, arn: args.topicArn }, opts);
    return { forward, publish };
}

/** Every AWS VPC has flow logs [CK2_AWS_11]. */
import { stackRule, type Finding } from "../../lib/rule";
import type { StackView } from "../../lib/stack";
import { known } from "../../lib/values";

export const AWS_VPC = "aws:ec2/vpc:Vpc";
export const AWS_FLOW_LOG = "aws:ec2/flowLog:FlowLog";

export function vpcFlowLogFindings(stack: StackView): Finding[] {
    const flowLogs = stack.ofType(AWS_FLOW_LOG);
    return stack
        .ofType(AWS_VPC)
        .filter((vpc) => {
            const viaDependency = stack.dependentsOf(vpc.urn).some((d) => d.type === AWS_FLOW_LOG);
            const id = known(() => vpc.props.id);
            const viaValue = id.known && typeof id.value === "string" && flowLogs.some((f) => known(() => f.props.vpcId).known && f.props.vpcId === id.value);
            return !viaDependency && !viaValue;
        })
        .map((vpc) => ({ urn: vpc.urn, message: `VPC ${vpc.name} has no ec2.FlowLog` }));
}

export const awsVpcFlowLogs = stackRule({
    name: "aws-vpc-flow-logs",
    description: "Every AWS VPC has a flow log.",
    explanation: "Flow logs are the only record of which addresses talked to what; incident response starts there.",
    remediation: 'Add an ec2.FlowLog with vpcId, trafficType "ALL" and a KMS-encrypted log group (the Network component does).',
    enforcementLevel: "advisory",
    area: "network",
    anchors: ["CK2_AWS_11"],
    types: [AWS_VPC, AWS_FLOW_LOG],
    defaults: {},
    check: (stack) => vpcFlowLogFindings(stack),
});

/** AWS load balancers write access logs [CK_AWS_91]. */
import { resourceRule } from "../../lib/rule";
import { bool, get, type Props } from "../../lib/values";
import { LOAD_BALANCERS } from "./aws-load-balancer-drop-invalid-headers";

export function lbAccessLogProblems(props: Props): string[] {
    return bool(get(props, "accessLogs.enabled")) === true ? [] : ["accessLogs is not enabled; requests leave no trace for incident response"];
}

export const awsLoadBalancerAccessLogs = resourceRule({
    name: "aws-load-balancer-access-logs",
    description: "Load balancers write access logs.",
    explanation: "Access logs are the record of who called what, from where, when the app's own logs are missing.",
    remediation: "Set accessLogs: { enabled: true, bucket } with a bucket the ELB service may write to.",
    enforcementLevel: "advisory",
    area: "network",
    anchors: ["CK_AWS_91"],
    types: LOAD_BALANCERS,
    defaults: {},
    check: (props) => lbAccessLogProblems(props),
});

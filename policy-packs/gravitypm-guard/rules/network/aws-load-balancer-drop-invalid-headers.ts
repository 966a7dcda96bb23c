/** AWS application load balancers drop invalid headers [CK_AWS_131]. */
import { resourceRule } from "../../lib/rule";
import { bool, shown, str, type Props } from "../../lib/values";

/** aws 7 registers both module paths as distinct tokens; a rule must match both. */
export const LOAD_BALANCERS = ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"];
export const LISTENERS = ["aws:lb/listener:Listener", "aws:alb/listener:Listener"];

export function isApplicationLoadBalancer(props: Props): boolean {
    // loadBalancerType defaults to "application".
    const type = str(props.loadBalancerType);
    return type === undefined || type === "application";
}

export function lbInvalidHeaderProblems(props: Props): string[] {
    if (!isApplicationLoadBalancer(props)) return [];
    return bool(props.dropInvalidHeaderFields) === true ? [] : [`dropInvalidHeaderFields is ${shown(props.dropInvalidHeaderFields)}; malformed headers reach the app (request smuggling)`];
}

export const awsLoadBalancerDropInvalidHeaders = resourceRule({
    name: "aws-load-balancer-drop-invalid-headers",
    description: "Application load balancers drop invalid HTTP header fields.",
    explanation: "Passing malformed headers to targets enables HTTP desync and request smuggling.",
    remediation: "Set dropInvalidHeaderFields: true.",
    enforcementLevel: "advisory",
    area: "network",
    anchors: ["CK_AWS_131"],
    types: LOAD_BALANCERS,
    defaults: {},
    check: (props) => lbInvalidHeaderProblems(props),
});

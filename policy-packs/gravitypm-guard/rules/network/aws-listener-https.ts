/** AWS load balancer listeners serve HTTPS or redirect to it [CK_AWS_2]. */
import { resourceRule } from "../../lib/rule";
import { get, records, str, type Props } from "../../lib/values";
import { LISTENERS } from "./aws-load-balancer-drop-invalid-headers";

export function listenerHttpsProblems(props: Props): string[] {
    const protocol = str(props.protocol)?.toUpperCase();
    // An ALB listener defaults to HTTP; NLB TCP/UDP listeners pass TLS through untouched.
    if (protocol !== undefined && protocol !== "HTTP") return [];
    const actions = records(props.defaultActions);
    const redirects = actions.length > 0 && actions.every((a) => str(a.type) === "redirect" && str(get(a, "redirect.protocol"))?.toUpperCase() === "HTTPS");
    return redirects ? [] : ["the listener serves plain HTTP instead of redirecting to HTTPS"];
}

export const awsListenerHttps = resourceRule({
    name: "aws-listener-https",
    description: "Load balancer listeners use HTTPS/TLS, or only redirect HTTP to HTTPS.",
    explanation: "Session cookies and credentials sent over plain HTTP can be read and altered on the way.",
    remediation: 'Serve on port 443 with protocol "HTTPS" and a certificate; make the port-80 listener a redirect to HTTPS (statusCode HTTP_301).',
    enforcementLevel: "mandatory",
    area: "network",
    anchors: ["CK_AWS_2"],
    types: LISTENERS,
    defaults: {},
    check: (props) => listenerHttpsProblems(props),
});

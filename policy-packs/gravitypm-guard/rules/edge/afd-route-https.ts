/** Azure Front Door routes serve HTTPS and redirect HTTP [—]. */
import { resourceRule } from "../../lib/rule";
import { sameText, shown, strings, type Props } from "../../lib/values";

export const AFD_ROUTE = "azure-native:cdn:Route";

export function afdRouteProblems(props: Props): string[] {
    // supportedProtocols defaults to both; httpsRedirect to Disabled.
    const protocols = strings(props.supportedProtocols);
    const http = protocols.length === 0 || protocols.some((p) => sameText(p, "Http"));
    const https = protocols.length === 0 || protocols.some((p) => sameText(p, "Https"));
    const problems: string[] = [];
    if (!https) problems.push("supportedProtocols lacks Https");
    if (http && !sameText(props.httpsRedirect, "Enabled")) problems.push(`the route accepts Http but httpsRedirect is ${shown(props.httpsRedirect)}`);
    if (sameText(props.forwardingProtocol, "HttpOnly")) problems.push('forwardingProtocol is "HttpOnly"; Front Door reaches the origin in plaintext');
    return problems;
}

export const afdRouteHttps = resourceRule({
    name: "afd-route-https",
    description: "Azure Front Door routes serve HTTPS, redirect HTTP to HTTPS and reach origins over HTTPS.",
    explanation: "Plain HTTP exposes session cookies on the viewer leg and the origin leg alike.",
    remediation: 'Set supportedProtocols: ["Http", "Https"], httpsRedirect: "Enabled", forwardingProtocol: "HttpsOnly".',
    enforcementLevel: "mandatory",
    area: "edge",
    anchors: [],
    types: [AFD_ROUTE],
    defaults: {},
    check: (props) => afdRouteProblems(props),
});

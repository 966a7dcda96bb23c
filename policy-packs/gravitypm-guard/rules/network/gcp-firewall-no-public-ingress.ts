/** GCP firewalls admit the internet to web ports only [CK_GCP_2, CK_GCP_3, CK_GCP_106]. */
import { describeRange, isOpenSource, onlyAllowedPorts, parsePortSpec, ALL_PORTS, type PortRange } from "../../lib/network";
import { resourceRule } from "../../lib/rule";
import { bool, records, str, strings, type Props } from "../../lib/values";
import { PUBLIC_PORTS_DEFAULTS, PUBLIC_PORTS_SCHEMA, type PublicPortsConfig } from "./aws-security-group-no-public-ingress";

export const GCP_FIREWALL = "gcp:compute/firewall:Firewall";

export function allowedRanges(props: Props): PortRange[] {
    return records(props.allows).flatMap((a) => {
        const ports = strings(a.ports);
        const protocol = str(a.protocol)?.toLowerCase();
        if (protocol === "all" || ports.length === 0) return [ALL_PORTS];
        return ports.map(parsePortSpec);
    });
}

export function gcpFirewallProblems(props: Props, config: PublicPortsConfig): string[] {
    // direction defaults to INGRESS.
    if ((str(props.direction) ?? "INGRESS") !== "INGRESS" || bool(props.disabled) === true) return [];
    const open = strings(props.sourceRanges).filter(isOpenSource);
    if (open.length === 0) return [];
    return allowedRanges(props)
        .filter((r) => !onlyAllowedPorts(r, config.allowedPublicPorts))
        .map((r) => `allows ${describeRange(r)} from ${open.join(", ")}`);
}

export const gcpFirewallNoPublicIngress = resourceRule({
    name: "gcp-firewall-no-public-ingress",
    description: "GCP firewall rules allow ingress from 0.0.0.0/0 only to the web ports.",
    explanation: "SSH, RDP, database and cache ports open to the internet are the first thing scanners try.",
    remediation: "Limit sourceRanges to the load balancer and health-check ranges (130.211.0.0/22, 35.191.0.0/16), IAP (35.235.240.0/20) or the VPC range.",
    enforcementLevel: "mandatory",
    area: "network",
    anchors: ["CK_GCP_2", "CK_GCP_3", "CK_GCP_106"],
    types: [GCP_FIREWALL],
    defaults: PUBLIC_PORTS_DEFAULTS,
    configSchema: PUBLIC_PORTS_SCHEMA,
    check: (props, ctx) => gcpFirewallProblems(props, ctx.config),
});

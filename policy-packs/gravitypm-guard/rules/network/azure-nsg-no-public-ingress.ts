/** Azure NSGs admit the internet to web ports only [CK_AZURE_9, CK_AZURE_10, CK_AZURE_160, CK_AZURE_77]. */
import { describeRange, isOpenSource, onlyAllowedPorts, parsePortSpec } from "../../lib/network";
import { resourceRule } from "../../lib/rule";
import { records, sameText, strings, type Props } from "../../lib/values";
import { PUBLIC_PORTS_DEFAULTS, PUBLIC_PORTS_SCHEMA, type PublicPortsConfig } from "./aws-security-group-no-public-ingress";

export const AZURE_NSG = "azure-native:network:NetworkSecurityGroup";
export const AZURE_SECURITY_RULE = "azure-native:network:SecurityRule";

export function azureRuleProblems(rule: Record<string, unknown>, config: PublicPortsConfig): string[] {
    if (!sameText(rule.direction, "Inbound") || !sameText(rule.access, "Allow")) return [];
    const open = [...strings(rule.sourceAddressPrefix), ...strings(rule.sourceAddressPrefixes)].filter(isOpenSource);
    if (open.length === 0) return [];
    const specs = [...strings(rule.destinationPortRange), ...strings(rule.destinationPortRanges)];
    const ranges = (specs.length === 0 ? ["*"] : specs).map(parsePortSpec);
    const name = typeof rule.name === "string" ? `rule ${rule.name}` : "a rule";
    return ranges.filter((r) => !onlyAllowedPorts(r, config.allowedPublicPorts)).map((r) => `${name} allows ${describeRange(r)} from ${open.join(", ")}`);
}

export function azureNsgProblems(props: Props, type: string, config: PublicPortsConfig): string[] {
    return type === AZURE_NSG ? records(props.securityRules).flatMap((r) => azureRuleProblems(r, config)) : azureRuleProblems({ ...props }, config);
}

export const azureNsgNoPublicIngress = resourceRule({
    name: "azure-nsg-no-public-ingress",
    description: "Azure NSG rules allow inbound traffic from Internet, * or 0.0.0.0/0 only to the web ports.",
    explanation: "SSH, RDP, database and cache ports reachable from the internet are brute-forced within hours.",
    remediation: "Use a specific source prefix (VirtualNetwork, AzureFrontDoor.Backend, a service tag) or Azure Bastion instead of an open rule.",
    enforcementLevel: "mandatory",
    area: "network",
    anchors: ["CK_AZURE_9", "CK_AZURE_10", "CK_AZURE_160", "CK_AZURE_77"],
    types: [AZURE_NSG, AZURE_SECURITY_RULE],
    defaults: PUBLIC_PORTS_DEFAULTS,
    configSchema: PUBLIC_PORTS_SCHEMA,
    check: (props, ctx) => azureNsgProblems(props, ctx.type, ctx.config),
});

/** Every Azure subnet has a network security group [CK2_AZURE_31]. */
import { resourceRule } from "../../lib/rule";
import { present, records, str, type Props } from "../../lib/values";

export const AZURE_SUBNET = "azure-native:network:Subnet";
export const AZURE_VNET = "azure-native:network:VirtualNetwork";

/** Subnets Azure reserves for its own appliances reject an NSG. */
const EXEMPT = new Set(["GatewaySubnet", "AzureFirewallSubnet", "AzureFirewallManagementSubnet", "RouteServerSubnet"]);

export function subnetNsgProblems(props: Props, type: string): string[] {
    const subnets = type === AZURE_SUBNET ? [{ ...props, name: props.subnetName ?? props.name }] : records(props.subnets);
    return subnets
        .filter((s) => !EXEMPT.has(str(s.name) ?? "") && !present(s, "networkSecurityGroup"))
        .map((s) => `subnet ${str(s.name) ?? "(unnamed)"} has no networkSecurityGroup`);
}

export const azureSubnetHasNsg = resourceRule({
    name: "azure-subnet-has-nsg",
    description: "Every Azure subnet (standalone or inline in a virtual network) is associated with a network security group.",
    explanation: "Without an NSG the subnet relies on Azure's default rules, which allow all traffic within the virtual network and from load balancers.",
    remediation: "Set networkSecurityGroup: { id: nsg.id } on the subnet.",
    enforcementLevel: "advisory",
    area: "network",
    anchors: ["CK2_AZURE_31"],
    types: [AZURE_SUBNET, AZURE_VNET],
    defaults: {},
    check: (props, ctx) => subnetNsgProblems(props, ctx.type),
});

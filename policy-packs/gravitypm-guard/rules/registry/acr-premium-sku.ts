/** Azure Container Registry uses the Premium SKU [—]. */
import { resourceRule } from "../../lib/rule";
import { get, sameText, shown, type Props } from "../../lib/values";
import { ACR_REGISTRY } from "./acr-admin-user-disabled";

export function acrPremiumSkuProblems(props: Props): string[] {
    const sku = get(props, "sku.name");
    return sameText(sku, "Premium") ? [] : [`sku.name is ${shown(sku)}; only Premium supports customer-managed keys, private endpoints and disabling public access`];
}

export const acrPremiumSku = resourceRule({
    name: "acr-premium-sku",
    description: "Azure Container Registries use the Premium SKU.",
    explanation: "Customer-managed keys, private endpoints and publicNetworkAccess Disabled exist only on Premium: a Basic or Standard registry with the settings acr-cmk and acr-private require passes the plan and fails the deployment.",
    remediation: 'Set sku: { name: "Premium" }.',
    enforcementLevel: "mandatory",
    area: "registry",
    anchors: [],
    types: [ACR_REGISTRY],
    defaults: {},
    check: (props) => acrPremiumSkuProblems(props),
});

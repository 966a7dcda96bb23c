/** Data stores whose service offers no customer-managed key, listed for review [—]. */
import { dataStores, STORE_RELATED_TYPES, STORES } from "../../lib/datastores";
import { stackRule, type Finding } from "../../lib/rule";
import type { StackView } from "../../lib/stack";

export function cmkUnsupportedFindings(stack: StackView): Finding[] {
    return dataStores(stack).flatMap(({ resource, spec }) => (spec.noCmk ? [{ urn: resource.urn, message: `${spec.label} ${resource.name}: ${spec.noCmk}` }] : []));
}

export const stackCmkUnsupported = stackRule({
    name: "stack-cmk-unsupported",
    description: "Lists data stores whose service cannot use a customer-managed key, so the exception is visible and reviewed.",
    explanation: "stack-cmk-encryption cannot demand what the service does not offer; these stores are encrypted at rest with the provider's key, which the stack cannot revoke.",
    remediation: "Accept the exception (the data is still encrypted at rest), or move to a tier that offers customer-managed keys (e.g. Azure Managed Redis instead of Azure Cache for Redis).",
    enforcementLevel: "advisory",
    area: "stack",
    anchors: [],
    types: [...Object.keys(STORES), ...STORE_RELATED_TYPES],
    defaults: {},
    check: (stack) => cmkUnsupportedFindings(stack),
});

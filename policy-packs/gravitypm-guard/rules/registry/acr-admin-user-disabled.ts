/** Azure Container Registry keeps the admin user off [CK_AZURE_137]. */
import { resourceRule } from "../../lib/rule";
import { bool, type Props } from "../../lib/values";

export const ACR_REGISTRY = "azure-native:containerregistry:Registry";

export function acrAdminUserProblems(props: Props): string[] {
    return bool(props.adminUserEnabled) === true ? ["adminUserEnabled is true; the registry accepts a shared username and password with push and pull rights"] : [];
}

export const acrAdminUserDisabled = resourceRule({
    name: "acr-admin-user-disabled",
    description: "Azure Container Registries keep the admin user disabled.",
    explanation: "The admin user is one shared credential with full push and pull rights that no audit log ties to a person or workload.",
    remediation: "Leave adminUserEnabled unset or false; give the cluster's kubelet identity AcrPull and CI AcrPush through role assignments.",
    enforcementLevel: "mandatory",
    area: "registry",
    anchors: ["CK_AZURE_137"],
    types: [ACR_REGISTRY],
    defaults: {},
    check: (props) => acrAdminUserProblems(props),
});

/** Amazon Managed Service for Prometheus workspaces encrypt with a customer-managed key [—]. */
import { resourceRule } from "../../lib/rule";
import { present, type Props } from "../../lib/values";

export const AMP_WORKSPACE = "aws:amp/workspace:Workspace";

export function ampWorkspaceCmkProblems(props: Props): string[] {
    return present(props, "kmsKeyArn") ? [] : ["kmsKeyArn is unset; metrics are encrypted with an AWS-owned key"];
}

export const ampWorkspaceCmk = resourceRule({
    name: "amp-workspace-cmk",
    description: "Amazon Managed Service for Prometheus workspaces encrypt with a customer-managed KMS key (kmsKeyArn).",
    explanation:
        "The clusters' metrics carry pod, namespace and host names and whatever labels the app adds; the stack key makes reading them depend on a grant the stack controls and CloudTrail records. The key can only be chosen when the workspace is created.",
    remediation:
        "Set kmsKeyArn to the stack key's ARN of the workspace's region (the key policy must let aps.amazonaws.com use it through grants); changing it replaces the workspace and its stored metrics.",
    enforcementLevel: "mandatory",
    area: "observability",
    anchors: [],
    types: [AMP_WORKSPACE],
    defaults: {},
    check: (props) => ampWorkspaceCmkProblems(props),
});

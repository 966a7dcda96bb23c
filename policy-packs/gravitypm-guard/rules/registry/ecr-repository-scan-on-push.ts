/** ECR repositories scan images on push [CK_AWS_163]. */
import { resourceRule } from "../../lib/rule";
import { bool, get, shown, type Props } from "../../lib/values";
import { ECR_REPOSITORY } from "./ecr-repository-kms";

export function ecrScanOnPushProblems(props: Props): string[] {
    const scan = get(props, "imageScanningConfiguration.scanOnPush");
    return bool(scan) === true ? [] : [`imageScanningConfiguration.scanOnPush is ${shown(scan)}; pushed images are not scanned for known vulnerabilities`];
}

export const ecrRepositoryScanOnPush = resourceRule({
    name: "ecr-repository-scan-on-push",
    description: "ECR repositories scan images for vulnerabilities when they are pushed.",
    explanation: "A scan on push reports known CVEs before an image reaches a cluster; it detects, it does not block, so it is advisory.",
    remediation: "Set imageScanningConfiguration: { scanOnPush: true } (or turn on enhanced scanning for the registry and set it anyway, which ECR then ignores).",
    enforcementLevel: "advisory",
    area: "registry",
    anchors: ["CK_AWS_163"],
    types: [ECR_REPOSITORY],
    defaults: {},
    check: (props) => ecrScanOnPushProblems(props),
});

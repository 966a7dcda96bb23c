/** GuardDuty detectors watch EKS and scan for malware [—]. */
import { stackRule, type Finding } from "../../lib/rule";
import type { StackResource, StackView } from "../../lib/stack";
import { bool, get, records, sameText, str } from "../../lib/values";

export const GUARDDUTY_DETECTOR = "aws:guardduty/detector:Detector";
export const GUARDDUTY_FEATURE = "aws:guardduty/detectorFeature:DetectorFeature";

/** Runtime monitoring is one feature or the other (AWS refuses both on one detector). */
const RUNTIME = ["RUNTIME_MONITORING", "EKS_RUNTIME_MONITORING"];

function enabledFeatures(stack: StackView, detector: StackResource): StackResource[] {
    return stack.dependentsOf(detector.urn).filter((d) => d.type === GUARDDUTY_FEATURE && sameText(d.props.status, "ENABLED"));
}

export function detectorProblems(stack: StackView, detector: StackResource): string[] {
    // Unset is enabled (the provider default).
    if (bool(detector.props.enable) === false) return ["enable is false; the detector produces no findings"];
    const features = enabledFeatures(stack, detector);
    const named = (name: string) => features.filter((f) => str(f.props.name) === name);
    const problems: string[] = [];
    // The datasources block is the pre-feature API for the same switches; AWS maps one onto the other.
    const auditLogs = named("EKS_AUDIT_LOGS").length > 0 || bool(get(detector.props, "datasources.kubernetes.auditLogs.enable")) === true;
    if (!auditLogs) problems.push("EKS_AUDIT_LOGS is not enabled (Kubernetes API calls are not analysed)");
    const runtime = features.filter((f) => RUNTIME.includes(str(f.props.name) ?? ""));
    if (runtime.length === 0) problems.push("neither RUNTIME_MONITORING nor EKS_RUNTIME_MONITORING is enabled (no process, file or network events from the nodes)");
    else if (!runtime.some((f) => records(f.props.additionalConfigurations).some((c) => str(c.name) === "EKS_ADDON_MANAGEMENT" && sameText(c.status, "ENABLED")))) {
        problems.push(`${str(runtime[0].props.name)} does not enable EKS_ADDON_MANAGEMENT, so no security agent runs on the clusters`);
    }
    const malware = named("EBS_MALWARE_PROTECTION").length > 0 || bool(get(detector.props, "datasources.malwareProtection.scanEc2InstanceWithFindings.ebsVolumes.enable")) === true;
    if (!malware) problems.push("EBS_MALWARE_PROTECTION is not enabled (node volumes are not scanned when a finding points at them)");
    return problems;
}

export function guardDutyFindings(stack: StackView): Finding[] {
    return stack.ofType(GUARDDUTY_DETECTOR).flatMap((detector): Finding[] => {
        const problems = detectorProblems(stack, detector);
        return problems.length === 0 ? [] : [{ urn: detector.urn, message: `GuardDuty detector ${detector.name}: ${problems.join("; ")}` }];
    });
}

export const guarddutyDetectorFeatures = stackRule({
    name: "guardduty-detector-features",
    description: "GuardDuty detectors are enabled with EKS audit-log monitoring, runtime monitoring (with the EKS agent managed) and EBS malware protection.",
    explanation: "The base detector reads CloudTrail, VPC flow logs and DNS only; what happens inside the clusters (a shell in a pod, a crypto miner, a stolen service-account token) is seen only by these features.",
    remediation:
        'Add guardduty.DetectorFeature { detectorId: detector.id, status: "ENABLED" } for EKS_AUDIT_LOGS, EBS_MALWARE_PROTECTION and RUNTIME_MONITORING (additionalConfigurations: [{ name: "EKS_ADDON_MANAGEMENT", status: "ENABLED" }]).',
    enforcementLevel: "advisory",
    area: "audit",
    anchors: [],
    types: [GUARDDUTY_DETECTOR, GUARDDUTY_FEATURE],
    defaults: {},
    check: (stack) => guardDutyFindings(stack),
});

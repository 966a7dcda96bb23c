/**
 * What the managed Kubernetes services accept, for the config checks and the cluster
 * components: the Kubernetes minor versions each service still supports, the node-count
 * rules, the authorised-range rule and the maintenance-window length.
 */
import { IPv4CidrRange, Validator } from "ip-num";
import { sourced, UNVERIFIED, type Sourced } from "../catalogs/entry";
import { APP_SERVICES } from "./app";
import type { Cloud } from "../clouds";
import { WEEKDAYS, type MaintenanceWindow, type Weekday } from "../stack-config";

/**
 * Minor versions in the service's standard support on the day they were checked. A version
 * outside the list fails at config time: a cluster on it would be refused (too old or too new)
 * or billed for extended support.
 */
export const KUBERNETES_VERSIONS: Readonly<Record<Cloud, Sourced<readonly string[]>>> = {
    aws: sourced(
        ["1.34", "1.35"],
        "https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html",
        "2026-12-03",
        "14 months of standard support per minor version; 1.34 standard support ends 2026-12-02 and 1.35 on 2027-03-27 per endoflife.date/amazon-eks (third-party, read the same day)",
    ),
    gcp: sourced(["1.34", "1.35"], UNVERIFIED, "2026-12-03", "GKE release-channel availability could not be read here; kubernetes.io lists 1.35 as actively supported until 2027-02-28"),
    azure: sourced(["1.34", "1.35"], UNVERIFIED, "2026-12-03", "the AKS release calendar (learn.microsoft.com/azure/aks/supported-kubernetes-versions) could not be read here"),
};

/** GKE needs maintenance windows of at least four hours; the same length is used everywhere. */
export const MAINTENANCE_WINDOW_HOURS = sourced(4, UNVERIFIED, "2026-12-03", "GKE maintenance-window minimum as documented for recurring windows; not read here");

/** The broadest range a restricted API endpoint may admit: an office or VPN egress, not the internet. */
export const MIN_AUTHORIZED_PREFIX = 16;

/** Problems with an authorised API range: not a CIDR, or broader than an office network. */
export function authorizedCidrProblem(cidr: string): string | undefined {
    if (!Validator.isValidIPv4CidrNotation(cidr)[0]) return `${cidr} is not an IPv4 CIDR such as 203.0.113.0/24`;
    const range = IPv4CidrRange.fromCidr(cidr);
    if (range.getPrefix().getValue() < MIN_AUTHORIZED_PREFIX) {
        return `${cidr} admits too much of the internet: an authorised API range must be /${MIN_AUTHORIZED_PREFIX} or narrower (an office or VPN egress range), never 0.0.0.0/0`;
    }
    return undefined;
}

/** Parses "sun 03:00" (UTC, whole hours) into a window, or undefined when malformed. */
export function parseMaintenanceWindow(raw: string): MaintenanceWindow | undefined {
    const match = /^([a-z]{3}) (\d{2}):00$/.exec(raw.trim().toLowerCase());
    if (!match || !(WEEKDAYS as readonly string[]).includes(match[1])) return undefined;
    const hour = Number(match[2]);
    return hour <= 23 ? { day: match[1] as Weekday, startHourUtc: hour } : undefined;
}

/** GravityPM's container images: one registry repository per service. */
export const APP_IMAGES: readonly string[] = APP_SERVICES;

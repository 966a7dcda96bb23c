/**
 * Sources and ports as firewalls express them on each cloud, and the one question every
 * exposure rule asks: does this rule let the whole internet reach a port other than the
 * web ports?
 */
import { num, str } from "./values";

/** What each cloud writes for "anyone on the internet". */
const OPEN_SOURCES = new Set(["0.0.0.0/0", "::/0", "0.0.0.0", "*", "internet", "any", "0.0.0.0/0.0.0.0"]);

export function isOpenSource(source: unknown): boolean {
    return typeof source === "string" && OPEN_SOURCES.has(source.trim().toLowerCase());
}

/** Inclusive port range; all ports is 0-65535. */
export interface PortRange {
    readonly from: number;
    readonly to: number;
}

export const ALL_PORTS: PortRange = { from: 0, to: 65535 };

/** The web ports an internet-facing load balancer or edge listens on. */
export const WEB_PORTS: readonly number[] = [80, 443];

/** Ports of the data tier: MongoDB/DocumentDB, Cosmos DB vCore, Redis (plain, TLS, Enterprise, cluster bus). */
export const DATA_PORTS: readonly number[] = [27017, 27018, 27019, 10255, 10260, 6379, 6380, 10000, 16379];

/** AWS-style from/to ports; protocol "-1"/"all" means every port whatever the numbers say. */
export function awsPortRange(fromPort: unknown, toPort: unknown, protocol: unknown): PortRange {
    const p = str(protocol)?.toLowerCase();
    if (p === "-1" || p === "all") return ALL_PORTS;
    const from = num(fromPort);
    const to = num(toPort);
    if (from === undefined && to === undefined) return ALL_PORTS;
    // AWS writes "all ICMP" and some "all ports" rules as -1 or 0..0 with protocol all.
    return { from: Math.max(0, from ?? 0), to: to === undefined || to < 0 ? 65535 : to };
}

/** "22", "8000-9000", "*" (Azure, GCP). */
export function parsePortSpec(spec: unknown): PortRange {
    if (typeof spec === "number") return { from: spec, to: spec };
    const s = str(spec)?.trim();
    if (s === undefined || s === "" || s === "*") return ALL_PORTS;
    const m = /^(\d+)(?:-(\d+))?$/.exec(s);
    if (!m) return ALL_PORTS;
    return { from: Number(m[1]), to: Number(m[2] ?? m[1]) };
}

export function includesPort(range: PortRange, port: number): boolean {
    return range.from <= port && port <= range.to;
}

/** Whether every port of `range` is one of `allowed`. */
export function onlyAllowedPorts(range: PortRange, allowed: readonly number[]): boolean {
    if (range.to - range.from > allowed.length) return false;
    for (let p = range.from; p <= range.to; p++) if (!allowed.includes(p)) return false;
    return true;
}

export function describeRange(range: PortRange): string {
    if (range.from === ALL_PORTS.from && range.to === ALL_PORTS.to) return "all ports";
    return range.from === range.to ? `port ${range.from}` : `ports ${range.from}-${range.to}`;
}

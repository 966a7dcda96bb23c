/** Helpers every cloud's mock outputs share: deterministic hashes, ids and addresses. */
import { createHash } from "node:crypto";

export type Inputs = Record<string, unknown>;

/** What a type-specific entry sees: the resource and where it lives. */
export type OutputFn<P> = (name: string, inputs: Inputs, id: string, placement: P) => Inputs;

export function shortHash(text: string, length = 8): string {
    return createHash("sha256").update(text).digest("hex").slice(0, length);
}

export function uuidFrom(text: string): string {
    const h = createHash("sha256").update(text).digest("hex");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Private IP in 10.255.0.0/16, stable per name: for endpoints that resolve privately. */
export function mockPrivateIp(name: string): string {
    const h = parseInt(shortHash(name, 4), 16);
    return `10.255.${(h >> 8) % 256}.${(h % 254) + 1}`;
}

export function str(v: unknown, fallback: string): string {
    return typeof v === "string" && v.length > 0 ? v : fallback;
}

/** Token → module, e.g. `aws:ec2/vpc:Vpc` → `ec2`, `azure-native:network:VirtualNetwork` → `network`. */
export function tokenModule(type: string): string {
    return type.split(":")[1]?.split("/")[0] ?? "";
}

/** The neutral default for a package with no cloud-specific shape: `<name>-<hash>`. */
export function defaultId(name: string): string {
    return `${name}-${shortHash(name)}`;
}

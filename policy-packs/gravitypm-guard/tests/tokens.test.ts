/**
 * Guard against silent rule death: a type token renamed across an SDK major (azure-native
 * `cache:Redis` → `redis:Redis`, cloudflare `Record` → `DnsRecord`) would stop a rule from
 * ever matching. Every token a rule reads must be the `__pulumiType` of a class in the
 * installed SDK.
 */
import { describe, expect, it } from "vitest";
import { policies } from "../policies";

const PACKAGES: Record<string, string> = {
    aws: "@pulumi/aws",
    gcp: "@pulumi/gcp",
    "azure-native": "@pulumi/azure-native",
    mongodbatlas: "@pulumi/mongodbatlas",
    cloudflare: "@pulumi/cloudflare",
    kubernetes: "@pulumi/kubernetes",
    auth0: "@pulumi/auth0",
    azuread: "@pulumi/azuread",
};

/** The SDK folder a token's module lives in: `apps/v1` → `apps`, and for Kubernetes the API
 * group's first label and version (`networking.k8s.io/v1` → `networking/v1`, `helm.sh/v3` → `helm/v3`). */
function sdkModule(pkg: string, modulePath: string): string {
    if (pkg !== "kubernetes") return modulePath.split("/")[0];
    const [group, version] = modulePath.split("/");
    return `${group.split(".")[0]}/${version}`;
}

/** The installed class's `__pulumiType` for a token, or undefined when there is no such class. */
async function installedToken(token: string): Promise<string | undefined> {
    const [pkg, modulePath, className] = token.split(":");
    const root = PACKAGES[pkg];
    if (!root || !modulePath || !className) return undefined;
    const mod = sdkModule(pkg, modulePath);
    let loaded: unknown;
    try {
        // The SDKs are CommonJS: the namespace's default export is module.exports.
        const ns: unknown = await import(mod === "index" ? root : `${root}/${mod}`);
        loaded = typeof ns === "object" && ns !== null ? Reflect.get(ns, "default") : undefined;
    } catch (e) {
        // A module that no longer exists is a renamed token, not a test error.
        if (e instanceof Error && "code" in e && (e.code === "MODULE_NOT_FOUND" || e.code === "ERR_MODULE_NOT_FOUND")) return undefined;
        throw e;
    }
    const cls: unknown = typeof loaded === "object" && loaded !== null ? Reflect.get(loaded, className) : undefined;
    const type: unknown = typeof cls === "function" ? Reflect.get(cls, "__pulumiType") : undefined;
    return typeof type === "string" ? type : undefined;
}

const tokens = [...new Set(policies.flatMap((p) => p.info.types))].sort();

describe("every type token a rule reads exists in the installed SDKs", () => {
    it("reads tokens of every provider package the pack covers", () => {
        expect(new Set(tokens.map((t) => t.split(":")[0]))).toEqual(new Set(Object.keys(PACKAGES)));
    });

    it.each(tokens)("%s", async (token) => {
        expect(await installedToken(token)).toBe(token);
    });

    it("catches a renamed token (azure-native v2 tokens no longer exist)", async () => {
        expect(await installedToken("azure-native:cache:Redis")).toBeUndefined();
        expect(await installedToken("azure-native:insights:MetricAlert")).toBeUndefined();
        expect(await installedToken("azure-native:insights:ScheduledQueryRule")).toBeUndefined();
    });

    it("holds Kubernetes tokens to their full API group (networking.k8s.io, not networking)", async () => {
        expect(await installedToken("kubernetes:networking/v1:NetworkPolicy")).toBe("kubernetes:networking.k8s.io/v1:NetworkPolicy");
        expect(await installedToken("kubernetes:apps/v1:CronJob")).toBeUndefined();
    });
});

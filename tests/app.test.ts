/**
 * GravityApp in the whole plan of every stack and cloud: both colours of both services with
 * their autoscalers and disruption budgets, stable and preview Services, NetworkPolicies and
 * Secrets on the cluster's own provider; and the blue-green contract on the captured plans:
 * a promotion, its rollback and an idle-colour release touch only what they must.
 */
import { describe, expect, it } from "vitest";
import { APP_COLOURS, APP_SERVICES } from "../domain/capabilities/app";
import { CLOUDS, type Cloud } from "../domain/clouds";
import type { Plan, PlannedResource } from "../tools/plan/types";
import { APP_IMAGES_PINNED } from "./support/config";
import { descendants, input, one, plan } from "./support/plan";

const APP = "gravitypm:components:GravityApp";
const K8S = {
    deployment: "kubernetes:apps/v1:Deployment",
    service: "kubernetes:core/v1:Service",
    hpa: "kubernetes:autoscaling/v2:HorizontalPodAutoscaler",
    pdb: "kubernetes:policy/v1:PodDisruptionBudget",
    networkPolicy: "kubernetes:networking.k8s.io/v1:NetworkPolicy",
    secret: "kubernetes:core/v1:Secret",
    configMap: "kubernetes:core/v1:ConfigMap",
    ingress: "kubernetes:networking.k8s.io/v1:Ingress",
    namespace: "kubernetes:core/v1:Namespace",
} as const;

const appObjects = (p: Plan, name: string) => descendants(p, one(p, APP, name));
const objectNames = (rs: readonly PlannedResource[], type: string) => rs.filter((r) => r.type === type).map((r) => String(input(r, "metadata.name"))).sort();

/** URNs whose inputs differ between two plans (added and removed ones included). */
function changedUrns(before: Plan, after: Plan): string[] {
    const a = new Map(before.resources.map((r) => [r.urn, JSON.stringify(r.inputs)]));
    const b = new Map(after.resources.map((r) => [r.urn, JSON.stringify(r.inputs)]));
    return [...new Set([...a.keys(), ...b.keys()])].filter((urn) => a.get(urn) !== b.get(urn)).sort();
}
const nameOf = (urn: string) => urn.slice(urn.lastIndexOf("::") + 2);
/** The image of a Deployment's one container. */
function imageOf(r: PlannedResource): string {
    const containers = input(r, "spec.template.spec.containers") as { image: string }[];
    return containers[0].image;
}

describe.each(CLOUDS)("the app in the %s plans", (cloud) => {
    it.each(["staging", "prod"])("%s: both colours of both services, Services, autoscalers, budgets, policies and secrets", async (stack) => {
        const p = await plan(stack, cloud);
        const apps = p.resources.filter((r) => r.type === APP).map((r) => r.name).sort();
        expect(apps).toEqual(stack === "prod" ? ["app", "dr-app"] : ["app"]);
        for (const name of apps) {
            const objects = appObjects(p, name);
            const colours = APP_SERVICES.flatMap((s) => APP_COLOURS.map((c) => `${s}-${c}`)).sort();
            expect(objectNames(objects, K8S.deployment)).toEqual(colours);
            expect(objectNames(objects, K8S.hpa)).toEqual(colours);
            expect(objectNames(objects, K8S.pdb)).toEqual(colours);
            expect(objectNames(objects, K8S.service)).toEqual(["backend", "backend-preview", "frontend", "frontend-preview"]);
            expect(objectNames(objects, K8S.networkPolicy)).toEqual(
                ["allow-dns", "backend-from-ingress", "backend-to-cloud-apis", "backend-to-data-tier", "default-deny", "frontend-from-ingress"].sort(),
            );
            expect(objectNames(objects, K8S.secret)).toEqual(["gravitypm-data", "gravitypm-identity"]);
            // Every object goes through the cluster's own provider.
            const cluster = one(p, "gravitypm:components:Cluster", name === "app" ? "cluster" : "dr-cluster");
            const provider = descendants(p, cluster).find((r) => r.type === "pulumi:providers:kubernetes")!;
            for (const r of objects.filter((x) => x.type.startsWith("kubernetes:"))) expect(r.provider, r.name).toBe(provider.urn);
        }
    });

    it("prod: the primary runs from the primary registry, the standby from the DR registry at the DR minimum", async () => {
        const p = await plan("prod", cloud);
        const image = (app: string) => imageOf(appObjects(p, app).find((r) => r.type === K8S.deployment && input(r, "metadata.name") === "backend-blue")!);
        expect(image("app")).toContain(`/backend:1.0.0@${APP_IMAGES_PINNED.backend.blue.split("@")[1]}`);
        expect(image("dr-app").startsWith(String(p.outputs.drRegistryUrl))).toBe(true);
        expect(image("app").startsWith(String(p.outputs.registryUrl))).toBe(true);
        const minReplicas = (app: string) => appObjects(p, app).filter((r) => r.type === K8S.hpa).map((r) => input(r, "spec.minReplicas"));
        expect(new Set(minReplicas("app"))).toEqual(new Set([3]));
        expect(new Set(minReplicas("dr-app"))).toEqual(new Set([1]));
    });

    it("delivers the connection strings as a Kubernetes Secret from secret outputs, never in plain inputs", async () => {
        for (const stack of ["staging", "prod"]) {
            const p = await plan(stack, cloud);
            for (const secret of appObjects(p, "app").filter((r) => r.type === K8S.secret)) {
                expect(secret.secretInputs, String(input(secret, "metadata.name"))).toEqual(["stringData"]);
                expect(input(secret, "stringData")).toBe("[secret]");
            }
            // No credential-bearing URL and no generated password anywhere a plan shows in plain text.
            const plain = JSON.stringify({ inputs: p.resources.map((r) => r.inputs), outputs: p.outputs });
            expect(plain).not.toMatch(/[a-z+]+:\/\/[^/\s"]*:[^@\s"]+@/);
            expect(plain).not.toMatch(/mock-[0-9a-f]{8,}/);
            for (const cm of appObjects(p, "app").filter((r) => r.type === K8S.configMap)) expect(JSON.stringify(cm.inputs)).not.toMatch(/mongodb|rediss/);
        }
    });

    it("gives both services the sign-in settings and only the backend the API client's credential", async () => {
        const p = await plan("prod", cloud);
        for (const app of ["app", "dr-app"]) {
            const objects = appObjects(p, app);
            const settings = objects.find((r) => r.type === K8S.configMap && input(r, "metadata.name") === "gravitypm-settings")!;
            const data = input(settings, "data") as Record<string, string>;
            expect(data.OIDC_ISSUER_URL).toBe(p.outputs.identityIssuerUrl);
            expect(data.OIDC_JWKS_URL).toBe(p.outputs.identityJwksUrl);
            expect(data.OIDC_SIGN_IN_URL).toBe(p.outputs.identitySignInUrl);
            expect(Object.keys(data)).toEqual(expect.arrayContaining(["OIDC_WEB_CLIENT_ID", "OIDC_SIGN_OUT_URL"]));
            expect(JSON.stringify(data)).not.toMatch(/OIDC_API_CLIENT/);
            const envFrom = (name: string) => {
                const deployment = objects.find((r) => r.type === K8S.deployment && input(r, "metadata.name") === name)!;
                const containers = input(deployment, "spec.template.spec.containers") as { envFrom: { secretRef?: { name: string } }[] }[];
                return containers[0].envFrom.flatMap((e) => (e.secretRef ? [e.secretRef.name] : []));
            };
            expect(envFrom("backend-blue")).toContain("gravitypm-identity");
            expect(envFrom("frontend-green")).toEqual([]);
        }
    });
});

describe("error tracking in the app", () => {
    const dsnEnv = (p: Plan, deployment: string) => {
        const d = appObjects(p, "app").find((r) => r.type === K8S.deployment && input(r, "metadata.name") === deployment)!;
        const containers = input(d, "spec.template.spec.containers") as { env: { name: string; valueFrom?: { secretKeyRef: { name: string; key: string } } }[] }[];
        return containers[0].env.find((e) => e.name === "SENTRY_DSN");
    };

    it("gives each service its own DSN from a Secret only when an organisation is configured", async () => {
        const off = await plan("staging", "aws");
        expect(objectNames(appObjects(off, "app"), K8S.secret)).not.toContain("gravitypm-error-tracking");
        expect(dsnEnv(off, "backend-blue")).toBeUndefined();

        const on = await plan("staging", "aws", { sentryOrganization: "gravitypm", sentryTeam: "platform" });
        const secret = appObjects(on, "app").find((r) => r.type === K8S.secret && input(r, "metadata.name") === "gravitypm-error-tracking")!;
        expect(secret.secretInputs).toEqual(["stringData"]);
        for (const service of APP_SERVICES) {
            for (const colour of APP_COLOURS) expect(dsnEnv(on, `${service}-${colour}`)?.valueFrom?.secretKeyRef).toEqual({ name: "gravitypm-error-tracking", key: service });
        }
        expect(on.resources.filter((r) => r.type === "gravitypm:components:ErrorTracking").map((r) => r.name)).toEqual(["error-tracking"]);
    });
});

describe("blue-green on the prod plan", () => {
    const cloud: Cloud = "aws";
    const green = { appActiveColour: "green" };

    it("promotion changes only the stable and preview Service selectors and the release notice", async () => {
        const blue = await plan("prod", cloud);
        const promoted = await plan("prod", cloud, green);
        const changed = changedUrns(blue, promoted);
        const names = changed.map(nameOf);
        // Stable and preview Service of each service, on the primary and the DR copy.
        for (const app of ["app", "dr-app"]) {
            for (const service of APP_SERVICES) expect(names).toEqual(expect.arrayContaining([`${app}-${service}`, `${app}-${service}-preview`]));
            expect(names).toContain(`${app}-release-record`);
        }
        const notice = changed.filter((urn) => !urn.includes("kubernetes:"));
        expect(notice.length).toBeGreaterThan(0);
        for (const urn of notice) expect(nameOf(urn)).toMatch(/-app-release-notice/);
        // Nothing else: no Deployment, autoscaler, budget, policy or cloud resource.
        const expected = new Set([
            ...["app", "dr-app"].flatMap((a) => [...APP_SERVICES.flatMap((s) => [`${a}-${s}`, `${a}-${s}-preview`]), `${a}-release-record`]),
            ...notice.map(nameOf),
        ]);
        expect(names.filter((n) => !expected.has(n))).toEqual([]);
        expect(changed.some((urn) => urn.includes(K8S.deployment))).toBe(false);
        // Same resources on both sides: nothing created, nothing deleted, so nothing replaced.
        expect(promoted.resources.map((r) => r.urn).sort()).toEqual(blue.resources.map((r) => r.urn).sort());
        const selector = (p: Plan, name: string) => input(p.resources.find((r) => r.name === name)!, "spec.selector");
        expect(selector(promoted, "app-backend")).toEqual({ "app.kubernetes.io/name": "backend", "gravitypm.io/colour": "green" });
        expect(selector(promoted, "app-backend-preview")).toEqual({ "app.kubernetes.io/name": "backend", "gravitypm.io/colour": "blue" });
    });

    it("rollback is the same flip back: the plan returns to the original, byte for byte", async () => {
        const blue = await plan("prod", cloud);
        const promoted = await plan("prod", cloud, green);
        const rolledBack = await plan("prod", cloud, { appActiveColour: "blue" });
        expect(changedUrns(promoted, rolledBack)).toEqual(changedUrns(blue, promoted));
        expect(changedUrns(blue, rolledBack)).toEqual([]);
    });

    it("a new image for the idle colour leaves the active colour untouched", async () => {
        const before = await plan("prod", cloud);
        const next = { ...APP_IMAGES_PINNED, backend: { ...APP_IMAGES_PINNED.backend, green: `1.1.0@sha256:${"5e".repeat(32)}` } };
        const after = await plan("prod", cloud, { appImages: JSON.stringify(next) });
        const names = changedUrns(before, after).map(nameOf);
        expect(names).toEqual(expect.arrayContaining(["app-backend-green", "dr-app-backend-green", "app-release-record"]));
        for (const untouched of ["app-backend-blue", "app-backend", "app-backend-preview", "app-frontend-blue", "app-frontend-green", "dr-app-backend-blue"]) {
            expect(names, untouched).not.toContain(untouched);
        }
        const image = imageOf(after.resources.find((r) => r.name === "app-backend-green")!);
        expect(image).toMatch(/\/backend:1\.1\.0@sha256:(5e){32}$/);
    });
});

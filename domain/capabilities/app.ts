/**
 * GravityPM itself as the platform runs it: its two services, the two release colours, how an
 * image is referenced, and the fixed shape of each service's pods (ports, resources, probes'
 * timing, shutdown). Config chooses the images, the active colour, replica bounds, probe paths
 * and host names; everything here is the same on every cloud and in every stack.
 */
import { sourced } from "../catalogs/entry";

/** The app's services: each has one registry repository, one Deployment per colour, a stable
 * and a preview Service. */
export const APP_SERVICES = ["backend", "frontend"] as const;
export type AppService = (typeof APP_SERVICES)[number];

/** Blue-green: two colours of each service run side by side; one takes traffic. */
export const APP_COLOURS = ["blue", "green"] as const;
export type AppColour = (typeof APP_COLOURS)[number];

export function idleColour(active: AppColour): AppColour {
    return active === "blue" ? "green" : "blue";
}

/**
 * A container image in the stack's registry, by tag, by digest, or by a tag pinned to a digest
 * (`1.4.2@sha256:…`). The tag grammar is the OCI distribution spec's.
 */
export interface ImageRef {
    readonly tag?: string;
    readonly digest?: string;
}

/** The reference's suffix to `<registry>/<repository>`: `:tag`, `@digest` or `:tag@digest`. */
export function imageSuffix(ref: ImageRef): string {
    return `${ref.tag === undefined ? "" : `:${ref.tag}`}${ref.digest === undefined ? "" : `@${ref.digest}`}`;
}

/** What the reference says in one word for notes and alerts. */
export function imageLabel(ref: ImageRef): string {
    return ref.tag ?? (ref.digest ?? "").slice(0, "sha256:".length + 12);
}

export const OCI_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
export const SHA256_DIGEST = /^sha256:[a-f0-9]{64}$/;

/** Parses `tag`, `tag@sha256:<hex>` or `sha256:<hex>`; a string saying what is wrong otherwise. */
export function parseImageRef(raw: string): ImageRef | string {
    const at = raw.indexOf("@");
    const [tag, digest] = at >= 0 ? [raw.slice(0, at), raw.slice(at + 1)] : SHA256_DIGEST.test(raw) ? [undefined, raw] : [raw, undefined];
    if (digest !== undefined && !SHA256_DIGEST.test(digest)) return `${JSON.stringify(raw)} has a malformed digest (expected sha256: and 64 lowercase hex digits)`;
    if (tag !== undefined) {
        if (!OCI_TAG.test(tag)) return `${JSON.stringify(raw)} is not an image tag (letters, digits, '_', '.', '-', at most 128, not starting with '.' or '-')`;
        // A moving name is not a release: rolling back to "latest" would roll back to nothing.
        if (tag === "latest") return `"latest" names no release; use the release's version tag or digest`;
    }
    return { tag, digest };
}

/** The images of one service: the repository in the stack's registry and each colour's reference. */
export interface ServiceImages {
    /** Repository (registry path) inside the stack's registry. */
    readonly repository: string;
    readonly colours: Readonly<Record<AppColour, ImageRef>>;
}

export type AppImages = Readonly<Record<AppService, ServiceImages>>;

/** Replica bounds of one service's HorizontalPodAutoscaler, the same for both colours. */
export interface ReplicaBounds {
    readonly min: number;
    readonly max: number;
}

/** What the probes ask: readiness takes a pod out of its Service; liveness restarts it. */
export interface ProbePaths {
    readonly readiness: string;
    readonly liveness: string;
}

/** The app's public host names; the Edge and Identity reuse them. */
export interface AppHosts {
    /** The web app (the frontend). */
    readonly app: string;
    /** The backend's API. */
    readonly api: string;
    /** Static assets (the frontend's bundle), the CDN's origin path. */
    readonly static: string;
}

/** Host names derived from the stack's domain unless a stack names them. */
export function defaultHosts(domain: string): AppHosts {
    return { app: domain, api: `api.${domain}`, static: `static.${domain}` };
}

/**
 * The fixed shape of each service's pods. Requests are what the scheduler reserves and the
 * autoscaler's percentages refer to; memory has a limit (a leak kills the pod, not the node),
 * CPU has none (a limit throttles a Node.js event loop long before the node is busy).
 */
export interface ServiceShape {
    /** The unprivileged port the container listens on (non-root processes cannot bind below 1024). */
    readonly containerPort: number;
    readonly cpuRequest: string;
    readonly memoryRequest: string;
    readonly memoryLimit: string;
    /** Seconds Kubernetes waits after SIGTERM before killing the pod. */
    readonly terminationGraceSeconds: number;
    /** A startup probe holds liveness off while the process warms up (connection pools, caches). */
    readonly startupProbe: boolean;
    /** Whether the service talks to the database and cache (only the API does). */
    readonly usesDataTier: boolean;
}

export const SERVICE_SHAPES: Readonly<Record<AppService, ServiceShape>> = {
    backend: { containerPort: 8080, cpuRequest: "250m", memoryRequest: "512Mi", memoryLimit: "1Gi", terminationGraceSeconds: 45, startupProbe: true, usesDataTier: true },
    frontend: { containerPort: 8080, cpuRequest: "100m", memoryRequest: "128Mi", memoryLimit: "256Mi", terminationGraceSeconds: 30, startupProbe: false, usesDataTier: false },
};

/**
 * Seconds a terminating pod keeps serving before SIGTERM: endpoint removal reaches the ingress
 * controller and kube-proxy asynchronously, so without the pause in-flight and just-routed
 * requests fail during every rollout and scale-in. The `sleep` action needs no shell in the image.
 */
export const PRE_STOP_SLEEP = sourced(
    10,
    "https://www.kubernetes.dev/resources/keps/3960/",
    "2026-12-03",
    "KEP-3960 Sleep action for lifecycle hooks: alpha 1.29, beta (on by default) 1.30, stable 1.34; the clusters run 1.34 or newer",
);

/** The autoscalers' targets: average utilisation of the requests, for CPU and memory. */
export const AUTOSCALING_TARGETS = { cpuPercent: 70, memoryPercent: 80 } as const;
/** Scale-in waits this long for a steady load, so a brief dip does not remove capacity. */
export const SCALE_DOWN_STABILISATION_SECONDS = 300;

/** The unprivileged user and group every app container runs as. */
export const APP_USER_ID = 10001;

/** The app's namespace, also the prefix of its Kubernetes names. */
export const APP_NAMESPACE = "gravitypm";
/** The release record the deployment notice watches. */
export const RELEASE_RECORD = "gravitypm-release";

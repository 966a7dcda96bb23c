/**
 * The app's Kubernetes objects as plain manifests, one function each, so the component stays a
 * thin sequence of `new` calls and each object's rules (what a colour flip may touch, what the
 * restricted Pod Security Standard demands) are readable in one place.
 *
 * Invariant: a Deployment's manifest depends only on its own service, colour, image and the
 * shared shape; never on which colour is active. A promotion therefore changes no Deployment.
 */
import type * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import {
    APP_USER_ID,
    AUTOSCALING_TARGETS,
    PRE_STOP_SLEEP,
    SCALE_DOWN_STABILISATION_SECONDS,
    SERVICE_SHAPES,
    type AppColour,
    type AppService,
    type ProbePaths,
    type ReplicaBounds,
} from "../../domain/capabilities/app";


export const PART_OF = "gravitypm";
/** The label that tells the colours apart; the stable and preview Services select on it. */
export const COLOUR_LABEL = "gravitypm.io/colour";
export const NAME_LABEL = "app.kubernetes.io/name";
/** The container port's name: Services, probes and policies refer to it, never to the number. */
export const HTTP_PORT = "http";
/** The Secret with the data tier's connection strings, and the ConfigMap with the non-secret settings. */
export const DATA_SECRET = "gravitypm-data";
export const SETTINGS_CONFIG_MAP = "gravitypm-settings";
/** Keys of the data Secret: the environment variables the backend reads. */
export const DATABASE_URL_KEY = "MONGODB_URI";
export const CACHE_URL_KEY = "REDIS_URL";
/** The Secret with each service's error-tracking DSN (keyed by service), and the variable the SDKs read. */
export const ERROR_TRACKING_SECRET = "gravitypm-error-tracking";
export const ERROR_TRACKING_DSN_ENV = "SENTRY_DSN";
/** The Secret with the API's OAuth client credential. */
export const IDENTITY_SECRET = "gravitypm-identity";
/** Environment variables of the sign-in settings (the settings ConfigMap) and of the API client (the identity Secret). */
export const IDENTITY_KEYS = {
    issuer: "OIDC_ISSUER_URL",
    jwks: "OIDC_JWKS_URL",
    webClientId: "OIDC_WEB_CLIENT_ID",
    signIn: "OIDC_SIGN_IN_URL",
    signOut: "OIDC_SIGN_OUT_URL",
    apiClientId: "OIDC_API_CLIENT_ID",
    apiClientSecret: "OIDC_API_CLIENT_SECRET",
} as const;

export function serviceLabels(service: AppService): Record<string, string> {
    return { [NAME_LABEL]: service, "app.kubernetes.io/part-of": PART_OF, "app.kubernetes.io/managed-by": "pulumi" };
}

export function colourSelector(service: AppService, colour: AppColour): Record<string, string> {
    return { [NAME_LABEL]: service, [COLOUR_LABEL]: colour };
}

/** `backend-blue`: the Deployment, autoscaler and disruption budget of one service's colour. */
export function colourName(service: AppService, colour: AppColour): string {
    return `${service}-${colour}`;
}

/** The stable Service keeps the service's own name; the preview Service adds `-preview`. */
export function serviceName(service: AppService, role: "stable" | "preview"): string {
    return role === "stable" ? service : `${service}-preview`;
}

/**
 * The namespace under the `restricted` Pod Security Standard, pinned to the cluster's version so
 * an upgrade does not tighten it unannounced; audit and warn follow the newest standard.
 */
export function namespaceManifest(name: string, kubernetesVersion: string): k8s.types.input.core.v1.Namespace {
    const version = `v${kubernetesVersion}`;
    return {
        metadata: {
            name,
            labels: {
                "pod-security.kubernetes.io/enforce": "restricted",
                "pod-security.kubernetes.io/enforce-version": version,
                "pod-security.kubernetes.io/audit": "restricted",
                "pod-security.kubernetes.io/warn": "restricted",
                "app.kubernetes.io/part-of": PART_OF,
            },
        },
    };
}

export interface PodIdentity {
    readonly serviceAccount: string;
    /** Labels a cloud's workload-identity webhook needs on the pod (AKS); empty elsewhere. */
    readonly podLabels: Readonly<Record<string, string>>;
    /** Only a pod with a cloud identity gets a service-account token. */
    readonly mountToken: boolean;
}

export interface DeploymentSpecArgs {
    readonly namespace: pulumi.Input<string>;
    readonly service: AppService;
    readonly colour: AppColour;
    readonly image: pulumi.Input<string>;
    readonly probes: ProbePaths;
    readonly identity: PodIdentity;
    /** Error tracking is on: the service reads its own DSN from the error-tracking Secret. */
    readonly errorTracking: boolean;
}

function httpProbe(path: string, periodSeconds: number, failureThreshold: number): k8s.types.input.core.v1.Probe {
    return { httpGet: { path, port: HTTP_PORT }, periodSeconds, failureThreshold, timeoutSeconds: 2 };
}

/**
 * One colour of one service. No `replicas`: its autoscaler owns the count, so neither a flip nor
 * an `up` resets it. Non-root, read-only root filesystem (with a writable /tmp), no privilege
 * escalation, every capability dropped, RuntimeDefault seccomp: the restricted standard.
 */
export function deploymentManifest(args: DeploymentSpecArgs): k8s.types.input.apps.v1.Deployment {
    const shape = SERVICE_SHAPES[args.service];
    const selector = colourSelector(args.service, args.colour);
    const podLabels = { ...serviceLabels(args.service), ...selector, ...args.identity.podLabels };
    const spread = (topologyKey: string): k8s.types.input.core.v1.TopologySpreadConstraint => ({
        maxSkew: 1,
        topologyKey,
        // Soft: a lost zone must not leave replacement pods unschedulable.
        whenUnsatisfiable: "ScheduleAnyway",
        labelSelector: { matchLabels: selector },
    });
    const container: k8s.types.input.core.v1.Container = {
        name: args.service,
        image: args.image,
        ports: [{ name: HTTP_PORT, containerPort: shape.containerPort, protocol: "TCP" }],
        env: [
            { name: "GRAVITYPM_SERVICE", value: args.service },
            { name: "GRAVITYPM_COLOUR", value: args.colour },
            { name: "PORT", value: String(shape.containerPort) },
            // Only when on, so switching error tracking on rolls the pods that must read it.
            ...(args.errorTracking ? [{ name: ERROR_TRACKING_DSN_ENV, valueFrom: { secretKeyRef: { name: ERROR_TRACKING_SECRET, key: args.service } } }] : []),
        ],
        envFrom: [{ configMapRef: { name: SETTINGS_CONFIG_MAP } }, ...(shape.usesDataTier ? [{ secretRef: { name: DATA_SECRET } }, { secretRef: { name: IDENTITY_SECRET } }] : [])],
        resources: { requests: { cpu: shape.cpuRequest, memory: shape.memoryRequest }, limits: { memory: shape.memoryLimit } },
        readinessProbe: httpProbe(args.probes.readiness, 5, 3),
        livenessProbe: httpProbe(args.probes.liveness, 10, 3),
        // Up to five minutes to warm up before liveness may restart the pod.
        ...(shape.startupProbe ? { startupProbe: httpProbe(args.probes.liveness, 5, 60) } : {}),
        lifecycle: { preStop: { sleep: { seconds: PRE_STOP_SLEEP.value } } },
        securityContext: {
            runAsNonRoot: true,
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: true,
            capabilities: { drop: ["ALL"] },
        },
        volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
    };
    return {
        metadata: { name: colourName(args.service, args.colour), namespace: args.namespace, labels: { ...serviceLabels(args.service), ...selector } },
        spec: {
            selector: { matchLabels: selector },
            // Surge only: capacity never drops during a rollout of this colour.
            strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: 0 } },
            revisionHistoryLimit: 5,
            template: {
                metadata: { labels: podLabels },
                spec: {
                    serviceAccountName: args.identity.serviceAccount,
                    automountServiceAccountToken: args.identity.mountToken,
                    terminationGracePeriodSeconds: shape.terminationGraceSeconds,
                    securityContext: {
                        runAsNonRoot: true,
                        runAsUser: APP_USER_ID,
                        runAsGroup: APP_USER_ID,
                        fsGroup: APP_USER_ID,
                        seccompProfile: { type: "RuntimeDefault" },
                    },
                    topologySpreadConstraints: [spread("topology.kubernetes.io/zone"), spread("kubernetes.io/hostname")],
                    containers: [container],
                    volumes: [{ name: "tmp", emptyDir: { sizeLimit: "256Mi" } }],
                },
            },
        },
    };
}

/** The colour's autoscaler: the same bounds for both colours, so the idle one is as big as the
 * active one when it takes the traffic. */
export function autoscalerManifest(namespace: pulumi.Input<string>, service: AppService, colour: AppColour, bounds: ReplicaBounds): k8s.types.input.autoscaling.v2.HorizontalPodAutoscaler {
    const utilisation = (name: string, averageUtilization: number): k8s.types.input.autoscaling.v2.MetricSpec => ({
        type: "Resource",
        resource: { name, target: { type: "Utilization", averageUtilization } },
    });
    return {
        metadata: { name: colourName(service, colour), namespace, labels: { ...serviceLabels(service), [COLOUR_LABEL]: colour } },
        spec: {
            scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: colourName(service, colour) },
            minReplicas: bounds.min,
            maxReplicas: bounds.max,
            metrics: [utilisation("cpu", AUTOSCALING_TARGETS.cpuPercent), utilisation("memory", AUTOSCALING_TARGETS.memoryPercent)],
            behavior: { scaleDown: { stabilizationWindowSeconds: SCALE_DOWN_STABILISATION_SECONDS } },
        },
    };
}

/** At most one pod of a colour down at a time for drains and node upgrades; a pod that never
 * became ready may always go, so a broken rollout cannot block a node drain. */
export function disruptionBudgetManifest(namespace: pulumi.Input<string>, service: AppService, colour: AppColour): k8s.types.input.policy.v1.PodDisruptionBudget {
    return {
        metadata: { name: colourName(service, colour), namespace, labels: { ...serviceLabels(service), [COLOUR_LABEL]: colour } },
        spec: { maxUnavailable: 1, selector: { matchLabels: colourSelector(service, colour) }, unhealthyPodEvictionPolicy: "AlwaysAllow" },
    };
}

/** The stable (active colour) or preview (idle colour) Service: the only objects a flip changes, besides the release record. */
export function serviceManifest(namespace: pulumi.Input<string>, service: AppService, role: "stable" | "preview", colour: AppColour): k8s.types.input.core.v1.Service {
    return {
        metadata: { name: serviceName(service, role), namespace, labels: serviceLabels(service) },
        spec: {
            type: "ClusterIP",
            selector: colourSelector(service, colour),
            ports: [{ name: HTTP_PORT, port: 80, targetPort: HTTP_PORT, protocol: "TCP" }],
        },
    };
}

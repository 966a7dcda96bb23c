/**
 * GravityApp on any cluster: namespace, identities, settings and secrets, both colours of both
 * services with their autoscalers and disruption budgets, the stable and preview Services, the
 * Ingress, the NetworkPolicies and the release record with its notice. Every object goes
 * through the cluster's own provider; the manifests come from app-manifests.ts.
 */
import { Deployment } from "@pulumi/kubernetes/apps/v1/deployment";
import { HorizontalPodAutoscaler } from "@pulumi/kubernetes/autoscaling/v2/horizontalPodAutoscaler";
import { ConfigMap } from "@pulumi/kubernetes/core/v1/configMap";
import { Namespace } from "@pulumi/kubernetes/core/v1/namespace";
import { Secret } from "@pulumi/kubernetes/core/v1/secret";
import { Service } from "@pulumi/kubernetes/core/v1/service";
import { ServiceAccount } from "@pulumi/kubernetes/core/v1/serviceAccount";
import { Ingress } from "@pulumi/kubernetes/networking/v1/ingress";
import { NetworkPolicy } from "@pulumi/kubernetes/networking/v1/networkPolicy";
import { PodDisruptionBudget } from "@pulumi/kubernetes/policy/v1/podDisruptionBudget";
import * as pulumi from "@pulumi/pulumi";
import { APP_COLOURS, APP_NAMESPACE, APP_SERVICES, RELEASE_RECORD, idleColour, imageLabel, imageSuffix, type AppService } from "../../domain/capabilities/app";
import { GRAVITY_APP_TYPE, type GravityApp as GravityAppContract, type GravityAppArgs } from "../contracts/app";
import {
    CACHE_URL_KEY,
    DATA_SECRET,
    ERROR_TRACKING_SECRET,
    IDENTITY_KEYS,
    IDENTITY_SECRET,
    DATABASE_URL_KEY,
    HTTP_PORT,
    PART_OF,
    SETTINGS_CONFIG_MAP,
    autoscalerManifest,
    deploymentManifest,
    disruptionBudgetManifest,
    namespaceManifest,
    serviceManifest,
    serviceName,
    type PodIdentity,
} from "./app-manifests";
import { appNetworkPolicies } from "./app-network-policies";

/** The release in one line: what the notice carries and the record holds. */
export function releaseSummary(args: Pick<GravityAppArgs, "stack" | "activeColour" | "images">): string {
    const images = APP_SERVICES.map((s) => `${s} ${APP_COLOURS.map((c) => `${c}=${imageLabel(args.images[s].colours[c])}`).join(" ")}`);
    return `GravityPM release on ${args.stack}: ${args.activeColour} is live (${images.join("; ")})`;
}

/** The record's data: one key per fact, so `kubectl get configmap gravitypm-release -o yaml` reads as the release. */
export function releaseRecord(args: Pick<GravityAppArgs, "stack" | "activeColour" | "images">): Record<string, string> {
    const record: Record<string, string> = { stack: args.stack, activeColour: args.activeColour, idleColour: idleColour(args.activeColour) };
    for (const service of APP_SERVICES) {
        for (const colour of APP_COLOURS) record[`${service}.${colour}`] = `${args.images[service].repository}${imageSuffix(args.images[service].colours[colour])}`;
    }
    return record;
}

export class GravityApp extends pulumi.ComponentResource implements GravityAppContract {
    public readonly namespace: pulumi.Output<string>;
    public readonly stableServices: Readonly<Record<AppService, pulumi.Output<string>>>;
    public readonly backendPrincipal: pulumi.Output<string>;

    constructor(name: string, args: GravityAppArgs, opts?: pulumi.ComponentResourceOptions) {
        super(GRAVITY_APP_TYPE, name, {}, opts);
        const { cluster } = args;
        const child = { parent: this, provider: cluster.provider };

        const namespace = new Namespace(`${name}-namespace`, namespaceManifest(APP_NAMESPACE, args.kubernetesVersion), child);
        const ns = namespace.metadata.name;
        const inNamespace = { ...child, dependsOn: [namespace] };

        // The backend alone has a cloud identity; the frontend's pods get no token at all.
        const backendAccount = `${PART_OF}-backend`;
        const backendIdentity = cluster.workloadIdentity(`${name}-backend-identity`, { namespace: APP_NAMESPACE, serviceAccount: backendAccount });
        const identities: Record<AppService, PodIdentity> = {
            backend: { serviceAccount: backendAccount, podLabels: backendIdentity.podLabels, mountToken: true },
            frontend: { serviceAccount: `${PART_OF}-frontend`, podLabels: {}, mountToken: false },
        };
        const accounts = APP_SERVICES.map(
            (service) =>
                new ServiceAccount(
                    `${name}-${service}-account`,
                    {
                        metadata: {
                            name: identities[service].serviceAccount,
                            namespace: ns,
                            annotations: service === "backend" ? backendIdentity.serviceAccountAnnotations : {},
                        },
                        automountServiceAccountToken: identities[service].mountToken,
                    },
                    inNamespace,
                ),
        );

        // Connection strings go in as secret outputs: the provider stores the Secret's data as
        // secrets in the state, and the cluster envelope-encrypts it with the stack key.
        const dataSecret = new Secret(
            `${name}-data-secret`,
            {
                metadata: { name: DATA_SECRET, namespace: ns },
                type: "Opaque",
                stringData: { [DATABASE_URL_KEY]: args.data.databaseConnectionString, [CACHE_URL_KEY]: args.data.cacheConnectionString },
            },
            inNamespace,
        );
        // The API client's credential: a secret output, so a Secret like the data tier's.
        const identitySecret = new Secret(
            `${name}-identity-secret`,
            {
                metadata: { name: IDENTITY_SECRET, namespace: ns },
                type: "Opaque",
                stringData: { [IDENTITY_KEYS.apiClientId]: args.identity.apiClientId, [IDENTITY_KEYS.apiClientSecret]: args.identity.apiClientSecret },
            },
            inNamespace,
        );
        const settings = new ConfigMap(
            `${name}-settings`,
            {
                metadata: { name: SETTINGS_CONFIG_MAP, namespace: ns },
                data: {
                    GRAVITYPM_ENVIRONMENT: args.environment,
                    GRAVITYPM_APP_URL: `https://${args.hosts.app}`,
                    GRAVITYPM_API_URL: `https://${args.hosts.api}`,
                    GRAVITYPM_STATIC_URL: `https://${args.hosts.static}`,
                    [IDENTITY_KEYS.issuer]: args.identity.issuerUrl,
                    [IDENTITY_KEYS.jwks]: args.identity.jwksUrl,
                    [IDENTITY_KEYS.webClientId]: args.identity.webClientId,
                    [IDENTITY_KEYS.signIn]: args.identity.signInUrl,
                    [IDENTITY_KEYS.signOut]: args.identity.signOutUrl,
                },
            },
            inNamespace,
        );

        const errorTracking = args.errorTracking
            ? [
                  new Secret(
                      `${name}-error-tracking-secret`,
                      { metadata: { name: ERROR_TRACKING_SECRET, namespace: ns }, type: "Opaque", stringData: { ...args.errorTracking.dsns } },
                      inNamespace,
                  ),
              ]
            : [];
        const podInputs = [...accounts, dataSecret, identitySecret, settings, ...errorTracking];
        for (const service of APP_SERVICES) {
            const images = args.images[service];
            for (const colour of APP_COLOURS) {
                const image = pulumi.interpolate`${cluster.registry.url}/${images.repository}${imageSuffix(images.colours[colour])}`;
                const deployment = new Deployment(
                    `${name}-${service}-${colour}`,
                    deploymentManifest({ namespace: ns, service, colour, image, probes: args.probes[service], identity: identities[service], errorTracking: args.errorTracking !== undefined }),
                    // The first rollout of a bad image should fail the `up` rather than hang it for ten minutes.
                    { ...child, dependsOn: [namespace, ...podInputs], customTimeouts: { create: "15m", update: "15m" } },
                );
                new HorizontalPodAutoscaler(`${name}-${service}-${colour}-autoscaler`, autoscalerManifest(ns, service, colour, args.replicas[service]), { ...child, dependsOn: [deployment] });
                new PodDisruptionBudget(`${name}-${service}-${colour}-disruption-budget`, disruptionBudgetManifest(ns, service, colour), inNamespace);
            }
        }

        const idle = idleColour(args.activeColour);
        const stable = {} as Record<AppService, pulumi.Output<string>>;
        for (const service of APP_SERVICES) {
            stable[service] = new Service(`${name}-${service}`, serviceManifest(ns, service, "stable", args.activeColour), inNamespace).metadata.name;
            new Service(`${name}-${service}-preview`, serviceManifest(ns, service, "preview", idle), inNamespace);
        }

        // Host routing only: TLS, WAF and rate limits are the Edge's, in front of the controller.
        const route = (host: string, service: AppService) => ({
            host,
            http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: serviceName(service, "stable"), port: { name: HTTP_PORT } } } }] },
        });
        new Ingress(
            `${name}-ingress`,
            {
                metadata: { name: PART_OF, namespace: ns, labels: { "app.kubernetes.io/part-of": PART_OF } },
                spec: {
                    ingressClassName: cluster.ingressController.className,
                    rules: [route(args.hosts.app, "frontend"), route(args.hosts.static, "frontend"), route(args.hosts.api, "backend")],
                },
            },
            inNamespace,
        );

        const policies = appNetworkPolicies({
            namespace: ns,
            ingressController: cluster.ingressController,
            dataTierCidrs: args.data.cidrs,
            credentialEndpoints: cluster.credentialEndpoints,
        });
        for (const [policyName, manifest] of Object.entries(policies)) new NetworkPolicy(`${name}-${policyName}-policy`, manifest, inNamespace);

        // The notice is updated first, so the alert it raises on the record's write names this release.
        const notice = args.announceReleases
            ? [cluster.releaseNotice(`${name}-release-notice`, { namespace: APP_NAMESPACE, configMapName: RELEASE_RECORD, summary: releaseSummary(args) })]
            : [];
        new ConfigMap(`${name}-release-record`, { metadata: { name: RELEASE_RECORD, namespace: ns }, data: releaseRecord(args) }, { ...child, dependsOn: [namespace, ...notice] });

        this.namespace = ns;
        this.stableServices = stable;
        this.backendPrincipal = backendIdentity.principal;
        this.registerOutputs({ namespace: this.namespace, backendPrincipal: this.backendPrincipal });
    }
}

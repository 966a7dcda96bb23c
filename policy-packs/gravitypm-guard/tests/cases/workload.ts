import type { RepositoryArgs as EcrRepositoryArgs } from "@pulumi/aws/ecr/repository";
import type { RegistryArgs as AcrRegistryArgs } from "@pulumi/azure-native/containerregistry/registry";
import type { RepositoryArgs as ArtifactRepositoryArgs } from "@pulumi/gcp/artifactregistry/repository";
import type { DaemonSetArgs } from "@pulumi/kubernetes/apps/v1/daemonSet";
import type { DeploymentArgs } from "@pulumi/kubernetes/apps/v1/deployment";
import type { ReplicaSetArgs } from "@pulumi/kubernetes/apps/v1/replicaSet";
import type { StatefulSetArgs } from "@pulumi/kubernetes/apps/v1/statefulSet";
import type { CronJobArgs } from "@pulumi/kubernetes/batch/v1/cronJob";
import type { JobArgs } from "@pulumi/kubernetes/batch/v1/job";
import type { NamespaceArgs } from "@pulumi/kubernetes/core/v1/namespace";
import type { PodArgs } from "@pulumi/kubernetes/core/v1/pod";
import type { NetworkPolicyArgs } from "@pulumi/kubernetes/networking/v1/networkPolicy";
import type * as k8s from "@pulumi/kubernetes/types/input";
import { workloadNoHostPath } from "../../rules/workload/workload-no-host-path";
import { workloadNonRoot } from "../../rules/workload/workload-non-root";
import { workloadNotPrivileged } from "../../rules/workload/workload-not-privileged";
import { workloadResources } from "../../rules/workload/workload-resources";
import type { FixtureResource } from "../support";
import { inputsOf, type Fixture, type RuleCase } from "./types";

type Container = Fixture<k8s.core.v1.Container>;
type PodSpec = Fixture<k8s.core.v1.PodSpec>;

export const DEPLOYMENT = "kubernetes:apps/v1:Deployment";
export const STATEFUL_SET = "kubernetes:apps/v1:StatefulSet";
export const DAEMON_SET = "kubernetes:apps/v1:DaemonSet";
export const REPLICA_SET = "kubernetes:apps/v1:ReplicaSet";
export const JOB = "kubernetes:batch/v1:Job";
export const CRON_JOB = "kubernetes:batch/v1:CronJob";
export const POD = "kubernetes:core/v1:Pod";
export const NAMESPACE = "kubernetes:core/v1:Namespace";
export const NETWORK_POLICY = "kubernetes:networking.k8s.io/v1:NetworkPolicy";

export const ECR_IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/gravitypm/api";
export const DIGEST = `sha256:${"0123456789abcdef".repeat(4)}`;

/** A container the restricted Pod Security Standard admits, with requests and a memory limit. */
export function container(overrides: Container = {}): Container {
    return {
        name: "api",
        image: `${ECR_IMAGE}:1.4.2`,
        securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } },
        resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { memory: "512Mi" } },
        ...overrides,
    };
}

/** A hardened pod spec: non-root and RuntimeDefault seccomp at pod level, a migration init container. */
export function podSpec(overrides: PodSpec = {}): PodSpec {
    return {
        securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: "RuntimeDefault" } },
        initContainers: [container({ name: "migrate" })],
        containers: [container()],
        volumes: [{ name: "tmp", emptyDir: {} }],
        ...overrides,
    };
}

const template = (spec: PodSpec) => ({ metadata: { labels: { app: "api" } }, spec });
const selector = { matchLabels: { app: "api" } };

export const deployment = (spec: PodSpec = podSpec(), namespace: string | undefined = "app") =>
    inputsOf<DeploymentArgs>({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "api", namespace }, spec: { replicas: 3, selector, template: template(spec) } });
export const statefulSet = (spec: PodSpec) => inputsOf<StatefulSetArgs>({ metadata: { namespace: "app" }, spec: { serviceName: "api", selector, template: template(spec) } });
export const daemonSet = (spec: PodSpec) => inputsOf<DaemonSetArgs>({ metadata: { namespace: "app" }, spec: { selector, template: template(spec) } });
export const replicaSet = (spec: PodSpec) => inputsOf<ReplicaSetArgs>({ metadata: { namespace: "app" }, spec: { selector, template: template(spec) } });
export const job = (spec: PodSpec) => inputsOf<JobArgs>({ metadata: { namespace: "app" }, spec: { template: template({ restartPolicy: "Never", ...spec }) } });
export const cronJob = (spec: PodSpec, namespace = "app") =>
    inputsOf<CronJobArgs>({ metadata: { namespace }, spec: { schedule: "0 3 * * *", jobTemplate: { spec: { template: template({ restartPolicy: "OnFailure", ...spec }) } } } });
export const pod = (spec: PodSpec, namespace?: string) => inputsOf<PodArgs>({ metadata: { name: "debug", namespace }, spec });

export const namespace = (name: string) => inputsOf<NamespaceArgs>({ metadata: { name, labels: { "pod-security.kubernetes.io/enforce": "restricted" } } });
export const networkPolicy = (namespace: string | undefined, spec: Fixture<k8s.networking.v1.NetworkPolicySpec> = { podSelector: {}, policyTypes: ["Ingress", "Egress"] }) =>
    inputsOf<NetworkPolicyArgs>({ metadata: { name: "default-deny", namespace }, spec });

export const ecrRepository = inputsOf<EcrRepositoryArgs>;
export const artifactRepository = inputsOf<ArtifactRepositoryArgs>;
export const acrRegistry = inputsOf<AcrRegistryArgs>;

/** The app's cluster on AWS: a Kubernetes provider, the restricted app namespace with its default deny, and an ECR repository with immutable tags. */
export function awsApp(workloads: readonly FixtureResource[], extra: readonly FixtureResource[] = []): FixtureResource[] {
    return [
        { type: "pulumi:providers:aws", name: "aws-primary", inputs: { region: "us-east-1" } },
        { type: "pulumi:providers:kubernetes", name: "k8s", inputs: {} },
        { type: "aws:ecr/repository:Repository", name: "repo-api", provider: "aws-primary", inputs: ecrRepository({ name: "gravitypm/api", imageTagMutability: "IMMUTABLE" }) },
        { type: NAMESPACE, name: "app-ns", provider: "k8s", inputs: namespace("app") },
        { type: NETWORK_POLICY, name: "default-deny", provider: "k8s", dependsOn: ["app-ns"], inputs: networkPolicy("app") },
        ...workloads.map((w) => ({ provider: "k8s", ...w })),
        ...extra,
    ];
}

const unprivileged = { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } };

export const workloadCases: readonly RuleCase[] = [
    {
        rule: workloadNonRoot,
        compliant: deployment(),
        violating: deployment(podSpec({ securityContext: { seccompProfile: { type: "RuntimeDefault" } } })),
        extra: [
            { name: "non-root set on each container of a StatefulSet", type: STATEFUL_SET, props: statefulSet(podSpec({ securityContext: {}, initContainers: [], containers: [container({ securityContext: { ...unprivileged, runAsNonRoot: true } })] })), violates: false },
            { name: "a Job container overrides the pod's runAsNonRoot", type: JOB, props: job(podSpec({ containers: [container({ securityContext: { ...unprivileged, runAsNonRoot: false } })] })), violates: true },
            { name: "a CronJob init container runs as UID 0", type: CRON_JOB, props: cronJob(podSpec({ initContainers: [container({ name: "migrate", securityContext: { ...unprivileged, runAsUser: 0 } })] })), violates: true },
            { name: "a Pod sets runAsUser 0 at pod level", type: POD, props: pod(podSpec({ securityContext: { runAsNonRoot: true, runAsUser: 0 } })), violates: true },
        ],
    },
    {
        rule: workloadResources,
        compliant: deployment(),
        violating: deployment(podSpec({ containers: [container({ resources: { requests: { cpu: "250m", memory: "256Mi" } } })] })),
        extra: [
            { name: "a Job init container without requests", type: JOB, props: job(podSpec({ initContainers: [container({ name: "migrate", resources: { limits: { memory: "128Mi" } } })] })), violates: true },
            { name: "a DaemonSet sizes every container", type: DAEMON_SET, props: daemonSet(podSpec()), violates: false },
            { name: "a quantity unknown at preview is set", type: DAEMON_SET, props: daemonSet(podSpec({ containers: [container({ resources: { requests: { cpu: "[unknown]", memory: "256Mi" }, limits: { memory: "[unknown]" } } })] })), violates: false },
        ],
    },
    {
        rule: workloadNotPrivileged,
        compliant: deployment(),
        violating: deployment(podSpec({ hostNetwork: true, containers: [container({ securityContext: { ...unprivileged, privileged: true } })] })),
        extra: [
            { name: "allowPrivilegeEscalation unset", type: REPLICA_SET, props: replicaSet(podSpec({ containers: [container({ securityContext: { capabilities: { drop: ["ALL"] } } })] })), violates: true },
            { name: "an init container keeps the default capabilities", type: CRON_JOB, props: cronJob(podSpec({ initContainers: [container({ name: "migrate", securityContext: { allowPrivilegeEscalation: false } })] })), violates: true },
            { name: "a container adds SYS_ADMIN back", type: JOB, props: job(podSpec({ containers: [container({ securityContext: { ...unprivileged, capabilities: { drop: ["ALL"], add: ["SYS_ADMIN"] } } })] })), violates: true },
            { name: "a container adds NET_BIND_SERVICE back", type: JOB, props: job(podSpec({ containers: [container({ securityContext: { ...unprivileged, capabilities: { drop: ["ALL"], add: ["NET_BIND_SERVICE"] } } })] })), violates: false },
            { name: "a container opts out of the pod's seccomp profile", type: STATEFUL_SET, props: statefulSet(podSpec({ containers: [container({ securityContext: { ...unprivileged, seccompProfile: { type: "Unconfined" } } })] })), violates: true },
            {
                name: "a Localhost seccomp profile on each container, none on the pod",
                type: POD,
                props: pod(podSpec({ securityContext: { runAsNonRoot: true }, initContainers: [], containers: [container({ securityContext: { ...unprivileged, seccompProfile: { type: "Localhost", localhostProfile: "profiles/api.json" } } })] })),
                violates: false,
            },
            { name: "a Pod shares the node's PID namespace", type: POD, props: pod(podSpec({ hostPID: true })), violates: true },
        ],
    },
    {
        rule: workloadNoHostPath,
        compliant: deployment(),
        violating: deployment(podSpec({ volumes: [{ name: "docker", hostPath: { path: "/var/run/docker.sock" } }] })),
        extra: [
            { name: "a CronJob mounts a node directory", type: CRON_JOB, props: cronJob(podSpec({ volumes: [{ name: "logs", hostPath: { path: "/var/log" } }] })), violates: true },
            { name: "a DaemonSet with a projected token and a PVC", type: DAEMON_SET, props: daemonSet(podSpec({ volumes: [{ name: "data", persistentVolumeClaim: { claimName: "data" } }, { name: "token", projected: { sources: [{ serviceAccountToken: { path: "token" } }] } }] })), violates: false },
        ],
    },
];

/** Every container image comes from a registry the stack declares and is pinned [CK_K8S_43, CK_K8S_14, TV KSV-0013, TV KSV-0034]. */
import { stackRule, type Finding } from "../../lib/rule";
import type { StackResource, StackView } from "../../lib/stack";
import { bool, get, known, records, sameText, str } from "../../lib/values";
import { containersOf, podSpecOf, WORKLOAD_TYPES, workloadLabel } from "../../lib/workloads";
import { ACR_REGISTRY } from "../registry/acr-admin-user-disabled";
import { ARTIFACT_REPOSITORY } from "../registry/artifact-registry-cmek";
import { ECR_REPOSITORY } from "../registry/ecr-repository-kms";

export interface ImageReference {
    /** Registry host and repository path: everything before the tag and digest. */
    readonly repository: string;
    readonly tag?: string;
    readonly digest?: string;
}

/** `host[:port]/path[:tag][@digest]`; a colon before the last slash belongs to the host's port. */
export function parseImage(image: string): ImageReference {
    const at = image.indexOf("@");
    const named = at < 0 ? image : image.slice(0, at);
    const colon = named.lastIndexOf(":");
    const tagged = colon > named.lastIndexOf("/");
    return { repository: tagged ? named.slice(0, colon) : named, tag: tagged ? named.slice(colon + 1) : undefined, digest: at < 0 ? undefined : image.slice(at + 1) };
}

const DIGEST = /^sha256:[0-9a-f]{64}$/;

/** What the plan says about one declared registry. */
interface Registry {
    readonly label: string;
    /** Hosts of the registry's kind, so an image there is not judged while this registry's address is unknown. */
    readonly host: RegExp;
    /** Whether an image repository lives in this registry; undefined while its address is unknown at preview. */
    readonly matches?: (repository: string) => boolean;
    /** Whether a tag can never be pushed over; undefined while the setting is unknown at preview. */
    readonly tagImmutable: (tag: string) => boolean | undefined;
}

const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const wildcard = (filter: string) => new RegExp(`^${filter.split("*").map(escaped).join(".*")}$`);

function ecrRegistry(r: StackResource): Registry {
    const url = known(() => str(r.props.repositoryUrl));
    const name = known(() => str(r.props.name));
    // aws 7.x resources may name their own region; otherwise the provider's, else any region.
    const region = known(() => str(r.props.region) ?? str(r.provider?.props.region));
    let matches: Registry["matches"];
    if (url.known && url.value) {
        const repositoryUrl = url.value;
        matches = (repository) => repository === repositoryUrl;
    } else if (name.known && name.value && region.known) {
        const pattern = new RegExp(`^\\d{12}\\.dkr\\.ecr\\.${region.value ? escaped(region.value) : "[a-z0-9-]+"}\\.amazonaws\\.com(\\.cn)?/${escaped(name.value)}$`);
        matches = (repository) => pattern.test(repository);
    }
    const mutability = known(() => ({ setting: str(r.props.imageTagMutability)?.toUpperCase(), exclusions: records(r.props.imageTagMutabilityExclusionFilters).map((f) => str(f.filter) ?? "") }));
    return {
        label: `ECR repository ${name.known && name.value ? name.value : r.name}`,
        host: /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//,
        matches,
        tagImmutable: (tag) => {
            if (!mutability.known) return undefined;
            const { setting, exclusions } = mutability.value;
            if (setting === "IMMUTABLE") return true;
            // A tag that matches an exclusion filter stays mutable.
            if (setting === "IMMUTABLE_WITH_EXCLUSION") return !exclusions.some((f) => wildcard(f).test(tag));
            return false;
        },
    };
}

function artifactRegistry(r: StackResource): Registry | undefined {
    const format = known(() => str(r.props.format));
    if (format.known && !sameText(format.value, "DOCKER")) return undefined;
    const id = known(() => str(r.props.repositoryId));
    const prefix = known(() => {
        const location = str(r.props.location) ?? str(r.provider?.props.region);
        const project = str(r.props.project) ?? str(r.provider?.props.project);
        const repositoryId = str(r.props.repositoryId);
        return location && project && repositoryId ? `${location}-docker.pkg.dev/${project}/${repositoryId}/` : undefined;
    });
    // Remote and virtual repositories proxy other registries and have no tag setting of their own.
    const immutable = known(() => (r.props.mode === undefined || sameText(r.props.mode, "STANDARD_REPOSITORY")) && bool(get(r.props, "dockerConfig.immutableTags")) === true);
    const address = prefix.known ? prefix.value : undefined;
    return {
        label: `Artifact Registry repository ${id.known && id.value ? id.value : r.name}`,
        host: /^[a-z0-9-]+-docker\.pkg\.dev\//,
        matches: address ? (repository) => repository.startsWith(address) && repository.length > address.length : undefined,
        tagImmutable: () => (immutable.known ? immutable.value : undefined),
    };
}

function acrRegistry(r: StackResource): Registry {
    const server = known(() => {
        const name = str(r.props.registryName);
        return str(r.props.loginServer) ?? (name ? `${name.toLowerCase()}.azurecr.io` : undefined);
    });
    const loginServer = server.known ? server.value?.toLowerCase() : undefined;
    return {
        label: `Azure Container Registry ${loginServer ?? r.name}`,
        host: /^[a-z0-9]+\.azurecr\.io\//i,
        // Registry hosts are DNS names, so case does not tell two apart.
        matches: loginServer ? (repository) => repository.toLowerCase().startsWith(`${loginServer}/`) : undefined,
        tagImmutable: () => false,
    };
}

/** Why an image fails, or undefined when it passes or cannot be judged yet. */
export function imageProblem(image: string | undefined, registries: readonly Registry[]): string | undefined {
    if (!image) return "sets no image";
    const ref = parseImage(image);
    const from = registries.filter((r) => r.matches?.(ref.repository) === true);
    if (from.length === 0) {
        if (registries.some((r) => r.matches === undefined && r.host.test(image))) return undefined;
        return `image ${image} is not from a registry this stack declares (an ECR repository, an Artifact Registry Docker repository or an Azure Container Registry)`;
    }
    // Even beside a digest: a :latest tag says the deployer meant the image to move.
    if (ref.tag === "latest") return `image ${image} uses the :latest tag`;
    if (ref.digest !== undefined) return DIGEST.test(ref.digest) ? undefined : `image ${image} has a digest that is not sha256: and 64 hex digits`;
    if (ref.tag === undefined) return `image ${image} has no tag and no digest, so it runs whatever :latest is at pull time`;
    const immutable = from.map((r) => r.tagImmutable(ref.tag ?? ""));
    if (immutable.includes(true) || immutable.includes(undefined)) return undefined;
    return `image ${image} is pinned only by tag ${ref.tag}, and tags in ${from[0].label} are not immutable`;
}

export function imageProvenanceFindings(stack: StackView): Finding[] {
    const registries = [...stack.ofType(ECR_REPOSITORY).map(ecrRegistry), ...stack.ofType(ARTIFACT_REPOSITORY).flatMap((r) => artifactRegistry(r) ?? []), ...stack.ofType(ACR_REGISTRY).map(acrRegistry)];
    return stack.ofType(...WORKLOAD_TYPES).flatMap((w) => {
        const containers = known(() => {
            const pod = podSpecOf(w.type, w.props);
            return pod ? containersOf(pod) : [];
        });
        if (!containers.known) return [];
        return containers.value.flatMap(({ label, spec }) => {
            // An image unknown at preview (built from a registry output) is judged once it is known.
            const image = known(() => str(spec.image));
            const problem = image.known ? imageProblem(image.value, registries) : undefined;
            return problem ? [{ urn: w.urn, message: `${workloadLabel(w.type, w.name)} ${label}: ${problem}` }] : [];
        });
    });
}

export const workloadImageProvenance = stackRule({
    name: "workload-image-provenance",
    description:
        "Every container image of a workload declared in the plan comes from a registry the plan declares (ECR repository, Artifact Registry Docker repository, Azure Container Registry) and is pinned: by sha256 digest, or by a tag in a repository whose tags are immutable; :latest and untagged images never pass.",
    explanation:
        "The stack's own registries are the ones it encrypts, scans and keeps private; an image from anywhere else has had none of that, and a public registry can change or remove it under a running deployment. A tag that a push can move means the cluster may run an image nobody reviewed, and a rollback may not restore what ran before. ECR (IMMUTABLE, or a tag outside IMMUTABLE_WITH_EXCLUSION's filters) and Artifact Registry (dockerConfig.immutableTags on a standard repository) can freeze tags; ACR cannot, so its images need a digest. An image or registry address that is unknown at preview (built from a registry's output) is judged when it is known; workloads inside a Helm v3 release are not in the plan and are not judged.",
    remediation:
        "Build the image reference from the stack's registry (repository.repositoryUrl, the Artifact Registry <location>-docker.pkg.dev/<project>/<repositoryId> path, registry.loginServer) and pin it with @sha256:<digest> from the build, or with a release tag in a repository with immutable tags; mirror third-party images into the stack's registry first.",
    enforcementLevel: "mandatory",
    area: "workload",
    anchors: ["CK_K8S_43", "CK_K8S_14", "TV KSV-0013", "TV KSV-0034"],
    types: [...WORKLOAD_TYPES, ECR_REPOSITORY, ARTIFACT_REPOSITORY, ACR_REGISTRY],
    defaults: {},
    check: (stack) => imageProvenanceFindings(stack),
});

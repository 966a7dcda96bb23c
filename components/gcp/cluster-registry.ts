/**
 * The Artifact Registry Docker repository the cluster pulls from: CMEK with the stack key,
 * immutable tags, vulnerability scanning, cleanup policies, no public access (Artifact
 * Registry grants none unless an IAM binding adds allUsers; none is made here).
 */
import { Repository } from "@pulumi/gcp/artifactregistry/repository";
import * as pulumi from "@pulumi/pulumi";
import { GCP_ARTIFACT_REGISTRY } from "../../domain/catalogs/gcp";
import type { ClusterArgs, Registry } from "../contracts/cluster";
import { fitName } from "../shared/naming";
import type { GcpTypes } from ".";

/** Repository ids: lowercase letters, digits and hyphens, up to 63. */
export function registryRepositoryId(namePrefix: string): string {
    return fitName(namePrefix, { max: 63, tail: "-images", invalid: { chars: /[^a-z0-9-]+/, replace: "hyphen" }, collapseHyphens: true, shrink: "end" });
}

/**
 * One Docker repository in the site's region; each name in `repositories` is an image
 * (package) inside it, so `url` + `/<name>` is an image path. A standby (with
 * `primaryRegistry`) keeps its own repository in the DR region under the DR key, so it still
 * pulls when the primary region is lost: the delivery pipeline pushes every image to both.
 */
export function gcpRegistry(name: string, args: ClusterArgs<GcpTypes>, parent: pulumi.Resource): { registry: Registry; repository: Repository } {
    const { site, keys } = args;
    const repositoryId = registryRepositoryId(site.namePrefix);
    const repository = new Repository(
        `${name}-registry`,
        {
            project: site.project,
            location: site.region,
            repositoryId,
            format: GCP_ARTIFACT_REGISTRY.format.value,
            description: `${site.namePrefix} images: ${args.repositories.join(", ")}${args.primaryRegistry ? " (DR copy: the pipeline pushes here and to the primary)" : ""}`,
            kmsKeyName: keys.keyId,
            dockerConfig: { immutableTags: true },
            vulnerabilityScanningConfig: { enablementConfig: GCP_ARTIFACT_REGISTRY.scanning.value },
            cleanupPolicyDryRun: false,
            cleanupPolicies: [
                { id: "keep-recent", action: "KEEP", mostRecentVersions: { keepCount: GCP_ARTIFACT_REGISTRY.keepRecentVersions.value } },
                { id: "delete-untagged", action: "DELETE", condition: { tagState: "UNTAGGED", olderThan: GCP_ARTIFACT_REGISTRY.untaggedMaxAge.value } },
            ],
        },
        // Keys grant the Artifact Registry agent the key first.
        { parent, provider: site.provider, protect: args.protect, dependsOn: [site.services, keys] },
    );
    return {
        repository,
        registry: { url: pulumi.interpolate`${site.region}-docker.pkg.dev/${site.project}/${repository.repositoryId}`, id: repository.id },
    };
}

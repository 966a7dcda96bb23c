/**
 * The cluster's ECR repositories: one per image, in the cluster's own region, so a standby in
 * the DR region pulls from its own region when the primary's is lost. The delivery pipeline
 * pushes every image to both regions' repositories (ECR's cross-region replication is an
 * account-wide registry setting, which this stack does not manage).
 */
import { LifecyclePolicy } from "@pulumi/aws/ecr/lifecyclePolicy";
import { Repository } from "@pulumi/aws/ecr/repository";
import * as pulumi from "@pulumi/pulumi";
import type { Registry } from "../contracts/cluster";

/** Untagged layers left by immutable-tag pushes go after a week; the newest 200 tagged images stay (rollbacks). */
export const UNTAGGED_EXPIRY_DAYS = 7;
export const TAGGED_IMAGES_KEPT = 200;

export function repositoryLifecyclePolicy(): string {
    return JSON.stringify({
        rules: [
            {
                rulePriority: 1,
                description: `Expire untagged images after ${UNTAGGED_EXPIRY_DAYS} days`,
                selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: UNTAGGED_EXPIRY_DAYS },
                action: { type: "expire" },
            },
            {
                rulePriority: 2,
                description: `Keep the newest ${TAGGED_IMAGES_KEPT} images`,
                selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: TAGGED_IMAGES_KEPT },
                action: { type: "expire" },
            },
        ],
    });
}

export interface RegistryArgs {
    /** Repository names are `<prefix>/<image>`. */
    readonly prefix: string;
    readonly repositories: readonly string[];
    readonly keyArn: pulumi.Input<string>;
    readonly accountId: pulumi.Output<string>;
    readonly region: string;
    readonly protect: boolean;
}

/** Private repositories (ECR has no public access on private repositories), KMS-encrypted with the stack key,
 * scanned on push, with immutable tags and a lifecycle policy. */
export function ecrRegistry(name: string, args: RegistryArgs, opts: pulumi.CustomResourceOptions): Registry {
    for (const image of args.repositories) {
        const repository = new Repository(
            `${name}-repo-${image}`,
            {
                name: `${args.prefix}/${image}`,
                imageTagMutability: "IMMUTABLE",
                imageScanningConfiguration: { scanOnPush: true },
                encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: args.keyArn }],
                forceDelete: false,
            },
            { ...opts, protect: args.protect },
        );
        new LifecyclePolicy(`${name}-repo-${image}-lifecycle`, { repository: repository.name, policy: repositoryLifecyclePolicy() }, opts);
    }
    return {
        url: pulumi.interpolate`${args.accountId}.dkr.ecr.${args.region}.amazonaws.com/${args.prefix}`,
        id: args.accountId,
    };
}

import type { RepositoryArgs as EcrRepositoryArgs } from "@pulumi/aws/ecr/repository";
import type { RepositoryPolicyArgs as EcrRepositoryPolicyArgs } from "@pulumi/aws/ecr/repositoryPolicy";
import type { RegistryArgs as ContainerregistryRegistryArgs } from "@pulumi/azure-native/containerregistry/registry";
import type { RepositoryArgs as ArtifactregistryRepositoryArgs } from "@pulumi/gcp/artifactregistry/repository";
import type { RepositoryIamBindingArgs as ArtifactregistryRepositoryIamBindingArgs } from "@pulumi/gcp/artifactregistry/repositoryIamBinding";
import type { RepositoryIamMemberArgs as ArtifactregistryRepositoryIamMemberArgs } from "@pulumi/gcp/artifactregistry/repositoryIamMember";
import type { RepositoryIamPolicyArgs as ArtifactregistryRepositoryIamPolicyArgs } from "@pulumi/gcp/artifactregistry/repositoryIamPolicy";
import { acrAdminUserDisabled } from "../../rules/registry/acr-admin-user-disabled";
import { acrCmk } from "../../rules/registry/acr-cmk";
import { acrPremiumSku } from "../../rules/registry/acr-premium-sku";
import { acrPrivate } from "../../rules/registry/acr-private";
import { ARTIFACT_REPOSITORY_IAM_BINDING, ARTIFACT_REPOSITORY_IAM_POLICY, artifactRegistryCmek } from "../../rules/registry/artifact-registry-cmek";
import { artifactRegistryImmutableTags } from "../../rules/registry/artifact-registry-immutable-tags";
import { artifactRegistryNotPublic } from "../../rules/registry/artifact-registry-not-public";
import { artifactRegistryVulnerabilityScanning } from "../../rules/registry/artifact-registry-vulnerability-scanning";
import { ecrRepositoryImmutableTags } from "../../rules/registry/ecr-repository-immutable-tags";
import { ecrRepositoryKms } from "../../rules/registry/ecr-repository-kms";
import { ecrRepositoryNotPublic } from "../../rules/registry/ecr-repository-not-public";
import { ecrRepositoryScanOnPush } from "../../rules/registry/ecr-repository-scan-on-push";
import { inputsOf, type RuleCase } from "./types";

const artifactregistryRepository = inputsOf<ArtifactregistryRepositoryArgs>;
const artifactregistryRepositoryIamBinding = inputsOf<ArtifactregistryRepositoryIamBindingArgs>;
const artifactregistryRepositoryIamMember = inputsOf<ArtifactregistryRepositoryIamMemberArgs>;
const artifactregistryRepositoryIamPolicy = inputsOf<ArtifactregistryRepositoryIamPolicyArgs>;
const containerregistryRegistry = inputsOf<ContainerregistryRegistryArgs>;
const ecrRepository = inputsOf<EcrRepositoryArgs>;
const ecrRepositoryPolicy = inputsOf<EcrRepositoryPolicyArgs>;

const KEY = "arn:aws:kms:us-east-1:123456789012:key/1111";
const CRYPTO_KEY = "projects/p/locations/us-central1/keyRings/r/cryptoKeys/k";
const VAULT_KEY = "https://kv.vault.azure.net/keys/acr";
const PULL = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"];

export const registryCases: readonly RuleCase[] = [
    {
        rule: ecrRepositoryKms,
        compliant: ecrRepository({ encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: KEY }] }),
        violating: ecrRepository({}),
        extra: [
            { name: "AES256", props: ecrRepository({ encryptionConfigurations: [{ encryptionType: "AES256" }] }), violates: true },
            { name: "KMS with the AWS-managed key", props: ecrRepository({ encryptionConfigurations: [{ encryptionType: "KMS" }] }), violates: true },
            { name: "dual-layer KMS with the stack key", props: ecrRepository({ encryptionConfigurations: [{ encryptionType: "KMS_DSSE", kmsKey: KEY }] }), violates: false },
        ],
    },
    {
        rule: ecrRepositoryScanOnPush,
        compliant: ecrRepository({ imageScanningConfiguration: { scanOnPush: true } }),
        violating: ecrRepository({ imageScanningConfiguration: { scanOnPush: false } }),
        extra: [{ name: "unset", props: ecrRepository({}), violates: true }],
    },
    {
        rule: ecrRepositoryImmutableTags,
        compliant: ecrRepository({ imageTagMutability: "IMMUTABLE" }),
        violating: ecrRepository({}),
        extra: [
            { name: "MUTABLE", props: ecrRepository({ imageTagMutability: "MUTABLE" }), violates: true },
            {
                name: "immutable except a moving tag",
                props: ecrRepository({ imageTagMutability: "IMMUTABLE_WITH_EXCLUSION", imageTagMutabilityExclusionFilters: [{ filter: "latest", filterType: "WILDCARD" }] }),
                violates: false,
            },
            {
                name: "immutable except every tag",
                props: ecrRepository({ imageTagMutability: "IMMUTABLE_WITH_EXCLUSION", imageTagMutabilityExclusionFilters: [{ filter: "*", filterType: "WILDCARD" }] }),
                violates: true,
            },
            { name: "MUTABLE_WITH_EXCLUSION", props: ecrRepository({ imageTagMutability: "MUTABLE_WITH_EXCLUSION" }), violates: true },
        ],
    },
    {
        rule: ecrRepositoryNotPublic,
        compliant: ecrRepositoryPolicy({
            repository: "app",
            policy: { Version: "2012-10-17", Statement: [{ Sid: "ClusterPull", Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:role/nodes" }, Action: PULL }] },
        }),
        violating: ecrRepositoryPolicy({
            repository: "app",
            policy: { Version: "2012-10-17", Statement: [{ Sid: "Public", Effect: "Allow", Principal: "*", Action: PULL }] },
        }),
        extra: [
            {
                name: "wildcard principal limited to the organisation",
                props: ecrRepositoryPolicy({
                    repository: "app",
                    policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "*" }, Action: PULL, Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc" } } }] },
                }),
                violates: false,
            },
            {
                name: "wildcard AWS principal as a JSON string",
                props: ecrRepositoryPolicy({ repository: "app", policy: JSON.stringify({ Version: "2012-10-17", Statement: { Effect: "Allow", Principal: { AWS: ["*"] }, Action: "ecr:*" } }) }),
                violates: true,
            },
            {
                name: "wildcard principal denied",
                props: ecrRepositoryPolicy({ repository: "app", policy: { Version: "2012-10-17", Statement: [{ Effect: "Deny", Principal: "*", Action: "ecr:DeleteRepository" }] } }),
                violates: false,
            },
        ],
    },
    {
        rule: artifactRegistryCmek,
        compliant: artifactregistryRepository({ format: "DOCKER", repositoryId: "app", kmsKeyName: CRYPTO_KEY }),
        violating: artifactregistryRepository({ format: "DOCKER", repositoryId: "app" }),
    },
    {
        rule: artifactRegistryImmutableTags,
        compliant: artifactregistryRepository({ format: "DOCKER", repositoryId: "app", dockerConfig: { immutableTags: true } }),
        violating: artifactregistryRepository({ format: "DOCKER", repositoryId: "app" }),
        extra: [
            { name: "immutableTags false", props: artifactregistryRepository({ format: "DOCKER", dockerConfig: { immutableTags: false } }), violates: true },
            { name: "an npm repository has no Docker tags", props: artifactregistryRepository({ format: "NPM", repositoryId: "pkgs" }), violates: false },
            { name: "a remote Docker Hub cache", props: artifactregistryRepository({ format: "DOCKER", mode: "REMOTE_REPOSITORY" }), violates: false },
        ],
    },
    {
        rule: artifactRegistryVulnerabilityScanning,
        compliant: artifactregistryRepository({ format: "DOCKER", repositoryId: "app", vulnerabilityScanningConfig: { enablementConfig: "INHERITED" } }),
        violating: artifactregistryRepository({ format: "DOCKER", repositoryId: "app", vulnerabilityScanningConfig: { enablementConfig: "DISABLED" } }),
        extra: [{ name: "unset inherits the project's scanning", props: artifactregistryRepository({ format: "DOCKER", repositoryId: "app" }), violates: false }],
    },
    {
        rule: artifactRegistryNotPublic,
        compliant: artifactregistryRepositoryIamMember({ repository: "app", role: "roles/artifactregistry.reader", member: "serviceAccount:nodes@p.iam.gserviceaccount.com" }),
        violating: artifactregistryRepositoryIamMember({ repository: "app", role: "roles/artifactregistry.reader", member: "allUsers" }),
        extra: [
            {
                name: "binding to allAuthenticatedUsers",
                type: ARTIFACT_REPOSITORY_IAM_BINDING,
                props: artifactregistryRepositoryIamBinding({ repository: "app", role: "roles/artifactregistry.reader", members: ["group:devs@example.com", "allAuthenticatedUsers"] }),
                violates: true,
            },
            {
                name: "binding to service accounts",
                type: ARTIFACT_REPOSITORY_IAM_BINDING,
                props: artifactregistryRepositoryIamBinding({ repository: "app", role: "roles/artifactregistry.reader", members: ["serviceAccount:nodes@p.iam.gserviceaccount.com"] }),
                violates: false,
            },
            {
                name: "policy with a public binding",
                type: ARTIFACT_REPOSITORY_IAM_POLICY,
                props: artifactregistryRepositoryIamPolicy({ repository: "app", policyData: JSON.stringify({ bindings: [{ role: "roles/artifactregistry.reader", members: ["allUsers"] }] }) }),
                violates: true,
            },
        ],
    },
    {
        rule: acrAdminUserDisabled,
        compliant: containerregistryRegistry({ sku: { name: "Premium" } }),
        violating: containerregistryRegistry({ sku: { name: "Premium" }, adminUserEnabled: true }),
    },
    {
        rule: acrPrivate,
        compliant: containerregistryRegistry({ sku: { name: "Premium" }, publicNetworkAccess: "Disabled" }),
        violating: containerregistryRegistry({ sku: { name: "Premium" } }),
        extra: [{ name: "explicitly Enabled", props: containerregistryRegistry({ publicNetworkAccess: "Enabled" }), violates: true }],
    },
    {
        rule: acrCmk,
        compliant: containerregistryRegistry({ sku: { name: "Premium" }, encryption: { status: "enabled", keyVaultProperties: { keyIdentifier: VAULT_KEY, identity: "00000000-0000-0000-0000-000000000000" } } }),
        violating: containerregistryRegistry({ sku: { name: "Premium" }, encryption: { status: "disabled" } }),
        extra: [
            { name: "unset", props: containerregistryRegistry({ sku: { name: "Premium" } }), violates: true },
            { name: "enabled without a key", props: containerregistryRegistry({ sku: { name: "Premium" }, encryption: { status: "enabled" } }), violates: true },
        ],
    },
    {
        rule: acrPremiumSku,
        compliant: containerregistryRegistry({ sku: { name: "Premium" } }),
        violating: containerregistryRegistry({ sku: { name: "Standard" } }),
    },
];

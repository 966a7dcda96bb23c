/**
 * The cluster's IAM: the control-plane and node roles with their AWS managed policies, and
 * the Pod Identity roles that give a Kubernetes service account an AWS identity.
 */
import { PodIdentityAssociation } from "@pulumi/aws/eks/podIdentityAssociation";
import { Role } from "@pulumi/aws/iam/role";
import { RolePolicy } from "@pulumi/aws/iam/rolePolicy";
import { RolePolicyAttachment } from "@pulumi/aws/iam/rolePolicyAttachment";
import * as pulumi from "@pulumi/pulumi";
import { EKS_MANAGED_POLICIES, EKS_POD_IDENTITY_TRUST } from "../../domain/catalogs/aws";
import type { WorkloadIdentity, WorkloadIdentityArgs } from "../contracts/cluster";

/** A role only the named AWS service may assume, for this account's resources (confused-deputy guard). */
export function serviceAssumeRolePolicy(service: string, accountId: string, actions: readonly string[] = ["sts:AssumeRole"]): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: [...actions], Condition: { StringEquals: { "aws:SourceAccount": accountId } } }],
    });
}

/** What EKS needs on the stack key to envelope-encrypt secrets, on that key only. */
export function clusterKeyPolicy(keyArn: string): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: ["kms:Encrypt", "kms:Decrypt", "kms:ListGrants", "kms:DescribeKey"], Resource: keyArn }],
    });
}

/** Managed policies of the node role: join the cluster, run the VPC CNI, pull from ECR, and
 * Session Manager for break-glass access (nodes have no SSH). */
export const NODE_POLICIES = {
    worker: EKS_MANAGED_POLICIES.workerNode,
    cni: EKS_MANAGED_POLICIES.cni,
    ecr: EKS_MANAGED_POLICIES.ecrPull,
    ssm: EKS_MANAGED_POLICIES.ssm,
} as const;

export interface ClusterRoles {
    readonly cluster: Role;
    readonly node: Role;
    /** Attachments the cluster and node groups need before they are created (and after they are deleted). */
    readonly clusterAttachments: RolePolicyAttachment[];
    readonly nodeAttachments: RolePolicyAttachment[];
}

export function clusterRoles(name: string, accountId: pulumi.Output<string>, keyArn: pulumi.Output<string>, opts: pulumi.CustomResourceOptions): ClusterRoles {
    const cluster = new Role(`${name}-cluster-role`, { assumeRolePolicy: accountId.apply((a) => serviceAssumeRolePolicy("eks.amazonaws.com", a)) }, opts);
    const clusterAttachments = [new RolePolicyAttachment(`${name}-cluster-policy`, { role: cluster.name, policyArn: EKS_MANAGED_POLICIES.cluster.value }, opts)];
    new RolePolicy(`${name}-cluster-key`, { role: cluster.id, policy: keyArn.apply(clusterKeyPolicy) }, opts);

    const node = new Role(`${name}-node-role`, { assumeRolePolicy: accountId.apply((a) => serviceAssumeRolePolicy("ec2.amazonaws.com", a)) }, opts);
    const nodeAttachments = Object.entries(NODE_POLICIES).map(
        ([key, policy]) => new RolePolicyAttachment(`${name}-node-${key}`, { role: node.name, policyArn: policy.value }, opts),
    );
    return { cluster, node, clusterAttachments, nodeAttachments };
}

/** The trust policy of a Pod Identity role: the EKS Auth service, for this account's clusters. */
export function podIdentityAssumeRolePolicy(accountId: string): string {
    return serviceAssumeRolePolicy(EKS_POD_IDENTITY_TRUST.value.principal, accountId, EKS_POD_IDENTITY_TRUST.value.actions);
}

/**
 * An IAM role for one Kubernetes service account through EKS Pod Identity: the association
 * hands the role to pods running as that account; the account needs no annotation.
 */
export function podIdentity(
    name: string,
    clusterName: pulumi.Input<string>,
    accountId: pulumi.Output<string>,
    args: WorkloadIdentityArgs,
    opts: pulumi.CustomResourceOptions,
): { role: Role; identity: WorkloadIdentity } {
    const role = new Role(
        `${name}-role`,
        { description: `Pod Identity of ${args.namespace}/${args.serviceAccount}`, assumeRolePolicy: accountId.apply(podIdentityAssumeRolePolicy) },
        opts,
    );
    new PodIdentityAssociation(`${name}-association`, { clusterName, namespace: args.namespace, serviceAccount: args.serviceAccount, roleArn: role.arn }, opts);
    return { role, identity: { principal: role.arn, serviceAccountAnnotations: pulumi.output<Record<string, string>>({}), podLabels: {} } };
}

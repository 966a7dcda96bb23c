/**
 * Network: one region's private network. App and data tiers are private; the public tier
 * holds only load balancers and NAT; egress goes through NAT; flow logs are on; nothing is
 * open by default (every ingress path is opened by the component that needs it).
 */
import type * as pulumi from "@pulumi/pulumi";
import type { NetworkLayout } from "../../domain/network-layout";
import type { Keys } from "./keys";
import type { Site } from "./site";

export const NETWORK_TYPE = "gravitypm:components:Network";

export interface NetworkArgs<S extends Site, K extends Keys> {
    readonly site: S;
    /** Encrypts the flow-log destination. */
    readonly keys: K;
    /** Days flow logs are kept. */
    readonly flowLogRetentionDays: number;
    /** Prod gets one NAT gateway per zone (a zone outage keeps egress); staging shares one. */
    readonly natPerZone: boolean;
    /** Protect the flow-log store from deletion. Prod: true. */
    readonly protect: boolean;
}

export interface Network {
    /** VPC id, VPC network id, or VNet id. */
    readonly networkId: pulumi.Output<string>;
    readonly cidr: string;
    readonly layout: NetworkLayout;
    /** Workload subnets (zonal on AWS, one regional subnet on GCP and Azure). */
    readonly appSubnetIds: pulumi.Output<string>[];
    /** Database, cache and private-endpoint subnets. */
    readonly dataSubnetIds: pulumi.Output<string>[];
    /** The ranges the data tier's private addresses come from: its subnets and, where the cloud
     * places managed stores in a range of its own (GCP private services access), that range. */
    readonly dataTierCidrs: readonly string[];
    /** Load balancers and NAT only. */
    readonly publicSubnetIds: pulumi.Output<string>[];
}

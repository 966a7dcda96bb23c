/**
 * Where a mocked resource lives: its region (AWS, GCP) or location (Azure), its GCP project
 * and its Azure subscription. A resource's own input wins; else the configuration of the
 * explicit provider it was registered with; else the mock's default.
 *
 * Providers are recorded by URN when they register (the engine reports each registration
 * with its URN, which the mock's `newResource` never sees); later resources name their
 * provider by reference, `<urn>::<id>`.
 */
import { str, type Inputs } from "./common";

export const MOCK_SUBSCRIPTION_ID = "00000000-0000-0000-0000-000000000000";

export const DEFAULT_AWS_REGION = "us-east-1";
export const DEFAULT_GCP_REGION = "us-central1";
export const DEFAULT_GCP_PROJECT = "mock-project";
export const DEFAULT_AZURE_LOCATION = "eastus";

const PROVIDER_TYPE_PREFIX = "pulumi:providers:";

/** The placement settings of one provider resource; each is absent when it was not set. */
export interface ProviderConfig {
    /** AWS and GCP. */
    readonly region?: string;
    /** GCP. */
    readonly project?: string;
    /** Azure. */
    readonly location?: string;
    /** Azure. */
    readonly subscriptionId?: string;
}

/** The provider settings that place resources, per provider package. */
const PLACEMENT_KEYS: Readonly<Record<string, readonly (keyof ProviderConfig)[]>> = {
    aws: ["region"],
    gcp: ["region", "project"],
    "azure-native": ["location", "subscriptionId"],
};

export function isProviderType(type: string): boolean {
    return type.startsWith(PROVIDER_TYPE_PREFIX);
}

/** A provider reference is `<urn>::<id>`; URNs themselves contain `::`. */
export function providerUrn(reference: string): string {
    return reference.split("::").slice(0, -1).join("::");
}

/** Provider configurations by provider URN, for one plan. */
export class ProviderConfigs {
    private readonly byUrn = new Map<string, ProviderConfig>();

    /** Records a registered provider resource's placement settings; other types are ignored. */
    record(urn: string, type: string, inputs: Inputs): void {
        if (!isProviderType(type)) return;
        const keys = PLACEMENT_KEYS[type.slice(PROVIDER_TYPE_PREFIX.length)];
        if (!keys) return;
        const config: Record<string, string> = {};
        for (const key of keys) {
            const value = inputs[key];
            if (typeof value === "string" && value.length > 0) config[key] = value;
        }
        this.byUrn.set(urn, config);
    }

    /** The configuration of the provider a reference (`<urn>::<id>`) names; empty when unknown or absent. */
    lookup(reference: string | undefined): ProviderConfig {
        if (!reference) return {};
        return this.byUrn.get(providerUrn(reference)) ?? {};
    }
}

export interface AwsPlacement {
    readonly region: string;
}
export interface GcpPlacement {
    readonly region: string;
    readonly project: string;
}
export interface AzurePlacement {
    readonly location: string;
    readonly subscriptionId: string;
}

/** AWS: every resource of provider 7 takes `region`; else the provider's `region`. */
export function awsPlacement(inputs: Inputs, provider: ProviderConfig, defaultRegion = DEFAULT_AWS_REGION): AwsPlacement {
    return { region: str(inputs.region, str(provider.region, defaultRegion)) };
}

/** GCP: `region` (regional resources) or `location` (KMS, storage), else the provider's `region`; `project` likewise. */
export function gcpPlacement(inputs: Inputs, provider: ProviderConfig): GcpPlacement {
    return {
        region: str(inputs.region, str(inputs.location, str(provider.region, DEFAULT_GCP_REGION))),
        project: str(inputs.project, str(provider.project, DEFAULT_GCP_PROJECT)),
    };
}

/** Azure: the resource's `location`, else the provider's; the subscription is always the provider's. */
export function azurePlacement(inputs: Inputs, provider: ProviderConfig): AzurePlacement {
    return {
        location: str(inputs.location, str(provider.location, DEFAULT_AZURE_LOCATION)),
        subscriptionId: str(provider.subscriptionId, MOCK_SUBSCRIPTION_ID),
    };
}

/**
 * Plausible outputs for the mock engine, so a component that consumes another's outputs
 * (an ARN in a policy, an endpoint in a connection string) sees realistic values instead of
 * undefined. Values are deterministic: the same plan twice is byte-identical.
 *
 * Each package has its own module, chosen by the type token's package: aws.ts, gcp.ts and
 * azure.ts place values in the resource's region, project and subscription (placement.ts);
 * atlas.ts, random.ts, azuread.ts (Entra object and client ids), auth0.ts (client ids
 * and secrets) and sentry.ts (DSNs, team ids) are cloud-neutral; any other package
 * (cloudflare, the providers themselves) gets a neutral `<name>-<hash>` id and its inputs as outputs. Add an entry to the package's
 * OUTPUTS_BY_TYPE when a component reads an output the cloud computes.
 */
import type * as pulumi from "@pulumi/pulumi";
import { atlasCall, atlasOutputs } from "./atlas";
import { auth0Outputs } from "./auth0";
import { awsCall, awsResource } from "./aws";
import { azureCall, azureResource } from "./azure";
import { azureadOutputs } from "./azuread";
import { defaultId, type Inputs } from "./common";
import { gcpCall, gcpResource } from "./gcp";
import { ProviderConfigs, type ProviderConfig } from "./placement";
import { randomOutputs } from "./random";
import { sentryCall, sentryOutputs } from "./sentry";

export { MOCK_ACCOUNT_ID } from "./aws";
export { MOCK_SUBSCRIPTION_ID, MOCK_TENANT_ID } from "./azure";
export { MOCK_GCP_PROJECT_NUMBER } from "./gcp";

type CloudResource = (type: string, name: string, inputs: Inputs, provider: ProviderConfig) => { id: string; state: Inputs };
type CloudCall = (token: string, inputs: Inputs, provider: ProviderConfig) => Inputs | undefined;
type NeutralOutputs = (type: string, name: string, inputs: Inputs, id: string) => Inputs | undefined;

/** By the type token's package, the part before the first `:`. */
const CLOUD_RESOURCES: Readonly<Record<string, CloudResource>> = { aws: awsResource, gcp: gcpResource, "azure-native": azureResource };
const CLOUD_CALLS: Readonly<Record<string, CloudCall>> = { aws: awsCall, gcp: gcpCall, "azure-native": azureCall, mongodbatlas: atlasCall, sentry: sentryCall };
const NEUTRAL_OUTPUTS: Readonly<Record<string, NeutralOutputs>> = { mongodbatlas: atlasOutputs, random: randomOutputs, azuread: azureadOutputs, auth0: auth0Outputs, sentry: sentryOutputs };

function packageOf(token: string): string {
    return token.split(":")[0];
}

/**
 * The mocks for one plan. They remember each explicit provider's placement settings, which
 * the engine reports by URN as providers register (`registered`), so a resource with
 * no region of its own gets its provider's.
 */
export class PlanMocks implements pulumi.runtime.Mocks {
    private readonly providers = new ProviderConfigs();

    newResource(args: pulumi.runtime.MockResourceArgs): { id: string; state: Inputs } {
        const { type, name } = args;
        const inputs = args.inputs as Inputs;
        const pkg = packageOf(type);
        const cloud = CLOUD_RESOURCES[pkg];
        if (cloud) return cloud(type, name, inputs, this.providers.lookup(args.provider));
        const id = defaultId(name);
        const state: Inputs = { ...inputs, ...NEUTRAL_OUTPUTS[pkg]?.(type, name, inputs, id) };
        return { id: typeof state.id === "string" ? state.id : id, state };
    }

    /** Results for provider functions (invokes) the program calls; an unknown one echoes its inputs. */
    call(args: pulumi.runtime.MockCallArgs): Inputs {
        const inputs = args.inputs as Inputs;
        return CLOUD_CALLS[packageOf(args.token)]?.(args.token, inputs, this.providers.lookup(args.provider)) ?? { ...inputs };
    }

    /** Records a registered resource: a provider's placement settings, under the URN later resources reference it by. */
    registered(urn: string, type: string, inputs: Inputs): void {
        this.providers.record(urn, type, inputs);
    }
}

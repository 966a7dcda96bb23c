/**
 * Auth0 mock outputs: what the tenant computes that the identity component reads. Auth0 is a
 * SaaS reached the same way from every cloud, so nothing depends on a provider's placement.
 */
import { shortHash, type Inputs, type OutputFn } from "./common";

const OUTPUTS_BY_TYPE: Readonly<Record<string, OutputFn<unknown>>> = {
    // Auth0 client ids are 32 alphanumerics, and a client's resource id is its client id.
    "auth0:index/client:Client": (name) => {
        const clientId = shortHash(`${name}-client`, 32);
        return { id: clientId, clientId };
    },
    // Only a confidential method has a secret; a public client's is empty, as Auth0 returns it.
    "auth0:index/clientCredentials:ClientCredentials": (name, inputs) => ({
        clientSecret: String(inputs.authenticationMethod ?? "").startsWith("client_secret") ? `mock-${shortHash(`${name}-secret`, 64)}` : "",
    }),
};

/** Auth0-specific outputs, merged over the inputs and the neutral id; undefined for a type with none. */
export function auth0Outputs(type: string, name: string, inputs: Inputs, id: string): Inputs | undefined {
    return OUTPUTS_BY_TYPE[type]?.(name, inputs, id, undefined);
}

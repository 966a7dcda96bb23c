/** Microsoft Entra (azuread provider) mock outputs: the object and client ids Entra assigns, stable per resource name. */
import { shortHash, str, uuidFrom, type Inputs, type OutputFn } from "./common";

const OUTPUTS_BY_TYPE: Readonly<Record<string, OutputFn<unknown>>> = {
    "azuread:index/application:Application": (name) => {
        const objectId = uuidFrom(`${name}-object`);
        return { id: `/applications/${objectId}`, objectId, clientId: uuidFrom(`${name}-client`) };
    },
    "azuread:index/servicePrincipal:ServicePrincipal": (name) => {
        const objectId = uuidFrom(`${name}-object`);
        return { id: `/servicePrincipals/${objectId}`, objectId };
    },
    // Entra generates the secret: the only output the consumers read, and a secret one.
    "azuread:index/applicationPassword:ApplicationPassword": (name, inputs) => {
        const keyId = uuidFrom(`${name}-key`);
        return { id: `${str(inputs.applicationId, "/applications/mock")}/password/${keyId}`, keyId, value: `mock~${shortHash(name, 40)}` };
    },
    "azuread:index/conditionalAccessPolicy:ConditionalAccessPolicy": (name) => ({ id: uuidFrom(`${name}-policy`) }),
};

/** azuread-specific outputs, merged over the inputs and the neutral id; undefined for a type with none. */
export function azureadOutputs(type: string, name: string, inputs: Inputs, id: string): Inputs | undefined {
    return OUTPUTS_BY_TYPE[type]?.(name, inputs, id, undefined);
}

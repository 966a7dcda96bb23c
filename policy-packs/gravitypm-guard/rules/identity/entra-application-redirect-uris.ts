/** Entra app registrations redirect only to exact https URIs [—]. */
import { isLoopback } from "../../lib/identity";
import { resourceRule } from "../../lib/rule";
import { get, strings, type Props } from "../../lib/values";
import { ENTRA_APPLICATION } from "./entra-application-no-implicit-grant";

export const ENTRA_APPLICATION_REDIRECT_URIS = "azuread:index/applicationRedirectUris:ApplicationRedirectUris";

/** Where each resource type lists redirect URIs. */
const REDIRECT_LISTS: Readonly<Record<string, readonly string[]>> = {
    [ENTRA_APPLICATION]: ["web.redirectUris", "singlePageApplication.redirectUris", "publicClient.redirectUris"],
    [ENTRA_APPLICATION_REDIRECT_URIS]: ["redirectUris"],
};

function uriProblem(uri: string): string | undefined {
    if (uri.includes("*")) return "is a wildcard: Entra would send codes and tokens to any matching host or path, including ones an attacker controls";
    // Native and mobile clients use custom schemes (ms-appx-web://, msal…://, com.example.app:/); only plain http is judged.
    if (/^http:\/\//i.test(uri) && !isLoopback(uri)) return "uses http: codes and tokens would cross the network unencrypted";
    return undefined;
}

export function entraRedirectUriProblems(props: Props, type: string): string[] {
    const problems: string[] = [];
    for (const path of REDIRECT_LISTS[type] ?? []) {
        for (const uri of strings(get(props, path))) {
            const problem = uriProblem(uri);
            if (problem) problems.push(`${path} ${JSON.stringify(uri)} ${problem}`);
        }
    }
    return problems;
}

export const entraApplicationRedirectUris = resourceRule({
    name: "entra-application-redirect-uris",
    description: "Microsoft Entra app registrations list exact redirect URIs: no wildcards, and https except on loopback addresses.",
    explanation:
        "The redirect URI is where Entra delivers authorization codes and tokens. A wildcard extends that trust to every matching host or path (a subdomain takeover or an open redirect then receives them); plain http exposes them on the wire. Microsoft's redirect URI guidance asks for exact https URIs.",
    remediation: "List each callback URL exactly (the stack's identityCallbackUrls) with https://; keep http://localhost only for development registrations.",
    enforcementLevel: "mandatory",
    area: "identity",
    anchors: [],
    types: [ENTRA_APPLICATION, ENTRA_APPLICATION_REDIRECT_URIS],
    defaults: {},
    check: (props, ctx) => entraRedirectUriProblems(props, ctx.type),
});

/**
 * Sentry mock outputs: what the organisation computes that the error-tracking component reads (a
 * client key's DSN, a team's numeric id). Sentry is a SaaS reached the same way from every cloud,
 * so nothing depends on a provider's placement.
 */
import { shortHash, str, type Inputs, type OutputFn } from "./common";

/** The mock organisation's numeric id, in every DSN's ingest host (`o<id>.ingest.us.sentry.io`). */
export const MOCK_SENTRY_ORG_ID = "4500000000000000";

/** A stable numeric id from a name, as Sentry's project and team ids are. */
function numericId(text: string): string {
    return String(parseInt(shortHash(text, 12), 16));
}

const OUTPUTS_BY_TYPE: Readonly<Record<string, OutputFn<unknown>>> = {
    // A project's slug is what keys and alerts name it by; the id is `<org>/<slug>` as the provider imports it.
    "sentry:index/sentryProject:SentryProject": (name, inputs) => ({ projectId: numericId(`${name}-project`), internalId: numericId(`${name}-project`), slug: str(inputs.slug, name) }),
    // A DSN is `https://<public key>@o<org id>.ingest.<region>.sentry.io/<project id>`; keys are 32 hex digits.
    "sentry:index/sentryKey:SentryKey": (name) => {
        const publicKey = shortHash(`${name}-public`, 32);
        const projectId = numericId(`${name}-project`);
        const dsn = `https://${publicKey}@o${MOCK_SENTRY_ORG_ID}.ingest.us.sentry.io/${projectId}`;
        return { public: publicKey, secret: shortHash(`${name}-secret`, 32), projectId: Number(projectId), dsnPublic: dsn, dsnCsp: `https://o${MOCK_SENTRY_ORG_ID}.ingest.us.sentry.io/api/${projectId}/security/?sentry_key=${publicKey}` };
    },
};

const CALLS: Readonly<Record<string, (inputs: Inputs) => Inputs>> = {
    // The team the projects belong to: found by slug, with the numeric id an email action targets.
    "sentry:index/getSentryTeam:getSentryTeam": (inputs) => {
        const slug = str(inputs.slug, "team");
        return { ...inputs, id: slug, slug, name: slug, internalId: numericId(`team-${slug}`), hasAccess: true, isMember: true, isPending: false };
    },
};

/** Results for Sentry data sources; undefined for one without an entry. */
export function sentryCall(token: string, inputs: Inputs): Inputs | undefined {
    return CALLS[token]?.(inputs);
}

/** Sentry-specific outputs, merged over the inputs and the neutral id; undefined for a type with none. */
export function sentryOutputs(type: string, name: string, inputs: Inputs, id: string): Inputs | undefined {
    return OUTPUTS_BY_TYPE[type]?.(name, inputs, id, undefined);
}

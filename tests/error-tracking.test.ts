/**
 * The Sentry error-tracking component on its own, for staging-like and prod-like args: the
 * explicit provider (its token a secret from the environment), a project per service with its
 * platform and the configured team, a client key per project (the browser's rate-limited), the
 * three issue alerts per project emailing the team, the DSNs as
 * secret outputs, the notes naming the settings the provider cannot set, and the checks that
 * refuse a malformed slug. Sentry is the same on every cloud: it builds unchanged on each spine.
 */
import { afterAll, describe, expect, it } from "vitest";
import {
    additionalSensitiveFields,
    ALERT_FREQUENCY_MINUTES,
    ALERT_RULES,
    BROWSER_KEY_RATE_LIMIT,
    browserAllowedDomains,
    ERROR_SPIKE,
    ERROR_TRACKING_TYPE,
    errorTrackingProblems,
    manualProjectSettings,
    projectSlug,
    SentryErrorTracking,
    type ErrorTrackingArgs,
} from "../components/sentry/error-tracking";
import type { CloudTypes } from "../components/contracts/cloud";
import { APP_SERVICES, type AppHosts } from "../domain/capabilities/app";
import { MASKED_DATA } from "../domain/capabilities/observability";
import { SENTRY_DEFAULT_SCRUBBED_KEYS, SENTRY_PLATFORMS, SENTRY_PROVIDER_GAPS, SENTRY_RULE_IDS, SENTRY_TOKEN_ENV } from "../domain/catalogs/sentry";
import type { Cloud } from "../domain/clouds";
import type { Environment } from "../domain/stack-config";
import { sentryCall } from "../tools/plan/mocks/sentry";
import type { Plan, PlannedResource } from "../tools/plan/types";
import { buildComponent, type Spine, settled } from "./support/component";
import { descendants, input, one } from "./support/plan";

const T = {
    provider: "pulumi:providers:sentry",
    project: "sentry:index/sentryProject:SentryProject",
    key: "sentry:index/sentryKey:SentryKey",
    alert: "sentry:index/sentryIssueAlert:SentryIssueAlert",
};
const ORGANIZATION = "gravitypm";
const TEAM = "platform";
/** A token as a deployment would export it; it must appear in no plan input in clear. */
const TOKEN = "sntrys_test-token-never-in-clear";

// Set before any build: the component reads the variable while it is constructed.
const previousToken = process.env[SENTRY_TOKEN_ENV.value];
process.env[SENTRY_TOKEN_ENV.value] = TOKEN;
afterAll(() => {
    if (previousToken === undefined) delete process.env[SENTRY_TOKEN_ENV.value];
    else process.env[SENTRY_TOKEN_ENV.value] = previousToken;
});

const HOSTS: Readonly<Record<Environment, AppHosts>> = {
    staging: { app: "app.staging.gravitypm.example.com", api: "api.staging.gravitypm.example.com", static: "static.staging.gravitypm.example.com" },
    prod: { app: "app.gravitypm.example.com", api: "api.gravitypm.example.com", static: "static.gravitypm.example.com" },
};

function argsFor(environment: Environment): ErrorTrackingArgs {
    return { settings: { organization: ORGANIZATION, team: TEAM }, environment, namePrefix: `gravitypm-${environment}`, hosts: HOSTS[environment], protect: environment === "prod" };
}

async function build(cloud: Cloud, environment: Environment): Promise<{ p: Plan; tracking: SentryErrorTracking }> {
    let tracking: SentryErrorTracking | undefined;
    const p = await buildComponent(cloud, (_spine: Spine<CloudTypes>) => (tracking = new SentryErrorTracking("errors", argsFor(environment))), { environment, stack: environment });
    if (!tracking) throw new Error("the component was not built");
    return { p, tracking };
}

const mine = (p: Plan): PlannedResource[] => descendants(p, one(p, ERROR_TRACKING_TYPE, "errors"));
const ofMine = (p: Plan, type: string): PlannedResource[] => mine(p).filter((r) => r.type === type);
const countByType = (resources: readonly PlannedResource[]) => resources.reduce<Record<string, number>>((n, r) => ({ ...n, [r.type]: (n[r.type] ?? 0) + 1 }), {});

/** The numeric id the mock organisation gives the team, which an email action targets. */
const teamInternalId = sentryCall("sentry:index/getSentryTeam:getSentryTeam", { organization: ORGANIZATION, slug: TEAM })?.internalId;

describe.each(["staging", "prod"] as const)("Sentry error tracking of %s", (environment) => {
    const built = build("aws", environment);
    const prefix = `gravitypm-${environment}`;
    const prod = environment === "prod";

    it("registers the provider, a project and a key per service and three alerts per project, all its own children on its provider", async () => {
        const { p } = await built;
        const component = one(p, ERROR_TRACKING_TYPE, "errors");
        const resources = mine(p);
        expect(countByType(resources)).toEqual({ [T.provider]: 1, [T.project]: APP_SERVICES.length, [T.key]: APP_SERVICES.length, [T.alert]: APP_SERVICES.length * ALERT_RULES.length });
        expect(resources).toHaveLength(1 + 2 + 2 + 6);
        const provider = ofMine(p, T.provider)[0];
        for (const r of resources) {
            expect(r.parent, r.name).toBe(component.urn);
            if (r.type !== T.provider) expect(r.provider, r.name).toBe(provider.urn);
        }
    });

    it("hands the provider the token from the environment as a secret, and no input anywhere holds it in clear", async () => {
        const { p } = await built;
        const provider = ofMine(p, T.provider)[0];
        expect(provider.secretInputs).toContain("token");
        expect(input(provider, "token")).toBe("[secret]");
        expect(JSON.stringify(p.resources)).not.toContain(TOKEN);
    });

    it.each(APP_SERVICES)("gives the %s a project with its platform, owned by the configured team, protected in prod", async (service) => {
        const { p } = await built;
        const project = ofMine(p, T.project).find((r) => r.name === `errors-${service}`);
        expect(project).toBeDefined();
        if (!project) return;
        expect(input(project, "organization")).toBe(ORGANIZATION);
        expect(input(project, "slug")).toBe(`${prefix}-${service}`);
        expect(input(project, "name")).toBe(projectSlug(prefix, service));
        expect(input(project, "platform")).toBe(SENTRY_PLATFORMS.value[service]);
        expect(input(project, "teams")).toEqual([TEAM]);
        expect(project.protect).toBe(prod);
    });

    it("gives each project one client key; only the browser's, whose DSN is public in the bundle, is rate-limited", async () => {
        const { p } = await built;
        const keys = ofMine(p, T.key);
        expect(keys.map((k) => input(k, "project")).sort()).toEqual(APP_SERVICES.map((s) => `${prefix}-${s}`).sort());
        for (const key of keys) {
            expect(input(key, "organization")).toBe(ORGANIZATION);
            expect(input(key, "name")).toBe(`${input(key, "project") as string} ${environment}`);
        }
        const browser = keys.find((k) => input(k, "project") === `${prefix}-frontend`);
        const backend = keys.find((k) => input(k, "project") === `${prefix}-backend`);
        expect(browser && input(browser, "rateLimitCount")).toBe(BROWSER_KEY_RATE_LIMIT.count);
        expect(browser && input(browser, "rateLimitWindow")).toBe(BROWSER_KEY_RATE_LIMIT.windowSeconds);
        expect(backend && input(backend, "rateLimitCount")).toBeUndefined();
    });

    it.each(APP_SERVICES)("alerts the team by email on the %s's new issues, regressions and error spikes", async (service) => {
        const { p } = await built;
        const alerts = ofMine(p, T.alert).filter((r) => input(r, "project") === `${prefix}-${service}`);
        expect(alerts.map((a) => input(a, "name")).sort()).toEqual(ALERT_RULES.map((rule) => `${prefix}-${service} ${rule}`).sort());
        const ids = SENTRY_RULE_IDS.value;
        const conditionsOf = (rule: string) => alerts.filter((a) => input(a, "name") === `${prefix}-${service} ${rule}`).map((a) => input(a, "conditions"))[0];
        expect(conditionsOf("new-issue")).toEqual([{ id: ids.firstSeen }]);
        expect(conditionsOf("regression")).toEqual([{ id: ids.regression }]);
        expect(conditionsOf("error-spike")).toEqual([{ id: ids.eventFrequency, comparisonType: "count", value: String(ERROR_SPIKE.events), interval: ERROR_SPIKE.interval }]);
        expect(teamInternalId).toMatch(/^\d+$/);
        for (const alert of alerts) {
            expect(input(alert, "organization")).toBe(ORGANIZATION);
            // The projects are the stack's own; a filter naming an environment with no event yet is refused by Sentry.
            expect(input(alert, "environment")).toBeUndefined();
            expect(input(alert, "actionMatch")).toBe("any");
            expect(input(alert, "filterMatch")).toBe("all");
            expect(input(alert, "frequency")).toBe(ALERT_FREQUENCY_MINUTES);
            expect(input(alert, "actions")).toEqual([{ id: ids.notifyEmail, targetType: "Team", targetIdentifier: teamInternalId }]);
        }
    });

    it("outputs each service's DSN as a secret, the mock organisation's DSN of that service's key", async () => {
        const { tracking } = await built;
        for (const service of APP_SERVICES) {
            const { value, secret } = await settled(tracking.dsns[service]);
            expect(secret, service).toBe(true);
            expect(value).toMatch(/^https:\/\/[0-9a-f]{32}@o\d+\.ingest\.us\.sentry\.io\/\d+$/);
        }
        const backend = await settled(tracking.dsns.backend);
        const frontend = await settled(tracking.dsns.frontend);
        expect(backend.value).not.toBe(frontend.value);
        expect(tracking.projectSlugs).toEqual({ backend: `${prefix}-backend`, frontend: `${prefix}-frontend` });
    });

    it("notes the projects, the alerts and, by API field, the scrubbing and allowed domains an operator must set by hand", async () => {
        const { tracking } = await built;
        const notes = tracking.notes.join("\n");
        for (const service of APP_SERVICES) expect(notes).toContain(`${prefix}-${service} (${SENTRY_PLATFORMS.value[service]})`);
        expect(notes).toContain(`environment=${environment}`);
        expect(notes).toContain(SENTRY_TOKEN_ENV.value);
        expect(notes).toContain(JSON.stringify(manualProjectSettings("frontend", HOSTS[environment])));
        expect(notes).toContain(JSON.stringify(manualProjectSettings("backend", HOSTS[environment])));
        expect(notes).toContain(`https://${HOSTS[environment].app}`);
    });
});

describe("the settings the provider cannot set", () => {
    const gaps = SENTRY_PROVIDER_GAPS.value;

    it("scrub IP addresses and every masked kind of data the defaults miss, on every project", () => {
        for (const service of APP_SERVICES) {
            const settings = manualProjectSettings(service, HOSTS.prod);
            expect(settings[gaps.dataScrubber]).toBe(true);
            expect(settings[gaps.scrubIpAddresses]).toBe(true);
            expect(settings[gaps.sensitiveFields]).toEqual(additionalSensitiveFields());
        }
        // Email is what Sentry's defaults leave; passwords and bearer tokens they already match.
        expect(additionalSensitiveFields()).toEqual(["email"]);
        expect(MASKED_DATA).toContain("email-address");
        const defaults: readonly string[] = SENTRY_DEFAULT_SCRUBBED_KEYS.value;
        for (const covered of ["password", "authorization"]) expect(defaults.some((key) => covered.includes(key)), covered).toBe(true);
    });

    it("limit only the browser's DSN to the web app's origin", () => {
        expect(browserAllowedDomains(HOSTS.prod)).toEqual(["https://app.gravitypm.example.com"]);
        expect(manualProjectSettings("frontend", HOSTS.prod)[gaps.allowedDomains]).toEqual(["https://app.gravitypm.example.com"]);
        expect(manualProjectSettings("backend", HOSTS.prod)).not.toHaveProperty(gaps.allowedDomains);
    });
});

describe("malformed args", () => {
    it("name every slug Sentry would refuse", () => {
        const problems = errorTrackingProblems({ ...argsFor("staging"), settings: { organization: "GravityPM Inc", team: "platform team" }, namePrefix: "gravitypm-a-stack-name-far-too-long-for-a-sentry-slug" });
        expect(problems.map((p) => p.key)).toEqual(["sentryOrganization", "sentryTeam", "namePrefix", "namePrefix"]);
        expect(errorTrackingProblems(argsFor("prod"))).toEqual([]);
    });

    it("refuse to build, naming the slug", async () => {
        const p = buildComponent("aws", () => new SentryErrorTracking("errors", { ...argsFor("staging"), settings: { organization: "GravityPM Inc", team: TEAM } }), { environment: "staging", stack: "staging" });
        await expect(p).rejects.toThrow(/ErrorTracking errors: sentryOrganization: "GravityPM Inc" is not a Sentry slug/);
    });
});

describe("on every cloud's spine", () => {
    it.each(["gcp", "azure"] as const)("builds unchanged on %s", async (cloud) => {
        const { p } = await build(cloud, "prod");
        expect(countByType(mine(p))).toEqual({ [T.provider]: 1, [T.project]: 2, [T.key]: 2, [T.alert]: 6 });
    });
});

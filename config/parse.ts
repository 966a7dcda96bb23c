/**
 * Raw stack config → StackConfig: every key validated before any resource exists, and one
 * error that lists every bad key with the value given and what is allowed.
 *
 * Values arrive as the Pulumi CLI hands them to a program: strings, with structured values
 * (arrays) JSON-encoded. Keys a stack file leaves unset take their default from the staging
 * or prod profile (stacks/profiles.ts), so the stack files stay short; Pulumi.yaml declares
 * them without a default for that reason.
 */
import { CONFIG_KEYS, ENVIRONMENTS, PROJECT, type Environment, type StackConfig } from "../domain/stack-config";
import { standardTags } from "../domain/tags";
import { PROFILES } from "../stacks/profiles";
import { ConfigError, type ConfigProblem } from "./errors";
import { placeStack } from "./placement";
import { appSettings, cacheSettings, checkApp, checkCluster, checkSecurity, securitySettings, usageSettings, checkIdentity, identitySettings, checkObservability, observabilitySettings, checkCrossKeyRules, checkDataTier, clusterSettings, databaseSettings, fillServiceDefaults, type RuleContext } from "./rules";
import { FIELDS, type Parsed } from "./schema";

/**
 * Validates raw stack config (keys without the `gravitypm:` namespace, values as strings)
 * and returns the typed config, or throws a {@link ConfigError} that lists every problem.
 */
export function parseStackConfig(raw: Readonly<Record<string, string>>, stack: string): StackConfig {
    const problems: ConfigProblem[] = [];
    const report = (key: string, message: string) => problems.push({ key: `${PROJECT}:${key}`, value: raw[key], message });

    for (const key of Object.keys(raw)) {
        if (!(key in FIELDS)) {
            report(key, `is not a config key of this project; known keys: ${CONFIG_KEYS.join(", ")}`);
        }
    }

    const envRaw = raw.environment ?? ((ENVIRONMENTS as readonly string[]).includes(stack) ? stack : undefined);
    const envParse = envRaw === undefined ? undefined : FIELDS.environment.safeParse(envRaw);
    if (envRaw === undefined) {
        report("environment", `must be set for stack "${stack}": one of ${ENVIRONMENTS.join(", ")}`);
    } else if (!envParse?.success) {
        report("environment", `must be one of: ${ENVIRONMENTS.join(", ")}`);
    }
    const environment: Environment = envParse?.success ? envParse.data : "staging";
    const profile = PROFILES[environment];

    const parsed: Parsed = {};
    for (const key of CONFIG_KEYS) {
        const value = raw[key] ?? profile[key];
        if (value === undefined) continue;
        const result = FIELDS[key].safeParse(value);
        if (result.success) {
            (parsed as Record<string, unknown>)[key] = result.data;
        } else {
            // Structured values (appImages) say where inside them the problem is.
            report(key, result.error.issues.map((i) => (i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; "));
        }
    }
    parsed.environment = environment;

    const cloud = parsed.cloud;
    const isProd = environment === "prod";
    const { primary, dr } = cloud === undefined ? {} : placeStack(parsed, cloud, isProd, report);
    const context: RuleContext = { raw, cloud, isProd, hasDr: dr !== undefined, report };
    fillServiceDefaults(parsed, context);
    checkCrossKeyRules(parsed, context);
    checkDataTier(parsed, context);
    checkCluster(parsed, context, primary?.zones.length);
    checkApp(parsed, context, primary?.zones.length);
    checkSecurity(parsed, context);
    checkIdentity(parsed, context, primary?.region);
    checkObservability(context);

    const database = databaseSettings(parsed);
    const cache = cacheSettings(parsed);
    const cluster = clusterSettings(parsed);
    const app = appSettings(parsed);
    const security = securitySettings(parsed);
    const usage = usageSettings(parsed);
    const identity = identitySettings(parsed, context);
    const observability = observabilitySettings(parsed);
    if (
        problems.length > 0 ||
        cloud === undefined ||
        primary === undefined ||
        database === undefined ||
        cache === undefined ||
        cluster === undefined ||
        app === undefined ||
        security === undefined ||
        usage === undefined ||
        identity === undefined ||
        observability === undefined
    ) {
        throw new ConfigError(stack, problems);
    }
    const p = parsed as Required<Parsed>;
    return {
        project: PROJECT,
        stack,
        cloud,
        environment,
        isProd,
        primary,
        dr,
        gcpProject: parsed.gcpProject,
        edgeProvider: p.edgeProvider,
        domain: p.domain,
        alertEmails: p.alertEmails,
        alertWebhookUrl: parsed.alertWebhookUrl,
        backupRetentionDays: p.backupRetentionDays,
        logRetentionDays: p.logRetentionDays,
        rpoMinutes: p.rpoMinutes,
        rtoMinutes: p.rtoMinutes,
        owner: p.owner,
        costCentre: p.costCentre,
        database,
        cache,
        cluster,
        app,
        security,
        usage,
        identity,
        observability,
        atlasOrgId: parsed.atlasOrgId,
        atlasAzureServicePrincipalId: parsed.atlasAzureServicePrincipalId,
        cloudflareAccountId: parsed.cloudflareAccountId,
        cloudflareZoneId: parsed.cloudflareZoneId,
        tags: standardTags(stack, environment, p.owner, p.costCentre),
    };
}

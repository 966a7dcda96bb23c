/**
 * Stack config for tests: raw configs (values as the CLI passes them) from which the cache and
 * database config tests start, so they differ only in the keys they exercise, and the
 * validated config of the repository's own stack files.
 */
import type { Cloud } from "../../domain/clouds";
import { ConfigError } from "../../config/errors";
import { parseStackConfig } from "../../config/parse";
import { PROJECT, type StackConfig } from "../../domain/stack-config";
import { resolveConfig } from "../../tools/plan/engine";

/** Both colours of both services pinned by digest, as every cloud accepts (Azure requires the digest). */
export const APP_IMAGES_PINNED = {
    backend: { blue: `1.0.0@sha256:${"3f".repeat(32)}`, green: `1.0.0@sha256:${"3f".repeat(32)}` },
    frontend: { blue: `1.0.0@sha256:${"8c".repeat(32)}`, green: `1.0.0@sha256:${"8c".repeat(32)}` },
};

const BASE: Record<string, string> = {
    domain: "app.gravitypm.example.com",
    alertEmails: JSON.stringify(["oncall@gravitypm.example.com"]),
    owner: "platform",
    costCentre: "eng-gravitypm",
    gcpProject: "gravitypm-prod",
    atlasOrgId: "000000000000000000000000",
    appImages: JSON.stringify(APP_IMAGES_PINNED),
};
const PROD_REGIONS: Record<Cloud, Record<string, string>> = {
    aws: { awsRegion: "us-east-1", awsDrRegion: "us-west-2" },
    gcp: { gcpRegion: "us-central1", gcpDrRegion: "us-east1" },
    azure: { azureRegion: "eastus", azureDrRegion: "westus2" },
};

/** A valid prod config on the cloud (primary and DR region), with `extra` keys on top. */
export const prod = (cloud: Cloud, extra: Record<string, string> = {}): Record<string, string> => ({ ...BASE, ...PROD_REGIONS[cloud], cloud, ...extra });
/** A valid staging config on the cloud (the default region, no DR), with `extra` keys on top. */
export const staging = (cloud: Cloud, extra: Record<string, string> = {}): Record<string, string> => ({ ...BASE, cloud, ...extra });

/** The problems `parseStackConfig` reports for the raw config; empty when it is valid. */
export function problems(raw: Record<string, string>, stack: string) {
    try {
        parseStackConfig(raw, stack);
    } catch (e) {
        if (e instanceof ConfigError) return e.problems;
        throw e;
    }
    return [];
}

/** The stack's validated config on the cloud, as the program sees it (read from its stack file). */
export function stackConfig(stack: string, cloud: Cloud): StackConfig {
    const raw: Record<string, string> = {};
    for (const [key, value] of Object.entries(resolveConfig({ stack, cloud }).config)) {
        if (key.startsWith(`${PROJECT}:`)) raw[key.slice(PROJECT.length + 1)] = value;
    }
    return parseStackConfig(raw, stack);
}

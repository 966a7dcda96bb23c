/**
 * The one place that branches on the cloud: it loads only the chosen cloud's
 * implementations (an AWS plan never loads the GCP or Azure SDKs) and hands them to the
 * cloud-agnostic composition.
 */
import type { PlatformOutputs } from "./platform";
import { buildPlatform } from "./platform";
import type { StackConfig } from "../domain/stack-config";

export async function deployPlatform(cfg: StackConfig): Promise<PlatformOutputs> {
    switch (cfg.cloud) {
        case "aws":
            return buildPlatform(cfg, (await import("../components/aws")).awsCloud());
        case "gcp":
            return buildPlatform(cfg, (await import("../components/gcp")).gcpCloud({ project: cfg.gcpProject! }));
        case "azure":
            return buildPlatform(cfg, (await import("../components/azure")).azureCloud());
    }
}

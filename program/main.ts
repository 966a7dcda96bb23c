/**
 * The Pulumi program: validate the stack config first (nothing is registered when it is
 * bad), then deploy the platform on the chosen cloud.
 */
import { loadStackConfig } from "../config/load";
import { deployPlatform } from "./cloud-loader";

export async function main() {
    const config = loadStackConfig();
    return deployPlatform(config);
}

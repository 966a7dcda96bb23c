/**
 * The CrossGuard entry point: `pulumi preview --policy-pack policy-packs/gravitypm-guard`.
 * Constructing a PolicyPack starts the analyzer's gRPC server, and a second one in the same
 * process exits it, so this file is the only place that does; everything else (the offline
 * runner, tests) imports the same policies from ./policies.
 */
import { PolicyPack } from "@pulumi/policy";
import { PACK_NAME, policies } from "./policies";

new PolicyPack(PACK_NAME, { policies: [...policies] });

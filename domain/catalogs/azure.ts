/** Azure constants the config checks and the Azure components read, each with its source. */
import { sourced, UNVERIFIED } from "./entry";

/** The longest flow-log retention the config allows on Azure. */
export const AZURE_FLOW_LOG_MAX_RETENTION_DAYS = sourced(
    365,
    UNVERIFIED,
    "2026-12-03",
    "the Network Watcher retention-policy limit as the earlier review knew it; no Microsoft page stating it could be read here",
);
export const AZURE_MAX_FLOW_LOG_RETENTION_DAYS = AZURE_FLOW_LOG_MAX_RETENTION_DAYS.value;

/** Azure service limits the config checks and the Azure components share. */

/** Network Watcher keeps flow logs at most 365 days and rejects a longer retention at deploy time. */
export const AZURE_MAX_FLOW_LOG_RETENTION_DAYS = 365;

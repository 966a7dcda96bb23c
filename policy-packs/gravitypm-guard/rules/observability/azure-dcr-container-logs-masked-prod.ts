/** In prod, Azure data collection rules mask container log lines before they are stored [—]. */
import { ENVIRONMENT_CONFIG, type Environment } from "../../lib/environment";
import { maskedDataMissing } from "../../lib/observability";
import { resourceRule } from "../../lib/rule";
import { records, str, strings, type Props } from "../../lib/values";

export const DATA_COLLECTION_RULE = "azure-native:monitor:DataCollectionRule";

/** Container insights' streams that carry the containers' stdout and stderr lines. */
const CONTAINER_LOG_STREAMS = ["microsoft-containerlogv2", "microsoft-containerlog"];
/** The bundle of every Container insights stream: a flow of it takes no transformation. */
const CONTAINER_INSIGHTS_GROUP = "microsoft-containerinsights-group-default";
/** The log line's column: LogMessage in ContainerLogV2, LogEntry in ContainerLog. */
const LINE_COLUMN = "(LogMessage|LogEntry)";
/** A transform that assigns the line's column rewrites it; one that projects it away drops it (nothing left to mask). */
const REWRITES = new RegExp(`\\b(extend|project)\\b[^|]*\\b${LINE_COLUMN}\\s*=`, "i");
const DROPS = new RegExp(`\\bproject-away\\b[^|]*\\b${LINE_COLUMN}\\b`, "i");

export function dcrContainerLogMaskingProblems(props: Props, environment: Environment): string[] {
    if (environment !== "prod") return [];
    const problems: string[] = [];
    for (const [i, flow] of records(props.dataFlows).entries()) {
        const streams = strings(flow.streams).map((s) => s.toLowerCase());
        if (streams.includes(CONTAINER_INSIGHTS_GROUP)) {
            problems.push(`dataFlows[${i}] sends Microsoft-ContainerInsights-Group-Default, which takes no transformation: container log lines are stored unmasked`);
            continue;
        }
        if (!streams.some((s) => CONTAINER_LOG_STREAMS.includes(s))) continue;
        const kql = str(flow.transformKql)?.trim() ?? "";
        if (kql === "" || kql.toLowerCase() === "source") {
            problems.push(`dataFlows[${i}] (${strings(flow.streams).join(", ")}) has no transformKql: container log lines are stored unmasked`);
            continue;
        }
        if (DROPS.test(kql)) continue;
        if (!REWRITES.test(kql)) {
            problems.push(`dataFlows[${i}]'s transformKql never rewrites the log line (no extend or project of LogMessage / LogEntry)`);
            continue;
        }
        const missing = maskedDataMissing([kql]);
        if (missing.length > 0) problems.push(`dataFlows[${i}]'s transformKql masks no ${missing.join(", ")}`);
    }
    return problems;
}

export const azureDcrContainerLogsMaskedProd = resourceRule({
    name: "azure-dcr-container-logs-masked-prod",
    description:
        "In prod, every data collection rule flow of container log lines (ContainerLogV2 or ContainerLog) has a transformKql that rewrites the line (extend or project of LogMessage / LogEntry) naming e-mail addresses, bearer tokens, passwords and card numbers, or drops the line (project-away); a flow of the bundled Container insights group is refused. Config: `environment`.",
    explanation:
        "Log Analytics stores what the agent sends; the rule's ingestion-time transformation is the one place a secret in a log line can be replaced before it is kept. The bundled Microsoft-ContainerInsights-Group-Default stream cannot be transformed, so the container log stream must be named on its own. The transform is recognised by its assignment of the line's column and the kinds it names (in its markers, e.g. [REDACTED:email-address], or its patterns); transformations take only a subset of KQL (extract, indexof, substring, strcat, iif, parse_json ...).",
    remediation:
        "List Microsoft-ContainerLogV2 in its own dataFlow with outputStream Microsoft-ContainerLogV2 and a transformKql that, for each kind, finds the first match (extract(@'<pattern>', 0, text)) and keeps the line up to it plus a marker ([REDACTED:<kind>]), then writes it back with extend LogMessage = parse_json(text).",
    enforcementLevel: "mandatory",
    area: "observability",
    anchors: [],
    types: [DATA_COLLECTION_RULE],
    defaults: {},
    configSchema: { properties: { ...ENVIRONMENT_CONFIG } },
    check: (props, ctx) => dcrContainerLogMaskingProblems(props, ctx.environment),
});

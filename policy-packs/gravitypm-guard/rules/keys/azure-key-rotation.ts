/** Azure Key Vault keys rotate automatically [—]. */
import { daysSchema, resourceRule } from "../../lib/rule";
import { durationDays, get, records, sameText, type Props } from "../../lib/values";
import type { RotationConfig } from "./aws-kms-key-rotation";

export const AZURE_KEY = "azure-native:keyvault:Key";

export function azureKeyRotationProblems(props: Props, config: RotationConfig): string[] {
    const actions = records(get(props, "properties.rotationPolicy.lifetimeActions"));
    const rotate = actions.find((a) => sameText(get(a, "action.type"), "rotate"));
    if (!rotate) return ["properties.rotationPolicy has no rotate action; the key never rotates"];
    const days = durationDays(get(rotate, "trigger.timeAfterCreate"));
    if (days === undefined) return get(rotate, "trigger.timeBeforeExpiry") !== undefined ? [] : ["the rotate action has no trigger"];
    return days <= config.maxRotationDays ? [] : [`the key rotates every ${Math.round(days)} days; the maximum is ${config.maxRotationDays}`];
}

export const azureKeyRotation = resourceRule({
    name: "azure-key-rotation",
    description: "Azure Key Vault keys have a rotation policy that rotates at least every maximum period.",
    explanation: "Key Vault never rotates a key unless its rotation policy says so.",
    remediation: 'Set properties.rotationPolicy { lifetimeActions: [{ action: { type: "rotate" }, trigger: { timeAfterCreate: "P90D" } }], attributes: { expiryTime: "P1Y" } }.',
    enforcementLevel: "mandatory",
    area: "keys",
    anchors: [],
    types: [AZURE_KEY],
    defaults: { maxRotationDays: 365 },
    configSchema: { properties: { maxRotationDays: daysSchema("Longest rotation period allowed, in days.", 365) } },
    check: (props, ctx) => azureKeyRotationProblems(props, ctx.config),
});

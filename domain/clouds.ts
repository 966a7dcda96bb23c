/** The clouds a stack can target. Kept apart from config so components can import it cheaply. */
export const CLOUDS = ["aws", "gcp", "azure"] as const;
export type Cloud = (typeof CLOUDS)[number];

export const CLOUD_NAMES: Readonly<Record<Cloud, string>> = {
    aws: "AWS",
    gcp: "Google Cloud",
    azure: "Azure",
};

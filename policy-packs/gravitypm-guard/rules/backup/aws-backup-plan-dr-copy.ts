/** AWS Backup plans copy to the DR region in prod [—]. */
import { ENVIRONMENT_CONFIG } from "../../lib/environment";
import { resourceRule } from "../../lib/rule";
import { known, records, str, type Props } from "../../lib/values";
import { AWS_BACKUP_PLAN } from "./aws-backup-plan-retention";

/** The region field of an ARN, when the ARN is known. */
export function arnRegion(arn: unknown): string | undefined {
    return typeof arn === "string" ? arn.split(":")[3] || undefined : undefined;
}

export function backupPlanDrCopyProblems(props: Props, environment: string): string[] {
    if (environment !== "prod") return [];
    const home = str(props.region);
    const crossRegion = records(props.rules).some((rule) =>
        records(rule.copyActions).some((copy) => {
            const destination = known(() => copy.destinationVaultArn);
            // An ARN not known until the DR vault exists still names a copy target.
            if (!destination.known) return true;
            const region = arnRegion(destination.value);
            return region !== undefined && region !== home;
        }),
    );
    return crossRegion ? [] : ["no rule copies recovery points to a vault in another region"];
}

export const awsBackupPlanDrCopy = resourceRule({
    name: "aws-backup-plan-dr-copy",
    description: "AWS Backup plans in prod copy recovery points to a vault in the DR region.",
    explanation: "Backups in the primary region are lost with the primary region.",
    remediation: "Add copyActions: [{ destinationVaultArn: <DR vault ARN>, lifecycle: { deleteAfter: <retention> } }] to the plan's rules.",
    enforcementLevel: "mandatory",
    area: "backup",
    anchors: [],
    types: [AWS_BACKUP_PLAN],
    defaults: {},
    configSchema: { properties: { ...ENVIRONMENT_CONFIG } },
    check: (props, ctx) => backupPlanDrCopyProblems(props, ctx.environment),
});

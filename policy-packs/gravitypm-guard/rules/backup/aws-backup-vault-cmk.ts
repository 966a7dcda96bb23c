/** AWS Backup vaults encrypt with the stack key [CK_AWS_166]. */
import { resourceRule } from "../../lib/rule";
import { present, type Props } from "../../lib/values";

export const AWS_BACKUP_VAULT = "aws:backup/vault:Vault";

export function backupVaultKeyProblems(props: Props): string[] {
    return present(props, "kmsKeyArn") ? [] : ["kmsKeyArn is unset; recovery points would use the AWS-managed aws/backup key"];
}

export const awsBackupVaultCmk = resourceRule({
    name: "aws-backup-vault-cmk",
    description: "AWS Backup vaults encrypt recovery points with a customer-managed KMS key.",
    explanation: "The backups are a full copy of the data; they deserve the same revocable key as the data itself.",
    remediation: "Set kmsKeyArn to the stack key's ARN (the DR vault uses the DR region's key).",
    enforcementLevel: "mandatory",
    area: "backup",
    anchors: ["CK_AWS_166"],
    types: [AWS_BACKUP_VAULT],
    defaults: {},
    check: (props) => backupVaultKeyProblems(props),
});

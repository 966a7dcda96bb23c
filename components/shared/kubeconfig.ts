/**
 * A kubeconfig that holds no credential: the user's entry runs the cloud's exec credential
 * plugin (`aws eks get-token`, `gke-gcloud-auth-plugin`, `kubelogin`), so what the stack stores
 * is only the server and its CA. JSON, which every kubeconfig reader accepts as YAML.
 */
export interface ExecCredential {
    readonly command: string;
    readonly args?: readonly string[];
    readonly installHint?: string;
    readonly provideClusterInfo?: boolean;
}

export interface KubeconfigArgs {
    readonly clusterName: string;
    /** The API server URL, with its scheme. */
    readonly server: string;
    readonly certificateAuthorityData: string;
    /** The user entry's name; the cluster's name when absent. */
    readonly userName?: string;
    readonly exec: ExecCredential;
}

export function execKubeconfig({ clusterName, server, certificateAuthorityData, userName = clusterName, exec }: KubeconfigArgs): string {
    return JSON.stringify({
        apiVersion: "v1",
        kind: "Config",
        clusters: [{ name: clusterName, cluster: { server, "certificate-authority-data": certificateAuthorityData } }],
        contexts: [{ name: clusterName, context: { cluster: clusterName, user: userName } }],
        "current-context": clusterName,
        users: [
            {
                name: userName,
                user: {
                    exec: {
                        apiVersion: "client.authentication.k8s.io/v1beta1",
                        command: exec.command,
                        ...(exec.args ? { args: [...exec.args] } : {}),
                        ...(exec.installHint ? { installHint: exec.installHint } : {}),
                        ...(exec.provideClusterInfo ? { provideClusterInfo: true } : {}),
                        interactiveMode: "Never",
                    },
                },
            },
        ],
    });
}

/** GCP mock outputs: self links, ids and service agents in the resource's project and region. */
import { defaultId, mockPrivateIp, shortHash, str, uuidFrom, type Inputs, type OutputFn } from "./common";
import { DEFAULT_GCP_PROJECT, gcpPlacement, type GcpPlacement, type ProviderConfig } from "./placement";

export const MOCK_GCP_PROJECT_NUMBER = "123456789012";

/** Service agents with a legacy domain; newer services use `gcp-sa-<service>`. */
const AGENT_DOMAINS: Record<string, string> = {
    "redis.googleapis.com": "cloud-redis",
    "container.googleapis.com": "container-engine-robot",
    "compute.googleapis.com": "compute-system",
    "storage.googleapis.com": "gs-project-accounts",
};

function serviceAgentEmail(service: string): string {
    const domain = AGENT_DOMAINS[service] ?? `gcp-sa-${service.split(".")[0]}`;
    return `service-${MOCK_GCP_PROJECT_NUMBER}@${domain}.iam.gserviceaccount.com`;
}

/**
 * Regional compute types: without a `region` input they live in the provider's region.
 * Any other type without `region` or `location` is global.
 */
const REGIONAL_TYPES: ReadonlySet<string> = new Set([
    "gcp:compute/address:Address",
    "gcp:compute/subnetwork:Subnetwork",
    "gcp:compute/router:Router",
    "gcp:compute/routerNat:RouterNat",
    "gcp:compute/forwardingRule:ForwardingRule",
]);

function genericOutputs(type: string, name: string, inputs: Inputs, { region, project }: GcpPlacement): Inputs {
    const resourceName = str(inputs.name, name);
    const collection = type.split(":").pop()!.replace(/^./, (c) => c.toLowerCase()) + "s";
    const location = str(inputs.region, str(inputs.location, REGIONAL_TYPES.has(type) ? region : "global"));
    const selfLink = `https://www.googleapis.com/compute/v1/projects/${project}/${location === "global" ? "global" : `regions/${location}`}/${collection}/${resourceName}`;
    return { project, name: resourceName, selfLink, effectiveLabels: inputs.labels ?? {} };
}

/** Outputs the cloud computes that components read. */
const OUTPUTS_BY_TYPE: Readonly<Record<string, OutputFn<GcpPlacement>>> = {
    "gcp:redis/instance:Instance": (name, inputs, _id, { region, project }) => {
        const instance = str(inputs.name, name);
        const tls = inputs.transitEncryptionMode === "SERVER_AUTHENTICATION";
        return {
            id: `projects/${project}/locations/${region}/instances/${instance}`,
            host: mockPrivateIp(`${name}-primary`),
            // Memorystore serves TLS on 6378.
            port: tls ? 6378 : 6379,
            readEndpoint: mockPrivateIp(`${name}-read`),
            authString: inputs.authEnabled === true ? `mock-auth-${shortHash(name, 24)}` : "",
            serverCaCerts: tls ? [{ cert: "-----BEGIN CERTIFICATE-----\nmock\n-----END CERTIFICATE-----", sha1Fingerprint: shortHash(name, 40) }] : [],
            // Imports and exports run as Memorystore's service agent.
            persistenceIamIdentity: `serviceAccount:${serviceAgentEmail("redis.googleapis.com")}`,
        };
    },
    "gcp:redis/cluster:Cluster": (name, inputs, _id, { region, project }) => {
        const cluster = str(inputs.name, name);
        return {
            id: `projects/${project}/locations/${region}/clusters/${cluster}`,
            name: cluster,
            discoveryEndpoints: [{ address: mockPrivateIp(`${name}-discovery`), port: 6379, pscConfig: { network: inputs.pscConfigs } }],
            managedServerCas: [{ caCerts: [{ certificates: ["-----BEGIN CERTIFICATE-----\nmock\n-----END CERTIFICATE-----"] }] }],
        };
    },
    "gcp:compute/address:Address": (name) => ({ address: mockPrivateIp(name) }),
    "gcp:kms/keyRing:KeyRing": (name, inputs, _id, { project }) => ({
        id: `projects/${project}/locations/${str(inputs.location, "global")}/keyRings/${str(inputs.name, name)}`,
    }),
    "gcp:kms/cryptoKey:CryptoKey": (name, inputs, _id, { project }) => {
        const id = `${str(inputs.keyRing, `projects/${project}/locations/global/keyRings/mock`)}/cryptoKeys/${str(inputs.name, name)}`;
        return { id, primaries: [{ name: `${id}/cryptoKeyVersions/1`, state: "ENABLED" }] };
    },
    "gcp:compute/network:Network": (name, inputs, _id, { project }) => ({
        id: `projects/${project}/global/networks/${str(inputs.name, name)}`,
    }),
    "gcp:compute/subnetwork:Subnetwork": (name, inputs, _id, { region, project }) => ({
        id: `projects/${project}/regions/${region}/subnetworks/${str(inputs.name, name)}`,
    }),
    "gcp:monitoring/notificationChannel:NotificationChannel": (name, _inputs, _id, { project }) => ({
        name: `projects/${project}/notificationChannels/${parseInt(shortHash(name, 10), 16)}`,
    }),
    "gcp:container/cluster:Cluster": (name, inputs, _id, { region, project }) => {
        const cluster = str(inputs.name, name);
        const privateEndpoint = (inputs.privateClusterConfig as Inputs | undefined)?.enablePrivateEndpoint === true;
        return {
            id: `projects/${project}/locations/${str(inputs.location, region)}/clusters/${cluster}`,
            name: cluster,
            endpoint: privateEndpoint ? mockPrivateIp(`${name}-endpoint`) : "203.0.113.10",
            masterAuth: { ...(inputs.masterAuth as Inputs | undefined), clusterCaCertificate: "bW9jay1jYQ==" },
        };
    },
    "gcp:logging/projectSink:ProjectSink": (name, _inputs, _id, { project }) => ({
        writerIdentity: `serviceAccount:service-${MOCK_GCP_PROJECT_NUMBER}@gcp-sa-logging.iam.gserviceaccount.com`,
        id: `projects/${project}/sinks/${name}`,
    }),
    "gcp:serviceaccount/account:Account": (name, inputs, _id, { project }) => ({
        email: `${str(inputs.accountId, name)}@${project}.iam.gserviceaccount.com`,
        member: `serviceAccount:${str(inputs.accountId, name)}@${project}.iam.gserviceaccount.com`,
    }),
    "gcp:projects/iAMCustomRole:IAMCustomRole": (name, inputs, _id, { project }) => {
        const role = `projects/${project}/roles/${str(inputs.roleId, name)}`;
        return { id: role, name: role };
    },
    // Identity Platform has one config per project, named after it.
    "gcp:identityplatform/config:Config": (_name, _inputs, _id, { project }) => ({ id: `projects/${project}/config`, name: `projects/${project}/config` }),
    // An API key's string is computed by the service (39 characters starting AIza); the mock's
    // only has to be stable and look like one.
    "gcp:projects/apiKey:ApiKey": (name, inputs, _id, { project }) => ({
        id: `projects/${project}/locations/global/keys/${str(inputs.name, name)}`,
        keyString: `AIzaMock${shortHash(name, 31)}`,
        uid: uuidFrom(name),
    }),
    // Observability: the ids Cloud Monitoring assigns, which alert filters and the dashboard name.
    "gcp:monitoring/uptimeCheckConfig:UptimeCheckConfig": (name, _inputs, _id, { project }) => {
        const checkId = `${name.replace(/[^a-z0-9-]/g, "-")}-${shortHash(name, 8)}`;
        return { uptimeCheckId: checkId, name: `projects/${project}/uptimeCheckConfigs/${checkId}`, id: `projects/${project}/uptimeCheckConfigs/${checkId}` };
    },
    "gcp:monitoring/genericService:GenericService": (name, inputs, _id, { project }) => ({
        name: `projects/${MOCK_GCP_PROJECT_NUMBER}/services/${str(inputs.serviceId, name)}`,
        id: `projects/${project}/services/${str(inputs.serviceId, name)}`,
    }),
    "gcp:monitoring/slo:Slo": (name, inputs, _id) => {
        const slo = `projects/${MOCK_GCP_PROJECT_NUMBER}/services/${str(inputs.service, "mock")}/serviceLevelObjectives/${str(inputs.sloId, shortHash(name, 16))}`;
        return { name: slo, id: slo };
    },
    "gcp:monitoring/dashboard:Dashboard": (name) => ({ id: `projects/${MOCK_GCP_PROJECT_NUMBER}/dashboards/${uuidFrom(name)}` }),
    "gcp:projects/serviceIdentity:ServiceIdentity": (_name, inputs) => {
        const email = serviceAgentEmail(str(inputs.service, "mock.googleapis.com"));
        return { email, member: `serviceAccount:${email}` };
    },
};

export function gcpResource(type: string, name: string, inputs: Inputs, provider: ProviderConfig): { id: string; state: Inputs } {
    const placement = gcpPlacement(inputs, provider);
    const id = defaultId(name);
    let state: Inputs = { ...inputs, ...genericOutputs(type, name, inputs, placement), id };
    const specific = OUTPUTS_BY_TYPE[type];
    if (specific) state = { ...state, ...specific(name, inputs, id, placement) };
    return { id: typeof state.id === "string" ? state.id : id, state };
}

/** Results of the GCP provider functions the program calls; undefined for any other token. */
export function gcpCall(token: string, inputs: Inputs, provider: ProviderConfig): Inputs | undefined {
    switch (token) {
        case "gcp:organizations/getProject:getProject": {
            const project = str(inputs.projectId, str(provider.project, DEFAULT_GCP_PROJECT));
            return { projectId: project, number: MOCK_GCP_PROJECT_NUMBER, id: `projects/${project}` };
        }
        case "gcp:storage/getProjectServiceAccount:getProjectServiceAccount": {
            const email = serviceAgentEmail("storage.googleapis.com");
            return { emailAddress: email, member: `serviceAccount:${email}`, project: gcpPlacement(inputs, provider).project, id: email };
        }
        case "gcp:logging/getProjectCmekSettings:getProjectCmekSettings": {
            const project = gcpPlacement(inputs, provider).project;
            return { project, id: `projects/${project}/cmekSettings`, name: `projects/${project}/cmekSettings`, serviceAccountId: `cmek-p${MOCK_GCP_PROJECT_NUMBER}@gcp-sa-logging.iam.gserviceaccount.com` };
        }
        case "gcp:organizations/getClientConfig:getClientConfig": {
            const { project, region } = gcpPlacement({}, provider);
            return { project, region, accessToken: "mock", id: "mock" };
        }
        default:
            return undefined;
    }
}

/**
 * The GCP spine (site, keys, alerts, network) in the staging and prod plans, and its pure
 * functions.
 */
import { IPv4CidrRange } from "ip-num";
import { describe, expect, it } from "vitest";
import { GCP_MAX_ROTATION_DAYS, gcpRotationPeriod, validateGcpRotationDays } from "../components/gcp/keys";
import { GOOGLE_HEALTH_CHECK_RANGES, SHARED_ADDRESS_SPACE, gcpAddressPlan } from "../components/gcp/network";
import { CMEK_SERVICES, GCP_APIS, PROJECT_SERVICES_TYPE, serviceShortName } from "../components/gcp/site";
import { layoutNetwork } from "../domain/network-layout";
import type { Plan } from "../tools/plan/types";
import { stackConfig } from "./support/config";
import { byUrn, childrenOf, descendants, input, objectInput, ofType, one, plan } from "./support/plan";

const STANDARD_TAG_KEYS = ["project", "stack", "environment", "owner", "cost-centre", "managed-by"];
const ALERTS = "gravitypm:components:Alerts";
const KEYS = "gravitypm:components:Keys";
const NETWORK = "gravitypm:components:Network";
const T = {
    provider: "pulumi:providers:gcp",
    service: "gcp:projects/service:Service",
    identity: "gcp:projects/serviceIdentity:ServiceIdentity",
    keyRing: "gcp:kms/keyRing:KeyRing",
    cryptoKey: "gcp:kms/cryptoKey:CryptoKey",
    keyMember: "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember",
    channel: "gcp:monitoring/notificationChannel:NotificationChannel",
    network: "gcp:compute/network:Network",
    subnet: "gcp:compute/subnetwork:Subnetwork",
    router: "gcp:compute/router:Router",
    nat: "gcp:compute/routerNat:RouterNat",
    firewall: "gcp:compute/firewall:Firewall",
    address: "gcp:compute/globalAddress:GlobalAddress",
    connection: "gcp:servicenetworking/connection:Connection",
};

function rotationDays(period: unknown): number {
    const match = /^(\d+)s$/.exec(String(period));
    if (!match) throw new Error(`not a rotation period: ${String(period)}`);
    return Number(match[1]) / 86_400;
}

describe("gcpAddressPlan", () => {
    const ranges = (["primary", "dr"] as const).flatMap((role) => Object.values(gcpAddressPlan(role)));

    it("carves pods, services and private services from each role's own block of 100.64.0.0/10", () => {
        expect(gcpAddressPlan("primary")).toEqual({ pods: "100.64.0.0/14", services: "100.68.0.0/20", privateServices: "100.72.0.0/16" });
        expect(gcpAddressPlan("dr")).toEqual({ pods: "100.80.0.0/14", services: "100.84.0.0/20", privateServices: "100.88.0.0/16" });
        const shared = IPv4CidrRange.fromCidr(SHARED_ADDRESS_SPACE);
        for (const r of ranges) expect(IPv4CidrRange.fromCidr(r).inside(shared), r).toBe(true);
    });

    it("never overlaps within a site or across primary and DR", () => {
        expect(ranges).toHaveLength(6);
        for (const [i, a] of ranges.entries()) {
            for (const b of ranges.slice(i + 1)) expect(IPv4CidrRange.fromCidr(a).isOverlapping(IPv4CidrRange.fromCidr(b)), `${a} vs ${b}`).toBe(false);
        }
    });

    it("never overlaps a site network, which is always RFC 1918", () => {
        for (const privateRange of ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"]) {
            for (const r of ranges) expect(IPv4CidrRange.fromCidr(r).isOverlapping(IPv4CidrRange.fromCidr(privateRange))).toBe(false);
        }
    });
});

describe("GCP key rotation", () => {
    it("writes the period in seconds", () => {
        expect(gcpRotationPeriod(90)).toBe("7776000s");
        expect(gcpRotationPeriod(30)).toBe("2592000s");
    });

    it("allows more than one day and at most 90", () => {
        expect(validateGcpRotationDays(2)).toBeUndefined();
        expect(validateGcpRotationDays(GCP_MAX_ROTATION_DAYS)).toBeUndefined();
        for (const bad of [0, 1, 91, 365, 30.5]) expect(validateGcpRotationDays(bad), String(bad)).toMatch(/rotationDays/);
    });
});

describe("GCP project services", () => {
    it("enable the API of every service whose agent uses the key", () => {
        for (const service of CMEK_SERVICES) expect(GCP_APIS).toContain(service);
        expect(serviceShortName("redis.googleapis.com")).toBe("redis");
    });
});

describe.each(["staging", "prod"])("GCP spine in %s", (stack) => {
    const isProd = stack === "prod";
    const cfg = stackConfig(stack, "gcp");
    const project = cfg.gcpProject;
    const get = () => plan(stack, "gcp");
    const providerNamed = (p: Plan, role: string) => one(p, T.provider, `gcp-${role}`);
    const roles = isProd ? (["primary", "dr"] as const) : (["primary"] as const);

    it("has one explicit provider per region with project, region and the standard tags as default labels", async () => {
        const p = await get();
        expect(ofType(p, T.provider)).toHaveLength(roles.length);
        const primary = providerNamed(p, "primary");
        expect(primary.inputs.project).toBe(project);
        expect(primary.inputs.region).toBe(cfg.primary.region);
        for (const role of roles) {
            const labels = objectInput(providerNamed(p, role).inputs.defaultLabels);
            expect(Object.keys(labels).sort()).toEqual([...STANDARD_TAG_KEYS].sort());
            expect(labels.stack).toBe(stack);
        }
        if (isProd) expect(providerNamed(p, "dr").inputs.region).toBe(cfg.dr?.region);
    });

    it("enables the APIs once and generates the CMEK service agents", async () => {
        const p = await get();
        const services = one(p, PROJECT_SERVICES_TYPE);
        const apis = childrenOf(p, services, T.service);
        expect(apis.map((s) => s.inputs.service).sort()).toEqual([...GCP_APIS].sort());
        for (const api of apis) expect(api.inputs).toMatchObject({ project, disableOnDestroy: false });
        expect(childrenOf(p, services, T.identity).map((s) => s.inputs.service)).toEqual([...CMEK_SERVICES]);
        for (const r of descendants(p, services)) expect(r.provider).toBe(providerNamed(p, "primary").urn);
    });

    it.each(roles)("keeps %s keys in a regional key ring, rotated at most every 90 days", async (role) => {
        const p = await get();
        const keys = one(p, KEYS, `${role}-keys`);
        const provider = providerNamed(p, role);
        const [ring] = childrenOf(p, keys, T.keyRing);
        const [key] = childrenOf(p, keys, T.cryptoKey);
        expect(ring.inputs).toMatchObject({ project, location: provider.inputs.region });
        expect(key.inputs).toMatchObject({ purpose: "ENCRYPT_DECRYPT", deletionPolicy: isProd ? "PREVENT" : "DELETE" });
        expect(rotationDays(key.inputs.rotationPeriod)).toBeLessThanOrEqual(90);
        expect(String(key.inputs.keyRing)).toMatch(new RegExp(`/locations/${String(provider.inputs.region)}/keyRings/`));
        expect(ring.protect).toBe(isProd);
        expect(key.protect).toBe(isProd);
        const grants = childrenOf(p, keys, T.keyMember);
        expect(grants).toHaveLength(CMEK_SERVICES.length);
        expect(grants[0].inputs.role).toBe("roles/cloudkms.cryptoKeyEncrypterDecrypter");
        expect(grants[0].dependencies).toContain(key.urn);
        expect(grants[0].inputs.member).toMatch(/^serviceAccount:service-\d+@cloud-redis\.iam\.gserviceaccount\.com$/);
        for (const r of descendants(p, keys)) expect(r.provider, r.name).toBe(provider.urn);
    });

    it("notifies every alert email of the stack file through Monitoring channels", async () => {
        const p = await get();
        const alerts = one(p, ALERTS);
        const emails = cfg.alertEmails;
        expect(emails.length).toBeGreaterThan(0);
        const channels = childrenOf(p, alerts, T.channel);
        expect(channels).toHaveLength(emails.length);
        expect(channels.map((c) => input(c, "labels.email_address")).sort()).toEqual([...emails].sort());
        for (const c of channels) {
            expect(c.inputs).toMatchObject({ type: "email", project, enabled: true });
            expect(Object.keys(objectInput(c.inputs.userLabels)).sort()).toEqual([...STANDARD_TAG_KEYS].sort());
            expect(c.provider).toBe(providerNamed(p, "primary").urn);
        }
        const targets = p.outputs.alertTargets as string[];
        expect(targets).toHaveLength(emails.length);
        for (const t of targets) expect(t).toMatch(new RegExp(`^projects/${project}/notificationChannels/\\d+$`));
    });

    it.each(roles)("builds the %s network: custom-mode VPC, three regional subnets, NAT, closed firewall", async (role) => {
        const p = await get();
        const network = one(p, NETWORK, `${role}-network`);
        const provider = providerNamed(p, role);
        const region = provider.inputs.region;
        const placement = role === "dr" ? cfg.dr! : cfg.primary;
        const layout = layoutNetwork(placement.cidr, placement.zones.length);
        const ranges = gcpAddressPlan(role);

        const [vpc] = childrenOf(p, network, T.network);
        expect(vpc.inputs).toMatchObject({ autoCreateSubnetworks: false, routingMode: "REGIONAL", deleteDefaultRoutesOnCreate: false, project });
        const vpcId = `projects/${project}/global/networks/${String(vpc.inputs.name)}`;

        const subnets = childrenOf(p, network, T.subnet);
        expect(subnets).toHaveLength(3);
        for (const s of subnets) expect(s.inputs).toMatchObject({ region, network: vpcId, project });
        const byName = (suffix: string) => subnets.find((s) => s.name === `${role}-network-${suffix}`)!;
        for (const tier of ["app", "data"] as const) {
            const s = byName(tier);
            expect(s.inputs.ipCidrRange).toBe(layout[tier].cidr);
            expect(s.inputs.privateIpGoogleAccess).toBe(true);
            expect(s.inputs.logConfig).toEqual({ aggregationInterval: "INTERVAL_5_SEC", flowSampling: 1, metadata: "INCLUDE_ALL_METADATA" });
        }
        expect(byName("app").inputs.secondaryIpRanges).toEqual([
            { rangeName: "pods", ipCidrRange: ranges.pods },
            { rangeName: "services", ipCidrRange: ranges.services },
        ]);
        const proxy = byName("public");
        expect(proxy.inputs).toMatchObject({ ipCidrRange: layout.public.cidr, purpose: "REGIONAL_MANAGED_PROXY", role: "ACTIVE" });
        // The API rejects flow logs on proxy-only subnets.
        expect(proxy.inputs.logConfig).toBeUndefined();

        const [router] = childrenOf(p, network, T.router);
        const [nat] = childrenOf(p, network, T.nat);
        expect(router.inputs).toMatchObject({ region, network: vpcId });
        expect(nat.inputs).toMatchObject({
            region,
            router: router.inputs.name,
            natIpAllocateOption: "AUTO_ONLY",
            sourceSubnetworkIpRangesToNat: "ALL_SUBNETWORKS_ALL_IP_RANGES",
            logConfig: { enable: true, filter: "ERRORS_ONLY" },
        });

        const firewalls = childrenOf(p, network, T.firewall);
        const denyAll = firewalls.find((f) => f.name === `${role}-network-deny-all-ingress`)!;
        expect(denyAll.inputs).toMatchObject({ network: vpcId, direction: "INGRESS", priority: 65534, sourceRanges: ["0.0.0.0/0"], denies: [{ protocol: "all" }] });
        expect(denyAll.inputs.allows).toBeUndefined();
        const healthChecks = firewalls.find((f) => f.name === `${role}-network-allow-health-checks`)!;
        expect(healthChecks.inputs).toMatchObject({
            direction: "INGRESS",
            sourceRanges: [...GOOGLE_HEALTH_CHECK_RANGES],
            destinationRanges: [layout.app.cidr, ranges.pods],
            allows: [{ protocol: "tcp" }],
        });
        // Nothing else is opened here, and nothing at all from the internet.
        expect(firewalls).toHaveLength(2);
        for (const f of firewalls.filter((x) => x.inputs.allows)) expect(f.inputs.sourceRanges).not.toContain("0.0.0.0/0");

        const [address] = childrenOf(p, network, T.address);
        const [connection] = childrenOf(p, network, T.connection);
        const [base, prefix] = ranges.privateServices.split("/");
        expect(address.inputs).toMatchObject({ network: vpcId, purpose: "VPC_PEERING", addressType: "INTERNAL", address: base, prefixLength: Number(prefix) });
        expect(connection.inputs).toEqual({ network: vpcId, service: "servicenetworking.googleapis.com", reservedPeeringRanges: [address.inputs.name] });

        for (const r of descendants(p, network)) expect(r.provider, r.name).toBe(provider.urn);
    });

    it("makes every spine resource wait for the project's APIs", async () => {
        const p = await get();
        const compute = ofType(p, T.service).find((s) => s.inputs.service === "compute.googleapis.com")!;
        const kms = ofType(p, T.service).find((s) => s.inputs.service === "cloudkms.googleapis.com")!;
        for (const vpc of ofType(p, T.network)) expect(vpc.dependencies).toContain(compute.urn);
        for (const ring of ofType(p, T.keyRing)) expect(ring.dependencies).toContain(kms.urn);
    });

    it("places the spine in components, with a DR network and keys only in prod", async () => {
        const p = await get();
        expect(ofType(p, KEYS).map((k) => k.name).sort()).toEqual(roles.map((r) => `${r}-keys`).sort());
        expect(ofType(p, NETWORK).map((n) => n.name).sort()).toEqual(roles.map((r) => `${r}-network`).sort());
        // The data tier's, the cluster's and the security baseline's and identity's components hold their own GCP resources.
        const owners = ["gravitypm:components:Database", "gravitypm:components:Cache", "gravitypm:components:Cluster", "gravitypm:components:SecurityBaseline", "gravitypm:components:Identity", "gravitypm:components:Observability"];
        const dataTier = p.resources.filter((r) => owners.includes(r.type));
        const components = new Set([...ofType(p, KEYS), ...ofType(p, NETWORK), ...ofType(p, ALERTS), one(p, PROJECT_SERVICES_TYPE), ...dataTier].map((c) => c.urn));
        const cloud = p.resources.filter((r) => r.custom && r.type.startsWith("gcp:"));
        for (const r of cloud) expect(components.has(r.parent ?? ""), `${r.type} ${r.name}`).toBe(true);
        for (const r of cloud) expect(byUrn(p, r.provider)?.type, r.name).toBe(T.provider);
        expect(ofType(p, T.subnet)).toHaveLength(3 * roles.length);
        expect(ofType(p, T.nat)).toHaveLength(roles.length);
    });
});

describe("GCP alert webhook", () => {
    it("adds a token-auth webhook channel whose URL stays secret", async () => {
        const url = "https://alerts.example.com/hook?auth_token=abc123";
        const p = await plan("staging", "gcp", { alertWebhookUrl: url });
        const webhook = one(p, T.channel, "alerts-webhook");
        expect(webhook.inputs.type).toBe("webhook_tokenauth");
        expect(webhook.secretInputs).toContain("labels.url");
        expect(JSON.stringify(webhook.inputs)).not.toContain("abc123");
        expect(p.outputs.alertTargets as string[]).toHaveLength(2);
    });
});

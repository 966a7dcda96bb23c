/** No database or cache is reachable from the internet [—]. */
import { dataStores, STORE_RELATED_TYPES, STORES, type DataStore } from "../../lib/datastores";
import { ALL_PORTS, awsPortRange, includesPort, isOpenSource, parsePortSpec, type PortRange } from "../../lib/network";
import { stackRule, type Finding } from "../../lib/rule";
import type { StackResource, StackView } from "../../lib/stack";
import { bool, get, known, records, sameText, str, strings } from "../../lib/values";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const SG_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
const SG_INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const GCP_FIREWALL = "gcp:compute/firewall:Firewall";
const GCP_NETWORK = "gcp:compute/network:Network";
const NSG = "azure-native:network:NetworkSecurityGroup";
const NSG_RULE = "azure-native:network:SecurityRule";
const ATLAS_ACCESS_LIST = "mongodbatlas:index/projectIpAccessList:ProjectIpAccessList";
const MONGO_FIREWALL = "azure-native:mongocluster:FirewallRule";

interface OpenPath {
    readonly via: StackResource;
    readonly range: PortRange;
}

function awsOpenPaths(store: StackResource, stack: StackView): OpenPath[] {
    const groups = stack.dependenciesOf(store).filter((d) => d.type === SG);
    return groups.flatMap((sg) => [
        ...records(sg.props.ingress)
            .filter((r) => [...strings(r.cidrBlocks), ...strings(r.ipv6CidrBlocks)].some(isOpenSource))
            .map((r) => ({ via: sg, range: awsPortRange(r.fromPort, r.toPort, r.protocol) })),
        ...stack
            .dependentsOf(sg.urn)
            .filter((r) => (r.type === SG_RULE && str(r.props.type) === "ingress" && [...strings(r.props.cidrBlocks), ...strings(r.props.ipv6CidrBlocks)].some(isOpenSource)) || (r.type === SG_INGRESS && [...strings(r.props.cidrIpv4), ...strings(r.props.cidrIpv6)].some(isOpenSource)))
            .map((r) => ({ via: r, range: awsPortRange(r.props.fromPort, r.props.toPort, r.type === SG_INGRESS ? r.props.ipProtocol : r.props.protocol) })),
    ]);
}

function gcpOpenPaths(store: StackResource, stack: StackView): OpenPath[] {
    const networks = stack.dependenciesOf(store).filter((d) => d.type === GCP_NETWORK);
    const networkValues = [store.props.authorizedNetwork, ...records(store.props.pscConfigs).map((c) => c.network)].map((v) => known(() => str(v))).flatMap((v) => (v.known && v.value ? [v.value] : []));
    return stack
        .ofType(GCP_FIREWALL)
        .filter((fw) => networks.some((n) => fw.dependencies.includes(n.urn)) || networkValues.includes(known(() => str(fw.props.network)).known ? (str(fw.props.network) ?? "") : ""))
        .filter((fw) => (str(fw.props.direction) ?? "INGRESS") === "INGRESS" && bool(fw.props.disabled) !== true && strings(fw.props.sourceRanges).some(isOpenSource))
        .flatMap((fw) =>
            records(fw.props.allows).flatMap((a) => {
                const ports = strings(a.ports);
                return (ports.length === 0 || str(a.protocol) === "all" ? [ALL_PORTS] : ports.map(parsePortSpec)).map((range) => ({ via: fw, range }));
            }),
        );
}

function azureOpenPaths(stack: StackView): OpenPath[] {
    const rules = [...stack.ofType(NSG).flatMap((nsg) => records(nsg.props.securityRules).map((rule) => ({ via: nsg, rule }))), ...stack.ofType(NSG_RULE).map((r) => ({ via: r, rule: { ...r.props } }))];
    return rules
        .filter(({ rule }) => sameText(rule.direction, "Inbound") && sameText(rule.access, "Allow") && [...strings(rule.sourceAddressPrefix), ...strings(rule.sourceAddressPrefixes)].some(isOpenSource))
        .flatMap(({ via, rule }) => {
            const specs = [...strings(rule.destinationPortRange), ...strings(rule.destinationPortRanges)];
            return (specs.length === 0 ? ["*"] : specs).map((s) => ({ via, range: parsePortSpec(s) }));
        });
}

function storeFindings(store: DataStore, stack: StackView): Finding[] {
    const { resource, spec } = store;
    const where = `${spec.label} ${resource.name}`;
    const findings: Finding[] = [];
    const endpoint = spec.publicEndpoint?.(resource.props);
    if (endpoint) findings.push({ urn: resource.urn, message: `${where} has a public endpoint: ${endpoint}` });
    const ports = spec.ports(resource.props);
    const paths = resource.type.startsWith("aws:") ? awsOpenPaths(resource, stack) : resource.type.startsWith("gcp:") ? gcpOpenPaths(resource, stack) : resource.type.startsWith("azure-native:") ? azureOpenPaths(stack) : [];
    for (const path of paths) {
        const hit = ports.find((p) => includesPort(path.range, p));
        if (hit !== undefined) findings.push({ urn: resource.urn, message: `${where} port ${hit} is open to the internet through ${path.via.type.split(":").pop()} ${path.via.name}` });
    }
    if (resource.type === "azure-native:mongocluster:MongoCluster") {
        for (const fw of stack.dependentsOf(resource.urn).filter((d) => d.type === MONGO_FIREWALL)) {
            const start = str(get(fw.props, "properties.startIpAddress"));
            const end = str(get(fw.props, "properties.endIpAddress"));
            if (start === "0.0.0.0" && end === "255.255.255.255") findings.push({ urn: resource.urn, message: `${where} firewall rule ${fw.name} admits every address` });
        }
    }
    if (resource.type.startsWith("mongodbatlas:")) {
        for (const entry of stack.ofType(ATLAS_ACCESS_LIST)) {
            if (isOpenSource(entry.props.cidrBlock) || isOpenSource(entry.props.ipAddress)) findings.push({ urn: resource.urn, message: `${where} project access list ${entry.name} admits 0.0.0.0/0` });
        }
    }
    return findings;
}

export function dataStoreExposureFindings(stack: StackView): Finding[] {
    return dataStores(stack).flatMap((s) => storeFindings(s, stack));
}

export const stackDataStoreNotPublic = stackRule({
    name: "stack-data-store-not-public",
    description: "No database or cache has a public endpoint or a firewall path from 0.0.0.0/0 to its port.",
    explanation: "A resource rule sees a firewall rule or a database, never both; only the stack shows that an open rule leads to a data store's port.",
    remediation: "Disable public network access on the store and open its port only to the app's security group, subnet or private endpoint.",
    enforcementLevel: "mandatory",
    area: "stack",
    anchors: [],
    types: [...Object.keys(STORES), ...STORE_RELATED_TYPES, SG, SG_RULE, SG_INGRESS, GCP_FIREWALL, GCP_NETWORK, NSG, NSG_RULE, ATLAS_ACCESS_LIST, MONGO_FIREWALL],
    defaults: {},
    check: (stack) => dataStoreExposureFindings(stack),
});

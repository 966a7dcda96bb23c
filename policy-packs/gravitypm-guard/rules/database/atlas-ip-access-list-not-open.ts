/** Atlas projects do not admit the whole internet [—]. */
import { isOpenSource } from "../../lib/network";
import { resourceRule } from "../../lib/rule";
import type { Props } from "../../lib/values";

export const ATLAS_IP_ACCESS_LIST = "mongodbatlas:index/projectIpAccessList:ProjectIpAccessList";

export function atlasAccessListProblems(props: Props): string[] {
    const open = [props.cidrBlock, props.ipAddress].find(isOpenSource);
    return open === undefined ? [] : [`the access list admits ${String(open)}: every address on the internet can try to connect`];
}

export const atlasIpAccessListNotOpen = resourceRule({
    name: "atlas-ip-access-list-not-open",
    description: "MongoDB Atlas IP access lists never admit 0.0.0.0/0.",
    explanation: "An open access list leaves only the password between the internet and the database.",
    remediation: "Reach the cluster over private endpoints (mongodbatlas.PrivateLinkEndpoint) and list only specific egress addresses, if any.",
    enforcementLevel: "mandatory",
    area: "database",
    anchors: [],
    types: [ATLAS_IP_ACCESS_LIST],
    defaults: {},
    check: (props) => atlasAccessListProblems(props),
});
